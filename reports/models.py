"""A review report asked for by an officer and generated in the background (DOCX, PDF or
Excel), kept so it can be downloaded again."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from core.uploads import RandomName


class ReportJob(models.Model):
    class Kind(models.TextChoices):
        INTERIM = "interim", _("Interim review")
        FINAL = "final", _("Final review")

    class Format(models.TextChoices):
        DOCX = "docx", _("Word (DOCX)")
        PDF = "pdf", _("PDF")
        XLSX = "xlsx", _("Excel (XLSX)")

    class Status(models.TextChoices):
        QUEUED = "queued", _("Waiting")
        RUNNING = "running", _("Being generated")
        READY = "ready", _("Ready")
        FAILED = "failed", _("Failed")

    unit = models.ForeignKey(
        "organisations.Unit", on_delete=models.CASCADE, related_name="report_jobs", verbose_name=_("unit")
    )
    kind = models.CharField(_("report"), max_length=10, choices=Kind.choices, default=Kind.FINAL)
    date_from = models.DateField(_("from"))
    date_to = models.DateField(_("to"))
    format = models.CharField(_("format"), max_length=5, choices=Format.choices)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.QUEUED)
    file = models.FileField(upload_to=RandomName("reports"), blank=True)
    error = models.TextField(blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="report_jobs"
    )
    requested_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-requested_at", "-pk"]
        verbose_name = _("generated report")
        verbose_name_plural = _("generated reports")
        constraints = [
            models.CheckConstraint(
                condition=Q(date_to__gte=F("date_from")), name="report_job_period_in_order"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.unit} {self.date_from:%d/%m/%Y}–{self.date_to:%d/%m/%Y}"

    @property
    def is_pending(self) -> bool:
        return self.status in (self.Status.QUEUED, self.Status.RUNNING)

    @property
    def filename(self) -> str:
        stem = "bao-cao-so-ket" if self.kind == self.Kind.INTERIM else "bao-cao-tong-ket"
        return f"{stem}-{self.unit.code}-{self.date_from:%Y%m%d}-{self.date_to:%Y%m%d}.{self.format}".lower()
