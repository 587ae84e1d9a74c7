"""The page step every Excel import shares: upload, check every row, keep the file and the
verdict as a batch record, show the errors or a preview. Writing happens only when the
officer confirms the batch, in the importing app's own view.

The request does only the cheap checks (the type by content, the size, the zip-level bounds of
`core.spreadsheets.check_archive`) and stores the upload as a batch that is "checking"; the
row-by-row check (`check(file, unit)`, bounded by SPREADSHEET_LIMITS, seconds included) runs in
the task worker (`core.tasks.check_import`), which stores the verdict, the row count, the errors
and a bounded preview on the batch in one transaction. A check whose task failed or vanished, or
that is still running after IMPORT_STALE_MINUTES, is marked invalid by `expire_stale_check` when
its page is shown, so the officer can upload again."""

from __future__ import annotations

import datetime as dt
import logging
from functools import partial
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django_tasks import TaskResultStatus
from django_tasks.exceptions import TaskResultDoesNotExist

from core.import_checks import general_errors
from core.spreadsheets import check_archive
from core.tasks import check_import
from core.uploads import XLSX, check_upload

logger = logging.getLogger(__name__)


def upload_and_check(request, *, unit, form, batch_model: Any, check: str, preview: str):
    """Handle a posted import form: the cheap checks only, then a "checking" batch and its check
    task, queued when the batch is committed. `check` and `preview` are dotted paths (the task
    runs in another process): `check(file, unit)` reads the file (raising ValidationError for a
    file that cannot be read at all), `preview(checked)` gives the first rows as the template
    shows them (JSON values). Returns the new batch, or None when the form is to be shown again
    (not posted, or the file refused: the form carries the message)."""
    if request.method != "POST" or not form.is_valid():
        return None
    upload = form.cleaned_data["file"]
    try:
        check_upload(upload, {XLSX}, field_label=_("File"))
        check_archive(upload)
    except ValidationError as exc:
        form.add_error("file", exc.messages)
        return None
    batch = batch_model.objects.create(
        unit=unit,
        file=upload,
        original_name=upload.name[:255],
        status=batch_model.Status.CHECKING,
        check_started_at=timezone.now(),
        created_by=request.user,
    )
    transaction.on_commit(partial(_enqueue_check, batch_model, batch.pk, check, preview))
    return batch


def _enqueue_check(batch_model, batch_id: int, check: str, preview: str) -> None:
    result = check_import.enqueue(batch_model._meta.label, batch_id, check, preview)
    batch_model.objects.filter(pk=batch_id, status=batch_model.Status.CHECKING).update(
        check_task_id=str(result.id)
    )


def stale_check_reason(batch, *, now: dt.datetime | None = None) -> str | None:
    """Why a checking batch will never get its verdict, or None while it may: its task failed,
    ended without a verdict or is gone from the task store (a worker restarted with a cleared
    queue), or it has been checking longer than IMPORT_STALE_MINUTES (no worker took it, or the
    one that did died)."""
    if batch.status != type(batch).Status.CHECKING:
        return None
    if batch.check_task_id and check_import.get_backend().supports_get_result:
        try:
            result = check_import.get_result(batch.check_task_id)
        except TaskResultDoesNotExist:
            return _(
                "The check of this file was lost (the task worker may have been restarted). "
                "Nothing was imported; upload the file again."
            )
        if result.status in (TaskResultStatus.FAILED, TaskResultStatus.SUCCESSFUL):
            return _(
                "The check of this file stopped without a verdict. Nothing was imported; upload the file again."
            )
    limit = settings.IMPORT_STALE_MINUTES
    if batch.check_started_at and (now or timezone.now()) - batch.check_started_at > dt.timedelta(
        minutes=limit
    ):
        return _(
            "The check of this file did not finish within %(minutes)d minutes (the task worker may have "
            "stopped). Nothing was imported; upload the file again."
        ) % {"minutes": limit}
    return None


def expire_stale_check(batch) -> bool:
    """Mark a stale checking batch invalid, with the reason. True when it was."""
    reason = stale_check_reason(batch)
    if reason is None:
        return False
    model = type(batch)
    expired = model.objects.filter(pk=batch.pk, status=model.Status.CHECKING).update(
        status=model.Status.INVALID, errors=general_errors([reason]), error_count=1
    )
    if expired:
        logger.warning(
            "the check of %s %s was marked failed as stale: %s", model._meta.label, batch.pk, reason
        )
    batch.refresh_from_db()
    return bool(expired)
