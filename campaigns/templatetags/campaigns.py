"""Small template helpers of the campaign pages: progress bars drawn as inline SVG (attributes,
not style: the content security policy forbids inline styles), numbers in Vietnamese form, and the
rows of the campaign page's table by child unit."""

from django import template
from django.urls import reverse
from django.utils import formats
from django.utils.html import conditional_escape, escape, format_html
from django.utils.safestring import SafeString, mark_safe
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


@register.simple_tag
def progress_rows(progress, campaign) -> SafeString:
    """The rows of the campaign page's table by child unit, written in Python: a province has ~80
    children, each row four bars and a link, and the template engine spent half the page's
    rendering on them (campaigns/tests/test_progress_rows.py keeps the template they replace)."""
    if not progress.rows:
        return format_html(
            '<tr><td colspan="7" class="empty">{}</td></tr>', _("No unit of this subtree takes part.")
        )
    # the overview path of any unit of the campaign: reversed once, only the unit's id (last) differs
    head, zero, end = reverse("campaigns:unit_page", args=[campaign.pk, 0]).rpartition("0")
    assert zero and end == "/", end
    # and of its dissemination page by unit, where a child's members reached lead
    reach_head, zero, reach_end = reverse("campaigns:reach", args=[campaign.pk, 0]).rpartition("0")
    assert zero and reach_end == "/", reach_end
    members = _("%(r)s / %(s)s members")
    itself, confirmed = escape(_("this unit itself")), escape(_("scores confirmed"))
    threshold = campaign.reach_threshold
    rows = []
    for row in progress.rows:
        reach, name = row.reach, escape(row.unit.display_name)
        css = ("row-root" if row.is_root else "") + (" row-low" if reach.below_threshold else "")
        unit = (
            f'{name} <span class="small muted">({itself})</span>'
            if row.is_root
            else f'<a href="{head}{row.unit.pk}{end}">{name}</a>'
        )
        reached: str = escape(members % {"r": number(reach.reached), "s": number(reach.scope)})
        if not row.is_root:
            reached = f'<a href="{reach_head}{row.unit.pk}{reach_end}">{reached}</a>'
        below = (
            f'<span class="badge badge-red">{formats.localize(reach.below_threshold)}</span>'
            if reach.below_threshold
            else "0"
        )
        rows.append(
            f'<tr class="{css}"><td>{unit}</td><td class="num">{number(row.participants)}</td>'
            f"<td>{bar(row.registration_ratio)}</td>"
            f"<td>{bar(reach.ratio, threshold)}"
            f'<div class="small muted">{reached}</div></td>'
            f'<td class="num">{below}</td>'
            f"<td>{bar(row.submitted_ratio)}"
            f'<div class="small muted">{formats.localize(row.confirmed)}/{formats.localize(row.scores)} '
            f"{confirmed}</div></td>"
            f"<td>{bar(row.reports_ratio)}</td></tr>"
        )
    return mark_safe("".join(rows))  # noqa: S308 - names and words escaped, the rest numbers and bars
