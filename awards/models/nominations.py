"""Nominations going up the tree: the deciding unit's round, each unit's batch with its path
(events), the nominations with their stored eligibility checks, and their evidence files."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from awards.models.rules import AwardForm, RuleSet
from core.models import CreatedRecord, UploadedFile
from core.uploads import RandomName

__all__ = [
    "ACTIVE_NOMINATION_STATUSES",
    "BatchEvent",
    "CheckStatus",
    "InitiativeScope",
    "Nomination",
    "NominationAttachment",
    "NominationBatch",
    "NominationRound",
    "TaskGrade",
]


class NominationRound(CreatedRecord):
    """A call for nominations: who decides, for which year or campaign, by when."""

    deciding_unit = models.ForeignKey(
        "organisations.Unit",
        on_delete=models.PROTECT,
        related_name="nomination_rounds",
        verbose_name=_("deciding unit"),
    )
    title = models.CharField(_("title"), max_length=255)
    year = models.PositiveSmallIntegerField(_("year"))
    campaign = models.ForeignKey(
        "campaigns.Campaign",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="nomination_rounds",
        verbose_name=_("campaign"),
    )
    campaign_label = models.CharField(
        _("campaign label"),
        max_length=255,
        blank=True,
        help_text=_("For a campaign that is not in the system (e.g. before it)."),
    )
    deadline = models.DateField(_("deadline for nominations"))
    rule_set = models.ForeignKey(
        RuleSet,
        on_delete=models.PROTECT,
        related_name="rounds",
        verbose_name=_("rules"),
        help_text=_("The forms nominated for; a decision applies the rules in force on its date."),
    )
    is_open = models.BooleanField(_("open"), default=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-year", "-deadline"]
        verbose_name = _("nomination round")
        verbose_name_plural = _("nomination rounds")

    def __str__(self) -> str:
        return self.title


class NominationBatch(CreatedRecord):
    """A unit's dossier of nominations for a round. It goes up level by level: `at_unit` is the
    unit holding it now."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Under review")
        RETURNED = "returned", _("Returned")
        AT_COUNCIL = "at_council", _("With the council")
        DECIDED = "decided", _("Decided")

    round = models.ForeignKey(
        NominationRound, on_delete=models.PROTECT, related_name="batches", verbose_name=_("round")
    )
    proposing_unit = models.ForeignKey(
        "organisations.Unit",
        on_delete=models.PROTECT,
        related_name="nomination_batches",
        verbose_name=_("proposing unit"),
    )
    at_unit = models.ForeignKey(
        "organisations.Unit", on_delete=models.PROTECT, related_name="+", verbose_name=_("now at")
    )
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.DRAFT)
    title = models.CharField(_("title"), max_length=255, blank=True)
    minutes = models.FileField(_("meeting minutes"), upload_to=RandomName("awards/minutes"), blank=True)
    minutes_name = models.CharField(max_length=255, blank=True)
    last_comment = models.TextField(_("last comment"), blank=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("nomination batch")
        verbose_name_plural = _("nomination batches")
        constraints = [
            models.UniqueConstraint(fields=["round", "proposing_unit"], name="one_batch_per_unit_and_round"),
        ]
        indexes = [models.Index(fields=["at_unit", "status"])]

    def __str__(self) -> str:
        return self.title or f"{self.proposing_unit} · {self.round}"

    @property
    def is_editable(self) -> bool:
        return self.status in (self.Status.DRAFT, self.Status.RETURNED)


class BatchEvent(models.Model):
    """What happened to a batch: submitted, forwarded, returned, a nominee cut, sent to the council."""

    class Action(models.TextChoices):
        SUBMIT = "submit", _("Submitted")
        FORWARD = "forward", _("Forwarded")
        RETURN = "return", _("Returned")
        CUT = "cut", _("Nominee removed")
        TO_COUNCIL = "to_council", _("Sent to the council")

    batch = models.ForeignKey(NominationBatch, on_delete=models.CASCADE, related_name="events")
    action = models.CharField(max_length=20, choices=Action.choices)
    from_unit = models.ForeignKey("organisations.Unit", null=True, on_delete=models.PROTECT, related_name="+")
    to_unit = models.ForeignKey(
        "organisations.Unit", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    comment = models.TextField(blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["at", "pk"]

    def __str__(self) -> str:
        return f"{self.get_action_display()} · {self.at:%d/%m/%Y}"


class TaskGrade(models.TextChoices):
    EXCELLENT = "excellent", _("Completed tasks excellently")
    GOOD = "good", _("Completed tasks well")
    COMPLETED = "completed", _("Completed tasks")
    NOT_COMPLETED = "not_completed", _("Did not complete tasks")


class InitiativeScope(models.TextChoices):
    GRASSROOTS = "grassroots", _("Recognised at grassroots level")
    PROVINCE = "province", _("Effect at provincial level")
    NATIONAL = "national", _("Effect at national level")


class CheckStatus(models.TextChoices):
    PASSED = "passed", _("Passed")
    REVIEW = "review", _("Needs a human look")
    FAILED = "failed", _("Failed")


ACTIVE_NOMINATION_STATUSES = ("proposed", "approved", "awarded")


def holder_fields(related_name: str) -> tuple[models.ForeignKey, models.ForeignKey]:
    """The member and unit columns of a row naming a member or a unit (a nomination, an award
    record); `one_holder_once_per_form_year` keeps exactly one of them filled."""
    member = models.ForeignKey(
        "organisations.Member",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name=related_name,
        verbose_name=_("member"),
    )
    unit = models.ForeignKey(
        "organisations.Unit",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name=related_name,
        verbose_name=_("collective"),
    )
    return member, unit


def one_holder_once_per_form_year(
    prefix: str, *, one_name: str, live: dict[str, object]
) -> list[models.BaseConstraint]:
    """The constraints of a row naming a member or a unit (never both) for an award form and year
    (a nomination, an award record): a holder has it once per form and year while `live` holds."""
    return [
        models.CheckConstraint(condition=Q(member__isnull=True) ^ Q(unit__isnull=True), name=one_name),
        models.UniqueConstraint(
            fields=["member", "form_code", "year"],
            condition=Q(member__isnull=False, **live),
            name=f"{prefix}_member_once_per_form_year",
        ),
        models.UniqueConstraint(
            fields=["unit", "form_code", "year"],
            condition=Q(unit__isnull=False, **live),
            name=f"{prefix}_unit_once_per_form_year",
        ),
    ]


class Nomination(CreatedRecord):
    """One nominee (a member or a unit) for one award form and year, inside a batch."""

    class Status(models.TextChoices):
        PROPOSED = "proposed", _("Proposed")
        CUT = "cut", _("Removed")
        APPROVED = "approved", _("Approved by the council")
        REJECTED = "rejected", _("Not approved by the council")
        AWARDED = "awarded", _("Awarded")
        REVOKED = "revoked", _("Award revoked")

    batch = models.ForeignKey(
        NominationBatch, on_delete=models.CASCADE, related_name="nominations", verbose_name=_("batch")
    )
    form = models.ForeignKey(
        AwardForm, on_delete=models.PROTECT, related_name="nominations", verbose_name=_("award form")
    )
    form_code = models.SlugField(max_length=60, editable=False)
    year = models.PositiveSmallIntegerField(_("year"))
    member, unit = holder_fields("nominations")
    achievement = models.TextField(_("achievement summary"))
    task_grade = models.CharField(
        _("task completion this year"), max_length=20, choices=TaskGrade.choices, blank=True
    )
    initiative = models.TextField(_("initiative or research work"), blank=True)
    initiative_scope = models.CharField(
        _("initiative recognised"), max_length=20, choices=InitiativeScope.choices, blank=True
    )
    # a regulation may require several (QĐ 1689/QĐ-TLĐ 2019, Điều 14: "02 sáng kiến")
    initiative_count = models.PositiveSmallIntegerField(_("number of initiatives recognised"), default=1)
    evidence_links = models.JSONField(_("links (articles, advanced models)"), default=list, blank=True)
    override_justification = models.TextField(
        _("justification for a failed check"),
        blank=True,
        help_text=_("Required when a prerequisite or quota check fails; the council sees it."),
    )
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.PROPOSED)
    cut_reason = models.TextField(_("reason for removal"), blank=True)
    cut_at_unit = models.ForeignKey(
        "organisations.Unit", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    checks = models.JSONField(default=list, blank=True, editable=False)
    check_status = models.CharField(max_length=10, choices=CheckStatus.choices, blank=True, editable=False)
    checked_at = models.DateTimeField(null=True, blank=True, editable=False)
    sort_order = models.PositiveIntegerField(default=0)
    history = HistoricalRecords(excluded_fields=["checks", "checked_at"])
    duplicate_flags: list  # set by awards.selectors.flag_duplicates for the pages

    class Meta:
        ordering = ["batch_id", "sort_order", "pk"]
        verbose_name = _("nomination")
        verbose_name_plural = _("nominations")
        # The same person or collective is nominated once per form and year (the database keeps it).
        constraints = one_holder_once_per_form_year(
            "nomination", one_name="nomination_one_nominee", live={"status__in": ACTIVE_NOMINATION_STATUSES}
        )

    def __str__(self) -> str:
        return f"{self.nominee_name} · {self.form.name} {self.year}"

    @property
    def nominee(self):
        return self.member if self.member_id else self.unit

    @property
    def nominee_name(self) -> str:
        if self.member is not None:
            return self.member.full_name
        assert self.unit is not None, "a nomination names a member or a unit (a database constraint)"
        return self.unit.name

    @property
    def is_active(self) -> bool:
        return self.status in ACTIVE_NOMINATION_STATUSES

    @property
    def failed_checks(self) -> list[dict]:
        return [c for c in self.checks if c.get("status") == CheckStatus.FAILED]


class NominationAttachment(UploadedFile):
    """Evidence for a nomination (a PDF, a scan, a photo)."""

    nomination = models.ForeignKey(Nomination, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(upload_to=RandomName("awards/evidence"))
