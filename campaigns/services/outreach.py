"""Recording dissemination sessions (quán triệt, tuyên truyền) and who they reached."""

import datetime as dt

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts import permissions
from campaigns.models import Campaign, DisseminationSession
from campaigns.models.outreach import CATEGORY_FIELDS
from campaigns.services.campaign import require_participant, require_running
from organisations.models import Unit

__all__ = ["delete_session", "record_session"]

MAX_PEOPLE = 1_000_000


@transaction.atomic
def record_session(
    *,
    actor,
    campaign: Campaign,
    unit: Unit,
    held_on: dt.date,
    topic: str,
    form: str = DisseminationSession.Form.MEETING,
    documents=(),
    note: str = "",
    **participants: int,
) -> DisseminationSession:
    """Record a meeting or session a unit held, with the people it reached by category
    (officers, members, civil_servants, public_employees, workers)."""
    require_running(campaign)
    if not permissions.can_act_for_unit(actor, unit):
        raise PermissionDenied(_("You may only record sessions of units in your scope."))
    require_participant(campaign, unit)
    unknown = set(participants) - set(CATEGORY_FIELDS)
    if unknown:
        raise TypeError(f"not participant categories: {unknown}")
    errors = {}
    if held_on < campaign.starts_on:
        errors["held_on"] = _("The session was held before the campaign started (%(date)s).") % {
            "date": campaign.starts_on.strftime("%d/%m/%Y")
        }
    elif held_on > timezone.localdate():
        errors["held_on"] = _("The date cannot be in the future.")
    if not topic or not topic.strip():
        errors["topic"] = _("Give the session's topic.")
    elif len(topic.strip()) > 300:
        errors["topic"] = _("At most %(n)s characters.") % {"n": 300}
    counts = {name: int(participants.get(name) or 0) for name in CATEGORY_FIELDS}
    if any(value < 0 for value in counts.values()):
        errors["officers"] = _("The number of people cannot be negative.")
    elif any(value > MAX_PEOPLE for value in counts.values()):
        errors["officers"] = _(
            "More than %(n)s people in one session is not plausible; check the number."
        ) % {"n": f"{MAX_PEOPLE:,}".replace(",", ".")}
    elif sum(counts.values()) == 0:
        errors["officers"] = _("Enter how many people took part, by category.")
    if form not in DisseminationSession.Form.values:
        errors["form"] = _("Choose the form of the session.")
    if errors:
        raise ValidationError(errors)
    session = DisseminationSession.objects.create(
        campaign=campaign,
        unit=unit,
        held_on=held_on,
        form=form,
        topic=topic.strip(),
        note=note.strip(),
        recorded_by=actor,
        **counts,
    )
    if documents:
        session.documents.set(documents)
    return session


@transaction.atomic
def delete_session(*, actor, session: DisseminationSession) -> None:
    if not permissions.can_act_for_unit(actor, session.unit):
        raise PermissionDenied
    require_running(session.campaign)
    session.delete()
