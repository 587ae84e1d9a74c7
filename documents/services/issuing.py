"""Issuing with a number and the cascade: an obligation per recipient unit, acknowledged, and fulfilled by the implementing plan a recipient starts from it."""

import datetime as dt

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts import permissions
from core.notifications import notify
from documents import tallies
from documents.models import (
    Document,
    DocumentBasis,
    DocumentType,
    Obligation,
)
from documents.numbering import compose_symbol, format_number, next_number, reserve_number
from documents.services.drafts import create_draft
from documents.services.numbers import _check_number_free, parse_symbol_for
from organisations.models import Unit

__all__ = ["IMPLEMENTING_SUMMARY", "acknowledge", "document_url", "issue_document", "start_implementing_plan"]


def document_url(document: Document) -> str:
    return f"/van-ban/{document.pk}/"


def _check_deadline(document: Document, issued_on: dt.date | None) -> None:
    if document.plan_deadline and issued_on and document.plan_deadline < issued_on:
        raise ValidationError({"plan_deadline": _("The deadline cannot be before the issue date.")})


@transaction.atomic
def issue_document(
    *, actor, document: Document, issued_on: dt.date | None = None, number_symbol: str = ""
) -> Document:
    """Give the draft its number, date it, and create an obligation for every recipient unit.
    An implementing plan issued by a recipient fulfils that unit's obligation.

    `number_symbol` enters a document already issued on paper under that number (checked
    against the type, the issuer's symbol and the numbers already used)."""
    document = (
        Document.objects.select_for_update(of=("self",))
        .select_related("doc_type", "issuer_unit")
        .get(pk=document.pk)
    )
    if document.issuer_unit is None or not permissions.can_manage_documents(actor, document.issuer_unit):
        raise PermissionDenied(_("You may only issue documents of units in your scope."))
    if document.status != Document.Status.DRAFT:
        raise ValidationError(
            _("This document has already been issued as %(ns)s.") % {"ns": document.number_symbol}
        )
    issued_on = issued_on or timezone.localdate()
    if issued_on > timezone.localdate():
        raise ValidationError({"issued_on": _("The issue date cannot be in the future.")})
    issuer = document.issuer_unit
    if issuer.valid_to and issued_on >= issuer.valid_to:
        raise ValidationError(
            {
                "issued_on": _("%(unit)s ended on %(date)s: it can only issue documents dated before.")
                % {"unit": issuer.name, "date": issuer.valid_to.strftime("%d/%m/%Y")}
            }
        )
    _check_deadline(document, issued_on)
    if document.requires_plan and not document.doc_type.is_plan:
        raise ValidationError(
            {"requires_plan": _("Only plans and directives can ask for implementing plans.")}
        )
    if document.requires_plan and not document.recipients.exists():
        raise ValidationError({"requires_plan": _("Choose the recipient units that must issue their plans.")})
    if number_symbol:
        parsed = parse_symbol_for(number_symbol, document.doc_type, document.issuer_unit)
        if parsed.year and parsed.year != issued_on.year:
            raise ValidationError(
                {"number_symbol": _("The year in the symbol is not the year of the issue date.")}
            )
        number = int(parsed.number)
        _check_number_free(
            document.issuer_unit, document.doc_type, issued_on.year, number, exclude_pk=document.pk
        )
        reserve_number(document.issuer_unit, document.doc_type, issued_on.year, number)
        document.number_symbol = str(parsed)
    else:
        number = next_number(document.issuer_unit, document.doc_type, issued_on.year)
        document.number_symbol = (
            f"{format_number(number)}/"
            f"{compose_symbol(document.doc_type, document.issuer_unit, document.drafting_office)}"
        )
    document.number = number
    document.year = issued_on.year
    document.issued_on = issued_on
    document.status = Document.Status.ISSUED
    try:
        with transaction.atomic():
            document.save()
    except IntegrityError as exc:  # the unique constraint, should a number slip through
        raise ValidationError({"number_symbol": _("That number is already used; try again.")}) from exc

    units = list(Unit.objects.filter(received_documents__document=document))
    tallies.count_obligations(
        Obligation.objects.bulk_create(
            [
                Obligation(
                    document=document,
                    unit=unit,
                    requires_plan=document.requires_plan,
                    due_on=document.plan_deadline,
                )
                for unit in units
            ]
        )
    )
    if document.parent_id:
        now = timezone.now()
        fulfilled = list(
            Obligation.objects.select_for_update(of=("self",))
            .select_related("document")
            .filter(document_id=document.parent_id, unit=document.issuer_unit, fulfilled_at__isnull=True)
        )
        Obligation.objects.filter(pk__in=[o.pk for o in fulfilled]).update(
            fulfilled_by=document, fulfilled_at=now
        )
        tallies.count_fulfilled(fulfilled)
        Obligation.objects.filter(
            document_id=document.parent_id, unit=document.issuer_unit, acknowledged_at__isnull=True
        ).update(acknowledged_at=now, acknowledged_by=actor)
    if units:
        text = _("%(issuer)s issued %(doc)s") % {"issuer": document.issuer_unit.display_name, "doc": document}
        notify(permissions.officers_of_units(units), text, document_url(document))
    return document


@transaction.atomic
def acknowledge(*, actor, obligation: Obligation) -> Obligation:
    obligation = (
        Obligation.objects.select_for_update(of=("self",)).select_related("unit").get(pk=obligation.pk)
    )
    if not permissions.can_act_for_unit(actor, obligation.unit):
        raise PermissionDenied
    if obligation.acknowledged_at is None:
        obligation.acknowledged_at = timezone.now()
        obligation.acknowledged_by = actor
        obligation.save(update_fields=["acknowledged_at", "acknowledged_by"])
    return obligation


IMPLEMENTING_SUMMARY = "Kế hoạch thực hiện {type} số {number}{date} của {issuer}"


@transaction.atomic
def start_implementing_plan(*, actor, obligation: Obligation) -> Document:
    """A recipient reuses the plan it received: a draft Kế hoạch of its own that implements the
    parent, cites it as a legal basis and starts from its content. The signer is left blank:
    the recipient's own leader signs. Asking twice returns the same draft."""
    obligation = Obligation.objects.select_related(
        "unit", "document__doc_type", "document__issuer_unit", "document__issuer_body"
    ).get(pk=obligation.pk)
    unit, parent = obligation.unit, obligation.document
    if not permissions.can_manage_documents(actor, unit):
        raise PermissionDenied
    existing = Document.objects.filter(parent=parent, issuer_unit=unit).order_by("pk").first()
    if existing is not None:
        return existing
    plan_type = DocumentType.objects.get(code="KH")
    # Document text stays Vietnamese whatever the interface language (ND30 content).
    summary = IMPLEMENTING_SUMMARY.format(
        type=parent.doc_type.name,
        number=parent.number_symbol,
        date=f" ngày {parent.issued_on:%d/%m/%Y}" if parent.issued_on else "",
        issuer=parent.issuer_name,
    )
    document = create_draft(
        actor=actor,
        issuer=unit,
        doc_type=plan_type,
        summary=summary[:500],
        parent=parent,
        theme=parent.theme,
        body=parent.body,
        place=parent.place,
    )
    DocumentBasis.objects.create(document=document, basis=parent, order=0)
    if obligation.acknowledged_at is None:
        Obligation.objects.filter(pk=obligation.pk).update(
            acknowledged_at=timezone.now(), acknowledged_by=actor
        )
    return document
