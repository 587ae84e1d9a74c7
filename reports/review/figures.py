"""The figures of a review report: the subtree, the period, its tables and the facts the text quotes."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from organisations.models import Unit
from reports.figures import Table

__all__ = ["FINAL", "INTERIM", "ReviewFigures"]


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


def _period(figures: ReviewFigures) -> dict:
    return {"date_from": figures.date_from.isoformat(), "date_to": figures.date_to.isoformat()}
