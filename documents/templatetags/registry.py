"""Small display helpers for registry pages: status and obligation-state badges."""

from django import template
from django.utils.html import format_html
from django.utils.translation import gettext as _

register = template.Library()

_STATUS_BADGES = {
    "draft": "badge-grey",
    "issued": "badge-green",
    "recorded": "badge-blue",
    "revoked": "badge-red",
}


@register.simple_tag
def status_badge(document):
    return format_html(
        '<span class="badge {}">{}</span>',
        _STATUS_BADGES.get(document.status, "badge-grey"),
        document.get_status_display(),
    )


@register.simple_tag
def state_badge(obligation):
    """Done / acknowledged / late / not acknowledged, as the board shows it."""
    state = obligation.state
    labels = {
        "done": (_("Plan issued") if obligation.requires_plan else _("Acknowledged"), "badge-green"),
        "acknowledged": (_("Acknowledged"), "badge-blue"),
        "late": (_("Late"), "badge-red"),
        "pending": (_("Not acknowledged"), "badge-amber"),
    }
    label, css = labels[state]
    return format_html('<span class="badge {}">{}</span>', css, label)


@register.filter
def issuer_label(document) -> str:
    if document.issuer_unit_id:
        return document.issuer_unit.display_name
    if document.issuer_body_id:
        return document.issuer_body.short_name or document.issuer_body.name
    return ""
