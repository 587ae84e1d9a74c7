"""Reminders to the recipient units whose obligations are still open."""

import datetime as dt
from collections.abc import Collection

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts import permissions
from core.notifications import notify
from documents.models import (
    Document,
    Obligation,
)
from documents.services.issuing import document_url

__all__ = ["pending_obligations", "send_reminders"]


def pending_obligations(document: Document):
    """Obligations not yet met: the plan not issued where one is asked for, else not acknowledged."""
    pending = Obligation.objects.filter(document=document, fulfilled_at__isnull=True)
    if not document.requires_plan:
        pending = pending.filter(acknowledged_at__isnull=True)
    return pending


@transaction.atomic
def send_reminders(
    *,
    document: Document,
    actor=None,
    due_by: dt.date | None = None,
    once_per_day: bool = False,
    unit_ids: Collection[int] | None = None,
) -> int:
    """Remind the officers of every unit that has not acted on a document yet (only those of
    `unit_ids`, when the officer chose some on the board). `due_by` limits the reminders to
    obligations due by that date (or overdue); `once_per_day` skips units already reminded today,
    so a scheduled run can repeat safely. Returns the units reminded."""
    if actor is not None and not permissions.can_manage_documents(actor, document.issuer_unit):
        raise PermissionDenied
    pending = pending_obligations(document).select_related("unit")
    if unit_ids is not None:
        pending = pending.filter(unit_id__in=list(unit_ids))
    if due_by is not None:
        pending = pending.filter(due_on__lte=due_by)
    if once_per_day:
        pending = pending.exclude(last_reminded_at__gte=_start_of_today())
    pending = list(pending.select_for_update(of=("self",)))
    if not pending:
        return 0
    by_unit = permissions.officers_by_unit([o.unit for o in pending])
    for obligation in pending:
        if obligation.requires_plan:
            text = _("Reminder: %(unit)s has not issued its plan implementing %(doc)s (due %(due)s).") % {
                "unit": obligation.unit.display_name,
                "doc": document.number_symbol,
                "due": obligation.due_on.strftime("%d/%m/%Y") if obligation.due_on else "—",
            }
        else:
            text = _("Reminder: please acknowledge %(doc)s.") % {"doc": document.number_symbol}
        notify(by_unit.get(obligation.unit_id, []), text, document_url(document))
    Obligation.objects.filter(pk__in=[o.pk for o in pending]).update(
        last_reminded_at=timezone.now(), reminder_count=F("reminder_count") + 1
    )
    return len(pending)


def _start_of_today() -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(timezone.localdate(), dt.time.min))
