"""Two reviewers confirming the same score at once: the first wins, the second is told clearly
and changes nothing. The score's row is locked (SELECT ... FOR UPDATE) and its status checked
inside the lock.

The threaded test needs PostgreSQL (SQLite serialises writers at BEGIN); the sequential one
runs everywhere."""

import threading
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, connections

from accounts.models import Role
from accounts.testing import user_with_role
from campaigns import services
from campaigns.models import Score
from campaigns.tests.conftest import build_criteria, make_campaign, score_all


def _submitted_score(tree, plan_type):
    admin = user_with_role(Role.ADMIN, tree.province, username="admin.race")
    officer = user_with_role(Role.OFFICER, tree.district_a, username="canbo.a.race")
    campaign = make_campaign(admin, tree.province, plan_type)
    criteria = build_criteria(admin, campaign)
    score_all(officer, campaign, tree.district_a, criteria, {"1.1": 90, "1.2": 15, "2": 50})
    reviewers = [user_with_role(Role.OFFICER, tree.province, username=f"thamdinh{n}") for n in (1, 2)]
    return Score.objects.get(criterion__code="2"), reviewers


def test_the_second_confirmation_of_a_confirmed_score_is_refused_with_a_clear_message(tree, plan_type):
    score, (first, second) = _submitted_score(tree, plan_type)
    services.confirm_score(actor=first, score=score, points=48, reason="Thiếu minh chứng một mô hình")
    with pytest.raises(ValidationError) as caught:
        services.confirm_score(actor=second, score=score, points=50)
    message = caught.value.messages[0]
    assert "đã được xác nhận" in message and str(first) in message and "không được ghi nhận" in message
    score.refresh_from_db()
    assert (score.confirmed_points, score.confirmed_by) == (Decimal(48), first)
    assert score.history.filter(status="confirmed").count() == 1


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL's concurrent transactions")
def test_two_reviewers_confirming_at_once_the_first_wins_and_the_second_is_told(tree, plan_type):
    score, reviewers = _submitted_score(tree, plan_type)
    barrier = threading.Barrier(2, timeout=10)
    results: list = [None, None]

    def confirm(index, reviewer, points):
        try:
            barrier.wait()
            results[index] = services.confirm_score(
                actor=reviewer, score=score, points=points, reason=f"Thẩm định {index + 1}"
            )
        except Exception as exc:  # noqa: BLE001 - the test inspects what each thread got
            results[index] = exc
        finally:
            connections.close_all()

    threads = [
        threading.Thread(target=confirm, args=(i, reviewer, 45 + i)) for i, reviewer in enumerate(reviewers)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert not any(t.is_alive() for t in threads), "a thread is stuck: the row lock was never released"

    won = [r for r in results if isinstance(r, Score)]
    refused = [r for r in results if isinstance(r, ValidationError)]
    assert len(won) == 1 and len(refused) == 1, results
    assert "đã được xác nhận" in refused[0].messages[0]
    score.refresh_from_db()
    assert score.confirmed_points == won[0].confirmed_points and score.confirmed_by == won[0].confirmed_by
    assert score.history.filter(status="confirmed").count() == 1
