"""Issues of the internal bulletin (bản tin nội bộ) and the articles each carries."""

from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.models import CreatedRecord
from core.uploads import RandomName
from publishing.models.articles import Article

__all__ = ["BulletinEntry", "BulletinIssue"]


class BulletinIssue(CreatedRecord):
    """An issue of a unit's internal bulletin: the published articles of a month or quarter, as a PDF."""

    class Period(models.TextChoices):
        MONTH = "month", _("Month")
        QUARTER = "quarter", _("Quarter")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Being prepared")
        QUEUED = "queued", _("PDF being generated")
        READY = "ready", _("PDF ready")
        FAILED = "failed", _("PDF generation failed")

    publisher = models.ForeignKey(
        "organisations.Unit",
        on_delete=models.PROTECT,
        related_name="bulletin_issues",
        verbose_name=_("publisher"),
    )
    title = models.CharField(_("title"), max_length=160)
    year = models.PositiveSmallIntegerField(_("year"))
    number = models.PositiveSmallIntegerField(_("issue number"))
    period_kind = models.CharField(_("period"), max_length=8, choices=Period.choices)
    period_index = models.PositiveSmallIntegerField(_("month or quarter"))
    period_start = models.DateField()
    period_end = models.DateField()
    issued_on = models.DateField(_("issue date"))
    status = models.CharField(_("status"), max_length=8, choices=Status.choices, default=Status.DRAFT)
    pdf = models.FileField(upload_to=RandomName("publishing/bulletins"), blank=True)
    page_count = models.PositiveSmallIntegerField(default=0)
    error = models.TextField(blank=True)
    rendered_at = models.DateTimeField(null=True, blank=True)
    history = HistoricalRecords(excluded_fields=["error"])

    class Meta:
        ordering = ["-year", "-number"]
        verbose_name = _("bulletin issue")
        verbose_name_plural = _("bulletin issues")
        constraints = [
            models.UniqueConstraint(
                fields=["publisher", "year", "number"], name="bulletin_number_unique_per_publisher_year"
            ),
            models.CheckConstraint(
                condition=Q(period_end__gte=models.F("period_start")), name="bulletin_period_in_order"
            ),
            models.CheckConstraint(condition=Q(number__gte=1), name="bulletin_number_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.title} · {self.period_label}"

    def get_absolute_url(self) -> str:
        return reverse("publishing:bulletin_detail", args=[self.pk])

    @property
    def period_label(self) -> str:
        """ "Số 3 · Tháng 10/2026" style label, in the active language."""
        if self.period_kind == self.Period.MONTH:
            return _("No. %(number)s · Month %(index)s/%(year)s") % {
                "number": self.number,
                "index": f"{self.period_index:02d}",
                "year": self.year,
            }
        return _("No. %(number)s · Quarter %(index)s/%(year)s") % {
            "number": self.number,
            "index": self.period_index,
            "year": self.year,
        }


class BulletinEntry(models.Model):
    """An article in a bulletin issue, at the place the editor gave it."""

    issue = models.ForeignKey(BulletinIssue, on_delete=models.CASCADE, related_name="entries")
    article = models.ForeignKey(Article, on_delete=models.PROTECT, related_name="bulletin_entries")
    position = models.PositiveSmallIntegerField()

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("bulletin article")
        verbose_name_plural = _("bulletin articles")
        constraints = [models.UniqueConstraint(fields=["issue", "article"], name="article_once_per_bulletin")]

    def __str__(self) -> str:
        return f"{self.issue} · {self.position}. {self.article}"
