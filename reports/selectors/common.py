"""What every area's roll-up returns: sections of headline numbers, tables and charts, and
the links from a number to the records behind it."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode

from django.urls import reverse

from organisations.models import Unit
from reports.figures import Table


@dataclass
class Stat:
    """A headline number with what it counts and where it leads."""

    value: Any
    label: str
    link: str = ""
    kind: str = "int"
    tone: str = ""  # "good", "bad", "" for neutral


@dataclass
class Figure:
    """A table and the chart drawn from it (a chart is optional; the table never is)."""

    table: Table
    chart: Any = None
    caption: str = ""


@dataclass
class Section:
    key: str
    title: str
    stats: list[Stat] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    intro: str = ""
    links: list[tuple[str, str]] = field(default_factory=list)  # (label, url) to the area's own pages
    # per child unit: (value for the tile colour, text), for the tile map's colouring
    tile_measure: dict[int, tuple[float | None, str]] | None = None
    tile_label: str = ""
    tile_weights: dict[int, int] | None = None  # the organisation section: members per child

    def table(self, key: str) -> Table | None:
        for figure in self.figures:
            if figure.table.key == key:
                return figure.table
        return None


def dashboard_url(unit: Unit | int, year: int | None = None) -> str:
    params: dict[str, Any] = {"unit": unit if isinstance(unit, int) else unit.pk}
    if year:
        params["year"] = year
    return f"{reverse('reports:dashboard')}?{urlencode(params)}"


def records_url(kind: str, unit: Unit | int, **params) -> str:
    """The drill-down page listing the records a figure counts."""
    query: dict[str, Any] = {"unit": unit if isinstance(unit, int) else unit.pk}
    query.update({k: v for k, v in params.items() if v not in (None, "")})
    return f"{reverse('reports:records', args=[kind])}?{urlencode(query)}"


def optional_url(name: str, *args, query: dict | None = None) -> str:
    """A link into another area's pages, or "" while that area has no such page yet."""
    from django.urls import NoReverseMatch

    try:
        url = reverse(name, args=args)
    except NoReverseMatch:
        return ""
    return f"{url}?{urlencode(query)}" if query else url
