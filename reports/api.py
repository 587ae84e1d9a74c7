"""The dashboard's figures as JSON, for other tools: the same sections, headline numbers and
tables as the page, scoped the same way (a unit outside the caller's scope answers 404)."""

from typing import Any

from django.shortcuts import get_object_or_404
from ninja import Router, Schema

from accounts.permissions import can_view_reports, visible_units
from reports import selectors
from reports.figures import Table

router = Router()


class TableOut(Schema):
    key: str
    title: str
    columns: list[str]
    rows: list[list[Any]]
    totals: list[Any] | None = None


class StatOut(Schema):
    label: str
    value: Any
    kind: str


class SectionOut(Schema):
    key: str
    title: str
    stats: list[StatOut]
    tables: list[TableOut]


class DashboardOut(Schema):
    unit_id: int
    unit: str
    year: int
    sections: list[SectionOut]


def _table(table: Table) -> dict:
    return {
        "key": table.key,
        "title": table.title,
        "columns": [c.label for c in table.columns],
        "rows": [[cell.value for cell in row] for row in table.rows],
        "totals": [cell.value for cell in table.totals] if table.totals else None,
    }


@router.get("/dashboard", response=DashboardOut)
def dashboard(request, unit_id: int, year: int | None = None):
    """The dashboard of a unit and its subtree for a year (by default the latest year with data)."""
    unit = get_object_or_404(visible_units(request.user), pk=unit_id)
    if not can_view_reports(request.user, unit):
        from django.http import Http404

        raise Http404
    board = selectors.dashboard(unit, year or selectors.default_year(unit))
    return {
        "unit_id": unit.pk,
        "unit": unit.name,
        "year": board.year,
        "sections": [
            {
                "key": s.key,
                "title": s.title,
                "stats": [{"label": st.label, "value": st.value, "kind": st.kind} for st in s.stats],
                "tables": [_table(f.table) for f in s.figures],
            }
            for s in board.sections
        ],
    }
