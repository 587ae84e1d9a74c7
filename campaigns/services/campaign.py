"""Creating, configuring and launching campaigns.

Launching cascades twice: every unit of the included types in the participating subtree gets
a Participant row, and the launching plan is issued through the document registry (or linked,
if already issued), so its recipients get their plan obligations there.
"""

import datetime as dt
from collections.abc import Sequence
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts import permissions
from campaigns.models import (
    Campaign,
    ContentItem,
    CriteriaSet,
    GradeBand,
    Participant,
    ReviewIndicator,
    TieBreaker,
)
from core.refusals import Refusal, refuse
from documents import services as document_services
from documents.models import Document
from organisations.models import Unit, UnitType

__all__ = [
    "close_campaign",
    "create_campaign",
    "launch_campaign",
    "launch_refusals",
    "running_refusal",
    "set_content_items",
    "set_grade_bands",
    "set_tie_breakers",
    "update_campaign",
]

DEFAULT_GRADE_BANDS = [
    # name shown in reports (Vietnamese by the rules), minimum on the 100-point scale
    ("Xuất sắc", Decimal(90)),
    ("Tốt", Decimal(80)),
    ("Khá", Decimal(65)),
    ("Trung bình", Decimal(0)),
]
DEFAULT_INDICATORS = [
    # code, name, unit of measure
    ("meetings", "Cuộc họp, buổi quán triệt", "cuộc"),
    ("people_reached", "Lượt người được quán triệt", "lượt người"),
    ("models_found", "Điển hình tiên tiến phát hiện", "điển hình"),
    ("articles", "Tin, bài người tốt việc tốt", "tin, bài"),
    ("initiatives", "Sáng kiến được công nhận", "sáng kiến"),
]
EDITABLE_WHEN_DRAFT = {
    "name",
    "kind",
    "theme",
    "slogan",
    "starts_on",
    "ends_on",
    "registration_deadline",
    "root_unit",
    "launching_document",
    "reach_threshold",
}
EDITABLE_WHEN_LAUNCHED = {"name", "slogan", "ends_on", "registration_deadline", "reach_threshold"}


def _check_dates(campaign: Campaign) -> None:
    errors = {}
    for field, limit in (("name", 300), ("slogan", 300)):
        if len(getattr(campaign, field) or "") > limit:
            errors[field] = _("At most %(n)s characters.") % {"n": limit}
    if not (campaign.name or "").strip():
        errors["name"] = _("Give the campaign a name.")
    if campaign.starts_on and campaign.ends_on and campaign.ends_on < campaign.starts_on:
        errors["ends_on"] = _("The campaign cannot end before it starts.")
    if (
        campaign.registration_deadline
        and campaign.ends_on
        and campaign.registration_deadline > campaign.ends_on
    ):
        errors["registration_deadline"] = _("The registration deadline must fall before the campaign ends.")
    if not 1 <= int(campaign.reach_threshold or 0) <= 100:
        errors["reach_threshold"] = _("The reach threshold is a percentage between 1 and 100.")
    if errors:
        raise ValidationError(errors)


def _check_root(campaign: Campaign) -> None:
    if not campaign.root_unit.path.startswith(campaign.organiser.path):
        raise ValidationError(
            {"root_unit": _("The participating units must be in the organiser's own subtree.")}
        )


@transaction.atomic
def create_campaign(
    *,
    actor,
    organiser: Unit,
    name: str,
    theme: str,
    starts_on: dt.date,
    ends_on: dt.date,
    included_unit_types: list[UnitType],
    kind: str = Campaign.Kind.SPECIAL,
    slogan: str = "",
    root_unit: Unit | None = None,
    registration_deadline: dt.date | None = None,
    launching_document: Document | None = None,
    movements=(),
    reach_threshold: int = 80,
    content_items: Sequence[tuple[str, str]] = (),
) -> Campaign:
    """A draft campaign with the default grade bands and review indicators."""
    if not permissions.can_organise_campaigns(actor, organiser):
        raise PermissionDenied(_("You may only organise campaigns for units in your scope."))
    campaign = Campaign(
        organiser=organiser,
        root_unit=root_unit or organiser,
        name=name,
        theme=theme,
        kind=kind,
        slogan=slogan,
        starts_on=starts_on,
        ends_on=ends_on,
        registration_deadline=registration_deadline,
        launching_document=launching_document,
        reach_threshold=reach_threshold,
        created_by=actor,
    )
    _check_dates(campaign)
    _check_root(campaign)
    if not included_unit_types:
        raise ValidationError({"included_unit_types": _("Choose at least one type of unit that takes part.")})
    campaign._history_user = actor
    campaign.save()
    campaign.included_unit_types.set(included_unit_types)
    campaign.movements.set(movements)
    GradeBand.objects.bulk_create(
        [GradeBand(campaign=campaign, name=n, min_score=m) for n, m in DEFAULT_GRADE_BANDS]
    )
    ReviewIndicator.objects.bulk_create(
        [
            ReviewIndicator(campaign=campaign, code=code, name=label, unit_of_measure=uom, order=i)
            for i, (code, label, uom) in enumerate(DEFAULT_INDICATORS, start=1)
        ]
    )
    if content_items:
        _replace_content_items(campaign, content_items)
    return campaign


@transaction.atomic
def update_campaign(
    *, actor, campaign: Campaign, included_unit_types=None, movements=None, **fields
) -> Campaign:
    campaign = (
        Campaign.objects.select_for_update(of=("self",))
        .select_related("organiser", "root_unit")
        .get(pk=campaign.pk)
    )
    if not permissions.can_manage_campaign(actor, campaign):
        raise PermissionDenied
    allowed = EDITABLE_WHEN_DRAFT if campaign.is_draft else EDITABLE_WHEN_LAUNCHED
    for key, value in fields.items():
        if key not in EDITABLE_WHEN_DRAFT:
            raise TypeError(f"not editable: {key}")
        if key not in allowed and getattr(campaign, key) != value:
            raise ValidationError({key: _("This cannot change once the campaign is launched.")})
        setattr(campaign, key, value)
    _check_dates(campaign)
    _check_root(campaign)
    campaign._history_user = actor
    campaign.save()
    if included_unit_types is not None and campaign.is_draft:
        if not included_unit_types:
            raise ValidationError(
                {"included_unit_types": _("Choose at least one type of unit that takes part.")}
            )
        campaign.included_unit_types.set(included_unit_types)
    if movements is not None:
        campaign.movements.set(movements)
    return campaign


def _replace_content_items(campaign: Campaign, items: Sequence[tuple[str, str]]) -> None:
    cleaned = [(title.strip(), (text or "").strip()) for title, text in items if title and title.strip()]
    ContentItem.objects.filter(campaign=campaign).delete()
    ContentItem.objects.bulk_create(
        [
            ContentItem(campaign=campaign, order=i, title=title[:300], text=text)
            for i, (title, text) in enumerate(cleaned, start=1)
        ]
    )


@transaction.atomic
def set_content_items(*, actor, campaign: Campaign, items: list[tuple[str, str]]) -> None:
    """Replace the campaign's content items (nội dung chủ yếu), in the given order."""
    if not permissions.can_manage_campaign(actor, campaign):
        raise PermissionDenied
    if not campaign.is_draft:
        raise ValidationError(_("The content items of a launched campaign cannot change."))
    _replace_content_items(campaign, items)


@transaction.atomic
def set_grade_bands(*, actor, campaign: Campaign, bands: Sequence[tuple[str, Decimal | int]]) -> None:
    if not permissions.can_manage_campaign(actor, campaign):
        raise PermissionDenied
    names = [name.strip() for name, _minimum in bands]
    minimums = [Decimal(minimum) for _name, minimum in bands]
    if not bands:
        raise ValidationError({"grade_bands": _("Keep at least one grade.")})
    if any(not name for name in names) or len(set(names)) != len(names):
        raise ValidationError({"grade_bands": _("Every grade needs a name, and names cannot repeat.")})
    if any(not 0 <= m <= 100 for m in minimums) or len(set(minimums)) != len(minimums):
        raise ValidationError({"grade_bands": _("Each grade starts at a different score between 0 and 100.")})
    GradeBand.objects.filter(campaign=campaign).delete()
    GradeBand.objects.bulk_create(
        [GradeBand(campaign=campaign, name=n, min_score=m) for n, m in zip(names, minimums, strict=True)]
    )


@transaction.atomic
def set_tie_breakers(*, actor, campaign: Campaign, rules: list[str]) -> None:
    """The ordered rules that separate units with the same total: "criteria_at_max",
    "earlier_submission" and "criterion:<code>" (a criterion of the campaign's current set)."""
    if not permissions.can_manage_campaign(actor, campaign):
        raise PermissionDenied
    criteria_set = CriteriaSet.objects.filter(campaign=campaign).order_by("-version").first()
    codes = set(criteria_set.criteria.values_list("code", flat=True)) if criteria_set else set()
    seen = set()
    for rule in rules:
        kind, _sep, code = rule.partition(":")
        if kind not in TieBreaker.values or (kind == TieBreaker.CRITERION) != bool(code):
            raise ValidationError(
                {"tie_breakers": _("“%(rule)s” is not a tie-breaking rule.") % {"rule": rule}}
            )
        if kind == TieBreaker.CRITERION and code not in codes:
            raise ValidationError(
                {"tie_breakers": _("There is no criterion with code %(code)s.") % {"code": code}}
            )
        if rule in seen:
            raise ValidationError({"tie_breakers": _("Each tie-breaking rule can be used once.")})
        seen.add(rule)
    campaign.tie_breakers = list(rules)
    campaign._history_user = actor
    campaign.save(update_fields=["tie_breakers"])


def _top_participants(units: list[Unit], root: Unit) -> list[Unit]:
    """Participating units with no participating ancestor below the root: the plan's recipients."""
    ids = {u.pk for u in units}
    return [
        u for u in units if u.pk != root.pk and not any(a in ids and a != root.pk for a in u.ancestor_ids)
    ]


def launch_refusals(campaign: Campaign) -> list[Refusal]:
    """What a draft campaign still lacks before it can be launched (the launch page shows them and
    `launch_campaign` raises them), each naming the step that adds it."""
    edit_url = reverse("campaigns:campaign_edit", args=[campaign.pk])
    refusals = []
    if not campaign.included_unit_types.exists():
        refusals.append(
            Refusal(
                _("Choose at least one type of unit that takes part."),
                field="included_unit_types",
                next_step=_("Edit the campaign and tick the unit types that take part."),
                next_url=edit_url,
            )
        )
    if not campaign.content_items.exists():
        refusals.append(
            Refusal(
                _("Add the campaign's content items before launching it."),
                field="content_items",
                next_step=_("Edit the campaign and write its content items, one per line."),
                next_url=edit_url,
            )
        )
    plan = campaign.launching_document
    plan_refusal = ""
    if plan is None:
        plan_refusal = _("Choose the plan that launches the campaign.")
    elif plan.issuer_unit_id != campaign.organiser_id:
        plan_refusal = _("The launching plan must be issued by the organising unit.")
    elif plan.status not in (Document.Status.DRAFT, Document.Status.ISSUED):
        plan_refusal = _("The launching plan has been revoked; choose another one.")
    if plan_refusal:
        refusals.append(
            Refusal(
                plan_refusal,
                field="launching_document",
                next_step=_(
                    "Edit the campaign and choose its launching plan (drafted in the document registry)."
                ),
                next_url=edit_url,
            )
        )
    return refusals


@transaction.atomic
def launch_campaign(*, actor, campaign: Campaign, issued_on: dt.date | None = None) -> Campaign:
    """Launch a draft campaign: every unit of the included types in the subtree (existing on the
    start date) takes part, and the launching plan is issued (or linked, if already issued) so
    its recipients get their plan obligations."""
    campaign = (
        Campaign.objects.select_for_update(of=("self",))
        .select_related("organiser", "root_unit", "launching_document")
        .get(pk=campaign.pk)
    )
    if not permissions.can_manage_campaign(actor, campaign):
        raise PermissionDenied(_("Only the organising unit's officers can launch this campaign."))
    if not campaign.is_draft:
        raise ValidationError(
            _("This campaign was already launched on %(date)s.")
            % {
                "date": timezone.localtime(campaign.launched_at).strftime("%d/%m/%Y")
                if campaign.launched_at
                else "—"
            }
        )
    refuse(launch_refusals(campaign))
    plan = campaign.launching_document
    type_ids = list(campaign.included_unit_types.values_list("pk", flat=True))
    assert plan is not None  # an error otherwise

    root = campaign.root_unit
    units = list(
        Unit.objects.in_subtree(root)
        .current(on=campaign.starts_on)
        .filter(unit_type_id__in=type_ids)
        .order_by("path")
    )
    if not units:
        raise ValidationError(
            {"included_unit_types": _("No unit of the chosen types exists in the subtree.")}
        )
    if plan.status == Document.Status.DRAFT:
        if not plan.recipients.exists():
            document_services.set_recipients(actor=actor, document=plan, units=_top_participants(units, root))
        document_services.issue_document(actor=actor, document=plan, issued_on=issued_on)
    today = timezone.localdate()
    Participant.objects.bulk_create(
        [Participant(campaign=campaign, unit=unit, joined_on=today) for unit in units], batch_size=1000
    )
    campaign.status = Campaign.Status.LAUNCHED
    campaign.launched_at = timezone.now()
    campaign.launched_by = actor
    campaign._history_user = actor
    campaign.save(update_fields=["status", "launched_at", "launched_by"])
    return campaign


@transaction.atomic
def close_campaign(*, actor, campaign: Campaign) -> Campaign:
    campaign = (
        Campaign.objects.select_for_update(of=("self",)).select_related("organiser").get(pk=campaign.pk)
    )
    if not permissions.can_manage_campaign(actor, campaign):
        raise PermissionDenied
    if not campaign.is_launched:
        raise ValidationError(_("Only a running campaign can be closed."))
    campaign.status = Campaign.Status.CLOSED
    campaign._history_user = actor
    campaign.save(update_fields=["status"])
    return campaign


def running_refusal(campaign: Campaign) -> Refusal | None:
    """Units act on a campaign only while it runs (launched, not closed)."""
    if campaign.status == Campaign.Status.DRAFT:
        return Refusal(
            _("The campaign has not been launched yet."),
            next_step=_("Its organising unit launches it; the forms open then."),
        )
    if campaign.status == Campaign.Status.CLOSED:
        return Refusal(
            _("The campaign is closed."), next_step=_("Its results stay readable on the campaign page.")
        )
    return None


def require_running(campaign: Campaign) -> None:
    refuse(running_refusal(campaign))


def require_participant(campaign: Campaign, unit: Unit) -> None:
    if not Participant.objects.filter(campaign=campaign, unit=unit).exists():
        raise ValidationError(
            _("%(unit)s does not take part in this campaign.") % {"unit": unit.display_name}
        )
