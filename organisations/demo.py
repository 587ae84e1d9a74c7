"""Demo organisation: the Cao Bằng federation as the seed plan describes it (2015), a few hundred
grassroots unions and their members. The district level ends later in the load (thidua.demo_2025)."""

import datetime as dt
import itertools

from core.demo import DemoContext
from organisations import services
from organisations.demo_names import (
    CENTRAL_SECTOR,
    CIVIL_SERVANTS_GRASSROOTS,
    DIRECT_GRASSROOTS,
    DISTRICT_CODES,
    DISTRICT_GRASSROOTS,
    DISTRICTS,
    ETHNIC_GROUPS,
    GIVEN_FEMALE,
    GIVEN_MALE,
    MIDDLE_FEMALE,
    MIDDLE_MALE,
    POSITIONS,
    SECTOR_UNIONS,
)
from organisations.models import Member, Unit, UnitType

UNIT_TYPES = [
    # code, name, level, members, children, grassroots
    ("tld", "Tổng Liên đoàn Lao động Việt Nam", 1, False, True, False),
    ("ldld-tinh", "Liên đoàn Lao động tỉnh, thành phố", 2, False, True, False),
    ("ldld-huyen", "Liên đoàn Lao động huyện, thành phố thuộc tỉnh", 3, False, True, False),
    ("cd-nganh-tinh", "Công đoàn ngành tỉnh", 3, False, True, False),
    ("cd-vien-chuc", "Công đoàn Viên chức tỉnh", 3, False, True, False),
    ("cd-nganh-tw", "Công đoàn ngành Trung ương tại địa phương", 3, True, True, False),
    ("cdcs", "Công đoàn cơ sở", 4, True, False, True),
]


def ensure_unit_types() -> dict[str, UnitType]:
    """The union's unit types by code, created where missing (the demo's and a first install's)."""
    types = {}
    for code, name, level, members, children, is_grassroots in UNIT_TYPES:
        types[code], _ = UnitType.objects.get_or_create(
            code=code,
            defaults=dict(
                name=name,
                level=level,
                may_have_members=members,
                may_have_children=children,
                is_grassroots=is_grassroots,
            ),
        )
    return types


def load(ctx: DemoContext) -> None:
    types = ensure_unit_types()
    counter = itertools.count(1)

    def make(unit_type, parent, name, code, short_name="", **extra):
        return services.create_unit(
            unit_type=types[unit_type], parent=parent, name=name, code=code, short_name=short_name, **extra
        )

    tld = make(
        "tld", None, "Tổng Liên đoàn Lao động Việt Nam", "TLD", "TLĐ", address="82 Trần Hưng Đạo, Hà Nội"
    )
    province = make(
        "ldld-tinh",
        tld,
        "Liên đoàn Lao động tỉnh Cao Bằng",
        "LDLD-CB",
        "LĐLĐ tỉnh",
        address="Số 2 Hoàng Đình Giong, phường Hợp Giang, Cao Bằng",
        phone="0206 3852 xxx".replace("xxx", "456"),
        valid_from=dt.date(1946, 1, 1),
    )
    ctx.data["tld"] = tld
    ctx.data["province"] = province

    grassroots: list[Unit] = []
    districts: list[Unit] = []
    # Spread about ctx.units grassroots unions over the parents in proportion to their patterns.
    total_wanted = max(ctx.units - 30, 60)
    district_share = int(total_wanted * 0.62)
    per_district = max(district_share // len(DISTRICTS), 3)
    for name, communes in DISTRICTS.items():
        title = (
            f"Liên đoàn Lao động {'thành phố Cao Bằng' if name.startswith('Thành phố') else 'huyện ' + name}"
        )
        short = f"LĐLĐ {'TP Cao Bằng' if name.startswith('Thành phố') else name}"
        district = make(
            "ldld-huyen",
            province,
            title,
            f"LDLD-{DISTRICT_CODES[name]}",
            short,
            valid_from=dt.date(1990, 1, 1),
        )
        districts.append(district)
        for index in range(per_district):
            commune = communes[index % len(communes)]
            pattern = DISTRICT_GRASSROOTS[(index // len(communes)) % len(DISTRICT_GRASSROOTS)]
            round_ = index // (len(communes) * len(DISTRICT_GRASSROOTS))
            unit_name = pattern.format(c=commune) + (f" số {round_ + 1}" if round_ else "")
            grassroots.append(make("cdcs", district, unit_name, f"CS-{next(counter):05d}"))
    ctx.data["districts"] = districts

    sectors: list[Unit] = []
    per_sector_extra = max((total_wanted - district_share) // 10, 0)
    for title, short, code, units in SECTOR_UNIONS:
        sector = make("cd-nganh-tinh", province, title, code, short, valid_from=dt.date(1995, 1, 1))
        sectors.append(sector)
        names = list(units)
        for extra in range(per_sector_extra):
            names.append(f"{units[extra % len(units)]} - phân hiệu {extra // len(units) + 2}")
        for unit_name in names:
            grassroots.append(make("cdcs", sector, unit_name, f"CS-{next(counter):05d}"))
    civil = make("cd-vien-chuc", province, "Công đoàn Viên chức tỉnh Cao Bằng", "CDVC", "CĐ Viên chức tỉnh")
    sectors.append(civil)
    for unit_name in CIVIL_SERVANTS_GRASSROOTS:
        grassroots.append(make("cdcs", civil, unit_name, f"CS-{next(counter):05d}"))
    direct = [make("cdcs", province, unit_name, f"CS-{next(counter):05d}") for unit_name in DIRECT_GRASSROOTS]
    grassroots.extend(direct)
    central = [
        make("cd-nganh-tw", province, unit_name, f"TW-{i + 1:02d}")
        for i, unit_name in enumerate(CENTRAL_SECTOR)
    ]
    ctx.data.update(
        sectors=sectors,
        civil_servants_union=civil,
        direct_grassroots=direct,
        central_sector=central,
        grassroots=grassroots,
    )

    _make_members(ctx, grassroots + central)

    # The tree as it was in 2015: the 2015 history is replayed on it, and `thidua.demo_2025` then
    # ends the district federations on 1/7/2025 (their grassroots unions go to the province).
    ctx.log(f"  {Unit.objects.count()} units, {Member.objects.count()} members")


def _make_members(ctx: DemoContext, units: list[Unit]) -> None:
    rng = ctx.rng
    groups = list(ETHNIC_GROUPS.items())
    weights = [g[1][0] for g in groups]
    categories = [
        Member.Category.OFFICER,
        Member.Category.CIVIL_SERVANT,
        Member.Category.PUBLIC_EMPLOYEE,
        Member.Category.WORKER,
    ]
    per_unit = max(ctx.members // max(len(units), 1), 5)
    batch: list[Member] = []
    sequence = itertools.count(1)
    for unit in units:
        size = max(5, int(rng.gauss(per_unit, per_unit * 0.35)))
        is_school_or_office = any(
            w in unit.name
            for w in ("Trường", "Sở", "UBND", "Cơ quan", "Văn phòng", "Bệnh viện", "Trung tâm", "Trạm")
        )
        for index in range(size):
            ethnicity, (_, family_names) = rng.choices(groups, weights)[0]
            female = rng.random() < (0.62 if "Trường" in unit.name or "Y tế" in unit.name else 0.45)
            name = " ".join(
                [
                    rng.choice(family_names),
                    rng.choice(MIDDLE_FEMALE if female else MIDDLE_MALE),
                    rng.choice(GIVEN_FEMALE if female else GIVEN_MALE),
                ]
            )
            if index < 3:
                category = Member.Category.OFFICER
            elif is_school_or_office:
                category = rng.choice(categories[1:3])
                if _workplace(unit.name) != "office":  # teachers and doctors are public employees
                    category = Member.Category.PUBLIC_EMPLOYEE
            else:
                category = Member.Category.WORKER
            birth = dt.date(rng.randint(1962, 2002), rng.randint(1, 12), rng.randint(1, 28))
            joined = birth.replace(year=min(birth.year + rng.randint(20, 30), 2024))
            status = (
                Member.Status.ACTIVE
                if rng.random() > 0.04
                else rng.choice([Member.Status.LEFT, Member.Status.RETIRED, Member.Status.TRANSFERRED])
            )
            member = Member(
                code=f"DV{next(sequence):07d}",
                full_name=name,
                gender="F" if female else "M",
                birth_date=birth,
                ethnicity=ethnicity,
                position=rng.choice(_positions(unit.name, category))
                if index >= 3
                else POSITIONS["officer"][min(index, 2)],
                category=category,
                unit=unit,
                joined_on=joined,
                status=status,
                # never before joining (Member.clean); max() draws nothing more, the demo stays the same
                left_on=max(dt.date(2024, rng.randint(1, 12), 1), joined)
                if status != Member.Status.ACTIVE
                else None,
            )
            member.search_text = f"{name} {member.code}"
            batch.append(member)
            if len(batch) >= 5000:
                _flush(batch)
    _flush(batch)


# what public employees do, by workplace: no doctors in a primary school's union
PUBLIC_EMPLOYEE_POSITIONS = {
    "kindergarten": ["Giáo viên mầm non", "Nhân viên nuôi dưỡng", "Kế toán"],
    "school": ["Giáo viên", "Thủ thư", "Nhân viên văn phòng", "Kế toán"],
    "health": ["Bác sĩ", "Điều dưỡng", "Nhân viên y tế", "Dược sĩ"],
    "office": ["Viên chức", "Chuyên viên", "Kế toán"],
}


def _workplace(unit_name: str) -> str:
    if "Mầm non" in unit_name:
        return "kindergarten"
    if "Trường" in unit_name:
        return "school"
    if any(word in unit_name for word in ("Bệnh viện", "Y tế")):
        return "health"
    return "office"


def _positions(unit_name: str, category: str) -> list[str]:
    if category == Member.Category.PUBLIC_EMPLOYEE:
        return PUBLIC_EMPLOYEE_POSITIONS[_workplace(unit_name)]
    return POSITIONS[category]


def _flush(batch: list[Member]) -> None:
    from core.text import fold, person_sort_key

    for member in batch:
        member.search_text = fold(member.search_text)
        member.sort_name = person_sort_key(member.full_name)
    Member.objects.bulk_create(batch, batch_size=2500)
    batch.clear()
