"""The history a form rests on, read by the interpreter itself over history loaded once for many
holders: which rules of a form are about history, and whether a holder's history meets them.
`awards.selectors.suggestions` loads the history; this module only judges it."""

from __future__ import annotations

from dataclasses import dataclass, field

from awards.eligibility.context import FAILED, Check, Context, Declared
from awards.eligibility.prerequisites import prerequisite_check
from awards.models import AwardForm
from organisations.models import Member, Unit

__all__ = ["HistoryContext", "history_checks", "history_rules"]

# Rules decided by the holder's award history alone.
HISTORY_TYPES = {"title_years"}
# Rules that fail until the dossier declares something (an initiative): a nomination made without
# it needs a written justification, so it is made through the nomination form.
DECLARED_TYPES = {"initiative"}


def _is_history(rule: dict) -> bool:
    if rule.get("type") == "any_of":
        items = rule.get("items", [])
        return bool(items) and all(_is_history(item) for item in items)
    return rule.get("type") in HISTORY_TYPES


def history_rules(form: AwardForm) -> list[dict]:
    return [rule for rule in form.prerequisites or [] if _is_history(rule)]


@dataclass
class HistoryContext(Context):
    """A Context whose history comes from memory (loaded for every holder at once), so judging
    many holders costs no query."""

    held: dict[str, set[int]] = field(default_factory=dict)
    pending: dict[str, set[int]] = field(default_factory=dict)
    equivalents: dict[str, set[str]] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)

    def codes(self, code: str) -> set[str]:
        return {code, *self.equivalents.get(code, set())}

    def held_years(self, code: str) -> set[int]:
        return set().union(*(self.held.get(c, set()) for c in self.codes(code)))

    def pending_years(self, code: str) -> set[int]:
        return set().union(*(self.pending.get(c, set()) for c in self.codes(code)))

    def form_name(self, code: str) -> str:
        return self.names.get(code, code)


def history_checks(
    form: AwardForm,
    year: int,
    *,
    member: Member | None = None,
    unit: Unit | None = None,
    held: dict[str, set[int]],
    pending: dict[str, set[int]],
    equivalents: dict[str, set[str]],
    names: dict[str, str],
) -> tuple[list[Check], list[Check]] | None:
    """When no history rule of the form fails: the checks of its history rules, and the checks
    of what the dossier must still declare (an initiative); else None. A rule met only with a
    nomination not decided yet ("decide both together") counts: the officer proposes both."""
    rules = history_rules(form)
    if not rules:
        return None
    ctx = HistoryContext(
        form=form,
        year=year,
        member=member,
        unit=unit,
        declared=Declared(),
        exclude_nomination=None,
        held=held,
        pending=pending,
        equivalents=equivalents,
        names=names,
    )
    checks = [prerequisite_check(ctx, rule) for rule in rules]
    if any(check.status == FAILED for check in checks):
        return None
    declared = [
        prerequisite_check(ctx, rule)
        for rule in form.prerequisites or []
        if rule.get("type") in DECLARED_TYPES
    ]
    return checks, declared
