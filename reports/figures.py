"""The tables behind every chart and report: the numbers, their labels and where each number
leads (the records it counts). Charts, the HTML "numbers behind" tables and the Excel
downloads are all made from these, so they always show the same figures."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

# Column kinds: how a value is printed and stored in Excel.
TEXT, INT, PERCENT, DECIMAL = "text", "int", "percent", "decimal"


@dataclass
class Column:
    label: str
    kind: str = INT

    @property
    def is_number(self) -> bool:
        return self.kind != TEXT


def text_columns(*labels: str) -> list[Column]:
    """Columns of words (names, dates as printed, states): a record list is mostly these."""
    return [Column(label, TEXT) for label in labels]


@dataclass
class Cell:
    """One figure. `link` leads to the records (or the unit) behind it; `note` is shown small
    beside the value (e.g. "ended 01/07/2025")."""

    value: Any
    link: str = ""
    note: str = ""
    css: str = ""

    @property
    def is_empty(self) -> bool:
        return self.value is None or self.value == ""

    def __reduce__(self):
        # pickled as its four fields, not its __dict__: a province's dashboard stores ~2,000 cells in
        # the cache at each fresh computation (bench province: 258 → 233 KB, 2.3 → 2.0 ms to pickle,
        # 1.7 → 1.2 ms to read back)
        return (Cell, (self.value, self.link, self.note, self.css))


@dataclass
class Table:
    """A titled table. `key` names it in URLs (the Excel download of exactly these numbers)."""

    key: str
    title: str
    columns: list[Column]
    rows: list[list[Cell]] = field(default_factory=list)
    totals: list[Cell] | None = None
    note: str = ""

    def column_values(self, index: int) -> list[Any]:
        return [row[index].value for row in self.rows]

    @property
    def is_empty(self) -> bool:
        return not self.rows


def share(part: int | None, whole: int | None) -> float | None:
    """part / whole, or None when there is no whole."""
    if not whole:
        return None
    return (part or 0) / whole


def as_number(value: Any) -> float:
    if value is None or value == "":
        return 0.0
    if isinstance(value, Decimal):
        return float(value)
    return float(value)


def total_cell(values: list[Any], link: str = "") -> Cell:
    return Cell(sum(v or 0 for v in values), link=link)
