"""Periodic reviews: opening a round, the units' reports, and the federation's report as DOCX."""

import datetime as dt
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts import permissions
from campaigns.models import Campaign, ReviewIndicator, ReviewReport, ReviewRound, ReviewValue
from campaigns.services.campaign import require_participant, require_running, running_refusal
from campaigns.services.figures import entered_figure
from core.refusals import Refusal, refuse
from organisations.models import Unit

__all__ = ["open_review_round", "review_report_refusal", "save_review_report"]


@transaction.atomic
def open_review_round(
    *,
    actor,
    campaign: Campaign,
    kind: str,
    period_end: dt.date,
    title: str = "",
    due_on: dt.date | None = None,
) -> ReviewRound:
    if not permissions.can_manage_campaign(actor, campaign):
        raise PermissionDenied
    require_running(campaign)
    if kind not in ReviewRound.Kind.values:
        raise ValidationError({"kind": _("Choose the kind of review.")})
    if period_end < campaign.starts_on:
        raise ValidationError({"period_end": _("The review period ends before the campaign starts.")})
    if due_on is not None and due_on < period_end:
        raise ValidationError({"due_on": _("Reports cannot be due before the period they cover ends.")})
    if ReviewRound.objects.filter(campaign=campaign, kind=kind, period_end=period_end).exists():
        raise ValidationError(_("This review round is already open."))
    title = title.strip() or f"{ReviewRound.Kind(kind).label} ({period_end:%d/%m/%Y})"
    return ReviewRound.objects.create(
        campaign=campaign, kind=kind, title=title, period_end=period_end, due_on=due_on, opened_by=actor
    )


def review_report_refusal(review_round: ReviewRound) -> Refusal | None:
    """Why no unit can write its report in the round now, or None: the campaign must be running and
    the round's due date not past. The review page shows it; `save_review_report` raises it."""
    campaign = review_round.campaign
    refusal = running_refusal(campaign)
    if refusal is not None:
        return refusal
    if review_round.due_on is not None and timezone.localdate() > review_round.due_on:
        return Refusal(
            _("Reports for “%(round)s” were due on %(date)s.")
            % {"round": review_round.title, "date": review_round.due_on.strftime("%d/%m/%Y")},
            next_step=_("Send the figures to %(unit)s, which runs the campaign: it can open a new round.")
            % {"unit": campaign.organiser.display_name},
        )
    return None


@transaction.atomic
def save_review_report(
    *,
    actor,
    review_round: ReviewRound,
    unit: Unit,
    values: dict[int, object],
    results: str = "",
    shortcomings: str = "",
    lessons: str = "",
    submit: bool = False,
) -> ReviewReport:
    """Save (and, with `submit`, send) a unit's report: one number per indicator and free text.
    A submitted report no longer changes."""
    campaign = review_round.campaign
    refuse(review_report_refusal(review_round))
    if not permissions.can_act_for_unit(actor, unit):
        raise PermissionDenied(_("You may only report for units in your scope."))
    require_participant(campaign, unit)
    indicators = {i.pk: i for i in ReviewIndicator.objects.filter(campaign=campaign)}
    cleaned: dict[ReviewIndicator, Decimal] = {}
    for indicator_id, raw in values.items():
        indicator = indicators.get(int(indicator_id))
        if indicator is None:
            raise ValidationError({"values": _("Unknown indicator.")})
        if raw in (None, ""):
            continue
        cleaned[indicator] = entered_figure(
            raw,
            field="values",
            name=indicator.name,
            negative=_("%(indicator)s: the number cannot be negative.") % {"indicator": indicator.name},
        )
    if submit:
        missing = [i.name for i in indicators.values() if i not in cleaned]
        if missing:
            raise ValidationError(
                {
                    "values": _("Fill in every indicator before submitting: %(names)s.")
                    % {"names": ", ".join(missing)}
                }
            )
        if not results.strip():
            raise ValidationError({"results": _("Describe the results before submitting.")})
    report, _created = ReviewReport.objects.select_for_update(of=("self",)).get_or_create(
        round=review_round, unit=unit
    )
    if report.status == ReviewReport.Status.SUBMITTED:
        raise ValidationError(
            _("This report was already submitted on %(date)s.")
            % {"date": timezone.localtime(report.submitted_at).strftime("%d/%m/%Y")}
        )
    report.results = results.strip()
    report.shortcomings = shortcomings.strip()
    report.lessons = lessons.strip()
    if submit:
        report.status = ReviewReport.Status.SUBMITTED
        report.submitted_at = timezone.now()
        report.submitted_by = actor
    report._history_user = actor
    report.save()
    ReviewValue.objects.filter(report=report).delete()
    ReviewValue.objects.bulk_create(
        [ReviewValue(report=report, indicator=i, value=v) for i, v in cleaned.items()]
    )
    return report
