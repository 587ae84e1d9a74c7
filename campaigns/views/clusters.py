"""Clusters and blocks of the campaign's year: leaderboards, members and rotation, the lead's
emulation flag proposal, and creating a cluster."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts import permissions
from campaigns import selectors, services
from campaigns.forms import ClusterForm, FlagProposalForm
from campaigns.models import ClusterFlagProposal
from campaigns.views.common import get_campaign, get_unit, page_context
from core.view_helpers import apply_errors, error_text
from organisations.models import Unit


def _visible_clusters(request, campaign):
    units = permissions.visible_units(request.user).values("pk")
    return (
        selectors.campaign_clusters(campaign)
        .filter(Q(organiser__in=units) | Q(memberships__unit__in=units))
        .distinct()
    )


@login_required
def clusters(request, pk, unit_pk):
    campaign = get_campaign(request, pk)
    unit = get_unit(request, campaign, unit_pk)
    context = page_context(request, campaign, unit, "clusters")
    context.update(
        {
            "boards": selectors.leaderboards(campaign, selectors.campaign_clusters(campaign, unit)),
            "can_create": permissions.can_organise_campaigns(request.user, campaign.organiser),
        }
    )
    return render(request, "campaigns/clusters.html", context)


@login_required
def cluster_detail(request, pk, cluster_pk):
    campaign = get_campaign(request, pk)
    cluster = get_object_or_404(_visible_clusters(request, campaign), pk=cluster_pk)
    (board,) = selectors.leaderboards(campaign, [cluster])
    members = [m.unit for m in cluster.memberships.select_related("unit").order_by("rotation_order")]
    can_propose = permissions.can_propose_cluster_flag(request.user, cluster) and campaign.is_launched
    form = None
    if can_propose and board.proposal is None:
        top = board.rows[0].standing.unit_id if board.rows else None
        form = FlagProposalForm(
            request.POST or None,
            initial={"unit": top},
            units=Unit.objects.filter(pk__in=[u.pk for u in members]).order_by("sort_name"),
        )
        if request.method == "POST" and form.is_valid():
            try:
                services.propose_cluster_flag(
                    actor=request.user,
                    cluster=cluster,
                    campaign=campaign,
                    unit=form.cleaned_data["unit"],
                    reason=form.cleaned_data["reason"],
                )
            except ValidationError as exc:
                apply_errors(form, exc)
            else:
                messages.success(request, _("The emulation flag proposal was recorded."))
                return redirect("campaigns:cluster_detail", campaign.pk, cluster.pk)
    lead, deputy = services.next_leaders(cluster)
    root = selectors.scope_root(request.user, campaign)
    context = page_context(request, campaign, root, "clusters")
    context.update(
        {
            "cluster": cluster,
            "board": board,
            "members": members,
            "form": form,
            "can_propose": can_propose,
            "next_lead": lead,
            "next_deputy": deputy,
            "can_manage_cluster": permissions.can_manage_cluster(request.user, cluster),
            "history": ClusterFlagProposal.objects.filter(cluster=cluster, campaign=campaign).select_related(
                "unit", "proposed_by"
            ),
        }
    )
    return render(request, "campaigns/cluster_detail.html", context)


@login_required
@require_POST
def flag_withdraw(request, pk, proposal_pk):
    campaign = get_campaign(request, pk)
    proposal = get_object_or_404(
        ClusterFlagProposal.objects.filter(
            campaign=campaign, cluster__in=_visible_clusters(request, campaign)
        ),
        pk=proposal_pk,
    )
    try:
        services.withdraw_flag_proposal(actor=request.user, proposal=proposal)
    except ValidationError as exc:
        messages.error(request, error_text(exc))
    return redirect("campaigns:cluster_detail", campaign.pk, proposal.cluster_id)


@login_required
@require_POST
def cluster_roll_forward(request, pk, cluster_pk):
    campaign = get_campaign(request, pk)
    cluster = get_object_or_404(_visible_clusters(request, campaign), pk=cluster_pk)
    try:
        following = services.roll_cluster_forward(actor=request.user, cluster=cluster)
    except ValidationError as exc:
        messages.error(request, error_text(exc))
    else:
        messages.success(
            request,
            _("%(name)s for %(year)s was created with %(lead)s leading.")
            % {
                "name": following.name,
                "year": following.year,
                "lead": following.lead_unit.display_name if following.lead_unit else "—",
            },
        )
    return redirect("campaigns:cluster_detail", campaign.pk, cluster.pk)


@login_required
def cluster_create(request, pk):
    campaign = get_campaign(request, pk)
    if not permissions.can_organise_campaigns(request.user, campaign.organiser):
        raise PermissionDenied
    units = (
        selectors.participant_units(campaign, campaign.root_unit)
        .current()
        .filter(parent=campaign.root_unit)
        .order_by("sort_order", "sort_name")
    )
    form = ClusterForm(request.POST or None, units=units)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            cluster = services.create_cluster(
                actor=request.user,
                organiser=campaign.organiser,
                name=data["name"],
                year=campaign.year,
                units=list(data["units"]),
                kind=data["kind"],
                scoring_mode=data["scoring_mode"],
                lead=data["lead_unit"],
                deputy=data["deputy_unit"],
            )
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("The cluster was created."))
            return redirect("campaigns:cluster_detail", campaign.pk, cluster.pk)
    context = page_context(request, campaign, selectors.scope_root(request.user, campaign), "clusters")
    context["form"] = form
    return render(request, "campaigns/cluster_form.html", context)
