"""A confirmed import queued for the task worker as numbered attempts (`attempt`, `queued_at`,
`task_id` on the batch): queued once per attempt, found stale when its task failed, vanished or
took too long, and then marked failed so that it can be retried. The member import and the
award-history import share it; each passes its batch and its task."""

from __future__ import annotations

import datetime as dt
import logging
from typing import Any

from django.conf import settings
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _
from django_tasks import TaskResultStatus
from django_tasks.exceptions import TaskResultDoesNotExist

from core.import_checks import general_errors
from core.imports_views import expire_stale_check

logger = logging.getLogger(__name__)

__all__ = ["expire_if_stale", "queue_attempt", "stale_reason"]


def queue_attempt(batch: Any, task: Any, *, retry: bool = False) -> bool:
    """Queue a checked import (or, with `retry`, a failed one) for the task worker as a new
    attempt. False when the import is not in that state (already confirmed, done, has errors)."""
    model = type(batch)
    source = model.Status.FAILED if retry else model.Status.CHECKED
    updated = model.objects.filter(pk=batch.pk, status=source).update(
        status=model.Status.QUEUED,
        attempt=F("attempt") + 1,
        queued_at=timezone.now(),
        task_id="",
        finished_at=None,
        **({"errors": [], "error_count": 0} if retry else {}),
    )
    if not updated:
        return False
    batch.refresh_from_db()
    result = task.enqueue(batch.pk, batch.attempt)
    model.objects.filter(pk=batch.pk, attempt=batch.attempt).update(task_id=str(result.id))
    return True


def stale_reason(batch: Any, task: Any, *, now: dt.datetime | None = None) -> str | None:
    """Why a queued import will never finish, or None while it may: its task failed or is gone
    from the task store (a worker restarted with a cleared queue), or it has been queued longer
    than IMPORT_STALE_MINUTES (no worker took it, or the one that did died)."""
    if batch.status != type(batch).Status.QUEUED:
        return None
    if batch.task_id and task.get_backend().supports_get_result:
        try:
            result = task.get_result(batch.task_id)
        except TaskResultDoesNotExist:
            return _(
                "The background task of this import was lost (the task worker may have been restarted). "
                "Nothing was imported; you can try again."
            )
        if result.status == TaskResultStatus.FAILED:
            return _("The background task of this import failed. Nothing was imported; you can try again.")
        if result.status == TaskResultStatus.SUCCESSFUL:
            return _(
                "The background task of this import ended without importing. Nothing was imported; "
                "you can try again."
            )
    limit = settings.IMPORT_STALE_MINUTES
    if batch.queued_at and (now or timezone.now()) - batch.queued_at > dt.timedelta(minutes=limit):
        return _(
            "The import did not finish within %(minutes)d minutes (the task worker may have stopped). "
            "Nothing was imported; you can try again."
        ) % {"minutes": limit}
    return None


def expire_if_stale(batch: Any, task: Any) -> bool:
    """Mark a stale queued import failed, with the reason, so that it can be retried (or a stale
    check invalid, so that the file can be uploaded again: core.imports_views). True when it was."""
    if expire_stale_check(batch):
        return True
    reason = stale_reason(batch, task)
    if reason is None:
        return False
    model = type(batch)
    expired = model.objects.filter(pk=batch.pk, status=model.Status.QUEUED, attempt=batch.attempt).update(
        status=model.Status.FAILED,
        finished_at=timezone.now(),
        error_count=1,
        errors=general_errors([reason]),
    )
    if expired:
        logger.warning(
            "%s %s attempt %s marked failed as stale: %s", model._meta.label, batch.pk, batch.attempt, reason
        )
    batch.refresh_from_db()
    return bool(expired)
