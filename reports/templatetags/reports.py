from urllib.parse import urlencode

from django import template
from django.urls import reverse

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
