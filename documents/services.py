"""Writes to the document registry: drafts, legal bases, recipients, attachments, issuing
with a number, the cascade of obligations to recipient units, acknowledgements, reminders
and the implementing plan a recipient starts from its obligation.

Every function checks the actor's permission through `accounts.permissions`, runs in one
transaction and raises ValidationError({field: Vietnamese message}) on a broken rule, so
nothing is ever half-saved."""

import datetime as dt
import re
from collections.abc import Collection

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts import permissions
from core.notifications import notify
from core.text import normalize
from core.uploads import DOCX, PDF, XLSX, check_upload
from documents import official
from documents.models import (
    Attachment,
    Document,
    DocumentBasis,
    DocumentType,
    ExternalBody,
    Obligation,
    Recipient,
)
from documents.numbering import compose_symbol, format_number, issuer_symbol, next_number, reserve_number
from documents.reader.numbers import NumberSymbol, parse_number_symbol
from documents.recipient_groups import RecipientGroup
from organisations.models import Unit

EDITABLE_FIELDS = {
    "doc_type",
    "summary",
    "theme",
    "body",
    "place",
    "signer_authority",
    "signer_position",
    "signer_name",
    "recipients_text",
    "requires_plan",
    "plan_deadline",
    "parent",
    "drafting_office",
}
ATTACHMENT_TYPES = {PDF, DOCX, XLSX}


def document_url(document: Document) -> str:
    return f"/van-ban/{document.pk}/"


# Drafts --------------------------------------------------------------------------------


@transaction.atomic
def create_draft(*, actor, issuer: Unit, doc_type: DocumentType, summary: str, **fields) -> Document:
    if not permissions.can_manage_documents(actor, issuer):
        raise PermissionDenied(_("You may only draft documents for units in your scope."))
    unknown = set(fields) - EDITABLE_FIELDS
    if unknown:
        raise TypeError(f"not editable: {unknown}")
    document = Document(doc_type=doc_type, issuer_unit=issuer, summary=summary, created_by=actor, **fields)
    _check_draft(document)
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
    _check_draft(document)
    document.save()
    return document


@transaction.atomic
def discard_draft(*, actor, document: Document) -> None:
    """Delete a draft that was never issued, with its links and attachments."""
    document = Document.objects.select_for_update().get(pk=document.pk)
    if not permissions.can_manage_documents(actor, document.issuer_unit):
        raise PermissionDenied
    if not document.is_editable:
        raise ValidationError(_("Only a draft can be deleted; an issued document stays in the registry."))
    for attachment in document.attachments.all():
        attachment.file.delete(save=False)
    document.delete()


def _check_draft(document: Document, summary_required: bool = True) -> None:
    if summary_required and not normalize(document.summary):
        raise ValidationError({"summary": _("The summary (trích yếu) is required.")})
    parent = document.parent
    if parent is None:
        return
    if not Document.objects.filter(pk=parent.pk, status=Document.Status.ISSUED).exists():  # the stored truth
        raise ValidationError({"parent": _("A plan can only implement an issued plan.")})
    if document.issuer_unit_id and not parent.obligations.filter(unit_id=document.issuer_unit_id).exists():
        raise ValidationError({"parent": _("Your unit is not a recipient of that plan.")})


# Numbers -------------------------------------------------------------------------------


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


# Outside documents (legal bases) -------------------------------------------------------


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


# Legal bases ---------------------------------------------------------------------------


def _reachable_bases(start_ids: set[int]) -> set[int]:
    """Every document reachable through bases from `start_ids` (breadth first, one query per level)."""
    seen: set[int] = set()
    frontier = set(start_ids)
    while frontier:
        seen |= frontier
        frontier = (
            set(DocumentBasis.objects.filter(document_id__in=frontier).values_list("basis_id", flat=True))
            - seen
        )
    return seen


@transaction.atomic
def set_bases(*, actor, document: Document, bases: list[Document]) -> None:
    """Replace a document's legal bases, refusing a basis that leads back to the document."""
    if not permissions.can_edit_document(actor, document):
        raise PermissionDenied
    if document.status == Document.Status.ISSUED:
        raise ValidationError({"bases": _("The legal bases of an issued document cannot change.")})
    ids = [b.pk for b in bases]
    if document.pk in ids:
        raise ValidationError({"bases": _("A document cannot cite itself as its legal basis.")})
    if document.pk in _reachable_bases(set(ids)):
        raise ValidationError(
            {"bases": _("These bases form a cycle: one of them already rests on this document.")}
        )
    DocumentBasis.objects.filter(document=document).delete()
    DocumentBasis.objects.bulk_create(
        [DocumentBasis(document=document, basis=b, order=i) for i, b in enumerate(bases)]
    )


def add_basis(*, actor, document: Document, basis: Document) -> None:
    current = [link.basis for link in document.basis_links.select_related("basis")]
    if basis.pk in {b.pk for b in current}:
        return
    set_bases(actor=actor, document=document, bases=[*current, basis])


def remove_basis(*, actor, document: Document, basis: Document) -> None:
    current = [link.basis for link in document.basis_links.select_related("basis")]
    set_bases(actor=actor, document=document, bases=[b for b in current if b.pk != basis.pk])


# Recipients ----------------------------------------------------------------------------


@transaction.atomic
def set_recipients(
    *, actor, document: Document, units: list[Unit], recipients_text: str | None = None
) -> None:
    """The units of ours a draft goes to (each gets an obligation on issue) and, optionally,
    the printed “Nơi nhận” block, where outside bodies are named."""
    if not permissions.can_manage_documents(actor, document.issuer_unit):
        raise PermissionDenied
    if not document.is_editable:
        raise ValidationError(_("The recipients of an issued document cannot change."))
    if any(u.pk == document.issuer_unit_id for u in units):
        raise ValidationError({"units": _("A unit does not send a document to itself.")})
    Recipient.objects.filter(document=document).delete()
    Recipient.objects.bulk_create(
        [Recipient(document=document, unit=u) for u in {u.pk: u for u in units}.values()]
    )
    if recipients_text is not None:
        Document.objects.filter(pk=document.pk).update(recipients_text=recipients_text.strip())
        document.recipients_text = recipients_text.strip()


def choose_recipients(
    *,
    actor,
    document: Document,
    units: list[Unit],
    groups: list[tuple[RecipientGroup, list[Unit]]],
    codes: str = "",
    recipients_text: str = "",
) -> list[Unit]:
    """The recipients page's choice, saved: the units ticked, every unit of the groups ticked, and
    the units named by code in the actor's scope (a code outside it is refused by name). Left
    empty, the “Nơi nhận” block is written: the groups' lines, the units named outside them, the
    archive line. Returns the units chosen."""
    chosen = {u.pk: u for u in units}
    for _group, members in groups:
        chosen.update({u.pk: u for u in members})
    wanted = [c for c in re.split(r"[\s,;]+", codes) if c]
    if wanted:
        found = {u.code: u for u in permissions.visible_units(actor).filter(code__in=wanted)}
        missing = [c for c in wanted if c not in found]
        if missing:
            raise ValidationError(
                {"codes": _("No unit with code %(codes)s in your scope.") % {"codes": ", ".join(missing)}}
            )
        chosen.update({u.pk: u for u in found.values()})
    text = recipients_text.strip()
    if not text:
        named = [u for u in chosen.values() if not any(u in members for _group, members in groups)]
        text = "\n".join(
            [
                *(group.label for group, _members in groups),
                *[u.display_name for u in named],
                official.DEFAULT_ARCHIVE_LINE,
            ]
        )
    set_recipients(actor=actor, document=document, units=list(chosen.values()), recipients_text=text)
    return list(chosen.values())


# Attachments ---------------------------------------------------------------------------


@transaction.atomic
def add_attachment(*, actor, document: Document, file) -> Attachment:
    """File a PDF, Word or Excel file with a document; the type is decided by content."""
    if not permissions.can_edit_document(actor, document):
        raise PermissionDenied
    kind = check_upload(file, ATTACHMENT_TYPES, max_mb=settings.MAX_UPLOAD_MB, field_label=file.name)
    attachment = Attachment(
        document=document, original_name=file.name[:255], kind=kind, size=file.size, uploaded_by=actor
    )
    attachment.file.save(file.name, file, save=False)
    attachment.save()
    return attachment


@transaction.atomic
def remove_attachment(*, actor, attachment: Attachment) -> None:
    if not permissions.can_edit_document(actor, attachment.document):
        raise PermissionDenied
    attachment.file.delete(save=False)
    attachment.delete()


# Issuing and the cascade ---------------------------------------------------------------


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
    if document.parent_id:
        now = timezone.now()
        Obligation.objects.filter(
            document_id=document.parent_id, unit=document.issuer_unit, fulfilled_at__isnull=True
        ).update(fulfilled_by=document, fulfilled_at=now)
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


# Reminders -----------------------------------------------------------------------------


def pending_obligations(document: Document):
    """Obligations not yet met: the plan not issued where one is asked for, else not acknowledged."""
    pending = Obligation.objects.filter(document=document, fulfilled_at__isnull=True)
    if not document.requires_plan:
        pending = pending.filter(acknowledged_at__isnull=True)
    return pending


@transaction.atomic
def send_reminders(
    *,
    document: Document,
    actor=None,
    due_by: dt.date | None = None,
    once_per_day: bool = False,
    unit_ids: Collection[int] | None = None,
) -> int:
    """Remind the officers of every unit that has not acted on a document yet (only those of
    `unit_ids`, when the officer chose some on the board). `due_by` limits the reminders to
    obligations due by that date (or overdue); `once_per_day` skips units already reminded today,
    so a scheduled run can repeat safely. Returns the units reminded."""
    if actor is not None and not permissions.can_manage_documents(actor, document.issuer_unit):
        raise PermissionDenied
    pending = pending_obligations(document).select_related("unit")
    if unit_ids is not None:
        pending = pending.filter(unit_id__in=list(unit_ids))
    if due_by is not None:
        pending = pending.filter(due_on__lte=due_by)
    if once_per_day:
        pending = pending.exclude(last_reminded_at__gte=_start_of_today())
    pending = list(pending.select_for_update(of=("self",)))
    if not pending:
        return 0
    by_unit = permissions.officers_by_unit([o.unit for o in pending])
    for obligation in pending:
        if obligation.requires_plan:
            text = _("Reminder: %(unit)s has not issued its plan implementing %(doc)s (due %(due)s).") % {
                "unit": obligation.unit.display_name,
                "doc": document.number_symbol,
                "due": obligation.due_on.strftime("%d/%m/%Y") if obligation.due_on else "—",
            }
        else:
            text = _("Reminder: please acknowledge %(doc)s.") % {"doc": document.number_symbol}
        notify(by_unit.get(obligation.unit_id, []), text, document_url(document))
    Obligation.objects.filter(pk__in=[o.pk for o in pending]).update(
        last_reminded_at=timezone.now(), reminder_count=F("reminder_count") + 1
    )
    return len(pending)


def _start_of_today() -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(timezone.localdate(), dt.time.min))
