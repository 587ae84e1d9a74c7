"""The one award history: records decided here or imported for the years before the system."""

from typing import Self

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from awards.models.decisions import Decision
from awards.models.nominations import Nomination, holder_fields, one_holder_once_per_form_year
from awards.models.rules import AwardForm
from core.models import ImportBatch
from core.text import fold, normalize
from core.uploads import RandomName

__all__ = ["AwardImport", "AwardRecord", "AwardRecordManager", "AwardRecordQuerySet"]


class AwardRecordQuerySet(models.QuerySet["AwardRecord"]):
    def counting(self) -> Self:
        """Records that count: not revoked (a revoked decision's awards no longer count)."""
        return self.filter(revoked_at__isnull=True)


AwardRecordManager = models.Manager.from_queryset(AwardRecordQuerySet)


class AwardRecord(models.Model):
    """A title or award a person or collective holds for a year: decided here, or imported from
    the years before the system."""

    class Source(models.TextChoices):
        DECIDED = "decided", _("Decided here")
        IMPORTED = "imported", _("Imported")

    member, unit = holder_fields("award_records")
    form = models.ForeignKey(
        AwardForm, on_delete=models.PROTECT, related_name="records", verbose_name=_("award form")
    )
    form_code = models.SlugField(max_length=60, editable=False)
    year = models.PositiveSmallIntegerField(_("year"))
    level = models.CharField(_("level"), max_length=20, choices=AwardForm.Level.choices, blank=True)
    decision = models.ForeignKey(
        Decision,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="records",
        verbose_name=_("decision"),
    )
    decision_ref = models.CharField(_("decision number"), max_length=80, blank=True)
    decision_date = models.DateField(_("decision date"), null=True, blank=True)
    issuer_name = models.CharField(_("decided by"), max_length=255, blank=True)
    nomination = models.ForeignKey(
        Nomination, null=True, blank=True, on_delete=models.PROTECT, related_name="records"
    )
    source = models.CharField(_("source"), max_length=10, choices=Source.choices)
    coefficient = models.DecimalField(max_digits=7, decimal_places=3, null=True, blank=True)
    amount = models.PositiveBigIntegerField(_("prize money (VND)"), null=True, blank=True)
    achievement = models.TextField(_("achievement"), blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)
    revoked_reason = models.TextField(blank=True)
    search_text = models.CharField(max_length=400, editable=False, default="")
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords(excluded_fields=["search_text"])

    objects = AwardRecordManager()

    class Meta:
        ordering = ["-year", "pk"]
        verbose_name = _("award record")
        verbose_name_plural = _("award records")
        constraints = one_holder_once_per_form_year(
            "awardrecord", one_name="awardrecord_one_holder", live={"revoked_at__isnull": True}
        )
        indexes = [models.Index(fields=["form_code", "year"]), models.Index(fields=["year", "level"])]

    def __str__(self) -> str:
        return f"{self.holder_name} · {self.form.name} {self.year}"

    def save(self, *args, **kwargs):
        self.form_code = self.form.code
        self.decision_ref = normalize(self.decision_ref)
        holder = self.member if self.member_id else self.unit
        self.search_text = fold(
            f"{holder} {getattr(holder, 'code', '')} {self.form.name} {self.decision_ref}"
        )[:400]
        super().save(*args, **kwargs)

    @classmethod
    def imported(cls, *, form: AwardForm, year: int, member=None, unit=None, **fields) -> "AwardRecord":
        """A record of the years before the system (an import or the demo), unsaved."""
        return cls(
            member=member,
            unit=unit,
            form=form,
            form_code=form.code,
            year=year,
            source=cls.Source.IMPORTED,
            **fields,
        )

    @property
    def holder_name(self) -> str:
        if self.member is not None:
            return self.member.full_name
        assert self.unit is not None, "a record names a member or a unit (a database constraint)"
        return self.unit.name

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
        other = self.form.coefficient_individual if self.unit_id else self.form.coefficient_collective
        return coefficient is None and (other is not None or not self.form.verified)


class AwardImport(ImportBatch):
    """An uploaded workbook of past awards: checked in full, applied all at once or not at all."""

    unit = models.ForeignKey("organisations.Unit", on_delete=models.CASCADE, related_name="award_imports")
    file = models.FileField(upload_to=RandomName("imports/awards"))
