"""Writes of the commendation area, one verb per use case, each in one transaction: nothing is
half-saved when a check fails."""

import datetime as dt
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts import permissions
from awards import eligibility
from awards.models import (
    AgendaItem,
    AwardForm,
    AwardRecord,
    Ballot,
    BallotCast,
    BaseSalary,
    BatchEvent,
    CertificateTemplate,
    CouncilMember,
    CouncilSession,
    Decision,
    Nomination,
    NominationAttachment,
    NominationBatch,
    NominationRound,
    RuleSet,
)
from awards.money import coefficient_for, prize_amount
from core.text import normalize
from core.uploads import DOCX, JPEG, PDF, PNG, check_upload
from organisations.models import Member, Unit

EVIDENCE_TYPES = {PDF, DOCX, PNG, JPEG}
DEFAULT_VOTE = {"threshold_percent": 50, "of": "present", "secret_ballot": False, "strict": True,
                "source": "Quá bán số thành viên có mặt (mặc định khi quy tắc không quy định)"}


def _d(value: dt.date) -> str:
    return value.strftime("%d/%m/%Y")


# Rules ---------------------------------------------------------------------------------

@transaction.atomic
def add_base_salary(*, actor, effective_from: dt.date, amount: int, source: str, note: str = "") -> BaseSalary:
    """Add a base salary row. Rows are never edited: a later change is a new row."""
    if not permissions.can_manage_award_rules(actor):
        raise PermissionDenied(_("Only administrators change the base salary table."))
    if amount <= 0:
        raise ValidationError({"amount": _("The amount must be positive.")})
    if not normalize(source):
        raise ValidationError({"source": _("Cite the decree that sets this amount.")})
    if BaseSalary.objects.filter(effective_from=effective_from).exists():
        raise ValidationError({"effective_from": _("A base salary from %(date)s already exists; rows are never edited.")
                               % {"date": _d(effective_from)}})
    return BaseSalary.objects.create(effective_from=effective_from, amount=amount, source=normalize(source), note=note)


COEFFICIENT_LIMIT = Decimal("1000")


def set_award_form_money(*, actor, form: AwardForm, coefficient_individual: Decimal | None,
                         coefficient_collective: Decimal | None, source: str, verified: bool = False) -> AwardForm:
    """Enter a form's prize money from the regulation in hand (a union regulation the seeded data
    could not read, or a new decree). The change is kept in the form's history with the acting
    user; decisions already issued keep the amounts they stated (a correcting decision applies
    the new ones); reloading the seeded rules keeps what was entered here."""
    if not permissions.can_manage_award_rules(actor):
        raise PermissionDenied(_("Only administrators change the award rules."))
    errors = {}
    for field, value, allowed in (("coefficient_individual", coefficient_individual, form.for_individuals),
                                  ("coefficient_collective", coefficient_collective, form.for_collectives)):
        if value is None:
            continue
        if not allowed:
            errors[field] = _("%(form)s is not given to this kind of recipient: leave the field empty.") % {"form": form.name}
        elif value < 0 or value > COEFFICIENT_LIMIT:
            errors[field] = _("Enter a multiple of the base salary between 0 and %(limit)s.") % {"limit": COEFFICIENT_LIMIT}
    source = normalize(source)
    if not source:
        errors["source"] = _("Cite the regulation and article that set this prize money.")
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        form = AwardForm.objects.select_for_update().get(pk=form.pk)
        form.coefficient_individual = coefficient_individual if form.for_individuals else None
        form.coefficient_collective = coefficient_collective if form.for_collectives else None
        form.source = source
        form.verified = bool(verified)
        form.money_entered_by = actor
        form.money_entered_at = timezone.now()
        form._history_user = actor
        form._change_reason = _("Prize money entered by an administrator")
        form.save()
    return form


def rule_set_on(date: dt.date) -> RuleSet:
    rule_set = RuleSet.objects.in_force(date).order_by("-valid_from").first()
    if rule_set is None:
        raise ValidationError({"decided_on": _("No award rule set is in force on %(date)s.") % {"date": _d(date)}})
    return rule_set


def base_salary_on(date: dt.date) -> BaseSalary:
    salary = BaseSalary.on(date)
    if salary is None:
        raise ValidationError({"decided_on": _("No base salary is recorded for %(date)s: add the base salary in force on "
                                               "that date before issuing the decision.") % {"date": _d(date)}})
    return salary


def forms_for_round(round_: NominationRound):
    """The forms a round nominates for (yearly gradings are recorded, not nominated)."""
    return round_.rule_set.forms.exclude(kind=AwardForm.Kind.GRADING)


# Rounds and batches ----------------------------------------------------------------------

@transaction.atomic
def open_round(*, actor, deciding_unit: Unit, title: str, year: int, deadline: dt.date, campaign_label: str = "",
               rule_set: RuleSet | None = None, campaign=None) -> NominationRound:
    """Call for nominations. The rules default to those in force at the deadline."""
    if not permissions.can_manage_awards(actor, deciding_unit):
        raise PermissionDenied(_("You may only open nomination rounds for units in your scope."))
    if not normalize(title):
        raise ValidationError({"title": _("This field is required.")})
    if rule_set is None:
        rule_set = RuleSet.objects.in_force(deadline).order_by("-valid_from").first()
        if rule_set is None:
            raise ValidationError({"deadline": _("No award rule set is in force on %(date)s.") % {"date": _d(deadline)}})
    return NominationRound.objects.create(deciding_unit=deciding_unit, title=normalize(title), year=year,
                                          deadline=deadline, campaign_label=normalize(campaign_label),
                                          rule_set=rule_set, campaign=campaign, created_by=actor)


@transaction.atomic
def create_batch(*, actor, round_: NominationRound, proposing_unit: Unit, title: str = "") -> NominationBatch:
    if not permissions.can_nominate(actor, proposing_unit):
        raise PermissionDenied(_("You may only propose for units in your scope."))
    if not proposing_unit.is_descendant_of(round_.deciding_unit) or proposing_unit.pk == round_.deciding_unit_id:
        raise ValidationError({"proposing_unit": _("%(unit)s is not below %(deciding)s, which runs this round.")
                               % {"unit": proposing_unit.name, "deciding": round_.deciding_unit.name}})
    existing = NominationBatch.objects.filter(round=round_, proposing_unit=proposing_unit).first()
    if existing is not None:
        return existing
    return NominationBatch.objects.create(round=round_, proposing_unit=proposing_unit, at_unit=proposing_unit,
                                          title=normalize(title), created_by=actor)


def _check_round_open(batch: NominationBatch) -> None:
    round_ = batch.round
    if not round_.is_open:
        raise ValidationError(_("The round “%(round)s” is closed.") % {"round": round_.title})
    if timezone.localdate() > round_.deadline and batch.status == NominationBatch.Status.DRAFT:
        raise ValidationError(_("The deadline of the round “%(round)s” was %(date)s.")
                              % {"round": round_.title, "date": _d(round_.deadline)})


def _nominee_in_subtree(batch: NominationBatch, member: Member | None, unit: Unit | None) -> None:
    scope = batch.proposing_unit
    if member is not None and not member.unit.path.startswith(scope.path):
        raise ValidationError({"member": _("%(name)s is not a member of %(unit)s or its sub-units.")
                               % {"name": member.full_name, "unit": scope.name}})
    if unit is not None and not unit.path.startswith(scope.path):
        raise ValidationError({"unit": _("%(name)s is not %(unit)s or one of its sub-units.")
                               % {"name": unit.name, "unit": scope.name}})


def _store_checks(nomination: Nomination, checks: list[eligibility.Check]) -> None:
    nomination.checks = [c.as_dict() for c in checks]
    nomination.check_status = eligibility.overall(checks)
    nomination.checked_at = timezone.now()


@transaction.atomic
def nominate(*, actor, batch: NominationBatch, form: AwardForm, achievement: str, member: Member | None = None,
             unit: Unit | None = None, task_grade: str = "", initiative: str = "", initiative_scope: str = "",
             evidence_links: list[str] | None = None, override_justification: str = "", files=()) -> Nomination:
    """Add a nominee to a batch after every check; a failed prerequisite or quota needs a written
    justification, which the council sees. Duplicates and ineligible nominees are refused."""
    batch = NominationBatch.objects.select_for_update(of=("self",)).select_related("round", "proposing_unit").get(pk=batch.pk)
    if not permissions.can_nominate(actor, batch.proposing_unit):
        raise PermissionDenied(_("You may only propose for units in your scope."))
    if not batch.is_editable:
        raise ValidationError(_("This batch has been submitted; it can change only when it is returned."))
    _check_round_open(batch)
    if (member is None) == (unit is None):
        raise ValidationError({"member": _("Choose a member or a collective.")})
    _nominee_in_subtree(batch, member, unit)
    if not forms_for_round(batch.round).filter(pk=form.pk).exists():
        raise ValidationError({"form": _("“%(form)s” cannot be proposed in this round.") % {"form": form.name}})
    achievement = normalize(achievement)
    if not achievement:
        raise ValidationError({"achievement": _("Summarise the achievement.")})
    links = [normalize(link) for link in (evidence_links or []) if normalize(link)]
    for link in links:
        if not link.startswith(("http://", "https://", "/")):
            raise ValidationError({"evidence_links": _("“%(link)s” is not a web address.") % {"link": link}})
    kinds = [check_upload(f, EVIDENCE_TYPES, field_label=getattr(f, "name", "")) for f in files]
    declared = eligibility.Declared(task_grade=task_grade, initiative=normalize(initiative),
                                    initiative_scope=initiative_scope, has_evidence=bool(links or files),
                                    achievement=achievement)
    checks = eligibility.evaluate(form, batch.round.year, member=member, unit=unit, declared=declared)
    blocking = eligibility.blocking(checks)
    if blocking:
        raise ValidationError({"__all__": [c.reason for c in blocking]})
    justification = normalize(override_justification)
    failed = eligibility.needs_justification(checks)
    if failed and not justification:
        raise ValidationError({"override_justification": [
            _("A check failed: %(reason)s Nominating anyway needs a written justification for the council.")
            % {"reason": c.reason} for c in failed]})
    nomination = Nomination(batch=batch, form=form, form_code=form.code, year=batch.round.year, member=member, unit=unit,
                            achievement=achievement, task_grade=task_grade, initiative=normalize(initiative),
                            initiative_scope=initiative_scope, evidence_links=links,
                            override_justification=justification if failed else "",
                            sort_order=batch.nominations.count() + 1, created_by=actor)
    _store_checks(nomination, checks)
    try:
        with transaction.atomic():
            nomination.save()
    except IntegrityError as exc:  # a concurrent nomination of the same person won the race
        raise ValidationError({"__all__": _("%(name)s is already nominated for “%(form)s” for %(year)d.")
                               % {"name": nomination.nominee_name, "form": form.name, "year": nomination.year}}) from exc
    for upload, kind in zip(files, kinds, strict=True):
        NominationAttachment.objects.create(nomination=nomination, file=upload, original_name=upload.name[:255], kind=kind,
                                            size=upload.size, uploaded_by=actor)
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
    checks = eligibility.evaluate(nomination.form, nomination.year, member=nomination.member, unit=nomination.unit,
                                  declared=eligibility.Declared.of(nomination), exclude_nomination=nomination.pk)
    _store_checks(nomination, checks)
    Nomination.objects.filter(pk=nomination.pk).update(checks=nomination.checks, check_status=nomination.check_status,
                                                       checked_at=nomination.checked_at)
    return nomination


def _refresh_batch(batch: NominationBatch) -> None:
    for nomination in batch.nominations.filter(status=Nomination.Status.PROPOSED).select_related("form", "member__unit",
                                                                                                  "unit__merged_into"):
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
    batch = NominationBatch.objects.select_for_update(of=("self",)).select_related("round__deciding_unit", "proposing_unit__parent").get(pk=batch.pk)
    if not permissions.can_nominate(actor, batch.proposing_unit):
        raise PermissionDenied(_("You may only submit your own units' nominations."))
    if not batch.is_editable:
        raise ValidationError(_("This batch has already been submitted."))
    _check_round_open(batch)
    if not batch.nominations.filter(status=Nomination.Status.PROPOSED).exists():
        raise ValidationError(_("The batch has no nominee."))
    if not batch.minutes:
        raise ValidationError({"minutes": _("Attach the minutes of the unit's meeting that chose the nominees.")})
    parent = batch.proposing_unit.parent
    batch.status = NominationBatch.Status.SUBMITTED
    batch.at_unit = parent
    batch.submitted_at = timezone.now()
    batch.last_comment = normalize(comment)
    batch.save()
    BatchEvent.objects.create(batch=batch, action=BatchEvent.Action.SUBMIT, from_unit=batch.proposing_unit,
                              to_unit=parent, comment=batch.last_comment, actor=actor)
    _refresh_batch(batch)
    return batch


def _reviewable(actor, batch: NominationBatch) -> NominationBatch:
    batch = NominationBatch.objects.select_for_update(of=("self",)).select_related("round__deciding_unit", "at_unit__parent",
                                                                       "proposing_unit").get(pk=batch.pk)
    if not permissions.can_review_batch(actor, batch):
        raise PermissionDenied(_("Only the level now holding the batch can act on it."))
    if batch.status != NominationBatch.Status.SUBMITTED:
        raise ValidationError(_("The batch is not under review (%(status)s).") % {"status": batch.get_status_display()})
    return batch


@transaction.atomic
def forward_batch(*, actor, batch: NominationBatch, comment: str = "") -> NominationBatch:
    """Pass a reviewed batch up: to the parent unit, or, at the deciding unit, to its council."""
    batch = _reviewable(actor, batch)
    if not batch.nominations.filter(status=Nomination.Status.PROPOSED).exists():
        raise ValidationError(_("Every nominee was removed: return the batch instead."))
    from_unit = batch.at_unit
    if from_unit.pk == batch.round.deciding_unit_id:
        batch.status = NominationBatch.Status.AT_COUNCIL
        action, to_unit = BatchEvent.Action.TO_COUNCIL, from_unit
    else:
        to_unit = from_unit.parent
        batch.at_unit = to_unit
        action = BatchEvent.Action.FORWARD
    batch.last_comment = normalize(comment)
    batch.save()
    BatchEvent.objects.create(batch=batch, action=action, from_unit=from_unit, to_unit=to_unit,
                              comment=batch.last_comment, actor=actor)
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
    BatchEvent.objects.create(batch=batch, action=BatchEvent.Action.RETURN, from_unit=from_unit,
                              to_unit=batch.proposing_unit, comment=comment, actor=actor)
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
    BatchEvent.objects.create(batch=batch, action=BatchEvent.Action.CUT, from_unit=batch.at_unit,
                              comment=f"{nomination.nominee_name}: {reason}", actor=actor)
    return nomination


# Council -------------------------------------------------------------------------------

def vote_rule(form: AwardForm) -> dict:
    rule = dict(DEFAULT_VOTE)
    if form.vote and form.vote.get("threshold_percent") is not None:
        rule = {"strict": False, **form.vote}
    return rule


@transaction.atomic
def open_session(*, actor, deciding_unit: Unit, title: str, held_on: dt.date, members: list, nominations: list[Nomination],
                 round_: NominationRound | None = None, place: str = "", chair=None) -> CouncilSession:
    if not permissions.can_manage_awards(actor, deciding_unit):
        raise PermissionDenied(_("You may only convene the council of a unit in your scope."))
    if not members:
        raise ValidationError({"members": _("Choose the council members.")})
    outsiders = [str(u) for u in members if not permissions.can_sit_on_council(u, deciding_unit)]
    if outsiders:
        raise ValidationError({"members": _("Not members of the council of %(unit)s: %(names)s.")
                               % {"unit": deciding_unit.name, "names": ", ".join(outsiders)}})
    if not nominations:
        raise ValidationError({"nominations": _("Put at least one nomination on the agenda.")})
    fresh = Nomination.objects.select_related("batch__round", "form").in_bulk([n.pk for n in nominations])
    nominations = [fresh[n.pk] for n in nominations]
    for nomination in nominations:
        batch = nomination.batch
        if (batch.status != NominationBatch.Status.AT_COUNCIL or batch.round.deciding_unit_id != deciding_unit.pk
                or nomination.status != Nomination.Status.PROPOSED):
            raise ValidationError({"nominations": _("%(nomination)s has not been sent to this council.")
                                   % {"nomination": nomination}})
    session = CouncilSession.objects.create(deciding_unit=deciding_unit, round=round_, title=normalize(title),
                                            held_on=held_on, place=normalize(place), chair=chair, created_by=actor)
    CouncilMember.objects.bulk_create([CouncilMember(session=session, user=u) for u in {u.pk: u for u in members}.values()])
    items = []
    for order, nomination in enumerate(nominations, start=1):
        rule = vote_rule(nomination.form)
        items.append(AgendaItem(session=session, nomination=nomination, order=order,
                                secret_ballot=bool(rule.get("secret_ballot")),
                                threshold_percent=rule["threshold_percent"], threshold_strict=bool(rule.get("strict")),
                                threshold_of=rule.get("of", AgendaItem.Base.PRESENT), vote_source=rule.get("source", "")))
    AgendaItem.objects.bulk_create(items)
    return session


@transaction.atomic
def set_presence(*, actor, session: CouncilSession, user, present: bool) -> None:
    if not permissions.can_manage_awards(actor, session.deciding_unit):
        raise PermissionDenied
    if not session.is_open:
        raise ValidationError(_("The session is closed."))
    CouncilMember.objects.filter(session=session, user=user).update(present=present)


@transaction.atomic
def cast_vote(*, actor, item: AgendaItem, choice: str) -> None:
    """One vote per member and item. The session row is locked so a vote and the closing of the
    session cannot cross; ballots are separate rows, so members voting at once lose nothing."""
    session = CouncilSession.objects.select_for_update(of=("self",)).get(pk=item.session_id)
    if not session.is_open:
        raise ValidationError(_("The session was closed on %(date)s: votes are no longer accepted.")
                              % {"date": timezone.localtime(session.closed_at).strftime("%d/%m/%Y %H:%M")
                                 if session.closed_at else "—"})
    if not permissions.can_vote(actor, session):
        raise PermissionDenied(_("Only the members of this council session vote."))
    if choice not in Ballot.Choice.values:
        raise ValidationError({"choice": _("Choose agree, disagree or abstain.")})
    try:
        with transaction.atomic():
            BallotCast.objects.create(item=item, voter=actor)
    except IntegrityError as exc:
        raise ValidationError(_("You have already voted on this nomination.")) from exc
    Ballot.objects.create(item=item, voter=None if item.secret_ballot else actor, choice=choice)


def tally(item: AgendaItem, *, members: int, present: int) -> tuple[int, int, int, int, str]:
    """(yes, no, abstain, base, result) of an item against its threshold."""
    counts = {c: 0 for c in Ballot.Choice.values}
    for choice in item.ballots.values_list("choice", flat=True):
        counts[choice] += 1
    base = members if item.threshold_of == AgendaItem.Base.MEMBERS else present
    yes = counts[Ballot.Choice.YES]
    share = 100 * yes / base if base else 0
    threshold = float(item.threshold_percent)
    approved = share > threshold if item.threshold_strict else share >= threshold
    result = AgendaItem.Result.APPROVED if approved and yes else AgendaItem.Result.REJECTED
    return yes, counts[Ballot.Choice.NO], counts[Ballot.Choice.ABSTAIN], base, result


@transaction.atomic
def close_session(*, actor, session: CouncilSession) -> CouncilSession:
    session = CouncilSession.objects.select_for_update(of=("self",)).get(pk=session.pk)
    if not permissions.can_manage_awards(actor, session.deciding_unit):
        raise PermissionDenied
    if not session.is_open:
        raise ValidationError(_("The session is already closed."))
    members = session.memberships.count()
    present = session.memberships.filter(present=True).count()
    for item in session.items.select_related("nomination"):
        item.yes, item.no, item.abstain, item.base_count, item.result = tally(item, members=members, present=present)
        item.save(update_fields=["yes", "no", "abstain", "base_count", "result"])
        nomination = item.nomination
        nomination.status = (Nomination.Status.APPROVED if item.result == AgendaItem.Result.APPROVED
                             else Nomination.Status.REJECTED)
        nomination.save(update_fields=["status"])
    session.status = CouncilSession.Status.CLOSED
    session.closed_at = timezone.now()
    session.save(update_fields=["status", "closed_at"])
    return session


# Decisions -----------------------------------------------------------------------------

def decision_document_type():
    from documents.models import DocumentType

    doc_type = DocumentType.objects.filter(Q(name="Quyết định") | Q(code="QĐ")).first()
    return doc_type or DocumentType.objects.create(name="Quyết định", code="QĐ")


def _approved_by_council(nominations: list[Nomination], deciding_unit: Unit) -> None:
    approved = set(AgendaItem.objects.filter(nomination__in=nominations, result=AgendaItem.Result.APPROVED,
                                             session__status=CouncilSession.Status.CLOSED,
                                             session__deciding_unit=deciding_unit).values_list("nomination_id", flat=True))
    refused = [n for n in nominations if n.pk not in approved or n.status != Nomination.Status.APPROVED]
    if refused:
        names = ", ".join(f"{n.nominee_name} ({n.form.name})" for n in refused)
        raise ValidationError({"nominations": _("Not approved by the council: %(names)s. A decision includes only "
                                                "nominations the council approved.") % {"names": names}})


@transaction.atomic
def issue_decision(*, actor, deciding_unit: Unit, nominations: list[Nomination], decided_on: dt.date, summary: str = "",
                   signer_position: str = "", signer_name: str = "", signer_authority: str = "TM. BAN THƯỜNG VỤ",
                   certificate_template: CertificateTemplate | None = None, replaces: Decision | None = None) -> Decision:
    """Number the decision through the document registry, compute each awardee's prize money on
    the base salary in force on the decision date, and write the award history."""
    from documents import services as documents

    if not permissions.can_manage_awards(actor, deciding_unit):
        raise PermissionDenied(_("You may only issue decisions of units in your scope."))
    if not nominations:
        raise ValidationError({"nominations": _("Choose the approved nominations the decision awards.")})
    nominations = list(Nomination.objects.filter(pk__in=[n.pk for n in nominations])
                       .select_related("form", "member__unit", "unit", "batch").order_by("batch__proposing_unit__path", "sort_order", "pk"))
    _approved_by_council(nominations, deciding_unit)
    rule_set = rule_set_on(decided_on)
    salary = base_salary_on(decided_on)
    forms = {f.code: f for f in rule_set.forms.all()}
    missing = sorted({n.form.name for n in nominations if n.form_code not in forms})
    if missing:
        raise ValidationError({"nominations": _("Not a form of the rules in force on %(date)s (%(rules)s): %(forms)s.")
                               % {"date": _d(decided_on), "rules": rule_set.code, "forms": ", ".join(missing)}})
    sessions = {item.session_id for n in nominations for item in n.agenda_items.all() if item.result == AgendaItem.Result.APPROVED}
    doc_type = decision_document_type()
    summary = normalize(summary) or _("On commending collectives and individuals with outstanding achievements")
    document = documents.create_draft(actor=actor, issuer=deciding_unit, doc_type=doc_type, summary=summary,
                                      signer_authority=signer_authority, signer_position=normalize(signer_position),
                                      signer_name=normalize(signer_name),
                                      place=_place_of(deciding_unit))
    document = documents.issue_document(actor=actor, document=document, issued_on=decided_on)
    decision = Decision.objects.create(
        deciding_unit=deciding_unit, document=document, decided_on=decided_on, rule_set=rule_set, base_salary=salary,
        base_salary_amount=salary.amount, session_id=max(sessions) if sessions else None, replaces=replaces,
        certificate_template=certificate_template, created_by=actor)
    total = 0
    for nomination in nominations:
        form = forms[nomination.form_code]
        coefficient = coefficient_for(form, collective=nomination.unit_id is not None)
        amount = prize_amount(coefficient, salary.amount, rule_set)
        total += amount or 0
        AwardRecord.objects.create(
            member=nomination.member, unit=nomination.unit, form=form, year=nomination.year, level=form.level,
            decision=decision, decision_ref=document.number_symbol, decision_date=decided_on,
            issuer_name=deciding_unit.name, nomination=nomination, source=AwardRecord.Source.DECIDED,
            coefficient=coefficient, amount=amount, achievement=nomination.achievement)
        nomination.status = Nomination.Status.AWARDED
        nomination.save(update_fields=["status"])
    decision.total_amount = total
    decision.save(update_fields=["total_amount"])
    batch_ids = {n.batch_id for n in nominations}
    for batch in NominationBatch.objects.filter(pk__in=batch_ids):
        if not batch.nominations.filter(status=Nomination.Status.PROPOSED).exists():
            NominationBatch.objects.filter(pk=batch.pk).update(status=NominationBatch.Status.DECIDED)
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
    Document.objects.filter(pk=decision.document_id).update(status=Document.Status.REVOKED)
    return decision


@transaction.atomic
def correct_decision(*, actor, decision: Decision, nominations: list[Nomination], decided_on: dt.date, reason: str,
                     **fields) -> Decision:
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
    return issue_decision(actor=actor, deciding_unit=decision.deciding_unit, nominations=nominations,
                          decided_on=decided_on, replaces=decision,
                          certificate_template=fields.pop("certificate_template", decision.certificate_template), **fields)


@transaction.atomic
def save_certificate_template(*, actor, unit: Unit, name: str, html: str) -> CertificateTemplate:
    from documents.rendering import validate_certificate_template

    if not permissions.can_manage_awards(actor, unit):
        raise PermissionDenied
    try:
        validate_certificate_template(html)
    except ValueError as exc:
        raise ValidationError({"html": str(exc)}) from exc
    return CertificateTemplate.objects.create(unit=unit, name=normalize(name) or _("Certificate"), html=html, created_by=actor)
