"""Numbered award decisions, which keep the rule set and base salary in force on their date and
the amounts they computed, and the certificate layouts they print with."""

from django.conf import settings
from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from awards.models.council import CouncilSession
from awards.models.rules import BaseSalary, RuleSet
from core.models import CreatedRecord

__all__ = ["CertificateTemplate", "Decision"]


class CertificateTemplate(CreatedRecord):
    """A federation's own page layout for Bằng khen / Giấy khen (HTML with placeholders only)."""

    unit = models.ForeignKey(
        "organisations.Unit",
        on_delete=models.CASCADE,
        related_name="certificate_templates",
        verbose_name=_("unit"),
    )
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

    deciding_unit = models.ForeignKey(
        "organisations.Unit",
        on_delete=models.PROTECT,
        related_name="award_decisions",
        verbose_name=_("deciding unit"),
    )
    document = models.OneToOneField(
        "documents.Document",
        on_delete=models.PROTECT,
        related_name="award_decision",
        verbose_name=_("document"),
    )
    session = models.ForeignKey(
        CouncilSession,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="decisions",
        verbose_name=_("council session"),
    )
    decided_on = models.DateField(_("decision date"))
    rule_set = models.ForeignKey(
        RuleSet, on_delete=models.PROTECT, related_name="decisions", verbose_name=_("rule set")
    )
    base_salary = models.ForeignKey(
        BaseSalary, on_delete=models.PROTECT, related_name="decisions", verbose_name=_("base salary")
    )
    base_salary_amount = models.PositiveBigIntegerField(_("base salary (VND)"))
    total_amount = models.PositiveBigIntegerField(_("total prize money (VND)"), default=0)
    # the officer confirmed issuing although the rules gave no prize money for some awards (its history
    # row says who and when)
    issued_without_money = models.BooleanField(_("issued without some prize money"), default=False)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.ISSUED)
    replaces = models.OneToOneField(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="replaced_by",
        verbose_name=_("replaces"),
    )
    revoked_reason = models.TextField(_("reason for revocation"), blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    certificate_template = models.ForeignKey(
        CertificateTemplate,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("certificate template"),
    )
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
        return sum(
            1
            for record in self.records.filter(amount__isnull=True).select_related("form")
            if record.amount_unknown
        )
