"""Every permission in thidua is decided here.

A user holds roles over units (`RoleAssignment`); a role over a unit covers its whole
subtree. Views, templates and the API ask these predicates and scope their querysets
with `visible_units`; objects outside the scope answer 404, so ids of other units reveal
nothing.
"""

from collections.abc import Iterable

from django.db.models import QuerySet

from accounts.models import Role
from organisations.models import Member, Unit

MANAGE_ROLES = {Role.ADMIN, Role.OFFICER}
ALL_ROLES = set(Role)


def _scopes(user) -> list[tuple[str, str]]:
    """(role, unit path) pairs of the user, read once per request object."""
    if not getattr(user, "is_authenticated", False):
        return []
    cached = getattr(user, "_thidua_scopes", None)
    if cached is None:
        cached = list(user.role_assignments.values_list("role", "unit__path"))
        user._thidua_scopes = cached
    return cached


def scope_paths(user, roles: Iterable[str] = ALL_ROLES) -> list[str]:
    roles = set(roles)
    return [path for role, path in _scopes(user) if role in roles]


def has_role(user, roles: Iterable[str], unit: Unit | None = None) -> bool:
    """The user holds one of `roles` over `unit` (over any unit when `unit` is None)."""
    paths = scope_paths(user, roles)
    if unit is None:
        return bool(paths)
    return any(unit.path.startswith(path) for path in paths)


def is_admin(user) -> bool:
    return has_role(user, {Role.ADMIN})


def visible_units(user, roles: Iterable[str] = ALL_ROLES) -> QuerySet[Unit]:
    return Unit.objects.in_subtrees(scope_paths(user, roles))


def visible_members(user) -> QuerySet[Member]:
    paths = scope_paths(user)
    return Member.objects.filter(unit__in=Unit.objects.in_subtrees(paths).values("pk"))


def can_view_unit(user, unit: Unit) -> bool:
    return has_role(user, ALL_ROLES, unit)


def can_manage_unit(user, unit: Unit) -> bool:
    """Edit a unit's details and its members: administrators and officers of the subtree."""
    return has_role(user, MANAGE_ROLES, unit)


def can_restructure_unit(user, unit: Unit) -> bool:
    """Move, end or merge a unit, or add units under it: administrators only."""
    return has_role(user, {Role.ADMIN}, unit)


def can_manage_unit_types(user) -> bool:
    return is_admin(user)


def can_view_personal_data(user, unit: Unit) -> bool:
    """Birth dates, ethnicity and the like: only those who manage the member's unit."""
    return can_manage_unit(user, unit)


def can_manage_members(user, unit: Unit) -> bool:
    return can_manage_unit(user, unit) and unit.unit_type.may_have_members


def can_view_history(user) -> bool:
    return is_admin(user)


def can_manage_users(user, unit: Unit | None = None) -> bool:
    return has_role(user, {Role.ADMIN}, unit)


# Documents ---------------------------------------------------------------------------

def can_manage_documents(user, unit: Unit | None) -> bool:
    """Draft, edit and issue documents in a unit's name: its administrators and officers."""
    return unit is not None and has_role(user, MANAGE_ROLES, unit)


def can_act_for_unit(user, unit: Unit) -> bool:
    """Acknowledge what was sent to a unit, record its work: officers over it."""
    return has_role(user, MANAGE_ROLES, unit)


def officers_by_unit(units) -> dict[int, list]:
    """For each unit, the users holding an officer or administrator role over it (its own or
    an ancestor's), in one query."""
    from accounts.models import RoleAssignment

    units = list(units)
    ancestor_ids = {aid for u in units for aid in [*u.ancestor_ids, u.pk]}
    assignments = RoleAssignment.objects.filter(unit_id__in=ancestor_ids, role__in=MANAGE_ROLES).select_related("user", "unit")
    result: dict[int, list] = {u.pk: [] for u in units}
    for unit in units:
        for assignment in assignments:
            # the unit's own officers first; ancestors' only when the unit has none
            if assignment.unit_id == unit.pk:
                result[unit.pk].append(assignment.user)
    for unit in units:
        if not result[unit.pk]:
            nearest = sorted((a for a in assignments if a.unit_id in unit.ancestor_ids), key=lambda a: -a.unit.depth)
            if nearest:
                depth = nearest[0].unit.depth
                result[unit.pk] = [a.user for a in nearest if a.unit.depth == depth]
    return result


def officers_of_units(units) -> list:
    return [user for users in officers_by_unit(units).values() for user in users]
