"""Rounds, batches and nominations: opening a round, preparing a batch, nominating with the
eligibility checks stored, and the batch's path up the tree (submit, forward, return, cut)."""

import datetime as dt

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts import permissions
from awards import eligibility
from awards.models import (
    AwardForm,
    BatchEvent,
    Nomination,
    NominationAttachment,
    NominationBatch,
    NominationRound,
    RuleSet,
)
from awards.services.common import _d
from awards.services.consultation import open_consultations
from awards.services.rules import forms_for_round
from core.refusals import Refusal, refuse
from core.text import normalize
from core.uploads import DOCX, JPEG, PDF, PNG, check_upload
from organisations.models import Member, Unit

__all__ = [
    "attach_minutes",
    "create_batch",
    "cut_nomination",
    "EVIDENCE_TYPES",
    "forward_batch",
    "nominate",
    "open_round",
    "round_refusal",
    "refresh_checks",
    "return_batch",
    "submit_batch",
    "withdraw_nomination",
]


EVIDENCE_TYPES = {PDF, DOCX, PNG, JPEG}
# more than this many initiatives in one dossier is a typing error, not a record
INITIATIVE_COUNT_LIMIT = 99


@transaction.atomic
def open_round(
    *,
    actor,
    deciding_unit: Unit,
    title: str,
    year: int,
    deadline: dt.date,
    campaign_label: str = "",
    rule_set: RuleSet | None = None,
    campaign=None,
) -> NominationRound:
    """Call for nominations. The rules default to those in force at the deadline."""
    if not permissions.can_manage_awards(actor, deciding_unit):
        raise PermissionDenied(_("You may only open nomination rounds for units in your scope."))
    if not normalize(title):
        raise ValidationError({"title": _("This field is required.")})
    if rule_set is None:
        rule_set = RuleSet.objects.in_force(deadline).order_by("-valid_from").first()
        if rule_set is None:
            raise ValidationError(
                {"deadline": _("No award rule set is in force on %(date)s.") % {"date": _d(deadline)}}
            )
    return NominationRound.objects.create(
        deciding_unit=deciding_unit,
        title=normalize(title),
        year=year,
        deadline=deadline,
        campaign_label=normalize(campaign_label),
        rule_set=rule_set,
        campaign=campaign,
        created_by=actor,
    )


@transaction.atomic
def create_batch(*, actor, round_: NominationRound, proposing_unit: Unit, title: str = "") -> NominationBatch:
    if not permissions.can_nominate(actor, proposing_unit):
        raise PermissionDenied(_("You may only propose for units in your scope."))
    if not proposing_unit.is_current():
        raise ValidationError(
            {
                "proposing_unit": _("%(unit)s has ended: it can no longer propose.")
                % {"unit": proposing_unit.name}
            }
        )
    if (
        not proposing_unit.is_descendant_of(round_.deciding_unit)
        or proposing_unit.pk == round_.deciding_unit_id
    ):
        raise ValidationError(
            {
                "proposing_unit": _("%(unit)s is not below %(deciding)s, which runs this round.")
                % {"unit": proposing_unit.name, "deciding": round_.deciding_unit.name}
            }
        )
    existing = NominationBatch.objects.filter(round=round_, proposing_unit=proposing_unit).first()
    if existing is not None:
        return existing
    return NominationBatch.objects.create(
        round=round_,
        proposing_unit=proposing_unit,
        at_unit=proposing_unit,
        title=normalize(title),
        created_by=actor,
    )


def round_refusal(batch: NominationBatch) -> Refusal | None:
    """Why nominees cannot be added to (or the batch sent from) this batch now, or None: a submitted
    batch changes only when returned, a closed round takes nothing, and after the deadline only a
    returned batch may be corrected. The nomination page shows it; `nominate` and `submit_batch`
    raise it."""
    round_ = batch.round
    batch_url = reverse("awards:batch_detail", args=[batch.pk])
    if not batch.is_editable:
        return Refusal(
            _("This batch has been submitted; it can change only when it is returned."),
            next_step=_("Follow it on the batch page."),
            next_url=batch_url,
        )
    if not round_.is_open:
        return Refusal(
            _("The round “%(round)s” is closed.") % {"round": round_.title},
            next_step=_("Propose in an open round of the commendation page."),
            next_url=reverse("awards:index"),
        )
    if timezone.localdate() > round_.deadline and batch.status == NominationBatch.Status.DRAFT:
        return Refusal(
            _("The deadline of the round “%(round)s” was %(date)s.")
            % {"round": round_.title, "date": _d(round_.deadline)},
            next_step=_("Ask %(unit)s, which runs the round, to extend its deadline.")
            % {"unit": round_.deciding_unit.display_name},
            next_url=reverse("awards:round_detail", args=[round_.pk]),
        )
    return None


def _check_round_open(batch: NominationBatch) -> None:
    refusal = round_refusal(batch)
    if refusal is not None and batch.is_editable:
        refuse(refusal)


def _nominee_in_subtree(batch: NominationBatch, member: Member | None, unit: Unit | None) -> None:
    scope = batch.proposing_unit
    if member is not None and not member.unit.path.startswith(scope.path):
        raise ValidationError(
            {
                "member": _("%(name)s is not a member of %(unit)s or its sub-units.")
                % {"name": member.full_name, "unit": scope.name}
            }
        )
    if unit is not None and not unit.path.startswith(scope.path):
        raise ValidationError(
            {
                "unit": _("%(name)s is not %(unit)s or one of its sub-units.")
                % {"name": unit.name, "unit": scope.name}
            }
        )


def _store_checks(nomination: Nomination, checks: list[eligibility.Check]) -> None:
    nomination.checks = [c.as_dict() for c in checks]
    nomination.check_status = eligibility.overall(checks)
    nomination.checked_at = timezone.now()


@transaction.atomic
def nominate(
    *,
    actor,
    batch: NominationBatch,
    form: AwardForm,
    achievement: str,
    member: Member | None = None,
    unit: Unit | None = None,
    task_grade: str = "",
    initiative: str = "",
    initiative_scope: str = "",
    initiative_count: int = 1,
    evidence_links: list[str] | None = None,
    override_justification: str = "",
    files=(),
) -> Nomination:
    """Add a nominee to a batch after every check; a failed prerequisite or quota needs a written
    justification, which the council sees. Duplicates and ineligible nominees are refused."""
    batch = (
        NominationBatch.objects.select_for_update(of=("self",))
        .select_related("round", "proposing_unit")
        .get(pk=batch.pk)
    )
    if not permissions.can_nominate(actor, batch.proposing_unit):
        raise PermissionDenied(_("You may only propose for units in your scope."))
    if not batch.is_editable:
        raise ValidationError(_("This batch has been submitted; it can change only when it is returned."))
    _check_round_open(batch)
    if (member is None) == (unit is None):
        raise ValidationError({"member": _("Choose a member or a collective.")})
    _nominee_in_subtree(batch, member, unit)
    if not forms_for_round(batch.round).filter(pk=form.pk).exists():
        raise ValidationError(
            {"form": _("“%(form)s” cannot be proposed in this round.") % {"form": form.name}}
        )
    achievement = normalize(achievement)
    if not achievement:
        raise ValidationError({"achievement": _("Summarise the achievement.")})
    links = [normalize(link) for link in (evidence_links or []) if normalize(link)]
    for link in links:
        if not link.startswith(("http://", "https://", "/")):
            raise ValidationError({"evidence_links": _("“%(link)s” is not a web address.") % {"link": link}})
    if not 1 <= initiative_count <= INITIATIVE_COUNT_LIMIT:
        raise ValidationError(
            {
                "initiative_count": _("Enter the number of initiatives recognised, from 1 to %(limit)d.")
                % {"limit": INITIATIVE_COUNT_LIMIT}
            }
        )
    kinds = [check_upload(f, EVIDENCE_TYPES, field_label=getattr(f, "name", "")) for f in files]
    declared = eligibility.Declared(
        task_grade=task_grade,
        initiative=normalize(initiative),
        initiative_scope=initiative_scope,
        initiative_count=initiative_count,
        has_evidence=bool(links or files),
        achievement=achievement,
    )
    checks = eligibility.evaluate(form, batch.round.year, member=member, unit=unit, declared=declared)
    blocking = eligibility.blocking(checks)
    if blocking:
        raise ValidationError({"__all__": [c.reason for c in blocking]})
    justification = normalize(override_justification)
    failed = eligibility.needs_justification(checks)
    if failed and not justification:
        raise ValidationError(
            {
                "override_justification": [
                    _(
                        "A check failed: %(reason)s Nominating anyway needs a written justification for the council."
                    )
                    % {"reason": c.reason}
                    for c in failed
                ]
            }
        )
    nomination = Nomination(
        batch=batch,
        form=form,
        form_code=form.code,
        year=batch.round.year,
        member=member,
        unit=unit,
        achievement=achievement,
        task_grade=task_grade,
        initiative=normalize(initiative),
        initiative_scope=initiative_scope,
        initiative_count=initiative_count,
        evidence_links=links,
        override_justification=justification if failed else "",
        sort_order=batch.nominations.count() + 1,
        created_by=actor,
    )
    _store_checks(nomination, checks)
    try:
        with transaction.atomic():
            nomination.save()
    except IntegrityError as exc:  # a concurrent nomination of the same person won the race
        raise ValidationError(
            {
                "__all__": _("%(name)s is already nominated for “%(form)s” for %(year)d.")
                % {"name": nomination.nominee_name, "form": form.name, "year": nomination.year}
            }
        ) from exc
    for upload, kind in zip(files, kinds, strict=True):
        NominationAttachment.objects.create(
            nomination=nomination,
            file=upload,
            original_name=upload.name[:255],
            kind=kind,
            size=upload.size,
            uploaded_by=actor,
        )
    return nomination


@transaction.atomic
def withdraw_nomination(*, actor, nomination: Nomination) -> None:
    """Take a nominee out of a batch still being prepared (nothing to keep: it was never sent)."""
    batch = NominationBatch.objects.select_for_update(of=("self",)).get(pk=nomination.batch_id)
    if not permissions.can_nominate(actor, batch.proposing_unit):
        raise PermissionDenied
    if not batch.is_editable:
        raise ValidationError(_("A submitted nomination is removed by the reviewing level, with a reason."))
    nomination.attachments.all().delete()
    nomination.delete()


def refresh_checks(nomination: Nomination) -> Nomination:
    checks = eligibility.evaluate(
        nomination.form,
        nomination.year,
        member=nomination.member,
        unit=nomination.unit,
        declared=eligibility.Declared.of(nomination),
        exclude_nomination=nomination.pk,
    )
    _store_checks(nomination, checks)
    Nomination.objects.filter(pk=nomination.pk).update(
        checks=nomination.checks, check_status=nomination.check_status, checked_at=nomination.checked_at
    )
    return nomination


def _refresh_batch(batch: NominationBatch) -> None:
    for nomination in batch.nominations.filter(status=Nomination.Status.PROPOSED).select_related(
        "form", "member__unit", "unit__merged_into"
    ):
        refresh_checks(nomination)


@transaction.atomic
def attach_minutes(*, actor, batch: NominationBatch, upload) -> NominationBatch:
    if not permissions.can_nominate(actor, batch.proposing_unit):
        raise PermissionDenied
    if not batch.is_editable:
        raise ValidationError(_("This batch has been submitted; it can change only when it is returned."))
    check_upload(upload, {PDF, DOCX, PNG, JPEG}, field_label=_("Meeting minutes"))
    batch.minutes = upload
    batch.minutes_name = upload.name[:255]
    batch.save(update_fields=["minutes", "minutes_name"])
    return batch


@transaction.atomic
def submit_batch(*, actor, batch: NominationBatch, comment: str = "") -> NominationBatch:
    """Send a prepared batch to the level above the proposing unit."""
    batch = (
        NominationBatch.objects.select_for_update(of=("self",))
        .select_related("round__deciding_unit", "proposing_unit__parent")
        .get(pk=batch.pk)
    )
    if not permissions.can_nominate(actor, batch.proposing_unit):
        raise PermissionDenied(_("You may only submit your own units' nominations."))
    if not batch.is_editable:
        raise ValidationError(_("This batch has already been submitted."))
    _check_round_open(batch)
    if not batch.nominations.filter(status=Nomination.Status.PROPOSED).exists():
        raise ValidationError(_("The batch has no nominee."))
    if not batch.minutes:
        raise ValidationError(
            {"minutes": _("Attach the minutes of the unit's meeting that chose the nominees.")}
        )
    parent = batch.proposing_unit.parent
    assert parent is not None, "a proposing unit is below the round's deciding unit"
    batch.status = NominationBatch.Status.SUBMITTED
    batch.at_unit = parent
    batch.submitted_at = timezone.now()
    batch.last_comment = normalize(comment)
    batch.save()
    BatchEvent.objects.create(
        batch=batch,
        action=BatchEvent.Action.SUBMIT,
        from_unit=batch.proposing_unit,
        to_unit=parent,
        comment=batch.last_comment,
        actor=actor,
    )
    _refresh_batch(batch)
    return batch


def _reviewable(actor, batch: NominationBatch) -> NominationBatch:
    batch = (
        NominationBatch.objects.select_for_update(of=("self",))
        .select_related("round__deciding_unit", "at_unit__parent", "proposing_unit")
        .get(pk=batch.pk)
    )
    if not permissions.can_review_batch(actor, batch):
        raise PermissionDenied(_("Only the level now holding the batch can act on it."))
    if batch.status != NominationBatch.Status.SUBMITTED:
        raise ValidationError(
            _("The batch is not under review (%(status)s).") % {"status": batch.get_status_display()}
        )
    return batch


@transaction.atomic
def forward_batch(*, actor, batch: NominationBatch, comment: str = "") -> NominationBatch:
    """Pass a reviewed batch up: to the parent unit, or, at the deciding unit, to its council."""
    batch = _reviewable(actor, batch)
    if not batch.nominations.filter(status=Nomination.Status.PROPOSED).exists():
        raise ValidationError(_("Every nominee was removed: return the batch instead."))
    from_unit = batch.at_unit
    assert from_unit is not None, "a submitted batch is at a unit"
    if from_unit.pk == batch.round.deciding_unit_id:
        batch.status = NominationBatch.Status.AT_COUNCIL
        action, to_unit = BatchEvent.Action.TO_COUNCIL, from_unit
        open_consultations(batch)
    else:
        parent = from_unit.parent
        assert parent is not None, "below the deciding unit, every unit has a parent"
        batch.at_unit = to_unit = parent
        action = BatchEvent.Action.FORWARD
    batch.last_comment = normalize(comment)
    batch.save()
    BatchEvent.objects.create(
        batch=batch,
        action=action,
        from_unit=from_unit,
        to_unit=to_unit,
        comment=batch.last_comment,
        actor=actor,
    )
    _refresh_batch(batch)
    return batch


@transaction.atomic
def return_batch(*, actor, batch: NominationBatch, comment: str) -> NominationBatch:
    batch = _reviewable(actor, batch)
    comment = normalize(comment)
    if not comment:
        raise ValidationError({"comment": _("Say why the batch is returned.")})
    from_unit = batch.at_unit
    batch.status = NominationBatch.Status.RETURNED
    batch.at_unit = batch.proposing_unit
    batch.last_comment = comment
    batch.save()
    BatchEvent.objects.create(
        batch=batch,
        action=BatchEvent.Action.RETURN,
        from_unit=from_unit,
        to_unit=batch.proposing_unit,
        comment=comment,
        actor=actor,
    )
    return batch


@transaction.atomic
def cut_nomination(*, actor, nomination: Nomination, reason: str) -> Nomination:
    """A reviewing level removes a nominee, with a reason the proposer sees."""
    batch = _reviewable(actor, nomination.batch)
    reason = normalize(reason)
    if not reason:
        raise ValidationError({"reason": _("Say why the nominee is removed.")})
    nomination = Nomination.objects.select_for_update(of=("self",)).get(pk=nomination.pk, batch=batch)
    if nomination.status != Nomination.Status.PROPOSED:
        raise ValidationError(_("This nominee is no longer proposed."))
    nomination.status = Nomination.Status.CUT
    nomination.cut_reason = reason
    nomination.cut_at_unit = batch.at_unit
    nomination.save(update_fields=["status", "cut_reason", "cut_at_unit"])
    BatchEvent.objects.create(
        batch=batch,
        action=BatchEvent.Action.CUT,
        from_unit=batch.at_unit,
        comment=f"{nomination.nominee_name}: {reason}",
        actor=actor,
    )
    return nomination
