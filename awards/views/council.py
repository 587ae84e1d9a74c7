"""Pages of the council: convening a session, its agenda, votes, closing, the minutes."""

import datetime as dt

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from accounts.permissions import can_manage_awards, can_sign_minutes, can_vote
from awards import printing, selectors, services
from awards.forms import SessionForm
from awards.models import AgendaItem
from awards.views.common import council_unit, get_session
from core.view_helpers import DOCX, PDF, apply_errors, download, error_text, message_errors
from signing import selectors as signing_selectors
from signing.models import SignedPdf


@login_required
def session_create(request):
    unit = council_unit(request)
    council = selectors.council_candidates(unit)
    waiting = selectors.awaiting_council(unit)
    form = SessionForm(
        request.POST or None,
        members=council,
        nominations=waiting,
        initial={"members": council, "nominations": waiting, "title": _("Council meeting")},
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            session = services.open_session(
                actor=request.user,
                deciding_unit=unit,
                title=data["title"],
                held_on=data["held_on"],
                place=data["place"],
                members=list(data["members"]),
                nominations=list(data["nominations"]),
            )
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            return redirect("awards:session_detail", session.pk)
    periods = list(selectors.comment_periods(unit))
    notices = (
        [
            ngettext(
                "%(count)d nominee is published for public comment (NĐ 98/2023, Điều 46) until %(until)s: "
                "the council can meet for it from %(from)s.",
                "%(count)d nominees are published for public comment (NĐ 98/2023, Điều 46); the last period "
                "ends on %(until)s: the council can meet for them from %(from)s.",
                len(periods),
            )
            % {
                "count": len(periods),
                "until": periods[0].closes_on.strftime("%d/%m/%Y"),
                "from": (periods[0].closes_on + dt.timedelta(days=1)).strftime("%d/%m/%Y"),
            }
        ]
        if periods
        else []
    )
    return render(
        request,
        "awards/form_page.html",
        {"form": form, "title": _("Convene the council"), "subtitle": unit.name, "notices": notices},
    )


def _item_context(request, session, items):
    items = list(items)
    selectors.flag_duplicates(item.nomination for item in items)
    for item in items:  # the form as the issuing body names it, as the decision will print it
        item.form_name = printing.issued_form_name(item.nomination.form, session.deciding_unit)
    return {
        "session": session,
        "items": items,
        "voted": selectors.voted_items(session, request.user),
        "member_count": session.memberships.count(),
        "may_vote": session.is_open and can_vote(request.user, session),
    }


@login_required
def session_detail(request, pk):
    session = get_session(request, pk)
    context = _item_context(request, session, selectors.session_items(session))
    refusal = services.vote_refusal(session) if can_vote(request.user, session) else None
    context.update(
        refusals=[refusal] if refusal else [],
        memberships=session.memberships.select_related("user"),
        can_manage=can_manage_awards(request.user, session.deciding_unit),
        decisions=session.decisions.select_related("document"),
        signed_file=signing_selectors.signed_file(session, SignedPdf.Kind.MINUTES),
        can_sign=not session.is_open and can_sign_minutes(request.user, session),
    )
    return render(request, "awards/session_detail.html", context)


@login_required
@require_POST
def vote(request, pk):
    item = get_object_or_404(
        AgendaItem.objects.filter(session__in=selectors.visible_sessions(request.user)).select_related(
            "session"
        ),
        pk=pk,
    )
    error = None
    try:
        services.cast_vote(actor=request.user, item=item, choice=request.POST.get("choice", ""))
    except ValidationError as exc:
        error = error_text(exc)
    session = item.session
    session.refresh_from_db()
    items = selectors.session_items(session).filter(pk=item.pk)
    context = _item_context(request, session, items)
    context.update(item=context["items"][0], error=error)
    if request.htmx:
        return render(request, "awards/partials/agenda_item.html", context, status=200)
    if error:
        messages.error(request, error)
    return redirect("awards:session_detail", session.pk)


@login_required
@require_POST
def session_close(request, pk):
    session = get_session(request, pk)
    if not can_manage_awards(request.user, session.deciding_unit):
        raise PermissionDenied
    try:
        services.close_session(actor=request.user, session=session)
    except ValidationError as exc:
        message_errors(request, exc)
    else:
        messages.success(request, _("The session was closed and the results computed."))
    return redirect("awards:session_detail", session.pk)


@login_required
def session_minutes(request, pk):
    session = get_session(request, pk)
    signed = signing_selectors.signed_file(session, SignedPdf.Kind.MINUTES, signed_only=True)
    if signed is not None:  # only the signed file, once signed
        return download(signed.file.open("rb"), f"bien-ban-hoi-dong-{session.pk}.pdf", PDF)
    return download(printing.minutes_docx(session), f"bien-ban-hoi-dong-{session.pk}.docx", DOCX)
