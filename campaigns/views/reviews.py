"""Periodic reviews: the rounds, numbers rolled up the subtree, the unit's own report, and the
federation's report as a Word document."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from accounts import permissions
from campaigns import selectors, services
from campaigns.forms import ReviewReportForm, ReviewRoundForm
from campaigns.models import ReviewRound
from campaigns.review_document import review_report_docx
from campaigns.views.common import get_campaign, get_unit, page_context
from core.view_helpers import DOCX, apply_errors, download


@login_required
def reviews(request, pk, unit_pk):
    campaign = get_campaign(request, pk)
    unit = get_unit(request, campaign, unit_pk)
    rounds = selectors.review_rounds(campaign)
    selected = selectors.chosen_round(rounds, request.GET.get("round"))
    round_form = None
    if permissions.can_open_review_round(request.user, campaign):
        round_form = ReviewRoundForm(request.POST if "open_round" in request.POST else None)
        if round_form.is_bound and round_form.is_valid():
            try:
                opened = services.open_review_round(
                    actor=request.user, campaign=campaign, **round_form.cleaned_data
                )
            except ValidationError as exc:
                apply_errors(round_form, exc)
            else:
                messages.success(request, _("The review round was opened; every unit can now report."))
                return redirect(f"{request.path}?round={opened.pk}")
    report_form = report = refusal = None
    takes_part = selectors.takes_part(campaign, unit)
    if selected is not None and takes_part:
        report = selectors.unit_report(selected, unit)
        if permissions.can_write_review_report(request.user, campaign, unit, report):
            refusal = services.review_report_refusal(selected)
            submit = "submit_report" in request.POST
            posted = refusal is None and (submit or "save_report" in request.POST)
            bound = request.POST if posted else None
            report_form = ReviewReportForm(
                bound,
                initial=ReviewReportForm.initial_for(report),
                indicators=selectors.review_indicators(campaign),
            )
            if bound is not None and report_form.is_valid():
                try:
                    services.save_review_report(
                        actor=request.user,
                        review_round=selected,
                        unit=unit,
                        values=report_form.values(),
                        results=report_form.cleaned_data["results"],
                        shortcomings=report_form.cleaned_data["shortcomings"],
                        lessons=report_form.cleaned_data["lessons"],
                        submit=submit,
                    )
                except ValidationError as exc:
                    apply_errors(report_form, exc)
                else:
                    messages.success(
                        request,
                        _("The report was submitted.") if submit else _("The draft report was saved."),
                    )
                    return redirect(f"{request.path}?round={selected.pk}")
    context = page_context(request, campaign, unit, "reviews")
    context.update(
        {
            "rounds": rounds,
            "selected": selected,
            "round_form": round_form,
            "report_form": report_form,
            "report": report,
            "refusals": [refusal] if refusal else [],
            "rollup": selectors.review_rollup(selected, unit) if selected else None,
            "reports": selectors.submitted_reports(selected, unit, limit=50) if selected else [],
        }
    )
    return render(request, "campaigns/reviews.html", context)


@login_required
def review_docx(request, pk, round_pk, unit_pk):
    campaign = get_campaign(request, pk)
    unit = get_unit(request, campaign, unit_pk)
    review_round = get_object_or_404(ReviewRound, campaign=campaign, pk=round_pk)
    if not permissions.can_view_unit(request.user, unit):
        raise PermissionDenied
    return download(
        review_report_docx(review_round, unit), f"bao-cao-{review_round.kind}-{unit.code}.docx", DOCX
    )
