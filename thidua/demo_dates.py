"""Demo: the past years' history carries its own dates, not the day the demo was loaded.

The 2015 replay goes through the services, so every timestamp they stamp (`auto_now_add`, `auto_now`,
`timezone.now()`: a decision's creation, a review report's last change, a score, an acknowledged
obligation, a ballot, the history entries) would say today. This last loader gives each object of a
past year the date its own domain dates say it happened (a decision on its decision date, a score at
the end of its campaign...). Objects of the current year (the live campaign and round) keep today."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any, NamedTuple

from django.db.models import Model, QuerySet
from django.utils import timezone

from awards.models import (
    AwardRecord,
    BallotCast,
    BaseSalary,
    BatchEvent,
    Decision,
    Nomination,
    NominationAttachment,
    NominationBatch,
    NominationRound,
)
from campaigns.models import (
    Campaign,
    CriteriaSet,
    DisseminationSession,
    PeerScore,
    ReviewReport,
    ReviewRound,
    Score,
    ScoreEvidence,
    ScoreSheet,
)
from core.demo import DemoContext
from core.models import Notification
from documents.models import Document, Obligation
from organisations.models import Member
from publishing.models import AdvancedModel, Article, ArticleImage, BulletinIssue, ModelStage, Replication
from signing.models import SignedPdf, SigningIdentity

Moment = Callable[[Any], dt.date | dt.datetime | None]


class Rule(NamedTuple):
    of_past: Callable[[int], QuerySet]  # the model's objects of the years up to the given one
    moments: dict[str, Moment]  # timestamp field: the moment its domain dates say


def _at(value: dt.date | dt.datetime | None, *, days: int = 0) -> dt.datetime | None:
    """A date as 9:00 that day (local time), `days` later; a datetime as it is."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value + dt.timedelta(days=days)
    return timezone.make_aware(dt.datetime.combine(value + dt.timedelta(days=days), dt.time(9, 0)))


def _launched_on(campaign: Campaign) -> dt.date | None:
    return campaign.launching_document.issued_on if campaign.launching_document else campaign.starts_on


def _redate(objects: QuerySet, moments: dict[str, Moment], this_year: int) -> int:
    """Give each object's timestamps (those stamped this year) the moment its domain dates say, and
    its history entries the first of them. Returns how many objects changed."""
    model: type[Model] = objects.model
    changed: list[Model] = []
    first_moment: dict[Any, dt.datetime] = {}
    past_targets: dict[Any, dict[str, dt.datetime]] = {}
    for obj in objects:
        targets = {field: _at(moment(obj)) for field, moment in moments.items()}
        past = {f: t for f, t in targets.items() if t is not None and t.year < this_year}
        if not past:
            continue
        first_moment[obj.pk] = next(iter(past.values()))  # its history entries' date
        past_targets[obj.pk] = past
        touched = False
        for field, target in past.items():
            value = getattr(obj, field)
            if value is not None and timezone.localtime(value).year >= this_year:
                setattr(obj, field, target)
                touched = True
        if touched:
            changed.append(obj)
    if changed:
        model.objects.bulk_update(changed, list(moments), batch_size=500)  # type: ignore[attr-defined]
    history = getattr(model, "history", None)
    if history is not None and first_moment:
        kept = [f for f in moments if any(f == field.name for field in history.model._meta.fields)]
        entries = list(history.filter(id__in=list(first_moment)))
        for entry in entries:
            if timezone.localtime(entry.history_date).year >= this_year:
                entry.history_date = first_moment[entry.id]
            for field in kept:
                value = getattr(entry, field)
                if value is not None and timezone.localtime(value).year >= this_year:
                    setattr(entry, field, past_targets[entry.id].get(field, value))
        history.model.objects.bulk_update(entries, ["history_date", *kept], batch_size=500)
    return len(changed)


# What each model's objects of past years are, and the moment each timestamp gets: every model of
# the demo with timestamps Django stamps (auto_now, auto_now_add) is here or in DATED_TODAY
# (core/tests/test_demo_dates.py checks it, so a new model cannot be forgotten).
REDATED: dict[type[Model], Rule] = {
    Document: Rule(
        lambda past: Document.objects.filter(issued_on__year__lte=past),
        {"created_at": lambda d: d.issued_on, "updated_at": lambda d: d.issued_on},
    ),
    Obligation: Rule(
        lambda past: Obligation.objects.filter(document__issued_on__year__lte=past).select_related(
            "document"
        ),
        {
            "acknowledged_at": lambda o: _at(o.document.issued_on, days=2),
            "fulfilled_at": lambda o: o.due_on or _at(o.document.issued_on, days=10),
            "last_reminded_at": lambda o: o.due_on,
        },
    ),
    Campaign: Rule(
        lambda past: Campaign.objects.filter(starts_on__year__lte=past).select_related("launching_document"),
        {
            "created_at": _launched_on,
            "launched_at": _launched_on,
        },
    ),
    CriteriaSet: Rule(
        lambda past: CriteriaSet.objects.filter(campaign__starts_on__year__lte=past).select_related(
            "campaign__launching_document"
        ),
        {"created_at": lambda s: _launched_on(s.campaign)},
    ),
    DisseminationSession: Rule(
        lambda past: DisseminationSession.objects.filter(held_on__year__lte=past),
        {"recorded_at": lambda s: s.held_on},
    ),
    ReviewRound: Rule(
        lambda past: ReviewRound.objects.filter(period_end__year__lte=past),
        {"opened_at": lambda r: r.period_end},
    ),
    ReviewReport: Rule(
        lambda past: ReviewReport.objects.filter(round__period_end__year__lte=past).select_related("round"),
        {
            "submitted_at": lambda r: r.round.due_on or r.round.period_end,
            "updated_at": lambda r: r.round.due_on or r.round.period_end,
        },
    ),
    ScoreSheet: Rule(
        lambda past: ScoreSheet.objects.filter(campaign__ends_on__year__lte=past).select_related("campaign"),
        {"submitted_at": lambda s: s.campaign.ends_on},
    ),
    Score: Rule(
        lambda past: Score.objects.filter(sheet__campaign__ends_on__year__lte=past).select_related(
            "sheet__campaign"
        ),
        {
            "scored_at": lambda s: _at(s.sheet.campaign.ends_on, days=-3),
            "confirmed_at": lambda s: s.sheet.campaign.ends_on,
        },
    ),
    ScoreEvidence: Rule(
        lambda past: ScoreEvidence.objects.filter(
            score__sheet__campaign__ends_on__year__lte=past
        ).select_related("score__sheet__campaign"),
        {"uploaded_at": lambda e: _at(e.score.sheet.campaign.ends_on, days=-3)},
    ),
    PeerScore: Rule(
        lambda past: PeerScore.objects.filter(score__sheet__campaign__ends_on__year__lte=past).select_related(
            "score__sheet__campaign"
        ),
        {"scored_at": lambda p: p.score.sheet.campaign.ends_on},
    ),
    NominationRound: Rule(
        lambda past: NominationRound.objects.filter(year__lte=past),
        {"created_at": lambda r: _at(r.deadline, days=-30)},
    ),
    NominationBatch: Rule(
        lambda past: NominationBatch.objects.filter(round__year__lte=past).select_related("round"),
        {
            "created_at": lambda b: _at(b.round.deadline, days=-10),
            "submitted_at": lambda b: _at(b.round.deadline, days=-1),
        },
    ),
    BatchEvent: Rule(
        lambda past: BatchEvent.objects.filter(batch__round__year__lte=past).select_related("batch__round"),
        {"at": lambda e: _at(e.batch.round.deadline, days=-1)},
    ),
    Nomination: Rule(
        lambda past: Nomination.objects.filter(batch__round__year__lte=past).select_related("batch__round"),
        {
            "created_at": lambda n: _at(n.batch.round.deadline, days=-10),
            "checked_at": lambda n: _at(n.batch.round.deadline, days=-10),
        },
    ),
    BallotCast: Rule(
        lambda past: BallotCast.objects.filter(item__session__held_on__year__lte=past).select_related(
            "item__session"
        ),
        {"at": lambda b: b.item.session.held_on},
    ),
    Decision: Rule(
        lambda past: Decision.objects.filter(decided_on__year__lte=past),
        {"created_at": lambda d: d.decided_on},
    ),
    AwardRecord: Rule(
        lambda past: AwardRecord.objects.filter(year__lte=past),
        {"created_at": lambda r: r.decision_date or dt.date(r.year, 12, 31)},
    ),
    Article: Rule(
        lambda past: Article.objects.filter(publish_at__year__lte=past),
        {"created_at": lambda a: a.publish_at, "updated_at": lambda a: a.publish_at},
    ),
    ArticleImage: Rule(
        lambda past: ArticleImage.objects.filter(article__publish_at__year__lte=past).select_related(
            "article"
        ),
        {"uploaded_at": lambda i: i.article.publish_at},
    ),
    AdvancedModel: Rule(
        lambda past: AdvancedModel.objects.filter(period_start__year__lte=past),
        {
            "created_at": lambda m: m.period_start,
            "updated_at": lambda m: m.stage_changed_on or m.period_start,
        },
    ),
    ModelStage: Rule(
        lambda past: ModelStage.objects.filter(on__year__lte=past), {"recorded_at": lambda s: s.on}
    ),
    Replication: Rule(
        lambda past: Replication.objects.filter(adopted_on__year__lte=past),
        {"recorded_at": lambda r: r.adopted_on},
    ),
    BulletinIssue: Rule(
        lambda past: BulletinIssue.objects.filter(issued_on__year__lte=past),
        {"created_at": lambda b: b.issued_on, "rendered_at": lambda b: b.issued_on},
    ),
}

# Models of the demo whose stamped timestamps rightly say the day the demo was loaded, and why.
DATED_TODAY: dict[type[Model], str] = {
    Member: "the membership roll as it stands today",
    Notification: "the live year's notices, sent as the demo loads",
    BaseSalary: "reference data, entered when the system is set up",
    SigningIdentity: "the certificates the demo's token is given as it loads (valid from today)",
    SignedPdf: "signatures made as the demo loads: the signing time inside each PDF says today",
    NominationAttachment: "evidence of the live round's nominations, attached as the demo loads",
}


def load(ctx: DemoContext) -> None:
    this_year = timezone.localdate().year
    past = this_year - 1
    changed = sum(_redate(rule.of_past(past), rule.moments, this_year) for rule in REDATED.values())
    ctx.log(f"  past years' history redated: {changed} objects\n")
