"""Background work of the organisation area, run by the task worker (`manage.py db_worker`).

A member import is queued once per attempt (`MemberImport.attempt`): the task does its work only
if the import is still queued for that attempt, and writes the members and the import's "done"
in one transaction that it rolls back when the import was meanwhile marked failed as stale or
retried, so a late or repeated run never writes half an import or the same import twice."""

import datetime as dt
import logging

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _
from django_tasks import TaskResultStatus, task
from django_tasks.exceptions import TaskResultDoesNotExist

from core.imports_views import expire_stale_check
from organisations.imports import apply_member_import, check_member_file
from organisations.models import MemberImport

logger = logging.getLogger(__name__)


class _Superseded(Exception):
    """The import stopped being this attempt's while it ran: undo its writes."""


@task()
def import_members(import_id: int, attempt: int | None = None) -> int:
    """Check the stored file again (the data may have changed since the preview) and
    apply it in one transaction; the import record says how it ended."""
    batch = MemberImport.objects.select_related("unit", "created_by").get(pk=import_id)
    attempt = batch.attempt if attempt is None else attempt
    mine = MemberImport.objects.filter(pk=batch.pk, status=MemberImport.Status.QUEUED, attempt=attempt)
    if not mine.exists():
        return 0  # expired as stale, retried under a later attempt, or already done
    try:
        with batch.file.open("rb") as handle:
            checked = check_member_file(handle, batch.unit)
        if checked.errors:
            raise ValidationError("invalid")
        with transaction.atomic():
            count = apply_member_import(checked.rows, actor=batch.created_by)
            if not mine.update(
                status=MemberImport.Status.DONE, imported_count=count, finished_at=timezone.now()
            ):
                raise _Superseded
        return count
    except _Superseded:
        logger.warning(
            "member import %s attempt %s was superseded while running; its writes were undone",
            batch.pk,
            attempt,
        )
        return 0
    except ValidationError as exc:
        errors = (
            [e.as_dict() for e in checked.errors]
            if "checked" in locals() and checked.errors
            else [{"row": 0, "column": "", "message": m} for m in exc.messages]
        )
        mine.update(status=MemberImport.Status.FAILED, errors=errors, finished_at=timezone.now())
        return 0
    except Exception:
        mine.update(
            status=MemberImport.Status.FAILED,
            finished_at=timezone.now(),
            errors=[
                {
                    "row": 0,
                    "column": "",
                    "message": _(
                        "The import stopped on an unexpected error. Nothing was imported; "
                        "try again, and tell the administrator if it happens again."
                    ),
                }
            ],
        )
        raise


def queue_member_import(batch: MemberImport, *, retry: bool = False) -> bool:
    """Queue a checked import (or, with `retry`, a failed one) for the task worker as a new
    attempt. False when the import is not in that state (already confirmed, done, has errors)."""
    source = MemberImport.Status.FAILED if retry else MemberImport.Status.CHECKED
    updated = MemberImport.objects.filter(pk=batch.pk, status=source).update(
        status=MemberImport.Status.QUEUED,
        attempt=F("attempt") + 1,
        queued_at=timezone.now(),
        task_id="",
        finished_at=None,
        **({"errors": []} if retry else {}),
    )
    if not updated:
        return False
    batch.refresh_from_db()
    result = import_members.enqueue(batch.pk, batch.attempt)
    MemberImport.objects.filter(pk=batch.pk, attempt=batch.attempt).update(task_id=str(result.id))
    return True


def stale_reason(batch: MemberImport, *, now: dt.datetime | None = None) -> str | None:
    """Why a queued import will never finish, or None while it may: its task failed or is gone
    from the task store (a worker restarted with a cleared queue), or it has been queued longer
    than IMPORT_STALE_MINUTES (no worker took it, or the one that did died)."""
    if batch.status != MemberImport.Status.QUEUED:
        return None
    if batch.task_id and import_members.get_backend().supports_get_result:
        try:
            result = import_members.get_result(batch.task_id)
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


def expire_if_stale(batch: MemberImport) -> bool:
    """Mark a stale queued import failed, with the reason, so that it can be retried (or a stale
    check invalid, so that the file can be uploaded again: core.imports_views). True when it was."""
    if expire_stale_check(batch):
        return True
    reason = stale_reason(batch)
    if reason is None:
        return False
    expired = MemberImport.objects.filter(
        pk=batch.pk, status=MemberImport.Status.QUEUED, attempt=batch.attempt
    ).update(
        status=MemberImport.Status.FAILED,
        finished_at=timezone.now(),
        errors=[{"row": 0, "column": "", "message": reason}],
    )
    if expired:
        logger.warning(
            "member import %s attempt %s marked failed as stale: %s", batch.pk, batch.attempt, reason
        )
    batch.refresh_from_db()
    return bool(expired)
