"""Writes to the organisation tree and its members. Each function is one use case and
runs in one transaction; history is recorded by simple-history on every save."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F, Value
from django.db.models.functions import Concat, Substr
from django.utils import timezone
from django.utils.translation import gettext as _

from core.signed_in import forget_everyone
from organisations import restructure, subtree_tallies
from organisations.models import PATH_SEPARATOR, Member, Unit, UnitType


def _check_parent(unit_type: UnitType, parent: Unit | None) -> None:
    if parent is None:
        return
    if not parent.unit_type.may_have_children:
        raise ValidationError(
            {"parent": _("A unit of type “%(type)s” cannot have child units.") % {"type": parent.unit_type}}
        )
    if unit_type.level <= parent.unit_type.level:
        raise ValidationError(
            {
                "unit_type": _(
                    "A “%(child)s” cannot be placed under a “%(parent)s”: its level must be lower."
                )
                % {"child": unit_type, "parent": parent.unit_type}
            }
        )


def _check_exists(unit: Unit | None, field: str) -> None:
    """New work goes only to units that exist today: an ended unit keeps its records, gets no new ones."""
    if unit is not None and not unit.is_current():
        raise ValidationError({field: _("“%(unit)s” has ended: it takes no new work.") % {"unit": unit.name}})


def _check_dates(valid_from: date | None, valid_to: date | None) -> None:
    if valid_from and valid_to and valid_to < valid_from:
        raise ValidationError({"valid_to": _("The end date cannot be before the start date.")})


@transaction.atomic
def create_unit(*, unit_type: UnitType, parent: Unit | None, name: str, code: str, **fields) -> Unit:
    _check_parent(unit_type, parent)
    _check_exists(parent, "parent")
    _check_dates(fields.get("valid_from"), fields.get("valid_to"))
    if Unit.objects.filter(code=code).exists():
        raise ValidationError({"code": _("The unit code “%(code)s” is already used.") % {"code": code}})
    unit = Unit(unit_type=unit_type, parent=parent, name=name, code=code, **fields)
    unit.path = "pending"
    unit.save()
    unit.path = f"{parent.path if parent else PATH_SEPARATOR}{unit.pk}{PATH_SEPARATOR}"
    unit.depth = parent.depth + 1 if parent else 0
    Unit.objects.filter(pk=unit.pk).update(path=unit.path, depth=unit.depth)
    return unit


@transaction.atomic
def update_unit(unit: Unit, **fields) -> Unit:
    """Change a unit's own details (not its place in the tree: see `move_unit`)."""
    for key in ("parent", "path", "depth"):
        fields.pop(key, None)
    if "code" in fields and Unit.objects.filter(code=fields["code"]).exclude(pk=unit.pk).exists():
        raise ValidationError(
            {"code": _("The unit code “%(code)s” is already used.") % {"code": fields["code"]}}
        )
    for key, value in fields.items():
        setattr(unit, key, value)
    _check_dates(unit.valid_from, unit.valid_to)
    if "unit_type" in fields:
        _check_parent(unit.unit_type, unit.parent)
    unit.save()
    return unit


@transaction.atomic
def move_unit(unit: Unit, new_parent: Unit) -> Unit:
    """Put a unit (with its whole subtree) under another parent."""
    unit = Unit.objects.select_for_update().get(pk=unit.pk)
    new_parent = Unit.objects.select_related("unit_type").get(pk=new_parent.pk)
    if new_parent.path.startswith(unit.path):
        raise ValidationError(
            {"parent": _("A unit cannot be moved under itself or one of its own sub-units.")}
        )
    _check_parent(unit.unit_type, new_parent)
    _check_exists(new_parent, "parent")
    subtree_tallies.move_all(unit, new_parent)  # before the paths change: it reads the old ancestors
    old_path = unit.path
    new_path = f"{new_parent.path}{unit.pk}{PATH_SEPARATOR}"
    depth_change = new_parent.depth + 1 - unit.depth
    Unit.objects.filter(path__startswith=old_path).update(
        path=Concat(Value(new_path), Substr("path", len(old_path) + 1)),
        depth=F("depth") + depth_change,
    )
    forget_everyone()  # the signed-in users' roles hold their units' paths
    unit.refresh_from_db()
    unit.parent = new_parent
    unit.save(update_fields=["parent", "name", "short_name", "search_text", "sort_name"])
    return unit


@transaction.atomic
def end_unit(
    unit: Unit,
    *,
    on: date,
    merged_into: Unit | None = None,
    move_members: bool = True,
    child_parents: dict[int, Unit] | None = None,
    actor=None,
) -> Unit:
    """Close a unit on a date, e.g. a district federation ended on 1/7/2025. Its current child
    units move to `merged_into` (the successor) or to the parent picked for each in
    `child_parents`; with a successor its members and its work still open after the date move
    too (`organisations.restructure`). The unit, its history and its closed records stay."""
    unit = Unit.objects.select_for_update().select_related("unit_type").get(pk=unit.pk)
    if unit.valid_to is not None:
        raise ValidationError({"valid_to": _("This unit has already ended.")})
    if unit.valid_from and on < unit.valid_from:
        raise ValidationError({"valid_to": _("The end date cannot be before the start date.")})
    # read again: the caller's copies may predate another restructure
    if merged_into is not None:
        merged_into = Unit.objects.select_related("unit_type").get(pk=merged_into.pk)
    child_parents = {
        pk: Unit.objects.select_related("unit_type").get(pk=parent.pk)
        for pk, parent in (child_parents or {}).items()
    }
    for target in [merged_into, *child_parents.values()]:
        if target is None:
            continue
        if target.path.startswith(unit.path):
            raise ValidationError(
                {"merged_into": _("A unit cannot be merged into itself or one of its sub-units.")}
            )
        if not target.is_current(on):
            raise ValidationError(
                {"merged_into": _("“%(unit)s” does not exist on the end date.") % {"unit": target.name}}
            )
    plan = restructure.plan_end(
        unit, on=on, successor=merged_into, child_parents=child_parents, move_members=move_members
    )
    for child, new_parent in plan.moves:
        move_unit(child, new_parent)
    if merged_into is not None and move_members:
        for member in unit.members.all():
            member.unit = merged_into
            member.save()
    restructure.apply_end(plan, actor=actor)
    unit.refresh_from_db()
    unit.valid_to = on
    unit.merged_into = merged_into
    if actor is not None:
        unit._history_user = actor
    unit.save()
    return unit


def _validate_member(member: Member) -> None:
    today = timezone.localdate()
    errors: dict[str, str | list[str]] = {}
    if member.birth_date and member.birth_date > today:
        errors["birth_date"] = _("The birth date cannot be in the future.")
    if member.joined_on and member.joined_on > today:
        errors["joined_on"] = _("The union membership date cannot be in the future.")
    if member.birth_date and member.joined_on and member.joined_on <= member.birth_date:
        errors["joined_on"] = _("The union membership date must be after the birth date.")
    try:
        member.clean()  # the member's own rules: no leaving date while active, none before the joining date
    except ValidationError as exc:
        errors.update(exc.message_dict)
    if not member.unit.unit_type.may_have_members:
        errors["unit"] = _("Units of type “%(type)s” do not hold members directly.") % {
            "type": member.unit.unit_type
        }
    if Member.objects.filter(code=member.code).exclude(pk=member.pk).exists():
        errors["code"] = code_refused(member.code)
    if errors:
        raise ValidationError(errors)


def code_refused(code: str) -> str:
    """Why a member code taken by another member is refused. Codes are unique in the whole system
    (a member keeps theirs through transfers and mergers; the award import finds members by it), so
    the code must be refused wherever its holder is; the words neither say that it "already exists"
    nor depend on where, so they confirm no member of a unit the officer cannot see (docs/organisations.md)."""
    return _(
        "The member code “%(code)s” cannot be used for this member: check it against the member's card."
    ) % {"code": code}


@transaction.atomic
def save_member(member: Member) -> Member:
    """Create or update a member after checking the rules forms cannot see."""
    _validate_member(member)  # an active member's leaving date is dropped there (Member.clean)
    try:
        with transaction.atomic():
            member.save()
    except IntegrityError as exc:
        # two saves with the same code at once (a double submit): both passed the check above,
        # the database's unique index lets one through
        if Member.objects.filter(code=member.code).exclude(pk=member.pk).exists():
            raise ValidationError({"code": code_refused(member.code)}) from exc
        raise
    return member
