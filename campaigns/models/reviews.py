"""Periodic reviews (sơ kết, tổng kết): a round asks every participating unit for a report with
the campaign's quantitative indicators and free text; the numbers roll up the tree."""

from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

__all__ = ["ReviewIndicator", "ReviewReport", "ReviewRound", "ReviewValue"]


class ReviewIndicator(models.Model):
    """A number every review report gives, e.g. meetings held, people reached, articles written."""

    campaign = models.ForeignKey("campaigns.Campaign", on_delete=models.CASCADE, related_name="indicators")
    code = models.SlugField(_("code"), max_length=40)
    name = models.CharField(_("name"), max_length=200)
    unit_of_measure = models.CharField(_("unit of measure"), max_length=40, blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("review indicator")
        verbose_name_plural = _("review indicators")
        constraints = [
            models.UniqueConstraint(fields=["campaign", "code"], name="review_indicator_code_unique")
        ]

    def __str__(self) -> str:
        return self.name


class ReviewRound(models.Model):
    class Kind(models.TextChoices):
        INTERIM = "interim", _("Six-month interim review")
        ANNUAL = "annual", _("Annual review")
        FINAL = "final", _("Final review of the campaign")

    campaign = models.ForeignKey("campaigns.Campaign", on_delete=models.CASCADE, related_name="review_rounds")
    kind = models.CharField(_("kind of review"), max_length=10, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=300)
    period_end = models.DateField(_("period up to"))
    due_on = models.DateField(_("reports due on"), null=True, blank=True)
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    opened_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-period_end", "-pk"]
        verbose_name = _("review round")
        verbose_name_plural = _("review rounds")
        constraints = [
            models.UniqueConstraint(fields=["campaign", "kind", "period_end"], name="review_round_unique")
        ]

    def __str__(self) -> str:
        return self.title


class ReviewReport(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft report")
        SUBMITTED = "submitted", _("Report submitted")

    round = models.ForeignKey(ReviewRound, on_delete=models.CASCADE, related_name="reports")
    unit = models.ForeignKey(
        "organisations.Unit", on_delete=models.PROTECT, related_name="+", verbose_name=_("unit")
    )
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.DRAFT)
    results = models.TextField(_("results achieved"), blank=True)
    shortcomings = models.TextField(_("shortcomings"), blank=True)
    lessons = models.TextField(_("lessons learnt"), blank=True)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords(excluded_fields=["updated_at"])
    _history_user: AbstractBaseUser | None  # the actor, set before a save for its history row

    class Meta:
        ordering = ["unit__path"]
        verbose_name = _("review report")
        verbose_name_plural = _("review reports")
        constraints = [models.UniqueConstraint(fields=["round", "unit"], name="review_report_once_per_unit")]

    def __str__(self) -> str:
        return f"{self.round_id}: {self.unit_id}"


class ReviewValue(models.Model):
    report = models.ForeignKey(ReviewReport, on_delete=models.CASCADE, related_name="values")
    indicator = models.ForeignKey(ReviewIndicator, on_delete=models.PROTECT, related_name="values")
    value = models.DecimalField(_("value"), max_digits=14, decimal_places=2)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["report", "indicator"], name="review_value_once"),
            models.CheckConstraint(condition=Q(value__gte=0), name="review_value_not_negative"),
        ]

    def __str__(self) -> str:
        return f"{self.indicator_id}: {self.value}"
