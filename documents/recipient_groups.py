"""Lines of a “Nơi nhận” block that name a group of our units, and the units they mean.

“LĐLĐ các huyện, thành phố” in a plan of the provincial federation means every district
federation under it; “CĐCS trực thuộc” the grassroots unions directly under it. The rules
are data: a pattern over the line folded without accents, and which units under the
issuer it selects (by unit type code, or the grassroots ones). One line may name several
groups (“CĐ ngành, CĐVC tỉnh”). A line that names one unit exactly (“LĐLĐ huyện Hòa An”)
matches that unit.
"""

import datetime as dt
import re
from dataclasses import dataclass, field

from core.text import fold
from organisations.models import Unit


@dataclass(frozen=True)
class RecipientGroup:
    key: str
    label: str  # the line as plans print it
    pattern: str  # a regular expression over the folded line
    unit_types: tuple[str, ...] = ()
    grassroots: bool = False  # the grassroots unions directly under the issuer


RECIPIENT_GROUPS: list[RecipientGroup] = [
    RecipientGroup(
        "provinces",
        "LĐLĐ các tỉnh, thành phố",
        r"\b(ldld|lien doan lao dong) (cac )?tinh\b.*\bthanh pho\b|\b(ldld|lien doan lao dong) cac tinh\b",
        unit_types=("ldld-tinh",),
    ),
    RecipientGroup(
        "districts",
        "LĐLĐ các huyện, thành phố",
        r"\b(ldld|lien doan lao dong) (cac )?(huyen|quan|thi xa)\b",
        unit_types=("ldld-huyen",),
    ),
    RecipientGroup(
        "sectors",
        "CĐ ngành tỉnh",
        r"\b(cd|cong doan) (cac )?nganh\b(?! (tw|trung uong))",
        unit_types=("cd-nganh-tinh",),
    ),
    RecipientGroup(
        "civil_servants",
        "CĐ Viên chức tỉnh",
        r"\b(cdvc|cd vien chuc|cong doan vien chuc)\b",
        unit_types=("cd-vien-chuc",),
    ),
    RecipientGroup(
        "direct_grassroots",
        "CĐCS trực thuộc",
        r"\b(cdcs|cong doan co so|cac cdcs) truc thuoc\b",
        grassroots=True,
    ),
    RecipientGroup(
        "central_sector",
        "CĐ ngành TW tại địa phương",
        r"\b(cd|cong doan) nganh (tw|trung uong)\b",
        unit_types=("cd-nganh-tw",),
    ),
]

_COMPILED = [(group, re.compile(group.pattern)) for group in RECIPIENT_GROUPS]
_DECORATION = re.compile(r"^[\s\-+•*–]+|[\s;.,:]+$")


@dataclass
class LineMatch:
    """One recipients line: the groups it names and the units they select."""

    line: str
    groups: list[RecipientGroup] = field(default_factory=list)
    units: list[Unit] = field(default_factory=list)

    @property
    def is_ours(self) -> bool:
        return bool(self.units)


def clean_line(line: str) -> str:
    """“- LĐLĐ các huyện, thành phố;” -> “LĐLĐ các huyện, thành phố”."""
    return _DECORATION.sub("", line or "").strip()


def groups_in(line: str) -> list[RecipientGroup]:
    folded = fold(clean_line(line))
    return [group for group, pattern in _COMPILED if pattern.search(folded)]


def units_of_group(group: RecipientGroup, issuer: Unit, on: dt.date | None = None) -> list[Unit]:
    """The units a group means under an issuer, among those existing on a date."""
    return list(_group_queryset(group, issuer, on).order_by("sort_order", "sort_name"))


def _group_queryset(group: RecipientGroup, issuer: Unit, on: dt.date | None):
    units = Unit.objects.current(on).filter(parent=issuer).select_related("unit_type")
    if group.grassroots:
        return units.filter(unit_type__is_grassroots=True)
    return units.filter(unit_type__code__in=group.unit_types)


def match_lines(lines: list[str], issuer: Unit | None, on: dt.date | None = None) -> list[LineMatch]:
    """Match every recipients line: groups first, else a unit named exactly (by full or short
    name, folded) among the issuer's current children. Three queries whatever the lines."""
    cleaned = [clean_line(line) for line in lines if clean_line(line)]
    matches = [LineMatch(line, groups_in(line)) for line in cleaned]
    if issuer is None:
        return matches
    children = list(
        Unit.objects.current(on)
        .filter(parent=issuer)
        .select_related("unit_type")
        .order_by("sort_order", "sort_name")
    )
    by_name: dict[str, Unit] = {}
    for unit in children:
        by_name.setdefault(fold(unit.name), unit)
        if unit.short_name:
            by_name.setdefault(fold(unit.short_name), unit)
    for match in matches:
        if match.groups:
            for group in match.groups:
                match.units.extend(u for u in children if _in_group(u, group) and u not in match.units)
        elif (named := by_name.get(fold(match.line))) is not None:
            match.units.append(named)
    return matches


def _in_group(unit: Unit, group: RecipientGroup) -> bool:
    if group.grassroots:
        return unit.unit_type.is_grassroots
    return unit.unit_type.code in group.unit_types


def units_for_lines(lines: list[str], issuer: Unit | None, on: dt.date | None = None) -> list[Unit]:
    """Every unit the lines name, once each, in the order the lines name them."""
    seen: dict[int, Unit] = {}
    for match in match_lines(lines, issuer, on):
        for unit in match.units:
            seen.setdefault(unit.pk, unit)
    return list(seen.values())


def available_groups(issuer: Unit, on: dt.date | None = None) -> list[tuple[RecipientGroup, list[Unit]]]:
    """The groups that select at least one unit under an issuer, for the recipients picker."""
    children = list(
        Unit.objects.current(on)
        .filter(parent=issuer)
        .select_related("unit_type")
        .order_by("sort_order", "sort_name")
    )
    result = []
    for group in RECIPIENT_GROUPS:
        units = [u for u in children if _in_group(u, group)]
        if units:
            result.append((group, units))
    return result


__all__ = [
    "RECIPIENT_GROUPS",
    "LineMatch",
    "RecipientGroup",
    "available_groups",
    "clean_line",
    "groups_in",
    "match_lines",
    "units_for_lines",
    "units_of_group",
]
