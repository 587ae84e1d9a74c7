"""Reads of public comment: what the portal publishes now (name, unit, form, achievement; nothing
more), and what the council must wait for."""

import datetime as dt

from django.db.models import QuerySet
from django.utils import timezone

from awards.models import Nomination, PublicConsultation
from organisations.models import Unit

__all__ = ["comment_periods", "consultation_of", "published_consultations"]


def published_consultations(on: dt.date | None = None) -> QuerySet[PublicConsultation]:
    """Consultations open for comment on a date (today by default), for the public portal."""
    on = on or timezone.localdate()
    return (
        PublicConsultation.objects.filter(opened_on__lte=on, closes_on__gte=on)
        .select_related(
            "nomination__form",
            "nomination__member__unit",
            "nomination__unit",
            "nomination__batch__round__deciding_unit",
        )
        .order_by("closes_on", "pk")
    )


def comment_periods(unit: Unit) -> QuerySet[PublicConsultation]:
    """The comment periods of nominations waiting at the unit's council, latest end first."""
    return (
        PublicConsultation.objects.filter(
            nomination__batch__round__deciding_unit=unit,
            nomination__status=Nomination.Status.PROPOSED,
            closes_on__gte=timezone.localdate(),
        )
        .select_related("nomination__form", "nomination__member", "nomination__unit")
        .order_by("-closes_on", "pk")
    )


def consultation_of(nomination: Nomination) -> PublicConsultation | None:
    """The nomination's public comment period with its comments, if it was published."""
    return PublicConsultation.objects.filter(nomination=nomination).prefetch_related("comments").first()
