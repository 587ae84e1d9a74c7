"""Units and members at scale, on top of the demo province (organisations.demo made the
province, its districts, sectors, the demo users' units and a few thousand members).

New grassroots unions go under the province's current intermediate units (sector unions, the
civil servants' union), with extra "khu vực" unions added so no parent has more than
MAX_CHILDREN; members are spread over every unit that may hold members, about
members/units each (Gaussian, like the demo).
"""

from __future__ import annotations

import datetime as dt
import itertools
import random

from core.text import fold
from organisations.demo_names import (
    DISTRICT_GRASSROOTS,
    DISTRICTS,
    ETHNIC_GROUPS,
    GIVEN_FEMALE,
    GIVEN_MALE,
    MIDDLE_FEMALE,
    MIDDLE_MALE,
    POSITIONS,
)
from organisations.imports.checking import FILE_FIELDS
from organisations.models import Member, Unit, UnitType
from organisations.tallies import rebuild_member_tallies

from .tables import Table, indexes_dropped, next_id

MAX_CHILDREN = 400


def generate_units(province: Unit, total_units: int, rng: random.Random, log) -> int:
    """Add grassroots unions until the province's subtree holds `total_units` units.
    Returns how many were created."""
    existing = Unit.objects.in_subtree(province).count()
    wanted = total_units - existing
    if wanted <= 0:
        return 0
    grassroots_type = UnitType.objects.get(code="cdcs")
    area_type = UnitType.objects.get(code="cd-nganh-tinh")
    parents = list(
        Unit.objects.in_subtree(province)
        .current()
        .filter(
            unit_type__may_have_children=True,
            unit_type__level__gt=province.unit_type.level,
            unit_type__level__lt=grassroots_type.level,
        )
        .order_by("path")
    )
    # Extra intermediate unions so that no parent gets more than MAX_CHILDREN new grassroots unions.
    areas_needed = max(0, -(-wanted // MAX_CHILDREN) - len(parents))
    ids = itertools.count(next_id(Unit))
    unit_rows = []
    created: list[int] = []
    communes = [c for names in DISTRICTS.values() for c in names]
    for index in range(areas_needed):
        pk = next(ids)
        name = f"Công đoàn các khu công nghiệp và doanh nghiệp khu vực {index + 1}"
        path = f"{province.path}{pk}/"
        code = f"KV-{index + 1:04d}"
        unit_rows.append(
            _unit_row(
                pk, area_type.pk, province.pk, name, f"CĐ khu vực {index + 1}", code, path, province.depth + 1
            )
        )
        parents.append(Unit(pk=pk, path=path, depth=province.depth + 1))
        created.append(pk)
    wanted -= areas_needed
    codes = itertools.count(1)
    for index in range(wanted):
        parent = parents[index % len(parents)]
        pk = next(ids)
        commune = communes[rng.randrange(len(communes))]
        pattern = DISTRICT_GRASSROOTS[rng.randrange(len(DISTRICT_GRASSROOTS))]
        name = f"{pattern.format(c=commune)} số {index // len(DISTRICT_GRASSROOTS) + 1}"
        unit_rows.append(
            _unit_row(
                pk,
                grassroots_type.pk,
                parent.pk,
                name,
                "",
                f"BCS-{next(codes):06d}",
                f"{parent.path}{pk}/",
                parent.depth + 1,
            )
        )
        created.append(pk)
    table = Table(
        Unit,
        [
            "id",
            "unit_type_id",
            "parent_id",
            "name",
            "short_name",
            "code",
            "path",
            "depth",
            "search_text",
            "valid_from",
            "sort_order",
        ],
    )
    table.write(unit_rows)
    log(f"    units: +{len(created)} ({areas_needed} area unions)")
    return len(created)


def _unit_row(pk, type_id, parent_id, name, short_name, code, path, depth):
    return (
        pk,
        type_id,
        parent_id,
        name,
        short_name,
        code,
        path,
        depth,
        fold(f"{name} {short_name} {code}"),
        dt.date(2016, 1, 1),
        0,
    )


def generate_members(province: Unit, total_members: int, rng: random.Random, log) -> int:
    """Add members to the province's units that may hold them until there are `total_members`."""
    existing = Member.objects.filter(unit__path__startswith=province.path).count()
    wanted = total_members - existing
    if wanted <= 0:
        return 0
    units = list(
        Unit.objects.in_subtree(province)
        .current()
        .filter(unit_type__may_have_members=True)
        .order_by("pk")
        .values_list("pk", "name")
    )
    per_unit = wanted / len(units)
    groups = list(ETHNIC_GROUPS.items())
    weights = [g[1][0] for g in groups]
    # Names and their folded forms once: folding per member would cost more than writing it.
    folded = {
        word: fold(word)
        for word in {
            *MIDDLE_FEMALE,
            *MIDDLE_MALE,
            *GIVEN_FEMALE,
            *GIVEN_MALE,
            *(name for _, (_, names) in groups for name in names),
        }
    }
    ethnic_cum = list(itertools.accumulate(weights))
    ids = itertools.count(next_id(Member))
    codes = itertools.count(next_id(Member))
    categories = ["civil_servant", "public_employee"]
    statuses = ["left", "retired", "transferred"]

    def rows():
        produced = 0
        for position, (unit_id, unit_name) in enumerate(units):
            remaining_units = len(units) - position
            if position == len(units) - 1:
                size = wanted - produced
            else:
                size = max(3, int(rng.gauss(per_unit, per_unit * 0.35)))
                size = min(size, wanted - produced - 3 * (remaining_units - 1))
            if size <= 0:
                continue
            office = any(
                w in unit_name for w in ("Trường", "Sở", "UBND", "Cơ quan", "Bệnh viện", "Trung tâm", "Trạm")
            )
            female_share = 0.62 if "Trường" in unit_name or "Y tế" in unit_name else 0.45
            for index in range(size):
                ethnicity, (_, family_names) = groups[_pick(ethnic_cum, rng.random() * ethnic_cum[-1])]
                female = rng.random() < female_share
                family = family_names[rng.randrange(len(family_names))]
                middle = (MIDDLE_FEMALE if female else MIDDLE_MALE)[rng.randrange(9)]
                given_list = GIVEN_FEMALE if female else GIVEN_MALE
                given = given_list[rng.randrange(len(given_list))]
                if index < 3:
                    category, job = "officer", POSITIONS["officer"][index]
                else:
                    category = categories[rng.randrange(2)] if office else "worker"
                    job = POSITIONS[category][rng.randrange(len(POSITIONS[category]))]
                birth = dt.date(1962 + rng.randrange(41), 1 + rng.randrange(12), 1 + rng.randrange(28))
                joined = birth.replace(year=min(birth.year + 20 + rng.randrange(11), 2024))
                if rng.random() > 0.04:
                    status, left_on = "active", None
                else:
                    left_on = max(dt.date(2024, 1 + rng.randrange(12), 1), joined)  # member_left_after_joined
                    status = statuses[rng.randrange(3)]
                pk = next(ids)
                code = f"BV{next(codes):08d}"
                yield (
                    pk,
                    code,
                    f"{family} {middle} {given}",
                    "F" if female else "M",
                    birth,
                    ethnicity,
                    job,
                    category,
                    joined,
                    status,
                    left_on,
                    unit_id,
                    f"{folded[family]} {folded[middle]} {folded[given]} {code.lower()}",
                )
            produced += size

    table = Table(
        Member,
        ["id", *FILE_FIELDS, "unit_id", "search_text"],  # FILE_FIELDS ends joined_on, status, left_on
    )
    with indexes_dropped(Member):
        written = table.write(rows())
    log(f"    members: +{written}, tallies of {rebuild_member_tallies()} units recounted")
    return written


def _pick(cumulative: list[float], value: float) -> int:
    for index, bound in enumerate(cumulative):
        if value < bound:
            return index
    return len(cumulative) - 1
