import html
from urllib.parse import urlencode

from django import template
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

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


def _cell_html(cell, column, first: bool = False) -> str:
    # plain string building with the standard library's escape: format_html would cost more than
    # the rest of the page on a dashboard's thousands of cells
    text = "" if first and cell.value == "" else display(cell.value, column.kind)
    classes = ("num " if column.is_number and not first else "") + (f"cell-{cell.css}" if cell.css else "")
    inner = f'<a href="{_esc(cell.link)}">{_esc(text)}</a>' if cell.link else _esc(text)
    if cell.note:
        inner += f' <span class="badge badge-grey">{_esc(cell.note)}</span>'
    return f'<td class="{classes.strip()}">{inner}</td>' if classes else f"<td>{inner}</td>"


def _esc(value) -> str:
    return html.escape(str(value), quote=True)


@register.simple_tag
def report_table(table, columns=None) -> str:
    """A figure table as HTML, built in Python: a dashboard has thousands of cells and the
    template engine would spend most of the page's time on them."""
    columns = columns or table.columns
    numeric = ' class="num"'
    head = "".join(f'<th scope="col"{numeric if c.is_number else ""}>{_esc(c.label)}</th>' for c in columns)
    if table.rows:
        body = "".join(
            "<tr>"
            + "".join(_cell_html(cell, column) for cell, column in zip(row, columns, strict=True))
            + "</tr>"
            for row in table.rows
        )
    else:
        body = f'<tr><td colspan="{len(columns)}" class="muted">{_esc(_("Nothing to show."))}</td></tr>'
    foot = ""
    if table.totals:
        cells = [
            _cell_html(cell, column, first=index == 0)
            for index, (cell, column) in enumerate(zip(table.totals, columns, strict=True))
        ]
        foot = "<tfoot><tr>" + "".join(cells) + "</tr></tfoot>"
    result = (
        f'<div class="table-wrap"><table class="data report-table"><caption class="visually-hidden">'
        f"{_esc(table.title)}</caption><thead><tr>{head}</tr></thead><tbody>{body}</tbody>{foot}</table></div>"
    )
    if table.note:
        result += f'<p class="muted small">{_esc(table.note)}</p>'
    return mark_safe(result)  # noqa: S308 - every value above went through html.escape
