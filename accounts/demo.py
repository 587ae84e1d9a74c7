"""Demo users: one or more for every role, all with the password printed by `make run`."""

from accounts.models import Role, RoleAssignment, User
from core.demo import DEMO_PASSWORD, DemoContext
from organisations.models import Unit

# username, full name, position, role, unit code
DEMO_USERS = [
    ("admin", "Nông Văn Quản", "Chánh Văn phòng LĐLĐ tỉnh", Role.ADMIN, "LDLD-CB"),
    ("canbo.tinh", "Hoàng Thị Thu", "Trưởng ban Chính sách - Pháp luật", Role.OFFICER, "LDLD-CB"),
    ("canbo.hoaan", "Bế Văn Hùng", "Chủ tịch LĐLĐ huyện Hòa An", Role.OFFICER, "LDLD-HOAAN"),
    ("canbo.baolac", "Triệu Thị Mai", "Phó Chủ tịch LĐLĐ huyện Bảo Lạc", Role.OFFICER, "LDLD-BLAC"),
    ("canbo.giaoduc", "Lục Thị Hương", "Chủ tịch Công đoàn Giáo dục tỉnh", Role.OFFICER, "CDGD"),
    ("canbo.cdcs", "Đàm Văn Long", "Chủ tịch CĐCS", Role.OFFICER, None),  # first grassroots union of Hòa An
    ("hoidong1", "Lương Văn Thắng", "Phó Chủ tịch LĐLĐ tỉnh, Phó Chủ tịch Hội đồng", Role.COUNCIL, "LDLD-CB"),
    ("hoidong2", "Nông Thị Lan", "Ủy viên Hội đồng Thi đua - Khen thưởng", Role.COUNCIL, "LDLD-CB"),
    ("hoidong3", "Hà Văn Sơn", "Ủy viên Hội đồng Thi đua - Khen thưởng", Role.COUNCIL, "LDLD-CB"),
    ("bientap", "Lâm Thị Ngọc", "Biên tập viên Bản tin LĐLĐ tỉnh", Role.EDITOR, "LDLD-CB"),
    ("bientap.hoaan", "Hoàng Văn Minh", "Biên tập viên LĐLĐ huyện Hòa An", Role.EDITOR, "LDLD-HOAAN"),
    ("xem", "Chu Thị Hạnh", "Chuyên viên theo dõi", Role.VIEWER, "LDLD-CB"),
]


def load(ctx: DemoContext) -> None:
    hoa_an_first = Unit.objects.filter(parent__code="LDLD-HOAAN").order_by("code").first()
    users = {}
    for username, full_name, position, role, unit_code in DEMO_USERS:
        unit = Unit.objects.get(code=unit_code) if unit_code else hoa_an_first
        assert unit is not None, "the organisations demo makes grassroots unions under LDLD-HOAAN"
        user = User(
            username=username,
            full_name=full_name,
            position=position,
            home_unit=unit,
            email=f"{username}@ldld-caobang.example",
            is_staff=role == Role.ADMIN,
            is_superuser=role == Role.ADMIN,
        )
        user.set_password(DEMO_PASSWORD)
        user.save()
        RoleAssignment.objects.create(user=user, unit=unit, role=role)
        users[username] = user
        ctx.logins.append((username, str(Role(role).label), unit.name))
    # What the whole tree shares (unit types, award rules, the base salary) is kept by the
    # administrators of its root: the demo's administrator holds that role on the Confederation.
    root = Unit.objects.filter(parent__isnull=True).order_by("path").first()
    assert root is not None, "organisations.demo builds the tree first"
    RoleAssignment.objects.create(user=users["admin"], unit=root, role=Role.ADMIN)
    ctx.logins.append(("admin", str(Role.ADMIN.label), root.name))
    ctx.data["users"] = users
