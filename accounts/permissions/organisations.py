"""Units, members, users and what the whole tree shares (unit types, award rules, criteria
templates): who sees, edits, restructures them and their history."""

from accounts.models import Role
from accounts.permissions.roles import ALL_ROLES, MANAGE_ROLES, has_role, is_admin, scope_paths
from organisations.models import Unit

__all__ = [
    "can_manage_account",
    "can_manage_award_rules",
    "can_manage_members",
    "can_manage_shared_settings",
    "can_manage_unit",
    "can_manage_unit_types",
    "can_manage_users",
    "can_restructure_unit",
    "can_set_award_publishing",
    "can_view_history",
    "can_view_personal_data",
    "can_view_tree_history",
    "can_view_unit",
]


def can_view_unit(user, unit: Unit) -> bool:
    return has_role(user, ALL_ROLES, unit)


def can_manage_unit(user, unit: Unit) -> bool:
    """Edit a unit's details and its members: administrators and officers of the subtree."""
    return has_role(user, MANAGE_ROLES, unit)


def can_restructure_unit(user, unit: Unit) -> bool:
    """Move, end or merge a unit, or add units under it: administrators only."""
    return has_role(user, {Role.ADMIN}, unit)


def can_set_award_publishing(user, unit: Unit) -> bool:
    """Whether the unit's awardees appear in the public lookup of awards: administrators only."""
    return has_role(user, {Role.ADMIN}, unit)


def can_manage_shared_settings(user) -> bool:
    """What the whole tree shares (unit types, award rule sets, award forms and their prize
    money, the base salary, criteria templates): only administrators of the installation's top,
    i.e. an administrator role on the tree's root unit (the unit without a parent), or a
    superuser. Decided by position in the tree, never by a unit type's level, which these very
    administrators may edit."""
    if not getattr(user, "is_authenticated", False):
        return False
    if getattr(user, "is_superuser", False):
        return True
    # a root unit's path has a single segment ("/1/"): no query, and nothing a lower admin edits
    return any(path.strip("/").count("/") == 0 for path in scope_paths(user, {Role.ADMIN}))


def can_manage_award_rules(user) -> bool:
    """Award rules, prize money and the base salary apply to every unit: shared settings."""
    return can_manage_shared_settings(user)


def can_manage_unit_types(user) -> bool:
    """Unit types are shared by the whole tree (their level decides who reviews whom)."""
    return can_manage_shared_settings(user)


def can_view_personal_data(user, unit: Unit) -> bool:
    """Birth dates, ethnicity and the like: only those who manage the member's unit."""
    return can_manage_unit(user, unit)


def can_manage_members(user, unit: Unit) -> bool:
    return can_manage_unit(user, unit) and unit.unit_type.may_have_members


def can_view_history(user) -> bool:
    """The change history of units in the user's scope (a unit's own history page)."""
    return is_admin(user)


def can_view_tree_history(user) -> bool:
    """The change history of the whole tree (every unit, member, user and role): administrators
    of its root only; a district administrator saw other districts' members there."""
    return can_manage_shared_settings(user)


def can_manage_account(actor, subject) -> bool:
    """Grant or remove roles of `subject`: an administrator whose subtrees hold every
    administrator role of `subject`. A lower administrator never changes the roles of a
    superuser or of an administrator above or beside them."""
    if getattr(actor, "is_superuser", False):
        return True
    if getattr(subject, "is_superuser", False):
        return False
    actor_paths = scope_paths(actor, {Role.ADMIN})
    subject_paths = subject.role_assignments.filter(role=Role.ADMIN).values_list("unit__path", flat=True)
    return bool(actor_paths) and all(
        any(path.startswith(own) for own in actor_paths) for path in subject_paths
    )


def can_manage_users(user, unit: Unit | None = None) -> bool:
    return has_role(user, {Role.ADMIN}, unit)
