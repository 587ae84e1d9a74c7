"""The duplicate-award guard: a nominee proposed for forms of one ladder at two levels in the same
year, or for a lower form after a higher one for the same achievement. A warning for the people
who decide (the nomination, batch and council pages), not a block: the same form for the same
year is already refused by the eligibility checks and the database."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Q
from django.utils.translation import gettext as _

from awards.form_kinds import ladder
from awards.models import AwardForm, AwardRecord, Nomination
from core.text import fold

__all__ = ["DuplicateFlag", "duplicate_flags", "flag_duplicates"]

# An achievement text shorter than this says too little to call two of them the same.
_MIN_ACHIEVEMENT = 20
# Nominations not decided yet; an awarded one is read from its award record (unless revoked).
_PENDING = (Nomination.Status.PROPOSED, Nomination.Status.APPROVED)


@dataclass(frozen=True)
class DuplicateFlag:
    kind: str  # "two_levels" or "lower_after_higher"
    text: str


def _holder(obj: Nomination | AwardRecord) -> tuple[str, int] | None:
    if obj.member_id:
        return ("member", obj.member_id)
    if obj.unit_id:
        return ("unit", obj.unit_id)
    return None


def _same_achievement(a: str, b: str) -> bool:
    a, b = fold(a), fold(b)
    return len(a) >= _MIN_ACHIEVEMENT and a == b


def _level(form: AwardForm) -> str:
    return str(form.get_level_display()).lower()


def duplicate_flags(nominations: Iterable[Nomination]) -> dict[int, list[DuplicateFlag]]:
    """Flags per nomination id, for every nomination given (with its `form` loaded); two queries
    whatever their number."""
    nominations = [n for n in nominations if n.pk and ladder(n.form) is not None]
    if not nominations:
        return {}
    members = {n.member_id for n in nominations if n.member_id}
    units = {n.unit_id for n in nominations if n.unit_id}
    holders = Q(member_id__in=members) | Q(unit_id__in=units)
    others: dict[tuple[str, int], list[Nomination]] = defaultdict(list)
    for other in (
        Nomination.objects.filter(holders, status__in=_PENDING)
        .select_related("form", "batch__proposing_unit")
        .order_by("year", "pk")
    ):
        key = _holder(other)
        if key is not None:
            others[key].append(other)
    records: dict[tuple[str, int], list[AwardRecord]] = defaultdict(list)
    for rec in AwardRecord.objects.counting().filter(holders).select_related("form").order_by("year", "pk"):
        key = _holder(rec)
        if key is not None:
            records[key].append(rec)

    flags: dict[int, list[DuplicateFlag]] = {}
    for nomination in nominations:
        own = ladder(nomination.form)
        assert own is not None, "filtered above"
        key = _holder(nomination)
        assert key is not None, "a nomination names a member or a unit"
        found: list[DuplicateFlag] = []
        for other in others[key]:
            theirs = ladder(other.form)
            if other.pk == nomination.pk or theirs is None or theirs[0] != own[0]:
                continue
            if other.year == nomination.year and other.form_code != nomination.form_code:
                found.append(
                    DuplicateFlag(
                        "two_levels",
                        _(
                            "Also proposed for “%(form)s” (%(level)s level) for %(year)d by %(unit)s: "
                            "one achievement is rewarded once, at one level."
                        )
                        % {
                            "form": other.form.name,
                            "level": _level(other.form),
                            "year": other.year,
                            "unit": other.batch.proposing_unit.name,
                        },
                    )
                )
            elif theirs[1] > own[1] and _same_achievement(other.achievement, nomination.achievement):
                found.append(
                    DuplicateFlag(
                        "lower_after_higher",
                        _(
                            "Already proposed for the higher “%(form)s” (%(year)d) for the same "
                            "achievement: a lower form after a higher one rewards it twice."
                        )
                        % {"form": other.form.name, "year": other.year},
                    )
                )
        for rec in records[key]:
            theirs = ladder(rec.form)
            if theirs is None or theirs[0] != own[0] or rec.form_code == nomination.form_code:
                continue
            same = rec.year == nomination.year or _same_achievement(rec.achievement, nomination.achievement)
            if not same:
                continue
            ref = rec.decision_ref or _("without a decision number")
            if theirs[1] > own[1]:
                text = _(
                    "Already awarded the higher “%(form)s” for %(year)d (%(ref)s) for the same "
                    "achievement: a lower form after a higher one rewards it twice."
                )
                kind = "lower_after_higher"
            else:
                text = _(
                    "Already awarded “%(form)s” (%(level)s level) for %(year)d (%(ref)s): one "
                    "achievement is rewarded once, at one level."
                )
                kind = "two_levels"
            found.append(
                DuplicateFlag(
                    kind,
                    text % {"form": rec.form.name, "level": _level(rec.form), "year": rec.year, "ref": ref},
                )
            )
        if found:
            flags[nomination.pk] = found
    return flags


def flag_duplicates(nominations: Iterable[Nomination]) -> list[Nomination]:
    """The nominations, each with `duplicate_flags` set (for the pages)."""
    nominations = list(nominations)
    flags = duplicate_flags(nominations)
    for nomination in nominations:
        nomination.duplicate_flags = flags.get(nomination.pk, [])
    return nominations
