"""Background work of the commendation area, run by the task worker (`manage.py db_worker`).

An award-history import is queued once per attempt (`AwardImport.attempt`), as a member import
is (organisations.tasks): the task does its work only if the import is still queued for that
attempt, and writes the records and the import's "done" in one transaction that it rolls back
when the import was meanwhile marked failed as stale or retried, so a late or repeated run never
writes half an import or the same import twice."""

import datetime as dt
import logging

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _
from django_tasks import TaskResultStatus, task
from django_tasks.exceptions import TaskResultDoesNotExist

from awards.models import AwardImport
from awards.services.history import ImportRejected, ImportSuperseded, write_award_import
from core.import_checks import general_errors
from core.imports_views import expire_stale_check

logger = logging.getLogger(__name__)


@task()
def import_awards(import_id: int, attempt: int) -> int:
    """Check the stored file again (the history may have changed since the check) and write it
    whole; the import record says how it ended."""
    batch = AwardImport.objects.select_related("unit").get(pk=import_id)
    mine = AwardImport.objects.filter(pk=batch.pk, status=AwardImport.Status.QUEUED, attempt=attempt)
    if not mine.exists():
        return 0  # expired as stale, retried under a later attempt, or already done
    try:
        return write_award_import(batch, attempt)
    except ImportSuperseded:
        logger.warning(
            "award import %s attempt %s was superseded while running; its writes were undone",
            batch.pk,
            attempt,
        )
        return 0
    except ImportRejected as exc:
        mine.update(
            status=AwardImport.Status.FAILED,
            errors=exc.errors,
            error_count=exc.count,
            finished_at=timezone.now(),
        )
        return 0
    except ValidationError as exc:
        mine.update(
            status=AwardImport.Status.FAILED,
            errors=general_errors(exc.messages),
            error_count=len(exc.messages),
            finished_at=timezone.now(),
        )
        return 0
    except Exception:
        mine.update(
            status=AwardImport.Status.FAILED,
            finished_at=timezone.now(),
            error_count=1,
            errors=general_errors(
                [
                    _(
                        "The import stopped on an unexpected error. Nothing was imported; "
                        "try again, and tell the administrator if it happens again."
                    )
                ]
            ),
        )
        raise


def queue_award_import(batch: AwardImport, *, retry: bool = False) -> bool:
    """Queue a checked import (or, with `retry`, a failed one) for the task worker as a new
    attempt. False when the import is not in that state (already confirmed, done, has errors)."""
    source = AwardImport.Status.FAILED if retry else AwardImport.Status.CHECKED
    updated = AwardImport.objects.filter(pk=batch.pk, status=source).update(
        status=AwardImport.Status.QUEUED,
        attempt=F("attempt") + 1,
        queued_at=timezone.now(),
        task_id="",
        finished_at=None,
        **({"errors": [], "error_count": 0} if retry else {}),
    )
    if not updated:
        return False
    batch.refresh_from_db()
    result = import_awards.enqueue(batch.pk, batch.attempt)
    AwardImport.objects.filter(pk=batch.pk, attempt=batch.attempt).update(task_id=str(result.id))
    return True


def stale_reason(batch: AwardImport, *, now: dt.datetime | None = None) -> str | None:
    """Why a queued import will never finish, or None while it may: its task failed or is gone
    from the task store (a worker restarted with a cleared queue), or it has been queued longer
    than IMPORT_STALE_MINUTES (no worker took it, or the one that did died)."""
    if batch.status != AwardImport.Status.QUEUED:
        return None
    if batch.task_id and import_awards.get_backend().supports_get_result:
        try:
            result = import_awards.get_result(batch.task_id)
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


def expire_if_stale(batch: AwardImport) -> bool:
    """Mark a stale queued import failed, with the reason, so that it can be retried (or a stale
    check invalid, so that the file can be uploaded again: core.imports_views). True when it was."""
    if expire_stale_check(batch):
        return True
    reason = stale_reason(batch)
    if reason is None:
        return False
    expired = AwardImport.objects.filter(
        pk=batch.pk, status=AwardImport.Status.QUEUED, attempt=batch.attempt
    ).update(
        status=AwardImport.Status.FAILED,
        finished_at=timezone.now(),
        error_count=1,
        errors=general_errors([reason]),
    )
    if expired:
        logger.warning(
            "award import %s attempt %s marked failed as stale: %s", batch.pk, batch.attempt, reason
        )
    batch.refresh_from_db()
    return bool(expired)
