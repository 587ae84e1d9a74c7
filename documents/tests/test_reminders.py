"""Reminders: the board's button (a task, run inline in tests) and the daily command, which
reminds units whose plans are due within three days or late, once a day at most."""

import datetime as dt
from io import StringIO
from unittest import mock

import pytest
from django.core.management import call_command
from django.utils import timezone

from core.models import Notification
from documents import services
from documents.models import Obligation
from documents.tasks import send_scheduled_reminders


def _issue_due_in(plan, admin_user, days: int):
    plan.plan_deadline = timezone.localdate() + dt.timedelta(days=days)
    plan.save()
    return services.issue_document(actor=admin_user, document=plan, issued_on=timezone.localdate())


def test_the_button_reminds_the_units_that_have_not_issued_their_plan(
    plan, admin_user, officer_a, officer_b, client_as, symbols
):
    issued = _issue_due_in(plan, admin_user, 10)
    draft = services.start_implementing_plan(
        actor=officer_a, obligation=Obligation.objects.get(document=issued, unit=symbols.district_a)
    )
    services.issue_document(actor=officer_a, document=draft)
    Notification.objects.all().delete()

    response = client_as(admin_user).post(f"/van-ban/{issued.pk}/nhac-nho/")

    assert response.status_code == 302
    assert not officer_a.notifications.exists()
    reminder = officer_b.notifications.get()
    assert reminder.text.startswith("Nhắc việc: LĐLĐ") or "chưa ban hành kế hoạch" in reminder.text
    assert Obligation.objects.get(document=issued, unit=symbols.district_b).reminder_count == 1


def test_only_the_issuers_officers_may_send_reminders(plan, admin_user, officer_a, client_as):
    issued = _issue_due_in(plan, admin_user, 10)
    assert client_as(officer_a).post(f"/van-ban/{issued.pk}/nhac-nho/").status_code == 403


def test_the_daily_command_reminds_plans_due_within_three_days_once_a_day(
    plan, admin_user, officer_a, officer_b
):
    _issue_due_in(plan, admin_user, 3)
    Notification.objects.all().delete()
    out = StringIO()

    call_command("send_plan_reminders", stdout=out)
    call_command("send_plan_reminders", stdout=out)  # the same day again: nobody twice

    assert officer_a.notifications.count() == 1 and officer_b.notifications.count() == 1
    assert "Đã nhắc 2 đơn vị về 1 kế hoạch." in out.getvalue()
    assert "Đã nhắc 0 đơn vị về 0 kế hoạch." in out.getvalue()


def test_the_daily_command_reminds_again_the_next_day(plan, admin_user, officer_a):
    _issue_due_in(plan, admin_user, 1)
    Notification.objects.all().delete()
    send_scheduled_reminders()
    tomorrow = timezone.now() + dt.timedelta(days=1)
    with mock.patch("django.utils.timezone.now", return_value=tomorrow):
        assert send_scheduled_reminders(today=timezone.localdate(tomorrow)) == {"plans": 1, "units": 2}
    assert officer_a.notifications.count() == 2


@pytest.mark.parametrize("days, reminded", [(4, 0), (3, 2), (0, 2), (-20, 2)])
def test_plans_due_later_than_three_days_are_left_alone(plan, admin_user, days, reminded):
    if days < 0:  # already late: issued earlier with a deadline in the past
        plan.plan_deadline = timezone.localdate() + dt.timedelta(days=days)
        plan.save()
        services.issue_document(
            actor=admin_user, document=plan, issued_on=timezone.localdate() + dt.timedelta(days=days - 10)
        )
    else:
        _issue_due_in(plan, admin_user, days)
    assert send_scheduled_reminders()["units"] == reminded


def test_the_board_offers_a_checklist_of_the_units_that_have_not_acted(
    plan, admin_user, officer_a, client_as, symbols
):
    issued = _issue_due_in(plan, admin_user, 10)
    draft = services.start_implementing_plan(
        actor=officer_a, obligation=Obligation.objects.get(document=issued, unit=symbols.district_a)
    )
    services.issue_document(actor=officer_a, document=draft)
    page = client_as(admin_user).get(f"/van-ban/{issued.pk}/theo-doi/").content.decode()
    assert f'value="{symbols.district_b.pk}"' in page  # still owes its plan: can be ticked
    assert f'id="remind-{symbols.district_a.pk}"' not in page  # issued its plan: nothing to remind
    assert 'form="remind-chosen"' in page


def test_reminders_go_only_to_the_chosen_units(plan, admin_user, officer_a, officer_b, client_as, symbols):
    issued = _issue_due_in(plan, admin_user, 10)
    Notification.objects.all().delete()
    client = client_as(admin_user)

    response = client.post(
        f"/van-ban/{issued.pk}/nhac-nho/", {"chosen": "1", "unit": [symbols.district_b.pk]}
    )

    assert response.status_code == 302
    assert officer_b.notifications.count() == 1 and not officer_a.notifications.exists()
    assert Obligation.objects.get(document=issued, unit=symbols.district_a).reminder_count == 0
    # nothing ticked: nobody is reminded, and the officer is told why
    response = client.post(f"/van-ban/{issued.pk}/nhac-nho/", {"chosen": "1"}, follow=True)
    assert "Hãy đánh dấu" in response.content.decode() and officer_b.notifications.count() == 1
