"""Reads of the commendation area that pages, the API and dashboards share. Every list is scoped
by `visible_units(user)` and loads its relations up front, so query counts do not grow with the data."""

from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet, Sum

from accounts.permissions import MANAGE_ROLES, scope_paths, visible_units
from awards.eligibility import merged_history_units
from awards.models import (
    AgendaItem,
    AwardRecord,
    CouncilSession,
    Decision,
    Nomination,
    NominationBatch,
    NominationRound,
)
from core.text import fold
from organisations.models import Member, Unit

NOMINATION_RELATIONS = ("form", "member__unit", "unit", "batch__proposing_unit", "batch__at_unit", "batch__round")


def visible_rounds(user) -> QuerySet[NominationRound]:
    """Rounds run by a unit above or inside the user's scope (a grassroots officer sees the province's round)."""
    paths = scope_paths(user)
    ancestor_ids = {int(part) for path in paths for part in path.strip("/").split("/") if part}
    return NominationRound.objects.filter(Q(deciding_unit__in=visible_units(user)) | Q(deciding_unit_id__in=ancestor_ids))


def visible_batches(user) -> QuerySet[NominationBatch]:
    return NominationBatch.objects.filter(proposing_unit__in=visible_units(user))


def visible_nominations(user) -> QuerySet[Nomination]:
    return Nomination.objects.filter(batch__proposing_unit__in=visible_units(user))


def visible_sessions(user) -> QuerySet[CouncilSession]:
    return CouncilSession.objects.filter(deciding_unit__in=visible_units(user))


def visible_decisions(user) -> QuerySet[Decision]:
    """Decisions of a unit in scope, and decisions that commend someone in scope (a district
    sees the province's decision on its own nominees)."""
    units = visible_units(user).values("pk")
    concerns_scope = Exists(
        AwardRecord.objects.filter(decision=OuterRef("pk")).filter(Q(member__unit__in=units) | Q(unit__in=units))
    )
    return Decision.objects.filter(Q(deciding_unit__in=units) | concerns_scope)


def visible_records(user) -> QuerySet[AwardRecord]:
    units = visible_units(user).values("pk")
    return AwardRecord.objects.filter(Q(member__unit__in=units) | Q(unit__in=units))


def batch_list(user, *, round_: NominationRound | None = None, status: str = "") -> QuerySet[NominationBatch]:
    batches = visible_batches(user)
    if round_ is not None:
        batches = batches.filter(round=round_)
    if status:
        batches = batches.filter(status=status)
    return (batches.select_related("round", "proposing_unit", "at_unit")
            .annotate(nominee_count=Count("nominations", filter=~Q(nominations__status="cut")),
                      failed_count=Count("nominations", filter=Q(nominations__status="proposed",
                                                                  nominations__check_status="failed")))
            .order_by("-round__year", "proposing_unit__path"))


def batches_to_review(user) -> QuerySet[NominationBatch]:
    """Batches waiting at a unit the user acts for."""
    managed = visible_units(user, MANAGE_ROLES)
    return batch_list(user).filter(status=NominationBatch.Status.SUBMITTED, at_unit__in=managed)


def nomination_list(user, *, round_: NominationRound | None = None, batch: NominationBatch | None = None,
                    status: str = "", check_status: str = "", at_unit: Unit | None = None, q: str = "") -> QuerySet[Nomination]:
    nominations = visible_nominations(user)
    if batch is not None:
        nominations = nominations.filter(batch=batch)
    if round_ is not None:
        nominations = nominations.filter(batch__round=round_)
    if status:
        nominations = nominations.filter(status=status)
    if check_status:
        nominations = nominations.filter(check_status=check_status)
    if at_unit is not None:
        nominations = nominations.filter(batch__at_unit=at_unit)
    for word in fold(q).split():
        nominations = nominations.filter(Q(member__search_text__contains=word) | Q(unit__search_text__contains=word))
    return nominations.select_related(*NOMINATION_RELATIONS).order_by("batch__proposing_unit__path", "sort_order", "pk")


def session_items(session: CouncilSession) -> QuerySet[AgendaItem]:
    return (session.items.select_related("nomination__form", "nomination__member__unit", "nomination__unit",
                                         "nomination__batch__proposing_unit")
            .annotate(votes=Count("casts")))


def decision_detail(user, pk: int) -> Decision:
    return (visible_decisions(user)
            .select_related("document", "deciding_unit__parent", "rule_set", "base_salary", "session", "replaces__document",
                            "certificate_template")
            .prefetch_related(Prefetch("records", queryset=AwardRecord.objects.select_related("form", "member__unit",
                                                                                           "unit").order_by("pk")))
            .get(pk=pk))


HISTORY_RELATIONS = ("form", "decision__document", "member__unit", "unit")


def member_history(member: Member) -> QuerySet[AwardRecord]:
    """A person's titles and awards across years and levels, revoked ones included (marked)."""
    return AwardRecord.objects.filter(member=member).select_related(*HISTORY_RELATIONS).order_by("-year", "form__sort_order")


def unit_history(unit: Unit) -> QuerySet[AwardRecord]:
    """A collective's record, with the records of the units merged into it."""
    return (AwardRecord.objects.filter(unit_id__in=merged_history_units(unit)).select_related(*HISTORY_RELATIONS)
            .order_by("-year", "form__sort_order"))


def search_history(user, *, q: str = "", year: int | None = None, form_code: str = "", include_revoked: bool = False):
    records = visible_records(user)
    for word in fold(q).split():
        records = records.filter(search_text__contains=word)
    if year:
        records = records.filter(year=year)
    if form_code:
        records = records.filter(form_code=form_code)
    if not include_revoked:
        records = records.counting()
    return records.select_related(*HISTORY_RELATIONS).order_by("-year", "form__sort_order", "pk")


# Statistics for dashboards (aggregate queries; revoked awards do not count) -------------------

def _scoped(within: Unit | None, year: int | None) -> QuerySet[AwardRecord]:
    records = AwardRecord.objects.counting()
    if within is not None:
        records = records.filter(Q(member__unit__path__startswith=within.path) | Q(unit__path__startswith=within.path))
    if year is not None:
        records = records.filter(year=year)
    return records


def awards_by_form(*, within: Unit | None = None, year: int | None = None) -> list[dict]:
    return list(_scoped(within, year).values("form_code", "form__name").annotate(count=Count("pk"), amount=Sum("amount"))
                .order_by("-count", "form__name"))


def awards_by_level(*, within: Unit | None = None, year: int | None = None) -> list[dict]:
    return list(_scoped(within, year).values("level").annotate(count=Count("pk"), amount=Sum("amount")).order_by("level"))


def awards_by_year(*, within: Unit | None = None) -> list[dict]:
    return list(_scoped(within, None).values("year").annotate(
        count=Count("pk"), individuals=Count("pk", filter=Q(member__isnull=False)),
        collectives=Count("pk", filter=Q(unit__isnull=False)), amount=Sum("amount")).order_by("year"))


def awards_by_unit(*, within: Unit, year: int | None = None) -> list[dict]:
    """Per child unit of `within`: awards to its members and collectives in its subtree (one query)."""
    children = list(Unit.objects.filter(parent=within).only("pk", "name", "path"))
    grouped = _scoped(within, year).values_list("member__unit__path", "unit__path").annotate(n=Count("pk"))
    counts = {child.pk: 0 for child in children}
    for member_path, unit_path, n in grouped:  # one row per holding unit, not per award
        path = member_path or unit_path or ""
        for child in children:
            if path.startswith(child.path):
                counts[child.pk] += n
                break
    return [{"unit_id": c.pk, "unit": c.name, "count": counts[c.pk]} for c in children]
