"""The emulation and commendation review report (báo cáo sơ kết, tổng kết) of a subtree for a
period, generated from the data: the figures (tables the offices are asked for), the same
figures as an Excel workbook (one sheet per table) and the report itself in the official
layout of Nghị định 30/2020/NĐ-CP (documents.rendering), as DOCX or PDF.

The report's text is document content and stays Vietnamese whatever the interface language,
like every official document of the system (docs/architecture.md, "Language").
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from campaigns.models import Campaign, Participant, Registration
from campaigns.selectors.reach import reach_by_child, reach_total
from campaigns.selectors.scoring import campaign_clusters, leaderboards
from campaigns.selectors.tree import prefix_unit_id
from documents.models import Document
from documents.numbering import issuer_symbol
from documents.official import header_name
from documents.rendering import Annex, OfficialDocument, Section, render_docx, render_pdf
from organisations.models import Unit
from publishing.models import AdvancedModel
from reports.exports import workbook
from reports.figures import PERCENT, TEXT, Cell, Column, Table, share
from reports.formatting import display, integer, percent
from reports.rollup import SELF, Breakdown
from reports.selectors.awards import award_records, by_form, family_label, level_label
from reports.selectors.campaigns import participations
from reports.selectors.cascade import plan_obligations, state_filter
from reports.selectors.common import records_url
from reports.selectors.publishing import advanced_models, published_articles

FINAL, INTERIM = "final", "interim"


@dataclass
class ReviewFigures:
    unit: Unit
    date_from: dt.date
    date_to: dt.date
    kind: str = FINAL
    tables: list[Table] = field(default_factory=list)
    facts: dict = field(default_factory=dict)
    campaigns: list = field(default_factory=list)

    @property
    def is_empty(self) -> bool:
        return not any(table.rows for table in self.tables)

    def table(self, key: str) -> Table | None:
        return next((t for t in self.tables if t.key == key), None)

    @property
    def period_text(self) -> str:
        """ "năm 2015" for a calendar year, else "từ ngày 01/01/2015 đến ngày 30/6/2015"."""
        same_year = self.date_from.year == self.date_to.year
        starts_in_january = (self.date_from.month, self.date_from.day) == (1, 1)
        if same_year and starts_in_january and (self.date_to.month, self.date_to.day) == (12, 31):
            return f"năm {self.date_from.year}"
        if same_year and starts_in_january and (self.date_to.month, self.date_to.day) == (6, 30):
            return f"6 tháng đầu năm {self.date_from.year}"
        return f"từ ngày {self.date_from:%d/%m/%Y} đến ngày {self.date_to:%d/%m/%Y}"


def review_figures(unit: Unit, date_from: dt.date, date_to: dt.date, kind: str = FINAL) -> ReviewFigures:
    """Every table of the report for the subtree and period, a fixed number of queries each."""
    figures = ReviewFigures(unit=unit, date_from=date_from, date_to=date_to, kind=kind)
    breakdown = Breakdown.of(unit)
    figures.tables.append(_cascade(breakdown, figures))
    figures.campaigns = _campaigns(unit, date_from, date_to)
    figures.tables.append(_reach(breakdown, figures))
    figures.tables.append(_registration(breakdown, figures))
    figures.tables.append(_awards_by_form(unit, figures))
    figures.tables.append(_awardees(unit, figures))
    figures.tables.append(_grades(breakdown, figures))
    figures.tables.append(_publishing(breakdown, figures))
    return figures


def _period(figures: ReviewFigures) -> dict:
    return {"date_from": figures.date_from.isoformat(), "date_to": figures.date_to.isoformat()}


# Tables ----------------------------------------------------------------------------------


def _cascade(breakdown: Breakdown, figures: ReviewFigures) -> Table:
    unit = breakdown.unit
    base = plan_obligations(unit, date_from=figures.date_from, date_to=figures.date_to)
    rows = breakdown.group(
        base,
        "unit__path",
        total=Count("pk"),
        done=Count("pk", filter=state_filter("done")),
        late=Count("pk", filter=state_filter("late")),
    )
    table = Table(
        key="cascade",
        title=_("Implementing plans by unit"),
        columns=[
            Column(_("Unit"), TEXT),
            Column(_("Plans asked")),
            Column(_("Issued")),
            Column(_("Late")),
            Column(_("Share done"), PERCENT),
        ],
    )
    for key, child in breakdown.row_units([rows]):
        row = rows.get(key)
        if not row:
            continue
        own = 1 if key == SELF else None
        table.rows.append(
            [
                Cell(child.name),
                Cell(row["total"], link=records_url("obligations", child, own=own, **_period(figures))),
                Cell(
                    row["done"],
                    link=records_url("obligations", child, own=own, state="done", **_period(figures)),
                ),
                Cell(
                    row["late"],
                    link=records_url("obligations", child, own=own, state="late", **_period(figures)),
                ),
                Cell(share(row["done"], row["total"])),
            ]
        )
    totals = {k: sum(r.get(k, 0) for r in rows.values()) for k in ("total", "done", "late")}
    if table.rows:
        table.totals = [
            Cell(_("Total")),
            Cell(totals["total"]),
            Cell(totals["done"]),
            Cell(totals["late"]),
            Cell(share(totals["done"], totals["total"])),
        ]
    figures.facts["plans"] = totals
    figures.facts["plans_issued_by_unit"] = (
        base.filter(document__issuer_unit=unit).values("document").distinct().count()
    )
    return table


def _campaigns(unit: Unit, date_from: dt.date, date_to: dt.date) -> list:
    ids = (
        participations(unit)
        .filter(campaign__starts_on__lte=date_to, campaign__ends_on__gte=date_from)
        .values("campaign_id")
    )
    return list(Campaign.objects.filter(pk__in=ids).order_by("starts_on", "pk")[:12])


def _reach(breakdown: Breakdown, figures: ReviewFigures) -> Table:
    table = Table(
        key="reach",
        title=_("Dissemination reach"),
        columns=[
            Column(_("Campaign"), TEXT),
            Column(_("Unit"), TEXT),
            Column(_("People in scope")),
            Column(_("Reached")),
            Column(_("Share reached"), PERCENT),
            Column(_("Sessions")),
        ],
    )
    unit = breakdown.unit
    names = {child.pk: child.name for child in breakdown.children} | {unit.pk: unit.name}
    reach_facts = []
    for campaign in figures.campaigns:
        by_child = reach_by_child(campaign, unit)
        ordered = sorted(
            by_child.items(), key=lambda item: (item[0] == unit.path, names.get(prefix_unit_id(item[0]), ""))
        )
        for prefix, reach in ordered:
            child_id = prefix_unit_id(prefix)
            table.rows.append(
                [
                    Cell(campaign.name),
                    Cell(names.get(child_id, "")),
                    Cell(reach.scope),
                    Cell(reach.reached),
                    Cell(reach.ratio),
                    Cell(reach.sessions),
                ]
            )
        total = reach_total(campaign, unit)
        reach_facts.append((campaign, total))
    figures.facts["reach"] = reach_facts
    return table


def _registration(breakdown: Breakdown, figures: ReviewFigures) -> Table:
    unit = breakdown.unit
    ids = [c.pk for c in figures.campaigns]
    participants = dict(
        Participant.objects.filter(campaign_id__in=ids, unit__path__startswith=unit.path)
        .values("campaign_id")
        .annotate(n=Count("pk"))
        .order_by()
        .values_list("campaign_id", "n")
    )
    registered = {
        row["campaign_id"]: row
        for row in Registration.objects.filter(campaign_id__in=ids, unit__path__startswith=unit.path)
        .values("campaign_id")
        .annotate(
            units=Count("pk", filter=Q(member__isnull=True)),
            individuals=Count("pk", filter=Q(member__isnull=False)),
        )
        .order_by()
    }
    table = Table(
        key="registration",
        title=_("Registration"),
        columns=[
            Column(_("Campaign"), TEXT),
            Column(_("Units taking part")),
            Column(_("Units registered")),
            Column(_("Registered"), PERCENT),
            Column(_("Individuals registered")),
        ],
    )
    for campaign in figures.campaigns:
        n = participants.get(campaign.pk, 0)
        row: Mapping[str, Any] = registered.get(campaign.pk, {})
        table.rows.append(
            [
                Cell(campaign.name),
                Cell(n),
                Cell(row.get("units", 0)),
                Cell(share(row.get("units", 0), n)),
                Cell(row.get("individuals", 0)),
            ]
        )
    return table


def _awards_by_form(unit: Unit, figures: ReviewFigures) -> Table:
    records = award_records(unit, date_from=figures.date_from, date_to=figures.date_to)
    rows = by_form(records)
    table = Table(
        key="awards",
        title=_("Awards by form and level"),
        columns=[
            Column(_("Form"), TEXT),
            Column(_("Level"), TEXT),
            Column(_("Collectives")),
            Column(_("Individuals")),
            Column(_("Total")),
        ],
    )
    for info, row in rows:
        params = {"form": info.code, **_period(figures)}
        table.rows.append(
            [
                Cell(info.name),
                Cell(level_label(info.level)),
                Cell(row["collective"], link=records_url("awards", unit, holder="collective", **params)),
                Cell(row["individual"], link=records_url("awards", unit, holder="individual", **params)),
                Cell(row["total"], link=records_url("awards", unit, **params)),
            ]
        )
    totals = {k: sum(r[k] for _i, r in rows) for k in ("collective", "individual", "total")}
    if rows:
        table.totals = [
            Cell(_("Total")),
            Cell(""),
            Cell(totals["collective"]),
            Cell(totals["individual"]),
            Cell(totals["total"]),
        ]
    figures.facts["awards"] = totals
    figures.facts["awards_by_family"] = _by_family(rows)
    return table


def _by_family(rows) -> list[tuple[str, int]]:
    counts: Counter = Counter()
    for info, row in rows:
        counts[info.family] += row["total"]
    return [(family_label(family), n) for family, n in counts.most_common()]


def _awardees(unit: Unit, figures: ReviewFigures) -> Table:
    records = (
        award_records(unit, date_from=figures.date_from, date_to=figures.date_to)
        .select_related("member__unit", "unit", "form", "decision__document")
        .order_by("form__kind", "form_code", "unit_id", "pk")
    )
    table = Table(
        key="awardees",
        title=_("Collectives and individuals commended"),
        columns=[
            Column(_("No."), TEXT),
            Column(_("Collective or individual"), TEXT),
            Column(_("Unit"), TEXT),
            Column(_("Form"), TEXT),
            Column(_("Award decision"), TEXT),
        ],
    )
    collectives = [r for r in records if r.unit_id]
    individuals = [r for r in records if r.member_id]
    number = 0
    for record in collectives + individuals:
        number += 1
        decision = record.decision.number_symbol if record.decision is not None else record.decision_ref
        if record.decision_date:
            decision = f"{decision} ngày {record.decision_date:%d/%m/%Y}".strip()
        if record.unit is not None:
            holder = record.unit.name
            where = record.unit.parent.name if record.unit.parent is not None else ""
        else:
            assert record.member is not None  # a record is a collective's or an individual's
            holder, where = record.member.full_name, record.member.unit.name
        table.rows.append(
            [Cell(str(number)), Cell(holder), Cell(where), Cell(record.form.name), Cell(decision or "")]
        )
    figures.facts["collectives"] = len(collectives)
    figures.facts["individuals"] = len(individuals)
    return table


def _grades(breakdown: Breakdown, figures: ReviewFigures) -> Table:
    """Units by grade: the yearly grading of grassroots unions (award records) and each campaign's
    grades from the clusters' rankings."""
    table = Table(
        key="grades",
        title=_("Units by grade"),
        columns=[Column(_("Graded in"), TEXT), Column(_("Grade"), TEXT), Column(_("Number of units"))],
    )
    unit = breakdown.unit
    for info, row in by_form(
        award_records(unit, grading=True, date_from=figures.date_from, date_to=figures.date_to)
    ):
        table.rows.append(
            [
                Cell(_("Yearly grading of grassroots unions")),
                Cell(info.name),
                Cell(
                    row["total"],
                    link=records_url("awards", unit, form=info.code, grading=1, **_period(figures)),
                ),
            ]
        )
    if figures.campaigns:
        for campaign in figures.campaigns:
            grades: Counter = Counter()
            for board in leaderboards(campaign, campaign_clusters(campaign, unit)):
                for ranked in board.rows:
                    if ranked.standing.confirmed:
                        grades[ranked.grade or _("Below every grade")] += 1
            order = {name: i for i, name in enumerate(campaign.grade_bands.values_list("name", flat=True))}
            for grade, n in sorted(grades.items(), key=lambda item: order.get(item[0], 99)):
                table.rows.append(
                    [
                        Cell(campaign.name),
                        Cell(grade),
                        Cell(n, link=records_url("ranking", unit, campaign=campaign.pk, level=grade)),
                    ]
                )
    return table


def _publishing(breakdown: Breakdown, figures: ReviewFigures) -> Table:
    unit = breakdown.unit
    articles = breakdown.group(
        published_articles(unit, date_from=figures.date_from, date_to=figures.date_to),
        "unit__path",
        n=Count("pk"),
    )
    recognised = [AdvancedModel.Stage.RECOGNISED, AdvancedModel.Stage.REPLICATING]
    models = breakdown.group(
        advanced_models(unit, date_from=figures.date_from, date_to=figures.date_to),
        "unit__path",
        n=Count("pk"),
        recognised=Count("pk", filter=Q(stage__in=recognised)),
    )
    table = Table(
        key="publishing",
        title=_("Advanced models and news"),
        columns=[
            Column(_("Unit"), TEXT),
            Column(_("Articles published")),
            Column(_("Advanced models found")),
            Column(_("Recognised or being replicated")),
        ],
    )
    for key, child in breakdown.row_units([articles, models]):
        a, m = articles.get(key, {}).get("n", 0), models.get(key, {})
        if not a and not m:
            continue
        table.rows.append([Cell(child.name), Cell(a), Cell(m.get("n", 0)), Cell(m.get("recognised", 0))])
    totals = [sum(r[i].value for r in table.rows) for i in (1, 2, 3)]
    if table.rows:
        table.totals = [Cell(_("Total"))] + [Cell(v) for v in totals]
    figures.facts["articles"], figures.facts["models"], figures.facts["models_recognised"] = totals
    return table


# The official document -----------------------------------------------------------------------


def report_title(figures: ReviewFigures) -> str:
    kind = "Sơ kết" if figures.kind == INTERIM else "Tổng kết"
    return f"{kind} công tác thi đua, khen thưởng {figures.period_text}"


def _place(unit: Unit) -> str:
    """Where the report is signed: the place of the unit's (or an ancestor's) last document, else
    the province in a name ("… tỉnh Cao Bằng" → "Cao Bằng")."""
    chain = [unit.pk, *reversed(unit.ancestor_ids)]
    places = dict(
        Document.objects.filter(issuer_unit_id__in=chain)
        .exclude(place="")
        .order_by("issuer_unit_id", "-issued_on")
        .values_list("issuer_unit_id", "place")
    )
    for pk in chain:
        if places.get(pk):
            return places[pk]
    for name in [unit.name, *Unit.objects.filter(pk__in=unit.ancestor_ids).values_list("name", flat=True)]:
        found = re.search(r"(?:tỉnh|thành phố)\s+(.+)$", name)
        if found:
            return found.group(1)
    return ""


def _n(value) -> str:
    return integer(value)


def _narrative(figures: ReviewFigures) -> tuple[list[str], list]:
    facts = figures.facts
    unit = figures.unit
    period = figures.period_text
    preamble = [
        f"Thực hiện chương trình công tác, {unit.name} báo cáo kết quả công tác thi đua, khen thưởng "
        f"{period} như sau:"
    ]
    if figures.is_empty:
        empty = (
            f"Trong kỳ báo cáo ({period}), hệ thống chưa ghi nhận số liệu thi đua, khen thưởng nào của "
            f"{unit.name} và các đơn vị trực thuộc: không có kế hoạch phát động, phong trào, buổi quán triệt, "
            "khen thưởng hay tin bài nào trong khoảng thời gian này."
        )
        return preamble, [
            Section("I. KẾT QUẢ THỰC HIỆN", [empty]),
            Section("II. PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI", ["…………………………………………"]),
        ]
    results: list = []
    plans = facts.get("plans", {})
    if plans.get("total"):
        results.append(
            Section(
                "1. Công tác chỉ đạo, triển khai",
                [
                    f"Trong kỳ, các kế hoạch phát động thi đua đã đề nghị {_n(plans['total'])} lượt đơn vị xây dựng kế "
                    f"hoạch thực hiện; {_n(plans['done'])} lượt đã ban hành kế hoạch (đạt {percent(share(plans['done'], plans['total']))})"
                    + (f", {_n(plans['late'])} lượt chậm so với thời hạn." if plans.get("late") else ".")
                    + " Chi tiết tại Phụ lục kèm theo."
                ],
            )
        )
    reach = facts.get("reach") or []
    if figures.campaigns:
        lines = [
            f"Trong kỳ, các cấp công đoàn triển khai {_n(len(figures.campaigns))} phong trào, đợt thi đua: "
            + "; ".join(f"“{c.name}”" for c in figures.campaigns)
            + "."
        ]
        for campaign, total in reach:
            if total.scope:
                lines.append(
                    f"Đối với phong trào “{campaign.name}”, đã tổ chức {_n(total.sessions)} buổi quán triệt, tuyên "
                    f"truyền, đạt {_n(total.reached)}/{_n(total.scope)} đoàn viên ({percent(total.ratio)}); "
                    f"{_n(total.below_threshold)} đơn vị chưa đạt tỷ lệ {campaign.reach_threshold}%."
                )
        registration = figures.table("registration")
        for row in registration.rows if registration else []:
            lines.append(
                f"Phong trào “{row[0].value}”: {_n(row[2].value)}/{_n(row[1].value)} đơn vị đăng ký thi đua "
                f"({percent(row[3].value)}), {_n(row[4].value)} cá nhân đăng ký."
            )
        results.append(
            Section(f"{len(results) + 1}. Công tác tuyên truyền, tổ chức phong trào thi đua", lines)
        )
    if facts.get("models") or facts.get("articles"):
        results.append(
            Section(
                f"{len(results) + 1}. Phát hiện, bồi dưỡng, nhân rộng điển hình tiên tiến",
                [
                    f"Các cấp công đoàn đã phát hiện {_n(facts.get('models', 0))} mô hình, điển hình tiên tiến, trong đó "
                    f"{_n(facts.get('models_recognised', 0))} điển hình đã được công nhận hoặc đang được nhân rộng; đăng tải "
                    f"{_n(facts.get('articles', 0))} tin, bài về người tốt, việc tốt trên cổng thông tin điện tử."
                ],
            )
        )
    awards = facts.get("awards") or {}
    if awards.get("total"):
        families = ", ".join(f"{n} {label}" for label, n in facts.get("awards_by_family", []))
        results.append(
            Section(
                f"{len(results) + 1}. Công tác khen thưởng",
                [
                    f"Trong kỳ, đã khen thưởng {_n(awards['total'])} lượt tập thể, cá nhân ({families}), gồm "
                    f"{_n(facts.get('collectives', awards['collective']))} tập thể và "
                    f"{_n(facts.get('individuals', awards['individual']))} cá nhân. Chi tiết tại các Phụ lục kèm theo."
                ],
            )
        )
    grades = figures.table("grades")
    if grades is not None and grades.rows:
        by_source: dict[str, list[str]] = {}
        for row in grades.rows:
            by_source.setdefault(row[0].value, []).append(f"{row[1].value} {_n(row[2].value)} đơn vị")
        lines = [f"{source}: " + "; ".join(parts) + "." for source, parts in by_source.items()]
        results.append(Section(f"{len(results) + 1}. Kết quả đánh giá, xếp loại", lines))
    if not results:
        results.append(Section("1.", ["Trong kỳ báo cáo chưa có số liệu về các nội dung trên."]))
    assessment = []
    if plans.get("late"):
        assessment.append(
            f"Còn {_n(plans['late'])} lượt đơn vị chậm ban hành kế hoạch thực hiện so với thời hạn."
        )
    for campaign, total in reach:
        if total.below_threshold:
            assessment.append(
                f"Phong trào “{campaign.name}”: còn {_n(total.below_threshold)} đơn vị có tỷ lệ đoàn viên "
                f"được quán triệt dưới {campaign.reach_threshold}%."
            )
    assessment.append("…………………………………………")
    items = [
        Section("I. KẾT QUẢ THỰC HIỆN", [], results),
        Section("II. ĐÁNH GIÁ CHUNG", assessment),
        Section("III. PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI", ["…………………………………………"]),
    ]
    return preamble, items


ANNEX_WIDTHS: dict[str, list[float]] = {
    "cascade": [6, 2, 2, 2, 2],
    "reach": [5, 5, 2, 2, 2, 2],
    "registration": [6, 2, 2, 2, 2],
    "awards": [6, 3, 2, 2, 2],
    "awardees": [1, 5, 5, 4, 4],
    "grades": [5, 5, 2],
    "publishing": [6, 2, 2, 3],
}


def _annex(table: Table, figures: ReviewFigures):
    numbered = table.key != "awardees"
    columns = ([_("No.")] if numbered else []) + [c.label for c in table.columns]
    rows = []
    for index, row in enumerate(table.rows, start=1):
        cells = [display(cell.value, column.kind) for cell, column in zip(row, table.columns, strict=True)]
        rows.append(([str(index)] if numbered else []) + cells)
    totals = None
    if table.totals:
        totals = ([""] if numbered else []) + [
            display(c.value, col.kind) if c.value != "" else ""
            for c, col in zip(table.totals, table.columns, strict=True)
        ]
    widths = ANNEX_WIDTHS.get(table.key)
    if widths and numbered:
        widths = [1, *widths]
    title = report_title(figures)
    subtitle = f"(Kèm theo Báo cáo {title[0].lower()}{title[1:]} của {figures.unit.name})"
    return Annex(
        title=table.title.upper(),
        subtitle=subtitle,
        columns=columns,
        rows=rows,
        column_widths=widths,
        totals=totals,
    )


def official_report(figures: ReviewFigures, signer_name: str = ""):
    """The report as an OfficialDocument (ND30): header, narrative, signature, annex tables."""
    unit = figures.unit
    preamble, items = _narrative(figures)
    parent = unit.parent if unit.parent_id else None
    recipients = [f"{parent.name} (để báo cáo)"] if parent else []
    recipients += ["Thường trực, các ban", "Lưu: VT"]
    return OfficialDocument(
        superior_body=header_name(parent, abbreviate=True) if parent else "",
        issuer=header_name(unit, abbreviate=False),
        number_symbol=f"/BC-{issuer_symbol(unit)}",
        place=_place(unit),
        date=None,
        type_name="BÁO CÁO",
        summary=report_title(figures),
        preamble=preamble,
        items=items,
        recipients=recipients,
        signer_authority="TM. BAN THƯỜNG VỤ",
        signer_position="CHỦ TỊCH",
        signer_name=signer_name,
        annexes=[_annex(table, figures) for table in figures.tables if table.rows],
    )


def review_docx(figures: ReviewFigures) -> bytes:
    return render_docx(official_report(figures))


def review_pdf(figures: ReviewFigures) -> bytes:
    return render_pdf(official_report(figures))


def review_xlsx(figures: ReviewFigures) -> bytes:
    heading = f"{figures.unit.name}: {report_title(figures)}"
    tables = figures.tables
    if figures.is_empty:
        empty = Table(
            key="empty",
            title=_("No data"),
            columns=[Column(_("Note"), TEXT)],
            rows=[[Cell(_("Nothing was recorded in this period."))]],
        )
        tables = [empty]
    return workbook(tables, heading=heading, generated=timezone.localtime())
