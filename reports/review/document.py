"""The report as files: the official document (ND30) as DOCX or PDF, and the workbook of its tables."""

from __future__ import annotations

import re

from django.utils import timezone
from django.utils.translation import gettext as _

from documents.models import Document
from documents.numbering import issuer_symbol
from documents.official import header_name
from documents.rendering import Annex, OfficialDocument, Section, render_docx, render_pdf
from organisations.models import Unit
from reports.exports import workbook
from reports.figures import TEXT, Cell, Column, Table, share
from reports.formatting import display, integer, percent
from reports.review.figures import INTERIM, ReviewFigures

__all__ = ["ANNEX_WIDTHS", "official_report", "report_title", "review_docx", "review_pdf", "review_xlsx"]


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
        families = ", ".join(f"{_n(n)} {label}" for label, n in facts.get("awards_by_family", []))
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
    "reach": [5, 5, 2, 2, 2, 2, 2],
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
