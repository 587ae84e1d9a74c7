"""Writes to the document registry: drafts, legal bases, issuing with a number, the cascade
of obligations to recipient units, acknowledgements and reminders."""

import datetime as dt

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts import permissions
from core.notifications import notify
from documents.models import Document, DocumentBasis, DocumentType, ExternalBody, Obligation, Recipient
from documents.numbering import compose_symbol, format_number, next_number
from documents.reader.numbers import parse_number_symbol
from organisations.models import Unit

EDITABLE_FIELDS = {"doc_type", "summary", "theme", "body", "place", "signer_authority", "signer_position",
                   "signer_name", "recipients_text", "requires_plan", "plan_deadline", "parent"}


@transaction.atomic
def create_draft(*, actor, issuer: Unit, doc_type: DocumentType, summary: str, **fields) -> Document:
    if not permissions.can_manage_documents(actor, issuer):
        raise PermissionDenied(_("You may only draft documents for units in your scope."))
    unknown = set(fields) - EDITABLE_FIELDS
    if unknown:
        raise TypeError(f"not editable: {unknown}")
    document = Document(doc_type=doc_type, issuer_unit=issuer, summary=summary, created_by=actor, **fields)
    _check_parent(document)
    document.save()
    return document


@transaction.atomic
def update_draft(*, actor, document: Document, **fields) -> Document:
    document = Document.objects.select_for_update().get(pk=document.pk)
    if not permissions.can_manage_documents(actor, document.issuer_unit):
        raise PermissionDenied
    if not document.is_editable:
        raise ValidationError(_("An issued document cannot be edited; issue a new one that replaces it."))
    for key, value in fields.items():
        if key not in EDITABLE_FIELDS:
            raise TypeError(f"not editable: {key}")
        setattr(document, key, value)
    _check_parent(document)
    document.save()
    return document


def _check_parent(document: Document) -> None:
    parent = document.parent
    if parent is None:
        return
    if parent.status != Document.Status.ISSUED:
        raise ValidationError({"parent": _("A plan can only implement an issued plan.")})
    if document.issuer_unit_id and not parent.obligations.filter(unit_id=document.issuer_unit_id).exists():
        raise ValidationError({"parent": _("Your unit is not a recipient of that plan.")})


@transaction.atomic
def record_external(*, actor, doc_type: DocumentType, number_symbol: str, issued_on: dt.date | None,
                    summary: str, issuer_body: ExternalBody | None = None, issuer_unit: Unit | None = None,
                    body: str = "") -> Document:
    """Record a document issued elsewhere (usually a legal basis), e.g. Chỉ thị 35/CT-TTg."""
    parsed = parse_number_symbol(number_symbol)
    if parsed is None:
        raise ValidationError({"number_symbol": _("“%(value)s” is not a valid number/symbol (e.g. 35/CT-TTg).")
                               % {"value": number_symbol}})
    if issued_on and issued_on > timezone.localdate():
        raise ValidationError({"issued_on": _("The date cannot be in the future.")})
    existing = Document.objects.filter(number_symbol=str(parsed), doc_type=doc_type,
                                       year=parsed.year or (issued_on.year if issued_on else None))
    if issuer_body:
        existing = existing.filter(issuer_body=issuer_body)
    if existing.exists():
        raise ValidationError({"number_symbol": _("The document %(ns)s is already in the registry.") % {"ns": parsed}})
    return Document.objects.create(
        doc_type=doc_type, issuer_body=issuer_body, issuer_unit=issuer_unit, status=Document.Status.RECORDED,
        number_symbol=str(parsed), number=int(parsed.number) if parsed.number.isdigit() else None,
        year=parsed.year or (issued_on.year if issued_on else None), issued_on=issued_on, summary=summary,
        body=body, created_by=actor,
    )


def _reachable_bases(start_ids: set[int]) -> set[int]:
    """Every document reachable through bases from `start_ids` (breadth first, one query per level)."""
    seen: set[int] = set()
    frontier = set(start_ids)
    while frontier:
        seen |= frontier
        frontier = set(
            DocumentBasis.objects.filter(document_id__in=frontier).values_list("basis_id", flat=True)
        ) - seen
    return seen


@transaction.atomic
def set_bases(*, actor, document: Document, bases: list[Document]) -> None:
    """Replace a document's legal bases, refusing a basis that leads back to the document."""
    if document.issuer_unit_id and not permissions.can_manage_documents(actor, document.issuer_unit):
        raise PermissionDenied
    ids = [b.pk for b in bases]
    if document.pk in ids:
        raise ValidationError({"bases": _("A document cannot cite itself as its legal basis.")})
    if document.pk in _reachable_bases(set(ids)):
        raise ValidationError({"bases": _("These bases form a cycle: one of them already rests on this document.")})
    DocumentBasis.objects.filter(document=document).delete()
    DocumentBasis.objects.bulk_create([DocumentBasis(document=document, basis=b, order=i) for i, b in enumerate(bases)])


@transaction.atomic
def set_recipients(*, actor, document: Document, units: list[Unit]) -> None:
    if not permissions.can_manage_documents(actor, document.issuer_unit):
        raise PermissionDenied
    if not document.is_editable:
        raise ValidationError(_("The recipients of an issued document cannot change."))
    Recipient.objects.filter(document=document).delete()
    Recipient.objects.bulk_create([Recipient(document=document, unit=u) for u in {u.pk: u for u in units}.values()])


@transaction.atomic
def issue_document(*, actor, document: Document, issued_on: dt.date | None = None) -> Document:
    """Give the draft its number, date it, and create an obligation for every recipient unit.
    An implementing plan issued by a recipient fulfils that unit's obligation."""
    document = Document.objects.select_for_update().select_related("doc_type", "issuer_unit").get(pk=document.pk)
    if not permissions.can_manage_documents(actor, document.issuer_unit):
        raise PermissionDenied(_("You may only issue documents of units in your scope."))
    if document.status != Document.Status.DRAFT:
        raise ValidationError(_("This document has already been issued as %(ns)s.") % {"ns": document.number_symbol})
    issued_on = issued_on or timezone.localdate()
    if issued_on > timezone.localdate():
        raise ValidationError({"issued_on": _("The issue date cannot be in the future.")})
    if document.plan_deadline and document.plan_deadline < issued_on:
        raise ValidationError({"plan_deadline": _("The deadline cannot be before the issue date.")})
    if document.requires_plan and not document.doc_type.is_plan:
        raise ValidationError({"requires_plan": _("Only plans and directives can ask for implementing plans.")})
    number = next_number(document.issuer_unit, document.doc_type, issued_on.year)
    document.number = number
    document.year = issued_on.year
    document.issued_on = issued_on
    document.number_symbol = f"{format_number(number)}/{compose_symbol(document.doc_type, document.issuer_unit)}"
    document.status = Document.Status.ISSUED
    document.save()

    units = list(Unit.objects.filter(received_documents__document=document))
    Obligation.objects.bulk_create([
        Obligation(document=document, unit=unit, requires_plan=document.requires_plan, due_on=document.plan_deadline)
        for unit in units
    ])
    if document.parent_id:
        Obligation.objects.filter(document_id=document.parent_id, unit_id=document.issuer_unit_id,
                                  fulfilled_at__isnull=True).update(fulfilled_by=document, fulfilled_at=timezone.now(),
                                                                    acknowledged_at=timezone.now())
    if units:
        text = _("%(issuer)s issued %(doc)s") % {"issuer": document.issuer_unit.display_name, "doc": document}
        notify(permissions.officers_of_units(units), text, f"/van-ban/{document.pk}/")
    return document


@transaction.atomic
def acknowledge(*, actor, obligation: Obligation) -> Obligation:
    obligation = Obligation.objects.select_for_update().get(pk=obligation.pk)
    if not permissions.can_act_for_unit(actor, obligation.unit):
        raise PermissionDenied
    if obligation.acknowledged_at is None:
        obligation.acknowledged_at = timezone.now()
        obligation.acknowledged_by = actor
        obligation.save(update_fields=["acknowledged_at", "acknowledged_by"])
    return obligation


@transaction.atomic
def send_reminders(*, document: Document, actor=None) -> int:
    """Remind the officers of every unit that has not acted on a plan yet. Returns units reminded."""
    if actor is not None and not permissions.can_manage_documents(actor, document.issuer_unit):
        raise PermissionDenied
    pending = list(
        Obligation.objects.select_related("unit").filter(document=document).filter(
            fulfilled_at__isnull=True, **({} if document.requires_plan else {"acknowledged_at__isnull": True})
        )
    )
    by_unit = permissions.officers_by_unit([o.unit for o in pending])
    for obligation in pending:
        if obligation.requires_plan:
            text = _("Reminder: %(unit)s has not issued its plan implementing %(doc)s (due %(due)s).") % {
                "unit": obligation.unit.display_name, "doc": document.number_symbol,
                "due": obligation.due_on.strftime("%d/%m/%Y") if obligation.due_on else "—"}
        else:
            text = _("Reminder: please acknowledge %(doc)s.") % {"doc": document.number_symbol}
        notify(by_unit.get(obligation.unit_id, []), text, f"/van-ban/{document.pk}/")
    Obligation.objects.filter(pk__in=[o.pk for o in pending]).update(last_reminded_at=timezone.now())
    for obligation in pending:
        Obligation.objects.filter(pk=obligation.pk).update(reminder_count=obligation.reminder_count + 1)
    return len(pending)
