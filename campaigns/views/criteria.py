"""The campaign's criteria: the tree of the current version, its problems, editing while it is
not frozen, copying a template, and making a new version once scores exist."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts import permissions
from campaigns import selectors, services
from campaigns.forms import CopyTemplateForm, CriteriaSetForm, CriterionForm
from campaigns.models import CriteriaSet, Criterion
from campaigns.views.common import get_campaign, page_context
from core.view_helpers import apply_errors, error_text


def _tree(criteria_set):
    """Criteria in tree order with their depth and whether they have children."""
    criteria = list(criteria_set.criteria.order_by("order", "pk")) if criteria_set else []
    children: dict = {}
    for c in criteria:
        children.setdefault(c.parent_id, []).append(c)
    rows = []

    def walk(parent_id, depth):
        for c in children.get(parent_id, []):
            rows.append((c, depth, bool(children.get(c.pk))))
            walk(c.pk, depth + 1)

    walk(None, 0)
    return rows


@login_required
def criteria_page(request, pk, add_form=None, set_form=None):
    campaign = get_campaign(request, pk)
    can_manage = permissions.can_manage_campaign(request.user, campaign)
    criteria_set = services.current_criteria_set(campaign)
    editable = can_manage and criteria_set is not None and not criteria_set.is_frozen
    context = page_context(request, campaign, selectors.scope_root(request.user, campaign), "")
    context.update(
        {
            "criteria_set": criteria_set,
            "versions": CriteriaSet.objects.filter(campaign=campaign).order_by("-version"),
            "rows": _tree(criteria_set),
            "problems": services.criteria_problems(criteria_set) if criteria_set else [],
            "editable": editable,
            "add_form": add_form or (CriterionForm(criteria_set=criteria_set) if editable else None),
            "set_form": set_form or (CriteriaSetForm(instance=criteria_set) if editable else None),
            "create_form": CriteriaSetForm() if can_manage and criteria_set is None else None,
            "copy_form": CopyTemplateForm()
            if can_manage
            and (criteria_set is None or criteria_set.is_frozen or not criteria_set.criteria.exists())
            else None,
        }
    )
    return render(request, "campaigns/criteria.html", context)


def _managed_campaign(request, pk):
    campaign = get_campaign(request, pk)
    if not permissions.can_manage_campaign(request.user, campaign):
        raise PermissionDenied
    return campaign


@login_required
@require_POST
def criteria_create(request, pk):
    campaign = _managed_campaign(request, pk)
    form = CriteriaSetForm(request.POST)
    if form.is_valid():
        try:
            services.create_criteria_set(actor=request.user, campaign=campaign, **form.cleaned_data)
        except ValidationError as exc:
            messages.error(request, error_text(exc))
    return redirect("campaigns:criteria", campaign.pk)


@login_required
@require_POST
def criteria_copy(request, pk):
    campaign = _managed_campaign(request, pk)
    form = CopyTemplateForm(request.POST)
    if form.is_valid():
        try:
            services.copy_criteria_template(
                actor=request.user, template=form.cleaned_data["template"], campaign=campaign
            )
        except ValidationError as exc:
            messages.error(request, error_text(exc))
        else:
            messages.success(request, _("The template was copied into the campaign."))
    return redirect("campaigns:criteria", campaign.pk)


@login_required
@require_POST
def criteria_settings(request, pk):
    campaign = _managed_campaign(request, pk)
    criteria_set = services.current_criteria_set(campaign)
    if criteria_set is None:  # nothing to change before the campaign has criteria
        raise Http404
    form = CriteriaSetForm(request.POST, instance=CriteriaSet.objects.get(pk=criteria_set.pk))
    if form.is_valid():
        try:
            services.update_criteria_set(actor=request.user, criteria_set=criteria_set, **form.cleaned_data)
        except ValidationError as exc:
            messages.error(request, error_text(exc))
        else:
            messages.success(request, _("The criteria set was saved."))
            return redirect("campaigns:criteria", campaign.pk)
    return criteria_page(request, pk, set_form=form)


@login_required
@require_POST
def criteria_new_version(request, pk):
    campaign = _managed_campaign(request, pk)
    try:
        criteria_set = services.current_criteria_set(campaign)
        if criteria_set is None:  # no version to copy before the campaign has criteria
            raise Http404
        version = services.new_criteria_version(actor=request.user, criteria_set=criteria_set)
    except ValidationError as exc:
        messages.error(request, error_text(exc))
    else:
        messages.success(
            request,
            _("Version %(v)s was created; scores already given keep their version.") % {"v": version.version},
        )
    return redirect("campaigns:criteria", campaign.pk)


@login_required
@require_POST
def criterion_add(request, pk):
    campaign = _managed_campaign(request, pk)
    criteria_set = services.current_criteria_set(campaign)
    if criteria_set is None:
        raise PermissionDenied
    form = CriterionForm(request.POST, criteria_set=criteria_set)
    if form.is_valid():
        data = {
            k: v for k, v in form.cleaned_data.items() if v is not None or k in ("weight", "target_value")
        }
        if data.get("order") is None:
            data.pop("order", None)
        try:
            services.add_criterion(actor=request.user, criteria_set=criteria_set, **data)
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("The criterion was added."))
            return redirect("campaigns:criteria", campaign.pk)
    return criteria_page(request, pk, add_form=form)


def _criterion(request, campaign, criterion_pk):
    return get_object_or_404(
        Criterion.objects.select_related("criteria_set", "parent"),
        criteria_set__campaign=campaign,
        pk=criterion_pk,
    )


@login_required
def criterion_edit(request, pk, criterion_pk):
    campaign = _managed_campaign(request, pk)
    criterion = _criterion(request, campaign, criterion_pk)
    form = CriterionForm(
        request.POST or None,
        instance=Criterion.objects.get(pk=criterion.pk),
        criteria_set=criterion.criteria_set,
    )
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        if data.get("order") is None:
            data.pop("order")
        try:
            services.update_criterion(actor=request.user, criterion=criterion, **data)
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("The criterion was saved."))
            return redirect("campaigns:criteria", campaign.pk)
    context = page_context(request, campaign, selectors.scope_root(request.user, campaign), "")
    context.update({"form": form, "criterion": criterion})
    return render(request, "campaigns/criterion_form.html", context)


@login_required
@require_POST
def criterion_delete(request, pk, criterion_pk):
    campaign = _managed_campaign(request, pk)
    criterion = _criterion(request, campaign, criterion_pk)
    try:
        services.delete_criterion(actor=request.user, criterion=criterion)
    except ValidationError as exc:
        messages.error(request, error_text(exc))
    else:
        messages.success(request, _("The criterion was deleted."))
    return redirect("campaigns:criteria", campaign.pk)
