"""The document registry: types, outside bodies, documents with their legal bases and
recipients, numbering sequences, the cascade's obligations, and attachments."""

from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser
from django.db import models
from django.db.models import Count, Q
from django.db.models.functions import ExtractYear
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.models import CreatedRecord, UploadedFile, optional_self_link
from core.text import fold, normalize
from core.uploads import RandomName
from organisations.subtree_tallies import SubtreeTally


class DocumentType(models.Model):
    """Chỉ thị, Kế hoạch, Quyết định... with the abbreviation used in symbols (ND30, Phụ lục III)."""

    name = models.CharField(_("name"), max_length=80, unique=True)
    code = models.CharField(_("abbreviation"), max_length=10, unique=True)
    is_plan = models.BooleanField(_("can ask recipients for an implementing plan"), default=False)
    code_in_symbol = models.BooleanField(
        _("abbreviation printed in the symbol"),
        default=True,
        help_text=_(
            "Off for Công văn: ND30 writes 12/LĐLĐ-CSPL, with the drafting office instead of a type."
        ),
    )
    sort_order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("document type")
        verbose_name_plural = _("document types")

    def __str__(self) -> str:
        return self.name


class ExternalBody(models.Model):
    """An issuer or recipient outside the union tree: Bộ Chính trị, Thủ tướng Chính phủ, UBND tỉnh..."""

    name = models.CharField(_("name"), max_length=200, unique=True)
    short_name = models.CharField(_("short name"), max_length=60, blank=True)
    symbol = models.CharField(_("symbol"), max_length=30, blank=True, help_text=_("e.g. TTg, TW, UBND"))

    class Meta:
        ordering = ["name"]
        verbose_name = _("outside body")
        verbose_name_plural = _("outside bodies")

    def __str__(self) -> str:
        return self.name


class Document(CreatedRecord):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        ISSUED = "issued", _("Issued")
        RECORDED = "recorded", _("Recorded (issued elsewhere)")
        REVOKED = "revoked", _("Revoked")

    doc_type = models.ForeignKey(
        DocumentType, on_delete=models.PROTECT, related_name="documents", verbose_name=_("type")
    )
    issuer_unit = models.ForeignKey(
        "organisations.Unit",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="issued_documents",
        verbose_name=_("issuing unit"),
    )
    issuer_body = models.ForeignKey(
        ExternalBody,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="documents",
        verbose_name=_("issuing body (outside)"),
    )
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.DRAFT)
    number = models.PositiveIntegerField(_("number"), null=True, blank=True)
    number_symbol = models.CharField(_("number/symbol"), max_length=60, blank=True, db_index=True)
    year = models.PositiveSmallIntegerField(_("year"), null=True, blank=True)
    issued_on = models.DateField(_("date"), null=True, blank=True)
    place = models.CharField(_("place"), max_length=80, blank=True)
    summary = models.CharField(_("summary"), max_length=500)
    drafting_office = models.CharField(
        _("drafting office"),
        max_length=20,
        blank=True,
        help_text=_("Its abbreviation, printed in the symbol of a Công văn: CSPL in 12/LĐLĐ-CSPL."),
    )
    theme = models.CharField(_("theme"), max_length=500, blank=True)
    body = models.TextField(_("body"), blank=True)
    signer_authority = models.CharField(
        _("signing authority"), max_length=80, blank=True, help_text=_("e.g. TM. BAN THƯỜNG VỤ")
    )
    signer_position = models.CharField(_("signer's position"), max_length=80, blank=True)
    signer_name = models.CharField(_("signer"), max_length=120, blank=True)
    recipients_text = models.TextField(
        _("recipients block"), blank=True, help_text=_("The “Nơi nhận” lines as printed, one per line.")
    )
    parent = optional_self_link(_("implements plan"), related_name="children")
    bases = models.ManyToManyField(
        "self",
        through="DocumentBasis",
        symmetrical=False,
        related_name="cited_by",
        blank=True,
        verbose_name=_("legal bases"),
    )
    requires_plan = models.BooleanField(_("recipients must issue their own plan"), default=False)
    plan_deadline = models.DateField(_("deadline for recipients' plans"), null=True, blank=True)
    source_file = models.FileField(
        _("original upload"), upload_to=RandomName("documents/sources"), blank=True
    )
    search_text = models.TextField(editable=False, default="")
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords(excluded_fields=["search_text", "updated_at"])

    class Meta:
        ordering = ["-issued_on", "-pk"]
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        constraints = [
            models.CheckConstraint(
                condition=Q(issuer_unit__isnull=True) | Q(issuer_body__isnull=True),
                name="document_one_issuer",
            ),
            models.UniqueConstraint(
                fields=["issuer_unit", "doc_type", "year", "number"],
                condition=Q(number__isnull=False, issuer_unit__isnull=False),
                name="document_number_unique_per_issuer_type_year",
            ),
            models.CheckConstraint(
                condition=Q(plan_deadline__isnull=True)
                | Q(issued_on__isnull=True)
                | Q(plan_deadline__gte=models.F("issued_on")),
                name="document_deadline_after_issue",
            ),
        ]
        indexes = [
            models.Index(fields=["issuer_unit", "status"]),
            models.Index(fields=["parent"]),
            # The registry's order (newest first), so a page is read without sorting every match.
            models.Index(fields=["issued_on", "id"], name="document_issued_order"),
        ]

    def __str__(self) -> str:
        label = (
            f"{self.doc_type.name} {self.number_symbol}".strip() if self.number_symbol else self.doc_type.name
        )
        return f"{label}: {self.summary[:80]}"

    def save(self, *args, **kwargs):
        self.summary = normalize(self.summary)
        self.theme = normalize(self.theme)
        self.number_symbol = normalize(self.number_symbol)
        self.search_text = fold(
            " ".join(
                [
                    self.doc_type.name if self.doc_type_id else "",
                    self.number_symbol,
                    self.issuer_name,
                    self.summary,
                    self.theme,
                    self.body,
                ]
            )
        )
        super().save(*args, **kwargs)

    @property
    def issuer_name(self) -> str:
        if self.issuer_unit is not None:
            return self.issuer_unit.name
        if self.issuer_body is not None:
            return self.issuer_body.name
        return ""

    @property
    def is_editable(self) -> bool:
        return self.status == self.Status.DRAFT


class DocumentBasis(models.Model):
    """A legal basis (căn cứ): `document` rests on `basis`."""

    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="basis_links")
    basis = models.ForeignKey(Document, on_delete=models.PROTECT, related_name="+")
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["document", "basis"], name="basis_once_per_document"),
            models.CheckConstraint(condition=~Q(document=models.F("basis")), name="basis_not_self"),
        ]

    def __str__(self) -> str:
        return f"{self.document_id} ← {self.basis_id}"


class Recipient(models.Model):
    """A unit of ours that receives an issued document (the cascade's targets)."""

    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="recipients")
    unit = models.ForeignKey(
        "organisations.Unit", on_delete=models.PROTECT, related_name="received_documents"
    )

    class Meta:
        constraints = [models.UniqueConstraint(fields=["document", "unit"], name="recipient_once")]

    def __str__(self) -> str:
        return f"{self.document_id} → {self.unit_id}"


class NumberSequence(models.Model):
    """The last number given per issuer, type and year. Locked row by row while issuing."""

    issuer_unit = models.ForeignKey("organisations.Unit", on_delete=models.CASCADE, related_name="+")
    doc_type = models.ForeignKey(DocumentType, on_delete=models.CASCADE, related_name="+")
    year = models.PositiveSmallIntegerField()
    last_number = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["issuer_unit", "doc_type", "year"], name="one_sequence")
        ]

    def __str__(self) -> str:
        return f"{self.doc_type_id}/{self.issuer_unit_id}/{self.year}: {self.last_number}"


class Obligation(models.Model):
    """What an issued plan asks of one recipient unit: acknowledge it and, where asked,
    issue its own implementing plan by the deadline."""

    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="obligations")
    unit = models.ForeignKey("organisations.Unit", on_delete=models.PROTECT, related_name="obligations")
    requires_plan = models.BooleanField(default=False)
    due_on = models.DateField(null=True, blank=True)
    acknowledged_at = models.DateTimeField(null=True, blank=True)
    acknowledged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    fulfilled_by = models.ForeignKey(
        Document, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    fulfilled_at = models.DateTimeField(null=True, blank=True)
    reminder_count = models.PositiveSmallIntegerField(default=0)
    last_reminded_at = models.DateTimeField(null=True, blank=True)
    history = HistoricalRecords()
    _history_user: AbstractBaseUser | None  # the actor, set before a save for its history row

    class Meta:
        constraints = [models.UniqueConstraint(fields=["document", "unit"], name="one_obligation_per_unit")]
        indexes = [models.Index(fields=["unit", "fulfilled_at"])]

    def __str__(self) -> str:
        return f"{self.document_id} → {self.unit_id}"

    @property
    def is_late(self) -> bool:
        if not self.requires_plan or self.fulfilled_at or not self.due_on:
            return False
        return timezone.localdate() > self.due_on

    @property
    def state(self) -> str:
        if self.requires_plan and self.fulfilled_at:
            return "done"
        if not self.requires_plan and self.acknowledged_at:
            return "done"
        if self.is_late:
            return "late"
        if self.acknowledged_at:
            return "acknowledged"
        return "pending"


# The obligations the plan tallies count: asking for an implementing plan, of a document that stands issued.
COUNTED_OBLIGATIONS = Q(
    requires_plan=True, document__status=Document.Status.ISSUED, document__issued_on__isnull=False
)


class PlanTally(models.Model):
    """How many implementing plans the plans issued in one year asked of one unit, and how many of
    them it has issued: the cascade's figures per year, kept by the services that write obligations
    (documents/tallies.py), so a roll-up over years sums a few rows per unit instead of joining every
    obligation to its plan. `manage.py check_plan_tallies` compares them with the obligations."""

    unit = models.ForeignKey("organisations.Unit", on_delete=models.CASCADE, related_name="plan_tallies")
    year = models.PositiveSmallIntegerField()
    asked = models.PositiveIntegerField(default=0)
    issued = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["unit", "year"], name="one_plan_tally_per_unit_and_year"),
            models.CheckConstraint(
                condition=Q(issued__lte=models.F("asked")), name="plan_tally_issued_within_asked"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.unit_id}/{self.year}: {self.issued}/{self.asked}"


class PlanSubtreeTally(SubtreeTally):
    """The `PlanTally` of a unit's whole subtree (the unit included) for a year, kept by the same
    services in the same transaction (a count moves every ancestor's row; moving a unit moves its
    subtree's rows from the old ancestors to the new), so a subtree's figures across years read a
    row per year instead of summing its thousands of units' rows. `check_plan_tallies` compares
    them with the obligations too; `rebuild_plan_tallies` recounts both."""

    unit = models.ForeignKey(
        "organisations.Unit", on_delete=models.CASCADE, related_name="subtree_plan_tallies"
    )
    year = models.PositiveSmallIntegerField()
    asked = models.PositiveIntegerField(default=0)
    issued = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["unit", "year"], name="one_plan_subtree_tally_per_unit_and_year"),
            models.CheckConstraint(
                condition=Q(issued__lte=models.F("asked")), name="plan_subtree_tally_issued_within_asked"
            ),
        ]

    COUNTS = ("asked", "issued")

    @classmethod
    def counted_unit_cells(cls) -> dict[tuple[int, int], tuple[int, int]]:
        """Each unit's (asked, issued) by year as the obligations give them: obligations asking for a
        plan, of a document that stands issued (`documents.tallies.counted`), in its year of issue."""
        rows = (
            Obligation.objects.filter(COUNTED_OBLIGATIONS)
            .values("unit_id", year=ExtractYear("document__issued_on"))
            .annotate(asked=Count("pk"), issued=Count("pk", filter=Q(fulfilled_at__isnull=False)))
            .order_by()
        )
        return {(row["unit_id"], row["year"]): (row["asked"], row["issued"]) for row in rows}


class Attachment(UploadedFile):
    """A file filed with a document (the signed scan, an annex table); its type was checked by content."""

    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(upload_to=RandomName("documents/attachments"))


class Reading(models.Model):
    """An uploaded or pasted document the reader has read, waiting for an officer to review
    it. Saving the review turns it into a Document (which keeps the file as its source);
    unsaved readings are thrown away after a day."""

    class Status(models.TextChoices):
        READY = "ready", _("read")
        READING = "reading", _("being read (OCR)")
        FAILED = "failed", _("could not be read")

    file = models.FileField(upload_to=RandomName("documents/readings"))
    original_name = models.CharField(max_length=255)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.READY)
    error = models.TextField(blank=True)
    extraction = models.JSONField(default=dict)
    warnings = models.JSONField(default=list)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return self.original_name
