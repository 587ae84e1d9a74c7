"""Demo: the past years' history carries its own dates, not the day the demo was loaded.

The 2015 replay goes through the services, so every timestamp they stamp (`auto_now_add`, `auto_now`,
`timezone.now()`: a decision's creation, a review report's last change, a score, an acknowledged
obligation, a ballot, the history entries) would say today. This last loader gives each object of a
past year the date its own domain dates say it happened (a decision on its decision date, a score at
the end of its campaign...). Objects of the current year (the live campaign and round) keep today."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from django.db.models import Model, QuerySet
from django.utils import timezone

from awards.models import (
    AwardRecord,
    BallotCast,
    BatchEvent,
    Decision,
    Nomination,
    NominationBatch,
    NominationRound,
)
from campaigns.models import Campaign, PeerScore, ReviewReport, ReviewRound, Score, ScoreEvidence, ScoreSheet
from core.demo import DemoContext
from documents.models import Document, Obligation
from publishing.models import AdvancedModel, Article, ArticleImage, BulletinIssue, ModelStage, Replication

Moment = Callable[[Any], dt.date | dt.datetime | None]


def _at(value: dt.date | dt.datetime | None, *, days: int = 0) -> dt.datetime | None:
    """A date as 9:00 that day (local time), `days` later; a datetime as it is."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value + dt.timedelta(days=days)
    return timezone.make_aware(dt.datetime.combine(value + dt.timedelta(days=days), dt.time(9, 0)))


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


def load(ctx: DemoContext) -> None:
    this_year = timezone.localdate().year
    past = this_year - 1
    counts = {
        Document: _redate(
            Document.objects.filter(issued_on__year__lte=past),
            {"created_at": lambda d: d.issued_on, "updated_at": lambda d: d.issued_on},
            this_year,
        ),
        Obligation: _redate(
            Obligation.objects.filter(document__issued_on__year__lte=past).select_related("document"),
            {
                "acknowledged_at": lambda o: _at(o.document.issued_on, days=2),
                "fulfilled_at": lambda o: o.due_on or _at(o.document.issued_on, days=10),
                "last_reminded_at": lambda o: o.due_on,
            },
            this_year,
        ),
        Campaign: _redate(
            Campaign.objects.filter(starts_on__year__lte=past).select_related("launching_document"),
            {
                "created_at": lambda c: (
                    c.launching_document.issued_on if c.launching_document else c.starts_on
                ),
                "launched_at": lambda c: (
                    c.launching_document.issued_on if c.launching_document else c.starts_on
                ),
            },
            this_year,
        ),
        ReviewRound: _redate(
            ReviewRound.objects.filter(period_end__year__lte=past),
            {"opened_at": lambda r: r.period_end},
            this_year,
        ),
        ReviewReport: _redate(
            ReviewReport.objects.filter(round__period_end__year__lte=past).select_related("round"),
            {
                "submitted_at": lambda r: r.round.due_on or r.round.period_end,
                "updated_at": lambda r: r.round.due_on or r.round.period_end,
            },
            this_year,
        ),
        ScoreSheet: _redate(
            ScoreSheet.objects.filter(campaign__ends_on__year__lte=past).select_related("campaign"),
            {"submitted_at": lambda s: s.campaign.ends_on},
            this_year,
        ),
        Score: _redate(
            Score.objects.filter(sheet__campaign__ends_on__year__lte=past).select_related("sheet__campaign"),
            {
                "scored_at": lambda s: _at(s.sheet.campaign.ends_on, days=-3),
                "confirmed_at": lambda s: s.sheet.campaign.ends_on,
            },
            this_year,
        ),
        ScoreEvidence: _redate(
            ScoreEvidence.objects.filter(score__sheet__campaign__ends_on__year__lte=past).select_related(
                "score__sheet__campaign"
            ),
            {"uploaded_at": lambda e: _at(e.score.sheet.campaign.ends_on, days=-3)},
            this_year,
        ),
        PeerScore: _redate(
            PeerScore.objects.filter(score__sheet__campaign__ends_on__year__lte=past).select_related(
                "score__sheet__campaign"
            ),
            {"scored_at": lambda p: p.score.sheet.campaign.ends_on},
            this_year,
        ),
        NominationRound: _redate(
            NominationRound.objects.filter(year__lte=past),
            {"created_at": lambda r: _at(r.deadline, days=-30)},
            this_year,
        ),
        NominationBatch: _redate(
            NominationBatch.objects.filter(round__year__lte=past).select_related("round"),
            {
                "created_at": lambda b: _at(b.round.deadline, days=-10),
                "submitted_at": lambda b: _at(b.round.deadline, days=-1),
            },
            this_year,
        ),
        BatchEvent: _redate(
            BatchEvent.objects.filter(batch__round__year__lte=past).select_related("batch__round"),
            {"at": lambda e: _at(e.batch.round.deadline, days=-1)},
            this_year,
        ),
        Nomination: _redate(
            Nomination.objects.filter(batch__round__year__lte=past).select_related("batch__round"),
            {
                "created_at": lambda n: _at(n.batch.round.deadline, days=-10),
                "checked_at": lambda n: _at(n.batch.round.deadline, days=-10),
            },
            this_year,
        ),
        BallotCast: _redate(
            BallotCast.objects.filter(item__session__held_on__year__lte=past).select_related("item__session"),
            {"at": lambda b: b.item.session.held_on},
            this_year,
        ),
        Decision: _redate(
            Decision.objects.filter(decided_on__year__lte=past),
            {"created_at": lambda d: d.decided_on},
            this_year,
        ),
        AwardRecord: _redate(
            AwardRecord.objects.filter(year__lte=past),
            {"created_at": lambda r: r.decision_date or dt.date(r.year, 12, 31)},
            this_year,
        ),
        Article: _redate(
            Article.objects.filter(publish_at__year__lte=past),
            {"created_at": lambda a: a.publish_at, "updated_at": lambda a: a.publish_at},
            this_year,
        ),
        ArticleImage: _redate(
            ArticleImage.objects.filter(article__publish_at__year__lte=past).select_related("article"),
            {"uploaded_at": lambda i: i.article.publish_at},
            this_year,
        ),
        AdvancedModel: _redate(
            AdvancedModel.objects.filter(period_start__year__lte=past),
            {
                "created_at": lambda m: m.period_start,
                "updated_at": lambda m: m.stage_changed_on or m.period_start,
            },
            this_year,
        ),
        ModelStage: _redate(
            ModelStage.objects.filter(on__year__lte=past), {"recorded_at": lambda s: s.on}, this_year
        ),
        Replication: _redate(
            Replication.objects.filter(adopted_on__year__lte=past),
            {"recorded_at": lambda r: r.adopted_on},
            this_year,
        ),
        BulletinIssue: _redate(
            BulletinIssue.objects.filter(issued_on__year__lte=past),
            {"created_at": lambda b: b.issued_on, "rendered_at": lambda b: b.issued_on},
            this_year,
        ),
    }
    ctx.log(f"  past years' history redated: {sum(counts.values())} objects\n")
