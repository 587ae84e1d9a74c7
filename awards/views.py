"""Pages of the commendation area. Thin: parse, call a service or selector, render. Objects are
fetched from querysets scoped to the user's units, so other units' ids answer 404."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db import transaction
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.models import Role, User
from accounts.permissions import (
    MANAGE_ROLES,
    can_manage_award_rules,
    can_manage_awards,
    can_nominate,
    can_review_batch,
    can_view_batch,
    can_vote,
    visible_members,
    visible_units,
)
from awards import printing, selectors, services
from awards.exports import history_workbook
from awards.forms import (
    BaseSalaryForm,
    BatchForm,
    CertificateTemplateForm,
    CommentForm,
    CutForm,
    DecisionForm,
    FormMoneyForm,
    HistoryImportForm,
    HistorySearchForm,
    MinutesForm,
    NominationFilterForm,
    NominationForm,
    ReturnForm,
    RevokeForm,
    RoundForm,
    SessionForm,
)
from awards.imports import apply_award_import, check_award_file
from awards.models import (
    AgendaItem,
    AwardForm,
    AwardImport,
    BaseSalary,
    CertificateTemplate,
    CouncilSession,
    Decision,
    Nomination,
    NominationAttachment,
    NominationBatch,
    RuleSet,
)
from core.imports_views import expire_stale_check, upload_and_check
from core.spreadsheets import XLSX_CONTENT_TYPE
from core.text import slugify_vi

XLSX_TYPE = XLSX_CONTENT_TYPE
DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _apply_errors(form, exc: ValidationError):
    if hasattr(exc, "error_dict"):
        for field, errors in exc.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, exc)


def _message_errors(request, exc: ValidationError):
    for message in exc.messages:
        messages.error(request, message)


def _file(content: bytes, content_type: str, name: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


def _batch(request, pk):
    return get_object_or_404(selectors.visible_batches(request.user).select_related(
        "round__deciding_unit", "round__rule_set", "proposing_unit__parent", "at_unit"), pk=pk)


def _nomination(request, pk):
    return get_object_or_404(selectors.visible_nominations(request.user).select_related(*selectors.NOMINATION_RELATIONS),
                             pk=pk)


def _session(request, pk):
    return get_object_or_404(selectors.visible_sessions(request.user).select_related("deciding_unit", "chair", "round"),
                             pk=pk)


def _decision(request, pk):
    try:
        return selectors.decision_detail(request.user, pk)
    except Decision.DoesNotExist as exc:
        from django.http import Http404

        raise Http404 from exc


# Overview and rounds -----------------------------------------------------------------------

@login_required
def index(request):
    user = request.user
    context = {
        "rounds": selectors.visible_rounds(user).select_related("deciding_unit")[:10],
        "to_review": selectors.batches_to_review(user)[:50],
        "batches": selectors.batch_list(user)[:50],
        "sessions": selectors.visible_sessions(user).select_related("deciding_unit")[:10],
        "decisions": selectors.visible_decisions(user).select_related("document")[:10],
        "can_open_round": any(can_manage_awards(user, u) for u in visible_units(user, MANAGE_ROLES)[:1]),
    }
    return render(request, "awards/index.html", context)


@login_required
def round_create(request):
    units = visible_units(request.user, MANAGE_ROLES).filter(unit_type__may_have_children=True).order_by("depth", "name")
    unit = units.first()
    if unit is None:
        raise PermissionDenied
    from campaigns.models import Campaign

    form = RoundForm(request.POST or None, campaigns=Campaign.objects.filter(organiser__in=visible_units(request.user)))
    if request.method == "POST" and form.is_valid():
        try:
            round_ = services.open_round(actor=request.user, deciding_unit=unit, **form.cleaned_data)
        except ValidationError as exc:
            _apply_errors(form, exc)
        else:
            messages.success(request, _("The nomination round was opened."))
            return redirect("awards:round_detail", round_.pk)
    return render(request, "awards/form_page.html", {"form": form, "title": _("Open a nomination round"),
                                                     "subtitle": unit.name})


@login_required
def round_detail(request, pk):
    round_ = get_object_or_404(selectors.visible_rounds(request.user).select_related("deciding_unit", "rule_set", "campaign"), pk=pk)
    managed = visible_units(request.user, MANAGE_ROLES).filter(path__startswith=round_.deciding_unit.path).exclude(
        pk=round_.deciding_unit_id).exclude(nomination_batches__round=round_).order_by("depth", "name")
    context = {"round": round_, "batches": selectors.batch_list(request.user, round_=round_),
               "batch_form": BatchForm(units=managed) if managed.exists() else None}
    return render(request, "awards/round_detail.html", context)


@login_required
@require_POST
def batch_create(request, pk):
    round_ = get_object_or_404(selectors.visible_rounds(request.user), pk=pk)
    if not visible_units(request.user, MANAGE_ROLES).exists():
        raise PermissionDenied
    form = BatchForm(request.POST, units=visible_units(request.user, MANAGE_ROLES))
    if not form.is_valid():
        messages.error(request, _("Choose the proposing unit."))
        return redirect("awards:round_detail", round_.pk)
    try:
        batch = services.create_batch(actor=request.user, round_=round_, proposing_unit=form.cleaned_data["proposing_unit"])
    except ValidationError as exc:
        _message_errors(request, exc)
        return redirect("awards:round_detail", round_.pk)
    return redirect("awards:batch_detail", batch.pk)


# Batches and nominations -------------------------------------------------------------------

@login_required
def batch_detail(request, pk):
    batch = _batch(request, pk)
    user = request.user
    context = {
        "batch": batch,
        "nominations": selectors.nomination_list(user, batch=batch).prefetch_related("attachments"),
        "events": batch.events.select_related("actor", "from_unit", "to_unit"),
        "can_edit": batch.is_editable and can_nominate(user, batch.proposing_unit),
        "can_review": batch.status == NominationBatch.Status.SUBMITTED and can_review_batch(user, batch),
        "at_deciding_unit": batch.at_unit_id == batch.round.deciding_unit_id,
        "minutes_form": MinutesForm(),
        "comment_form": CommentForm(),
    }
    return render(request, "awards/batch_detail.html", context)


@login_required
def nomination_create(request, pk):
    batch = _batch(request, pk)
    if not can_nominate(request.user, batch.proposing_unit):
        raise PermissionDenied
    form = NominationForm(request.POST or None, request.FILES or None,
                          forms_queryset=services.forms_for_round(batch.round))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        member = unit = None
        if data["member_code"].strip():
            member = visible_members(request.user).select_related("unit").filter(code=data["member_code"].strip()).first()
            if member is None:
                form.add_error("member_code", _("No member with code “%(code)s” in your units.")
                               % {"code": data["member_code"].strip()})
        else:
            unit = visible_units(request.user).filter(code=data["unit_code"].strip()).first()
            if unit is None:
                form.add_error("unit_code", _("No unit with code “%(code)s” in your scope.")
                               % {"code": data["unit_code"].strip()})
        if not form.errors:
            try:
                services.nominate(actor=request.user, batch=batch, form=data["form"], member=member, unit=unit,
                                  achievement=data["achievement"], task_grade=data["task_grade"],
                                  initiative=data["initiative"], initiative_scope=data["initiative_scope"],
                                  evidence_links=data["evidence_links"],
                                  override_justification=data["override_justification"], files=data["files"])
            except ValidationError as exc:
                _apply_errors(form, exc)
            else:
                messages.success(request, _("The nomination was added."))
                return redirect("awards:batch_detail", batch.pk)
    return render(request, "awards/nomination_form.html", {"form": form, "batch": batch})


@login_required
def batch_minutes_file(request, pk):
    batch = _batch(request, pk)
    if not batch.minutes or not can_view_batch(request.user, batch):
        raise Http404
    return FileResponse(batch.minutes.open("rb"), as_attachment=True, filename=batch.minutes_name or "bien-ban")


@login_required
def nomination_attachment(request, pk, attachment_pk):
    nomination = _nomination(request, pk)
    if not can_view_batch(request.user, nomination.batch):
        raise Http404
    attachment = get_object_or_404(NominationAttachment, pk=attachment_pk, nomination=nomination)
    return FileResponse(attachment.file.open("rb"), as_attachment=True, filename=attachment.original_name)


@login_required
@require_POST
def batch_minutes(request, pk):
    batch = _batch(request, pk)
    if not can_nominate(request.user, batch.proposing_unit):
        raise PermissionDenied
    form = MinutesForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.attach_minutes(actor=request.user, batch=batch, upload=form.cleaned_data["minutes"])
        except ValidationError as exc:
            _message_errors(request, exc)
        else:
            messages.success(request, _("The meeting minutes were attached."))
    else:
        messages.error(request, _("Choose the file of the meeting minutes."))
    return redirect("awards:batch_detail", batch.pk)


def _batch_action(request, pk, action, success: str):
    batch = _batch(request, pk)
    form = CommentForm(request.POST)
    form.is_valid()
    try:
        action(actor=request.user, batch=batch, comment=form.cleaned_data.get("comment", ""))
    except ValidationError as exc:
        _message_errors(request, exc)
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
    batch = _batch(request, pk)
    if not can_review_batch(request.user, batch):
        raise PermissionDenied
    form = ReturnForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.return_batch(actor=request.user, batch=batch, comment=form.cleaned_data["comment"])
        except ValidationError as exc:
            _apply_errors(form, exc)
        else:
            messages.success(request, _("The batch was returned to %(unit)s.") % {"unit": batch.proposing_unit.name})
            return redirect("awards:batch_detail", batch.pk)
    return render(request, "awards/form_page.html", {"form": form, "title": _("Return the batch"), "subtitle": str(batch),
                                                     "back": batch})


@login_required
def nomination_list(request):
    form = NominationFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    at_unit = None
    if request.GET.get("at_unit"):
        at_unit = get_object_or_404(visible_units(request.user), pk=request.GET["at_unit"])
    nominations = selectors.nomination_list(request.user, status=filters.get("status", ""),
                                            check_status=filters.get("check_status", ""), q=filters.get("q", ""),
                                            at_unit=at_unit)
    page = Paginator(nominations, 50).get_page(request.GET.get("page"))
    context = {"form": form, "page_obj": page, "at_unit": at_unit}
    template = "awards/partials/nomination_table.html" if request.htmx else "awards/nomination_list.html"
    return render(request, template, context)


@login_required
def nomination_detail(request, pk):
    nomination = _nomination(request, pk)
    return render(request, "awards/nomination_detail.html", {
        "nomination": nomination,
        "attachments": nomination.attachments.all(),
        "items": nomination.agenda_items.select_related("session"),
        "records": nomination.records.select_related("decision__document"),
        "can_cut": nomination.status == "proposed" and nomination.batch.status == "submitted"
        and can_review_batch(request.user, nomination.batch),
        "can_withdraw": nomination.batch.is_editable and can_nominate(request.user, nomination.batch.proposing_unit),
    })


@login_required
def nomination_cut(request, pk):
    nomination = _nomination(request, pk)
    if not can_review_batch(request.user, nomination.batch):
        raise PermissionDenied
    form = CutForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.cut_nomination(actor=request.user, nomination=nomination, reason=form.cleaned_data["reason"])
        except ValidationError as exc:
            _apply_errors(form, exc)
        else:
            messages.success(request, _("%(name)s was removed from the batch.") % {"name": nomination.nominee_name})
            return redirect("awards:batch_detail", nomination.batch_id)
    return render(request, "awards/form_page.html", {"form": form, "title": _("Remove a nominee"),
                                                     "subtitle": str(nomination), "back": nomination.batch})


@login_required
@require_POST
def nomination_withdraw(request, pk):
    nomination = _nomination(request, pk)
    try:
        services.withdraw_nomination(actor=request.user, nomination=nomination)
    except ValidationError as exc:
        _message_errors(request, exc)
    return redirect("awards:batch_detail", nomination.batch_id)


# Council -------------------------------------------------------------------------------------

def _deciding_unit_for(request):
    unit = visible_units(request.user, MANAGE_ROLES).filter(nomination_rounds__isnull=False).order_by("depth").first()
    if unit is None:
        raise PermissionDenied
    return unit


@login_required
def session_create(request):
    unit = _deciding_unit_for(request)
    council = User.objects.filter(role_assignments__role=Role.COUNCIL,
                                  role_assignments__unit_id__in=[*unit.ancestor_ids, unit.pk]).distinct().order_by("pk")
    waiting = (Nomination.objects.filter(batch__round__deciding_unit=unit, batch__status=NominationBatch.Status.AT_COUNCIL,
                                         status=Nomination.Status.PROPOSED)
               .exclude(agenda_items__session__status=CouncilSession.Status.OPEN)
               .select_related("form", "member", "unit").order_by("batch__proposing_unit__path", "sort_order"))
    form = SessionForm(request.POST or None, members=council, nominations=waiting,
                       initial={"members": council, "nominations": waiting, "title": _("Council meeting")})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            session = services.open_session(actor=request.user, deciding_unit=unit, title=data["title"],
                                            held_on=data["held_on"], place=data["place"], members=list(data["members"]),
                                            nominations=list(data["nominations"]))
        except ValidationError as exc:
            _apply_errors(form, exc)
        else:
            return redirect("awards:session_detail", session.pk)
    return render(request, "awards/form_page.html", {"form": form, "title": _("Convene the council"),
                                                     "subtitle": unit.name})


def _item_context(request, session, items):
    voted = set()
    if request.user.is_authenticated:
        from awards.models import BallotCast

        voted = set(BallotCast.objects.filter(item__session=session, voter=request.user).values_list("item_id", flat=True))
    return {"session": session, "items": items, "voted": voted, "member_count": session.memberships.count(),
            "may_vote": session.is_open and can_vote(request.user, session)}


@login_required
def session_detail(request, pk):
    session = _session(request, pk)
    context = _item_context(request, session, selectors.session_items(session))
    context.update(memberships=session.memberships.select_related("user"),
                   can_manage=can_manage_awards(request.user, session.deciding_unit),
                   decisions=session.decisions.select_related("document"))
    return render(request, "awards/session_detail.html", context)


@login_required
@require_POST
def vote(request, pk):
    item = get_object_or_404(AgendaItem.objects.filter(session__in=selectors.visible_sessions(request.user))
                             .select_related("session"), pk=pk)
    error = None
    try:
        services.cast_vote(actor=request.user, item=item, choice=request.POST.get("choice", ""))
    except ValidationError as exc:
        error = " ".join(exc.messages)
    session = item.session
    session.refresh_from_db()
    items = selectors.session_items(session).filter(pk=item.pk)
    context = _item_context(request, session, items)
    context.update(item=items[0], error=error)
    if request.htmx:
        return render(request, "awards/partials/agenda_item.html", context, status=200)
    if error:
        messages.error(request, error)
    return redirect("awards:session_detail", session.pk)


@login_required
@require_POST
def session_close(request, pk):
    session = _session(request, pk)
    if not can_manage_awards(request.user, session.deciding_unit):
        raise PermissionDenied
    try:
        services.close_session(actor=request.user, session=session)
    except ValidationError as exc:
        _message_errors(request, exc)
    else:
        messages.success(request, _("The session was closed and the results computed."))
    return redirect("awards:session_detail", session.pk)


@login_required
def session_minutes(request, pk):
    session = _session(request, pk)
    return _file(printing.minutes_docx(session), DOCX_TYPE, f"bien-ban-hoi-dong-{session.pk}.docx")


# Decisions -----------------------------------------------------------------------------------

def _decision_form(request, session, *, correcting=None):
    unit = session.deciding_unit if session else correcting.deciding_unit
    approved = Nomination.objects.filter(agenda_items__session__deciding_unit=unit,
                                         agenda_items__result=AgendaItem.Result.APPROVED,
                                         status=Nomination.Status.APPROVED)
    if session is not None:
        approved = approved.filter(agenda_items__session=session)
    if correcting is not None:
        approved = Nomination.objects.filter(pk__in=approved.values("pk")) | Nomination.objects.filter(
            records__decision=correcting)
    approved = approved.select_related("form", "member", "unit").distinct()
    templates = CertificateTemplate.objects.filter(unit=unit)
    initial = {"nominations": approved, "signer_position": "CHỦ TỊCH"}
    if correcting is not None:
        document = correcting.document
        initial.update(signer_name=document.signer_name, signer_position=document.signer_position,
                       summary=document.summary, certificate_template=correcting.certificate_template)
    return unit, DecisionForm(request.POST or None, nominations=approved, templates=templates,
                              correcting=correcting is not None, initial=initial)


@login_required
def decision_create(request, pk):
    session = _session(request, pk)
    if not can_manage_awards(request.user, session.deciding_unit):
        raise PermissionDenied
    unit, form = _decision_form(request, session)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            decision = services.issue_decision(actor=request.user, deciding_unit=unit,
                                               nominations=list(data["nominations"]), decided_on=data["decided_on"],
                                               summary=data["summary"], signer_position=data["signer_position"],
                                               signer_name=data["signer_name"],
                                               certificate_template=data["certificate_template"])
        except ValidationError as exc:
            _apply_errors(form, exc)
        else:
            messages.success(request, _("Decision %(number)s was issued.") % {"number": decision.number_symbol})
            return redirect("awards:decision_detail", decision.pk)
    return render(request, "awards/form_page.html", {"form": form, "title": _("Issue the award decision"),
                                                     "subtitle": str(session)})


@login_required
def decision_list(request):
    decisions = selectors.visible_decisions(request.user).select_related("document", "deciding_unit")
    page = Paginator(decisions, 50).get_page(request.GET.get("page"))
    return render(request, "awards/decision_list.html", {"page_obj": page})


@login_required
def decision_detail(request, pk):
    decision = _decision(request, pk)
    return render(request, "awards/decision_detail.html", {
        "decision": decision, "records": decision.records.all(),
        "can_manage": decision.status == Decision.Status.ISSUED and can_manage_awards(request.user, decision.deciding_unit),
        "revoke_form": RevokeForm(),
        "replaced_by": Decision.objects.filter(replaces=decision).select_related("document").first(),
    })


@login_required
def decision_docx(request, pk):
    decision = _decision(request, pk)
    return _file(printing.decision_docx(decision), DOCX_TYPE, f"quyet-dinh-{slugify_vi(decision.number_symbol)}.docx")


@login_required
def decision_pdf(request, pk):
    decision = _decision(request, pk)
    return _file(printing.decision_pdf(decision), "application/pdf", f"quyet-dinh-{slugify_vi(decision.number_symbol)}.pdf")


@login_required
def decision_certificates(request, pk):
    decision = _decision(request, pk)
    return _file(printing.certificates_pdf(decision), "application/pdf",
                 f"bang-khen-{slugify_vi(decision.number_symbol)}.pdf")


@login_required
@require_POST
def decision_revoke(request, pk):
    decision = _decision(request, pk)
    if not can_manage_awards(request.user, decision.deciding_unit):
        raise PermissionDenied
    form = RevokeForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Give the reason for revoking the decision."))
        return redirect("awards:decision_detail", decision.pk)
    try:
        services.revoke_decision(actor=request.user, decision=decision, reason=form.cleaned_data["reason"])
    except ValidationError as exc:
        _message_errors(request, exc)
    else:
        messages.success(request, _("The decision was revoked; its awards no longer count."))
    return redirect("awards:decision_detail", decision.pk)


@login_required
def decision_correct(request, pk):
    decision = _decision(request, pk)
    if not can_manage_awards(request.user, decision.deciding_unit):
        raise PermissionDenied
    _unit, form = _decision_form(request, None, correcting=decision)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            new = services.correct_decision(actor=request.user, decision=decision, nominations=list(data["nominations"]),
                                            decided_on=data["decided_on"], reason=data["reason"],
                                            summary=data["summary"], signer_position=data["signer_position"],
                                            signer_name=data["signer_name"],
                                            certificate_template=data["certificate_template"])
        except ValidationError as exc:
            _apply_errors(form, exc)
        else:
            messages.success(request, _("Decision %(number)s replaces %(old)s.")
                             % {"number": new.number_symbol, "old": decision.number_symbol})
            return redirect("awards:decision_detail", new.pk)
    return render(request, "awards/form_page.html", {"form": form, "title": _("Correct the decision"),
                                                     "subtitle": str(decision)})


@login_required
def certificate_templates(request):
    unit = _deciding_unit_for(request)
    form = CertificateTemplateForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.save_certificate_template(actor=request.user, unit=unit, name=form.cleaned_data["name"],
                                               html=form.cleaned_data["html"])
        except ValidationError as exc:
            _apply_errors(form, exc)
        else:
            messages.success(request, _("The certificate layout was saved."))
            return redirect("awards:certificate_templates")
    from documents.rendering.certificates import PLACEHOLDERS

    return render(request, "awards/certificate_templates.html", {
        "form": form, "unit": unit, "templates": CertificateTemplate.objects.filter(unit=unit),
        "placeholders": PLACEHOLDERS})


# History -------------------------------------------------------------------------------------

@login_required
def history(request):
    form = HistorySearchForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    records = selectors.search_history(request.user, q=filters.get("q", ""), year=filters.get("year"),
                                       form_code=filters.get("form", ""))
    if request.GET.get("export") == "xlsx":
        return _file(history_workbook(records[:20000]), XLSX_TYPE, "lich-su-khen-thuong.xlsx")
    page = Paginator(records, 50).get_page(request.GET.get("page"))
    forms = AwardForm.objects.values_list("code", "name").distinct().order_by("name")
    return render(request, "awards/history.html", {"form": form, "page_obj": page,
                                                   "form_choices": dict(forms).items()})


@login_required
def member_history(request, pk):
    member = get_object_or_404(visible_members(request.user).select_related("unit"), pk=pk)
    records = selectors.member_history(member)
    if request.GET.get("export") == "xlsx":
        return _file(history_workbook(records), XLSX_TYPE, f"khen-thuong-{member.code}.xlsx")
    return render(request, "awards/history_holder.html", {"holder": member, "unit": member.unit, "records": records,
                                                          "nominations": member.nominations.select_related("form", "batch")})


@login_required
def unit_history(request, pk):
    unit = get_object_or_404(visible_units(request.user).select_related("merged_into"), pk=pk)
    records = selectors.unit_history(unit)
    if request.GET.get("export") == "xlsx":
        return _file(history_workbook(records), XLSX_TYPE, f"khen-thuong-{unit.code}.xlsx")
    return render(request, "awards/history_holder.html", {"holder": unit, "unit": unit, "records": records,
                                                          "nominations": unit.nominations.select_related("form", "batch")})


@login_required
def history_import(request):
    units = visible_units(request.user, MANAGE_ROLES).order_by("depth")
    unit = units.first()
    if unit is None:
        raise PermissionDenied
    form = HistoryImportForm(request.POST or None, request.FILES or None)
    batch = upload_and_check(request, unit=unit, form=form, batch_model=AwardImport,
                             check="awards.imports.check_award_file", preview="awards.views.history_import_preview")
    if batch is not None:
        return redirect("awards:history_import_status", batch.pk)
    return render(request, "awards/history_import.html", {"form": form, "unit": unit})


def history_import_preview(checked) -> list[dict]:
    """The first records as the status page shows them (kept on the batch by the check task)."""
    return [{"year": r.year, "holder": r.member.full_name if r.member else r.unit.name, "form": r.form.name,
             "decision_ref": r.decision_ref} for r in checked.records[:20]]


@login_required
def history_import_status(request, pk):
    """The check's verdict: "checking" (the page refreshes itself), the errors, or the preview."""
    batch = get_object_or_404(AwardImport.objects.filter(unit__in=visible_units(request.user, MANAGE_ROLES)), pk=pk)
    expire_stale_check(batch)
    template = "awards/partials/history_import_status.html" if request.htmx else "awards/history_import_status.html"
    return render(request, template, {"batch": batch, "unit": batch.unit})


@login_required
@require_POST
def history_import_confirm(request, pk):
    batch = get_object_or_404(AwardImport.objects.filter(unit__in=visible_units(request.user, MANAGE_ROLES)), pk=pk)
    if batch.status != AwardImport.Status.CHECKED:
        messages.warning(request, _("This import was already confirmed or has errors."))
        return redirect("awards:history")
    batch.file.open("rb")
    try:
        checked = check_award_file(batch.file, batch.unit)
    finally:
        batch.file.close()
    if checked.errors:
        messages.error(request, _("The history changed since the check; check the file again."))
        return redirect("awards:history_import")
    with transaction.atomic():  # the records and the batch's "done" together: never half, never twice
        if not AwardImport.objects.filter(pk=batch.pk, status=AwardImport.Status.CHECKED).update(
                status=AwardImport.Status.DONE):
            messages.warning(request, _("This import was already confirmed or has errors."))
            return redirect("awards:history")
        count = apply_award_import(checked.records)
        AwardImport.objects.filter(pk=batch.pk).update(imported_count=count)
    messages.success(request, _("%(count)d past awards were imported.") % {"count": count})
    return redirect("awards:history")


# Rules ----------------------------------------------------------------------------------------

@login_required
def rules(request):
    form = BaseSalaryForm(request.POST or None)
    if request.method == "POST":
        if not can_manage_award_rules(request.user):
            raise PermissionDenied
        if form.is_valid():
            try:
                services.add_base_salary(actor=request.user, **form.cleaned_data)
            except ValidationError as exc:
                _apply_errors(form, exc)
            else:
                messages.success(request, _("The base salary was added."))
                return redirect("awards:rules")
    rule_sets = RuleSet.objects.prefetch_related("forms").order_by("-valid_from")
    return render(request, "awards/rules.html", {"rule_sets": rule_sets, "salaries": BaseSalary.objects.order_by("-effective_from"),
                                                 "form": form, "can_add": can_manage_award_rules(request.user)})


@login_required
def form_money(request, pk):
    if not can_manage_award_rules(request.user):
        raise PermissionDenied
    award_form = get_object_or_404(AwardForm.objects.select_related("rule_set", "money_entered_by"), pk=pk)
    initial = {"coefficient_individual": award_form.coefficient_individual,
               "coefficient_collective": award_form.coefficient_collective,
               "source": award_form.source, "verified": award_form.verified}
    form = FormMoneyForm(request.POST or None, initial=initial, award_form=award_form)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.set_award_form_money(
                actor=request.user, form=award_form, coefficient_individual=data.get("coefficient_individual"),
                coefficient_collective=data.get("coefficient_collective"), source=data["source"],
                verified=data["verified"])
        except ValidationError as exc:
            _apply_errors(form, exc)
        else:
            messages.success(request, _("The prize money of %(form)s was saved.") % {"form": award_form.name})
            return redirect("awards:rules")
    changes = award_form.history.select_related("history_user").order_by("-history_date")[:10]
    return render(request, "awards/form_money.html", {"award_form": award_form, "form": form, "changes": changes})
