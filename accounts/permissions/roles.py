"""Roles and the scopes they open: a user's (role, unit path) pairs read once per request, the
units and members they make visible, and the named scopes views ask for (`managed_units`,
`acting_units`), so the role sets stay in this package."""

from collections.abc import Callable, Iterable
from typing import TypeVar

from django.db.models import QuerySet

from accounts.models import Role
from organisations.models import Member, Unit, UnitQuerySet

__all__ = [
    "ALL_ROLES",
    "MANAGE_ROLES",
    "acting_units",
    "has_role",
    "is_admin",
    "managed_paths",
    "managed_units",
    "once_per_user",
    "remember_scopes",
    "scope_paths",
    "visible_members",
    "visible_units",
]


MANAGE_ROLES = {Role.ADMIN, Role.OFFICER}
ALL_ROLES = set(Role)
T = TypeVar("T")


def once_per_user(user, name: str, compute: Callable[[], T]) -> T:
    """`compute()` read once per user object — the request's, since each request loads its own
    user — and kept on it as `name`; computed afresh every time for an anonymous user."""
    cached = getattr(user, name, None)
    if cached is None:
        cached = compute()
        if getattr(user, "is_authenticated", False):
            setattr(user, name, cached)
    return cached


def _scopes(user) -> list[tuple[str, str]]:
    """(role, unit path) pairs of the user, read once per request object."""
    if not getattr(user, "is_authenticated", False):
        return []
    return once_per_user(
        user, "_thidua_scopes", lambda: list(user.role_assignments.values_list("role", "unit__path"))
    )


def remember_scopes(user, scopes: list[tuple[str, str]]) -> None:
    """The user's (role, unit path) pairs, read together with the user (accounts.auth), so that
    `_scopes` needs no query of its own."""
    user._thidua_scopes = list(scopes)


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


def visible_units(user, roles: Iterable[str] = ALL_ROLES) -> UnitQuerySet:
    return Unit.objects.in_subtrees(scope_paths(user, roles))


def managed_units(user) -> UnitQuerySet:
    """Where the user acts for a unit (admin or officer), with the subtrees below."""
    return visible_units(user, MANAGE_ROLES)


def acting_units(user) -> UnitQuerySet:
    """Where the user may start new work (organise a campaign or a report, open a round, propose,
    form a cluster): the managed units that exist today. An ended unit keeps its records and is
    never offered for new ones."""
    return managed_units(user).current()


def managed_paths(user) -> list[str]:
    """The paths of the units the user's admin or officer roles are given on."""
    return scope_paths(user, MANAGE_ROLES)


def visible_members(user) -> QuerySet[Member]:
    paths = scope_paths(user)
    return Member.objects.filter(unit__in=Unit.objects.in_subtrees(paths).values("pk"))
