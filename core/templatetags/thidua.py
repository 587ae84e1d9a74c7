from functools import lru_cache

from django import template
from django.template.loader_tags import BlockNode
from django.urls import NoReverseMatch, get_script_prefix, get_urlconf, reverse
from django.utils.html import escape, format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from core.text import fold, group_digits

register = template.Library()

NAV_DEPTH = 2  # segments of the deepest navigation address ("/to-chuc/don-vi/")


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
    if url[len(get_script_prefix()) - 1 :].strip("/").count("/") >= NAV_DEPTH:
        # the sidebar is kept per `nav_path` (core.context_processors), which keeps NAV_DEPTH + 1 segments
        raise template.TemplateSyntaxError(
            f"{url_name}: a navigation address is at most {NAV_DEPTH} segments deep"
        )
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


@lru_cache(maxsize=16)
def _language_switch_parts(language: str, urlconf, script_prefix: str) -> tuple[str, str]:
    other, label = ("en", "English") if language == "vi" else ("vi", "Tiếng Việt")
    action = escape(_address("set_language", urlconf, script_prefix) or "")
    return (
        f'<form method="post" action="{action}" class="lang-form">',
        f'<button name="language" value="{other}" class="link-button" lang="{other}">{label}</button></form>',
    )


@register.simple_tag(takes_context=True)
def language_switch(context):
    """The switch to the other language (a form: set_language takes a POST), back to this page.
    Written here rather than as an included template: it is on every page twice, and an include
    cost as much as the rest of the layout."""
    request = context.get("request")
    token = context.get("csrf_token")
    start, end = _language_switch_parts(get_language(), get_urlconf(), get_script_prefix())
    hidden = (
        f'<input type="hidden" name="csrfmiddlewaretoken" value="{escape(token)}">'
        if token and token != "NOTPROVIDED"
        else ""
    )
    back = escape(request.get_full_path()) if request is not None else ""
    return mark_safe(f'{start}{hidden}<input type="hidden" name="next" value="{back}">{end}')


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


_KEPT: dict[tuple, str] = {}
_KEPT_MAX = 2048  # fragments kept per process; when full, start again (a few KB each)


class KeptNode(template.Node):
    child_nodelists = ()  # holds no block (refused by the tag): the layout's block search skips it

    def __init__(self, name: str, values: list, nodelist):
        self.name, self.values, self.nodelist = name, values, nodelist

    def render(self, context) -> str:
        values = (value.resolve(context) for value in self.values)
        key = (self.name, get_language(), get_urlconf(), get_script_prefix(), *values)
        html = _KEPT.get(key)
        if html is None:
            if len(_KEPT) >= _KEPT_MAX:
                _KEPT.clear()
            html = _KEPT[key] = self.nodelist.render(context)
        return html


@register.tag
def kept(parser, token):
    """`{% kept "name" value ... %}…{% endkept %}`: the fragment is rendered once per process for each
    language and each combination of the values, then reused. What it shows must follow from the
    code, the settings, the language and those values alone — never the user, the CSRF token or
    the data (no two servers need to share anything kept here). The layout's fixed parts are kept:
    they were most of a signed-in page's own cost before its content."""
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError("{% kept %} needs a name")
    nodelist = parser.parse(("endkept",))
    parser.delete_first_token()
    if nodelist.get_nodes_by_type(BlockNode):
        # a child template's block would be rendered once for every template extending this one
        raise template.TemplateSyntaxError("{% kept %} cannot hold a {% block %}")
    return KeptNode(bits[1], [parser.compile_filter(bit) for bit in bits[2:]], nodelist)


# A field's help and errors, with the ids its input's aria-describedby names --------------------------
# Django's BoundField gives an input aria-describedby="<auto_id>_helptext <auto_id>_error" when it has
# help or errors (forms.BoundField.aria_describedby); these two tags print them under exactly those
# ids, for core/includes/field.html and for every field a template lays out by hand.
@register.simple_tag
def field_help(field, css: str = "help") -> str:
    """The field's help text (of class `css`), under the id its input is described by."""
    if not field.help_text:
        return ""
    if not field.auto_id:
        return format_html('<small class="{}">{}</small>', css, field.help_text)
    return format_html('<small class="{}" id="{}_helptext">{}</small>', css, field.auto_id, field.help_text)


@register.simple_tag
def field_errors(field, css: str = "error") -> str:
    """The field's errors, one paragraph each (of class `css`), in one block under the id its input
    is described by."""
    if not field.errors:
        return ""
    paragraphs = format_html_join("", '<p class="{}">{}</p>', ((css, e) for e in field.errors))
    if not field.auto_id:
        return format_html('<div class="field-errors">{}</div>', paragraphs)
    return format_html('<div class="field-errors" id="{}_error">{}</div>', field.auto_id, paragraphs)


@register.simple_tag
def form_problems(form, formset=None) -> list[str]:
    """What refuses a form as a whole, for the top of the page: its non-field errors and those of its
    hidden fields (no box to show them under); with `formset`, the formset's own (a missing or
    forged form count) and its rows' non-field and hidden-field errors. Nothing a field shows itself."""
    problems = _form_problems(form)
    if formset:
        problems += [str(e) for e in formset.non_form_errors()] if formset.is_bound else []
        for row in formset.forms:
            problems += _form_problems(row)
    return problems


def _form_problems(form) -> list[str]:
    if not getattr(form, "is_bound", False):  # also a name the template does not have ("")
        return []
    hidden = [f"{field.label}: {e}" for field in form.hidden_fields() for e in field.errors]
    return [str(e) for e in form.non_field_errors()] + hidden
