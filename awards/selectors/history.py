"""Reads of the award history, and its aggregate statistics for dashboards (revoked awards do
not count)."""

from typing import Any

from django.db.models import Count, Q, QuerySet, Sum

from accounts.permissions import visible_units
from awards.eligibility import merged_history_units
from awards.models import AwardRecord, AwardRecordQuerySet
from core.text import search_words
from organisations.models import Member, Unit

__all__ = [
    "awards_by_form",
    "awards_by_level",
    "awards_by_unit",
    "awards_by_year",
    "HISTORY_RELATIONS",
    "member_history",
    "search_history",
    "unit_history",
    "visible_records",
]


def visible_records(user) -> AwardRecordQuerySet:
    units = visible_units(user).values("pk")
    return AwardRecord.objects.filter(Q(member__unit__in=units) | Q(unit__in=units))


HISTORY_RELATIONS = ("form", "decision__document", "member__unit", "unit")


def member_history(member: Member) -> QuerySet[AwardRecord]:
    """A person's titles and awards across years and levels, revoked ones included (marked)."""
    return (
        AwardRecord.objects.filter(member=member)
        .select_related(*HISTORY_RELATIONS)
        .order_by("-year", "form__sort_order")
    )


def unit_history(unit: Unit) -> QuerySet[AwardRecord]:
    """A collective's record, with the records of the units merged into it."""
    return (
        AwardRecord.objects.filter(unit_id__in=merged_history_units(unit))
        .select_related(*HISTORY_RELATIONS)
        .order_by("-year", "form__sort_order")
    )


def search_history(
    user, *, q: str = "", year: int | None = None, form_code: str = "", include_revoked: bool = False
) -> AwardRecordQuerySet:
    records = visible_records(user)
    for word in search_words(q):
        records = records.filter(search_text__contains=word)
    if year:
        records = records.filter(year=year)
    if form_code:
        records = records.filter(form_code=form_code)
    if not include_revoked:
        records = records.counting()
    return records.select_related(*HISTORY_RELATIONS).order_by("-year", "form__sort_order", "pk")


# Statistics for dashboards (aggregate queries; revoked awards do not count) -------------------


def _scoped(within: Unit | None, year: int | None) -> AwardRecordQuerySet:
    records = AwardRecord.objects.counting()
    if within is not None:
        records = records.filter(
            Q(member__unit__path__startswith=within.path) | Q(unit__path__startswith=within.path)
        )
    if year is not None:
        records = records.filter(year=year)
    return records


def awards_by_form(*, within: Unit | None = None, year: int | None = None) -> list[dict[str, Any]]:
    return [
        dict(row)
        for row in _scoped(within, year)
        .values("form_code", "form__name")
        .annotate(count=Count("pk"), amount=Sum("amount"))
        .order_by("-count", "form__name")
    ]


def awards_by_level(*, within: Unit | None = None, year: int | None = None) -> list[dict[str, Any]]:
    return [
        dict(row)
        for row in _scoped(within, year)
        .values("level")
        .annotate(count=Count("pk"), amount=Sum("amount"))
        .order_by("level")
    ]


def awards_by_year(*, within: Unit | None = None) -> list[dict[str, Any]]:
    return [
        dict(row)
        for row in _scoped(within, None)
        .values("year")
        .annotate(
            count=Count("pk"),
            individuals=Count("pk", filter=Q(member__isnull=False)),
            collectives=Count("pk", filter=Q(unit__isnull=False)),
            amount=Sum("amount"),
        )
        .order_by("year")
    ]


def awards_by_unit(*, within: Unit, year: int | None = None) -> list[dict[str, Any]]:
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
