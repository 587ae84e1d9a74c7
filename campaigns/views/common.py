"""What every campaign page shares: the campaign and unit looked up inside the user's scope
(other ids answer 404), the tabs, the breadcrumbs and form error handling."""

from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from accounts import permissions
from campaigns import selectors

TABS = [
    ("overview", _("Overview"), "campaigns:unit_page"),
    ("registration", _("Registration"), "campaigns:registrations"),
    ("reach", _("Dissemination"), "campaigns:reach"),
    ("scoring", _("Scoring"), "campaigns:scoring"),
    ("clusters", _("Clusters & rankings"), "campaigns:clusters"),
    ("reviews", _("Reviews"), "campaigns:reviews"),
]


def get_campaign(request, pk):
    campaign = get_object_or_404(
        selectors.visible_campaigns(request.user).select_related(
            "organiser", "root_unit", "launching_document"
        ),
        pk=pk,
    )
    return campaign


def get_unit(request, campaign, unit_pk):
    return get_object_or_404(
        selectors.campaign_units(request.user, campaign).select_related("unit_type", "parent"), pk=unit_pk
    )


def page_context(request, campaign, unit, tab: str) -> dict:
    """Tabs for the unit's subtree, and breadcrumbs from the campaign's root down to the unit
    (ancestors outside the user's scope are shown without links)."""
    ancestors = [a for a in unit.ancestors() if a.path.startswith(campaign.root_unit.path)] if unit else []
    return {
        "campaign": campaign,
        "unit": unit,
        "tab": tab,
        "tabs": [(key, label, reverse(name, args=[campaign.pk, unit.pk])) for key, label, name in TABS]
        if unit and not campaign.is_draft
        else [],
        "crumbs": [(a, permissions.can_view_unit(request.user, a)) for a in ancestors],
        "can_manage": permissions.can_manage_campaign(request.user, campaign),
    }
