"""Next-award suggestions (issue 16): "for a unit, who becomes eligible for which title or form this
year and why (the history that makes them eligible), as a list the officer can turn into
nominations"."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from awards import selectors
from awards.models import AwardForm, Nomination
from awards.tests.conftest import BK_TINH, CSTD_CS, CSTD_TINH, record
from organisations.models import Member
from organisations.testing import MemberFactory

BK_TLD = "bang-khen-tong-lien-doan"


@pytest.fixture
def bk_tld(rules):
    """A form resting on history alone: the province's Bằng khen two years running, before the year."""
    return AwardForm.objects.create(
        rule_set=rules.old,
        code=BK_TLD,
        name="Bằng khen của Ban Chấp hành Tổng Liên đoàn Lao động Việt Nam",
        kind="union",
        recipient="both",
        level="confederation",
        prerequisites=[
            {
                "type": "title_years",
                "form": BK_TINH,
                "years": 2,
                "consecutive": True,
                "ending": "previous_year",
            }
        ],
        sort_order=30,
    )


def keyed(suggestions):
    return {(s.nominee_name, s.form.code): s for s in suggestions}


def test_three_years_of_grassroots_fighter_make_the_provincial_title_due_and_say_why(
    rules, tree, round_2015, person
):
    """Chiến sĩ thi đua cơ sở in 2013, 2014 and 2015: "ba lần liên tục" makes Nông Thị Hoa due for
    Chiến sĩ thi đua cấp tỉnh in 2015; the initiative is still to declare in the dossier."""
    for year in (2013, 2014, 2015):
        record(rules.forms[CSTD_CS], year, member=person)
    found = keyed(selectors.next_award_suggestions(round_2015, tree.district_a))
    suggestion = found[("Nông Thị Hoa", CSTD_TINH)]
    assert "2013, 2014, 2015" in suggestion.checks[0].reason
    assert [c.label for c in suggestion.to_declare] and not suggestion.may_nominate_at_once


def test_a_gap_a_left_member_an_earlier_nomination_or_another_district_is_not_suggested(
    rules, tree, round_2015, bk_tld, members
):
    gap = MemberFactory(unit=tree.grassroots_a1, full_name="Lục Văn Gián")
    record(rules.forms[BK_TINH], 2012, member=gap)
    record(rules.forms[BK_TINH], 2014, member=gap)
    left = MemberFactory(unit=tree.grassroots_a1, full_name="Hà Thị Nghỉ", status=Member.Status.LEFT)
    outside = MemberFactory(unit=tree.grassroots_b1, full_name="Bế Văn Ngoài")
    for member in (left, outside):
        record(rules.forms[BK_TINH], 2013, member=member)
        record(rules.forms[BK_TINH], 2014, member=member)
    assert selectors.next_award_suggestions(round_2015, tree.district_a) == []


def test_the_officer_turns_chosen_suggestions_into_nominations_of_the_units_batch(
    rules, tree, round_2015, bk_tld, officer_a, client_as, person
):
    record(rules.forms[BK_TINH], 2013, member=person, decision_ref="12/QĐ-LĐLĐ")
    record(rules.forms[BK_TINH], 2014, member=person, decision_ref="40/QĐ-LĐLĐ")
    client = client_as(officer_a)
    url = reverse("awards:suggestion_list")
    page = client.get(url, {"round": round_2015.pk, "unit": tree.grassroots_a1.pk}).content.decode()
    assert "Nông Thị Hoa" in page and "2013, 2014" in page
    (suggestion,) = selectors.next_award_suggestions(round_2015, tree.grassroots_a1)
    response = client.post(
        reverse("awards:suggestion_nominate"),
        {"round": round_2015.pk, "unit": tree.grassroots_a1.pk, "pick": [suggestion.key]},
    )
    nomination = Nomination.objects.get(member=person, form_code=BK_TLD, year=2015)
    assert response.url == reverse("awards:batch_detail", args=[nomination.batch_id])
    assert nomination.batch.proposing_unit == tree.grassroots_a1
    assert "2013, 2014" in nomination.achievement
    # Nominated now: no longer suggested.
    assert selectors.next_award_suggestions(round_2015, tree.grassroots_a1) == []


def test_a_choice_no_longer_on_the_list_writes_nothing_and_says_so(
    rules, tree, round_2015, bk_tld, officer_a, client_as, person
):
    client = client_as(officer_a)
    response = client.post(
        reverse("awards:suggestion_nominate"),
        {"round": round_2015.pk, "unit": tree.grassroots_a1.pk, "pick": [f"m{person.pk}-{bk_tld.pk}"]},
        follow=True,
    )
    assert "Danh sách đã thay đổi" in response.content.decode()
    assert not Nomination.objects.exists()


def test_another_districts_unit_or_round_answers_404(rules, tree, round_2015, officer_a, client_as):
    client = client_as(officer_a)
    url = reverse("awards:suggestion_list")
    assert client.get(url, {"round": round_2015.pk, "unit": tree.grassroots_b1.pk}).status_code == 404
    assert client.get(url, {"round": "x"}).status_code == 404


def test_the_suggestions_cost_the_same_queries_for_more_history(rules, tree, round_2015, bk_tld):
    def holders(count):
        for _ in range(count):
            member = MemberFactory(unit=tree.grassroots_a1)
            for year in (2013, 2014):
                record(rules.forms[BK_TINH], year, member=member)
            for year in (2013, 2014, 2015):
                record(rules.forms[CSTD_CS], year, member=member)

    record(rules.forms[BK_TINH], 2013, unit=tree.grassroots_a2)
    record(rules.forms[BK_TINH], 2014, unit=tree.grassroots_a2)
    holders(2)
    with CaptureQueriesContext(connection) as few:
        assert len(selectors.next_award_suggestions(round_2015, tree.district_a)) == 5
    holders(8)
    with CaptureQueriesContext(connection) as many:
        assert len(selectors.next_award_suggestions(round_2015, tree.district_a)) == 21
    assert len(many) == len(few)
