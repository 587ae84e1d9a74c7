"""What every area's roll-up returns: sections of headline numbers, tables and charts, the
links from a number to the records behind it, and the shape of those drill-down lists."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote_plus

from django.conf import settings
from django.db.models import QuerySet
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils.translation import get_language

from organisations.models import Unit
from reports.figures import Cell, Column, Table

__all__ = ["dashboard_url", "paths_remembered", "records_url"]


@dataclass
class Stat:
    """A headline number with what it counts and where it leads."""

    value: Any
    label: str
    link: str = ""
    kind: str = "int"
    tone: str = ""  # "good", "bad", "" for neutral
    glance: int | None = None  # its place in the dashboard's summary tile (None: only in its section)
    key: str = ""  # a name for the few stats other code looks for


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


# the paths of one computation of figures (`paths_remembered`): {(name, args): path}
_paths: ContextVar[dict[tuple[str, tuple[str, ...]], str] | None] = ContextVar("report_paths", default=None)


@contextmanager
def paths_remembered() -> Iterator[None]:
    """Within the block, each path is reversed once: what reverse() reads besides its arguments (the
    URLconf, the script prefix, the language) cannot change while one dashboard is computed, and
    reading them costs more than the rest of a link (~1,800 links a province's dashboard)."""
    token = _paths.set({})
    try:
        yield
    finally:
        _paths.reset(token)


def _path(name: str, *args: str) -> str:
    """reverse(), remembered: a province's dashboard links some 2,000 figures to a handful of paths,
    and each reverse() costs ~40 µs (~90 ms a dashboard). Keyed by what reverse() reads besides."""
    remembered = _paths.get()
    if remembered is not None and (name, args) in remembered:
        return remembered[(name, args)]
    urlconf = get_urlconf() or settings.ROOT_URLCONF
    path = _reversed(name, args, get_script_prefix(), urlconf, get_language())
    if remembered is not None:
        remembered[(name, args)] = path
    return path


def _query(params: dict[str, Any]) -> str:
    """urlencode() of a link's parameters, with numbers written as they are (what urlencode gives
    them, at a fraction of its cost)."""
    return "&".join(
        f"{key}={value}" if type(value) is int else f"{key}={quote_plus(str(value))}"
        for key, value in params.items()
    )


@functools.lru_cache(maxsize=256)
def _reversed(name: str, args: tuple[str, ...], _prefix: str, urlconf: str, _language: str | None) -> str:
    return reverse(name, args=list(args), urlconf=urlconf)


def dashboard_url(unit: Unit | int, year: int | None = None) -> str:
    params: dict[str, Any] = {"unit": unit if isinstance(unit, int) else unit.pk}
    if year:
        params["year"] = year
    return f"{_path('reports:dashboard')}?{_query(params)}"


def records_url(kind: str, unit: Unit | int, **params) -> str:
    """The drill-down page listing the records a figure counts."""
    query: dict[str, Any] = {"unit": unit if isinstance(unit, int) else unit.pk}
    query.update({k: v for k, v in params.items() if v not in (None, "")})
    return f"{_path('reports:records', kind)}?{_query(query)}"


@dataclass
class Filters:
    """The parameters of a drill-down link, checked by reports.forms.RecordFilterForm."""

    year: int | None = None
    own: bool = False
    under: bool = False  # the units below the unit, not the unit itself
    document: int | None = None
    state: str = ""
    gender: str = ""
    form: str = ""
    family: str = ""
    level: str = ""
    holder: str = ""
    grading: bool = False
    stage: str = ""
    campaign: int | None = None
    cluster: int | None = None
    registered: str = ""
    below: bool = False
    date_from: dt.date | None = None
    date_to: dt.date | None = None


@dataclass
class RecordKind:
    title: str
    columns: list[Column]
    queryset: Callable[[Unit, Filters], QuerySet]
    row: Callable[[object], list[Cell]]
    describe: Callable[[Filters], list[str]] = field(default=lambda f: [])
    # For a list whose figures are not only its count (the reach list: units, and the members in
    # scope and reached across them): the whole list's totals row, its first cell the label, each
    # other cell under its column; the page shows it under the table and beside the heading, so a
    # figure that links here finds its number under its own words.
    totals: Callable[[Any], list[Cell]] | None = None
    # What the count counts, said after it in the heading ("12 units"): the count -> its noun.
    counted: Callable[[int], str] | None = None
