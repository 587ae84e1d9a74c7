"""Decisions: issuing (numbered through the document registry, prize money on the decision
date), revoking, correcting, and the certificate layouts."""

import datetime as dt

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts import permissions
from awards.models import (
    AgendaItem,
    AwardRecord,
    CertificateTemplate,
    CouncilSession,
    Decision,
    Nomination,
    NominationBatch,
)
from awards.money import coefficient_for, missing_prize_money, prize_amount
from awards.services.common import _d
from awards.services.rules import base_salary_on, rule_set_on
from core.text import normalize
from organisations.models import Unit
from signing import services as signing

__all__ = [
    "correct_decision",
    "decision_document_type",
    "issue_decision",
    "revoke_decision",
    "save_certificate_template",
]


def decision_document_type():
    from documents.models import DocumentType

    doc_type = DocumentType.objects.filter(Q(name="Quyết định") | Q(code="QĐ")).first()
    return doc_type or DocumentType.objects.create(name="Quyết định", code="QĐ")


def _approved_by_council(nominations: list[Nomination], deciding_unit: Unit) -> None:
    approved = set(
        AgendaItem.objects.filter(
            nomination__in=nominations,
            result=AgendaItem.Result.APPROVED,
            session__status=CouncilSession.Status.CLOSED,
            session__deciding_unit=deciding_unit,
        ).values_list("nomination_id", flat=True)
    )
    refused = [n for n in nominations if n.pk not in approved or n.status != Nomination.Status.APPROVED]
    if refused:
        names = ", ".join(f"{n.nominee_name} ({n.form.name})" for n in refused)
        raise ValidationError(
            {
                "nominations": _(
                    "Not approved by the council: %(names)s. A decision includes only "
                    "nominations the council approved."
                )
                % {"names": names}
            }
        )


@transaction.atomic
def issue_decision(
    *,
    actor,
    deciding_unit: Unit,
    nominations: list[Nomination],
    decided_on: dt.date,
    summary: str = "",
    signer_position: str = "",
    signer_name: str = "",
    signer_authority: str = "TM. BAN THƯỜNG VỤ",
    certificate_template: CertificateTemplate | None = None,
    replaces: Decision | None = None,
    issue_without_money: bool = False,
) -> Decision:
    """Number the decision through the document registry, compute each awardee's prize money on
    the base salary in force on the decision date, and write the award history. When the rules give
    no prize money for some awards, the officer enters it first or confirms issuing without it
    (`issue_without_money`, kept on the decision and in its history)."""
    from documents import services as documents

    if not permissions.can_manage_awards(actor, deciding_unit):
        raise PermissionDenied(_("You may only issue decisions of units in your scope."))
    if not nominations:
        raise ValidationError({"nominations": _("Choose the approved nominations the decision awards.")})
    nominations = list(
        Nomination.objects.filter(pk__in=[n.pk for n in nominations])
        .select_related("form", "member__unit", "unit", "batch")
        .order_by("batch__proposing_unit__path", "sort_order", "pk")
    )
    _approved_by_council(nominations, deciding_unit)
    rule_set = rule_set_on(decided_on)
    salary = base_salary_on(decided_on)
    forms = {f.code: f for f in rule_set.forms.all()}
    missing = sorted({n.form.name for n in nominations if n.form_code not in forms})
    if missing:
        raise ValidationError(
            {
                "nominations": _("Not a form of the rules in force on %(date)s (%(rules)s): %(forms)s.")
                % {"date": _d(decided_on), "rules": rule_set.code, "forms": ", ".join(missing)}
            }
        )
    missing_money = missing_prize_money(nominations, forms)
    if missing_money and not issue_without_money:
        raise ValidationError(
            {
                "issue_without_money": _(
                    "The rules in force on %(date)s give no prize money for: %(awards)s. Enter the amounts on "
                    "the rules page first, or confirm issuing the decision without them."
                )
                % {
                    "date": _d(decided_on),
                    "awards": "; ".join(f"{m.form.name} ({', '.join(m.nominees)})" for m in missing_money),
                }
            }
        )
    sessions = {
        item.session_id
        for n in nominations
        for item in n.agenda_items.all()
        if item.result == AgendaItem.Result.APPROVED
    }
    doc_type = decision_document_type()
    summary = normalize(summary) or _(
        "On commending collectives and individuals with outstanding achievements"
    )
    document = documents.create_draft(
        actor=actor,
        issuer=deciding_unit,
        doc_type=doc_type,
        summary=summary,
        signer_authority=signer_authority,
        signer_position=normalize(signer_position),
        signer_name=normalize(signer_name),
        place=_place_of(deciding_unit),
    )
    document = documents.issue_document(actor=actor, document=document, issued_on=decided_on)
    decision = Decision(
        deciding_unit=deciding_unit,
        document=document,
        decided_on=decided_on,
        rule_set=rule_set,
        base_salary=salary,
        base_salary_amount=salary.amount,
        session_id=max(sessions) if sessions else None,
        replaces=replaces,
        certificate_template=certificate_template,
        issued_without_money=bool(missing_money),
        created_by=actor,
    )
    decision._history_user = actor  # type: ignore[attr-defined]  # simple-history: who issued it
    decision.save()
    total = 0
    for nomination in nominations:
        form = forms[nomination.form_code]
        coefficient = coefficient_for(form, collective=nomination.unit_id is not None)
        amount = prize_amount(coefficient, salary.amount, rule_set)
        total += amount or 0
        AwardRecord.objects.create(
            member=nomination.member,
            unit=nomination.unit,
            form=form,
            year=nomination.year,
            level=form.level,
            decision=decision,
            decision_ref=document.number_symbol,
            decision_date=decided_on,
            issuer_name=deciding_unit.name,
            nomination=nomination,
            source=AwardRecord.Source.DECIDED,
            coefficient=coefficient,
            amount=amount,
            achievement=nomination.achievement,
        )
        nomination.status = Nomination.Status.AWARDED
        nomination.save(update_fields=["status"])
    decision.total_amount = total
    decision.save(update_fields=["total_amount"])
    batch_ids = {n.batch_id for n in nominations}
    for batch in NominationBatch.objects.filter(pk__in=batch_ids):
        if not batch.nominations.filter(status=Nomination.Status.PROPOSED).exists():
            NominationBatch.objects.filter(pk=batch.pk).update(status=NominationBatch.Status.DECIDED)
    signing.queue_signing(decision=decision, actor=actor)  # when the unit holds a signing certificate
    return decision


def _place_of(unit: Unit) -> str:
    """The place name in the date line: the province's name (Cao Bằng) when it can be read."""
    for marker in ("tỉnh ", "thành phố "):
        if marker in unit.name:
            return unit.name.split(marker, 1)[1]
    return ""


def _withdraw_records(decision: Decision, reason: str, nomination_status: str) -> None:
    now = timezone.now()
    decision.records.filter(revoked_at__isnull=True).update(revoked_at=now, revoked_reason=reason)
    Nomination.objects.filter(records__decision=decision).update(status=nomination_status)


@transaction.atomic
def revoke_decision(*, actor, decision: Decision, reason: str) -> Decision:
    """Thu hồi: the decision stays on record, its awards no longer count."""
    from documents import tallies
    from documents.models import Document

    decision = Decision.objects.select_for_update(of=("self",)).get(pk=decision.pk)
    if not permissions.can_manage_awards(actor, decision.deciding_unit):
        raise PermissionDenied
    reason = normalize(reason)
    if not reason:
        raise ValidationError({"reason": _("Give the reason for revoking the decision.")})
    if decision.status != Decision.Status.ISSUED:
        raise ValidationError(_("This decision is no longer in force."))
    decision.status = Decision.Status.REVOKED
    decision.revoked_reason = reason
    decision.revoked_at = timezone.now()
    decision.revoked_by = actor
    decision.save(update_fields=["status", "revoked_reason", "revoked_at", "revoked_by"])
    _withdraw_records(decision, reason, Nomination.Status.REVOKED)
    # The registry has no revoking verb yet; its status field is the registry's own record of it.
    if decision.document_id:
        tallies.uncount_document(decision.document_id)
    Document.objects.filter(pk=decision.document_id).update(status=Document.Status.REVOKED)
    return decision


@transaction.atomic
def correct_decision(
    *, actor, decision: Decision, nominations: list[Nomination], decided_on: dt.date, reason: str, **fields
) -> Decision:
    """Issue a new decision that replaces `decision` (never edited in place)."""
    decision = Decision.objects.select_for_update(of=("self",)).get(pk=decision.pk)
    if not permissions.can_manage_awards(actor, decision.deciding_unit):
        raise PermissionDenied
    reason = normalize(reason)
    if not reason:
        raise ValidationError({"reason": _("Say what the new decision corrects.")})
    if decision.status != Decision.Status.ISSUED:
        raise ValidationError(_("This decision is no longer in force."))
    decision.status = Decision.Status.REPLACED
    decision.revoked_reason = reason
    decision.save(update_fields=["status", "revoked_reason"])
    _withdraw_records(decision, reason, Nomination.Status.APPROVED)
    return issue_decision(
        actor=actor,
        deciding_unit=decision.deciding_unit,
        nominations=nominations,
        decided_on=decided_on,
        replaces=decision,
        certificate_template=fields.pop("certificate_template", decision.certificate_template),
        **fields,
    )


@transaction.atomic
def save_certificate_template(*, actor, unit: Unit, name: str, html: str) -> CertificateTemplate:
    from documents.rendering import validate_certificate_template

    if not permissions.can_manage_awards(actor, unit):
        raise PermissionDenied
    try:
        validate_certificate_template(html)
    except ValueError as exc:
        raise ValidationError({"html": str(exc)}) from exc
    return CertificateTemplate.objects.create(
        unit=unit, name=normalize(name) or _("Certificate"), html=html, created_by=actor
    )
