"""Commendation over the JSON API, with the same scope and services as the pages."""

from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema, Status
from ninja.pagination import LimitOffsetPagination, paginate

from accounts.permissions import visible_members, visible_units
from awards import eligibility, selectors, services
from awards.models import AgendaItem, AwardForm, BatchEvent, Nomination, RuleSet
from core.schemas import CleanInput

router = Router()


class CheckOut(Schema):
    code: str
    label: str
    status: str
    reason: str
    overridable: bool = False


class EligibilityOut(Schema):
    form: str
    form_name: str
    rule_set: str
    year: int
    overall: str
    checks: list[CheckOut]


class NominationOut(Schema):
    id: int
    batch_id: int
    form: str = Field(..., alias="form_code")
    form_name: str = Field(..., alias="form.name")
    year: int
    member_id: int | None
    unit_id: int | None
    nominee: str = Field(..., alias="nominee_name")
    achievement: str
    status: str
    check_status: str
    checks: list[CheckOut]
    override_justification: str
    cut_reason: str


class BatchOut(Schema):
    id: int
    round_id: int
    proposing_unit_id: int
    at_unit_id: int
    status: str
    last_comment: str
    nominee_count: int = 0


class NominationIn(CleanInput):
    text_models = (Nomination,)
    text_limits = {"evidence_links": 500}
    form: str
    member_id: int | None = None
    unit_id: int | None = None
    achievement: str
    task_grade: str = ""
    initiative: str = ""
    initiative_scope: str = ""
    initiative_count: int = 1
    evidence_links: list[str] = []
    override_justification: str = ""


class CommentIn(CleanInput):
    text_models = (BatchEvent,)
    comment: str = ""


class CutIn(CleanInput):
    reason: str


class VoteIn(CleanInput):
    choice: str


class RecordOut(Schema):
    id: int
    member_id: int | None
    unit_id: int | None
    holder: str = Field(..., alias="holder_name")
    form: str = Field(..., alias="form_code")
    form_name: str = Field(..., alias="form.name")
    year: int
    level: str
    decision_id: int | None
    decision_ref: str
    decision_date: date | None
    source: str
    amount: int | None
    revoked: bool = Field(..., alias="is_revoked")


class DecisionOut(Schema):
    id: int
    number_symbol: str
    decided_on: date
    status: str
    rule_set: str
    base_salary_amount: int
    total_amount: int
    replaces_id: int | None
    records: list[RecordOut] = []


class ItemOut(Schema):
    id: int
    nomination_id: int
    secret_ballot: bool
    threshold_percent: float
    threshold_of: str
    yes: int
    no: int
    abstain: int
    result: str


class SessionOut(Schema):
    id: int
    title: str
    held_on: date
    status: str
    items: list[ItemOut]


@router.get("/eligibility", response=EligibilityOut, summary="Checks for a nominee and an award form")
def check_eligibility(
    request, form: str, member_id: int | None = None, unit_id: int | None = None, year: int | None = None
):
    year = year or timezone.localdate().year
    if (member_id is None) == (unit_id is None):
        raise ValidationError({"member_id": _("Give member_id or unit_id.")})
    member = (
        get_object_or_404(visible_members(request.user).select_related("unit"), pk=member_id)
        if member_id
        else None
    )
    unit = (
        get_object_or_404(visible_units(request.user).select_related("merged_into", "parent"), pk=unit_id)
        if unit_id
        else None
    )
    rule_set = (
        RuleSet.objects.in_force(date(year, 12, 31)).order_by("-valid_from").first() or RuleSet.objects.last()
    )
    award_form = get_object_or_404(AwardForm, rule_set=rule_set, code=form)
    checks = eligibility.evaluate(award_form, year, member=member, unit=unit)
    return {
        "form": award_form.code,
        "form_name": award_form.name,
        "rule_set": award_form.rule_set.code,
        "year": year,
        "overall": eligibility.overall(checks),
        "checks": [c.as_dict() for c in checks],
    }


@router.get("/batches", response=list[BatchOut], summary="Nomination batches in my scope")
@paginate(LimitOffsetPagination)
def list_batches(request, round_id: int | None = None, status: str = ""):
    batches = selectors.batch_list(request.user, status=status)
    if round_id is not None:
        batches = batches.filter(round_id=round_id)
    return batches


@router.get("/batches/{batch_id}/nominations", response=list[NominationOut])
def batch_nominations(request, batch_id: int):
    batch = get_object_or_404(selectors.visible_batches(request.user), pk=batch_id)
    return selectors.nomination_list(request.user, batch=batch)


@router.post("/batches/{batch_id}/nominations", response={201: NominationOut})
def create_nomination(request, batch_id: int, payload: NominationIn):
    batch = get_object_or_404(
        selectors.visible_batches(request.user).select_related("round__rule_set"), pk=batch_id
    )
    form = get_object_or_404(services.forms_for_round(batch.round), code=payload.form)
    member = (
        get_object_or_404(visible_members(request.user).select_related("unit"), pk=payload.member_id)
        if payload.member_id
        else None
    )
    unit = get_object_or_404(visible_units(request.user), pk=payload.unit_id) if payload.unit_id else None
    nomination = services.nominate(
        actor=request.user,
        batch=batch,
        form=form,
        member=member,
        unit=unit,
        achievement=payload.achievement,
        task_grade=payload.task_grade,
        initiative=payload.initiative,
        initiative_scope=payload.initiative_scope,
        initiative_count=payload.initiative_count,
        evidence_links=payload.evidence_links,
        override_justification=payload.override_justification,
    )
    return Status(201, nomination)


def _batch_action(request, batch_id, action, **kwargs):
    batch = get_object_or_404(selectors.visible_batches(request.user), pk=batch_id)
    return action(actor=request.user, batch=batch, **kwargs)


@router.post("/batches/{batch_id}/submit", response=BatchOut)
def submit_batch(request, batch_id: int, payload: CommentIn):
    return _batch_action(request, batch_id, services.submit_batch, comment=payload.comment)


@router.post("/batches/{batch_id}/forward", response=BatchOut)
def forward_batch(request, batch_id: int, payload: CommentIn):
    return _batch_action(request, batch_id, services.forward_batch, comment=payload.comment)


@router.post("/batches/{batch_id}/return", response=BatchOut)
def return_batch(request, batch_id: int, payload: CommentIn):
    return _batch_action(request, batch_id, services.return_batch, comment=payload.comment)


@router.get("/nominations/{nomination_id}", response=NominationOut)
def get_nomination(request, nomination_id: int):
    return get_object_or_404(
        selectors.visible_nominations(request.user).select_related("form", "member", "unit"), pk=nomination_id
    )


@router.post("/nominations/{nomination_id}/cut", response=NominationOut)
def cut_nomination(request, nomination_id: int, payload: CutIn):
    nomination = get_object_or_404(selectors.visible_nominations(request.user), pk=nomination_id)
    return services.cut_nomination(actor=request.user, nomination=nomination, reason=payload.reason)


@router.get("/sessions/{session_id}", response=SessionOut)
def get_session(request, session_id: int):
    session = get_object_or_404(selectors.visible_sessions(request.user), pk=session_id)
    return {
        "id": session.pk,
        "title": session.title,
        "held_on": session.held_on,
        "status": session.status,
        "items": list(session.items.all()),
    }


@router.post("/items/{item_id}/vote", response={204: None})
def vote(request, item_id: int, payload: VoteIn):
    item = get_object_or_404(
        AgendaItem.objects.filter(session__in=selectors.visible_sessions(request.user)), pk=item_id
    )
    if not item.session.memberships.filter(user=request.user).exists():
        raise PermissionDenied(_("Only the members of this council session vote."))
    services.cast_vote(actor=request.user, item=item, choice=payload.choice)
    return Status(204, None)


@router.get("/decisions", response=list[DecisionOut], summary="Award decisions in my scope")
@paginate(LimitOffsetPagination)
def list_decisions(request, year: int | None = None):
    decisions = selectors.visible_decisions(request.user).select_related("document", "rule_set")
    if year:
        decisions = decisions.filter(decided_on__year=year)
    return [_decision_out(d, records=False) for d in decisions]


def _decision_out(decision, *, records: bool) -> dict:
    return {
        "id": decision.pk,
        "number_symbol": decision.document.number_symbol,
        "decided_on": decision.decided_on,
        "status": decision.status,
        "rule_set": decision.rule_set.code,
        "base_salary_amount": decision.base_salary_amount,
        "total_amount": decision.total_amount,
        "replaces_id": decision.replaces_id,
        "records": list(decision.records.all()) if records else [],
    }


@router.get("/decisions/{decision_id}", response=DecisionOut)
def get_decision(request, decision_id: int):
    decision = get_object_or_404(
        selectors.visible_decisions(request.user)
        .select_related("document", "rule_set")
        .prefetch_related("records__form", "records__member", "records__unit"),
        pk=decision_id,
    )
    return _decision_out(decision, records=True)


@router.get("/history", response=list[RecordOut], summary="Award history (a person, a unit, or a search)")
@paginate(LimitOffsetPagination)
def history(
    request,
    member_id: int | None = None,
    unit_id: int | None = None,
    q: str = "",
    year: int | None = None,
    form: str = "",
):
    if member_id is not None:
        return selectors.member_history(get_object_or_404(visible_members(request.user), pk=member_id))
    if unit_id is not None:
        return selectors.unit_history(get_object_or_404(visible_units(request.user), pk=unit_id))
    return selectors.search_history(request.user, q=q, year=year, form_code=form)


@router.get("/statistics", summary="Awards by form, level and year (dashboards)")
def statistics(request, unit_id: int | None = None, year: int | None = None):
    unit = get_object_or_404(visible_units(request.user), pk=unit_id) if unit_id else None
    unit = unit or visible_units(request.user).order_by("depth").first()
    if unit is None:
        raise PermissionDenied
    return {
        "unit_id": unit.pk,
        "by_form": selectors.awards_by_form(within=unit, year=year),
        "by_level": selectors.awards_by_level(within=unit, year=year),
        "by_year": selectors.awards_by_year(within=unit),
        "by_unit": selectors.awards_by_unit(within=unit, year=year),
    }
