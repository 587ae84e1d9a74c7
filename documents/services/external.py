"""Outside documents recorded as legal bases, with the body that issued them."""

import datetime as dt

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts import permissions
from core.text import normalize
from documents.models import (
    Document,
    DocumentType,
    ExternalBody,
)
from documents.numbering import reserve_number
from documents.services.drafts import EDITABLE_FIELDS, _check_draft
from documents.services.issuing import _check_deadline
from documents.services.numbers import _check_number_free, parse_symbol_for
from organisations.models import Unit

__all__ = ["outside_body", "record_external"]


@transaction.atomic
def record_external(
    *,
    actor,
    doc_type: DocumentType,
    number_symbol: str,
    issued_on: dt.date | None,
    summary: str,
    issuer_body: ExternalBody | None = None,
    issuer_unit: Unit | None = None,
    body: str = "",
    **fields,
) -> Document:
    """Record a document issued elsewhere or earlier on paper (usually a legal basis), e.g.
    Chỉ thị 35/CT-TTg of the Prime Minister. A document of one of our units keeps its number
    in that unit's sequence, so the next number issued here follows it."""
    if issuer_unit is not None and not permissions.can_record_documents_of(actor, issuer_unit):
        raise PermissionDenied(_("You may only record documents of units in your scope or above it."))
    if issuer_unit is None and not permissions.can_record_documents(actor):
        raise PermissionDenied
    if issuer_unit is None and issuer_body is None:
        raise ValidationError({"issuer": _("Say who issued the document.")})
    unknown = set(fields) - EDITABLE_FIELDS
    if unknown:
        raise TypeError(f"not editable: {unknown}")
    parsed = parse_symbol_for(number_symbol, doc_type, issuer_unit)
    if issued_on and issued_on > timezone.localdate():
        raise ValidationError({"issued_on": _("The date cannot be in the future.")})
    year = parsed.year or (issued_on.year if issued_on else None)
    existing = Document.objects.filter(number_symbol=str(parsed), doc_type=doc_type, year=year)
    existing = (
        existing.filter(issuer_unit=issuer_unit) if issuer_unit else existing.filter(issuer_body=issuer_body)
    )
    if existing.exists():
        raise ValidationError(
            {"number_symbol": _("The document %(ns)s is already in the registry.") % {"ns": parsed}}
        )
    number = int(parsed.number)
    if issuer_unit is not None and year:
        _check_number_free(issuer_unit, doc_type, year, number)
        reserve_number(issuer_unit, doc_type, year, number)
    document = Document(
        doc_type=doc_type,
        issuer_body=issuer_body,
        issuer_unit=issuer_unit,
        status=Document.Status.RECORDED,
        number_symbol=str(parsed),
        number=number,
        year=year,
        issued_on=issued_on,
        summary=summary,
        body=body,
        created_by=actor,
        **fields,
    )
    _check_draft(document, summary_required=False)
    _check_deadline(document, issued_on)
    document.save()
    return document


def outside_body(name: str) -> ExternalBody:
    """The outside body with this name (compared without accents), created if new."""
    from core.text import fold

    name = normalize(name)
    if not name:
        raise ValidationError({"issuer": _("Say who issued the document.")})
    folded = fold(name)
    for body in ExternalBody.objects.all():
        if fold(body.name) == folded or (body.short_name and fold(body.short_name) == folded):
            return body
    return ExternalBody.objects.create(name=name)
