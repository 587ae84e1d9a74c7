"""Documents: the registry, legal bases and the cascade; who acts for a unit and is reminded."""

from accounts.models import RoleAssignment
from accounts.permissions.roles import MANAGE_ROLES, has_role, is_admin, scope_paths
from organisations.models import Unit

__all__ = [
    "can_act_for_unit",
    "can_edit_document",
    "can_manage_documents",
    "can_record_documents",
    "can_record_documents_of",
    "can_remind",
    "can_sign_document",
    "officers_by_unit",
    "officers_of_units",
]


def can_manage_documents(user, unit: Unit | None) -> bool:
    """Draft, edit and issue documents in a unit's name: its administrators and officers."""
    return unit is not None and has_role(user, MANAGE_ROLES, unit)


def can_act_for_unit(user, unit: Unit) -> bool:
    """Acknowledge what was sent to a unit, record its work: officers over it."""
    return has_role(user, MANAGE_ROLES, unit)


def officers_by_unit(units) -> dict[int, list]:
    """For each unit, the users holding an officer or administrator role on that unit
    itself, in one query. A unit without its own officers gets nobody: reminders are for
    the people who must act, not for the level above that sent them."""

    units = list(units)
    result: dict[int, list] = {u.pk: [] for u in units}
    assignments = RoleAssignment.objects.filter(unit_id__in=result, role__in=MANAGE_ROLES).select_related(
        "user"
    )
    for assignment in assignments:
        result[assignment.unit_id].append(assignment.user)
    return result


def officers_of_units(units) -> list:
    return [user for users in officers_by_unit(units).values() for user in users]


def can_record_documents(user) -> bool:
    """Record documents issued outside the union tree (legal bases): any officer or administrator."""
    return has_role(user, MANAGE_ROLES)


def can_record_documents_of(user, unit: Unit) -> bool:
    """Record a document a unit of ours issued earlier on paper: officers over the unit, and
    officers below it (a plan from above is a public act for the units that carry it out)."""
    if can_manage_documents(user, unit):
        return True
    return any(path.startswith(unit.path) for path in scope_paths(user, MANAGE_ROLES))


def can_edit_document(user, document) -> bool:
    """Change a document's bases and attachments: officers of its issuing unit; for a document
    recorded from elsewhere (an outside body, a unit above), also the officer who recorded it."""
    if document.issuer_unit_id and can_manage_documents(user, document.issuer_unit):
        return True
    if document.status != "recorded":
        return False
    return has_role(user, MANAGE_ROLES) and (
        document.created_by_id == getattr(user, "pk", None) or is_admin(user)
    )


def can_sign_document(user, document) -> bool:
    """Have a document the unit issued signed with the unit's certificates: those who issue its
    documents."""
    return document.issuer_unit_id is not None and can_manage_documents(user, document.issuer_unit)


def can_remind(user, document) -> bool:
    """Send reminders about a plan to the units that have not acted: officers of its issuer."""
    return document.status == "issued" and can_manage_documents(user, document.issuer_unit)
