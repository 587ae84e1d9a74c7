"""The demo as a newcomer finds it the day it is loaded: the 2025 structure (grassroots unions under
the provincial federation, users acting from units that exist today), the 2015 history kept on the
units it was made with, a live campaign and an open award round of the current year, no e-mail and
no stale notification from the replay of 2015."""

import datetime as dt
import io

from django.core import mail
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from accounts.models import RoleAssignment, User
from awards.models import CouncilSession, NominationBatch, NominationRound
from campaigns.models import Campaign, Registration
from core.models import Notification
from organisations.models import Member, Unit


def test_the_demo_shows_the_2025_structure_and_a_live_year(db):
    out = io.StringIO()
    call_command("load_demo", units=60, members=600, stdout=out)
    today = timezone.localdate()

    # the 2025 structure: districts ended on 1/7/2025 into the province, nothing current left under them
    province = Unit.objects.get(code="LDLD-CB")
    districts = Unit.objects.filter(unit_type__code="ldld-huyen")
    assert districts.count() == 10
    assert set(districts.values_list("valid_to", "merged_into")) == {(dt.date(2025, 7, 1), province.pk)}
    assert not Unit.objects.current().filter(parent__in=districts).exists()
    hoa_an = Unit.objects.get(code="LDLD-HOAAN")
    was_under_hoa_an = set(Unit.history.filter(parent_id=hoa_an.pk).values_list("id", flat=True))
    assert was_under_hoa_an and set(
        Unit.objects.filter(pk__in=was_under_hoa_an).values_list("parent", flat=True)
    ) == {province.pk}

    # every demo user acts from a unit that exists today, and the printed logins say where
    assignments = RoleAssignment.objects.select_related("unit", "user")
    assert all(a.unit.is_current() for a in assignments)
    printed = out.getvalue()
    logins = printed[printed.index("Tài khoản mẫu") :]
    canbo_hoaan = assignments.get(user__username="canbo.hoaan")
    assert f"canbo.hoaan      Cán bộ công đoàn — {canbo_hoaan.unit.name}" in logins
    assert "Liên đoàn Lao động huyện" not in logins

    # 2015 history keeps its units: the Hòa An batch was proposed by the district federation
    assert NominationBatch.objects.filter(round__year=2015, proposing_unit=hoa_an).exists()
    assert Registration.objects.filter(campaign__starts_on__year=2015, unit__in=districts).exists()

    # a live campaign and an open round for the current year
    live = Campaign.objects.get(status=Campaign.Status.LAUNCHED, starts_on__year=today.year)
    assert live.registration_deadline >= today and live.ends_on > today
    assert live.participants.filter(unit__parent=province, unit__unit_type__code="cdcs").exists()
    assert not live.participants.filter(unit__in=districts).exists()
    round_ = NominationRound.objects.get(year=today.year)
    assert round_.is_open and round_.deadline > today
    waiting = NominationBatch.objects.get(round=round_, status=NominationBatch.Status.SUBMITTED)
    assert waiting.at_unit == province

    # the live round's council is convened, its members notified, the vote page shows each dossier
    session = CouncilSession.objects.get(round=round_)
    assert session.is_open and session.held_on >= today
    items = list(session.items.select_related("nomination"))
    assert items and all(i.nomination.batch.status == NominationBatch.Status.AT_COUNCIL for i in items)
    members = set(session.memberships.values_list("user__username", flat=True))
    assert members == {"hoidong1", "hoidong2", "hoidong3"}
    url = reverse("awards:session_detail", args=[session.pk])
    for username in members:
        assert Notification.objects.filter(user__username=username, url=url).exists()
    client = Client()
    client.force_login(User.objects.get(username="hoidong1"))
    page = client.get(url).content.decode()
    for item in items:
        nomination = item.nomination
        assert nomination.achievement.split(";")[0] in page
        attachment = nomination.attachments.get()
        assert (
            reverse("awards:nomination_attachment", args=[nomination.pk, attachment.pk]) in page
            and attachment.original_name in page
        )
        assert nomination.evidence_links[0] in page
        assert f'href="{reverse("awards:nomination_detail", args=[nomination.pk])}"' in page
    assert page.count('name="choice" value="yes"') == len(items)

    # the live year's dashboard compares it with the years just before (their imported awards)
    client.force_login(User.objects.get(username="canbo.tinh"))
    dashboard = client.get(reverse("reports:dashboard"), {"year": today.year}).content.decode()
    assert 'id="section-trends"' in dashboard
    for year in (today.year - 2, today.year - 1):
        assert f">{year}<" in dashboard[dashboard.index('id="section-trends"') :]

    # no e-mail during the load; notifications are today's live ones only, none about 2015
    assert mail.outbox == []
    texts = list(Notification.objects.values_list("text", flat=True))
    assert texts and not [t for t in texts if "2015" in t]
    assert Notification.objects.filter(user__username="canbo.cdcs").count() <= 3

    # demo data makes sense: no doctors in a school's union
    assert not Member.objects.filter(
        unit__name__contains="Trường", position__in=["Bác sĩ", "Dược sĩ"]
    ).exists()
