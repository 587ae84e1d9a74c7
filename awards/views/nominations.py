"""Pages of rounds, batches and nominations, and the area's overview."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.permissions import (
    acting_units,
    can_nominate,
    can_review_batch,
    can_view_batch,
    managed_units,
    visible_units,
)
from awards import selectors, services
from awards.forms import (
    BatchForm,
    CommentForm,
    CutForm,
    MinutesForm,
    NominationFilterForm,
    NominationForm,
    ReturnForm,
    RoundForm,
)
from awards.models import NominationAttachment, NominationBatch
from awards.views.common import get_batch, get_nomination
from core.forms import filter_status
from core.text import is_id
from core.view_helpers import apply_errors, download, message_errors

# Overview and rounds -----------------------------------------------------------------------


@login_required
def index(request):
    user = request.user
    context = {
        # running rounds first; past years' rounds are history, folded below them
        "rounds": selectors.visible_rounds(user)
        .filter(pk__in=selectors.current_rounds())
        .select_related("deciding_unit")[:10],
        "past_rounds": selectors.visible_rounds(user)
        .exclude(pk__in=selectors.current_rounds())
        .select_related("deciding_unit")[:10],
        "to_review": selectors.batches_to_review(user)[:50],
        "to_vote": selectors.sessions_to_vote(user)[:10],
        "batches": selectors.batch_list(user)[:50],
        "sessions": selectors.visible_sessions(user).select_related("deciding_unit")[:10],
        "decisions": selectors.visible_decisions(user).select_related("document")[:10],
        # opening a round and importing past awards both act for a unit the user manages
        "can_manage": managed_units(user).exists(),
    }
    return render(request, "awards/index.html", context)


@login_required
def round_create(request):
    unit = selectors.round_opening_unit(request.user)
    if unit is None:
        raise PermissionDenied
    form = RoundForm(request.POST or None, campaigns=selectors.round_campaigns(request.user))
    if request.method == "POST" and form.is_valid():
        try:
            round_ = services.open_round(actor=request.user, deciding_unit=unit, **form.cleaned_data)
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("The nomination round was opened."))
            return redirect("awards:round_detail", round_.pk)
    return render(
        request,
        "awards/form_page.html",
        {"form": form, "title": _("Open a nomination round"), "subtitle": unit.name},
    )


@login_required
def round_detail(request, pk):
    round_ = get_object_or_404(
        selectors.visible_rounds(request.user).select_related("deciding_unit", "rule_set", "campaign"), pk=pk
    )
    managed = selectors.units_to_propose(request.user, round_)
    context = {
        "round": round_,
        "batches": selectors.batch_list(request.user, round_=round_),
        "batch_form": BatchForm(
            units=managed, initial={"proposing_unit": selectors.own_proposing_unit(request.user, round_)}
        )
        if managed.exists()
        else None,
    }
    return render(request, "awards/round_detail.html", context)


@login_required
@require_POST
def batch_create(request, pk):
    round_ = get_object_or_404(selectors.visible_rounds(request.user), pk=pk)
    if not managed_units(request.user).exists():
        raise PermissionDenied
    form = BatchForm(request.POST, units=acting_units(request.user))
    if not form.is_valid():
        messages.error(request, _("Choose the proposing unit."))
        return redirect("awards:round_detail", round_.pk)
    try:
        batch = services.create_batch(
            actor=request.user, round_=round_, proposing_unit=form.cleaned_data["proposing_unit"]
        )
    except ValidationError as exc:
        message_errors(request, exc)
        return redirect("awards:round_detail", round_.pk)
    return redirect("awards:batch_detail", batch.pk)


# Batches and nominations -------------------------------------------------------------------


@login_required
def batch_detail(request, pk):
    batch = get_batch(request, pk)
    user = request.user
    can_edit = batch.is_editable and can_nominate(user, batch.proposing_unit)
    refusal = services.round_refusal(batch) if can_edit else None
    context = {
        "batch": batch,
        "refusals": [refusal] if refusal else [],
        "nominations": selectors.flag_duplicates(
            selectors.nomination_list(user, batch=batch).prefetch_related("attachments")
        ),
        "events": batch.events.select_related("actor", "from_unit", "to_unit"),
        "can_edit": can_edit,
        "can_review": batch.status == NominationBatch.Status.SUBMITTED and can_review_batch(user, batch),
        "at_deciding_unit": batch.at_unit_id == batch.round.deciding_unit_id,
        "minutes_form": MinutesForm(),
        "comment_form": CommentForm(),
    }
    return render(request, "awards/batch_detail.html", context)


@login_required
def nomination_create(request, pk):
    batch = get_batch(request, pk)
    if not can_nominate(request.user, batch.proposing_unit):
        raise PermissionDenied
    refusal = services.round_refusal(batch)
    members = selectors.nominee_members(request.user, batch)
    units = selectors.nominee_units(request.user, batch)
    # A link from the suggestions names the nominee and the form (looked up within the batch's scope).
    initial: dict = {}
    if is_id(request.GET.get("form", "")):
        initial["form"] = request.GET["form"]
    if is_id(request.GET.get("member", "")):
        initial["member"] = members.filter(pk=request.GET["member"]).first()
    elif is_id(request.GET.get("unit", "")):
        initial["unit"] = units.filter(pk=request.GET["unit"]).first()
    form = NominationForm(
        request.POST or None,
        request.FILES or None,
        forms_queryset=services.forms_for_round(batch.round),
        initial=initial,
        members=members,
        units=units,
        within=batch.proposing_unit,
    )
    if request.method == "POST" and refusal is None and form.is_valid():
        data = form.cleaned_data
        member, unit = data["member"], data["unit"]
        try:
            nomination = services.nominate(
                actor=request.user,
                batch=batch,
                form=data["form"],
                member=member,
                unit=unit,
                achievement=data["achievement"],
                task_grade=data["task_grade"],
                initiative=data["initiative"],
                initiative_scope=data["initiative_scope"],
                initiative_count=data["initiative_count"] or 1,
                evidence_links=data["evidence_links"],
                override_justification=data["override_justification"],
                files=data["files"],
            )
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("The nomination was added."))
            for flag in selectors.duplicate_flags([nomination]).get(nomination.pk, []):
                messages.warning(request, flag.text)
            return redirect("awards:batch_detail", batch.pk)
    return render(
        request,
        "awards/nomination_form.html",
        {"form": form, "batch": batch, "refusals": [refusal] if refusal else []},
    )


@login_required
def batch_minutes_file(request, pk):
    batch = get_batch(request, pk)
    if not batch.minutes or not can_view_batch(request.user, batch):
        raise Http404
    return download(batch.minutes.open("rb"), batch.minutes_name or "bien-ban")


@login_required
def nomination_attachment(request, pk, attachment_pk):
    nomination = get_nomination(request, pk)
    if not can_view_batch(request.user, nomination.batch):
        raise Http404
    attachment = get_object_or_404(NominationAttachment, pk=attachment_pk, nomination=nomination)
    return download(attachment.file.open("rb"), attachment.original_name)


@login_required
@require_POST
def batch_minutes(request, pk):
    batch = get_batch(request, pk)
    if not can_nominate(request.user, batch.proposing_unit):
        raise PermissionDenied
    form = MinutesForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.attach_minutes(actor=request.user, batch=batch, upload=form.cleaned_data["minutes"])
        except ValidationError as exc:
            message_errors(request, exc)
        else:
            messages.success(request, _("The meeting minutes were attached."))
    else:
        messages.error(request, _("Choose the file of the meeting minutes."))
    return redirect("awards:batch_detail", batch.pk)


def _batch_action(request, pk, action, success: str):
    batch = get_batch(request, pk)
    form = CommentForm(request.POST)
    form.is_valid()
    try:
        action(actor=request.user, batch=batch, comment=form.cleaned_data.get("comment", ""))
    except ValidationError as exc:
        message_errors(request, exc)
    else:
        messages.success(request, success)
    return redirect("awards:batch_detail", batch.pk)


@login_required
@require_POST
def batch_submit(request, pk):
    return _batch_action(request, pk, services.submit_batch, _("The batch was sent to the level above."))


@login_required
@require_POST
def batch_forward(request, pk):
    return _batch_action(request, pk, services.forward_batch, _("The batch was forwarded."))


@login_required
def batch_return(request, pk):
    batch = get_batch(request, pk)
    if not can_review_batch(request.user, batch):
        raise PermissionDenied
    form = ReturnForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.return_batch(actor=request.user, batch=batch, comment=form.cleaned_data["comment"])
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(
                request, _("The batch was returned to %(unit)s.") % {"unit": batch.proposing_unit.name}
            )
            return redirect("awards:batch_detail", batch.pk)
    return render(
        request,
        "awards/form_page.html",
        {"form": form, "title": _("Return the batch"), "subtitle": str(batch), "back": batch},
    )


@login_required
def nomination_list(request):
    form = NominationFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    at_unit = None
    if request.GET.get("at_unit"):
        if not is_id(request.GET["at_unit"]):  # an id the database cannot even compare: not found
            raise Http404
        at_unit = get_object_or_404(visible_units(request.user), pk=request.GET["at_unit"])
    nominations = selectors.nomination_list(
        request.user,
        status=filters.get("status", ""),
        check_status=filters.get("check_status", ""),
        q=filters.get("q", ""),
        at_unit=at_unit,
    )
    page = Paginator(nominations, 50).get_page(request.GET.get("page"))
    context = {"form": form, "page_obj": page, "at_unit": at_unit}
    template = "awards/partials/nomination_table.html" if request.htmx else "awards/nomination_list.html"
    return render(request, template, context, status=filter_status(form))


@login_required
def nomination_detail(request, pk):
    nomination = get_nomination(request, pk)
    return render(
        request,
        "awards/nomination_detail.html",
        {
            "nomination": nomination,
            "flags": selectors.duplicate_flags([nomination]).get(nomination.pk, []),
            "consultation": selectors.consultation_of(nomination),
            "attachments": nomination.attachments.all(),
            "items": nomination.agenda_items.select_related("session"),
            "records": nomination.records.select_related("decision__document"),
            "can_cut": nomination.status == "proposed"
            and nomination.batch.status == "submitted"
            and can_review_batch(request.user, nomination.batch),
            "can_withdraw": nomination.batch.is_editable
            and can_nominate(request.user, nomination.batch.proposing_unit),
        },
    )


@login_required
def nomination_cut(request, pk):
    nomination = get_nomination(request, pk)
    if not can_review_batch(request.user, nomination.batch):
        raise PermissionDenied
    form = CutForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.cut_nomination(
                actor=request.user, nomination=nomination, reason=form.cleaned_data["reason"]
            )
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(
                request, _("%(name)s was removed from the batch.") % {"name": nomination.nominee_name}
            )
            return redirect("awards:batch_detail", nomination.batch_id)
    return render(
        request,
        "awards/form_page.html",
        {"form": form, "title": _("Remove a nominee"), "subtitle": str(nomination), "back": nomination.batch},
    )


@login_required
@require_POST
def nomination_withdraw(request, pk):
    nomination = get_nomination(request, pk)
    try:
        services.withdraw_nomination(actor=request.user, nomination=nomination)
    except ValidationError as exc:
        message_errors(request, exc)
    return redirect("awards:batch_detail", nomination.batch_id)
