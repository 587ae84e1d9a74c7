"""Scoring pages: the unit's sheet (self-scores with evidence, peers' scores, confirmation) and
the sheets of the units below it. Each action posts to its own small view and comes back."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts import permissions
from campaigns import selectors, services
from campaigns.forms import ConfirmForm, PeerScoreForm, SelfScoreForm
from campaigns.models import Criterion, Score, ScoreEvidence
from campaigns.services.scoring import cluster_of
from campaigns.views.common import get_campaign, page_context
from core.view_helpers import download, error_text


def _scoring_unit(request, campaign, unit_pk):
    return get_object_or_404(
        selectors.scoring_units(request.user, campaign).select_related("unit_type", "parent"), pk=unit_pk
    )


@login_required
def scoring(request, pk, unit_pk):
    campaign = get_campaign(request, pk)
    unit = _scoring_unit(request, campaign, unit_pk)
    return _scoring_page(request, campaign, unit)


def _scoring_page(request, campaign, unit, *, saved=None, failed=None, failed_values=None, failed_error=""):
    """The sheet; after a self-score it marks the criterion saved, or keeps the rejected values in
    their boxes with the message (`failed`), so an htmx save swaps that row alone."""
    page = selectors.scoring_page(request.user, campaign, unit)
    # a unit that takes part is told at once why its sheet takes no score (a draft or closed campaign)
    acts = page.takes_part and permissions.can_act_for_unit(request.user, unit)
    refusal = services.running_refusal(campaign) if acts else None
    context = (
        page_context(request, campaign, unit, "scoring")
        if page.in_scope
        else {
            "campaign": campaign,
            "unit": unit,
            "tab": "scoring",
            "tabs": [],
            "crumbs": [],
            "can_manage": permissions.can_manage_campaign(request.user, campaign),
        }
    )
    context.update(
        {
            "view": page.view,
            "sheet": page.sheet,
            "submitted": page.submitted,
            "cluster": page.cluster,
            "peer_mode": page.peer_mode,
            "can_self": page.can_self,
            "refusals": [refusal] if refusal else [],
            "can_confirm": page.can_confirm,
            "scorer": page.scorer,
            "children": page.children,
            "takes_part": page.takes_part,
            "self_form": SelfScoreForm(),
            "confirm_form": ConfirmForm(),
            "peer_form": PeerScoreForm(),
            "also_swap": _also_swap(page.view.lines if page.view else []),
            "saved_criterion": saved.pk if saved else None,
            "failed_criterion": failed.pk if failed else None,
            "failed_values": failed_values or {},
            "failed_error": failed_error,
        }
    )
    return render(request, "campaigns/scoring.html", context)


def _also_swap(lines) -> dict[int, str]:
    """For each leaf, what an htmx save swaps besides its row: the sheet's totals and the self-score
    subtotals of its parent criteria, as ids (htmx's hx-select-oob takes ids)."""
    swaps: dict[int, str] = {}
    parents: list[str] = []
    for line in lines:
        del parents[line.depth :]
        if line.is_leaf:
            swaps[line.criterion.pk] = ",".join(["#sheet-totals", *parents])
        else:
            parents.append(f"#self-subtotal-{line.criterion.pk}")
    return swaps


def _back(campaign, unit_pk):
    return redirect("campaigns:scoring", campaign.pk, unit_pk)


@login_required
@require_POST
def score_self(request, pk, unit_pk, criterion_pk):
    campaign = get_campaign(request, pk)
    unit = _scoring_unit(request, campaign, unit_pk)
    criterion = get_object_or_404(Criterion, criteria_set__campaign=campaign, pk=criterion_pk)
    form = SelfScoreForm(request.POST, request.FILES)
    if form.is_valid():
        upload = form.cleaned_data.get("evidence")
        try:
            services.self_score(
                actor=request.user,
                campaign=campaign,
                unit=unit,
                criterion=criterion,
                points=form.cleaned_data["points"],
                actual_value=form.cleaned_data["actual_value"],
                note=form.cleaned_data["note"],
                evidence=[upload] if upload else [],
            )
        except ValidationError as exc:
            error = error_text(exc)
        else:
            if request.htmx:
                return _scoring_page(request, campaign, unit, saved=criterion)
            messages.success(request, _("%(criterion)s: self-score saved.") % {"criterion": criterion.label})
            return _back(campaign, unit.pk)
    else:
        # iterating an ErrorList gives its messages; django-stubs says errors too
        error = " ".join(e for errors in form.errors.values() for e in errors)  # type: ignore[misc]
    values = {key: request.POST.get(key, "") for key in ("points", "actual_value", "note")}
    return _scoring_page(request, campaign, unit, failed=criterion, failed_values=values, failed_error=error)


@login_required
@require_POST
def sheet_submit(request, pk, unit_pk):
    campaign = get_campaign(request, pk)
    unit = _scoring_unit(request, campaign, unit_pk)
    try:
        services.submit_sheet(actor=request.user, campaign=campaign, unit=unit)
    except ValidationError as exc:
        messages.error(request, error_text(exc))
    else:
        messages.success(request, _("The score sheet was submitted for review."))
    return _back(campaign, unit.pk)


def _score(request, campaign, score_pk):
    return get_object_or_404(
        Score.objects.filter(
            sheet__campaign=campaign, sheet__unit__in=selectors.scoring_units(request.user, campaign)
        ).select_related("sheet__unit", "criterion"),
        pk=score_pk,
    )


@login_required
@require_POST
def score_confirm(request, pk, score_pk):
    campaign = get_campaign(request, pk)
    score = _score(request, campaign, score_pk)
    form = ConfirmForm(request.POST)
    form.is_valid()
    try:
        services.confirm_score(
            actor=request.user,
            score=score,
            points=form.cleaned_data.get("points"),
            reason=form.cleaned_data.get("reason", ""),
        )
    except ValidationError as exc:
        messages.error(request, error_text(exc))
    else:
        messages.success(
            request, _("%(criterion)s: score confirmed and locked.") % {"criterion": score.criterion.label}
        )
    return _back(campaign, score.sheet.unit_id)


@login_required
@require_POST
def score_peer(request, pk, score_pk):
    campaign = get_campaign(request, pk)
    score = _score(request, campaign, score_pk)
    scorer = selectors.peer_scorer(
        request.user, score.sheet.unit, cluster_of(score.sheet.unit, campaign.year)
    )
    form = PeerScoreForm(request.POST)
    if scorer is None:
        raise PermissionDenied(_("Only other units of the same cluster can cross-score."))
    if form.is_valid():
        try:
            services.peer_score(
                actor=request.user,
                score=score,
                scorer_unit=scorer,
                points=form.cleaned_data["points"],
                note=form.cleaned_data["note"],
            )
        except ValidationError as exc:
            messages.error(request, error_text(exc))
        else:
            messages.success(
                request,
                _("%(criterion)s: your cross-score was saved.") % {"criterion": score.criterion.label},
            )
    return _back(campaign, score.sheet.unit_id)


@login_required
def evidence_file(request, pk, evidence_pk):
    campaign = get_campaign(request, pk)
    evidence = get_object_or_404(
        ScoreEvidence.objects.filter(
            score__sheet__campaign=campaign,
            score__sheet__unit__in=selectors.scoring_units(request.user, campaign),
        ),
        pk=evidence_pk,
    )
    return download(evidence.file.open("rb"), evidence.original_name)
