from functools import lru_cache

from django import template
from django.urls import NoReverseMatch, get_script_prefix, get_urlconf, reverse
from django.utils.html import format_html

from core.text import fold, group_digits

register = template.Library()


@lru_cache(maxsize=256)
def _address(url_name: str, urlconf, script_prefix: str) -> str | None:
    """The navigation's addresses, reversed once per process (the URLconf is code, the same on
    every server); a dozen on every signed-in page."""
    try:
        return reverse(url_name, urlconf=urlconf)
    except NoReverseMatch:
        return None


@register.simple_tag(takes_context=True)
def nav_link(context, url_name: str, label: str, icon: str = "", exact: bool = False):
    """A navigation entry; areas not installed yet simply do not show. `exact` marks it
    current only on its own address (for an entry whose address prefixes another's)."""
    url = _address(url_name, get_urlconf(), get_script_prefix())
    if url is None:
        return ""
    request = context.get("request")
    current = request is not None and (
        request.path == url or (not exact and url != "/" and request.path.startswith(url))
    )
    return format_html(
        '<a href="{}" class="nav-link{}"{}><span class="nav-icon" aria-hidden="true">{}</span>{}</a>',
        url,
        " active" if current else "",
        " aria-current=page" if current else "",
        icon,
        label,
    )


@register.filter
def folded(value) -> str:
    return fold(str(value))


@register.filter
def percent(value, digits: int = 1) -> str:
    """0.8532 -> "85,3%" (Vietnamese decimal comma)."""
    if value is None:
        return "—"
    return f"{value * 100:.{digits}f}%".replace(".", ",")


@register.filter
def grouped(value) -> str:
    """10000 -> "10.000" (the active language's thousands separator)."""
    return group_digits(value)


@register.filter
def vnd(value) -> str:
    """1800000 -> "1.800.000 đ"."""
    if value is None:
        return "—"
    return f"{int(value):,} đ".replace(",", ".")


@register.simple_tag(takes_context=True)
def query_with(context, **changes) -> str:
    """The current query string with some parameters changed (for pagination and sorting)."""
    params = context["request"].GET.copy()
    for key, value in changes.items():
        if value in (None, ""):
            params.pop(key, None)
        else:
            params[key] = value
    encoded = params.urlencode()
    return f"?{encoded}" if encoded else "?"
