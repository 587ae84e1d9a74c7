"""Registration (đăng ký thi đua) by units and members, and its approval by the level above."""

import datetime as dt
from collections.abc import Mapping
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts import permissions
from campaigns.models import (
    COLLECTIVE_TITLES,
    INDIVIDUAL_TITLES,
    AimedTitle,
    Campaign,
    Criterion,
    Registration,
    RegistrationTarget,
)
from campaigns.services.campaign import require_participant, require_running, running_refusal
from campaigns.services.criteria import current_criteria_set
from campaigns.services.figures import entered_figure
from core.notifications import notify
from core.refusals import Refusal, refuse
from organisations.models import Member, Unit

__all__ = [
    "approve_registration",
    "member_registration_refusal",
    "register",
    "registration_refusal",
    "return_registration",
]


def _clean_targets(campaign: Campaign, targets: Mapping[int, object]) -> dict[Criterion, Decimal]:
    criteria_set = current_criteria_set(campaign)
    quantitative = (
        {c.pk: c for c in criteria_set.criteria.filter(target_value__isnull=False)} if criteria_set else {}
    )
    cleaned: dict[Criterion, Decimal] = {}
    for criterion_id, raw in targets.items():
        if raw in (None, ""):
            continue
        criterion = quantitative.get(int(criterion_id))
        if criterion is None:
            raise ValidationError(
                {"targets": _("Targets can only be registered for the campaign's quantitative criteria.")}
            )
        cleaned[criterion] = entered_figure(
            raw,
            field="targets",
            name=f"“{criterion.label}”",
            negative=_("“%(criterion)s”: a target cannot be negative.") % {"criterion": criterion.label},
        )
    return cleaned


def registration_refusal(
    campaign: Campaign, registration: Registration | None, *, today: dt.date | None = None
) -> Refusal | None:
    """Why this registration (None: a new one) cannot be sent now, or None: the campaign must run, an
    approved registration never changes, and after the deadline only a returned one may be sent
    again (it was made in time). The registration page shows it; `register` raises it."""
    running = running_refusal(campaign)
    if running is not None:
        return running
    if registration is not None and registration.status == Registration.Status.APPROVED:
        return Refusal(_("This registration was already approved; it cannot change."))
    today = today or timezone.localdate()
    deadline = campaign.registration_deadline
    if deadline is not None and today > deadline:
        if registration is None or registration.status == Registration.Status.SUBMITTED:
            return Refusal(
                _("Registration for this campaign closed on %(date)s.")
                % {"date": deadline.strftime("%d/%m/%Y")},
                next_step=_(
                    "A registration the level above returned can still be corrected and sent again; "
                    "for a new one, ask %(organiser)s to extend the deadline."
                )
                % {"organiser": campaign.organiser.display_name},
                next_url=reverse("campaigns:campaign", args=[campaign.pk]),
            )
    return None


def member_registration_refusal(campaign: Campaign, unit: Unit) -> Refusal | None:
    """The member registration page is closed when no member of the unit could be registered: the
    campaign does not run, or the deadline passed and no member's registration was returned."""
    refusal = registration_refusal(campaign, None)
    if refusal is None or running_refusal(campaign) is not None:
        return refusal
    returned = Registration.objects.filter(
        campaign=campaign, unit=unit, member__isnull=False, status=Registration.Status.RETURNED
    )
    return None if returned.exists() else refusal


@transaction.atomic
def register(
    *,
    actor,
    campaign: Campaign,
    unit: Unit,
    member: Member | None = None,
    aimed_title: str = "",
    aimed_title_other: str = "",
    commitments: str = "",
    targets: Mapping[int, object] | None = None,
) -> Registration:
    """Register a unit (or, with `member`, one of its members) for the campaign, by the deadline.
    A returned registration may be corrected and sent again, also after the deadline."""
    require_running(campaign)
    if member is not None:
        unit = member.unit
    if not permissions.can_act_for_unit(actor, unit):
        raise PermissionDenied(_("You may only register units in your scope."))
    if not unit.is_current():
        raise ValidationError(
            _("%(unit)s has ended: it can no longer register.") % {"unit": unit.display_name}
        )
    require_participant(campaign, unit)
    if member is not None and member.status != Member.Status.ACTIVE:
        raise ValidationError(
            {"member": _("%(name)s is no longer an active member.") % {"name": member.full_name}}
        )
    aimed_title_other = aimed_title_other.strip()
    if aimed_title and aimed_title not in AimedTitle.values:
        raise ValidationError({"aimed_title": _("Choose a title from the list.")})
    if not aimed_title and not aimed_title_other:
        raise ValidationError({"aimed_title": _("Choose the title you aim for, or write it in.")})
    if aimed_title and aimed_title not in (INDIVIDUAL_TITLES if member is not None else COLLECTIVE_TITLES):
        raise ValidationError(
            {
                "aimed_title": _("%(title)s is a title for individuals, not for a collective.")
                % {"title": AimedTitle(aimed_title).label}
                if member is None
                else _("%(title)s is a title for collectives, not for a member.")
                % {"title": AimedTitle(aimed_title).label}
            }
        )
    cleaned = _clean_targets(campaign, targets or {})

    lookup = (
        {"campaign": campaign, "member": member}
        if member
        else {"campaign": campaign, "unit": unit, "member__isnull": True}
    )
    registration = Registration.objects.select_for_update(of=("self",)).filter(**lookup).first()
    refuse(registration_refusal(campaign, registration))
    if registration is None:
        registration = Registration(campaign=campaign, unit=unit, member=member)
    registration.aimed_title = aimed_title
    registration.aimed_title_other = aimed_title_other[:200]
    registration.commitments = commitments.strip()
    registration.status = Registration.Status.SUBMITTED
    registration.submitted_at = timezone.now()
    registration.submitted_by = actor
    registration._history_user = actor
    registration.save()
    RegistrationTarget.objects.filter(registration=registration).delete()
    RegistrationTarget.objects.bulk_create(
        [
            RegistrationTarget(registration=registration, criterion=criterion, target_value=value)
            for criterion, value in cleaned.items()
        ]
    )
    return registration


def _locked_for_review(actor, registration: Registration) -> Registration:
    registration = (
        Registration.objects.select_for_update(of=("self",))
        .select_related("unit", "campaign")
        .get(pk=registration.pk)
    )
    if not permissions.can_review_registration(actor, registration):
        raise PermissionDenied(_("Only the level above may approve or return this registration."))
    if registration.status == Registration.Status.APPROVED:
        raise ValidationError(_("This registration was already approved."))
    if registration.status == Registration.Status.RETURNED:
        raise ValidationError(_("This registration was already returned to the unit for changes."))
    return registration


def _tell_the_unit(registration: Registration, text: str) -> None:
    """The officer who registered hears of the decision (in the app, and by e-mail after commit)."""
    if registration.submitted_by_id:
        notify(
            [registration.submitted_by],
            text,
            reverse("campaigns:registration_detail", args=[registration.campaign_id, registration.pk]),
        )


@transaction.atomic
def approve_registration(*, actor, registration: Registration, comment: str = "") -> Registration:
    registration = _locked_for_review(actor, registration)
    registration.status = Registration.Status.APPROVED
    registration.review_comment = comment.strip()
    registration.reviewed_at = timezone.now()
    registration.reviewed_by = actor
    registration._history_user = actor
    registration.save()
    _tell_the_unit(registration, _("The registration of %(who)s was approved.") % {"who": registration})
    return registration


@transaction.atomic
def return_registration(*, actor, registration: Registration, comment: str) -> Registration:
    """Send a registration back with a comment saying what to change."""
    if not comment or not comment.strip():
        raise ValidationError(
            {"review_comment": _("Say what the unit should change when returning a registration.")}
        )
    registration = _locked_for_review(actor, registration)
    registration.status = Registration.Status.RETURNED
    registration.review_comment = comment.strip()
    registration.reviewed_at = timezone.now()
    registration.reviewed_by = actor
    registration._history_user = actor
    registration.save()
    _tell_the_unit(
        registration,
        _("The registration of %(who)s was returned: %(comment)s")
        % {"who": registration, "comment": registration.review_comment},
    )
    return registration
