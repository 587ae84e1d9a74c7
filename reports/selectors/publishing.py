"""News and advanced models in numbers: articles published in the year, advanced models by
stage and their replications, under each child unit."""

from __future__ import annotations

import datetime as dt

from django.db.models import Count, Q, QuerySet
from django.db.models.functions import ExtractYear
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from organisations.models import Unit
from publishing.models import AdvancedModel, Article, ArticleSubtreeTally
from reports.charts import Segment, StackedRow, stacked_chart
from reports.figures import TEXT, Cell, Column, Table
from reports.rollup import SELF, Breakdown, child_key
from reports.selectors.common import Figure, Section, Stat, records_url
from reports.selectors.organisation import unit_cell

STAGES = [
    AdvancedModel.Stage.FOUND,
    AdvancedModel.Stage.NURTURED,
    AdvancedModel.Stage.RECOGNISED,
    AdvancedModel.Stage.REPLICATING,
]
STAGE_CSS = {"found": "s4", "nurtured": "s3", "recognised": "s1", "replicating": "s2"}


def published_articles(
    unit: Unit,
    *,
    year: int | None = None,
    own: bool = False,
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
) -> QuerySet[Article]:
    """The articles behind every news figure: published (and not scheduled for later)."""
    queryset = Article.objects.public()
    queryset = queryset.filter(unit=unit) if own else queryset.filter(unit__path__startswith=unit.path)
    if year:
        queryset = queryset.filter(publish_at__year=year)
    if date_from and date_to:
        queryset = queryset.filter(publish_at__date__gte=date_from, publish_at__date__lte=date_to)
    return queryset


def scheduled_articles(unit: Unit) -> QuerySet[Article]:
    """The subtree's articles published for later, not out yet: what the articles' subtree tally
    (`ArticleSubtreeTally`, which counts them in their year) holds beyond `published_articles`. A
    few rows of the (status, publish_at) index."""
    return Article.objects.filter(
        status=Article.Status.PUBLISHED, publish_at__gt=timezone.now(), unit__path__startswith=unit.path
    )


def article_counts(breakdown: Breakdown, year: int | None) -> tuple[dict[tuple[int, int], int], dict]:
    """What the dashboard reads of the subtree's articles, in two queries for the news table and the
    trends: the subtree tally rows (`ArticleSubtreeTally`) of the unit, every year, and of its
    children for `year`, as {(unit id, year): published}; and the subtree's articles scheduled for
    later (counted in those rows, not out yet: a few entries of the (status, publish_at) index) by
    child (SELF for the unit's own) and year, as {(key, year): articles}. Read once per dashboard."""

    def compute():
        unit = breakdown.unit
        rows = Q(unit=unit)
        if year:
            rows |= Q(unit_id__in=[child.pk for child in breakdown.children], year=year)
        tallies = {
            (unit_id, row_year): published
            for unit_id, row_year, published in ArticleSubtreeTally.objects.filter(rows).values_list(
                "unit_id", "year", "published"
            )
        }
        later = (
            scheduled_articles(unit)
            .annotate(_child=child_key("unit__path", unit), _year=ExtractYear("publish_at"))
            .values_list("_child", "_year")
            .annotate(n=Count("*"))
            .order_by()
        )
        return tallies, {(int(key or SELF), later_year): n for key, later_year, n in later}

    return breakdown.shared(f"articles:{year}", compute)


def articles_by_child(breakdown: Breakdown, year: int) -> dict[int, dict]:
    """`breakdown.group` of the year's `published_articles` ({child or SELF: {"n": articles}}), read
    from the subtree tally rows of the unit and its children for the year (a row each) less the
    articles scheduled for later (`article_counts`), instead of grouping the subtree's articles joined
    to its units. A unit's own articles are its subtree's less its children's (every direct child,
    ended ones too)."""
    unit = breakdown.unit
    totals, later = article_counts(breakdown, year)
    counts = {child.pk: totals.get((child.pk, year), 0) for child in breakdown.children}
    counts[SELF] = totals.get((unit.pk, year), 0) - sum(counts.values())
    for (key, later_year), n in later.items():
        if later_year == year:
            counts[key] -= n
    return {key: {"n": n} for key, n in counts.items() if n}


def advanced_models(
    unit: Unit,
    *,
    year: int | None = None,
    stage: str = "",
    own: bool = False,
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
) -> QuerySet[AdvancedModel]:
    """The advanced models behind every model figure, at their present stage: on the dashboard
    those active in the year (their period covers some of it); in a review report those found in
    its dates (their period starts in it), so an empty period reports none."""
    queryset = AdvancedModel.objects.all()
    queryset = queryset.filter(unit=unit) if own else queryset.filter(unit__path__startswith=unit.path)
    if year:
        start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
        queryset = queryset.filter(
            Q(period_start__lte=end), Q(period_end__isnull=True) | Q(period_end__gte=start)
        )
    if date_from and date_to:
        queryset = queryset.filter(period_start__gte=date_from, period_start__lte=date_to)
    if stage:
        queryset = queryset.filter(stage=stage)
    return queryset


def _stage_counts() -> dict:
    counts = {stage.value: Count("pk", filter=Q(stage=stage)) for stage in STAGES}
    counts["total"] = Count("pk")
    return counts


def publishing_section(breakdown: Breakdown, year: int | None) -> Section | None:
    unit = breakdown.unit
    articles = (
        articles_by_child(breakdown, year)
        if year
        else breakdown.group(published_articles(unit), "unit__path", n=Count("*"))
    )
    models = breakdown.group(advanced_models(unit, year=year), "unit__path", **_stage_counts())
    if not articles and not models:
        return None
    columns = [Column(_("Unit"), TEXT), Column(_("Articles published"))]
    columns += [Column(str(stage.label)) for stage in STAGES] + [Column(_("Advanced models"))]
    table = Table(
        key="publishing_units",
        title=_("News and advanced models by unit (%(year)s)") % {"year": year},
        columns=columns,
    )
    chart_rows = []
    stage_labels = [str(stage.label) for stage in STAGES]  # translated once, not for each row
    for key, child in breakdown.row_units([articles, models]):
        own = 1 if key == SELF else None
        m = models.get(key, {})
        # each link once: the row's cells and the chart's segments lead to the same lists
        stage_links = [
            records_url("models", child, year=year, own=own, stage=stage.value) for stage in STAGES
        ]
        row = [
            unit_cell(child, key, year),
            Cell(articles.get(key, {}).get("n", 0), link=records_url("articles", child, year=year, own=own)),
        ]
        row += [
            Cell(m.get(stage.value, 0), link=link) for stage, link in zip(STAGES, stage_links, strict=True)
        ]
        row.append(Cell(m.get("total", 0), link=records_url("models", child, year=year, own=own)))
        table.rows.append(row)
        if m.get("total"):
            chart_rows.append(
                StackedRow(
                    label=child.display_name,
                    total_text=str(m["total"]),
                    segments=[
                        Segment(label, m.get(stage.value, 0), STAGE_CSS[stage.value], link)
                        for stage, label, link in zip(STAGES, stage_labels, stage_links, strict=True)
                    ],
                )
            )
    sums = [sum(r[i].value for r in table.rows) for i in range(1, len(columns))]
    table.totals = [Cell(_("Total")), Cell(sums[0], link=records_url("articles", unit, year=year))]
    table.totals += [
        Cell(v, link=records_url("models", unit, year=year, stage=stage.value))
        for v, stage in zip(sums[1:-1], STAGES, strict=True)
    ]
    table.totals.append(Cell(sums[-1], link=records_url("models", unit, year=year)))
    legend = [(str(stage.label), STAGE_CSS[stage.value]) for stage in STAGES]
    chart = (
        stacked_chart(_("Advanced models by stage"), chart_rows, legend)
        if chart_rows and breakdown.children
        else None
    )
    section = Section(
        key="publishing",
        title=_("Advanced models and news"),
        figures=[Figure(table, chart)],
        links=[
            (_("Advanced models"), reverse("publishing:model_list")),
            (_("News"), reverse("publishing:article_list")),
        ],
    )
    recognised = sum(table.totals[i].value for i in (4, 5))
    section.stats = [
        Stat(
            sums[0],
            _("articles published in %(year)s") % {"year": year},
            records_url("articles", unit, year=year),
            glance=0,
        ),
        Stat(sums[-1], _("advanced models"), records_url("models", unit, year=year), glance=1),
        Stat(recognised, _("recognised or being replicated")),
    ]
    return section
