"""Registration pages: who in the subtree registered and who did not, the unit's own
registration, members' registrations, and the level above's decision."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts import permissions
from campaigns import selectors, services
from campaigns.forms import RegistrationForm, ReviewDecisionForm
from campaigns.models import Participant, Registration
from campaigns.views.common import get_campaign, get_unit, page_context
from core.view_helpers import apply_errors
from organisations.models import Member


def _quantitative(campaign):
    criteria_set = services.current_criteria_set(campaign)
    return list(criteria_set.criteria.filter(target_value__isnull=False)) if criteria_set else []


def _initial(registration):
    if registration is None:
        return {}
    initial = {
        "aimed_title": registration.aimed_title,
        "aimed_title_other": registration.aimed_title_other,
        "commitments": registration.commitments,
    }
    initial.update({f"target_{t.criterion_id}": t.target_value for t in registration.targets.all()})
    return initial


def _register(request, form: RegistrationForm, campaign, unit, *, member=None) -> bool:
    """Register the unit (or its member) with the form's terms; a refusal goes beside its fields."""
    data = form.cleaned_data
    try:
        services.register(
            actor=request.user,
            campaign=campaign,
            unit=unit,
            member=member,
            targets=form.targets(),
            aimed_title=data["aimed_title"],
            aimed_title_other=data["aimed_title_other"],
            commitments=data["commitments"],
        )
    except ValidationError as exc:
        apply_errors(form, exc)
        return False
    return True


@login_required
def registrations(request, pk, unit_pk):
    campaign = get_campaign(request, pk)
    unit = get_unit(request, campaign, unit_pk)
    takes_part = Participant.objects.filter(campaign=campaign, unit=unit).exists()
    can_register = takes_part and campaign.is_launched and permissions.can_act_for_unit(request.user, unit)
    own = Registration.objects.filter(campaign=campaign, unit=unit, member__isnull=True).first()
    form = None
    refusal = None
    if can_register and (own is None or own.status != Registration.Status.APPROVED):
        refusal = services.registration_refusal(campaign, own)
        form = RegistrationForm(request.POST or None, initial=_initial(own), criteria=_quantitative(campaign))
        if request.method == "POST" and refusal is None and form.is_valid():
            if _register(request, form, campaign, unit):
                messages.success(request, _("The registration was sent to the level above."))
                return redirect("campaigns:registrations", campaign.pk, unit.pk)
    subtree = (
        Registration.objects.filter(campaign=campaign, unit__path__startswith=unit.path)
        .select_related("unit", "member")
        .order_by("unit__path", "member__sort_name")
    )
    context = page_context(request, campaign, unit, "registration")
    context.update(
        {
            "own": own,
            "form": form,
            "refusals": [refusal] if refusal else [],
            "takes_part": takes_part,
            "registrations": subtree[:300],
            "registration_count": subtree.count(),
            "unregistered": selectors.unregistered_units(campaign, unit, limit=300),
            "can_register_members": can_register and unit.unit_type.may_have_members,
            "deadline_passed": campaign.registration_deadline is not None
            and campaign.registration_deadline < timezone.localdate(),
        }
    )
    return render(request, "campaigns/registrations.html", context)


@login_required
def register_member(request, pk, unit_pk):
    campaign = get_campaign(request, pk)
    unit = get_unit(request, campaign, unit_pk)
    if not permissions.can_act_for_unit(request.user, unit):
        raise PermissionDenied
    members = Member.objects.filter(unit=unit, status=Member.Status.ACTIVE).order_by("sort_name")
    refusal = services.member_registration_refusal(campaign, unit)
    form = RegistrationForm(
        request.POST or None,
        criteria=_quantitative(campaign),
        members=members,
        members_url=reverse("organisations:member_search") + f"?within={unit.pk}",
    )
    if request.method == "POST" and refusal is None and form.is_valid():
        if _register(request, form, campaign, unit, member=form.cleaned_data["member"]):
            messages.success(request, _("The member's registration was recorded."))
            return redirect("campaigns:registrations", campaign.pk, unit.pk)
    context = page_context(request, campaign, unit, "registration")
    context["form"] = form
    context["refusals"] = [refusal] if refusal else []
    return render(request, "campaigns/register_member.html", context)


@login_required
def registration_detail(request, pk, registration_pk):
    campaign = get_campaign(request, pk)
    registration = get_object_or_404(
        Registration.objects.filter(
            campaign=campaign, unit__in=selectors.campaign_units(request.user, campaign)
        ).select_related("unit__unit_type", "unit__parent", "member", "reviewed_by", "submitted_by"),
        pk=registration_pk,
    )
    can_review = (
        permissions.can_review_registration(request.user, registration)
        and registration.status == Registration.Status.SUBMITTED
    )
    form = ReviewDecisionForm(request.POST or None) if can_review else None
    if request.method == "POST" and form is not None and form.is_valid():
        comment = form.cleaned_data["comment"]
        try:
            if request.POST.get("decision") == "return":
                services.return_registration(actor=request.user, registration=registration, comment=comment)
                messages.success(request, _("The registration was returned with your comment."))
            else:
                services.approve_registration(actor=request.user, registration=registration, comment=comment)
                messages.success(request, _("The registration was approved."))
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            return redirect(
                "campaigns:registrations",
                campaign.pk,
                registration.unit.parent_id
                if registration.member_id is None
                and registration.unit.parent is not None
                and permissions.can_view_unit(request.user, registration.unit.parent)
                else registration.unit_id,
            )
    context = page_context(request, campaign, registration.unit, "registration")
    context.update(
        {
            "registration": registration,
            "form": form,
            "targets": registration.targets.select_related("criterion"),
        }
    )
    return render(request, "campaigns/registration_detail.html", context)
