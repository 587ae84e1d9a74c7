"""The internal bulletin: an editor gathers the published articles of a month or quarter in
their subtree, puts them in order and prints the issue as a PDF (in a background task)."""

import calendar
import datetime as dt
import logging

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.permissions import can_make_bulletin
from core.text import normalize
from organisations.models import Unit
from publishing.models import Article, BulletinEntry, BulletinIssue
from publishing.tasks import generate_bulletin_pdf_task

__all__ = [
    "create_bulletin",
    "move_bulletin_entry",
    "period_bounds",
    "remove_bulletin_entry",
    "request_bulletin_pdf",
]

Period = BulletinIssue.Period
Status = BulletinIssue.Status
logger = logging.getLogger(__name__)


def period_bounds(kind: str, year: int, index: int) -> tuple[dt.date, dt.date]:
    """First and last day of a month (index 1–12) or a quarter (index 1–4)."""
    if kind == Period.MONTH:
        return dt.date(year, index, 1), dt.date(year, index, calendar.monthrange(year, index)[1])
    first_month = 3 * (index - 1) + 1
    return dt.date(year, first_month, 1), dt.date(
        year, first_month + 2, calendar.monthrange(year, first_month + 2)[1]
    )


def default_title() -> str:
    """ "Bản tin Công đoàn Cao Bằng" from "Liên đoàn Lao động tỉnh Cao Bằng"; else the organisation's name."""
    name = settings.THIDUA_ORGANISATION_NAME
    for marker in (" tỉnh ", " thành phố "):
        if marker in name:
            return f"Bản tin Công đoàn {name.split(marker, 1)[1]}"
    return f"Bản tin {name}"


def articles_for_period(publisher: Unit, start: dt.date, end: dt.date):
    """Published (and already visible) articles of the publisher's subtree in the period, oldest first."""
    tz = timezone.get_current_timezone()
    since = dt.datetime.combine(start, dt.time.min, tzinfo=tz)
    until = dt.datetime.combine(end + dt.timedelta(days=1), dt.time.min, tzinfo=tz)
    return (
        Article.objects.public()
        .filter(unit__path__startswith=publisher.path, publish_at__gte=since, publish_at__lt=until)
        .order_by("publish_at", "pk")
    )


def _check_period(kind: str, year: int, index: int) -> None:
    limit = 12 if kind == Period.MONTH else 4
    if kind not in Period.values:
        raise ValidationError({"period_kind": _("Choose a month or a quarter.")})
    if not 1 <= index <= limit:
        raise ValidationError({"period_index": _("Choose a month from 1 to 12 or a quarter from 1 to 4.")})
    if not 2000 <= year <= timezone.localdate().year:
        raise ValidationError({"year": _("Choose a year from 2000 to this year.")})


@transaction.atomic
def create_bulletin(
    *,
    actor,
    publisher: Unit,
    period_kind: str,
    year: int,
    period_index: int,
    title: str = "",
    issued_on: dt.date | None = None,
) -> BulletinIssue:
    """A new issue with the next number of the publisher's year and the period's articles in
    order of publication."""
    if not can_make_bulletin(actor, publisher):
        raise PermissionDenied(_("Only editors of this unit may make its bulletin."))
    _check_period(period_kind, year, period_index)
    start, end = period_bounds(period_kind, year, period_index)
    if start > timezone.localdate():
        raise ValidationError({"period_index": _("This period has not begun yet.")})
    articles = list(articles_for_period(publisher, start, end).values_list("pk", flat=True))
    if not articles:
        raise ValidationError(
            {
                "period_index": _("No article of %(unit)s was published in this period.")
                % {"unit": publisher.name}
            }
        )
    # Serialise numbering per publisher: the second editor waits here, then takes the next number.
    Unit.objects.select_for_update().filter(pk=publisher.pk).first()
    number = (
        BulletinIssue.objects.filter(publisher=publisher, year=year).aggregate(n=Max("number"))["n"] or 0
    ) + 1
    try:
        with transaction.atomic():
            issue = BulletinIssue.objects.create(
                publisher=publisher,
                title=normalize(title) or default_title(),
                year=year,
                number=number,
                period_kind=period_kind,
                period_index=period_index,
                period_start=start,
                period_end=end,
                issued_on=issued_on or timezone.localdate(),
                created_by=actor,
            )
    except IntegrityError as exc:
        raise ValidationError({"__all__": _("Another editor has just made an issue; try again.")}) from exc
    BulletinEntry.objects.bulk_create(
        [
            BulletinEntry(issue=issue, article_id=pk, position=index)
            for index, pk in enumerate(articles, start=1)
        ]
    )
    return issue


def _editable(issue: BulletinIssue, actor) -> BulletinIssue:
    issue = BulletinIssue.objects.select_for_update(of=("self",)).select_related("publisher").get(pk=issue.pk)
    if not can_make_bulletin(actor, issue.publisher):
        raise PermissionDenied(_("Only editors of this unit may make its bulletin."))
    if issue.status == Status.QUEUED:
        raise ValidationError({"__all__": _("The PDF is being generated; wait until it is ready.")})
    return issue


def _renumber(issue: BulletinIssue, entries: list[BulletinEntry]) -> None:
    for index, entry in enumerate(entries, start=1):
        entry.position = index
    BulletinEntry.objects.bulk_update(entries, ["position"])
    if issue.status != Status.DRAFT:
        # the PDF no longer matches the contents: it must be generated again
        issue.status = Status.DRAFT
        issue.save(update_fields=["status"])


@transaction.atomic
def move_bulletin_entry(issue: BulletinIssue, *, actor, entry_id: int, direction: str) -> None:
    """Move an article one place up or down in the issue."""
    issue = _editable(issue, actor)
    entries = list(issue.entries.order_by("position", "pk"))
    index = next((i for i, e in enumerate(entries) if e.pk == entry_id), None)
    if index is None:
        raise ValidationError({"__all__": _("This article is not in the issue.")})
    other = index - 1 if direction == "up" else index + 1
    if 0 <= other < len(entries):
        entries[index], entries[other] = entries[other], entries[index]
    _renumber(issue, entries)


@transaction.atomic
def remove_bulletin_entry(issue: BulletinIssue, *, actor, entry_id: int) -> None:
    issue = _editable(issue, actor)
    entries = list(issue.entries.order_by("position", "pk"))
    if len(entries) <= 1:
        raise ValidationError({"__all__": _("An issue needs at least one article.")})
    kept = [e for e in entries if e.pk != entry_id]
    issue.entries.filter(pk=entry_id).delete()
    _renumber(issue, kept)


def request_bulletin_pdf(issue: BulletinIssue, *, actor) -> BulletinIssue:
    """Queue the PDF; the task worker prints it (tests run it inline). The page polls the status."""
    with transaction.atomic():
        issue = _editable(issue, actor)
        issue.status, issue.error = Status.QUEUED, ""
        issue.save(update_fields=["status", "error"])
    generate_bulletin_pdf_task.enqueue(issue.pk)
    issue.refresh_from_db()
    return issue
