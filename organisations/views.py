"""Pages of the organisation area. Thin: parse, check the permission, call a service or
selector, render. Objects outside the user's scope answer 404."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.permissions import (
    can_manage_members,
    can_manage_unit,
    can_manage_unit_types,
    can_register_signing_certificate,
    can_restructure_unit,
    can_set_award_publishing,
    can_view_history,
    can_view_personal_data,
    visible_members,
    visible_units,
)
from accounts.selectors import object_history
from core.forms import filter_status
from core.imports_views import upload_and_check
from core.spreadsheets import XLSX_CONTENT_TYPE
from core.text import is_id
from core.view_helpers import apply_errors, download
from organisations import restructure, selectors, services
from organisations.exports import members_workbook
from organisations.forms import (
    MemberFilterForm,
    MemberForm,
    MemberImportForm,
    UnitEndForm,
    UnitForm,
    UnitMoveForm,
    UnitSearchForm,
    UnitTypeForm,
)
from organisations.imports import template_workbook
from organisations.models import Member, MemberImport, UnitType
from organisations.tasks import expire_if_stale, queue_member_import


def _unit(request, pk):
    return get_object_or_404(
        visible_units(request.user).select_related("unit_type", "parent", "merged_into"), pk=pk
    )


def _member(request, pk):
    return get_object_or_404(visible_members(request.user).select_related("unit__unit_type"), pk=pk)


# Units -------------------------------------------------------------------------------


@login_required
def unit_list(request):
    form = UnitSearchForm(request.GET or None)
    q = form.cleaned_data["q"].strip() if form.is_valid() else ""
    context = {"form": form, "q": q, "roots": selectors.scope_roots(request.user)}
    if q:
        context["results"] = selectors.search_units(request.user, q)
    status = filter_status(form)
    if request.htmx and request.htmx.target == "unit-search-results":
        return render(request, "organisations/partials/unit_search_results.html", context, status=status)
    return render(request, "organisations/unit_list.html", context, status=status)


@login_required
def unit_children(request, pk):
    unit = _unit(request, pk)
    # ended units stay in the tree (greyed, with their end date): units below them may still be active
    children = selectors.children_of(request.user, unit, include_historical=True)
    return render(request, "organisations/partials/unit_children.html", {"units": children, "parent": unit})


@login_required
def unit_detail(request, pk):
    unit = _unit(request, pk)
    context = {
        "unit": unit,
        "ancestors": unit.ancestors(),
        "children": selectors.children_of(request.user, unit, include_historical=True),
        "summary": selectors.unit_summary(unit),
        "can_manage": can_manage_unit(request.user, unit),
        "can_restructure": can_restructure_unit(request.user, unit),
        "can_manage_members": can_manage_members(request.user, unit),
        "can_register_certificate": can_register_signing_certificate(request.user, unit),
    }
    return render(request, "organisations/unit_detail.html", context)


@login_required
def unit_create(request, parent_pk):
    parent = _unit(request, parent_pk)
    if not can_restructure_unit(request.user, parent):
        raise PermissionDenied
    form = UnitForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        try:
            unit = services.create_unit(parent=parent, **data)
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("The unit “%(name)s” was created.") % {"name": unit.name})
            return redirect("organisations:unit_detail", unit.pk)
    return render(request, "organisations/unit_form.html", {"form": form, "parent": parent})


@login_required
def unit_edit(request, pk):
    unit = _unit(request, pk)
    if not can_manage_unit(request.user, unit):
        raise PermissionDenied
    form = UnitForm(
        request.POST or None,
        instance=unit,
        may_set_publishing=can_set_award_publishing(request.user, unit),
    )
    if request.method == "POST" and form.is_valid():
        try:
            with transaction.atomic():
                services.update_unit(unit, **form.cleaned_data)
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("The unit was saved."))
            return redirect("organisations:unit_detail", unit.pk)
    return render(request, "organisations/unit_form.html", {"form": form, "unit": unit})


@login_required
def unit_move(request, pk):
    unit = _unit(request, pk)
    if not can_restructure_unit(request.user, unit):
        raise PermissionDenied
    form = UnitMoveForm(request.POST or None, units=visible_units(request.user).current())
    if request.method == "POST" and form.is_valid():
        try:
            services.move_unit(unit, form.cleaned_data["new_parent"])
        except ValidationError as exc:
            form.add_error("new_parent", exc.messages)
        else:
            messages.success(request, _("The unit was moved."))
            return redirect("organisations:unit_detail", unit.pk)
    return render(
        request, "organisations/unit_action.html", {"form": form, "unit": unit, "title": _("Move unit")}
    )


@login_required
def unit_end(request, pk):
    """Two steps: the officer chooses the date, the successor and where each sub-unit goes, sees
    what will move (nothing is written), then confirms."""
    unit = _unit(request, pk)
    if not can_restructure_unit(request.user, unit):
        raise PermissionDenied
    form = UnitEndForm(request.POST or None, unit=unit, units=visible_units(request.user))
    plan = None
    if request.method == "POST" and form.is_valid():
        arguments = {
            "on": form.cleaned_data["valid_to"],
            "merged_into": form.cleaned_data["merged_into"],
            "child_parents": form.child_parents(),
        }
        try:
            if "confirm" in request.POST:  # sent only by the page that showed what will move
                services.end_unit(unit, actor=request.user, **arguments)
            else:
                plan = restructure.plan_end(
                    unit,
                    on=arguments["on"],
                    successor=arguments["merged_into"],
                    child_parents=arguments["child_parents"],
                )
        except ValidationError as exc:
            apply_errors(form, exc)
            plan = None
        else:
            if plan is None:
                messages.success(request, _("The unit was closed; its history is kept."))
                return redirect("organisations:unit_detail", unit.pk)
    return render(
        request,
        "organisations/unit_end.html",
        {"form": form, "unit": unit, "plan": plan, "title": _("End or merge unit")},
    )


@login_required
def unit_history(request, pk):
    unit = _unit(request, pk)
    if not can_view_history(request.user):
        raise PermissionDenied
    return render(
        request, "organisations/history.html", {"object": unit, "changes": object_history(unit), "unit": unit}
    )


# Unit types --------------------------------------------------------------------------


@login_required
def unittype_list(request):
    if not can_manage_unit_types(request.user):
        raise PermissionDenied
    from django.db.models import Count

    types = UnitType.objects.annotate(unit_count=Count("units"))
    return render(request, "organisations/unittype_list.html", {"types": types})


@login_required
def unittype_edit(request, pk=None):
    if not can_manage_unit_types(request.user):
        raise PermissionDenied
    instance = get_object_or_404(UnitType, pk=pk) if pk else None
    form = UnitTypeForm(request.POST or None, instance=instance)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("The unit type was saved."))
        return redirect("organisations:unittype_list")
    return render(request, "organisations/unittype_form.html", {"form": form, "instance": instance})


# Members -----------------------------------------------------------------------------


@login_required
def member_list(request):
    form = MemberFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    unit = _unit(request, filters["unit"]) if filters.get("unit") else None
    unit_q = filters.get("unit_q", "")
    # the unit picker: units of the user's own scope whose name or code matches what was typed
    unit_matches = list(selectors.search_units(request.user, unit_q, limit=20)) if unit_q else []
    if request.htmx and request.htmx.target == "unit-suggestions":
        return render(
            request,
            "organisations/partials/unit_suggestions.html",
            {"unit_q": unit_q, "unit_matches": unit_matches},
        )
    if unit is None and len(unit_matches) == 1:
        unit = unit_matches[0]
    members = selectors.filter_members(
        request.user,
        unit=unit,
        q=filters.get("q", ""),
        category=filters.get("category", ""),
        status=filters.get("status", ""),
        gender=filters.get("gender", ""),
    )
    if request.GET.get("export") == "xlsx":
        scope = unit or None
        personal = scope is not None and can_view_personal_data(request.user, scope)
        content = members_workbook(members, include_personal_data=personal)
        _log_export(request, unit, personal)
        return download(content, "doan-vien.xlsx", XLSX_CONTENT_TYPE)
    page = selectors.member_page(members, after=filters.get("after"), before=filters.get("before"))
    context = {
        "form": form,
        "page": page,
        "unit": unit,
        "unit_q": unit_q,
        "unit_matches": unit_matches if unit is None or unit not in unit_matches else [],
        "can_import": unit is not None and can_manage_unit(request.user, unit),
    }
    template = (
        "organisations/partials/member_table.html" if request.htmx else "organisations/member_list.html"
    )
    return render(request, template, context, status=filter_status(form))


def _log_export(request, unit, personal: bool) -> None:
    import logging

    logging.getLogger("thidua.exports").info(
        "member export by %s of unit %s (personal data: %s)",
        request.user.username,
        unit.pk if unit else "-",
        personal,
    )


@login_required
def member_detail(request, pk):
    member = _member(request, pk)
    return render(
        request,
        "organisations/member_detail.html",
        {
            "member": member,
            "show_personal": can_view_personal_data(request.user, member.unit),
            "can_manage": can_manage_unit(request.user, member.unit),
        },
    )


@login_required
def member_edit(request, pk=None, unit_pk=None):
    if pk:
        member = _member(request, pk)
        unit = member.unit
    else:
        unit = _unit(request, unit_pk)
        member = Member(unit=unit)
    if not can_manage_members(request.user, unit):
        raise PermissionDenied
    form = MemberForm(request.POST or None, instance=member)
    if request.method == "POST" and form.is_valid():
        try:
            member = services.save_member(form.save(commit=False))
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("The member “%(name)s” was saved.") % {"name": member.full_name})
            return redirect("organisations:member_detail", member.pk)
    return render(request, "organisations/member_form.html", {"form": form, "member": member, "unit": unit})


@login_required
def member_history(request, pk):
    member = _member(request, pk)
    if not can_view_history(request.user):
        raise PermissionDenied
    return render(
        request,
        "organisations/history.html",
        {"object": member, "changes": object_history(member), "unit": member.unit},
    )


@login_required
def member_import(request, unit_pk):
    unit = _unit(request, unit_pk)
    if not can_manage_unit(request.user, unit):
        raise PermissionDenied
    form = MemberImportForm(request.POST or None, request.FILES or None)
    batch = upload_and_check(
        request,
        unit=unit,
        form=form,
        batch_model=MemberImport,
        check="organisations.imports.check_member_file",
        preview="organisations.imports.preview_rows",
    )
    if batch is not None:
        return redirect("organisations:member_import_status", batch.pk)
    return render(request, "organisations/member_import.html", {"form": form, "unit": unit})


@login_required
def member_import_template(request, unit_pk):
    """The workbook to fill for this unit's import page (organisations.imports.template_workbook)."""
    unit = _unit(request, unit_pk)
    if not can_manage_unit(request.user, unit):
        raise PermissionDenied
    return download(template_workbook(unit), f"mau-nhap-doan-vien-{unit.code}.xlsx", XLSX_CONTENT_TYPE)


@login_required
@require_POST
def member_import_confirm(request, pk):
    batch = get_object_or_404(MemberImport.objects.filter(unit__in=visible_units(request.user)), pk=pk)
    if not can_manage_unit(request.user, batch.unit):
        raise PermissionDenied
    if expire_if_stale(batch):
        messages.error(request, _("This import had stopped and was marked failed; you can try it again."))
    elif not queue_member_import(batch):
        messages.warning(request, _("This import was already confirmed or has errors."))
    return redirect("organisations:member_import_status", batch.pk)


@login_required
@require_POST
def member_import_retry(request, pk):
    """Queue a failed import again (a new attempt: the file is checked again first)."""
    batch = get_object_or_404(MemberImport.objects.filter(unit__in=visible_units(request.user)), pk=pk)
    if not can_manage_unit(request.user, batch.unit):
        raise PermissionDenied
    expire_if_stale(batch)
    if not queue_member_import(batch, retry=True):
        messages.warning(request, _("Only an import that failed can be tried again."))
    return redirect("organisations:member_import_status", batch.pk)


@login_required
def member_import_status(request, pk):
    batch = get_object_or_404(MemberImport.objects.filter(unit__in=visible_units(request.user)), pk=pk)
    expire_if_stale(batch)
    template = (
        "organisations/partials/import_status.html"
        if request.htmx
        else "organisations/member_import_status.html"
    )
    return render(request, template, {"batch": batch, "can_retry": can_manage_unit(request.user, batch.unit)})


# Pickers: the suggestions a picker (core.pickers) asks for while the officer types ------------


def _within(request):
    """The `within` unit a picker narrows to: one of the user's units, or 404."""
    within = request.GET.get("within", "")
    if not within:
        return None
    if not is_id(within):
        raise Http404
    return _unit(request, within)


@login_required
def unit_search(request):
    units = selectors.unit_suggestions(
        request.user,
        request.GET.get("q", "")[:100],
        within=_within(request),
        managed=request.GET.get("scope") == "managed",
    )
    matches = [
        {
            "pk": u.pk,
            "label": u.name,
            "detail": " · ".join(filter(None, [u.code, u.parent.name if u.parent else ""])),
        }
        for u in units
    ]
    return render(
        request, "core/includes/picker_suggestions.html", {"matches": matches, "q": request.GET.get("q")}
    )


@login_required
def member_search(request):
    members = selectors.member_suggestions(
        request.user, request.GET.get("q", "")[:100], within=_within(request)
    )
    matches = [{"pk": m.pk, "label": m.full_name, "detail": f"{m.code} · {m.unit.name}"} for m in members]
    return render(
        request, "core/includes/picker_suggestions.html", {"matches": matches, "q": request.GET.get("q")}
    )
