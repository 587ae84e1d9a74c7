"""Next-award suggestions: who in the officer's units becomes eligible this year, and why; the
chosen ones become nominations of the unit's batch in an open round."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from accounts.http import AuthenticatedHttpRequest
from accounts.permissions import managed_units
from awards import selectors, services
from awards.models import NominationBatch, NominationRound
from core.text import is_id
from core.view_helpers import message_errors
from organisations.models import Unit


def _round_and_unit(request, data) -> tuple[NominationRound | None, Unit | None]:
    rounds = selectors.suggestion_rounds(request.user)
    round_id, unit_id = data.get("round", ""), data.get("unit", "")
    round_: NominationRound | None
    if round_id:
        round_ = get_object_or_404(rounds, pk=round_id if is_id(round_id) else 0)
    else:
        round_ = rounds.first()
    if round_ is None:
        return None, None
    units = selectors.suggestion_units(request.user, round_)
    if unit_id:
        return round_, get_object_or_404(units, pk=unit_id if is_id(unit_id) else 0)
    return round_, units.first()


@login_required
def suggestion_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    if not managed_units(request.user).exists():
        raise PermissionDenied
    round_, unit = _round_and_unit(request, request.GET)
    suggestions = selectors.next_award_suggestions(round_, unit) if round_ and unit else []
    batch = (
        NominationBatch.objects.filter(round=round_, proposing_unit=unit).first() if round_ and unit else None
    )
    context = {
        "rounds": selectors.suggestion_rounds(request.user),
        "round": round_,
        "units": selectors.suggestion_units(request.user, round_) if round_ else [],
        "unit": unit,
        "suggestions": suggestions,
        "batch": batch,
        "may_add": batch is None or batch.is_editable,
    }
    return render(request, "awards/suggestions.html", context)


@login_required
@require_POST
def suggestion_nominate(request: AuthenticatedHttpRequest) -> HttpResponse:
    round_, unit = _round_and_unit(request, request.POST)
    if round_ is None or unit is None:
        raise PermissionDenied
    back = reverse("awards:suggestion_list") + f"?round={round_.pk}&unit={unit.pk}"
    chosen = set(request.POST.getlist("pick"))
    offered = {s.key: s for s in selectors.next_award_suggestions(round_, unit) if s.may_nominate_at_once}
    missing = chosen - offered.keys()
    if missing:
        messages.error(request, _("The list has changed since it was shown: choose again."))
        return redirect(back)
    picks = [
        services.Pick(
            name=s.nominee_name, form=s.form, achievement=s.achievement, member=s.member, unit=s.unit
        )
        for key, s in offered.items()
        if key in chosen
    ]
    try:
        nominations = services.nominate_suggested(actor=request.user, round_=round_, unit=unit, picks=picks)
    except ValidationError as exc:
        message_errors(request, exc)
        return redirect(back)
    messages.success(
        request,
        ngettext(
            "%(count)d nomination was added; complete its dossier before sending the batch.",
            "%(count)d nominations were added; complete their dossiers before sending the batch.",
            len(nominations),
        )
        % {"count": len(nominations)},
    )
    return redirect("awards:batch_detail", nominations[0].batch_id)
