"""Background work of the commendation area, run by the task worker (`manage.py db_worker`).

An award-history import is queued once per attempt (`AwardImport.attempt`), as a member import
is (organisations.tasks): the task does its work only if the import is still queued for that
attempt, and writes the records and the import's "done" in one transaction that it rolls back
when the import was meanwhile marked failed as stale or retried, so a late or repeated run never
writes half an import or the same import twice."""

import datetime as dt
import logging

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _
from django_tasks import task

from awards.models import AwardImport
from awards.services.history import ImportRejected, ImportSuperseded, write_award_import
from core import import_attempts
from core.import_checks import general_errors

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
    """Queue a checked import (or, with `retry`, a failed one) as a new attempt (core.import_attempts)."""
    return import_attempts.queue_attempt(batch, import_awards, retry=retry)


def stale_reason(batch: AwardImport, *, now: dt.datetime | None = None) -> str | None:
    return import_attempts.stale_reason(batch, import_awards, now=now)


def expire_if_stale(batch: AwardImport) -> bool:
    return import_attempts.expire_if_stale(batch, import_awards)
