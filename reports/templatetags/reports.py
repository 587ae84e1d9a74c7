import html
from urllib.parse import urlencode

from django import template
from django.urls import reverse
from django.utils import formats
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from reports.figures import DECIMAL, INT, PERCENT
from reports.formatting import display

register = template.Library()


@register.simple_tag
def cell_text(cell, column) -> str:
    """A figure as Vietnamese readers write it (12.345; 85,3%)."""
    return display(cell.value, column.kind)


@register.simple_tag
def stat_text(stat) -> str:
    return display(stat.value, stat.kind)


@register.simple_tag(takes_context=True)
def table_xlsx_url(context, table) -> str:
    """The Excel download of exactly this table, for the unit and year on screen."""
    board = context["board"]
    params = {"unit": board.unit.pk, "year": board.year, "table": table.key}
    if board.campaign:
        params["campaign"] = board.campaign
    return f"{reverse('reports:table_xlsx')}?{urlencode(params)}"


@register.simple_tag(takes_context=True)
def dashboard_with(context, **changes) -> str:
    """The dashboard's address with some parameters changed (year, campaign, map colouring)."""
    board = context["board"]
    params = {"unit": board.unit.pk, "year": board.year}
    if board.campaign:
        params["campaign"] = board.campaign
    request = context.get("request")
    if request is not None and request.GET.get("map"):
        params["map"] = request.GET["map"]
    for key, value in changes.items():
        if value in (None, ""):
            params.pop(key, None)
        else:
            params[key] = value
    return f"{reverse('reports:dashboard')}?{urlencode(params)}"


def _esc(value) -> str:
    return html.escape(str(value), quote=True)


# What `display` writes for these kinds is digits, "." "," "%" "-" and "—": nothing to escape.
_SAFE_KINDS = frozenset({INT, PERCENT, DECIMAL})


def _shapes(columns) -> list[tuple[str, bool, bool]]:
    """What every cell of a column shares (its kind, whether it is a number, whether its text
    needs escaping), worked out once per table: a province's dashboard writes ~2,800 cells."""
    return [(c.kind, c.is_number, c.kind in _SAFE_KINDS) for c in columns]


def _cell_html(cell, shape: tuple[str, bool, bool], first: bool = False) -> str:
    # plain string building with the standard library's escape: format_html would cost more than
    # the rest of the page on a dashboard's thousands of cells
    kind, number, safe = shape
    text = "" if first and cell.value == "" else display(cell.value, kind)
    if not safe:
        text = _esc(text)
    if cell.link:
        text = f'<a href="{_esc(cell.link)}">{text}</a>'
    if cell.note:
        text += f' <span class="badge badge-grey">{_esc(cell.note)}</span>'
    number = number and not first  # a totals row leads with its label
    if cell.css:
        return (
            f'<td class="num cell-{cell.css}">{text}</td>'
            if number
            else f'<td class="cell-{cell.css}">{text}</td>'
        )
    return f'<td class="num">{text}</td>' if number else f"<td>{text}</td>"


@register.simple_tag
def report_table(table, columns=None) -> str:
    """A figure table as HTML, built in Python: a dashboard has thousands of cells and the
    template engine would spend most of the page's time on them."""
    columns = columns or table.columns
    numeric = ' class="num"'
    head = "".join(f'<th scope="col"{numeric if c.is_number else ""}>{_esc(c.label)}</th>' for c in columns)
    if table.rows:
        shapes = _shapes(columns)
        body = "".join(
            [
                "<tr>" + "".join([_cell_html(c, s) for c, s in zip(row, shapes, strict=True)]) + "</tr>"
                for row in table.rows
            ]
        )
    else:
        body = f'<tr><td colspan="{len(columns)}" class="muted">{_esc(_("Nothing to show."))}</td></tr>'
    foot = ""
    if table.totals:
        cells = [
            _cell_html(cell, shape, first=index == 0)
            for index, (cell, shape) in enumerate(zip(table.totals, _shapes(columns), strict=True))
        ]
        foot = "<tfoot><tr>" + "".join(cells) + "</tr></tfoot>"
    result = (
        f'<div class="table-wrap"><table class="data report-table"><caption class="visually-hidden">'
        f"{_esc(table.title)}</caption><thead><tr>{head}</tr></thead><tbody>{body}</tbody>{foot}</table></div>"
    )
    if table.note:
        result += f'<p class="muted small">{_esc(table.note)}</p>'
    return mark_safe(result)  # noqa: S308 - every value above went through html.escape


def _svg(value) -> str:
    """A value as `{% localize off %}{{ value }}` writes it in a chart."""
    return _esc(formats.localize(value, use_l10n=False))


@register.simple_tag
def stacked_rows(chart) -> str:
    """The rows of a stacked chart, written in Python (reports/charts/stacked.html around them): a
    province's dashboard draws 80 rows of 3 segments, ~70 ms through the template engine."""
    track = (
        f'<rect x="{_svg(chart.plot_x)}" y="{{y}}" width="{_svg(chart.plot_width)}" '
        f'height="{_svg(chart.bar_height)}" rx="3" class="chart-track"/>'
    )
    parts = []
    for row in chart.rows:
        bar_y, label = _svg(row.bar_y), _esc(row.label)
        segments = "".join(
            f'<a href="{_esc(s.href)}"><rect x="{_svg(s.x)}"\n    y="{bar_y}"\n    width="{_svg(s.width)}"\n'
            f'    height="{_svg(chart.bar_height)}"\n    class="fill-{_esc(s.css)}">\n'
            f"        <title>{label} · {_esc(s.label)}: {_svg(s.value)}</title>\n      </rect></a>"
            for s in row.segments
            if s.width
        )
        parts.append(
            f'\n  <g class="chart-row">\n    <text x="{_svg(row.label_x)}" y="{_svg(row.text_y)}" '
            f'text-anchor="end" class="chart-label">{_esc(row.short_label)}<title>{label}</title></text>\n'
            f"{track.replace('{y}', bar_y)}\n{segments}\n"
            f'<text x="{_svg(row.value_x)}" y="{_svg(row.text_y)}" class="chart-value">{_esc(row.total_text)}</text></g>\n'
        )
    return mark_safe("".join(parts))  # noqa: S308 - every value above went through html.escape


@register.simple_tag
def bar_rows(chart) -> str:
    """The bars of a bar chart, written in Python (reports/charts/bar.html around them), as
    `stacked_rows`: a province's reach chart has a bar per unit."""
    width, height = _svg(chart.plot_width), _svg(chart.bar_height)
    parts = []
    for bar in chart.bars:
        x, y, text = _svg(bar.bar_x), _svg(bar.bar_y), _esc(bar.text)
        parts.append(
            '\n  <g class="chart-row">\n    '
            + (f'<a href="{_esc(bar.href)}">' if bar.href else "")
            + f"\n      <title>{_esc(bar.label)}: {text}</title>\n"
            f'<text x="{_svg(bar.label_x)}" y="{_svg(bar.text_y)}" text-anchor="end" class="chart-label">'
            f"{_esc(bar.short_label)}</text>\n"
            f'<rect x="{x}" y="{y}" width="{width}" height="{height}" rx="3" class="chart-track"/>\n'
            f'<rect x="{x}" y="{y}" width="{_svg(bar.width)}" height="{height}" rx="3" class="fill-{_esc(bar.css)}"/>\n'
            f'<text x="{_svg(bar.value_x)}" y="{_svg(bar.text_y)}" class="chart-value">{text}</text>'
            + ("</a>" if bar.href else "")
            + "</g>\n"
        )
    return mark_safe("".join(parts))  # noqa: S308 - every value above went through html.escape


@register.simple_tag
def line_points(chart, series) -> str:
    """The points of a line chart's series, written in Python (reports/charts/line.html around them), as
    `stacked_rows`: the trends draw a small chart per indicator, ten years each."""
    css = _esc(series.css)
    parts = []
    for point in series.points:
        x, text = _svg(point.x), _esc(point.text)
        value = (
            f'<text x="{x}" y="{_svg(point.text_y)}" text-anchor="middle" class="chart-value">{text}</text>'
            if chart.show_values
            else ""
        )
        parts.append(
            f'<a href="{_esc(point.href)}"><circle cx="{x}"\n    cy="{_svg(point.y)}"\n    r="4.5"\n'
            f'    class="fill-{css}">\n      <title>{_esc(point.label)}: {text}</title>\n    </circle>\n  {value}</a>'
        )
    return mark_safe("".join(parts))  # noqa: S308 - every value above went through html.escape


@register.simple_tag
def tile_items(chart) -> str:
    """The tiles of a tile map, written in Python (reports/charts/tiles.html around them), as
    `stacked_rows`: a province's map has a tile per child unit (80 at the bench's province)."""
    parts = []
    for tile in chart.tiles:
        value_text = _esc(tile.value_text)
        labels = ""
        if tile.shows_label:
            text_x = _svg(tile.text_x)
            labels = "".join(
                f'<text x="{text_x}" y="{_svg(y)}" class="tile-label">{_esc(line)}</text>'
                for y, line in tile.label_lines
            )
            labels += f'<text x="{text_x}" y="{_svg(tile.value_y)}" class="tile-value">{value_text}</text>'
        parts.append(
            f'<a href="{_esc(tile.href)}" class="tile"><rect x="{_svg(tile.x)}"\n'
            f'    y="{_svg(tile.y)}"\n    width="{_svg(tile.w)}"\n    height="{_svg(tile.h)}"\n'
            f'    rx="4"\n    class="tile-{_esc(tile.css)}">\n'
            f"      <title>{_esc(tile.label)}: {value_text} · {_esc(tile.detail)}</title>\n"
            f"    </rect>\n  {labels}</a>\n"
        )
    return mark_safe("".join(parts))  # noqa: S308 - every value above went through html.escape
