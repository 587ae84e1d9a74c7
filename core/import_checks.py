"""The row-by-row check of an uploaded import, as the task worker runs it (core.tasks.check_import):
the verdict, the row count, the errors and a bounded preview stored on the batch in one
transaction."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _

logger = logging.getLogger(__name__)

MAX_ERRORS_KEPT = 500
PREVIEW_ROWS = 20


def run_check(
    batch_model: Any, batch_id: int, check: Callable[[Any, Any], Any], preview: Callable[[Any], list]
) -> str:
    """The task's work: check the stored file and store the verdict, if the batch is still
    checking (a batch expired as stale meanwhile keeps its verdict). Returns the status stored."""
    batch = batch_model.objects.select_related("unit").get(pk=batch_id)
    if batch.status != batch_model.Status.CHECKING:
        return batch.status
    fields: dict[str, Any]
    try:
        with batch.file.open("rb") as handle:
            checked = check(handle, batch.unit)
        fields = {
            "status": batch_model.Status.INVALID if checked.errors else batch_model.Status.CHECKED,
            "row_count": checked.row_count,
            "errors": [e.as_dict() for e in checked.errors[:MAX_ERRORS_KEPT]],
            "error_count": len(checked.errors),
            "preview": [] if checked.errors else preview(checked)[:PREVIEW_ROWS],
        }
    except ValidationError as exc:
        fields = {
            "status": batch_model.Status.INVALID,
            "errors": general_errors(exc.messages),
            "error_count": 1,
        }
    except Exception:
        logger.exception("the check of %s %s failed", batch_model._meta.label, batch_id)
        fields = {
            "status": batch_model.Status.INVALID,
            "error_count": 1,
            "errors": general_errors(
                [
                    _(
                        "The file could not be checked (an unexpected error). Nothing was imported; upload it again, and "
                        "tell the administrator if it happens again."
                    )
                ]
            ),
        }
    with transaction.atomic():
        batch_model.objects.filter(pk=batch_id, status=batch_model.Status.CHECKING).update(**fields)
    return fields["status"]


def general_errors(messages: list[str]) -> list[dict]:
    """Errors of the whole file, not of one row (row 0: the templates show no row for them)."""
    return [{"row": 0, "column": "", "message": m} for m in messages]


def resolve(path: str) -> Callable:
    """A check or preview function named by the views (never by a user)."""
    return import_string(path)
