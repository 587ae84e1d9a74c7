"""What every eligibility check reads and returns: the check's result, what the dossier declares,
the nominee's context (form, year, history), and the units whose history counts."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

from django.db.models import Q

from awards.models import AwardForm, AwardRecord, CheckStatus, InitiativeScope, Nomination, TaskGrade
from organisations.models import Member, Unit

__all__ = [
    "FAILED",
    "GRADE_RANK",
    "GRADING_FORMS",
    "PASSED",
    "REVIEW",
    "SCOPE_RANK",
    "SEVERITY",
    "Check",
    "Context",
    "Declared",
    "merged_history_units",
    "years_text",
]


PASSED, REVIEW, FAILED = CheckStatus.PASSED.value, CheckStatus.REVIEW.value, CheckStatus.FAILED.value
SEVERITY = {PASSED: 0, REVIEW: 1, FAILED: 2}

GRADE_RANK: dict[str, int] = {
    TaskGrade.NOT_COMPLETED: 0,
    TaskGrade.COMPLETED: 1,
    TaskGrade.GOOD: 2,
    TaskGrade.EXCELLENT: 3,
}
SCOPE_RANK: dict[str, int] = {
    InitiativeScope.GRASSROOTS: 1,
    InitiativeScope.PROVINCE: 2,
    InitiativeScope.NATIONAL: 3,
}
# Yearly gradings of grassroots unions (rule_texts codes) read as a task-completion grade.
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
    initiative_count: int = 1
    has_evidence: bool = False
    achievement: str = ""

    @classmethod
    def of(cls, nomination: Nomination) -> Declared:
        has_evidence = bool(nomination.evidence_links) or (
            nomination.pk is not None and nomination.attachments.exists()
        )
        return cls(
            task_grade=nomination.task_grade,
            initiative=nomination.initiative,
            initiative_scope=nomination.initiative_scope,
            initiative_count=nomination.initiative_count,
            has_evidence=has_evidence,
            achievement=nomination.achievement,
        )


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
            self._codes[code] = {
                code,
                *AwardForm.objects.filter(equivalent_to=code).values_list("code", flat=True),
            }
        return self._codes[code]

    def held_years(self, code: str) -> set[int]:
        return set(
            AwardRecord.objects.counting()
            .filter(self.holder_filter, form_code__in=self.codes(code))
            .values_list("year", flat=True)
        )

    def pending_years(self, code: str) -> set[int]:
        nominations = Nomination.objects.filter(
            self.holder_filter, form_code__in=self.codes(code), status__in=("proposed", "approved")
        )
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
        frontier = [
            pk
            for pk in Unit.objects.filter(merged_into_id__in=frontier).values_list("pk", flat=True)
            if pk not in ids
        ]
        ids.extend(frontier)
    return ids


def years_text(years) -> str:
    return ", ".join(str(y) for y in sorted(years))
