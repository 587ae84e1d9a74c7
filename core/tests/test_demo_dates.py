"""The demo's 2015 history carries 2015 dates (issue 17): a decision issued on 20/12/2015, the reviews,
scores, obligations, nominations, ballots, articles and their history entries are not dated the day the
demo was loaded; the live year's objects are."""

import io
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone

from awards.models import AwardRecord, BallotCast, Decision, Nomination, NominationBatch, NominationRound
from campaigns.models import Campaign, CriteriaSet, DisseminationSession, ReviewReport, Score, ScoreSheet
from documents.models import Document, Obligation
from organisations.models import Member
from publishing.models import AdvancedModel
from thidua import demo_dates

# (model, the filter of its 2015 objects, the timestamps that must be from then)
HISTORY_2015 = [
    (Decision, {"decided_on__year": 2015}, ["created_at"]),
    (AwardRecord, {"year__lte": 2015}, ["created_at"]),
    (NominationRound, {"year": 2015}, ["created_at"]),
    (NominationBatch, {"round__year": 2015}, ["created_at", "submitted_at"]),
    (Nomination, {"batch__round__year": 2015}, ["created_at", "checked_at"]),
    (BallotCast, {"item__session__held_on__year": 2015}, ["at"]),
    (Campaign, {"starts_on__year": 2015}, ["created_at", "launched_at"]),
    (ReviewReport, {"round__campaign__starts_on__year": 2015}, ["updated_at", "submitted_at"]),
    (ScoreSheet, {"campaign__starts_on__year": 2015}, ["submitted_at"]),
    (CriteriaSet, {"campaign__starts_on__year": 2015}, ["created_at"]),
    (DisseminationSession, {"campaign__starts_on__year": 2015}, ["recorded_at"]),
    (Score, {"sheet__campaign__starts_on__year": 2015}, ["scored_at", "confirmed_at"]),
    (Document, {"issued_on__year": 2015}, ["created_at", "updated_at"]),
    (Obligation, {"document__issued_on__year": 2015}, ["acknowledged_at", "fulfilled_at"]),
    (AdvancedModel, {"period_start__year__lte": 2015}, ["created_at", "updated_at"]),
]


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The demo, loaded once for the module inside a transaction rolled back at its end: a flush
    would also delete what migrations load (document types, award rules) for every later test on
    the worker."""
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("load_demo", units=60, members=600, stdout=io.StringIO())
        yield
        transaction.set_rollback(True)


@pytest.mark.parametrize(
    ("model", "of_2015", "fields"), HISTORY_2015, ids=lambda v: getattr(v, "__name__", "")
)
def test_the_2015_history_is_not_dated_the_day_the_demo_was_loaded(demo, db, model, of_2015, fields):
    today = timezone.localdate()
    objects = model.objects.filter(**of_2015)
    assert objects.exists(), f"the demo has no 2015 {model.__name__}"
    for field in fields:
        for pk, value in objects.exclude(**{field: None}).values_list("pk", field):
            assert timezone.localtime(value).year < today.year, f"{model.__name__} {pk}: {field} {value}"
        history = getattr(model, "history", None)
        if history is not None:
            dated = history.filter(id__in=objects.values("pk")).values_list("history_date", flat=True)
            assert all(timezone.localtime(d).year < today.year for d in dated), f"{model.__name__} history"


def test_a_2015_decision_was_made_the_day_it_is_dated(demo, db):
    decision = Decision.objects.get(decided_on__year=2015, replaces=None)
    assert timezone.localtime(decision.created_at).date() == decision.decided_on
    assert {timezone.localtime(r.created_at).date() for r in decision.records.all()} == {decision.decided_on}


def test_the_live_year_is_dated_today(demo, db):
    today = timezone.localdate()
    live = Campaign.objects.get(status=Campaign.Status.LAUNCHED, starts_on__year=today.year)
    assert timezone.localtime(live.launched_at).year == today.year


def _stamped(model) -> set[str]:
    """The fields Django stamps with the moment of saving (auto_now, auto_now_add)."""
    return {
        f.name
        for f in model._meta.concrete_fields
        if getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False)
    }


def test_every_model_the_demo_fills_says_how_its_stamped_timestamps_are_dated(demo, db):
    """A model of ours that the demo fills and whose timestamps Django stamps is either redated
    (demo_dates.REDATED, a moment for each such field) or kept at the day the demo was loaded for a
    reason (DATED_TODAY): a new one cannot be forgotten and leave its 2015 objects dated today."""
    ours = [app for app in apps.get_app_configs() if (Path(settings.BASE_DIR) / app.name).is_dir()]
    filled = [m for app in ours for m in app.get_models() if _stamped(m) and m.objects.exists()]
    assert Decision in filled and Member in filled  # the listing sees the demo's models
    missing = [
        m._meta.label for m in filled if m not in demo_dates.REDATED and m not in demo_dates.DATED_TODAY
    ]
    assert missing == [], f"no dating rule in thidua/demo_dates.py for {missing}"
    without_moment = {
        m._meta.label: sorted(_stamped(m) - set(demo_dates.REDATED[m].moments))
        for m in filled
        if m in demo_dates.REDATED and not _stamped(m) <= set(demo_dates.REDATED[m].moments)
    }
    assert without_moment == {}, f"stamped fields without a moment in demo_dates.REDATED: {without_moment}"
