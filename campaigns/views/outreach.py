"""Dissemination: reach by child unit and by category, units below the threshold, the sessions
of the subtree and the form to record one."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts import permissions
from campaigns import selectors, services
from campaigns.forms import SessionForm
from campaigns.models import DisseminationSession, Participant
from campaigns.selectors.reach import Reach
from campaigns.selectors.tree import child_units
from campaigns.views.common import get_campaign, get_unit, page_context
from core.view_helpers import apply_errors
from documents.models import Document
from documents.selectors import visible_documents


def _documents(user, campaign):
    ids = list(
        visible_documents(user)
        .filter(status__in=[Document.Status.ISSUED, Document.Status.RECORDED])
        .order_by("-issued_on", "-pk")
        .values_list("pk", flat=True)[:100]
    )
    if campaign.launching_document_id:
        ids.append(campaign.launching_document_id)
    return Document.objects.filter(pk__in=ids).select_related("doc_type").order_by("-issued_on", "-pk")


@login_required
def reach(request, pk, unit_pk):
    campaign = get_campaign(request, pk)
    unit = get_unit(request, campaign, unit_pk)
    takes_part = Participant.objects.filter(campaign=campaign, unit=unit).exists()
    can_record = takes_part and campaign.is_launched and permissions.can_act_for_unit(request.user, unit)
    form = None
    if can_record:
        initial = {"held_on": timezone.localdate(), "documents": [campaign.launching_document_id]}
        form = SessionForm(
            request.POST or None, initial=initial, documents=_documents(request.user, campaign)
        )
        if request.method == "POST" and form.is_valid():
            data = dict(form.cleaned_data)
            try:
                services.record_session(actor=request.user, campaign=campaign, unit=unit, **data)
            except ValidationError as exc:
                apply_errors(form, exc)
            else:
                messages.success(request, _("The session was recorded."))
                return redirect("campaigns:reach", campaign.pk, unit.pk)
    reach = selectors.subtree_reach(campaign, unit)  # read once: the rows by child and the list below
    by_child, units_by_child = reach.by_child(), reach.participants_by_child()
    # (unit, its reach, the participating units it covers, whether it is the unit itself)
    rows = [
        (child, by_child[child.path], units_by_child[child.path], child.pk == unit.pk)
        for child in child_units(unit)
        if child.path in by_child
    ]
    context = page_context(request, campaign, unit, "reach")
    context.update(
        {
            "rows": rows,
            "total": sum((r for _c, r, _n, _root in rows), Reach()),
            "total_units": sum(n for _c, _r, n, _root in rows),
            "categories": selectors.reach_by_category(campaign, unit),
            "below": reach.below_threshold(limit=100),
            "sessions": DisseminationSession.objects.filter(
                campaign=campaign, unit__path__startswith=unit.path
            )
            .select_related("unit")
            .prefetch_related("documents")[:50],
            "form": form,
            "takes_part": takes_part,
        }
    )
    return render(request, "campaigns/reach.html", context)


@login_required
@require_POST
def session_delete(request, pk, session_pk):
    campaign = get_campaign(request, pk)
    session = get_object_or_404(
        DisseminationSession.objects.filter(
            campaign=campaign, unit__in=selectors.campaign_units(request.user, campaign)
        ).select_related("unit", "campaign"),
        pk=session_pk,
    )
    try:
        services.delete_session(actor=request.user, session=session)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    except PermissionDenied:
        raise
    else:
        messages.success(request, _("The session was deleted."))
    return redirect("campaigns:reach", campaign.pk, session.unit_id)
