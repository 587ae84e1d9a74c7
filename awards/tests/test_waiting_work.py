"""What waits for an officer on the commendation page is the work of the rounds still running: a
batch a past year's round left under review is history, not today's work."""

import datetime as dt
import re

from django.utils import timezone

from awards import services
from awards.tests.conftest import LDTT, nominate, pdf
from organisations.testing import MemberFactory


def _submitted_batch(officer, round_, unit, form, member):
    batch = services.create_batch(actor=officer, round_=round_, proposing_unit=unit)
    nominate(officer, batch, form, member=member, task_grade="good")
    services.attach_minutes(actor=officer, batch=batch, upload=pdf())
    return services.submit_batch(actor=officer, batch=batch)


def _waiting(page: str) -> str:
    start = page.index("Hồ sơ chờ bạn xem xét")
    return page[start : page.index("</section>", start)]


def test_a_batch_left_under_review_by_a_past_years_round_is_not_waiting(
    client_as, rules, tree, round_2015, officer_a, officer_b, province_officer
):
    today = timezone.localdate()
    live = services.open_round(
        actor=province_officer,
        deciding_unit=tree.province,
        title=f"Khen thưởng năm {today.year}",
        year=today.year,
        deadline=today + dt.timedelta(days=30),
        rule_set=rules.new,
    )
    old = _submitted_batch(
        officer_b, round_2015, tree.district_b, rules.forms[LDTT], MemberFactory(unit=tree.grassroots_b1)
    )
    current = _submitted_batch(
        officer_a, live, tree.district_a, rules.new_forms[LDTT], MemberFactory(unit=tree.grassroots_a1)
    )
    assert old.at_unit == current.at_unit == tree.province

    waiting = _waiting(client_as(province_officer).get("/khen-thuong/").content.decode())
    assert f"/khen-thuong/ho-so/{current.pk}/" in waiting
    assert f"/khen-thuong/ho-so/{old.pk}/" not in waiting


def test_a_council_member_finds_the_session_waiting_for_their_vote_until_they_have_voted(
    client_as, rules, tree, round_2015, officer_b, province_officer, council
):
    batch = _submitted_batch(
        officer_b, round_2015, tree.district_b, rules.forms[LDTT], MemberFactory(unit=tree.grassroots_b1)
    )
    services.forward_batch(actor=province_officer, batch=batch)
    session = services.open_session(
        actor=province_officer,
        deciding_unit=tree.province,
        title="Phiên họp Hội đồng quý IV",
        held_on=dt.date(2015, 12, 10),
        members=council[:2],
        nominations=list(batch.nominations.all()),
    )
    member, other = council[0], council[2]

    page = client_as(member).get("/khen-thuong/").content.decode()
    assert "Chờ bạn biểu quyết" in page
    box = page[page.index("Chờ bạn biểu quyết") : page.index("</section>", page.index("Chờ bạn biểu quyết"))]
    assert f"/khen-thuong/hoi-dong/{session.pk}/" in box and "1 đề nghị bạn chưa biểu quyết" in box
    assert "Chờ bạn biểu quyết" not in client_as(other).get("/khen-thuong/").content.decode()  # not a member

    services.cast_vote(actor=member, item=session.items.get(), choice="yes")
    assert "Chờ bạn biểu quyết" not in client_as(member).get("/khen-thuong/").content.decode()


def test_a_grassroots_officer_opening_a_round_finds_their_union_already_chosen(
    client_as, rules, tree, round_2015, province_officer
):
    from accounts.models import Role
    from accounts.testing import user_with_role

    grassroots = user_with_role(Role.OFFICER, tree.grassroots_a1, username="canbo.cs")
    page = client_as(grassroots).get(f"/khen-thuong/dot/{round_2015.pk}/").content.decode()
    assert f'<option value="{tree.grassroots_a1.pk}" selected>' in page
    # the province's officer proposes for one of many units below: nothing is chosen for them
    page = client_as(province_officer).get(f"/khen-thuong/dot/{round_2015.pk}/").content.decode()
    chosen = re.findall(r'<option value="(\d+)" selected>', page)
    chosen += re.findall(r'name="proposing_unit" value="(\d+)"', page)
    assert 'name="proposing_unit"' in page and chosen == []
