"""Commendation in numbers, from the award history (`awards.AwardRecord`): by form, level,
unit and year, collectives and individuals.

A record counts when it is not revoked (`AwardRecord.objects.counting()`, the awards app's
rule). Its place in the tree is the unit of the member (an individual award) or the unit
itself (a collective award). Yearly gradings (kind "grading": CĐCS vững mạnh…) are grades,
not commendations: they are counted apart, as units by grade.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from django.db.models import Case, CharField, Count, F, IntegerField, Q, QuerySet, When
from django.db.models.functions import Coalesce, ExtractYear
from django.urls import reverse
from django.utils.translation import gettext as _

from awards.models import AwardForm, AwardRecord
from core.text import fold
from organisations.models import Unit
from reports.charts import Bar, bar_chart, small_multiples
from reports.figures import TEXT, Cell, Column, Table
from reports.rollup import SELF, Breakdown
from reports.selectors.common import Figure, Section, Stat, records_url
from reports.selectors.organisation import unit_cell

GRADING = AwardForm.Kind.GRADING
TREND_YEARS = 10

# Families of forms, as offices count them ("how many Bằng khen"): the folded start of the name.
FAMILIES = [
    ("huan-chuong", "huan chuong", "Huân chương"),
    ("co-thi-dua", "co thi dua", "Cờ thi đua"),
    ("bang-khen", "bang khen", "Bằng khen"),
    ("giay-khen", "giay khen", "Giấy khen"),
    ("chien-si-thi-dua", "chien si thi dua", "Chiến sĩ thi đua"),
    ("tap-the-lao-dong", "tap the lao dong", "Tập thể lao động tiên tiến, xuất sắc"),
    ("lao-dong-tien-tien", "lao dong tien tien", "Lao động tiên tiến"),
]
OTHER_FAMILY = "khac"


def holder_path():
    """The unit path of a record's holder: the member's unit, or the collective itself."""
    return Coalesce(F("member__unit__path"), F("unit__path"), output_field=CharField())


def in_subtree(unit: Unit) -> Q:
    return Q(member__unit__path__startswith=unit.path) | Q(unit__path__startswith=unit.path)


def record_level():
    """The level a record was given at: recorded on it, else its form's."""
    return Case(When(level="", then=F("form__level")), default=F("level"), output_field=CharField())


def counted_year():
    """The year a commendation counts in: the year of its decision (a 2015 nomination decided in 2026
    counts in 2026, where "this year" looks for it); an imported record without a decision date
    counts in its own year."""
    return Coalesce(ExtractYear("decision_date"), F("year"), output_field=IntegerField())


def decided_in(year: int) -> Q:
    """Counted in `year` (counted_year), as a filter the year index and the date can serve."""
    return Q(decision_date__year=year) | Q(decision_date__isnull=True, year=year)


def in_period(date_from: dt.date, date_to: dt.date) -> Q:
    """Decided within the dates; imported records without a date count by their year."""
    return Q(decision_date__gte=date_from, decision_date__lte=date_to) | Q(
        decision_date__isnull=True, year__gte=date_from.year, year__lte=date_to.year
    )


@dataclass(frozen=True)
class FormInfo:
    code: str
    name: str
    kind: str
    level: str
    family: str
    order: tuple


def family_of(name: str) -> str:
    folded = fold(name)
    for key, prefix, _label in FAMILIES:
        if folded.startswith(prefix):
            return key
    return OTHER_FAMILY


def family_label(key: str) -> str:
    for family, _prefix, label in FAMILIES:
        if family == key:
            return label
    return _("Other forms")


def form_infos(codes=None) -> dict[str, FormInfo]:
    """Name, kind and level of each form code, from its latest rule set, in one query."""
    forms = AwardForm.objects.select_related("rule_set").order_by("rule_set__valid_from", "sort_order")
    if codes is not None:
        forms = forms.filter(code__in=list(codes))
    result = {}
    for form in forms:  # later rule sets overwrite earlier ones
        result[form.code] = FormInfo(
            form.code,
            form.name,
            form.kind,
            form.level,
            family_of(form.name),
            (_LEVEL_ORDER.get(form.level, 9), form.sort_order, form.name),
        )
    return result


_LEVEL_ORDER = {
    level: index
    for index, level in enumerate(
        ["state", "government", "confederation", "province", "upper_union", "grassroots"]
    )
}


def award_records(
    unit: Unit,
    *,
    year: int | None = None,
    form: str = "",
    family: str = "",
    level: str = "",
    holder: str = "",
    own: bool = False,
    grading: bool | None = False,
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
) -> QuerySet[AwardRecord]:
    """The award records behind every commendation figure.

    holder: "individual" or "collective"; own: only the unit's own (its members, itself);
    grading: False for commendations, True for yearly gradings, None for both."""
    queryset = AwardRecord.objects.counting()
    if own:
        queryset = queryset.filter(Q(member__unit=unit) | Q(unit=unit))
    else:
        queryset = queryset.filter(in_subtree(unit))
    if grading is not None:
        queryset = queryset.filter(form__kind=GRADING) if grading else queryset.exclude(form__kind=GRADING)
    if year:
        # commendations count by the year decided; yearly gradings are the grade of their own year
        queryset = queryset.filter(Q(year=year) if grading else decided_in(year))
    if date_from and date_to:
        queryset = queryset.filter(in_period(date_from, date_to))
    if form:
        queryset = queryset.filter(form_code=form)
    if family:
        codes = [code for code, info in form_infos().items() if info.family == family]
        queryset = queryset.filter(form_code__in=codes)
    if level:
        queryset = queryset.annotate(_level=record_level()).filter(_level=level)
    if holder == "individual":
        queryset = queryset.filter(member__isnull=False)
    elif holder == "collective":
        queryset = queryset.filter(unit__isnull=False)
    return queryset


def _split() -> dict:
    return {
        "collective": Count("pk", filter=Q(unit__isnull=False)),
        "individual": Count("pk", filter=Q(member__isnull=False)),
        "total": Count("pk"),
    }


def level_label(level: str) -> str:
    try:
        return str(AwardForm.Level(level).label)
    except ValueError:
        return level or _("Not recorded")


def by_form(records: QuerySet[AwardRecord]) -> list[tuple[FormInfo, Mapping[str, Any]]]:
    return _forms_in_order(
        {r["form_code"]: r for r in records.values("form_code").annotate(**_split()).order_by()}
    )


def _forms_in_order(
    rows: Mapping[str, Mapping[str, Any]], infos: Mapping[str, FormInfo] | None = None
) -> list[tuple[FormInfo, Mapping[str, Any]]]:
    """{form code: counts} as (form, counts) in the forms' order (level, then the rule set's order)."""
    infos = form_infos(rows) if infos is None else infos
    ordered = sorted(rows, key=lambda code: infos[code].order if code in infos else (99, 0, code))
    return [
        (infos.get(code) or FormInfo(code, code, "", "", OTHER_FAMILY, (99,)), rows[code]) for code in ordered
    ]


def _levels_in_order(rows: Mapping[str, Mapping[str, Any]]) -> list[tuple[str, Mapping[str, Any]]]:
    return sorted(rows.items(), key=lambda item: _LEVEL_ORDER.get(item[0], 9))


def award_counts(unit: Unit) -> list[Mapping[str, Any]]:
    """The subtree's awards of every year in one grouped query: a row per form, level
    (`record_level`), year of the record, year counted in (`counted_year`) and whether it is a yearly
    grading, with the collectives, individuals and total. The dashboard's commendations of the year
    (by form, by level, of earlier years), its awards by form and year, its yearly grades and the
    trends' awards per year are all sums of these rows (a few hundred for a province), instead of
    seven queries each joining the awards to their members."""
    rows = (
        award_records(unit, grading=None)
        .annotate(counted=counted_year(), _level=record_level(), kind=F("form__kind"))
        .values("form_code", "_level", "year", "counted", "kind")
        .annotate(**_split())
        .order_by()
    )
    return [{**row, "grading": row["kind"] == GRADING} for row in rows]


def shared_award_counts(breakdown: Breakdown) -> list[Mapping[str, Any]]:
    """`award_counts` of the breakdown's unit, once per computation of the dashboard."""
    return breakdown.shared("awards", lambda: award_counts(breakdown.unit))


def commendations(counts: list[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
    """The rows of `award_counts` that are commendations, not yearly gradings."""
    return [row for row in counts if not row["grading"]]


def _sums(rows: list[Mapping[str, Any]], key: str) -> dict[Any, dict[str, int]]:
    """The counts of `rows` summed by `key`."""
    sums: dict[Any, dict[str, int]] = {}
    for row in rows:
        into = sums.setdefault(row[key], {"collective": 0, "individual": 0, "total": 0})
        for name in into:
            into[name] += row[name]
    return sums


def by_form_columns() -> list[Column]:
    """The columns of a table of awards by form (the dashboard's and the review report's)."""
    return [
        Column(_("Form"), TEXT),
        Column(_("Level"), TEXT),
        Column(_("Collectives")),
        Column(_("Individuals")),
        Column(_("Total")),
    ]


def awards_section(breakdown: Breakdown, year: int | None) -> Section | None:
    unit = breakdown.unit
    counts = shared_award_counts(breakdown)
    commended = commendations(counts)
    # commendations count in the year decided (`decided_in`): the rows counted in `year`;
    # yearly gradings are the grade of their own year
    in_year = [row for row in commended if row["counted"] == year] if year else commended
    years = trend_years([row["counted"] for row in commended], year)
    in_trend = [row for row in commended if row["counted"] in years]
    graded = [row for row in counts if row["grading"] and (not year or row["year"] == year)]
    infos = form_infos({row["form_code"] for row in in_year + in_trend + graded})
    forms = _forms_in_order(_sums(in_year, "form_code"), infos)
    trend = _trend(unit, years, in_trend, infos)
    if not forms and not trend.rows:
        return None
    per_child = (
        breakdown.group(award_records(unit, year=year), holder_path(), subtree=in_subtree(unit), **_split())
        if in_year
        else {}  # none in the year: every child's row is zero
    )
    levels = _levels_in_order(_sums(in_year, "_level"))

    def link(**params):
        return records_url("awards", unit, year=year, **params)

    form_table = Table(
        key="awards_forms",
        title=_("Awards by form (%(year)s)") % {"year": year},
        columns=by_form_columns(),
    )
    for info, row in forms:
        form_table.rows.append(
            [
                Cell(info.name),
                Cell(level_label(info.level)),
                Cell(row["collective"], link=link(form=info.code, holder="collective")),
                Cell(row["individual"], link=link(form=info.code, holder="individual")),
                Cell(row["total"], link=link(form=info.code)),
            ]
        )
    totals = {k: sum(r[k] for _i, r in forms) for k in ("collective", "individual", "total")}
    form_table.totals = [
        Cell(_("Total")),
        Cell(""),
        Cell(totals["collective"], link=link(holder="collective")),
        Cell(totals["individual"], link=link(holder="individual")),
        Cell(totals["total"], link=link()),
    ]

    level_table = Table(
        key="awards_levels",
        title=_("Awards by level (%(year)s)") % {"year": year},
        columns=[
            Column(_("Level"), TEXT),
            Column(_("Collectives")),
            Column(_("Individuals")),
            Column(_("Total")),
        ],
    )
    for level, row in levels:
        level_table.rows.append(
            [
                Cell(level_label(level)),
                Cell(row["collective"], link=link(level=level, holder="collective")),
                Cell(row["individual"], link=link(level=level, holder="individual")),
                Cell(row["total"], link=link(level=level)),
            ]
        )
    level_table.totals = list(form_table.totals[:1]) + form_table.totals[2:]

    unit_table = Table(
        key="awards_units",
        title=_("Awards by unit (%(year)s)") % {"year": year},
        columns=[
            Column(_("Unit"), TEXT),
            Column(_("Collectives")),
            Column(_("Individuals")),
            Column(_("Total")),
        ],
    )
    bars = []
    for key, child in breakdown.row_units([per_child]):
        row = per_child.get(key, {})
        own = 1 if key == SELF else None
        all_link = records_url("awards", child, year=year, own=own)  # the row's total and its bar
        own_label = (
            _("%(unit)s itself and its own members") % {"unit": child.display_name} if key == SELF else ""
        )
        unit_table.rows.append(
            [
                unit_cell(child, key, year, own_label),
                Cell(
                    row.get("collective", 0),
                    link=records_url("awards", child, year=year, own=own, holder="collective"),
                ),
                Cell(
                    row.get("individual", 0),
                    link=records_url("awards", child, year=year, own=own, holder="individual"),
                ),
                Cell(row.get("total", 0), link=all_link),
            ]
        )
        bars.append(Bar(child.display_name, row.get("total", 0), str(row.get("total", 0)), href=all_link))
    unit_table.totals = level_table.totals

    figures = [Figure(form_table), Figure(level_table)]
    if breakdown.children:
        figures.append(
            Figure(
                unit_table,
                bar_chart(_("Awards by unit (%(year)s)") % {"year": year}, bars, omit_zero=True)
                if totals["total"]
                else None,
            )
        )
    if trend.rows:
        figures.append(Figure(trend, _trend_chart(trend)))
    grades = _grades_table(unit, year, graded, infos)
    if grades is not None:
        figures.append(Figure(grades))
    section = Section(
        key="awards",
        title=_("Commendation"),
        figures=figures,
        links=[(_("Commendation"), reverse("awards:index"))],
    )
    earlier = sum(row["total"] for row in in_year if row["year"] < year) if year else 0
    section.stats = [
        Stat(totals["total"], _("awards decided in %(year)s") % {"year": year}, link(), glance=0),
        Stat(totals["collective"], _("collectives commended"), link(holder="collective")),
        Stat(totals["individual"], _("individuals commended"), link(holder="individual")),
    ]
    if earlier:
        # both years shown: decided this year, for the achievements of an earlier year
        section.stats.append(
            Stat(
                earlier, _("of them for achievements of earlier years (counted in the year decided)"), link()
            )
        )
    return section


def trend_years(counted: list[int], year: int | None) -> list[int]:
    """The years of the awards by form and year: up to `year` (else the latest counted), from the
    first of the TREND_YEARS before it that has an award."""
    last = year or max(counted, default=None)
    if last is None:
        return []
    years = sorted({y for y in counted if last - TREND_YEARS < y <= last})
    return list(range(years[0], last + 1)) if years else []


def _trend(
    unit: Unit, years: list[int], rows: list[Mapping[str, Any]], infos: Mapping[str, FormInfo]
) -> Table:
    """Awards by family of forms and year counted, from the `award_counts` rows of `years`."""
    table = Table(
        key="awards_trend",
        title=_("Awards by form and year"),
        columns=[Column(_("Form"), TEXT)] + [Column(str(y)) for y in years] + [Column(_("Total"))],
    )
    if not years:
        return table
    counts: dict[tuple[str, int], int] = defaultdict(int)
    for row in rows:
        family = infos[row["form_code"]].family if row["form_code"] in infos else OTHER_FAMILY
        counts[(family, row["counted"])] += row["total"]
    families = [key for key, _p, _l in FAMILIES] + [OTHER_FAMILY]
    for family in families:
        values = [counts.get((family, y), 0) for y in years]
        if not any(values):
            continue
        table.rows.append(
            [Cell(family_label(family))]
            + [
                Cell(v, link=records_url("awards", unit, year=y, family=family))
                for v, y in zip(values, years, strict=True)
            ]
            + [Cell(sum(values))]
        )
    column_totals = [sum(row[i + 1].value for row in table.rows) for i in range(len(years))]
    table.totals = (
        [Cell(_("Total"))]
        + [
            Cell(v, link=records_url("awards", unit, year=y))
            for v, y in zip(column_totals, years, strict=True)
        ]
        + [Cell(sum(column_totals))]
    )
    return table


def _trend_chart(table: Table):
    years = [c.label for c in table.columns[1:-1]]
    if len(years) < 2:
        return None
    series = [(row[0].value, [c.value for c in row[1:-1]], [c.link for c in row[1:-1]]) for row in table.rows]
    return small_multiples(table.title, years, series)


def _grades_table(
    unit: Unit, year: int | None, rows: list[Mapping[str, Any]], infos: Mapping[str, FormInfo]
) -> Table | None:
    """Grassroots unions by their yearly grade (a grading record per union), from the `award_counts`
    rows of the year's gradings."""
    grades = _forms_in_order(_sums(rows, "form_code"), infos)
    if not grades:
        return None
    table = Table(
        key="awards_grades",
        title=_("Grassroots unions by yearly grade (%(year)s)") % {"year": year},
        columns=[Column(_("Grade"), TEXT), Column(_("Number of units"))],
    )
    for info, row in grades:
        table.rows.append(
            [
                Cell(info.name),
                Cell(row["total"], link=records_url("awards", unit, year=year, form=info.code, grading=1)),
            ]
        )
    table.totals = [
        Cell(_("Total")),
        Cell(sum(r["total"] for _i, r in grades), link=records_url("awards", unit, year=year, grading=1)),
    ]
    return table
