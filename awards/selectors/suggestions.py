"""Next-award suggestions: in a unit's subtree, who becomes eligible this year for which form of
an open round, and the history that makes them so. The history is loaded in a fixed number of
queries and judged by the eligibility interpreter (`awards.eligibility.history_checks`)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Q, QuerySet
from django.utils import timezone

from accounts.permissions import managed_paths, managed_units
from awards.eligibility import Check, history_checks, history_rules
from awards.models import (
    ACTIVE_NOMINATION_STATUSES,
    AwardForm,
    AwardRecord,
    Nomination,
    NominationRound,
)
from awards.services.rules import forms_for_round
from core.text import fold
from organisations.models import Member, Unit, UnitQuerySet

__all__ = ["Suggestion", "next_award_suggestions", "suggestion_rounds", "suggestion_units"]


@dataclass
class Suggestion:
    form: AwardForm
    member: Member | None
    unit: Unit | None
    checks: list[Check]
    to_declare: list[Check] = field(default_factory=list)

    @property
    def key(self) -> str:
        if self.member is not None:
            return f"m{self.member.pk}-{self.form.pk}"
        assert self.unit is not None, "a suggestion names a member or a unit"
        return f"u{self.unit.pk}-{self.form.pk}"

    @property
    def nominee_name(self) -> str:
        if self.member is not None:
            return self.member.full_name
        assert self.unit is not None, "a suggestion names a member or a unit"
        return self.unit.name

    @property
    def nominee_unit(self) -> Unit:
        """The nominee's unit (a member's) or the collective itself."""
        if self.member is not None:
            return self.member.unit
        assert self.unit is not None, "a suggestion names a member or a unit"
        return self.unit

    @property
    def may_nominate_at_once(self) -> bool:
        """Nothing to declare first: the nomination can be made from the list."""
        return not self.to_declare

    @property
    def achievement(self) -> str:
        """The history that makes the nominee eligible, as the dossier's first summary."""
        return " ".join(f"{check.label}: {check.reason}" for check in self.checks)


def suggestion_rounds(user) -> QuerySet[NominationRound]:
    """Open rounds, before their deadline, in which the user acts for a unit below the deciding unit."""
    paths = managed_paths(user)
    # A unit above one the user acts for, or one inside the user's subtrees (its units below).
    above = {int(part) for path in paths for part in path.strip("/").split("/")[:-1] if part}
    where = Q(deciding_unit_id__in=above)
    for path in paths:
        where |= Q(deciding_unit__path__startswith=path)
    return (
        NominationRound.objects.filter(where, is_open=True, deadline__gte=timezone.localdate())
        .select_related("deciding_unit", "rule_set")
        .order_by("-year", "deadline")
    )


def suggestion_units(user, round_: NominationRound) -> UnitQuerySet:
    """The units the user may propose for in the round (below its deciding unit)."""
    return (
        managed_units(user)
        .current()
        .filter(path__startswith=round_.deciding_unit.path)
        .exclude(pk=round_.deciding_unit_id)
        .order_by("depth", "sort_name")
    )


def _prerequisite_codes(rules: list[dict]) -> set[str]:
    codes: set[str] = set()
    for rule in rules:
        if rule.get("form"):
            codes.add(rule["form"])
        codes |= _prerequisite_codes(rule.get("items", []))
    return codes


def next_award_suggestions(round_: NominationRound, unit: Unit) -> list[Suggestion]:
    """Members and units of the subtree whose history meets a form's history rules for the
    round's year, not yet awarded or nominated for it that year."""
    year = round_.year
    forms = [form for form in forms_for_round(round_) if history_rules(form)]
    if not forms:
        return []
    prerequisite_codes = set().union(*(_prerequisite_codes(history_rules(form)) for form in forms))
    equivalents: dict[str, set[str]] = defaultdict(set)
    for code, equivalent_to in AwardForm.objects.filter(equivalent_to__in=prerequisite_codes).values_list(
        "code", "equivalent_to"
    ):
        equivalents[equivalent_to].add(code)
    names = dict(
        AwardForm.objects.filter(code__in=prerequisite_codes)
        .order_by("rule_set__valid_from")
        .values_list("code", "name")
    )
    target_codes = {form.code for form in forms}
    history_codes = prerequisite_codes | set().union(set(), *equivalents.values())
    codes = history_codes | target_codes
    in_scope = Q(member__unit__path__startswith=unit.path, member__status=Member.Status.ACTIVE) | Q(
        unit__path__startswith=unit.path, unit__valid_to__isnull=True
    )
    held: dict[tuple[str, int], dict[str, set[int]]] = defaultdict(lambda: defaultdict(set))
    for member_id, unit_id, code, record_year in (
        AwardRecord.objects.counting()
        .filter(in_scope, form_code__in=codes)
        .values_list("member_id", "unit_id", "form_code", "year")
    ):
        held[("m", member_id) if member_id else ("u", unit_id)][code].add(record_year)
    pending: dict[tuple[str, int], dict[str, set[int]]] = defaultdict(lambda: defaultdict(set))
    taken: set[tuple[tuple[str, int], str]] = set()
    for member_id, unit_id, code, nomination_year, status in Nomination.objects.filter(
        in_scope, form_code__in=codes, status__in=ACTIVE_NOMINATION_STATUSES
    ).values_list("member_id", "unit_id", "form_code", "year", "status"):
        holder = ("m", member_id) if member_id else ("u", unit_id)
        if nomination_year == year:
            taken.add((holder, code))
        if status != Nomination.Status.AWARDED:
            pending[holder][code].add(nomination_year)
    holders = {
        holder
        for source in (held, pending)
        for holder, by_code in source.items()
        if any(code in history_codes for code in by_code)
    }
    members = Member.objects.select_related("unit").in_bulk([pk for kind, pk in holders if kind == "m"])
    units = Unit.objects.in_bulk([pk for kind, pk in holders if kind == "u"])
    suggestions = []
    for holder in holders:
        member = members.get(holder[1]) if holder[0] == "m" else None
        nominee_unit = units.get(holder[1]) if holder[0] == "u" else None
        if member is None and nominee_unit is None:
            continue
        for form in forms:
            if (member is not None and not form.for_individuals) or (
                nominee_unit is not None and not form.for_collectives
            ):
                continue
            if (holder, form.code) in taken or year in held[holder].get(form.code, set()):
                continue
            judged = history_checks(
                form,
                year,
                member=member,
                unit=nominee_unit,
                held=held[holder],
                pending=pending[holder],
                equivalents=equivalents,
                names=names,
            )
            if judged is None:
                continue
            suggestions.append(Suggestion(form, member, nominee_unit, *judged))
    suggestions.sort(
        key=lambda s: (
            s.form.sort_order,
            s.nominee_unit.path,
            fold(s.nominee_name),
        )
    )
    return suggestions
