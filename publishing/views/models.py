"""The registry of advanced models: search, record, move through stages, evidence, replication."""

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.permissions import (
    can_manage_models,
    can_view_history,
    visible_members,
    visible_units,
    writing_units,
)
from accounts.selectors import object_history
from core.forms import filter_status
from core.view_helpers import apply_errors, download
from organisations.models import Unit
from publishing import selectors, services
from publishing.forms import (
    MODEL_FORM_FIELDS,
    AdvancedModelForm,
    AdvanceForm,
    EvidenceForm,
    FigureFormSet,
    ModelFilterForm,
    ReplicationForm,
)
from publishing.models import ModelEvidence


def _manageable_units(request):
    return writing_units(request.user).current().order_by("path")


@login_required
def model_list(request):
    units = visible_units(request.user).current().order_by("path")
    form = ModelFilterForm(request.GET or None, units=units)
    filters = form.cleaned_data if form.is_valid() else {}
    models = selectors.filter_models(
        request.user,
        q=filters.get("q", ""),
        movement=filters.get("movement", ""),
        unit=filters.get("unit"),
        field_of_work=filters.get("field_of_work", ""),
        year=filters.get("year"),
        stage=filters.get("stage", ""),
    )
    context = {
        "form": form,
        "page_obj": Paginator(models, 25).get_page(request.GET.get("page")),
        "can_create": can_manage_models(request.user),
    }
    if request.htmx and request.htmx.target == "model-table":
        return render(request, "publishing/partials/model_table.html", context, status=filter_status(form))
    return render(request, "publishing/model_list.html", context, status=filter_status(form))


def _figures(formset) -> list[tuple]:
    return [
        (f.cleaned_data["label"], f.cleaned_data["value"], f.cleaned_data.get("unit_of_measure", ""))
        for f in formset.forms
        if f.cleaned_data.get("label")
    ]


@login_required
def model_edit(request, pk=None):
    model = selectors.model_detail(request.user, pk) if pk else None
    if not can_manage_models(request.user, model.unit if model else None):
        raise PermissionDenied
    units = _manageable_units(request)
    form = AdvancedModelForm(
        request.POST or None,
        instance=model,
        units=units,
        members=visible_members(request.user).select_related("unit"),
        initial=None if model else {"unit": request.user.home_unit_id},
    )
    initial_figures = (
        [
            {"label": f.label, "value": f.value, "unit_of_measure": f.unit_of_measure}
            for f in model.figures.all()
        ]
        if model
        else []
    )
    formset = FigureFormSet(request.POST or None, initial=initial_figures, prefix="figures")
    if request.method == "POST" and form.is_valid() and formset.is_valid():
        fields: dict[str, Any] = {name: form.cleaned_data.get(name) for name in MODEL_FORM_FIELDS}
        fields["member"] = form.cleaned_data.get("member")
        try:
            with transaction.atomic():
                if model:
                    model = services.update_model(
                        model, actor=request.user, figures=_figures(formset), **fields
                    )
                else:
                    model = services.create_model(actor=request.user, figures=_figures(formset), **fields)
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("The advanced model was saved."))
            return redirect(model)
    return render(request, "publishing/model_form.html", {"form": form, "formset": formset, "model": model})


@login_required
def model_detail(request, pk):
    model = selectors.model_detail(request.user, pk)
    can_manage = can_manage_models(request.user, model.unit)
    return render(
        request,
        "publishing/model_detail.html",
        {
            "model": model,
            "can_manage": can_manage,
            "can_view_history": can_view_history(request.user),
            "advance_form": AdvanceForm(),
            "evidence_form": EvidenceForm(),
            "replication_form": ReplicationForm(
                units=Unit.objects.current().exclude(pk=model.unit_id).order_by("path")
            )
            if can_manage and model.is_public
            else None,
        },
    )


def _report(request, exc: ValidationError) -> None:
    for message in exc.messages:
        messages.error(request, message)


@login_required
@require_POST
def model_advance(request, pk):
    model = selectors.model_detail(request.user, pk)
    if not can_manage_models(request.user, model.unit):
        raise PermissionDenied
    form = AdvanceForm(request.POST)
    if form.is_valid():
        try:
            model = services.advance_model(
                model, actor=request.user, on=form.cleaned_data["on"], note=form.cleaned_data["note"]
            )
        except ValidationError as exc:
            _report(request, exc)
        else:
            messages.success(
                request,
                _("The model is now at the stage “%(stage)s”.") % {"stage": model.get_stage_display()},
            )
    else:
        messages.error(request, _("Give the date of the change."))
    return redirect(model)


@login_required
@require_POST
def model_evidence_add(request, pk):
    model = selectors.model_detail(request.user, pk)
    if not can_manage_models(request.user, model.unit):
        raise PermissionDenied
    form = EvidenceForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.add_evidence(
                model,
                actor=request.user,
                file=form.cleaned_data["file"],
                description=form.cleaned_data["description"],
            )
        except ValidationError as exc:
            _report(request, exc)
        else:
            messages.success(request, _("The evidence was attached."))
    else:
        messages.error(request, _("Choose a file to attach."))
    return redirect(model)


@login_required
def model_evidence_download(request, pk, evidence_pk):
    model = selectors.model_detail(request.user, pk)
    evidence = get_object_or_404(ModelEvidence, pk=evidence_pk, model=model)
    return download(evidence.file.open("rb"), evidence.original_name)


@login_required
@require_POST
def model_replication_add(request, pk):
    model = selectors.model_detail(request.user, pk)
    if not can_manage_models(request.user, model.unit):
        raise PermissionDenied
    form = ReplicationForm(request.POST, units=Unit.objects.current())
    if form.is_valid():
        try:
            services.record_replication(
                model,
                actor=request.user,
                unit=form.cleaned_data["unit"],
                adopted_on=form.cleaned_data["adopted_on"],
                results=form.cleaned_data["results"],
            )
        except ValidationError as exc:
            _report(request, exc)
        else:
            messages.success(request, _("The replication was recorded."))
    else:
        messages.error(request, _("Choose the adopting unit and the date."))
    return redirect(model)


@login_required
def model_history(request, pk):
    model = get_object_or_404(selectors.visible_models(request.user), pk=pk)
    if not can_view_history(request.user):
        raise PermissionDenied
    return render(
        request,
        "publishing/history.html",
        {"object": model, "changes": object_history(model), "back_url": model.get_absolute_url()},
    )
