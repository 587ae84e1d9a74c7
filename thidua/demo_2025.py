"""Demo: the 2025 structure, after the 2015 history has been replayed on the 2015 tree.

On 1/7/2025 the district federations end, "merged into" the provincial federation, which receives
their grassroots unions (`organisations.services.end_unit`, as an officer would on the End / merge
page). The demo users who acted for a district federation in 2015 now act for a grassroots union
that exists today (their 2015 actions keep their names in the history). The notifications the 2015
replay produced are not kept: a newcomer starts with the live year's notifications only."""

import datetime as dt

from accounts import services as account_services
from accounts.models import Role, RoleAssignment, User
from core.demo import DemoContext
from core.models import Notification
from organisations import services as unit_services
from organisations.models import Unit, UnitType

DISTRICT_LEVEL_ENDED = dt.date(2025, 7, 1)
# demo user -> (the 2015 district whose grassroots union they act for today, words of its name in order
# of preference, position)
NEW_PLACES = {
    "canbo.hoaan": ("LDLD-HOAAN", ("UBND", "Tiểu học"), "Chủ tịch Công đoàn cơ sở"),
    "bientap.hoaan": ("LDLD-HOAAN", ("UBND", "Tiểu học"), "Ủy viên Ban Chấp hành, phụ trách tuyên truyền"),
    "canbo.baolac": ("LDLD-BLAC", ("UBND", "Tiểu học"), "Chủ tịch Công đoàn cơ sở"),
}


def load(ctx: DemoContext) -> None:
    Notification.objects.all().delete()  # the 2015 replay's, all dated today: not kept
    users: dict[str, User] = ctx.data.get("users", {})
    admin = users.get("admin")
    province: Unit = ctx.data.get("province") or Unit.objects.get(code="LDLD-CB")
    districts = list(
        Unit.objects.filter(unit_type__code="ldld-huyen", valid_to__isnull=True).order_by("path")
    )
    former_children = {
        d.code: list(d.children.order_by("code").values_list("pk", flat=True)) for d in districts
    }
    for district in districts:
        unit_services.end_unit(district, on=DISTRICT_LEVEL_ENDED, merged_into=province, actor=admin)
    UnitType.objects.filter(code="ldld-huyen").update(is_active=False)
    ctx.log(
        f"  {len(districts)} district federations ended on {DISTRICT_LEVEL_ENDED:%d/%m/%Y}; "
        f"{sum(len(c) for c in former_children.values())} grassroots unions now under {province.short_name}"
    )

    for username, (district_code, words, position) in NEW_PLACES.items():
        user = users.get(username)
        if user is None or admin is None:
            continue
        candidates = Unit.objects.filter(pk__in=former_children.get(district_code, [])).order_by("code")
        grassroots_officer = users.get("canbo.cdcs")
        if grassroots_officer is not None and grassroots_officer.home_unit_id:  # one of their own
            candidates = candidates.exclude(pk=grassroots_officer.home_unit_id)
        preferred = [candidates.filter(name__contains=word).first() for word in words]
        unit = next((u for u in preferred if u is not None), None) or candidates.first()
        if unit is None:
            continue
        for assignment in RoleAssignment.objects.filter(user=user, unit__valid_to__isnull=False):
            role = assignment.role
            account_services.revoke_role(actor=admin, assignment=assignment)
            account_services.grant_role(actor=admin, user=user, unit=unit, role=role)
        user.home_unit = unit
        user.position = f"{position} {unit.name.removeprefix('CĐCS ')}".strip()
        user.save(update_fields=["home_unit", "position"])
    ctx.logins[:] = [
        (assignment.user.username, str(Role(assignment.role).label), assignment.unit.name)
        for assignment in RoleAssignment.objects.filter(user__username__in=[u for u in users])
        .select_related("user", "unit")
        .order_by("user_id", "unit__path")
    ]
