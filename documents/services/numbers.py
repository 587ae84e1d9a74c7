"""Number symbols: read one for a type and issuer, and refuse a number already used."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from documents.models import (
    Document,
    DocumentType,
)
from documents.numbering import format_number, issuer_symbol
from documents.reader.numbers import NumberSymbol, parse_number_symbol
from organisations.models import Unit

__all__ = ["parse_symbol_for"]


def parse_symbol_for(number_symbol: str, doc_type: DocumentType, issuer: Unit | None = None) -> NumberSymbol:
    """Parse a number/symbol typed by a person and check it fits the document's type (and,
    for our own units, their symbol): “75/KH-LĐLĐ” for a Kế hoạch of the LĐLĐ."""
    parsed = parse_number_symbol(number_symbol)
    if parsed is None or not parsed.number.isdigit():
        raise ValidationError(
            {
                "number_symbol": _("“%(value)s” is not a valid number/symbol (e.g. 35/CT-TTg, 12/LĐLĐ-CSPL).")
                % {"value": number_symbol}
            }
        )
    if doc_type.code_in_symbol and parsed.type_code is not None and parsed.type_code != doc_type.code:
        raise ValidationError(
            {
                "number_symbol": _("The symbol %(ns)s is that of a %(other)s, not of a %(type)s.")
                % {"ns": parsed, "other": parsed.type_name or parsed.type_code, "type": doc_type.name}
            }
        )
    if issuer is not None and issuer.doc_symbol:
        expected = issuer_symbol(issuer)
        if parsed.issuer_code != expected and not parsed.issuer_code.startswith(expected + "-"):
            raise ValidationError(
                {
                    "number_symbol": _("The symbol %(ns)s does not carry %(issuer)s’s symbol “%(symbol)s”.")
                    % {"ns": parsed, "issuer": issuer.display_name, "symbol": expected}
                }
            )
    return parsed


def _check_number_free(issuer: Unit, doc_type: DocumentType, year: int, number: int, exclude_pk=None) -> None:
    taken = Document.objects.filter(issuer_unit=issuer, doc_type=doc_type, year=year, number=number)
    if exclude_pk:
        taken = taken.exclude(pk=exclude_pk)
    existing = taken.first()
    if existing is not None:
        raise ValidationError(
            {
                "number_symbol": _("Number %(number)s of %(year)s is already used by %(doc)s.")
                % {"number": format_number(number), "year": year, "doc": existing.number_symbol}
            }
        )
