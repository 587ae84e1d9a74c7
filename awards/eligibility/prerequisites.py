"""Checks of the form's prerequisites (each kind of rule in awards/rule_texts/) and of its quota.
A failed one may be overridden with a written justification."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable
from decimal import Decimal

from django.db.models import Q
from django.utils.translation import gettext as _

from awards.eligibility.context import (
    FAILED,
    GRADE_RANK,
    GRADING_FORMS,
    PASSED,
    REVIEW,
    SCOPE_RANK,
    Check,
    Context,
    years_text,
)
from awards.models import ACTIVE_NOMINATION_STATUSES, AwardRecord, InitiativeScope, Nomination, TaskGrade
from organisations.models import Member, Unit

__all__ = ["KEYS_READ", "prerequisite_check", "quota_check", "quota_limit"]

# The keys each kind of prerequisite reads (a key of the rule data not listed here would be ignored
# silently: awards/tests/test_rule_fidelity.py fails on one).
KEYS_READ: dict[str, set[str]] = {
    "title_years": {"type", "form", "years", "consecutive", "ending", "cycle_years"},
    "initiative": {"type", "scope", "count"},
    "share_of_members_with_title": {"type", "form", "min_percent", "exclusive"},
    "members_with_title": {"type", "form", "count"},
    "completed_tasks": {"type", "level", "years", "consecutive"},
    "any_of": {"type", "items"},
    "manual": {"type", "text"},
}


def prerequisite_check(ctx: Context, rule: dict) -> Check:
    kind = rule.get("type")
    handler = (
        {
            "title_years": _title_years,
            "initiative": _initiative,
            "share_of_members_with_title": _share_of_members,
            "members_with_title": _members_with_title,
            "completed_tasks": _completed_tasks,
            "any_of": _any_of,
            "manual": _manual,
        }.get(kind)
        if isinstance(kind, str)
        else None
    )
    if handler is None:
        return Check(
            "prerequisite",
            _("Prerequisite"),
            REVIEW,
            _("A rule of an unknown kind (%(kind)s): check it by hand.") % {"kind": kind},
            rule=str(rule),
        )
    check = handler(ctx, rule)
    check.rule = check.rule or ctx.form.criteria_text
    return check


def _title_years(ctx: Context, rule: dict) -> Check:
    code, years = rule["form"], int(rule.get("years", 1))
    consecutive = rule.get("consecutive", True)
    # a title awarded for a cycle of N years (three years of CSTĐ cơ sở make one CSTĐ cấp tỉnh): two awards
    # are consecutive times when the later one's cycle begins the year after the earlier one's ends
    cycle = max(int(rule.get("cycle_years", 1)), 1)
    end = ctx.year - 1 if rule.get("ending") == "previous_year" else ctx.year
    name = ctx.form_name(code)
    if years == 1:
        label = _("Holds “%(form)s” in %(year)d") % {"form": name, "year": end}
    elif consecutive and cycle > 1:
        label = _("“%(form)s” %(n)d consecutive times (%(years)s)") % {
            "form": name,
            "n": years,
            "years": years_text(range(end - (years - 1) * cycle, end + 1, cycle)),
        }
    elif consecutive:
        label = _("“%(form)s” %(n)d consecutive years (%(first)d–%(last)d)") % {
            "form": name,
            "n": years,
            "first": end - years + 1,
            "last": end,
        }
    else:
        label = _("“%(form)s” %(n)d times") % {"form": name, "n": years}
    held = ctx.held_years(code)
    pending = ctx.pending_years(code)
    if consecutive:
        needed = list(range(end - (years - 1) * cycle, end + 1, cycle))
        missing = [y for y in needed if y not in held]
        if not missing:
            return Check(
                "prerequisite",
                label,
                PASSED,
                _("Held in %(years)s.") % {"years": years_text(needed)},
                overridable=True,
            )
        if all(y in pending for y in missing):
            return Check(
                "prerequisite",
                label,
                REVIEW,
                _("Not yet decided for %(years)s: nominated in this round; decide both together.")
                % {"years": years_text(missing)},
                overridable=True,
            )
        held_in_range = [y for y in needed if y in held]
        if held_in_range and cycle > 1:
            reason = _(
                "Held in %(held)s but not in %(missing)s: each award covers %(cycle)d years, and the times are "
                "consecutive when each cycle begins the year after the one before ends."
            ) % {"held": years_text(held_in_range), "missing": years_text(missing), "cycle": cycle}
        elif held_in_range:
            reason = _("Held in %(held)s but not in %(missing)s: the years must be consecutive.") % {
                "held": years_text(held_in_range),
                "missing": years_text(missing),
            }
        else:
            reason = _("Not held in %(missing)s.") % {"missing": years_text(missing)}
        return Check("prerequisite", label, FAILED, reason, overridable=True)
    counted = {y for y in held if y <= end}
    if len(counted) >= years:
        return Check(
            "prerequisite",
            label,
            PASSED,
            _("Held in %(years)s.") % {"years": years_text(counted)},
            overridable=True,
        )
    if len(counted | {y for y in pending if y <= end}) >= years:
        return Check(
            "prerequisite",
            label,
            REVIEW,
            _("Enough only with nominations not yet decided."),
            overridable=True,
        )
    return Check(
        "prerequisite",
        label,
        FAILED,
        _("Held %(n)d times, %(needed)d needed.") % {"n": len(counted), "needed": years},
        overridable=True,
    )


def _initiative(ctx: Context, rule: dict) -> Check:
    scope = rule.get("scope", InitiativeScope.GRASSROOTS)
    count = max(int(rule.get("count", 1)), 1)
    scope_label = InitiativeScope(scope).label if scope in SCOPE_RANK else scope
    if count > 1:
        label = _("Initiatives: %(n)d, %(scope)s") % {"n": count, "scope": scope_label}
    else:
        label = _("Initiative: %(scope)s") % {"scope": scope_label}
    declared = ctx.declared
    if not declared.initiative.strip() or not declared.initiative_scope:
        return Check(
            "prerequisite",
            label,
            FAILED,
            _("No initiative or research work is declared in the dossier."),
            overridable=True,
        )
    if SCOPE_RANK.get(declared.initiative_scope, 0) < SCOPE_RANK.get(scope, 1):
        return Check(
            "prerequisite",
            label,
            FAILED,
            _("The declared initiative is “%(declared)s”; “%(required)s” is required.")
            % {
                "declared": InitiativeScope(declared.initiative_scope).label,
                "required": InitiativeScope(scope).label,
            },
            overridable=True,
        )
    if declared.initiative_count < count:
        return Check(
            "prerequisite",
            label,
            FAILED,
            _("%(declared)d initiative(s) declared; the rule requires %(required)d.")
            % {"declared": declared.initiative_count, "required": count},
            overridable=True,
        )
    if not declared.has_evidence:
        return Check(
            "prerequisite",
            label,
            REVIEW,
            _("Declared but without evidence: attach the recognition of the initiative."),
            overridable=True,
        )
    if count > 1:
        reason = _("%(n)d declared with evidence: %(text)s") % {
            "n": declared.initiative_count,
            "text": declared.initiative[:120],
        }
    else:
        reason = _("Declared with evidence: %(text)s") % {"text": declared.initiative[:120]}
    return Check("prerequisite", label, PASSED, reason, overridable=True)


def _share_of_members(ctx: Context, rule: dict) -> Check:
    code, minimum = rule["form"], float(rule["min_percent"])
    exclusive = bool(rule.get("exclusive"))
    name = ctx.form_name(code)
    label = (
        _("More than %(p)s%% of members hold “%(form)s”")
        if exclusive
        else _("At least %(p)s%% of members hold “%(form)s”")
    ) % {"p": f"{minimum:g}", "form": name}
    if ctx.unit is None:
        return Check("prerequisite", label, REVIEW, _("Applies to collectives."), overridable=True)
    total, holders, pending = _holders(ctx, ctx.unit, code)
    if total == 0:
        return Check(
            "prerequisite",
            label,
            REVIEW,
            _("The unit has no active members in the system."),
            overridable=True,
        )

    def meets(count: int) -> bool:
        share = 100 * count / total
        return share > minimum if exclusive else share >= minimum

    share = 100 * holders / total
    detail = {"holders": holders, "total": total, "share": f"{share:.1f}".replace(".", ","), "form": name}
    return _by_holders(
        label,
        meets,
        holders,
        pending,
        passed=_("%(holders)d of %(total)d members (%(share)s%%) hold “%(form)s”.") % detail,
        pending_only=_(
            "%(holders)d of %(total)d members (%(share)s%%) hold “%(form)s”; enough only if the nominations "
            "in this round are approved."
        )
        % detail,
        failed=_("Only %(holders)d of %(total)d members (%(share)s%%) hold “%(form)s”.") % detail,
    )


def _by_holders(
    label: str,
    meets: Callable[[int], bool],
    holders: int,
    pending: int,
    *,
    passed: str,
    pending_only: str,
    failed: str,
) -> Check:
    """Passed when the holders meet the rule, to review when they would with this round's nominations
    approved, failed otherwise; the officer may override either way."""
    if meets(holders):
        status, message = PASSED, passed
    elif meets(holders + pending):
        status, message = REVIEW, pending_only
    else:
        status, message = FAILED, failed
    return Check("prerequisite", label, status, message, overridable=True)


def _holders(ctx: Context, unit: Unit, code: str) -> tuple[int, int, int]:
    """The unit's active members, how many hold `code` in the year, and how many more are nominated."""
    members = Member.objects.filter(unit__path__startswith=unit.path, status=Member.Status.ACTIVE)
    codes = ctx.codes(code)
    holders = (
        AwardRecord.objects.counting()
        .filter(member__in=members, form_code__in=codes, year=ctx.year)
        .values("member")
        .distinct()
        .count()
    )
    pending = (
        Nomination.objects.filter(
            member__in=members, form_code__in=codes, year=ctx.year, status__in=("proposed", "approved")
        )
        .values("member")
        .distinct()
        .count()
    )
    return members.count(), holders, pending


def _members_with_title(ctx: Context, rule: dict) -> Check:
    code, count = rule["form"], max(int(rule.get("count", 1)), 1)
    name = ctx.form_name(code)
    label = _("At least %(n)d member(s) hold “%(form)s”") % {"n": count, "form": name}
    if ctx.unit is None:
        return Check("prerequisite", label, REVIEW, _("Applies to collectives."), overridable=True)
    _total, holders, pending = _holders(ctx, ctx.unit, code)
    detail = {"holders": holders, "form": name, "year": ctx.year}
    return _by_holders(
        label,
        lambda held: held >= count,
        holders,
        pending,
        passed=_("%(holders)d member(s) hold “%(form)s” for %(year)d.") % detail,
        pending_only=_(
            "%(holders)d member(s) hold “%(form)s” for %(year)d; enough only if the nominations in this round "
            "are approved."
        )
        % detail,
        failed=_("%(holders)d member(s) hold “%(form)s” for %(year)d.") % detail,
    )


def _completed_tasks(ctx: Context, rule: dict) -> Check:
    level = rule.get("level", TaskGrade.GOOD)
    years = int(rule.get("years", 1))
    required = TaskGrade(level)
    label = _("%(grade)s") % {"grade": required.label}
    if years > 1:
        label = _("%(grade)s, %(n)d years") % {"grade": required.label, "n": years}
    grades: dict[int, str] = {}
    if ctx.unit is not None:
        records = AwardRecord.objects.counting().filter(
            ctx.holder_filter,
            form_code__in=GRADING_FORMS.keys(),
            year__gt=ctx.year - years,
            year__lte=ctx.year,
        )
        for form_code, year in records.values_list("form_code", "year"):
            grades[year] = GRADING_FORMS[form_code]
    if ctx.year not in grades and ctx.declared.task_grade:
        grades[ctx.year] = ctx.declared.task_grade
    needed = list(range(ctx.year - years + 1, ctx.year + 1))
    below = [y for y in needed if y in grades and GRADE_RANK[grades[y]] < GRADE_RANK[required]]
    unknown = [y for y in needed if y not in grades]
    if below:
        year = below[0]
        return Check(
            "prerequisite",
            label,
            FAILED,
            _("%(year)d: “%(grade)s”, below “%(required)s”.")
            % {"year": year, "grade": TaskGrade(grades[year]).label, "required": required.label},
            overridable=True,
        )
    if unknown:
        return Check(
            "prerequisite",
            label,
            REVIEW,
            _("Task completion not recorded for %(years)s: check the yearly review.")
            % {"years": years_text(unknown)},
            overridable=True,
        )
    return Check(
        "prerequisite",
        label,
        PASSED,
        _("“%(grade)s” in %(years)s.")
        % {"grade": TaskGrade(grades[ctx.year]).label, "years": years_text(needed)},
        overridable=True,
    )


def _any_of(ctx: Context, rule: dict) -> Check:
    parts = [prerequisite_check(ctx, item) for item in rule.get("items", [])]
    label = _(" or ").join(p.label for p in parts)
    passed = [p for p in parts if p.status == PASSED]
    if passed:
        return Check("prerequisite", label, PASSED, passed[0].reason, overridable=True)
    reviews = [p for p in parts if p.status == REVIEW]
    if reviews:
        return Check("prerequisite", label, REVIEW, " ".join(p.reason for p in reviews), overridable=True)
    return Check("prerequisite", label, FAILED, " ".join(p.reason for p in parts), overridable=True)


def _manual(ctx: Context, rule: dict) -> Check:
    return Check("prerequisite", _("Checked by a person"), REVIEW, rule.get("text", ""), overridable=True)


def quota_check(ctx: Context, quota: dict) -> Check:
    if quota.get("type", "percent_of_holders") != "percent_of_holders":
        return Check(
            "quota",
            _("Quota"),
            REVIEW,
            _("A quota of an unknown kind: check it by hand."),
            rule=quota.get("source", ""),
        )
    base_code, max_percent = quota["form"], float(quota["max_percent"])
    base_name = ctx.form_name(base_code)
    label = _("At most %(p)s%% of the holders of “%(form)s”") % {"p": f"{max_percent:g}", "form": base_name}
    if quota.get("effective_from"):
        # the year is reviewed after it ends: a quota in force by then limits it, one coming later does not
        effective_from = dt.date.fromisoformat(quota["effective_from"])
        if dt.date(ctx.year, 12, 31) < effective_from:
            return Check(
                "quota",
                label,
                PASSED,
                _("Not in force for %(year)d: the quota applies from %(date)s.")
                % {"year": ctx.year, "date": effective_from.strftime("%d/%m/%Y")},
                rule=quota.get("source", ""),
            )
    if ctx.member is not None:
        scope: Unit | None = ctx.member.unit
    else:
        assert ctx.unit is not None, "a nominee is a member or a unit"
        scope = ctx.unit.parent
    if scope is None:
        return Check(
            "quota", label, REVIEW, _("No unit to count the quota in."), rule=quota.get("source", "")
        )
    if ctx.member is not None:
        holders_q = Q(member__unit=scope)
    else:
        holders_q = Q(unit__parent=scope)

    def count(codes: set[str]) -> int:
        records = set(
            AwardRecord.objects.counting()
            .filter(holders_q, form_code__in=codes, year=ctx.year)
            .values_list("member_id", "unit_id")
        )
        nominated = set(
            Nomination.objects.filter(
                holders_q, form_code__in=codes, year=ctx.year, status__in=ACTIVE_NOMINATION_STATUSES
            ).values_list("member_id", "unit_id")
        )
        return len(records | nominated)

    holders = count(ctx.codes(base_code))
    own = count({ctx.form.code})
    if ctx.exclude_nomination is None:
        own += 1  # the nomination being checked is not saved yet
    limit = quota_limit(quota, holders)
    detail = {
        "n": own,
        "form": ctx.form.name,
        "unit": scope.name,
        "year": ctx.year,
        "limit": limit,
        "p": f"{max_percent:g}",
        "holders": holders,
        "base": base_name,
    }
    if own <= limit:
        return Check(
            "quota",
            label,
            PASSED,
            _(
                "%(n)d for “%(form)s” in %(unit)s in %(year)d, within the limit of %(limit)d (%(p)s%% of "
                "%(holders)d holding or nominated for “%(base)s”)."
            )
            % detail,
            rule=quota.get("source", ""),
        )
    return Check(
        "quota",
        label,
        FAILED,
        _(
            "%(n)d for “%(form)s” in %(unit)s in %(year)d, over the limit of %(limit)d (%(p)s%% of %(holders)d "
            "holding or nominated for “%(base)s”)."
        )
        % detail,
        overridable=True,
        rule=quota.get("source", ""),
    )


def quota_limit(quota: dict, holders: int) -> int:
    """How many may hold the form when `holders` hold the base title: the percentage rounded as the rule
    says ("down" by default: "không quá" is a ceiling), and never below `minimum_when_eligible` when
    anyone holds the base title (docs/award-rules.md says why)."""
    share = holders * Decimal(str(quota["max_percent"])) / 100
    limit = math.ceil(share) if quota.get("rounding") == "up" else math.floor(share)
    if holders > 0:
        limit = max(limit, int(quota.get("minimum_when_eligible", 0)))
    return limit
