"""Background work of the registry, done by the task worker: reminders, and the OCR of scanned
uploads (slow: seconds a page)."""

import datetime as dt

from django.contrib.auth import get_user_model
from django.utils import timezone
from django_tasks import task

from documents import scans, selectors, services
from documents.models import Document, Reading

REMIND_DAYS_BEFORE = 3


@task()
def send_document_reminders(
    document_id: int, actor_id: int | None = None, unit_ids: list[int] | None = None
) -> int:
    """The “send reminders” buttons: remind every unit that has not acted on the document, or only
    the units chosen on the board (`unit_ids`)."""
    document = Document.objects.select_related("issuer_unit", "doc_type").get(pk=document_id)
    actor = get_user_model().objects.filter(pk=actor_id).first() if actor_id else None
    return services.send_reminders(document=document, actor=actor, unit_ids=unit_ids)


def send_scheduled_reminders(
    today: dt.date | None = None, days_before: int = REMIND_DAYS_BEFORE
) -> dict[str, int]:
    """Every issued plan whose recipients' plans are due within `days_before` days or overdue:
    remind the units that have not issued theirs, once a day at most."""
    today = today or timezone.localdate()
    by = today + dt.timedelta(days=days_before)
    plans = reminded = 0
    for document in selectors.plans_due_for_reminders(by):
        count = services.send_reminders(document=document, due_by=by, once_per_day=True)
        if count:
            plans += 1
            reminded += count
    return {"plans": plans, "units": reminded}


@task()
def read_scanned_reading(reading_id: int) -> str:
    """Read a scanned PDF upload through OCR; its page shows the result when done."""
    reading = Reading.objects.filter(pk=reading_id, status=Reading.Status.READING).first()
    if reading is None:
        return "gone"  # discarded, or read already
    return scans.read_scan(reading).status
