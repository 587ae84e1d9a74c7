"""Review figures rolled up the tree: each indicator summed over the submitted reports of a
subtree, per child unit, in one query."""

from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, Sum

from campaigns.models import Campaign, Participant, ReviewIndicator, ReviewReport, ReviewRound, ReviewValue
from campaigns.selectors.tree import child_prefix, child_units
from organisations.models import Unit

__all__ = [
    "chosen_round",
    "review_indicators",
    "review_rollup",
    "review_rounds",
    "submitted_reports",
    "takes_part",
    "unit_report",
]


@dataclass
class RollupRow:
    unit: Unit
    is_root: bool
    participants: int
    submitted: int
    values: dict[int, Decimal] = field(default_factory=dict)  # indicator id -> sum

    @property
    def report_ratio(self) -> float | None:
        return self.submitted / self.participants if self.participants else None


@dataclass
class Rollup:
    review_round: ReviewRound
    indicators: list[ReviewIndicator]
    rows: list[RollupRow]
    totals: dict[int, Decimal]
    participants: int
    submitted: int

    def row_values(self, row: RollupRow) -> list[Decimal]:
        return [row.values.get(i.pk, Decimal(0)) for i in self.indicators]

    @property
    def total_values(self) -> list[Decimal]:
        return [self.totals.get(i.pk, Decimal(0)) for i in self.indicators]


def review_rounds(campaign: Campaign) -> list[ReviewRound]:
    return list(ReviewRound.objects.filter(campaign=campaign))


def chosen_round(rounds: list[ReviewRound], requested: str | None) -> ReviewRound | None:
    """The round asked for by id, else the first one."""
    return next((r for r in rounds if str(r.pk) == requested), rounds[0] if rounds else None)


def takes_part(campaign: Campaign, unit: Unit) -> bool:
    return Participant.objects.filter(campaign=campaign, unit=unit).exists()


def unit_report(review_round: ReviewRound, unit: Unit) -> ReviewReport | None:
    """The unit's report in the round with its indicator values, if it has started one."""
    return ReviewReport.objects.filter(round=review_round, unit=unit).prefetch_related("values").first()


def review_indicators(campaign: Campaign):
    return ReviewIndicator.objects.filter(campaign=campaign)


def review_rollup(review_round: ReviewRound, root: Unit) -> Rollup:
    campaign = review_round.campaign
    indicators = list(ReviewIndicator.objects.filter(campaign=campaign))
    values = (
        ReviewValue.objects.filter(
            report__round=review_round,
            report__status=ReviewReport.Status.SUBMITTED,
            report__unit__path__startswith=root.path,
        )
        .annotate(prefix=child_prefix(root.path, "report__unit__path"))
        .order_by()
        .values("prefix", "indicator_id")
        .annotate(total=Sum("value"))
    )
    submitted = dict(
        ReviewReport.objects.filter(
            round=review_round, status=ReviewReport.Status.SUBMITTED, unit__path__startswith=root.path
        )
        .annotate(prefix=child_prefix(root.path))
        .order_by()
        .values("prefix")
        .annotate(n=Count("pk"))
        .values_list("prefix", "n")
    )
    participants = dict(
        Participant.objects.filter(campaign=campaign, unit__path__startswith=root.path)
        .annotate(prefix=child_prefix(root.path))
        .order_by()
        .values("prefix")
        .annotate(n=Count("pk"))
        .values_list("prefix", "n")
    )
    sums: dict[str, dict[int, Decimal]] = {}
    for row in values:
        sums.setdefault(row["prefix"], {})[row["indicator_id"]] = Decimal(row["total"] or 0)
    rows = []
    for unit in child_units(root):
        if not participants.get(unit.path):
            continue
        rows.append(
            RollupRow(
                unit=unit,
                is_root=unit.pk == root.pk,
                participants=participants[unit.path],
                submitted=submitted.get(unit.path, 0),
                values=sums.get(unit.path, {}),
            )
        )
    totals: dict[int, Decimal] = {}
    for rollup_row in rows:
        for indicator_id, value in rollup_row.values.items():
            totals[indicator_id] = totals.get(indicator_id, Decimal(0)) + value
    return Rollup(
        review_round,
        indicators,
        rows,
        totals,
        sum(r.participants for r in rows),
        sum(r.submitted for r in rows),
    )


def submitted_reports(review_round: ReviewRound, root: Unit, limit: int = 200):
    return (
        ReviewReport.objects.filter(
            round=review_round, status=ReviewReport.Status.SUBMITTED, unit__path__startswith=root.path
        )
        .select_related("unit")
        .order_by("unit__path")[:limit]
    )
