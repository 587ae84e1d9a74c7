"""Document numbers: the next number per issuer, type and year, never given twice.

The sequence row is locked with SELECT ... FOR UPDATE inside the issuing transaction, so two
officers issuing at the same moment queue on PostgreSQL; on SQLite the IMMEDIATE write
transaction serialises them. The unique constraint on Document is the last line of defence.
"""

from django.db import IntegrityError, transaction

from documents.models import DocumentType, NumberSequence
from organisations.models import Unit


def next_number(issuer: Unit, doc_type: DocumentType, year: int) -> int:
    """Reserve and return the next number. Must run inside the caller's transaction."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("next_number must be called inside transaction.atomic()")
    sequence = _locked_sequence(issuer, doc_type, year)
    sequence.last_number += 1
    sequence.save(update_fields=["last_number"])
    return sequence.last_number


def _locked_sequence(issuer: Unit, doc_type: DocumentType, year: int) -> NumberSequence:
    lookup = {"issuer_unit": issuer, "doc_type": doc_type, "year": year}
    sequence = NumberSequence.objects.select_for_update().filter(**lookup).first()
    if sequence is not None:
        return sequence
    try:
        with transaction.atomic():  # a savepoint: a concurrent creator makes this fail cleanly
            NumberSequence.objects.create(**lookup)
    except IntegrityError:
        pass
    return NumberSequence.objects.select_for_update().get(**lookup)


def reserve_number(issuer: Unit, doc_type: DocumentType, year: int, number: int) -> None:
    """Record that `number` was given outside the system (a document issued on paper and
    entered later), so the next number issued here follows it. Inside the caller's transaction."""
    sequence = _locked_sequence(issuer, doc_type, year)
    if number > sequence.last_number:
        sequence.last_number = number
        sequence.save(update_fields=["last_number"])


def format_number(number: int) -> str:
    """ND30 writes numbers below 10 with a leading zero: 01, 02 ... 09, 10, 11."""
    return f"{number:02d}"


def issuer_symbol(issuer: Unit) -> str:
    return issuer.doc_symbol or issuer.short_name or issuer.code


def compose_symbol(doc_type: DocumentType, issuer: Unit, drafting_office: str = "") -> str:
    """KH-LĐLĐ for most types; a Công văn carries no type: LĐLĐ-CSPL (issuer, drafting office)."""
    if doc_type.code_in_symbol:
        return f"{doc_type.code}-{issuer_symbol(issuer)}"
    return "-".join(part for part in (issuer_symbol(issuer), drafting_office.strip()) if part)
