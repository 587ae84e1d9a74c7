"""Background work of the organisation area, run by the task worker (`manage.py db_worker`).

A member import is queued once per attempt (`MemberImport.attempt`): the task does its work only
if the import is still queued for that attempt, and writes the members and the import's "done"
in one transaction that it rolls back when the import was meanwhile marked failed as stale or
retried, so a late or repeated run never writes half an import or the same import twice."""

import datetime as dt
import logging

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django_tasks import task

from core import import_attempts
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
    """Queue a checked import (or, with `retry`, a failed one) as a new attempt (core.import_attempts)."""
    return import_attempts.queue_attempt(batch, import_members, retry=retry)


def stale_reason(batch: MemberImport, *, now: dt.datetime | None = None) -> str | None:
    return import_attempts.stale_reason(batch, import_members, now=now)


def expire_if_stale(batch: MemberImport) -> bool:
    return import_attempts.expire_if_stale(batch, import_members)
