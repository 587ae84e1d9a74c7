"""Factories for the tests of every app: unit types, units (built through the service so paths
are right) and members."""

import datetime as dt

import factory
from factory.django import DjangoModelFactory

from organisations import services
from organisations.models import Member, Unit, UnitType

__all__ = ["MemberFactory", "UnitTypeFactory", "make_unit", "unit_type"]


class UnitTypeFactory(DjangoModelFactory[UnitType]):
    class Meta:
        model = UnitType
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"type-{n}")
    name = factory.Sequence(lambda n: f"Loại đơn vị {n}")
    level = 2
    may_have_members = False
    may_have_children = True


def unit_type(code: str) -> UnitType:
    spec = {
        "province": ("Liên đoàn Lao động tỉnh", 2, False, True, False),
        "district": ("Liên đoàn Lao động huyện", 3, False, True, False),
        "sector": ("Công đoàn ngành tỉnh", 3, False, True, False),
        "grassroots": ("Công đoàn cơ sở", 4, True, False, True),
    }[code]
    return UnitTypeFactory.create(
        code=code,
        name=spec[0],
        level=spec[1],
        may_have_members=spec[2],
        may_have_children=spec[3],
        is_grassroots=spec[4],
    )


_counter = iter(range(1, 10**9))


def make_unit(kind: str, parent: Unit | None = None, name: str | None = None, **fields) -> Unit:
    n = next(_counter)
    return services.create_unit(
        unit_type=unit_type(kind),
        parent=parent,
        name=name or f"Đơn vị {kind} {n}",
        code=fields.pop("code", f"U{n:06d}"),
        **fields,
    )


class MemberFactory(DjangoModelFactory[Member]):
    class Meta:
        model = Member

    code = factory.Sequence(lambda n: f"M{n:07d}")
    full_name = factory.Iterator(
        ["Nông Văn Hùng", "Hoàng Thị Lan", "Bế Thị Mai", "Lục Văn Sơn", "Triệu Thị Hoa"]
    )
    gender = factory.Iterator(["M", "F", "F", "M", "F"])
    birth_date = dt.date(1985, 3, 12)
    ethnicity = "Tày"
    category = Member.Category.WORKER
    joined_on = dt.date(2008, 5, 1)
