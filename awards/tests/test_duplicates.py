"""The duplicate-award guard: "the same person or collective proposed for the same title or form in
the same year at two levels, or a lower form after a higher one for the same achievement, is
flagged at nomination and at the council" (issue 16). A flag warns; it does not block."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from awards import selectors, services
from awards.form_kinds import ladder
from awards.models import AwardForm
from awards.tests.conftest import BK_TINH, CSTD_CS, GIAY_KHEN, LDTT, nominate, pdf, record
from organisations.testing import MemberFactory

ACHIEVEMENT = "Dẫn dắt đội tuyển học sinh giỏi cấp tỉnh đạt ba giải nhất năm học 2014–2015."


@pytest.fixture
def grassroots_batch(tree, round_2015, officer_a):
    return services.create_batch(actor=officer_a, round_=round_2015, proposing_unit=tree.grassroots_a1)


@pytest.fixture
def district_batch(tree, round_2015, officer_a):
    return services.create_batch(actor=officer_a, round_=round_2015, proposing_unit=tree.district_a)


@pytest.fixture
def bk_tld(rules):
    """Bằng khen of the Confederation: the same ladder as the province's, one level up."""
    return AwardForm.objects.create(
        rule_set=rules.old,
        code="bang-khen-tong-lien-doan",
        name="Bằng khen của Ban Chấp hành Tổng Liên đoàn Lao động Việt Nam",
        kind="union",
        recipient="both",
        level="confederation",
        sort_order=20,
    )


def test_the_ladder_is_read_from_the_forms_own_attributes(rules, bk_tld):
    giay_khen, bang_khen = ladder(rules.forms[GIAY_KHEN]), ladder(rules.forms[BK_TINH])
    assert giay_khen is not None and bang_khen is not None and ladder(bk_tld) is not None
    assert giay_khen[0] == bang_khen[0] == ladder(bk_tld)[0]
    assert giay_khen[1] < bang_khen[1] < ladder(bk_tld)[1]
    assert ladder(rules.forms[LDTT]) is None  # a title rests on the lower title by design


def test_the_same_person_proposed_at_two_levels_in_the_same_year_is_flagged_on_both(
    rules, grassroots_batch, district_batch, officer_a, person
):
    """CĐCS Trường Tiểu học Nước Hai proposes Nông Thị Hoa for a Giấy khen 2015 while LĐLĐ huyện
    Hòa An proposes her for the province's Bằng khen 2015: both nominations carry the flag."""
    low = nominate(officer_a, grassroots_batch, rules.forms[GIAY_KHEN], member=person)
    high = nominate(officer_a, district_batch, rules.forms[BK_TINH], member=person, task_grade="excellent")
    flags = selectors.duplicate_flags([low, high])
    assert [f.kind for f in flags[low.pk]] == ["two_levels"]
    assert "Bằng khen của Ban Chấp hành LĐLĐ tỉnh" in flags[low.pk][0].text
    assert "Liên đoàn Lao động huyện Hòa An" in flags[low.pk][0].text
    assert [f.kind for f in flags[high.pk]] == ["two_levels"]
    assert "CĐCS Trường Tiểu học Nước Hai" in flags[high.pk][0].text


def test_a_lower_form_after_a_higher_one_for_the_same_achievement_is_flagged(
    rules, grassroots_batch, officer_a, person
):
    """Bằng khen of the province in 2014 for the pupils' prizes; a Giấy khen in 2015 for the same
    prizes rewards them twice."""
    record(rules.forms[BK_TINH], 2014, member=person, achievement=ACHIEVEMENT, decision_ref="88/QĐ-LĐLĐ")
    low = nominate(
        officer_a, grassroots_batch, rules.forms[GIAY_KHEN], member=person, achievement=ACHIEVEMENT
    )
    flags = selectors.duplicate_flags([low])[low.pk]
    assert [f.kind for f in flags] == ["lower_after_higher"]
    assert "88/QĐ-LĐLĐ" in flags[0].text


def test_a_form_for_another_achievement_or_a_title_is_not_flagged(
    rules, grassroots_batch, district_batch, officer_a, person
):
    record(rules.forms[BK_TINH], 2014, member=person, achievement=ACHIEVEMENT)
    other = nominate(
        officer_a,
        grassroots_batch,
        rules.forms[GIAY_KHEN],
        member=person,
        achievement="Tổ chức hội thi giáo viên dạy giỏi cấp trường năm học 2014–2015.",
    )
    record(rules.forms[LDTT], 2014, member=person)
    title = nominate(
        officer_a,
        district_batch,
        rules.forms[CSTD_CS],
        member=person,
        task_grade="good",
        initiative="Sáng kiến dạy đọc",
        initiative_scope="grassroots",
        override_justification="Hội đồng xem xét tỷ lệ.",
    )
    assert selectors.duplicate_flags([other, title]) == {}


def test_flagging_does_not_block_the_nomination(rules, grassroots_batch, district_batch, officer_a, person):
    nominate(officer_a, grassroots_batch, rules.forms[GIAY_KHEN], member=person)
    nominate(officer_a, district_batch, rules.forms[BK_TINH], member=person, task_grade="excellent")
    assert person.nominations.count() == 2


def test_the_flags_cost_the_same_queries_for_many_nominations(
    rules, tree, grassroots_batch, officer_a, bk_tld
):
    def flagged_pairs(count):
        nominations = []
        for _ in range(count):
            member = MemberFactory(unit=tree.grassroots_a1)
            nominations.append(nominate(officer_a, grassroots_batch, rules.forms[GIAY_KHEN], member=member))
            record(rules.forms[BK_TINH], 2015, member=member)
        return nominations

    few = flagged_pairs(2)
    many = few + flagged_pairs(8)
    with CaptureQueriesContext(connection) as first:
        assert len(selectors.duplicate_flags(few)) == 2
    with CaptureQueriesContext(connection) as second:
        assert len(selectors.duplicate_flags(many)) == 10
    assert len(first) == len(second) == 2


def test_the_nomination_and_batch_pages_show_the_warning(
    rules, client_as, grassroots_batch, district_batch, officer_a, person
):
    client = client_as(officer_a)
    response = client.post(
        reverse("awards:nomination_create", args=[district_batch.pk]),
        {
            "member": person.pk,
            "form": rules.forms[BK_TINH].pk,
            "achievement": ACHIEVEMENT,
            "task_grade": "excellent",
        },
    )
    assert response.status_code == 302
    low = nominate(officer_a, grassroots_batch, rules.forms[GIAY_KHEN], member=person)
    page = client.get(reverse("awards:batch_detail", args=[grassroots_batch.pk])).content.decode()
    assert "Liên đoàn Lao động huyện Hòa An" in page and "duplicate-flag" in page
    page = client.get(reverse("awards:nomination_detail", args=[low.pk])).content.decode()
    assert "duplicate-flag" in page and "Bằng khen của Ban Chấp hành LĐLĐ tỉnh" in page


def test_adding_a_flagged_nominee_says_so_at_once(
    rules, client_as, grassroots_batch, district_batch, officer_a, person
):
    nominate(officer_a, district_batch, rules.forms[BK_TINH], member=person, task_grade="excellent")
    client = client_as(officer_a)
    response = client.post(
        reverse("awards:nomination_create", args=[grassroots_batch.pk]),
        {"member": person.pk, "form": rules.forms[GIAY_KHEN].pk, "achievement": ACHIEVEMENT},
        follow=True,
    )
    warnings = [str(m) for m in response.context["messages"] if m.level_tag == "warning"]
    assert len(warnings) == 1 and "Liên đoàn Lao động huyện Hòa An" in warnings[0]


def test_the_council_agenda_shows_the_flag(
    rules, tree, client_as, grassroots_batch, district_batch, officer_a, province_officer, council, person
):
    low = nominate(officer_a, grassroots_batch, rules.forms[GIAY_KHEN], member=person)
    high = nominate(officer_a, district_batch, rules.forms[BK_TINH], member=person, task_grade="excellent")
    for batch in (grassroots_batch, district_batch):
        services.attach_minutes(actor=officer_a, batch=batch, upload=pdf())
        services.submit_batch(actor=officer_a, batch=batch)
    grassroots_batch.refresh_from_db()
    services.forward_batch(actor=officer_a, batch=grassroots_batch)  # Hòa An → the province
    for batch in (grassroots_batch, district_batch):
        batch.refresh_from_db()
        services.forward_batch(actor=province_officer, batch=batch)  # the province → its council
    session = services.open_session(
        actor=province_officer,
        deciding_unit=tree.province,
        title="Phiên họp",
        held_on=dt.date(2015, 12, 10),
        members=council,
        nominations=[low, high],
    )
    page = client_as(council[0]).get(reverse("awards:session_detail", args=[session.pk])).content.decode()
    assert page.count("duplicate-flag") == 2


def test_the_flag_stays_on_the_item_after_a_vote(
    rules, tree, client_as, grassroots_batch, district_batch, officer_a, province_officer, council, person
):
    low = nominate(officer_a, grassroots_batch, rules.forms[GIAY_KHEN], member=person)
    high = nominate(officer_a, district_batch, rules.forms[BK_TINH], member=person, task_grade="excellent")
    for batch in (grassroots_batch, district_batch):
        services.attach_minutes(actor=officer_a, batch=batch, upload=pdf())
        services.submit_batch(actor=officer_a, batch=batch)
    grassroots_batch.refresh_from_db()
    services.forward_batch(actor=officer_a, batch=grassroots_batch)
    for batch in (grassroots_batch, district_batch):
        batch.refresh_from_db()
        services.forward_batch(actor=province_officer, batch=batch)
    session = services.open_session(
        actor=province_officer,
        deciding_unit=tree.province,
        title="Phiên họp",
        held_on=dt.date(2015, 12, 10),
        members=council,
        nominations=[low, high],
    )
    item = session.items.get(nomination=low)
    response = client_as(council[0]).post(
        reverse("awards:vote", args=[item.pk]), {"choice": "yes"}, headers={"HX-Request": "true"}
    )
    assert response.status_code == 200 and "duplicate-flag" in response.content.decode()
