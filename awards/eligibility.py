"""The eligibility engine: for a nominee, an award form and a year, every check with its result
(passed / failed / needs a human look) and the reason in the user's language.

The rules are data (AwardForm.prerequisites, .quota); this module only knows the vocabulary of
rules_data.py. History is the nominee's AwardRecords that still count (a revoked decision's awards
do not), under any rule set (matched by form code), including records imported for years before
the system; a unit's history includes the units merged into it.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import asdict, dataclass, field

from django.db.models import Q
from django.utils.translation import gettext as _

from awards.models import (
    ACTIVE_NOMINATION_STATUSES,
    AwardForm,
    AwardRecord,
    CheckStatus,
    InitiativeScope,
    Nomination,
    TaskGrade,
)
from core.text import fold
from organisations.models import Member, Unit

PASSED, REVIEW, FAILED = CheckStatus.PASSED.value, CheckStatus.REVIEW.value, CheckStatus.FAILED.value
_SEVERITY = {PASSED: 0, REVIEW: 1, FAILED: 2}

GRADE_RANK: dict[str, int] = {TaskGrade.NOT_COMPLETED: 0, TaskGrade.COMPLETED: 1, TaskGrade.GOOD: 2, TaskGrade.EXCELLENT: 3}
SCOPE_RANK: dict[str, int] = {InitiativeScope.GRASSROOTS: 1, InitiativeScope.PROVINCE: 2, InitiativeScope.NATIONAL: 3}
# Yearly gradings of grassroots unions (rules_data codes) read as a task-completion grade.
GRADING_FORMS = {
    "cdcs-hoan-thanh-xuat-sac-nhiem-vu": TaskGrade.EXCELLENT,
    "cdcs-vung-manh": TaskGrade.EXCELLENT,
    "cdcs-hoan-thanh-tot-nhiem-vu": TaskGrade.GOOD,
    "cdcs-kha": TaskGrade.GOOD,
    "cdcs-hoan-thanh-nhiem-vu": TaskGrade.COMPLETED,
    "cdcs-trung-binh": TaskGrade.COMPLETED,
    "cdcs-khong-hoan-thanh-nhiem-vu": TaskGrade.NOT_COMPLETED,
    "cdcs-yeu": TaskGrade.NOT_COMPLETED,
}


@dataclass
class Check:
    code: str
    label: str
    status: str
    reason: str
    overridable: bool = False
    rule: str = ""

    def as_dict(self) -> dict:
        return asdict(self)


@dataclass
class Declared:
    """What the proposing unit declares in the dossier (checked by people against the evidence)."""

    task_grade: str = ""
    initiative: str = ""
    initiative_scope: str = ""
    has_evidence: bool = False
    achievement: str = ""

    @classmethod
    def of(cls, nomination: Nomination) -> Declared:
        has_evidence = bool(nomination.evidence_links) or (nomination.pk is not None and nomination.attachments.exists())
        return cls(task_grade=nomination.task_grade, initiative=nomination.initiative,
                   initiative_scope=nomination.initiative_scope, has_evidence=has_evidence,
                   achievement=nomination.achievement)


@dataclass
class Context:
    form: AwardForm
    year: int
    member: Member | None
    unit: Unit | None
    declared: Declared
    exclude_nomination: int | None
    holder_units: list[int] = field(default_factory=list)
    _codes: dict[str, set[str]] = field(default_factory=dict)

    @property
    def holder_filter(self) -> Q:
        return Q(member=self.member) if self.member is not None else Q(unit_id__in=self.holder_units)

    def codes(self, code: str) -> set[str]:
        """A form code and the codes of forms declared equivalent to it (e.g. a union form)."""
        if code not in self._codes:
            self._codes[code] = {code, *AwardForm.objects.filter(equivalent_to=code).values_list("code", flat=True)}
        return self._codes[code]

    def held_years(self, code: str) -> set[int]:
        return set(AwardRecord.objects.counting().filter(self.holder_filter, form_code__in=self.codes(code))
                   .values_list("year", flat=True))

    def pending_years(self, code: str) -> set[int]:
        nominations = Nomination.objects.filter(self.holder_filter, form_code__in=self.codes(code),
                                                status__in=("proposed", "approved"))
        if self.exclude_nomination:
            nominations = nominations.exclude(pk=self.exclude_nomination)
        return set(nominations.values_list("year", flat=True))

    def form_name(self, code: str) -> str:
        form = AwardForm.objects.filter(code=code).order_by("-rule_set__valid_from").only("name").first()
        return form.name if form else code


def merged_history_units(unit: Unit) -> list[int]:
    """The unit and every unit merged into it, directly or through other merges."""
    ids = [unit.pk]
    frontier = [unit.pk]
    while frontier:
        frontier = [pk for pk in Unit.objects.filter(merged_into_id__in=frontier).values_list("pk", flat=True) if pk not in ids]
        ids.extend(frontier)
    return ids


def _years(years) -> str:
    return ", ".join(str(y) for y in sorted(years))


def evaluate(form: AwardForm, year: int, *, member: Member | None = None, unit: Unit | None = None,
             declared: Declared | None = None, exclude_nomination: int | None = None) -> list[Check]:
    """Every check for one nominee; nothing is written."""
    if (member is None) == (unit is None):
        raise ValueError("exactly one of member and unit")
    ctx = Context(form=form, year=year, member=member, unit=unit, declared=declared or Declared(),
                  exclude_nomination=exclude_nomination)
    if unit is not None:
        ctx.holder_units = merged_history_units(unit)
    checks = [_recipient(ctx), _status(ctx), *_duplicates(ctx)]
    if not form.decided_here:
        checks.append(Check("decided_here", _("Who decides"), REVIEW,
                            _("“%(form)s” is decided by a higher authority: this system prepares and records the "
                              "proposal only.") % {"form": form.name}))
    for index, rule in enumerate(form.prerequisites or []):
        check = _prerequisite(ctx, rule)
        check.code = f"prerequisite-{index + 1}"
        checks.append(check)
    if form.quota:
        checks.append(_quota(ctx, form.quota))
    return checks


def overall(checks: list[Check] | list[dict]) -> str:
    statuses = [c.status if isinstance(c, Check) else c["status"] for c in checks]
    return max(statuses, key=_SEVERITY.__getitem__, default=PASSED)


def blocking(checks: list[Check]) -> list[Check]:
    """Failed checks that no justification can override (wrong recipient, duplicate, status)."""
    return [c for c in checks if c.status == FAILED and not c.overridable]


def needs_justification(checks: list[Check]) -> list[Check]:
    return [c for c in checks if c.status == FAILED and c.overridable]


# The checks ------------------------------------------------------------------------------

def _recipient(ctx: Context) -> Check:
    label = _("Recipient")
    if ctx.member is not None and not ctx.form.for_individuals:
        return Check("recipient", label, FAILED, _("“%(form)s” is awarded to collectives, not to individuals.")
                     % {"form": ctx.form.name})
    if ctx.unit is not None and not ctx.form.for_collectives:
        return Check("recipient", label, FAILED, _("“%(form)s” is awarded to individuals, not to collectives.")
                     % {"form": ctx.form.name})
    return Check("recipient", label, PASSED, _("The form may be awarded to this nominee."))


def _status(ctx: Context) -> Check:
    label = _("Nominee's status")
    year_start, year_end = dt.date(ctx.year, 1, 1), dt.date(ctx.year, 12, 31)
    if ctx.member is not None:
        member = ctx.member
        if member.status == Member.Status.ACTIVE:
            return Check("status", label, PASSED, _("An active member of %(unit)s.") % {"unit": member.unit.name})
        left = member.left_on.strftime("%d/%m/%Y") if member.left_on else "—"
        if member.left_on and member.left_on < year_start:
            return Check("status", label, FAILED,
                         _("%(name)s is no longer a member (%(status)s since %(date)s), before the year %(year)d.")
                         % {"name": member.full_name, "status": member.get_status_display().lower(), "date": left,
                            "year": ctx.year})
        return Check("status", label, REVIEW,
                     _("%(name)s is no longer an active member (%(status)s, %(date)s): check that the award for "
                       "%(year)d is still due.") % {"name": member.full_name,
                                                    "status": member.get_status_display().lower(), "date": left,
                                                    "year": ctx.year})
    unit = ctx.unit
    assert unit is not None, "a nominee is a member or a unit"
    merged = _(" and was merged into %(unit)s") % {"unit": unit.merged_into.name} if unit.merged_into is not None else ""
    if unit.valid_from and unit.valid_from > year_end:
        return Check("status", label, FAILED, _("%(unit)s did not exist yet in %(year)d.") % {"unit": unit.name, "year": ctx.year})
    if unit.valid_to and unit.valid_to < year_start:
        return Check("status", label, FAILED,
                     _("%(unit)s ended on %(date)s%(merged)s, before the year %(year)d.")
                     % {"unit": unit.name, "date": unit.valid_to.strftime("%d/%m/%Y"), "merged": merged, "year": ctx.year})
    if unit.valid_to:
        return Check("status", label, REVIEW,
                     _("%(unit)s ended on %(date)s%(merged)s: check who receives the award.")
                     % {"unit": unit.name, "date": unit.valid_to.strftime("%d/%m/%Y"), "merged": merged})
    return Check("status", label, PASSED, _("The unit exists."))


def _duplicates(ctx: Context) -> list[Check]:
    label = _("Not awarded or nominated twice")
    checks = []
    codes = {ctx.form.code}
    record = (AwardRecord.objects.counting().filter(ctx.holder_filter, form_code__in=codes, year=ctx.year)
              .select_related("form").first())
    if record is not None:
        ref = record.decision_ref or _("without a decision number")
        checks.append(Check("duplicate", label, FAILED, _("Already awarded “%(form)s” for %(year)d (%(ref)s).")
                            % {"form": record.form.name, "year": ctx.year, "ref": ref}))
    nominations = Nomination.objects.filter(ctx.holder_filter, form_code__in=codes, year=ctx.year,
                                            status__in=ACTIVE_NOMINATION_STATUSES)
    if ctx.exclude_nomination:
        nominations = nominations.exclude(pk=ctx.exclude_nomination)
    other = nominations.select_related("batch__proposing_unit").first()
    if other is not None:
        checks.append(Check("duplicate", label, FAILED,
                            _("Already nominated for “%(form)s” for %(year)d by %(unit)s.")
                            % {"form": ctx.form.name, "year": ctx.year, "unit": other.batch.proposing_unit.name}))
    achievement = fold(ctx.declared.achievement)
    if not checks and len(achievement) >= 20:
        same = (AwardRecord.objects.counting().filter(ctx.holder_filter).exclude(achievement="")
                .select_related("form").only("achievement", "year", "form__name"))
        for earlier in same:
            if fold(earlier.achievement) == achievement:
                checks.append(Check("duplicate", label, REVIEW,
                                    _("The same achievement was already rewarded with “%(form)s” (%(year)d).")
                                    % {"form": earlier.form.name, "year": earlier.year}))
                break
    if not checks:
        checks.append(Check("duplicate", label, PASSED,
                            _("No award or other nomination for this form and year.")))
    return checks


def _prerequisite(ctx: Context, rule: dict) -> Check:
    kind = rule.get("type")
    handler = {
        "title_years": _title_years,
        "initiative": _initiative,
        "share_of_members_with_title": _share_of_members,
        "completed_tasks": _completed_tasks,
        "any_of": _any_of,
        "manual": _manual,
    }.get(kind) if isinstance(kind, str) else None
    if handler is None:
        return Check("prerequisite", _("Prerequisite"), REVIEW, _("A rule of an unknown kind (%(kind)s): check it by hand.")
                     % {"kind": kind}, rule=str(rule))
    check = handler(ctx, rule)
    check.rule = check.rule or ctx.form.criteria_text
    return check


def _title_years(ctx: Context, rule: dict) -> Check:
    code, years = rule["form"], int(rule.get("years", 1))
    consecutive = rule.get("consecutive", True)
    end = ctx.year - 1 if rule.get("ending") == "previous_year" else ctx.year
    name = ctx.form_name(code)
    if years == 1:
        label = _("Holds “%(form)s” in %(year)d") % {"form": name, "year": end}
    elif consecutive:
        label = _("“%(form)s” %(n)d consecutive years (%(first)d–%(last)d)") % {"form": name, "n": years,
                                                                              "first": end - years + 1, "last": end}
    else:
        label = _("“%(form)s” %(n)d times") % {"form": name, "n": years}
    held = ctx.held_years(code)
    pending = ctx.pending_years(code)
    if consecutive:
        needed = list(range(end - years + 1, end + 1))
        missing = [y for y in needed if y not in held]
        if not missing:
            return Check("prerequisite", label, PASSED, _("Held in %(years)s.") % {"years": _years(needed)}, overridable=True)
        if all(y in pending for y in missing):
            return Check("prerequisite", label, REVIEW,
                         _("Not yet decided for %(years)s: nominated in this round; decide both together.")
                         % {"years": _years(missing)}, overridable=True)
        held_in_range = [y for y in needed if y in held]
        if held_in_range:
            reason = _("Held in %(held)s but not in %(missing)s: the years must be consecutive.") % {
                "held": _years(held_in_range), "missing": _years(missing)}
        else:
            reason = _("Not held in %(missing)s.") % {"missing": _years(missing)}
        return Check("prerequisite", label, FAILED, reason, overridable=True)
    counted = {y for y in held if y <= end}
    if len(counted) >= years:
        return Check("prerequisite", label, PASSED, _("Held in %(years)s.") % {"years": _years(counted)}, overridable=True)
    if len(counted | {y for y in pending if y <= end}) >= years:
        return Check("prerequisite", label, REVIEW, _("Enough only with nominations not yet decided."), overridable=True)
    return Check("prerequisite", label, FAILED, _("Held %(n)d times, %(needed)d needed.")
                 % {"n": len(counted), "needed": years}, overridable=True)


def _initiative(ctx: Context, rule: dict) -> Check:
    scope = rule.get("scope", InitiativeScope.GRASSROOTS)
    label = _("Initiative: %(scope)s") % {"scope": InitiativeScope(scope).label if scope in SCOPE_RANK else scope}
    declared = ctx.declared
    if not declared.initiative.strip() or not declared.initiative_scope:
        return Check("prerequisite", label, FAILED, _("No initiative or research work is declared in the dossier."),
                     overridable=True)
    if SCOPE_RANK.get(declared.initiative_scope, 0) < SCOPE_RANK.get(scope, 1):
        return Check("prerequisite", label, FAILED,
                     _("The declared initiative is “%(declared)s”; “%(required)s” is required.")
                     % {"declared": InitiativeScope(declared.initiative_scope).label,
                        "required": InitiativeScope(scope).label}, overridable=True)
    if not declared.has_evidence:
        return Check("prerequisite", label, REVIEW,
                     _("Declared but without evidence: attach the recognition of the initiative."), overridable=True)
    return Check("prerequisite", label, PASSED, _("Declared with evidence: %(text)s") % {"text": declared.initiative[:120]},
                 overridable=True)


def _share_of_members(ctx: Context, rule: dict) -> Check:
    code, minimum = rule["form"], float(rule["min_percent"])
    exclusive = bool(rule.get("exclusive"))
    name = ctx.form_name(code)
    label = (_("More than %(p)s%% of members hold “%(form)s”") if exclusive
             else _("At least %(p)s%% of members hold “%(form)s”")) % {"p": f"{minimum:g}", "form": name}
    if ctx.unit is None:
        return Check("prerequisite", label, REVIEW, _("Applies to collectives."), overridable=True)
    members = Member.objects.filter(unit__path__startswith=ctx.unit.path, status=Member.Status.ACTIVE)
    total = members.count()
    if total == 0:
        return Check("prerequisite", label, REVIEW, _("The unit has no active members in the system."), overridable=True)
    codes = ctx.codes(code)
    holders = (AwardRecord.objects.counting().filter(member__in=members, form_code__in=codes, year=ctx.year)
               .values("member").distinct().count())
    pending = (Nomination.objects.filter(member__in=members, form_code__in=codes, year=ctx.year,
                                         status__in=("proposed", "approved"))
               .values("member").distinct().count())

    def meets(count: int) -> bool:
        share = 100 * count / total
        return share > minimum if exclusive else share >= minimum

    share = 100 * holders / total
    detail = {"holders": holders, "total": total, "share": f"{share:.1f}".replace(".", ","), "form": name}
    if meets(holders):
        return Check("prerequisite", label, PASSED, _("%(holders)d of %(total)d members (%(share)s%%) hold “%(form)s”.")
                     % detail, overridable=True)
    if meets(holders + pending):
        return Check("prerequisite", label, REVIEW,
                     _("%(holders)d of %(total)d members (%(share)s%%) hold “%(form)s”; enough only if the nominations "
                       "in this round are approved.") % detail, overridable=True)
    return Check("prerequisite", label, FAILED, _("Only %(holders)d of %(total)d members (%(share)s%%) hold “%(form)s”.")
                 % detail, overridable=True)


def _completed_tasks(ctx: Context, rule: dict) -> Check:
    level = rule.get("level", TaskGrade.GOOD)
    years = int(rule.get("years", 1))
    required = TaskGrade(level)
    label = _("%(grade)s") % {"grade": required.label}
    if years > 1:
        label = _("%(grade)s, %(n)d years") % {"grade": required.label, "n": years}
    grades: dict[int, str] = {}
    if ctx.unit is not None:
        records = AwardRecord.objects.counting().filter(ctx.holder_filter, form_code__in=GRADING_FORMS.keys(),
                                                        year__gt=ctx.year - years, year__lte=ctx.year)
        for form_code, year in records.values_list("form_code", "year"):
            grades[year] = GRADING_FORMS[form_code]
    if ctx.year not in grades and ctx.declared.task_grade:
        grades[ctx.year] = ctx.declared.task_grade
    needed = list(range(ctx.year - years + 1, ctx.year + 1))
    below = [y for y in needed if y in grades and GRADE_RANK[grades[y]] < GRADE_RANK[required]]
    unknown = [y for y in needed if y not in grades]
    if below:
        year = below[0]
        return Check("prerequisite", label, FAILED, _("%(year)d: “%(grade)s”, below “%(required)s”.")
                     % {"year": year, "grade": TaskGrade(grades[year]).label, "required": required.label}, overridable=True)
    if unknown:
        return Check("prerequisite", label, REVIEW, _("Task completion not recorded for %(years)s: check the yearly "
                                                      "review.") % {"years": _years(unknown)}, overridable=True)
    return Check("prerequisite", label, PASSED, _("“%(grade)s” in %(years)s.")
                 % {"grade": TaskGrade(grades[ctx.year]).label, "years": _years(needed)}, overridable=True)


def _any_of(ctx: Context, rule: dict) -> Check:
    parts = [_prerequisite(ctx, item) for item in rule.get("items", [])]
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


def _quota(ctx: Context, quota: dict) -> Check:
    if quota.get("type", "percent_of_holders") != "percent_of_holders":
        return Check("quota", _("Quota"), REVIEW, _("A quota of an unknown kind: check it by hand."),
                     rule=quota.get("source", ""))
    base_code, max_percent = quota["form"], float(quota["max_percent"])
    base_name = ctx.form_name(base_code)
    label = _("At most %(p)s%% of the holders of “%(form)s”") % {"p": f"{max_percent:g}", "form": base_name}
    if ctx.member is not None:
        scope: Unit | None = ctx.member.unit
    else:
        assert ctx.unit is not None, "a nominee is a member or a unit"
        scope = ctx.unit.parent
    if scope is None:
        return Check("quota", label, REVIEW, _("No unit to count the quota in."), rule=quota.get("source", ""))
    if ctx.member is not None:
        holders_q = Q(member__unit=scope)
    else:
        holders_q = Q(unit__parent=scope)

    def count(codes: set[str]) -> int:
        records = set(AwardRecord.objects.counting().filter(holders_q, form_code__in=codes, year=ctx.year)
                      .values_list("member_id", "unit_id"))
        nominated = set(Nomination.objects.filter(holders_q, form_code__in=codes, year=ctx.year,
                                                  status__in=ACTIVE_NOMINATION_STATUSES).values_list("member_id", "unit_id"))
        return len(records | nominated)

    holders = count(ctx.codes(base_code))
    own = count({ctx.form.code})
    if ctx.exclude_nomination is None:
        own += 1  # the nomination being checked is not saved yet
    limit = math.floor(holders * max_percent / 100)
    detail = {"n": own, "form": ctx.form.name, "unit": scope.name, "year": ctx.year, "limit": limit,
              "p": f"{max_percent:g}", "holders": holders, "base": base_name}
    if own <= limit:
        return Check("quota", label, PASSED,
                     _("%(n)d for “%(form)s” in %(unit)s in %(year)d, within the limit of %(limit)d (%(p)s%% of "
                       "%(holders)d holding or nominated for “%(base)s”).") % detail, rule=quota.get("source", ""))
    return Check("quota", label, FAILED,
                 _("%(n)d for “%(form)s” in %(unit)s in %(year)d, over the limit of %(limit)d (%(p)s%% of %(holders)d "
                   "holding or nominated for “%(base)s”).") % detail, overridable=True, rule=quota.get("source", ""))
