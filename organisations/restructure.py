"""Ending a unit with a successor (the 2025 structure): what moves, and the move itself.

`plan_end` says, without writing, what ending a unit on a date would move: its current child
units (to the successor, or to the parent the officer picked for each), its members, and the
work still open after the end date, which the new upper level takes over:
- the ended unit's obligations still to fulfil and due on or after the end date go to the
  successor (when the successor issued the plan itself, the plan reaches the moved units
  directly: each gets the obligation the ended unit had);
- nomination batches under review at the ended unit go to the proposing unit's new upper level;
- members' registrations still open in running campaigns follow the member to the new unit.
Registrations and score sheets of the moved units need no rewrite: the level above reviews them,
and the level above is read from the tree, which has changed.
Records closed before the end date keep the unit they were made with.
`apply_end` (called by `services.end_unit`, inside its transaction) carries the plan out.
"""

from dataclasses import dataclass, field
from datetime import date

from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from awards.models import BatchEvent, NominationBatch
from campaigns.models import Campaign, Registration
from documents import tallies
from documents.models import Obligation
from organisations.models import Unit

__all__ = ["EndPlan", "plan_end"]


@dataclass
class EndPlan:
    unit: Unit
    on: date
    successor: Unit | None
    moves: list[tuple[Unit, Unit]] = field(default_factory=list)  # (child, new parent)
    member_count: int = 0
    obligations_to_successor: list[Obligation] = field(default_factory=list)
    obligations_to_children: list[tuple[Obligation, list[Unit]]] = field(default_factory=list)
    batches: list[NominationBatch] = field(default_factory=list)
    registrations: list[Registration] = field(default_factory=list)

    @property
    def obligation_count(self) -> int:
        return len(self.obligations_to_successor) + len(self.obligations_to_children)


def current_children(unit: Unit, on: date) -> list[Unit]:
    """The children that are still in existence on the end date: those are the ones that move."""
    return list(
        unit.children.filter(Q(valid_to__isnull=True) | Q(valid_to__gt=on))
        .select_related("unit_type")
        .order_by("sort_order", "sort_name")
    )


def plan_end(
    unit: Unit,
    *,
    on: date,
    successor: Unit | None,
    child_parents: dict[int, Unit] | None = None,
    move_members: bool = True,
) -> EndPlan:
    """What ending `unit` on `on` would do. Raises ValidationError when a current child unit
    would be left under the ended unit (no successor and no parent picked for it)."""
    if on > timezone.localdate():
        # moving the sub-units now would put them under their new parent before the old one ends
        raise ValidationError(
            {
                "valid_to": _(
                    "The end date %(date)s is in the future: a unit is ended on or after the day it ends, "
                    "so its sub-units keep their parent until then. Come back on that day."
                )
                % {"date": on.strftime("%d/%m/%Y")}
            }
        )
    child_parents = child_parents or {}
    plan = EndPlan(unit=unit, on=on, successor=successor)
    orphans = []
    for child in current_children(unit, on):
        new_parent = child_parents.get(child.pk) or successor
        if new_parent is None:
            orphans.append(child.name)
        else:
            plan.moves.append((child, new_parent))
    if orphans:
        raise ValidationError(
            {
                "merged_into": _(
                    "Choose where the units still under “%(unit)s” go (a successor or a new parent "
                    "for each): %(units)s."
                )
                % {"unit": unit.name, "units": ", ".join(orphans)}
            }
        )
    if successor is None:
        return plan
    if move_members:
        plan.member_count = unit.members.count()
        if plan.member_count and not successor.unit_type.may_have_members:
            raise ValidationError(
                {
                    "merged_into": _("The members cannot move: “%(unit)s” may not hold members.")
                    % {"unit": successor}
                }
            )
    moved_units = [child for child, _parent in plan.moves]
    obligations = (
        Obligation.objects.filter(unit=unit, fulfilled_at__isnull=True)
        .filter(Q(due_on__isnull=True) | Q(due_on__gte=on))
        .select_related("document")
        .order_by("pk")
    )
    for obligation in obligations:
        if obligation.document.issuer_unit_id == successor.pk:
            receivers = [
                child
                for child in moved_units
                if not Obligation.objects.filter(document=obligation.document, unit=child).exists()
            ]
            plan.obligations_to_children.append((obligation, receivers))
        elif not Obligation.objects.filter(document=obligation.document, unit=successor).exists():
            plan.obligations_to_successor.append(obligation)
    plan.batches = list(
        NominationBatch.objects.filter(at_unit=unit, status=NominationBatch.Status.SUBMITTED)
        .exclude(proposing_unit=unit)
        .select_related("proposing_unit", "round")
    )
    if move_members:
        plan.registrations = list(
            Registration.objects.filter(
                unit=unit,
                member__isnull=False,
                status__in=[Registration.Status.SUBMITTED, Registration.Status.RETURNED],
                campaign__ends_on__gte=on,
            ).exclude(campaign__status=Campaign.Status.CLOSED)
        )
    return plan


def _upper_level(unit: Unit, on: date) -> Unit | None:
    """The nearest ancestor still in existence on the date (after the moves)."""
    for ancestor in reversed(list(unit.ancestors())):
        if ancestor.is_current(on):
            return ancestor
    return None


def apply_end(plan: EndPlan, *, actor=None) -> None:
    """Re-route the open work of `plan` (its children and members have already moved)."""
    successor = plan.successor
    if successor is None:
        return
    for obligation in plan.obligations_to_successor:
        tallies.count_obligations([obligation], sign=-1)
        obligation._history_user = actor
        obligation.unit = successor
        obligation.save(update_fields=["unit"])
        tallies.count_obligations([obligation])
    for obligation, receivers in plan.obligations_to_children:
        for child in receivers:
            tallies.count_obligations(
                [
                    Obligation.objects.create(
                        document=obligation.document,
                        unit=child,
                        requires_plan=obligation.requires_plan,
                        due_on=obligation.due_on,
                    )
                ]
            )
    comment = _("Re-routed: “%(unit)s” ended on %(date)s.") % {
        "unit": plan.unit.name,
        "date": date_format(plan.on, "d/m/Y"),
    }
    for batch in plan.batches:
        batch.proposing_unit.refresh_from_db()
        to_unit = _upper_level(batch.proposing_unit, plan.on) or successor
        batch.at_unit = to_unit
        batch.save(update_fields=["at_unit"])
        BatchEvent.objects.create(
            batch=batch,
            action=BatchEvent.Action.FORWARD,
            from_unit=plan.unit,
            to_unit=to_unit,
            comment=comment,
            actor=actor,
        )
    for registration in plan.registrations:  # their members have moved to the successor
        registration._history_user = actor
        registration.unit = successor
        registration.save(update_fields=["unit"])
