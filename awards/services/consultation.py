"""Public comment before high awards: the period opens when the nominee reaches the council, the
public comments during it, and the council may not meet before it ends."""

import datetime as dt
from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from awards.form_kinds import needs_public_comment
from awards.models import (
    COMMENT_AUTHOR_MAX,
    COMMENT_TEXT_MAX,
    Nomination,
    NominationBatch,
    PublicComment,
    PublicConsultation,
    PublicHoliday,
)
from awards.services.common import _d
from core.text import clean_text, normalize

__all__ = [
    "COMMENT_WORKING_DAYS",
    "add_public_comment",
    "add_working_days",
    "holidays_between",
    "consultation_blockers",
    "open_consultations",
]

# NĐ 98/2023/NĐ-CP, Điều 46 khoản 2: "ít nhất 10 ngày làm việc trước khi họp hội đồng".
COMMENT_WORKING_DAYS = 10


# Bộ luật Lao động 2019, Điều 112 khoản 1: the days off fixed in the solar calendar (month, day).
FIXED_HOLIDAYS = ((1, 1), (4, 30), (5, 1), (9, 2))


def holidays_between(first: dt.date, last: dt.date) -> set[dt.date]:
    """The days off from `first` to `last`: the fixed solar days of Điều 112 and every day the
    administrators entered (Tết, Giỗ Tổ, the day next to 2/9, compensating days)."""
    days = {
        dt.date(year, month, day)
        for year in range(first.year, last.year + 1)
        for month, day in FIXED_HOLIDAYS
    }
    days.update(PublicHoliday.objects.filter(date__range=(first, last)).values_list("date", flat=True))
    return {d for d in days if first <= d <= last}


def add_working_days(start: dt.date, days: int) -> dt.date:
    """The `days`-th working day after `start`: Monday to Friday, not a public holiday."""
    # a generous window (public holidays never take more than two weeks in a row), widened if need be
    window = start + dt.timedelta(days=days * 2 + 30)
    holidays = holidays_between(start, window)
    day = start
    while days:
        day += dt.timedelta(days=1)
        if day > window:
            window = day + dt.timedelta(days=60)
            holidays |= holidays_between(day, window)
        if day.weekday() < 5 and day not in holidays:
            days -= 1
    return day


def open_consultations(batch: NominationBatch, *, on: dt.date | None = None) -> list[PublicConsultation]:
    """Publish the batch's nominees that need public comment (its caller holds the batch's lock)."""
    opened_on = on or timezone.localdate()
    created = []
    for nomination in batch.nominations.filter(
        status=Nomination.Status.PROPOSED, consultation__isnull=True
    ).select_related("form"):
        if needs_public_comment(nomination.form):
            created.append(
                PublicConsultation.objects.create(
                    nomination=nomination,
                    opened_on=opened_on,
                    closes_on=add_working_days(opened_on, COMMENT_WORKING_DAYS),
                )
            )
    return created


def consultation_blockers(nominations: Iterable[Nomination], held_on: dt.date) -> list[str]:
    """Why the council cannot meet on `held_on` for these nominations (empty when it can)."""
    reasons = []
    for nomination in nominations:
        if not needs_public_comment(nomination.form):
            continue
        consultation = PublicConsultation.objects.filter(nomination=nomination).first()
        if consultation is None:
            reasons.append(
                _("%(nomination)s has not been published for public comment.") % {"nomination": nomination}
            )
        elif held_on <= consultation.closes_on:
            reasons.append(
                _(
                    "%(nomination)s is published for public comment until %(until)s: the council can "
                    "meet from %(from)s."
                )
                % {
                    "nomination": nomination,
                    "until": _d(consultation.closes_on),
                    "from": _d(consultation.closes_on + dt.timedelta(days=1)),
                }
            )
    return reasons


@transaction.atomic
def add_public_comment(*, consultation: PublicConsultation, text: str, author: str = "") -> PublicComment:
    """Anyone may comment while the period runs; the text is cleaned and bounded as every form's."""
    today = timezone.localdate()
    if not consultation.opened_on <= today <= consultation.closes_on:
        raise ValidationError(
            _("Comments on this nominee were taken until %(date)s.") % {"date": _d(consultation.closes_on)}
        )
    try:
        text = clean_text(text, label=str(_("Comment")), max_length=COMMENT_TEXT_MAX).strip()
    except ValidationError as exc:
        raise ValidationError({"text": exc.messages}) from exc
    if not text:
        raise ValidationError({"text": _("Write your comment.")})
    try:
        author = normalize(clean_text(author, label=str(_("Your name")), max_length=COMMENT_AUTHOR_MAX))
    except ValidationError as exc:
        raise ValidationError({"author": exc.messages}) from exc
    return PublicComment.objects.create(consultation=consultation, text=text, author=author)
