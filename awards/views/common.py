"""What the commendation pages share: each object fetched from the user's scope (other units'
ids answer 404)."""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404

from awards import selectors
from awards.models import Decision


def get_batch(request, pk):
    return get_object_or_404(
        selectors.visible_batches(request.user).select_related(
            "round__deciding_unit", "round__rule_set", "proposing_unit__parent", "at_unit"
        ),
        pk=pk,
    )


def get_nomination(request, pk):
    return get_object_or_404(
        selectors.visible_nominations(request.user).select_related(*selectors.NOMINATION_RELATIONS), pk=pk
    )


def get_session(request, pk):
    return get_object_or_404(
        selectors.visible_sessions(request.user).select_related("deciding_unit", "chair", "round"), pk=pk
    )


def get_decision(request, pk):
    try:
        return selectors.decision_detail(request.user, pk)
    except Decision.DoesNotExist as exc:
        raise Http404 from exc


def council_unit(request):
    """The unit whose council the user runs (refused when there is none)."""
    unit = selectors.council_unit(request.user)
    if unit is None:
        raise PermissionDenied
    return unit
