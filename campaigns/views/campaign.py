"""The campaign list, creating, editing and launching a campaign, and the campaign page a
federation officer opens each morning: progress of the subtree, drillable unit by unit."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from accounts import permissions
from campaigns import selectors, services
from campaigns.forms import (
    CampaignForm,
    GradeBandsForm,
    TieBreakersForm,
    content_items_from_text,
    content_items_to_text,
)
from campaigns.models import Movement, Participant
from campaigns.views.common import get_campaign, get_unit, page_context
from core.figures_cache import cached, figures_key
from core.view_helpers import apply_errors
from documents.models import Document
from organisations.models import Unit


def _organisable_units(user):
    return (
        permissions.acting_units(user)
        .filter(unit_type__may_have_children=True)
        .select_related("unit_type")
        .order_by("path")
    )


def _launching_plans(user):
    units = _organisable_units(user).values("pk")
    return (
        Document.objects.filter(
            issuer_unit__in=units,
            doc_type__is_plan=True,
            status__in=[Document.Status.DRAFT, Document.Status.ISSUED],
        )
        .select_related("doc_type")
        .order_by("-pk")[:200]
    )


@login_required
def index(request):
    campaigns = (
        selectors.visible_campaigns(request.user)
        .select_related("organiser", "launching_document")
        .order_by("-starts_on", "sort_name", "-pk")
    )
    return render(
        request,
        "campaigns/index.html",
        {
            "campaigns": campaigns,
            "movements": Movement.objects.filter(is_active=True),
            "can_create": _organisable_units(request.user).exists(),
        },
    )


@login_required
def campaign_create(request):
    units = _organisable_units(request.user)
    if not units.exists():
        raise PermissionDenied
    form = CampaignForm(
        request.POST or None,
        units=units,
        documents=Document.objects.filter(pk__in=[d.pk for d in _launching_plans(request.user)]),
    )
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        items = content_items_from_text(data.pop("content_items"))
        try:
            campaign = services.create_campaign(actor=request.user, content_items=items, **data)
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(
                request, _("The campaign was created as a draft. Add its criteria, then launch it.")
            )
            return redirect("campaigns:campaign", campaign.pk)
    return render(request, "campaigns/campaign_form.html", {"form": form})


@login_required
def campaign_edit(request, pk):
    campaign = get_campaign(request, pk)
    if not permissions.can_manage_campaign(request.user, campaign):
        raise PermissionDenied
    launched = not campaign.is_draft
    initial = {
        "name": campaign.name,
        "kind": campaign.kind,
        "theme": campaign.theme,
        "slogan": campaign.slogan,
        "starts_on": campaign.starts_on,
        "ends_on": campaign.ends_on,
        "registration_deadline": campaign.registration_deadline,
        "organiser": campaign.organiser,
        "root_unit": campaign.root_unit,
        "included_unit_types": campaign.included_unit_types.all(),
        "movements": campaign.movements.all(),
        "launching_document": campaign.launching_document,
        "reach_threshold": campaign.reach_threshold,
        "content_items": content_items_to_text(campaign.content_items.all()),
    }
    documents = Document.objects.filter(
        pk__in=[d.pk for d in _launching_plans(request.user)]
        + ([campaign.launching_document_id] if campaign.launching_document_id else [])
    )
    form = CampaignForm(
        request.POST or None,
        initial=initial,
        units=_organisable_units(request.user),
        documents=documents,
        launched=launched,
    )
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        items = content_items_from_text(data.pop("content_items", "")) if not launched else None
        types = data.pop("included_unit_types", None)
        movements = data.pop("movements", None)
        data.pop("organiser", None)
        if "root_unit" in data and data["root_unit"] is None:
            data["root_unit"] = campaign.organiser
        try:
            services.update_campaign(
                actor=request.user, campaign=campaign, included_unit_types=types, movements=movements, **data
            )
            if items is not None:
                services.set_content_items(actor=request.user, campaign=campaign, items=items)
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("The campaign was saved."))
            return redirect("campaigns:campaign", campaign.pk)
    return render(request, "campaigns/campaign_form.html", {"form": form, "campaign": campaign})


@login_required
def campaign_launch(request, pk):
    campaign = get_campaign(request, pk)
    if not permissions.can_manage_campaign(request.user, campaign):
        raise PermissionDenied
    if not campaign.is_draft:
        messages.info(request, _("This campaign is already launched."))
        return redirect("campaigns:campaign", campaign.pk)
    types = campaign.included_unit_types.all()
    preview = (
        Unit.objects.in_subtree(campaign.root_unit)
        .current(on=campaign.starts_on)
        .filter(unit_type__in=types)
        .count()
    )
    errors = []
    refusals = services.launch_refusals(campaign)
    if request.method == "POST" and not refusals:
        try:
            campaign = services.launch_campaign(actor=request.user, campaign=campaign)
        except ValidationError as exc:
            errors = exc.messages
        else:
            count = Participant.objects.filter(campaign=campaign).count()
            assert campaign.launching_document_id is not None  # launching needs one
            plan = Document.objects.get(pk=campaign.launching_document_id)
            messages.success(
                request,
                _(
                    "The campaign was launched: %(n)s units take part; plan %(plan)s was sent "
                    "through the document registry."
                )
                % {"n": count, "plan": plan.number_symbol},
            )
            return redirect("campaigns:campaign", campaign.pk)
    return render(
        request,
        "campaigns/campaign_launch.html",
        {
            "campaign": campaign,
            "preview": preview,
            "types": types,
            "errors": errors,
            "refusals": refusals,
            "plan": campaign.launching_document,
            "items": campaign.content_items.all(),
            "criteria_set": services.current_criteria_set(campaign),
        },
    )


@login_required
def campaign_page(request, pk):
    """The campaign opens at the top of the user's part of the participating subtree."""
    campaign = get_campaign(request, pk)
    root = selectors.scope_root(request.user, campaign)
    if root is None or campaign.is_draft:
        return _draft_page(request, campaign)
    return redirect("campaigns:unit_page", campaign.pk, root.pk)


def _draft_page(request, campaign):
    context = page_context(request, campaign, None, "overview")
    context.update(
        {
            "items": campaign.content_items.all(),
            "movements": campaign.movements.all(),
            "types": campaign.included_unit_types.all(),
            "criteria_set": services.current_criteria_set(campaign),
        }
    )
    return render(request, "campaigns/campaign_draft.html", context)


@login_required
def unit_page(request, pk, unit_pk):
    """Registration, reach, scoring and reviews across the unit's subtree, one row per child unit
    (click a row for the same page one level down), and the leaderboards of its clusters.

    The figures are rendered once and cached like the dashboard's (core/figures_cache.py: shown
    again until a counted record changes, then recomputed at most every REPORTS_STALE_SECONDS while
    data keeps changing; `?fresh=1` recomputes now): on a province they read the whole subtree."""
    campaign = get_campaign(request, pk)
    if campaign.is_draft:
        return redirect("campaigns:campaign", campaign.pk)
    unit = get_unit(request, campaign, unit_pk)
    context = page_context(request, campaign, unit, "overview")
    key = figures_key("campaign-overview", unit, campaign.pk)
    context["figures"] = mark_safe(  # noqa: S308 - a template the engine rendered, escaping included
        cached(key, lambda: _overview_figures(campaign, unit), fresh=bool(request.GET.get("fresh")))
    )
    return render(request, "campaigns/unit_page.html", context)


def _overview_figures(campaign, unit) -> str:
    """The overview's figures as HTML: the same for every user who may open the unit's page."""
    reach = selectors.subtree_reach(campaign, unit)  # read once: the progress rows and the list below
    # the overview names the clusters only (not their organiser, lead and deputy units) and ranks
    # their units (not the emulation flag proposed in each)
    clusters = selectors.campaign_clusters(campaign, unit).select_related(None)
    return render_to_string(
        "campaigns/includes/overview_figures.html",
        {
            "campaign": campaign,
            "unit": unit,
            "progress": selectors.campaign_progress(campaign, unit, reach),
            "below": reach.below_threshold(limit=10),
            "unregistered": list(selectors.unregistered_units(campaign, unit, limit=10)),
            "boards": selectors.leaderboards(campaign, clusters, proposals=False),
            "computed_at": timezone.localtime(),
        },
    )


@login_required
def campaign_settings(request, pk):
    """Grade bands and the tie-breaking rules of the rankings."""
    campaign = get_campaign(request, pk)
    if not permissions.can_manage_campaign(request.user, campaign):
        raise PermissionDenied
    criteria_set = services.current_criteria_set(campaign)
    criteria = list(criteria_set.criteria.all()) if criteria_set else []
    bands = list(campaign.grade_bands.values_list("name", "min_score"))
    bands_form = GradeBandsForm(request.POST if "bands" in request.POST else None, bands=bands)
    rules_form = TieBreakersForm(
        request.POST if "rules" in request.POST else None, criteria=criteria, current=campaign.tie_breakers
    )
    if request.method == "POST":
        form = bands_form if "bands" in request.POST else rules_form
        if form.is_valid():
            try:
                if isinstance(form, GradeBandsForm):
                    services.set_grade_bands(actor=request.user, campaign=campaign, bands=form.bands())
                else:
                    services.set_tie_breakers(actor=request.user, campaign=campaign, rules=form.rules())
            except ValidationError as exc:
                apply_errors(form, exc)
            else:
                messages.success(request, _("The ranking settings were saved."))
                return redirect("campaigns:settings", campaign.pk)
    context = page_context(request, campaign, selectors.scope_root(request.user, campaign), "")
    context.update({"bands_form": bands_form, "rules_form": rules_form})
    return render(request, "campaigns/settings.html", context)
