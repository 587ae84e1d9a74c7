"""What every app shares: in-app notifications (and their e-mail copies), and the abstract bases of
the records the apps repeat (who made it and when, uploaded files, import batches)."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class Notification(models.Model):
    """A message to one user, shown in the app; e-mailed too when the user has an address
    and e-mail is configured (sent by the task worker)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications")
    text = models.CharField(_("text"), max_length=500)
    url = models.CharField(_("link"), max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    read_at = models.DateTimeField(null=True, blank=True)
    emailed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["user", "read_at"])]

    def __str__(self) -> str:
        return self.text


# Abstract bases the apps share ------------------------------------------------------------


def optional_self_link(
    verbose_name: Any, *, related_name: str, on_delete: Any = models.PROTECT
) -> models.ForeignKey[Any, Any]:
    """An optional link from a row to another row of its own model: a unit's parent or the unit it
    merged into, a plan's parent plan, last year's cluster, a criteria set's previous version."""
    return models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=on_delete,
        related_name=related_name,
        verbose_name=verbose_name,
    )


class CreatedRecord(models.Model):
    """Who made a record and when: kept on every record an officer creates. Records a decision
    rests on also declare `history = HistoricalRecords(...)` themselves: what each one's history
    leaves out (search columns, timestamps) differs."""

    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        abstract = True


class Upload(models.Model):
    """Who uploaded a file and when: every uploaded file or image keeps it."""

    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        abstract = True


class UploadedFile(Upload):
    """A file filed with a record (evidence, an attachment): its type was checked by content on
    upload (core.uploads); the subclass adds the `file` field with its own RandomName prefix and
    the record it belongs to. Downloaded only through the owning record's view."""

    original_name = models.CharField(_("file name"), max_length=255)
    kind = models.CharField(_("kind"), max_length=10)
    size = models.PositiveIntegerField(_("size"))

    class Meta:
        abstract = True
        ordering = ["uploaded_at", "pk"]

    def __str__(self) -> str:
        return self.original_name


# The status of an uploaded batch while the task worker checks its rows (core.imports_views).
CHECKING_LABEL = _("Checking the file")


class ImportBatch(CreatedRecord):
    """An uploaded workbook: checked in full first (its errors by row), in the task worker, then
    applied all at once or not at all, as numbered attempts. The subclass adds its unit and its
    `file`. `preview` keeps the first rows as the page shows them, so the page never reads the file."""

    class Status(models.TextChoices):
        CHECKING = "checking", CHECKING_LABEL
        CHECKED = "checked", pgettext_lazy("import status", "Checked, waiting for confirmation")
        INVALID = "invalid", pgettext_lazy("import status", "Has errors")
        QUEUED = "queued", pgettext_lazy("import status", "Queued")
        DONE = "done", pgettext_lazy("import status", "Imported")
        FAILED = "failed", pgettext_lazy("import status", "Import failed")

    status = models.CharField(max_length=20, choices=Status.choices)
    original_name = models.CharField(max_length=255)
    row_count = models.PositiveIntegerField(default=0)
    imported_count = models.PositiveIntegerField(default=0)
    errors = models.JSONField(default=list, blank=True)
    error_count = models.PositiveIntegerField(default=0)  # `errors` keeps the first 500
    preview = models.JSONField(default=list, blank=True)
    check_started_at = models.DateTimeField(null=True, blank=True)
    check_task_id = models.CharField(max_length=64, blank=True)
    # Applying a confirmed batch (core.import_attempts): each confirmation or retry is a new
    # attempt; the task works only for the current one.
    attempt = models.PositiveSmallIntegerField(default=0)
    queued_at = models.DateTimeField(null=True, blank=True)
    task_id = models.CharField(max_length=64, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        abstract = True
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.original_name
