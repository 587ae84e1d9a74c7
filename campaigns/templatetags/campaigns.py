"""Small template helpers of the campaign pages: progress bars drawn as inline SVG (attributes,
not style: the content security policy forbids inline styles) and numbers in Vietnamese form."""

from django import template
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from core.text import decimal_vi

register = template.Library()


def _percent(ratio) -> int:
    if ratio is None:
        return 0
    return max(0, min(100, round(float(ratio) * 100)))


@register.simple_tag
def bar(ratio, threshold=None, label=""):
    """A 0–100 % bar; red under `threshold` (a percentage), green otherwise, grey when unknown."""
    if ratio is None:
        return format_html(
            '<span class="bar-wrap"><svg class="bar" viewBox="0 0 100 8" preserveAspectRatio="none" '
            'role="img" aria-label="{}"><rect class="bar-bg" width="100" height="8" rx="4"/></svg>'
            '<span class="bar-text muted">—</span></span>',
            label or _("no data"),
        )
    value = float(ratio) * 100
    pct = _percent(ratio)
    low = threshold is not None and value < float(threshold)
    # digits, a sign, a comma and "%": nothing to escape (a table of children draws ~320 bars)
    text = f"{value:.1f}%".replace(".", ",")
    # Built with plain formatting: every part is a number but the label, which is escaped;
    # format_html escaped each part and cost a tenth of the page's rendering.
    mark = (
        f'<line class="bar-mark" x1="{int(threshold)}" x2="{int(threshold)}" y1="0" y2="8"/>'
        if threshold
        else ""
    )
    return mark_safe(  # noqa: S308 - numbers and an escaped label only
        f'<span class="bar-wrap{" is-low" if low else ""}"><svg class="bar" viewBox="0 0 100 8" '
        f'preserveAspectRatio="none" role="img" aria-label="{conditional_escape(label) if label else text}">'
        f'<rect class="bar-bg" width="100" height="8" rx="4"/><rect class="bar-fill" width="{pct}" '
        f'height="8" rx="4"/>{mark}</svg><span class="bar-text">{text}</span></span>'
    )


@register.filter
def points(value) -> str:
    """Decimal numbers as Vietnamese readers write them: 12.50 -> "12,5", 1449 -> "1.449"; None -> "—"."""
    return decimal_vi(value)


@register.filter
def get_item(mapping, key):
    return mapping.get(key) if mapping else None


@register.filter
def indent(depth) -> str:
    return f"depth-{min(int(depth), 4)}"


@register.filter
def number(value) -> str:
    """23143 -> "23.143" (Vietnamese thousands separator), whatever the active locale formats."""
    if value is None or value == "":
        return "—"
    return f"{int(value):,}".replace(",", ".")
