"""Dissemination reach: people reached over people in scope, per unit and rolled up any subtree.

People in scope of a unit are its own members of the campaign's period
(`organisations.selectors.member_of_period`: joined by the campaign's end, not gone before its
start), so a past campaign's share does not move when members join or leave later; a subtree's are
those of its participating units. A unit's reached count is the sum of its sessions' participants,
capped at its people in scope when rolling up (a unit reporting 150 of 100 counts 100), so one
unit's over-reporting cannot hide another's gap. Each unit's figures are computed in SQL.

Every figure is built on one query (`_unit_rows_sql`): the participating units of the subtree
joined once to their active members (the unit's row of `organisations.MemberTally`, kept as
members are written, instead of counting 500,000 members), to the few members whose count differs
between today and the campaign's period (`_period_difference`) and to their sessions grouped by
unit, each unit capped on its own row; the roll-ups sum those rows (by campaign and in total in SQL;
by child and the list below the threshold from one reading of the rows, `SubtreeReach`, whoever asks).
"""

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from functools import cached_property

from django.db import connection
from django.db.models import Count, F, Field, Q, QuerySet, Sum
from django.db.models.functions import Coalesce
from django.utils.functional import Promise
from django.utils.text import capfirst

from campaigns.models import Campaign, DisseminationSession, Participant
from campaigns.models.outreach import CATEGORY_FIELDS
from campaigns.selectors.tree import child_prefix
from organisations.models import Member, MemberTally, Unit
from organisations.selectors import member_of_period, members_of_period

__all__ = [
    "ParticipantReach",
    "Reach",
    "participant_reach",
    "participants_and_reach_by_campaign",
    "reach_by_category",
    "reach_by_child",
    "reach_total",
    "subtree_reach",
    "units_below_threshold",
]

REPORTED = sum((F(name) for name in CATEGORY_FIELDS[1:]), F(CATEGORY_FIELDS[0]))


@dataclass
class Reach:
    scope: int = 0
    reported: int = 0
    reached: int = 0
    sessions: int = 0
    below_threshold: int = 0

    @property
    def ratio(self) -> float | None:
        return self.reached / self.scope if self.scope else None

    def __add__(self, other: "Reach") -> "Reach":
        return Reach(
            self.scope + other.scope,
            self.reported + other.reported,
            self.reached + other.reached,
            self.sessions + other.sessions,
            self.below_threshold + other.below_threshold,
        )


def _groups_whole(campaigns: Sequence[Campaign], root: Unit) -> bool:
    """Whether the sessions and members are grouped whole rather than restricted to the subtree
    first: for a root whose subtree holds every participating unit, the top of the tree or the unit
    the campaigns were launched to (testing each row against it buys nothing; at the campaign's
    root it cost a third of the province's reach query)."""
    return root.parent_id is None or all(c.root_unit_id == root.pk for c in campaigns)


def _period_difference(campaigns: Sequence[Campaign], units: QuerySet | None) -> QuerySet:
    """(cid, uid, n) for each participation whose members of the campaign's period differ from the
    unit's active members today: n is what to add to the unit's tally row. Only two kinds of member
    differ, and both are found through an index on a date before any join: an active member who
    joined after the campaign ended (none for a campaign not ended yet, since nobody joins in the
    future), and a member gone since the campaign started. `units` narrows to a subtree's
    participating units (None: every unit)."""
    active = Q(status=Member.Status.ACTIVE)
    first_end = min(c.ends_on for c in campaigns)
    first_start = min(c.starts_on for c in campaigns)
    # the campaign of the participation joined below: its dates decide each member
    campaign = "unit__campaign_participations__campaign"
    members = Member.objects.filter(
        (active & Q(joined_on__gt=first_end)) | (~active & Q(left_on__gte=first_start)),
        unit__campaign_participations__campaign_id__in=[c.pk for c in campaigns],
    )
    if units is not None:
        members = members.filter(unit_id__in=units)
    period = member_of_period(F(f"{campaign}__starts_on"), F(f"{campaign}__ends_on"))
    return (
        members.order_by()
        .values(cid=F(f"{campaign}_id"), uid=F("unit_id"))
        .annotate(n=Count("pk", filter=period) - Count("pk", filter=active))
    )


def _unit_rows_sql(
    campaigns: Sequence[Campaign], root: Unit, *, own: bool = False, whole_tables: bool | None = None
) -> tuple[str, list]:
    """SQL and parameters of one row per participation of the subtree's units (or of `root` alone
    when `own`) in the campaigns: pid, cid, uid, prefix (the path of root's child above the unit),
    upath, uname, scope (members of the campaign's period), reported (people its sessions reached),
    reached (reported capped at scope), sessions, below (1 when under the campaign's threshold).

    The four parts are ordinary querysets compiled for the connection's engine; only the joins
    and the arithmetic between them are written here, in SQL both engines read alike.

    The database cannot carry the join's subtree into a grouped subquery, so the sessions are
    either restricted to the subtree's participating units before grouping (a small subtree: few
    rows read through the unit index) or grouped whole, the join keeping the subtree's
    (`whole_tables`, by default for a root holding every participating unit: the top of the tree or
    the campaigns' own root). The answers are the same either way.
    The people in scope are each unit's tally row (its active members today), joined by its key,
    plus the difference between those and the members of the campaign's period."""
    campaign_ids = [c.pk for c in campaigns]
    participants = Participant.objects.filter(campaign_id__in=campaign_ids)
    participants = (
        participants.filter(unit=root) if own else participants.filter(unit__path__startswith=root.path)
    )
    if whole_tables is None:
        whole_tables = not own and _groups_whole(campaigns, root)
    units = participants.order_by().values("unit_id")
    rows = participants.order_by().values(
        pid=F("pk"),
        cid=F("campaign_id"),
        uid=F("unit_id"),
        prefix=child_prefix(root.path),
        upath=F("unit__path"),
        uname=F("unit__name"),
        threshold=F("campaign__reach_threshold"),
    )
    sessions = DisseminationSession.objects.filter(campaign_id__in=campaign_ids)
    if not whole_tables:
        sessions = sessions.filter(unit_id__in=units)
    # a unit's active members, as kept in its tally row: one row per unit, joined by its key
    scope = MemberTally.objects.order_by().values(uid=F("unit_id"), n=F("active"))
    period = _period_difference(campaigns, None if whole_tables else units)
    said = (
        sessions.order_by()
        .values(cid=F("campaign_id"), uid=F("unit_id"))
        .annotate(n=Count("*"), said=Sum(REPORTED))
    )
    (
        (rows_sql, rows_params),
        (scope_sql, scope_params),
        (period_sql, period_params),
        (said_sql, said_params),
    ) = (q.query.sql_with_params() for q in (rows, scope, period, said))
    joined = (
        "SELECT p.pid, p.cid, p.uid, p.prefix, p.upath, p.uname, p.threshold,"
        " COALESCE(s.n, 0) + COALESCE(m.n, 0) AS scope,"
        " COALESCE(d.said, 0) AS reported, COALESCE(d.n, 0) AS sessions"
        f" FROM ({rows_sql}) p LEFT JOIN ({scope_sql}) s ON s.uid = p.uid"
        f" LEFT JOIN ({period_sql}) m ON m.cid = p.cid AND m.uid = p.uid"
        f" LEFT JOIN ({said_sql}) d ON d.cid = p.cid AND d.uid = p.uid"
    )
    capped = f"SELECT j.*, CASE WHEN j.reported < j.scope THEN j.reported ELSE j.scope END AS reached FROM ({joined}) j"
    # below the threshold: reached / scope < threshold %, in integers: scope × threshold > reached × 100
    sql = (
        f"SELECT c.*, CASE WHEN c.scope > 0 AND c.scope * c.threshold > c.reached * 100 THEN 1 ELSE 0 END"
        f" AS below FROM ({capped}) c"
    )
    return sql, [*rows_params, *scope_params, *period_params, *said_params]


def _fetch(sql: str, params: list) -> list[tuple]:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


SUMS = "SUM(u.scope), SUM(u.reported), SUM(u.reached), SUM(u.sessions), SUM(u.below)"


def _reach(values: Iterable) -> Reach:
    return Reach(*(int(value or 0) for value in values))


# Lowest reach first, then by name: the order of the list of units below the threshold.
BELOW_RATIO = "u.reached * 1.0 / u.scope"


class SubtreeReach:
    """Every participating unit of a subtree with its reach, read in one query: the one reading
    behind the figures by child unit and the list of units below the threshold, whether a page
    shows both (the campaign page), the API one of them or the review report the other. The rows
    come below-threshold units first, lowest reach first, then by name."""

    def __init__(self, campaign: Campaign, root: Unit):
        self.campaign, self.root = campaign, root

    @cached_property
    def rows(self) -> list[tuple]:
        """(prefix, pid, scope, reported, reached, sessions, below) per participating unit."""
        sql, params = _unit_rows_sql([self.campaign], self.root)
        return _fetch(
            f"SELECT u.prefix, {NUMBERS} FROM ({sql}) u"
            f" ORDER BY u.below DESC, CASE WHEN u.below = 1 THEN {BELOW_RATIO} END, u.uname, u.pid",
            params,
        )

    def by_child(self) -> dict[str, Reach]:
        """Reach rolled up per child of the root (keyed by the child's path)."""
        totals: dict[str, list[int]] = {}
        for prefix, _pid, *values in self.rows:
            sums = totals.setdefault(prefix, [0] * len(values))
            for i, value in enumerate(values):
                sums[i] += int(value or 0)
        return {prefix: Reach(*sums) for prefix, sums in totals.items()}

    def participants_by_child(self) -> dict[str, int]:
        """The participating units under each child of the root (keyed by the child's path)."""
        return dict(Counter(prefix for prefix, *_values in self.rows))

    def below_threshold(self, limit: int = 50) -> list[Participant]:
        """The participating units under the threshold, lowest reach first (at most `limit`)."""
        rows = [row[1:] for row in self.rows if row[-1] == 1][:limit]
        result = _attach(rows, ("unit", "unit__parent"))
        for row in result:
            row.reach_ratio = row.unit_reached / row.unit_scope
        return result


def subtree_reach(campaign: Campaign, root: Unit) -> SubtreeReach:
    """The reach of the subtree's participating units, read once for the figures a page shows."""
    return SubtreeReach(campaign, root)


def reach_by_child(campaign: Campaign, root: Unit) -> dict[str, Reach]:
    """Reach rolled up per child of `root` (keyed by the child's path)."""
    return subtree_reach(campaign, root).by_child()


def units_below_threshold(campaign: Campaign, root: Unit, limit: int = 50) -> list[Participant]:
    """The participating units of the subtree under the threshold, lowest reach first."""
    return subtree_reach(campaign, root).below_threshold(limit)


def reach_total(campaign: Campaign, root: Unit) -> Reach:
    sql, params = _unit_rows_sql([campaign], root)
    return _reach(_fetch(f"SELECT {SUMS} FROM ({sql}) u", params)[0])


def participants_and_reach_by_campaign(
    campaigns: Iterable[Campaign], root: Unit
) -> dict[int, tuple[int, Reach]]:
    """{campaign id: (participating units of the subtree, their reach)} in one query (its rows are
    the participations: counting them costs nothing more); campaigns without participants in the
    subtree are absent, and no campaign reads nothing."""
    campaigns = list(campaigns)
    if not campaigns:
        return {}
    sql, params = _unit_rows_sql(campaigns, root)
    rows = _fetch(f"SELECT u.cid, COUNT(*), {SUMS} FROM ({sql}) u GROUP BY u.cid", params)
    return {cid: (units, _reach(values)) for cid, units, *values in rows}


def _attach(rows: list[tuple], related: tuple[str, ...] = ("unit",)) -> list[Participant]:
    """Participants of the (pid, scope, reported, reached, sessions, below) rows, in their order, each
    with the numbers as unit_scope, unit_reported, unit_reached, unit_sessions, unit_below."""
    objects = Participant.objects.select_related(*related).in_bulk([row[0] for row in rows])
    result = []
    for pid, scope, reported, reached, sessions, below in rows:
        participant = objects[pid]
        participant.unit_scope, participant.unit_reported, participant.unit_reached = (
            int(scope),
            int(reported),
            int(reached),
        )
        participant.unit_sessions, participant.unit_below = int(sessions), int(below)
        result.append(participant)
    return result


NUMBERS = "u.pid, u.scope, u.reported, u.reached, u.sessions, u.below"


class ParticipantReach(Sequence):
    """The participating units of a subtree with their reach, by unit path: a sequence that answers
    `count()` and slices like a queryset (the numbers of every unit come in one query; the
    participants of a page are loaded when the page is read)."""

    def __init__(self, campaign: Campaign, root: Unit, *, own: bool = False, below: bool = False):
        sql, self._params = _unit_rows_sql([campaign], root, own=own)
        where = " WHERE u.below = 1" if below else ""
        self._sql = f"SELECT {NUMBERS} FROM ({sql}) u{where} ORDER BY u.upath, u.pid"
        self._rows: list[tuple] | None = None

    @property
    def rows(self) -> list[tuple]:
        if self._rows is None:
            self._rows = _fetch(self._sql, self._params)
        return self._rows

    def count(self) -> int:  # type: ignore[override]
        return len(self.rows)

    def total(self) -> Reach:
        """The whole list's figures summed (every page's rows, not only the page read): what the
        figure that links here shows."""
        return _reach(sum(int(row[i] or 0) for row in self.rows) for i in range(1, 6))

    def __len__(self) -> int:
        return len(self.rows)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return _attach(self.rows[index])
        return _attach([self.rows[index]])[0]

    def __iter__(self):
        return iter(_attach(self.rows))


def participant_reach(
    campaign: Campaign, root: Unit, *, own: bool = False, below: bool = False
) -> ParticipantReach:
    """Participating units of the subtree (or `root` itself when `own`; only those under the
    threshold when `below`), each with unit_scope (members of the campaign's period), unit_reported (people its
    sessions reached), unit_reached (the same, capped at the scope), unit_sessions and unit_below
    (1 when below the campaign's threshold)."""
    return ParticipantReach(campaign, root, own=own, below=below)


@dataclass
class CategoryReach:
    category: str
    label: str | Promise
    scope: int
    reported: int


def reach_by_category(campaign: Campaign, root: Unit) -> list[CategoryReach]:
    """People in scope (members of the campaign's period) and people reported as reached, by
    category, for the whole subtree (as reported: not capped)."""
    scope_rows = dict(
        members_of_period(campaign.starts_on, campaign.ends_on)
        .filter(
            unit__path__startswith=root.path,
            unit__campaign_participations__campaign=campaign,
        )
        .order_by()
        .values("category")
        .annotate(n=Count("pk"))
        .values_list("category", "n")
    )
    reported = DisseminationSession.objects.filter(
        campaign=campaign, unit__path__startswith=root.path
    ).aggregate(**{name: Coalesce(Sum(name), 0) for name in CATEGORY_FIELDS})
    mapping = [
        ("officers", Member.Category.OFFICER),
        ("civil_servants", Member.Category.CIVIL_SERVANT),
        ("public_employees", Member.Category.PUBLIC_EMPLOYEE),
        ("workers", Member.Category.WORKER),
    ]
    rows = [
        CategoryReach(field, str(category.label), scope_rows.get(category.value, 0), reported[field])
        for field, category in mapping
    ]
    labels = {
        f.name: capfirst(f.verbose_name)
        for f in DisseminationSession._meta.get_fields()
        if isinstance(f, Field) and f.name in CATEGORY_FIELDS
    }
    rows.insert(1, CategoryReach("members", labels["members"], 0, reported["members"]))
    return rows


def ratio_percent(ratio: float | None) -> Decimal | None:
    return None if ratio is None else Decimal(ratio * 100).quantize(Decimal("0.1"))
