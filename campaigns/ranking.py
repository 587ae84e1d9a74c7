"""Ranking and grading, pure: no database.

A higher total always ranks higher. Units with the same total are separated by the rules the
federation sets, in its order (more criteria at their maximum, a higher score on a named
criterion, earlier submission); units still equal are listed by name and marked as tied, so
the order is total and the same on every page.
"""

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal

from campaigns.models.campaign import TieBreaker
from core.text import collation_key


@dataclass(frozen=True)
class Standing:
    unit_id: int
    name: str
    total: Decimal
    at_max: int = 0
    criterion_points: Mapping[str, Decimal] = field(default_factory=dict)
    submitted_at: datetime | None = None
    # shown, not ranked on
    self_total: Decimal = Decimal(0)
    confirmed: int = 0
    expected: int = 0


@dataclass(frozen=True)
class Ranked:
    position: int
    standing: Standing
    grade: str
    tied: bool  # equal to the one above under every rule
    decided_by: str  # the rule that put it below the one above: "total", a tie-breaker, or ""


def _rule_key(standing: Standing, rule: str):
    kind, _sep, code = rule.partition(":")
    if kind == TieBreaker.CRITERIA_AT_MAX:
        return -standing.at_max
    if kind == TieBreaker.CRITERION:
        return -standing.criterion_points.get(code, Decimal(0))
    if kind == TieBreaker.EARLIER_SUBMISSION:
        when = standing.submitted_at
        return (1, 0.0) if when is None else (0, when.timestamp())
    raise ValueError(f"unknown tie-breaker {rule!r}")


def rule_keys(standing: Standing, tie_breakers: Sequence[str]) -> tuple:
    """What the ranking compares, in order: the total, then each tie-breaker."""
    return (-standing.total, *(_rule_key(standing, rule) for rule in tie_breakers))


def grade_for(total: Decimal, bands: Iterable[tuple[str, Decimal]]) -> str:
    """The first band (highest minimum first) whose minimum the total reaches."""
    for name, minimum in sorted(bands, key=lambda band: band[1], reverse=True):
        if total >= minimum:
            return name
    return ""


def rank(
    standings: Iterable[Standing], tie_breakers: Sequence[str] = (), bands: Iterable[tuple[str, Decimal]] = ()
) -> list[Ranked]:
    bands = list(bands)
    rules = ["total", *tie_breakers]
    # units still equal are listed in Vietnamese alphabetical order ("Đ..." before "Z...")
    ordered = sorted(standings, key=lambda s: (rule_keys(s, tie_breakers), collation_key(s.name), s.unit_id))
    result: list[Ranked] = []
    previous_keys = None
    for position, standing in enumerate(ordered, start=1):
        keys = rule_keys(standing, tie_breakers)
        decided_by = ""
        if previous_keys is not None:
            decided_by = next(
                (rules[i] for i, (a, b) in enumerate(zip(previous_keys, keys, strict=True)) if a != b), ""
            )
        result.append(
            Ranked(
                position=position,
                standing=standing,
                grade=grade_for(standing.total, bands),
                tied=previous_keys is not None and keys == previous_keys,
                decided_by=decided_by,
            )
        )
        previous_keys = keys
    return result
