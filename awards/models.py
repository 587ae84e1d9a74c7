"""Commendation: award rules as data, nominations going up the tree, the award history, the
council's votes and the numbered decisions with their certificates.

Rules (RuleSet, AwardForm, BaseSalary) are loaded from `awards/rules_data.py`; a decision keeps
the rule set and base salary in force on its date, and the amounts it computed.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.models import CHECKING_LABEL, CreatedRecord, ImportBatch, UploadedFile
from core.text import fold, normalize
from core.uploads import RandomName

# Rules ---------------------------------------------------------------------------------


class RuleSetQuerySet(models.QuerySet):
    def in_force(self, on):
        """Rule sets whose validity covers `on` (valid_to is the last day in force)."""
        return self.filter(valid_from__lte=on).filter(Q(valid_to__isnull=True) | Q(valid_to__gte=on))


class RuleSet(models.Model):
    """A dated set of award rules (a law and its decree, e.g. Nghị định 91/2017/NĐ-CP)."""

    class RoundingMode(models.TextChoices):
        UP = "up", _("Round up")
        NEAREST = "nearest", _("Round to nearest")

    code = models.SlugField(_("code"), max_length=40, unique=True)
    name = models.CharField(_("name"), max_length=300)
    valid_from = models.DateField(_("valid from"))
    valid_to = models.DateField(_("valid to"), null=True, blank=True, help_text=_("Last day in force; empty while in force."))
    legal_basis = models.JSONField(_("legal basis"), default=list, blank=True)
    rounding_to = models.PositiveIntegerField(_("round prize money to"), default=1000)
    rounding_mode = models.CharField(_("rounding"), max_length=10, choices=RoundingMode.choices, default=RoundingMode.UP)
    rounding_source = models.TextField(_("rounding source"), blank=True)
    verified = models.BooleanField(_("verified against the text"), default=False)
    note = models.TextField(_("note"), blank=True)
    history = HistoricalRecords()

    objects = RuleSetQuerySet.as_manager()

    class Meta:
        ordering = ["valid_from"]
        verbose_name = _("rule set")
        verbose_name_plural = _("rule sets")
        constraints = [
            models.CheckConstraint(condition=Q(valid_to__isnull=True) | Q(valid_to__gte=models.F("valid_from")),
                                   name="ruleset_valid_to_after_valid_from"),
        ]

    def __str__(self) -> str:
        return self.name


class AwardForm(models.Model):
    """A title or form of commendation under one rule set. `code` is stable across rule sets, so
    history under old rules counts for prerequisites under new ones."""

    class Kind(models.TextChoices):
        TITLE = "title", _("Emulation title")
        COMMENDATION = "commendation", _("Form of commendation")
        UNION = "union", _("Trade-union form")
        GRADING = "grading", _("Yearly grading")

    class Recipient(models.TextChoices):
        INDIVIDUAL = "individual", _("Individual")
        COLLECTIVE = "collective", _("Collective")
        BOTH = "both", _("Individual or collective")

    class Level(models.TextChoices):
        GRASSROOTS = "grassroots", _("Grassroots")
        UPPER_UNION = "upper_union", _("Upper-level union")
        PROVINCE = "province", _("Province")
        CONFEDERATION = "confederation", _("Confederation")
        GOVERNMENT = "government", _("Government")
        STATE = "state", _("State")

    rule_set = models.ForeignKey(RuleSet, on_delete=models.PROTECT, related_name="forms", verbose_name=_("rule set"))
    code = models.SlugField(_("code"), max_length=60)
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    recipient = models.CharField(_("for"), max_length=20, choices=Recipient.choices)
    level = models.CharField(_("level"), max_length=20, choices=Level.choices)
    decided_here = models.BooleanField(_("decided in this system"), default=True)
    criteria_text = models.TextField(_("criteria"), blank=True)
    prerequisites = models.JSONField(_("prerequisites"), default=list, blank=True)
    quota = models.JSONField(_("quota"), null=True, blank=True)
    vote = models.JSONField(_("council vote"), null=True, blank=True)
    coefficient_individual = models.DecimalField(_("coefficient (individual)"), max_digits=7, decimal_places=3,
                                                 null=True, blank=True)
    coefficient_collective = models.DecimalField(_("coefficient (collective)"), max_digits=7, decimal_places=3,
                                                 null=True, blank=True)
    coefficient_is_cap = models.BooleanField(_("coefficient is an upper limit"), default=False)
    equivalent_to = models.CharField(_("equivalent to"), max_length=60, blank=True)
    source = models.TextField(_("source"), blank=True)
    verified = models.BooleanField(_("verified against the text"), default=False)
    note = models.TextField(_("note"), blank=True)
    sort_order = models.PositiveSmallIntegerField(default=0)
    # Set when an administrator entered the prize money from the regulation in hand: the loader of
    # awards/rules_data.py then keeps these coefficients instead of overwriting them.
    money_entered_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                                         related_name="+", verbose_name=_("prize money entered by"))
    money_entered_at = models.DateTimeField(_("prize money entered at"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["rule_set__valid_from", "sort_order", "name"]
        verbose_name = _("award form")
        verbose_name_plural = _("award forms")
        constraints = [models.UniqueConstraint(fields=["rule_set", "code"], name="awardform_code_once_per_ruleset")]

    def __str__(self) -> str:
        return self.name

    @property
    def for_individuals(self) -> bool:
        return self.recipient in (self.Recipient.INDIVIDUAL, self.Recipient.BOTH)

    @property
    def for_collectives(self) -> bool:
        return self.recipient in (self.Recipient.COLLECTIVE, self.Recipient.BOTH)

    @property
    def money_unknown(self) -> bool:
        """Whether some coefficient this form needs is missing while the rules are not confirmed
        to give it no money: decisions then cannot state every amount."""
        if self.verified:
            return False
        return ((self.for_individuals and self.coefficient_individual is None)
                or (self.for_collectives and self.coefficient_collective is None))

    @property
    def certificate_title(self) -> str:
        """The heading printed on its certificate (legal format: stays Vietnamese)."""
        folded = fold(self.name)
        if "giay khen" in folded:
            return "GIẤY KHEN"
        if "bang khen" in folded:
            return "BẰNG KHEN"
        return "GIẤY CHỨNG NHẬN"


class BaseSalary(models.Model):
    """The base salary (mức lương cơ sở) from a date on. Rows are added, never edited: a decision
    made under an amount must keep it."""

    effective_from = models.DateField(_("effective from"), unique=True)
    amount = models.PositiveBigIntegerField(_("amount (VND)"))
    source = models.TextField(_("source"))
    verified = models.BooleanField(_("verified against the text"), default=False)
    note = models.TextField(_("note"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["effective_from"]
        verbose_name = _("base salary")
        verbose_name_plural = _("base salaries")
        constraints = [models.CheckConstraint(condition=Q(amount__gt=0), name="base_salary_positive")]

    def __str__(self) -> str:
        return f"{self.amount:,} đ từ {self.effective_from:%d/%m/%Y}".replace(",", ".")

    def save(self, *args, **kwargs):
        if self.pk is not None and not self._state.adding:
            raise ValidationError(_("A base salary row is never edited: add a new row with its effective date."))
        super().save(*args, **kwargs)

    @classmethod
    def on(cls, date) -> "BaseSalary | None":
        return cls.objects.filter(effective_from__lte=date).order_by("-effective_from").first()


# Nominations ---------------------------------------------------------------------------


class NominationRound(CreatedRecord):
    """A call for nominations: who decides, for which year or campaign, by when."""

    deciding_unit = models.ForeignKey("organisations.Unit", on_delete=models.PROTECT, related_name="nomination_rounds",
                                      verbose_name=_("deciding unit"))
    title = models.CharField(_("title"), max_length=255)
    year = models.PositiveSmallIntegerField(_("year"))
    campaign = models.ForeignKey("campaigns.Campaign", null=True, blank=True, on_delete=models.PROTECT,
                                 related_name="nomination_rounds", verbose_name=_("campaign"))
    campaign_label = models.CharField(_("campaign label"), max_length=255, blank=True,
                                      help_text=_("For a campaign that is not in the system (e.g. before it)."))
    deadline = models.DateField(_("deadline for nominations"))
    rule_set = models.ForeignKey(RuleSet, on_delete=models.PROTECT, related_name="rounds", verbose_name=_("rules"),
                                 help_text=_("The forms nominated for; a decision applies the rules in force on its date."))
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

    round = models.ForeignKey(NominationRound, on_delete=models.PROTECT, related_name="batches", verbose_name=_("round"))
    proposing_unit = models.ForeignKey("organisations.Unit", on_delete=models.PROTECT, related_name="nomination_batches",
                                       verbose_name=_("proposing unit"))
    at_unit = models.ForeignKey("organisations.Unit", on_delete=models.PROTECT, related_name="+",
                                verbose_name=_("now at"))
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
    to_unit = models.ForeignKey("organisations.Unit", null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    comment = models.TextField(blank=True)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
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


class Nomination(CreatedRecord):
    """One nominee (a member or a unit) for one award form and year, inside a batch."""

    class Status(models.TextChoices):
        PROPOSED = "proposed", _("Proposed")
        CUT = "cut", _("Removed")
        APPROVED = "approved", _("Approved by the council")
        REJECTED = "rejected", _("Not approved by the council")
        AWARDED = "awarded", _("Awarded")
        REVOKED = "revoked", _("Award revoked")

    batch = models.ForeignKey(NominationBatch, on_delete=models.CASCADE, related_name="nominations",
                              verbose_name=_("batch"))
    form = models.ForeignKey(AwardForm, on_delete=models.PROTECT, related_name="nominations", verbose_name=_("award form"))
    form_code = models.SlugField(max_length=60, editable=False)
    year = models.PositiveSmallIntegerField(_("year"))
    member = models.ForeignKey("organisations.Member", null=True, blank=True, on_delete=models.PROTECT,
                               related_name="nominations", verbose_name=_("member"))
    unit = models.ForeignKey("organisations.Unit", null=True, blank=True, on_delete=models.PROTECT,
                             related_name="nominations", verbose_name=_("collective"))
    achievement = models.TextField(_("achievement summary"))
    task_grade = models.CharField(_("task completion this year"), max_length=20, choices=TaskGrade.choices, blank=True)
    initiative = models.TextField(_("initiative or research work"), blank=True)
    initiative_scope = models.CharField(_("initiative recognised"), max_length=20, choices=InitiativeScope.choices,
                                        blank=True)
    evidence_links = models.JSONField(_("links (articles, advanced models)"), default=list, blank=True)
    override_justification = models.TextField(
        _("justification for a failed check"), blank=True,
        help_text=_("Required when a prerequisite or quota check fails; the council sees it."))
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.PROPOSED)
    cut_reason = models.TextField(_("reason for removal"), blank=True)
    cut_at_unit = models.ForeignKey("organisations.Unit", null=True, blank=True, on_delete=models.PROTECT,
                                    related_name="+")
    checks = models.JSONField(default=list, blank=True, editable=False)
    check_status = models.CharField(max_length=10, choices=CheckStatus.choices, blank=True, editable=False)
    checked_at = models.DateTimeField(null=True, blank=True, editable=False)
    sort_order = models.PositiveIntegerField(default=0)
    history = HistoricalRecords(excluded_fields=["checks", "checked_at"])

    class Meta:
        ordering = ["batch_id", "sort_order", "pk"]
        verbose_name = _("nomination")
        verbose_name_plural = _("nominations")
        constraints = [
            models.CheckConstraint(condition=Q(member__isnull=True) ^ Q(unit__isnull=True), name="nomination_one_nominee"),
            # The same person or collective is nominated once per form and year (the database keeps it).
            models.UniqueConstraint(fields=["member", "form_code", "year"],
                                    condition=Q(member__isnull=False, status__in=ACTIVE_NOMINATION_STATUSES),
                                    name="nomination_member_once_per_form_year"),
            models.UniqueConstraint(fields=["unit", "form_code", "year"],
                                    condition=Q(unit__isnull=False, status__in=ACTIVE_NOMINATION_STATUSES),
                                    name="nomination_unit_once_per_form_year"),
        ]

    def __str__(self) -> str:
        return f"{self.nominee_name} · {self.form.name} {self.year}"

    @property
    def nominee(self):
        return self.member if self.member_id else self.unit

    @property
    def nominee_name(self) -> str:
        return self.member.full_name if self.member_id else self.unit.name

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


# Council -------------------------------------------------------------------------------


class CouncilSession(models.Model):
    """A meeting of the Hội đồng Thi đua – Khen thưởng of the deciding unit."""

    class Status(models.TextChoices):
        OPEN = "open", _("Voting open")
        CLOSED = "closed", _("Closed")

    deciding_unit = models.ForeignKey("organisations.Unit", on_delete=models.PROTECT, related_name="council_sessions",
                                      verbose_name=_("deciding unit"))
    round = models.ForeignKey(NominationRound, null=True, blank=True, on_delete=models.PROTECT,
                              related_name="council_sessions", verbose_name=_("round"))
    title = models.CharField(_("title"), max_length=255)
    held_on = models.DateField(_("meeting date"))
    place = models.CharField(_("place"), max_length=255, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.OPEN)
    chair = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                              related_name="+", verbose_name=_("chair"))
    closed_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    history = HistoricalRecords()

    class Meta:
        ordering = ["-held_on", "-pk"]
        verbose_name = _("council session")
        verbose_name_plural = _("council sessions")

    def __str__(self) -> str:
        return self.title

    @property
    def is_open(self) -> bool:
        return self.status == self.Status.OPEN


class CouncilMember(models.Model):
    session = models.ForeignKey(CouncilSession, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="council_memberships")
    present = models.BooleanField(_("present"), default=True)

    class Meta:
        ordering = ["pk"]
        constraints = [models.UniqueConstraint(fields=["session", "user"], name="council_member_once")]

    def __str__(self) -> str:
        return str(self.user)


class AgendaItem(models.Model):
    """A nomination on a session's agenda, with the vote rule it is judged by and its result."""

    class Result(models.TextChoices):
        PENDING = "pending", _("Not decided yet")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Not approved")

    class Base(models.TextChoices):
        MEMBERS = "members", _("of all council members")
        PRESENT = "present", _("of members present")

    session = models.ForeignKey(CouncilSession, on_delete=models.CASCADE, related_name="items")
    nomination = models.ForeignKey(Nomination, on_delete=models.PROTECT, related_name="agenda_items")
    secret_ballot = models.BooleanField(_("secret ballot"), default=False)
    threshold_percent = models.DecimalField(_("threshold (%)"), max_digits=5, decimal_places=2)
    threshold_strict = models.BooleanField(default=False, help_text="more than the threshold, not at least")
    threshold_of = models.CharField(max_length=10, choices=Base.choices, default=Base.PRESENT)
    vote_source = models.TextField(blank=True)
    yes = models.PositiveSmallIntegerField(default=0)
    no = models.PositiveSmallIntegerField(default=0)
    abstain = models.PositiveSmallIntegerField(default=0)
    base_count = models.PositiveSmallIntegerField(default=0)
    result = models.CharField(_("result"), max_length=10, choices=Result.choices, default=Result.PENDING)
    order = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["order", "pk"]
        constraints = [models.UniqueConstraint(fields=["session", "nomination"], name="agenda_item_once")]

    def __str__(self) -> str:
        return f"{self.session} · {self.nomination}"


class Ballot(models.Model):
    """One vote. For a secret ballot `voter` is empty: who voted is kept in BallotCast only."""

    class Choice(models.TextChoices):
        YES = "yes", _("Agree")
        NO = "no", _("Disagree")
        ABSTAIN = "abstain", _("Abstain")

    item = models.ForeignKey(AgendaItem, on_delete=models.CASCADE, related_name="ballots")
    voter = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    choice = models.CharField(max_length=10, choices=Choice.choices)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["item", "voter"], condition=Q(voter__isnull=False), name="one_open_ballot_per_voter"),
        ]

    def __str__(self) -> str:
        return self.get_choice_display()


class BallotCast(models.Model):
    """That a member has voted on an item (not how): one vote per member, secret or not."""

    item = models.ForeignKey(AgendaItem, on_delete=models.CASCADE, related_name="casts")
    voter = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["item", "voter"], name="one_vote_per_member_and_item")]

    def __str__(self) -> str:
        return f"{self.voter} · {self.item_id}"


# Decisions and history -----------------------------------------------------------------


class CertificateTemplate(CreatedRecord):
    """A federation's own page layout for Bằng khen / Giấy khen (HTML with placeholders only)."""

    unit = models.ForeignKey("organisations.Unit", on_delete=models.CASCADE, related_name="certificate_templates",
                             verbose_name=_("unit"))
    name = models.CharField(_("name"), max_length=120)
    html = models.TextField(_("template"))

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("certificate template")
        verbose_name_plural = _("certificate templates")

    def __str__(self) -> str:
        return self.name


class Decision(CreatedRecord):
    """A numbered award decision. Never edited: corrected by a new decision that replaces it, or
    revoked with a reason."""

    class Status(models.TextChoices):
        ISSUED = "issued", _("In force")
        REPLACED = "replaced", _("Replaced")
        REVOKED = "revoked", _("Revoked")

    deciding_unit = models.ForeignKey("organisations.Unit", on_delete=models.PROTECT, related_name="award_decisions",
                                      verbose_name=_("deciding unit"))
    document = models.OneToOneField("documents.Document", on_delete=models.PROTECT, related_name="award_decision",
                                    verbose_name=_("document"))
    session = models.ForeignKey(CouncilSession, null=True, blank=True, on_delete=models.PROTECT,
                                related_name="decisions", verbose_name=_("council session"))
    decided_on = models.DateField(_("decision date"))
    rule_set = models.ForeignKey(RuleSet, on_delete=models.PROTECT, related_name="decisions", verbose_name=_("rule set"))
    base_salary = models.ForeignKey(BaseSalary, on_delete=models.PROTECT, related_name="decisions",
                                    verbose_name=_("base salary"))
    base_salary_amount = models.PositiveBigIntegerField(_("base salary (VND)"))
    total_amount = models.PositiveBigIntegerField(_("total prize money (VND)"), default=0)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.ISSUED)
    replaces = models.OneToOneField("self", null=True, blank=True, on_delete=models.PROTECT,
                                    related_name="replaced_by", verbose_name=_("replaces"))
    revoked_reason = models.TextField(_("reason for revocation"), blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)
    revoked_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    certificate_template = models.ForeignKey(CertificateTemplate, null=True, blank=True, on_delete=models.SET_NULL,
                                             related_name="+", verbose_name=_("certificate template"))
    history = HistoricalRecords()

    class Meta:
        ordering = ["-decided_on", "-pk"]
        verbose_name = _("award decision")
        verbose_name_plural = _("award decisions")

    def __str__(self) -> str:
        return f"{self.document.number_symbol} · {self.document.summary}"

    @property
    def number_symbol(self) -> str:
        return self.document.number_symbol

    @cached_property
    def unknown_amount_count(self) -> int:
        """Records whose prize money the rules in force could not give: the total leaves them out."""
        return sum(1 for record in self.records.filter(amount__isnull=True).select_related("form")
                   if record.amount_unknown)


class AwardRecordQuerySet(models.QuerySet):
    def counting(self):
        """Records that count: not revoked (a revoked decision's awards no longer count)."""
        return self.filter(revoked_at__isnull=True)


class AwardRecord(models.Model):
    """A title or award a person or collective holds for a year: decided here, or imported from
    the years before the system."""

    class Source(models.TextChoices):
        DECIDED = "decided", _("Decided here")
        IMPORTED = "imported", _("Imported")

    member = models.ForeignKey("organisations.Member", null=True, blank=True, on_delete=models.PROTECT,
                               related_name="award_records", verbose_name=_("member"))
    unit = models.ForeignKey("organisations.Unit", null=True, blank=True, on_delete=models.PROTECT,
                             related_name="award_records", verbose_name=_("collective"))
    form = models.ForeignKey(AwardForm, on_delete=models.PROTECT, related_name="records", verbose_name=_("award form"))
    form_code = models.SlugField(max_length=60, editable=False)
    year = models.PositiveSmallIntegerField(_("year"))
    level = models.CharField(_("level"), max_length=20, choices=AwardForm.Level.choices, blank=True)
    decision = models.ForeignKey(Decision, null=True, blank=True, on_delete=models.PROTECT, related_name="records",
                                 verbose_name=_("decision"))
    decision_ref = models.CharField(_("decision number"), max_length=80, blank=True)
    decision_date = models.DateField(_("decision date"), null=True, blank=True)
    issuer_name = models.CharField(_("decided by"), max_length=255, blank=True)
    nomination = models.ForeignKey(Nomination, null=True, blank=True, on_delete=models.PROTECT, related_name="records")
    source = models.CharField(_("source"), max_length=10, choices=Source.choices)
    coefficient = models.DecimalField(max_digits=7, decimal_places=3, null=True, blank=True)
    amount = models.PositiveBigIntegerField(_("prize money (VND)"), null=True, blank=True)
    achievement = models.TextField(_("achievement"), blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)
    revoked_reason = models.TextField(blank=True)
    search_text = models.CharField(max_length=400, editable=False, default="")
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords(excluded_fields=["search_text"])

    objects = AwardRecordQuerySet.as_manager()

    class Meta:
        ordering = ["-year", "pk"]
        verbose_name = _("award record")
        verbose_name_plural = _("award records")
        constraints = [
            models.CheckConstraint(condition=Q(member__isnull=True) ^ Q(unit__isnull=True), name="awardrecord_one_holder"),
            models.UniqueConstraint(fields=["member", "form_code", "year"],
                                    condition=Q(member__isnull=False, revoked_at__isnull=True),
                                    name="awardrecord_member_once_per_form_year"),
            models.UniqueConstraint(fields=["unit", "form_code", "year"],
                                    condition=Q(unit__isnull=False, revoked_at__isnull=True),
                                    name="awardrecord_unit_once_per_form_year"),
        ]
        indexes = [models.Index(fields=["form_code", "year"]), models.Index(fields=["year", "level"])]

    def __str__(self) -> str:
        return f"{self.holder_name} · {self.form.name} {self.year}"

    def save(self, *args, **kwargs):
        self.form_code = self.form.code
        self.decision_ref = normalize(self.decision_ref)
        holder = self.member if self.member_id else self.unit
        self.search_text = fold(f"{holder} {getattr(holder, 'code', '')} {self.form.name} {self.decision_ref}")[:400]
        super().save(*args, **kwargs)

    @property
    def holder_name(self) -> str:
        return self.member.full_name if self.member_id else self.unit.name

    @property
    def is_revoked(self) -> bool:
        return self.revoked_at is not None

    @property
    def amount_unknown(self) -> bool:
        """No amount although the form may carry money: its coefficient was missing from the rules
        when the award was decided (as opposed to a form confirmed to carry none)."""
        if self.amount is not None:
            return False
        coefficient = self.form.coefficient_collective if self.unit_id else self.form.coefficient_individual
        return coefficient is not None or not self.form.verified



class AwardImport(ImportBatch):
    """An uploaded workbook of past awards: checked in full, applied all at once or not at all."""

    class Status(models.TextChoices):
        CHECKING = "checking", CHECKING_LABEL
        CHECKED = "checked", _("Checked, waiting for confirmation")
        INVALID = "invalid", _("Has errors")
        DONE = "done", _("Imported")

    unit = models.ForeignKey("organisations.Unit", on_delete=models.CASCADE, related_name="award_imports")
    file = models.FileField(upload_to=RandomName("imports/awards"))
    status = models.CharField(max_length=20, choices=Status.choices)

