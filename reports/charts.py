"""Charts drawn on the server as inline SVG: horizontal bars, stacked bars, lines over the
years and tiles of child units. No JavaScript; colours come from CSS classes and SVG
presentation attributes (the content security policy forbids style attributes).

Each builder computes the geometry from a list of plain items; the templates in
templates/reports/charts/ only draw it. Every mark may carry the link of the records behind it.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

from reports.formatting import display, integer

WIDTH = 720
LABEL_WIDTH = 250
VALUE_WIDTH = 80
ROW_HEIGHT = 26
BAR_HEIGHT = 16
TOP = 8


def _shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def nice_max(value: float) -> float:
    """A round upper bound for an axis: 1, 2, 2.5, 5 or 10 times a power of ten."""
    if value <= 0:
        return 1.0
    power = 10 ** math.floor(math.log10(value))
    for step in (1, 2, 2.5, 5, 10):
        if value <= step * power:
            return step * power
    return 10 * power


def count_axis(value: float, ticks: int) -> tuple[int, int]:
    """The top of a count's axis and how many steps up to it (at most `ticks`), so that every tick
    is a whole number: a top of 1 has the ticks 0 and 1, never 0,5."""
    top = max(math.ceil(nice_max(value)), 1)
    return top, next(n for n in range(ticks, 0, -1) if top % n == 0)


def _tick(value: float) -> str:
    return integer(value) if float(value).is_integer() else display(value, "decimal").rstrip("0").rstrip(",")


# Horizontal bars -----------------------------------------------------------------------


@dataclass
class Bar:
    label: str
    value: float | None
    text: str
    href: str = ""
    css: str = "s1"
    note: str = ""
    # geometry
    y: float = 0
    width: float = 0
    short_label: str = ""
    bar_y: float = 0
    text_y: float = 0
    label_x: float = 0
    bar_x: float = 0
    value_x: float = 0


@dataclass
class BarChart:
    title: str
    bars: list[Bar]
    width: int = WIDTH
    height: int = 0
    plot_x: int = LABEL_WIDTH
    plot_width: int = WIDTH - LABEL_WIDTH - VALUE_WIDTH
    marker: float | None = None  # x of a threshold line
    marker_label: str = ""
    marker_label_x: float = 0
    marker_label_y: float = 0
    bar_height: int = BAR_HEIGHT
    kind: str = "bar"
    omitted: int = 0  # rows left out of the chart (none to show); the table has them
    lowest_of: int = 0  # when only the lowest bars are drawn: of how many rows with a value


def bar_chart(
    title: str,
    bars: list[Bar],
    *,
    maximum: float | None = None,
    threshold: float | None = None,
    threshold_label: str = "",
    omit_zero: bool = False,
    lowest: int | None = None,
) -> BarChart:
    """Bars from the left, one row per item; `maximum` fixes the scale (1 for shares).
    `omit_zero` leaves rows without anything out of the chart (counted in `omitted`).
    `lowest`: when more rows than that have a value, only the rows with the lowest values are
    drawn, lowest first (a district's hundreds of grassroots units would make a chart nobody can
    read; the ones that need a call are the lowest); `lowest_of` says of how many rows with a value,
    `omitted` how many had none."""
    shown = [b for b in bars if b.value] if omit_zero else bars
    if lowest is not None:
        valued = [b for b in shown if b.value is not None]
        if len(valued) > lowest:
            # rows without a value (a unit with no members) cannot be among the lowest: the
            # table lists them, `omitted` counts them
            ranked = sorted(valued, key=lambda b: b.value or 0)[:lowest]
            chart = BarChart(title=title, bars=ranked, omitted=len(bars) - len(valued), lowest_of=len(valued))
            shown = ranked
        else:
            chart = BarChart(title=title, bars=shown, omitted=len(bars) - len(shown))
    else:
        chart = BarChart(title=title, bars=shown, omitted=len(bars) - len(shown))
    bars = shown
    top = maximum if maximum is not None else nice_max(max((b.value or 0 for b in bars), default=0))
    for index, bar in enumerate(bars):
        bar.y = TOP + index * ROW_HEIGHT
        bar.width = round(chart.plot_width * min(max(bar.value or 0, 0) / top, 1), 1) if top else 0
        bar.short_label = _shorten(bar.label, 34)
        bar.bar_y = bar.y + (ROW_HEIGHT - BAR_HEIGHT) / 2
        bar.text_y = bar.y + ROW_HEIGHT / 2 + 4.5
        bar.label_x = chart.plot_x - 8
        bar.bar_x = chart.plot_x
        bar.value_x = round(chart.plot_x + bar.width + 6, 1)
    chart.height = TOP * 2 + len(bars) * ROW_HEIGHT
    if threshold is not None and top:
        chart.marker = round(chart.plot_x + chart.plot_width * threshold / top, 1)
        chart.marker_label = threshold_label
        chart.marker_label_x = chart.marker + 4
        chart.height += 14  # room for the marker's label under the bars
        chart.marker_label_y = chart.height - 6
    return chart


# Stacked horizontal bars ----------------------------------------------------------------


@dataclass
class Segment:
    label: str
    value: float
    css: str
    href: str = ""
    x: float = 0
    width: float = 0


@dataclass
class StackedRow:
    label: str
    segments: list[Segment]
    total_text: str = ""
    href: str = ""
    y: float = 0
    short_label: str = ""
    bar_y: float = 0
    text_y: float = 0
    label_x: float = 0
    value_x: float = 0


@dataclass
class StackedChart:
    title: str
    rows: list[StackedRow]
    legend: list[tuple[str, str]]  # (label, css)
    width: int = WIDTH
    height: int = 0
    plot_x: int = LABEL_WIDTH
    plot_width: int = WIDTH - LABEL_WIDTH - VALUE_WIDTH
    bar_height: int = BAR_HEIGHT
    kind: str = "stacked"


def stacked_chart(
    title: str, rows: list[StackedRow], legend: list[tuple[str, str]], *, as_shares: bool = False
) -> StackedChart:
    """Segments side by side; `as_shares` scales every row to the full width (100%)."""
    chart = StackedChart(title=title, rows=rows, legend=legend)
    top = max((sum(s.value for s in row.segments) for row in rows), default=0) or 1
    for index, row in enumerate(rows):
        row.y = TOP + index * ROW_HEIGHT
        row.short_label = _shorten(row.label, 34)
        row.bar_y = row.y + (ROW_HEIGHT - BAR_HEIGHT) / 2
        row.text_y = row.y + ROW_HEIGHT / 2 + 4.5
        row.label_x = chart.plot_x - 8
        scale = sum(s.value for s in row.segments) if as_shares else top
        x = float(chart.plot_x)
        for segment in row.segments:
            segment.x = round(x, 1)
            segment.width = round(chart.plot_width * segment.value / scale, 1) if scale else 0
            x += segment.width
        row.value_x = round(x + 6, 1)
    chart.height = TOP * 2 + len(rows) * ROW_HEIGHT
    return chart


# Lines over years -----------------------------------------------------------------------


@dataclass
class Point:
    x: float
    y: float
    value: float
    text: str
    href: str = ""
    label: str = ""

    @property
    def text_y(self) -> float:
        return round(self.y - 8, 1)


@dataclass
class Series:
    label: str
    css: str
    points: list[Point] = field(default_factory=list)

    @property
    def polyline(self) -> str:
        return " ".join(f"{p.x},{p.y}" for p in self.points)


@dataclass
class LineChart:
    title: str
    series: list[Series]
    x_labels: list[tuple[float, str]]
    y_ticks: list[tuple[float, str]]
    width: int = WIDTH
    height: int = 260
    left: int = 56
    right: int = 16
    top: int = 12
    bottom: int = 30
    kind: str = "line"
    show_values: bool = False

    @property
    def plot_bottom(self) -> int:
        return self.height - self.bottom

    @property
    def x_label_y(self) -> int:
        return self.height - self.bottom + 18

    @property
    def tick_x(self) -> int:
        return self.left - 6

    @property
    def legend_height(self) -> int:
        return 0

    @property
    def plot_right(self) -> int:
        return self.width - self.right


def line_chart(
    title: str,
    x_values: list,
    series: list[tuple[str, list[float], list[str]]],
    css: list[str] | None = None,
    *,
    width: int = WIDTH,
    height: int = 260,
    show_values: bool = False,
    ticks: int = 4,
) -> LineChart:
    """`series`: (label, values per x, links per x). Years on the x axis, counts on the y axis."""
    chart = LineChart(
        title=title,
        series=[],
        x_labels=[],
        y_ticks=[],
        width=width,
        height=height,
        show_values=show_values,
        top=22 if show_values else 12,
    )
    top, ticks = count_axis(max((v for _, values, _ in series for v in values), default=0), ticks)
    plot_w = chart.width - chart.left - chart.right
    plot_h = chart.height - chart.top - chart.bottom
    step = plot_w / max(len(x_values) - 1, 1)

    def x_at(i):
        return round(chart.left + (i * step if len(x_values) > 1 else plot_w / 2), 1)

    def y_at(v):
        return round(chart.top + plot_h * (1 - v / top), 1)

    chart.x_labels = [(x_at(i), str(x)) for i, x in enumerate(x_values)]
    chart.y_ticks = [(y_at(top * k / ticks), _tick(top * k / ticks)) for k in range(ticks + 1)]
    for n, (label, values, links) in enumerate(series):
        line = Series(label=label, css=(css[n] if css else f"s{n % 6 + 1}"))
        for i, value in enumerate(values):
            line.points.append(
                Point(
                    x=x_at(i),
                    y=y_at(value),
                    value=value,
                    text=integer(value),
                    href=links[i] if i < len(links) else "",
                    label=f"{label} {x_values[i]}",
                )
            )
        chart.series.append(line)
    return chart


@dataclass
class Multiples:
    """One small line chart per indicator, each on its own scale: indicators of very different
    sizes (700 titles, 3 Bằng khen) stay readable side by side."""

    title: str
    charts: list[LineChart]
    kind: str = "multiples"


def small_multiples(
    title: str, x_values: list, series: list[tuple[str, list[float], list[str]]]
) -> Multiples:
    charts = [
        line_chart(
            label,
            x_values,
            [(label, values, links)],
            [f"s{n % 6 + 1}"],
            width=340,
            height=150,
            show_values=True,
            ticks=2,
        )
        for n, (label, values, links) in enumerate(series)
    ]
    return Multiples(title=title, charts=charts)


# Tiles: the "map" of child units ------------------------------------------------------------


@dataclass
class Tile:
    label: str
    weight: float
    value_text: str
    css: str
    href: str = ""
    detail: str = ""
    x: float = 0
    y: float = 0
    w: float = 0
    h: float = 0

    @property
    def shows_label(self) -> bool:
        return self.w >= 60 and self.h >= 34

    @property
    def label_lines(self) -> list[tuple[float, str]]:
        """The name wrapped to the tile (two lines where there is room), as (y, text)."""
        name = re.sub(r"^(CĐCS|Công đoàn cơ sở)\s+", "", self.label)
        per_line = max(int((self.w - 10) / 7.6), 4)
        lines = 2 if self.h >= 52 else 1
        words, out, current = name.split(), [], ""
        for word in words:
            if len(current) + len(word) + (1 if current else 0) <= per_line:
                current = f"{current} {word}".strip()
            else:
                out.append(current or word[:per_line])
                current = word if current else ""
        if current:
            out.append(current)
        if len(out) > lines:
            out = out[:lines]
            out[-1] = _shorten(out[-1] + " …", per_line)
        return [(round(self.y + 17 + 15 * i, 1), _shorten(text, per_line)) for i, text in enumerate(out)]

    @property
    def text_x(self) -> float:
        return round(self.x + 6, 1)

    @property
    def value_y(self) -> float:
        return round(self.y + 17 + 15 * len(self.label_lines), 1)


@dataclass
class TileMap:
    title: str
    tiles: list[Tile]
    legend: list[tuple[str, str]]
    width: int = WIDTH
    height: int = 300
    kind: str = "tiles"


def tile_map(
    title: str, tiles: list[Tile], legend: list[tuple[str, str]], *, width: int = WIDTH, height: int = 300
) -> TileMap:
    """A squarified treemap: each child unit a tile, its area by weight (e.g. members), its
    colour by a measure (e.g. reach), its link to that unit's dashboard."""
    chart = TileMap(title=title, tiles=tiles, legend=legend, width=width, height=height)
    sized = [t for t in tiles if t.weight > 0]
    zero = [t for t in tiles if t.weight <= 0]
    if zero:
        # units without weight still show, as a thin strip of equal small tiles at the bottom
        strip = 28
        height -= strip + 2
        each = width / len(zero)
        for i, tile in enumerate(zero):
            tile.x, tile.y, tile.w, tile.h = round(i * each, 1), height + 2, round(each - 2, 1), strip
    _squarify(sorted(sized, key=lambda t: -t.weight), 0, 0, width, height)
    return chart


def _squarify(tiles: list[Tile], x: float, y: float, w: float, h: float) -> None:
    total = sum(t.weight for t in tiles)
    if not tiles or total <= 0 or w <= 0 or h <= 0:
        return
    scale = w * h / total
    areas = [t.weight * scale for t in tiles]
    row: list[int] = []
    index = 0
    while index < len(tiles):
        side = min(w, h)
        candidate = row + [index]
        if not row or _worst([areas[i] for i in candidate], side) <= _worst([areas[i] for i in row], side):
            row = candidate
            index += 1
            continue
        x, y, w, h = _lay_row(tiles, areas, row, x, y, w, h)
        row = []
    if row:
        _lay_row(tiles, areas, row, x, y, w, h)


def _worst(row_areas: list[float], side: float) -> float:
    total = sum(row_areas)
    if total <= 0 or side <= 0:
        return math.inf
    biggest, smallest = max(row_areas), min(row_areas)
    return max(side * side * biggest / (total * total), (total * total) / (side * side * smallest))


def _lay_row(tiles, areas, row, x, y, w, h):
    total = sum(areas[i] for i in row)
    gap = 2
    if w >= h:  # a column on the left
        col_w = total / h if h else 0
        offset = y
        for i in row:
            tile_h = areas[i] / col_w if col_w else 0
            tiles[i].x, tiles[i].y = round(x, 1), round(offset, 1)
            tiles[i].w, tiles[i].h = round(max(col_w - gap, 1), 1), round(max(tile_h - gap, 1), 1)
            offset += tile_h
        return x + col_w, y, w - col_w, h
    row_h = total / w if w else 0
    offset = x
    for i in row:
        tile_w = areas[i] / row_h if row_h else 0
        tiles[i].x, tiles[i].y = round(offset, 1), round(y, 1)
        tiles[i].w, tiles[i].h = round(max(tile_w - gap, 1), 1), round(max(row_h - gap, 1), 1)
        offset += tile_w
    return x, y + row_h, w, h - row_h
