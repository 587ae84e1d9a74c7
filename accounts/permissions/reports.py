"""Reports: dashboards, the records behind their figures and the review report."""

from accounts.permissions.roles import ALL_ROLES, has_role
from organisations.models import Unit

__all__ = ["can_download_report", "can_view_reports"]


def can_view_reports(user, unit: Unit) -> bool:
    """Open a unit's dashboard, the records behind its figures and its review report: every
    role over the unit (figures are aggregates; the lists show no personal data)."""
    return has_role(user, ALL_ROLES, unit)


def can_download_report(user, job) -> bool:
    """Download a generated review report: the person who asked for it, while the unit is still
    in their scope."""
    return getattr(user, "pk", None) == job.requested_by_id and can_view_reports(user, job.unit)
