from accounts.permissions import visible_members, visible_units
from organisations.models import Member


def home_summary(user) -> dict:
    units = visible_units(user)
    return {
        "unit_count": units.current().count(),
        "member_count": visible_members(user).filter(status=Member.Status.ACTIVE).count(),
        "root_units": units.filter(pk__in=user.role_assignments.values("unit")).select_related("unit_type"),
    }
