"""Awards: nominations, their review, the council and the decisions."""

from accounts.models import Role
from accounts.permissions.organisations import can_view_unit
from accounts.permissions.roles import MANAGE_ROLES, has_role
from organisations.models import Unit

__all__ = [
    "can_manage_awards",
    "can_nominate",
    "can_review_batch",
    "can_register_signing_certificate",
    "can_sign_decision",
    "can_sign_minutes",
    "can_sit_on_council",
    "can_view_batch",
    "can_vote",
]


def can_nominate(user, unit: Unit) -> bool:
    """Propose members and collectives of a unit's subtree for commendation: its officers."""
    return has_role(user, MANAGE_ROLES, unit)


def can_view_batch(user, batch) -> bool:
    """See a nomination batch, its nominations and their files (minutes, evidence): the roles of the
    proposing unit's subtree, which includes the units above it that review and decide."""
    return can_view_unit(user, batch.proposing_unit)


def can_review_batch(user, batch) -> bool:
    """Return, cut or forward a nomination batch: officers over the unit now holding it."""
    return has_role(user, MANAGE_ROLES, batch.at_unit)


def can_manage_awards(user, unit: Unit) -> bool:
    """Open rounds, run council sessions, issue and revoke award decisions of a unit."""
    return has_role(user, MANAGE_ROLES, unit)


def can_sign_decision(user, unit: Unit) -> bool:
    """Have a unit's award decisions signed with its certificates (the keys stay in its token):
    those who issue them."""
    return can_manage_awards(user, unit)


def can_sign_minutes(user, session) -> bool:
    """Have a closed council session's minutes signed with the deciding unit's certificates: those
    who run its council sessions."""
    return can_manage_awards(user, session.deciding_unit)


def can_register_signing_certificate(user, unit: Unit) -> bool:
    """Register the certificates a unit signs with (the person with authority's, the organisation's
    in place of the seal): the unit's administrators."""
    return has_role(user, {Role.ADMIN}, unit)


def can_sit_on_council(user, unit: Unit) -> bool:
    """Be a member of a unit's emulation and commendation council."""
    return has_role(user, {Role.COUNCIL}, unit)


def can_vote(user, session) -> bool:
    """Vote in a council session: its listed members only."""
    return bool(getattr(user, "is_authenticated", False)) and session.memberships.filter(user=user).exists()
