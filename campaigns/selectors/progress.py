"""The campaign page's figures: registration, reach, scoring and reviews for a subtree, per
child unit. The registration, scoring and review figures are one query, a GROUP BY over the
children's path prefixes of every kind of record counted (the participants and the reach are summed
from the reach's rows, one per participating unit), so the number of queries stays the same
whatever the number of units."""

from dataclasses import dataclass, field

from django.db import connection
from django.db.models import Count, Q

from campaigns.models import Campaign, Participant, Registration, ReviewReport, ReviewRound, Score, ScoreSheet
from campaigns.selectors.reach import Reach, SubtreeReach, subtree_reach
from campaigns.selectors.tree import child_prefix, child_units
from organisations.models import Unit

__all__ = ["Progress", "ProgressRow", "campaign_progress", "unregistered_units"]


def _ratio(part: int, whole: int) -> float | None:
    return part / whole if whole else None


@dataclass
class ProgressRow:
    unit: Unit | None
    is_root: bool = False
    participants: int = 0
    registered: int = 0
    approved: int = 0
    returned: int = 0
    individuals: int = 0
    reach: Reach = field(default_factory=Reach)
    sheets_submitted: int = 0
    scores: int = 0
    confirmed: int = 0
    reports_submitted: int = 0

    def __add__(self, other: "ProgressRow") -> "ProgressRow":
        return ProgressRow(
            unit=self.unit,
            participants=self.participants + other.participants,
            registered=self.registered + other.registered,
            approved=self.approved + other.approved,
            returned=self.returned + other.returned,
            individuals=self.individuals + other.individuals,
            reach=self.reach + other.reach,
            sheets_submitted=self.sheets_submitted + other.sheets_submitted,
            scores=self.scores + other.scores,
            confirmed=self.confirmed + other.confirmed,
            reports_submitted=self.reports_submitted + other.reports_submitted,
        )

    @property
    def not_registered(self) -> int:
        return self.participants - self.registered

    @property
    def registration_ratio(self):
        return _ratio(self.registered, self.participants)

    @property
    def submitted_ratio(self):
        return _ratio(self.sheets_submitted, self.participants)

    @property
    def confirmed_ratio(self):
        return _ratio(self.confirmed, self.scores)

    @property
    def reports_ratio(self):
        return _ratio(self.reports_submitted, self.participants)


@dataclass
class Progress:
    root: Unit
    rows: list[ProgressRow]
    total: ProgressRow
    review_round: ReviewRound | None
    # every participation and unit registration of the subtree, whichever unit holds it (`total`
    # sums the rows, and a row is a child with participants)
    subtree_participants: int = 0
    subtree_registered: int = 0


# The counts of a progress row read from the records, in the order of the one query's columns.
COUNTED = ("units", "approved", "returned", "individuals", "sheets", "scores", "confirmed", "reports")


def _part(queryset, path_field: str, root: Unit, **aggregates) -> tuple[str, list]:
    """One kind of record counted per child of the root, as a part of `_counts_by_child`'s query:
    the prefix, then every column of COUNTED (0 for those this kind does not count)."""
    rows = (
        queryset.filter(**{f"{path_field}__startswith": root.path})
        .annotate(prefix=child_prefix(root.path, path_field))
        .order_by()
        .values("prefix")
        .annotate(**aggregates)
    )
    sql, params = rows.query.sql_with_params()
    columns = ", ".join(f"{f'p.{name}' if name in aggregates else '0'} AS {name}" for name in COUNTED)
    return f"SELECT p.prefix, {columns} FROM ({sql}) p", list(params)


def _counts_by_child(
    campaign: Campaign, root: Unit, *, scores: bool, review_round: ReviewRound | None
) -> dict[str, dict[str, int]]:
    """The subtree's unit registrations (all, approved, returned), individual registrations,
    submitted score sheets, scores (all, confirmed) and submitted review reports of the round, per
    child of the root (keyed by the child's path), in one query: each kind is counted by child in
    its own part, as its own query would, and the parts are added up (UNION ALL, one GROUP BY)."""
    parts = [
        _part(
            Registration.objects.filter(campaign=campaign),
            "unit__path",
            root,
            units=Count("pk", filter=Q(member__isnull=True)),
            approved=Count("pk", filter=Q(member__isnull=True, status=Registration.Status.APPROVED)),
            returned=Count("pk", filter=Q(member__isnull=True, status=Registration.Status.RETURNED)),
            individuals=Count("pk", filter=Q(member__isnull=False)),
        ),
        _part(
            ScoreSheet.objects.filter(campaign=campaign, status=ScoreSheet.Status.SUBMITTED),
            "unit__path",
            root,
            sheets=Count("pk"),
        ),
    ]
    if scores:
        parts.append(
            _part(
                Score.objects.filter(sheet__campaign=campaign),
                "sheet__unit__path",
                root,
                scores=Count("pk"),
                confirmed=Count("pk", filter=Q(status=Score.Status.CONFIRMED)),
            )
        )
    if review_round is not None:
        parts.append(
            _part(
                ReviewReport.objects.filter(round=review_round, status=ReviewReport.Status.SUBMITTED),
                "unit__path",
                root,
                reports=Count("pk"),
            )
        )
    sums = ", ".join(f"SUM(u.{name})" for name in COUNTED)
    union = " UNION ALL ".join(sql for sql, _params in parts)
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT u.prefix, {sums} FROM ({union}) u GROUP BY u.prefix",
            [param for _sql, params in parts for param in params],
        )
        rows = cursor.fetchall()
    return {
        prefix: dict(zip(COUNTED, (int(n or 0) for n in counts), strict=True)) for prefix, *counts in rows
    }


def campaign_progress(
    campaign: Campaign,
    root: Unit,
    reach: SubtreeReach | None = None,
    children: list[Unit] | None = None,
    *,
    scores: bool = True,
    reviews: bool = True,
) -> Progress:
    """The subtree's figures per child unit; `reach` is the subtree's reach when the page has
    already read it (subtree_reach) for its other figures, `children` the root's children when
    the caller has read them (every child, current or ended; the rows then follow their order).
    `scores=False` leaves the scores uncounted and `reviews=False` the review round and its reports
    (zero, no round): a page that shows neither reads less. The registrations, sheets, scores and
    reports come in one query (`_counts_by_child`), the participants and reach from the reach's rows."""
    review_round = (
        ReviewRound.objects.filter(campaign=campaign).order_by("-period_end", "-pk").first()
        if reviews
        else None
    )
    counts = _counts_by_child(campaign, root, scores=scores, review_round=review_round)
    reach = reach or subtree_reach(campaign, root)
    by_child = reach.by_child()
    # the reach has a row per participating unit: the participants per child are counted there
    participants = reach.participants_by_child()
    none = dict.fromkeys(COUNTED, 0)
    rows = []
    for unit in child_units(root) if children is None else [root, *children]:
        key = unit.path
        count = participants.get(key, 0)
        if not count:
            continue
        own = counts.get(key, none)
        rows.append(
            ProgressRow(
                unit=unit,
                is_root=unit.pk == root.pk,
                participants=count,
                registered=own["units"],
                approved=own["approved"],
                returned=own["returned"],
                individuals=own["individuals"],
                reach=by_child.get(key, Reach()),
                sheets_submitted=own["sheets"],
                scores=own["scores"],
                confirmed=own["confirmed"],
                reports_submitted=own["reports"],
            )
        )
    total = sum(rows, ProgressRow(unit=root))
    return Progress(
        root=root,
        rows=rows,
        total=total,
        review_round=review_round,
        subtree_participants=sum(participants.values()),
        subtree_registered=sum(row["units"] for row in counts.values()),
    )


def unregistered_units(campaign: Campaign, root: Unit, limit: int | None = 100):
    """Participating units of the subtree with no registration of their own (or only a returned one
    still waiting for correction is not counted here: that one is registered)."""
    registered = Registration.objects.filter(campaign=campaign, member__isnull=True).values("unit_id")
    # the participants without a registration as one set of ids: PostgreSQL then reads a small
    # campaign's few of them first instead of walking the whole subtree in path order
    waiting = Participant.objects.filter(campaign=campaign).exclude(unit_id__in=registered).values("unit_id")
    units = (
        Unit.objects.filter(path__startswith=root.path, pk__in=waiting)
        .select_related("parent")
        .order_by("path")
    )
    return units[:limit] if limit else units
