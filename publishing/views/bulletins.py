"""The internal bulletin: pick a period, order its articles, print the PDF."""

import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.permissions import can_make_bulletin
from core.view_helpers import apply_errors, download
from publishing import selectors, services
from publishing.forms import BulletinForm
from publishing.models import BulletinIssue
from publishing.services.bulletins import default_title


def _issue(request, pk) -> BulletinIssue:
    return get_object_or_404(selectors.visible_bulletins(request.user), pk=pk)


@login_required
def bulletin_list(request):
    issues = selectors.visible_bulletins(request.user).order_by("-year", "-number", "publisher__path")
    return render(
        request,
        "publishing/bulletin_list.html",
        {"issues": issues[:100], "can_create": selectors.bulletin_publishers(request.user).exists()},
    )


@login_required
def bulletin_create(request):
    publishers = selectors.bulletin_publishers(request.user)
    if not publishers.exists():
        raise PermissionDenied
    today = timezone.localdate()
    last_month = today.replace(day=1) - datetime.timedelta(days=1)
    form = BulletinForm(
        request.POST or None,
        publishers=publishers,
        default_title=default_title(),
        initial={"publisher": publishers.first(), "period_index": last_month.month, "year": last_month.year},
    )
    if request.method == "POST" and form.is_valid():
        try:
            issue = services.create_bulletin(actor=request.user, **form.cleaned_data)
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(
                request,
                _(
                    "Issue no. %(number)s was created with %(count)s articles. Put them in order, "
                    "then generate the PDF."
                )
                % {"number": issue.number, "count": issue.entries.count()},
            )
            return redirect(issue)
    return render(request, "publishing/bulletin_form.html", {"form": form})


def _workspace(request, issue: BulletinIssue, status: int = 200):
    issue.refresh_from_db()
    context = {
        "issue": issue,
        "entries": issue.entries.select_related("article__category", "article__unit").order_by(
            "position", "pk"
        ),
        "can_edit": can_make_bulletin(request.user, issue.publisher),
    }
    template = (
        "publishing/partials/bulletin_workspace.html" if request.htmx else "publishing/bulletin_detail.html"
    )
    return render(request, template, context, status=status)


@login_required
def bulletin_detail(request, pk):
    return _workspace(request, _issue(request, pk))


def _change(request, pk, change):
    issue = _issue(request, pk)
    try:
        change(issue)
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
    if request.htmx:
        return _workspace(request, issue)
    return redirect(issue)


@login_required
@require_POST
def bulletin_entry_move(request, pk, entry_pk, direction):
    if direction not in ("up", "down"):
        raise Http404
    return _change(
        request,
        pk,
        lambda issue: services.move_bulletin_entry(
            issue, actor=request.user, entry_id=entry_pk, direction=direction
        ),
    )


@login_required
@require_POST
def bulletin_entry_remove(request, pk, entry_pk):
    return _change(
        request,
        pk,
        lambda issue: services.remove_bulletin_entry(issue, actor=request.user, entry_id=entry_pk),
    )


@login_required
@require_POST
def bulletin_generate(request, pk):
    return _change(request, pk, lambda issue: services.request_bulletin_pdf(issue, actor=request.user))


@login_required
def bulletin_pdf(request, pk):
    issue = _issue(request, pk)
    if issue.status != BulletinIssue.Status.READY or not issue.pdf:
        raise Http404
    filename = f"ban-tin-so-{issue.number}-{issue.year}.pdf"
    return download(issue.pdf.open("rb"), filename)
