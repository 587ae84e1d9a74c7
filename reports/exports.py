"""Excel downloads of exactly the numbers a chart or report shows: one sheet per table, the
title on top, numbers stored as numbers (shares as percentages), totals in bold."""

from __future__ import annotations

import datetime as dt
import re

from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from core.spreadsheets import XLSX_CONTENT_TYPE, WorkbookWriter, put
from reports.figures import DECIMAL, INT, PERCENT, TEXT, Table

HEADER_FILL = PatternFill("solid", fgColor="E8F0F8")
__all__ = ["XLSX_CONTENT_TYPE", "sheet_name", "workbook"]


def sheet_name(title: str, taken: set[str]) -> str:
    """A valid, unique sheet name (31 characters, none of []:*?/\\)."""
    base = re.sub(r"[\[\]:*?/\\]", " ", title).strip()[:31] or "Sheet"
    name, n = base, 2
    while name in taken:
        suffix = f" ({n})"
        name, n = base[: 31 - len(suffix)] + suffix, n + 1
    taken.add(name)
    return name


def _value(value, kind: str):
    if value is None or value == "":
        return None
    if kind == TEXT:
        return str(value)
    if kind in (PERCENT, DECIMAL):
        return float(value)
    if kind == INT:
        return int(value)
    return value


def _write(
    writer: WorkbookWriter, sheet, table: Table, heading: str = "", generated: dt.datetime | None = None
) -> None:
    row = 1
    if heading:
        writer.cell(sheet, row, 1, heading).font = Font(bold=True, size=12)
        row += 1
    writer.cell(sheet, row, 1, str(table.title)).font = Font(bold=True, size=12 if not heading else 11)
    row += 1
    if generated:
        writer.cell(sheet, row, 1, generated.strftime("%d/%m/%Y %H:%M")).font = Font(italic=True, size=9)
        row += 1
    row += 1
    for col, column in enumerate(table.columns, start=1):
        cell = writer.cell(sheet, row, col, str(column.label))
        cell.font = Font(bold=True)
        cell.fill = HEADER_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="center")
    header_row = row
    for values in table.rows:
        row += 1
        for col, (cell, column) in enumerate(zip(values, table.columns, strict=True), start=1):
            _set(sheet.cell(row=row, column=col), cell.value, column.kind)
    if table.totals:
        row += 1
        for col, (cell, column) in enumerate(zip(table.totals, table.columns, strict=True), start=1):
            target = sheet.cell(row=row, column=col)
            _set(target, cell.value, column.kind)
            target.font = Font(bold=True)
    if table.note:
        writer.cell(sheet, row + 2, 1, str(table.note)).font = Font(italic=True, size=9)
    for col, column in enumerate(table.columns, start=1):
        sheet.column_dimensions[get_column_letter(col)].width = (
            48 if column.kind == TEXT and col == 1 else (30 if column.kind == TEXT else 14)
        )
    sheet.freeze_panes = sheet.cell(row=header_row + 1, column=2)


def _set(cell, value, kind: str) -> None:
    put(cell, _value(value, kind))
    if kind == PERCENT:
        cell.number_format = "0.0%"
    elif kind == DECIMAL:
        cell.number_format = "0.00"
    elif kind == INT:
        cell.number_format = "#,##0"


def workbook(tables: list[Table], *, heading: str = "", generated: dt.datetime | None = None) -> bytes:
    writer = WorkbookWriter()
    taken: set[str] = set()
    for table in tables:
        _write(writer, writer.sheet(sheet_name(str(table.title), taken)), table, heading, generated)
    return writer.save()
