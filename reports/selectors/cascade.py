"""The plan cascade: which units have issued the implementing plans asked of them.

An issued plan that asks its recipients for their own plan gives each recipient an
`Obligation` (documents app). Here they are counted by plan and by child unit: done (the
plan was issued), late (not issued and past its deadline) and waiting (not issued, not due
yet), with the rule of `Obligation.state`.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Any

from django.db.models import Count, Q, QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from documents import tallies
from documents.models import Document, Obligation, PlanSubtreeTally
from organisations.models import Unit
from reports.charts import Segment, StackedRow, stacked_chart
from reports.figures import PERCENT, TEXT, Cell, Column, Table, share
from reports.rollup import SELF, Breakdown, child_key
from reports.selectors.common import Figure, Section, Stat, records_url
from reports.selectors.organisation import unit_cell

STATES = ("done", "late", "waiting", "open")
PLANS_SHOWN = 12
PLANS_LISTED = 1000  # up to this many plans of the year (documents asking for plans), read by their ids


def state_filter(state: str, today=None) -> Q:
    """done: the implementing plan was issued; late: not issued past the deadline; waiting: not
    issued, not due yet; open: late or waiting (not issued)."""
    today = today or timezone.localdate()
    if state == "done":
        return Q(fulfilled_at__isnull=False)
    late = Q(fulfilled_at__isnull=True, due_on__lt=today)
    if state == "late":
        return late
    if state == "waiting":
        return Q(fulfilled_at__isnull=True) & ~late
    if state == "open":
        return Q(fulfilled_at__isnull=True)
    raise ValueError(state)


def plan_obligations(
    unit: Unit,
    *,
    year: int | None = None,
    document: int | None = None,
    state: str = "",
    own: bool = False,
    under: bool = False,
    date_from=None,
    date_to=None,
) -> QuerySet[Obligation]:
    """The obligations behind every cascade figure: plans asked of units in the subtree (or of the
    unit itself, or, `under`, of the units below it only), by issued plans of the year."""
    queryset = tallies.counted_obligations()
    queryset = queryset.filter(unit=unit) if own else queryset.filter(unit__path__startswith=unit.path)
    if under:  # a unit is not its own subordinate
        queryset = queryset.exclude(unit=unit)
    if year:
        queryset = queryset.filter(document__issued_on__year=year)
    if date_from and date_to:
        queryset = queryset.filter(document__issued_on__gte=date_from, document__issued_on__lte=date_to)
    if document:
        queryset = queryset.filter(document_id=document)
    if state:
        queryset = queryset.filter(state_filter(state))
    return queryset


def plans_by_year(unit: Unit) -> dict[int, tuple[int, int]]:
    """{year: (plans asked, plans issued)} of the subtree, read from its subtree tallies (the same
    figures as `plan_obligations` grouped by its plan's year, without reading the obligations or
    summing the units' tallies: a row per year)."""
    rows = PlanSubtreeTally.objects.filter(unit=unit, asked__gt=0).values_list("year", "asked", "issued")
    return {year: (asked, issued) for year, asked, issued in rows}


def plans_by_unit_table(key: str, *, waiting: bool) -> Table:
    """The empty table of implementing plans by unit (the dashboard's also counts those not due yet)."""
    columns = [Column(_("Unit"), TEXT), Column(_("Plans asked")), Column(_("Issued")), Column(_("Late"))]
    if waiting:
        columns.append(Column(_("Not due yet")))
    columns.append(Column(_("Share done"), PERCENT))
    return Table(key=key, title=_("Implementing plans by unit"), columns=columns)


def _counts(today) -> dict:
    return {
        "total": Count("pk"),
        "done": Count("pk", filter=state_filter("done", today)),
        "late": Count("pk", filter=state_filter("late", today)),
        "waiting": Count("pk", filter=state_filter("waiting", today)),
    }


def year_obligations(unit: Unit, year: int | None) -> QuerySet[Obligation]:
    """`plan_obligations` of the year, read through the plans issued in it when they are few (their
    ids listed): the planner then reads their obligations by the plan index, where from the year
    alone it guesses the plans from a histogram (a year just begun: 25 plans guessed at 843, and
    every obligation of every year scanned, ~15 ms of a province's dashboard instead of ~1 ms).
    Only the documents that ask for plans are listed, not the year's decisions and notices: an
    obligation asks for a plan exactly when its document does (`requires_plan` is copied to each
    obligation when the document is issued, and an issued document is never edited)."""
    obligations = plan_obligations(unit, year=year)
    if not year:
        return obligations
    plans = Document.objects.filter(
        status=Document.Status.ISSUED, requires_plan=True, issued_on__year=year
    ).order_by()
    ids = list(plans.values_list("pk", flat=True)[: PLANS_LISTED + 1])
    return obligations.filter(document_id__in=ids) if len(ids) <= PLANS_LISTED else obligations


def _counts_by_document_and_child(breakdown: Breakdown, obligations: QuerySet[Obligation], today):
    """The counts of `_counts` by plan and by child unit, from one query grouped by both (one pass
    over the obligations instead of one per table)."""
    by_document: dict[int, Counter] = defaultdict(Counter)
    by_child: dict[int, Counter] = defaultdict(Counter)
    pairs = (
        obligations.annotate(_child=child_key("unit__path", breakdown.unit))
        .values("document_id", "_child")
        .annotate(**_counts(today))
        .order_by()
    )
    for row in pairs:
        counts: dict[str, Any] = dict(row)
        document, child = counts.pop("document_id"), int(counts.pop("_child") or SELF)
        by_document[document].update(counts)
        by_child[child].update(counts)
    return dict(by_document), dict(by_child)


def cascade_section(breakdown: Breakdown, year: int | None) -> Section | None:
    today = timezone.localdate()
    unit = breakdown.unit
    by_document, by_child = _counts_by_document_and_child(breakdown, year_obligations(unit, year), today)
    if not by_document:
        return None
    documents = list(
        Document.objects.filter(pk__in=by_document)
        .select_related("doc_type", "issuer_unit", "issuer_body")
        .order_by("-issued_on", "-pk")[:PLANS_SHOWN]
    )

    plans = Table(
        key="cascade_plans",
        title=_("Implementing plans asked for, by plan"),
        columns=[
            Column(_("Plan"), TEXT),
            Column(_("Issued by"), TEXT),
            Column(_("Deadline"), TEXT),
            Column(_("Units asked")),
            Column(_("Plan issued")),
            Column(_("Late")),
            Column(_("Not due yet")),
            Column(_("Share done"), PERCENT),
        ],
    )
    for document in documents:
        row = by_document[document.pk]
        link = _document_link(document)
        plans.rows.append(
            [
                Cell(f"{document.number_symbol} · {document.summary}", link=link),
                Cell(document.issuer_name),
                Cell(document.plan_deadline.strftime("%d/%m/%Y") if document.plan_deadline else "—"),
                Cell(row["total"], link=records_url("obligations", unit, year=year, document=document.pk)),
                Cell(
                    row["done"],
                    link=records_url("obligations", unit, year=year, document=document.pk, state="done"),
                ),
                Cell(
                    row["late"],
                    link=records_url("obligations", unit, year=year, document=document.pk, state="late"),
                    css="bad" if row["late"] else "",
                ),
                Cell(
                    row["waiting"],
                    link=records_url("obligations", unit, year=year, document=document.pk, state="waiting"),
                ),
                Cell(share(row["done"], row["total"])),
            ]
        )
    if len(by_document) > len(documents):
        plans.note = _("The %(n)s most recent plans of the year are shown.") % {"n": len(documents)}

    units = plans_by_unit_table("cascade_units", waiting=True)
    rows_for_chart = []
    measure: dict[int, tuple[float | None, str]] = {}
    # the words of every row, translated once (a province has 80 rows)
    issued_label, late_label, waiting_label = _("Plan issued"), _("Late"), _("Not due yet")
    plans_text, no_plans = _("%(done)s/%(total)s plans"), _("no plans asked")
    for key, child in breakdown.row_units([by_child]):
        row = by_child.get(key, {})
        own = 1 if key == SELF else None
        total, done, late, waiting = (row.get(k, 0) for k in ("total", "done", "late", "waiting"))
        done_share = share(done, total)
        # each link once: the row's cells and the chart's segments lead to the same lists
        done_link, late_link, waiting_link = (
            records_url("obligations", child, year=year, own=own, state=state)
            for state in ("done", "late", "waiting")
        )
        own_label = _("Plans asked of %(unit)s itself") % {"unit": child.display_name} if key == SELF else ""
        units.rows.append(
            [
                unit_cell(child, key, year, own_label),
                Cell(total, link=records_url("obligations", child, year=year, own=own)),
                Cell(done, link=done_link),
                Cell(late, link=late_link, css="bad" if late else ""),
                Cell(waiting, link=waiting_link),
                Cell(done_share),
            ]
        )
        measure[key] = (done_share, plans_text % {"done": done, "total": total} if total else no_plans)
        if total:
            rows_for_chart.append(
                StackedRow(
                    label=child.display_name
                    if key != SELF
                    else _("%(unit)s itself") % {"unit": child.display_name},
                    total_text=f"{done}/{total}",
                    segments=[
                        Segment(issued_label, done, "good", done_link),
                        Segment(late_label, late, "bad", late_link),
                        Segment(waiting_label, waiting, "mid", waiting_link),
                    ],
                )
            )
    totals = {k: sum(r.get(k, 0) for r in by_child.values()) for k in ("total", "done", "late", "waiting")}
    units.totals = [
        Cell(_("Total")),
        Cell(totals["total"], link=records_url("obligations", unit, year=year)),
        Cell(totals["done"], link=records_url("obligations", unit, year=year, state="done")),
        Cell(totals["late"], link=records_url("obligations", unit, year=year, state="late")),
        Cell(totals["waiting"], link=records_url("obligations", unit, year=year, state="waiting")),
        Cell(share(totals["done"], totals["total"])),
    ]
    legend = [(_("Plan issued"), "good"), (_("Late"), "bad"), (_("Not due yet"), "mid")]
    chart = (
        stacked_chart(_("Implementing plans by unit"), rows_for_chart, legend, as_shares=True)
        if rows_for_chart and breakdown.children
        else None
    )
    section = Section(
        key="cascade",
        title=_("Plan cascade"),
        intro=_("Plans that ask the units below to issue their own implementing plan, issued in %(year)s.")
        % {"year": year}
        if year
        else "",
        figures=[Figure(plans), Figure(units, chart)],
        tile_measure=measure,
        tile_label=_("implementing plans issued"),
        links=[(_("Documents"), reverse("documents:index"))],
    )
    section.stats = [
        Stat(totals["total"], _("implementing plans asked"), records_url("obligations", unit, year=year)),
        Stat(
            totals["done"],
            _("issued"),
            records_url("obligations", unit, year=year, state="done"),
            tone="good",
        ),
        Stat(
            totals["late"],
            _("late"),
            records_url("obligations", unit, year=year, state="late"),
            tone="bad" if totals["late"] else "",
            glance=1,
        ),
        Stat(share(totals["done"], totals["total"]), _("done"), kind="percent", glance=0),
    ]
    return section


def _document_link(document: Document) -> str:
    from documents.services import document_url

    return document_url(document)
