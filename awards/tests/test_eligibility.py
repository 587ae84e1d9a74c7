"""The eligibility engine, rule by rule, with hand-written histories."""

import datetime as dt

import pytest
from django.utils import timezone

from awards import eligibility
from awards.eligibility import FAILED, PASSED, REVIEW, Declared
from awards.tests.conftest import BK_TINH, CSTD_CS, CSTD_TINH, LDTT, TTLDXS, nominate, pdf, record
from organisations import services as org_services
from organisations.models import Member
from organisations.testing import MemberFactory, make_unit

WITH_INITIATIVE = Declared(
    task_grade="excellent",
    initiative="Sáng kiến quản lý hồ sơ điện tử",
    initiative_scope="grassroots",
    has_evidence=True,
)
PROVINCE_INITIATIVE = Declared(
    task_grade="excellent", initiative="Đề tài cấp tỉnh", initiative_scope="province", has_evidence=True
)


def by_code(checks, prefix):
    return [c for c in checks if c.code.startswith(prefix)]


def prerequisite(checks, label_part):
    return next(c for c in checks if c.code.startswith("prerequisite") and label_part in c.label)


# Chiến sĩ thi đua cấp tỉnh: three consecutive years of Chiến sĩ thi đua cơ sở -------------------


def test_three_consecutive_years_pass(rules, person):
    """Luật TĐKT 2003, Điều 22: 'được xét tặng cho cá nhân ... trong số những cá nhân có ba lần liên tục đạt
    danh hiệu "Chiến sĩ thi đua cơ sở"'. 2013, 2014, 2015 held: passed."""
    for year in (2013, 2014, 2015):
        record(rules.forms[CSTD_CS], year, member=person)
    checks = eligibility.evaluate(rules.forms[CSTD_TINH], 2015, member=person, declared=PROVINCE_INITIATIVE)
    check = prerequisite(checks, "Chiến sĩ thi đua cơ sở")
    assert check.status == PASSED, check.reason
    assert "2013, 2014, 2015" in check.reason


def test_a_gap_year_breaks_consecutiveness(rules, person):
    """'ba lần liên tục' (three times in a row): 2012, 2013 and 2015 held but not 2014 is three times, not
    three consecutive years ending with the year under review."""
    for year in (2012, 2013, 2015):
        record(rules.forms[CSTD_CS], year, member=person)
    checks = eligibility.evaluate(rules.forms[CSTD_TINH], 2015, member=person, declared=PROVINCE_INITIATIVE)
    check = prerequisite(checks, "Chiến sĩ thi đua cơ sở")
    assert check.status == FAILED
    assert "2014" in check.reason and "các năm phải liên tục" in check.reason
    assert check.overridable


def test_a_revoked_decision_no_longer_counts(rules, person):
    """A decision revoked later (thu hồi): its awards no longer count towards 'ba lần liên tục'."""
    for year in (2013, 2015):
        record(rules.forms[CSTD_CS], year, member=person)
    record(rules.forms[CSTD_CS], 2014, member=person, revoked_at=timezone.now(), revoked_reason="Thu hồi")
    checks = eligibility.evaluate(rules.forms[CSTD_TINH], 2015, member=person, declared=PROVINCE_INITIATIVE)
    assert prerequisite(checks, "Chiến sĩ thi đua cơ sở").status == FAILED


def test_history_imported_under_old_rules_counts(rules, person):
    """History before the system (imported, under the old rule set) counts under the new rules: the form
    code is the same across rule sets."""
    record(rules.forms[CSTD_CS], 2021, member=person)
    record(rules.forms[CSTD_CS], 2022, member=person)
    record(rules.forms[CSTD_CS], 2023, member=person)
    checks = eligibility.evaluate(
        rules.new_forms[CSTD_TINH], 2023, member=person, declared=PROVINCE_INITIATIVE
    )
    assert prerequisite(checks, "Chiến sĩ thi đua cơ sở").status == PASSED


def test_a_year_nominated_in_the_same_round_needs_a_look(rules, tree, person, round_2015, officer_a):
    """Chiến sĩ thi đua cơ sở needs 'Đạt các tiêu chuẩn của danh hiệu "Lao động tiên tiến"' for the same
    year: when that title is only nominated in this round, the check asks for both to be decided together."""
    from awards import services

    batch = services.create_batch(actor=officer_a, round_=round_2015, proposing_unit=tree.district_a)
    nominate(officer_a, batch, rules.forms[LDTT], member=person, task_grade="excellent")
    checks = eligibility.evaluate(rules.forms[CSTD_CS], 2015, member=person, declared=WITH_INITIATIVE)
    assert prerequisite(checks, "Lao động tiên tiến").status == REVIEW


# Collectives: a merged unit keeps its history --------------------------------------------


def test_a_merged_units_history_counts_for_the_unit_it_merged_into(rules, tree):
    """Unit.merged_into: the Bằng khen history of a district federation merged into another counts for the
    unit it merged into (here: three consecutive years, two of them held by the merged unit)."""
    form = rules.forms[TTLDXS]
    old = make_unit("grassroots", tree.district_a, name="CĐCS Trường Tiểu học cũ", code="CS-OLD")
    new = tree.grassroots_a2
    record(form, 2013, unit=old)
    record(form, 2014, unit=old)
    org_services.end_unit(old, on=dt.date(2015, 1, 1), merged_into=new)
    record(form, 2015, unit=new)
    ctx_holder = eligibility.merged_history_units(new)
    assert old.pk in ctx_holder
    rule = {"type": "title_years", "form": TTLDXS, "years": 3, "consecutive": True}
    rules.forms[BK_TINH].prerequisites = [rule]
    checks = eligibility.evaluate(
        rules.forms[BK_TINH], 2015, unit=new, declared=Declared(task_grade="excellent")
    )
    assert prerequisite(checks, "Tập thể lao động xuất sắc").status == PASSED


def test_a_unit_that_ended_before_the_year_cannot_be_nominated(rules, tree):
    """The nominee's status: a unit ended (merged) before the year has no achievement of its own that year."""
    old = make_unit("grassroots", tree.district_a, name="CĐCS đã sáp nhập", code="CS-ENDED")
    org_services.end_unit(old, on=dt.date(2014, 6, 30), merged_into=tree.grassroots_a2)
    old.refresh_from_db()
    check = by_code(eligibility.evaluate(rules.forms[TTLDXS], 2015, unit=old), "status")[0]
    assert check.status == FAILED
    assert tree.grassroots_a2.name in check.reason


def test_a_member_who_left_before_the_year_fails_and_one_who_left_later_needs_a_look(rules, tree):
    gone = MemberFactory(unit=tree.grassroots_a1, status=Member.Status.LEFT, left_on=dt.date(2014, 3, 1))
    retired = MemberFactory(
        unit=tree.grassroots_a1, status=Member.Status.RETIRED, left_on=dt.date(2016, 3, 1)
    )
    assert by_code(eligibility.evaluate(rules.forms[LDTT], 2015, member=gone), "status")[0].status == FAILED
    assert (
        by_code(eligibility.evaluate(rules.forms[LDTT], 2015, member=retired), "status")[0].status == REVIEW
    )


# Duplicates and recipients ---------------------------------------------------------------


def test_awarded_already_for_the_same_form_and_year(rules, person):
    """The same person is not awarded twice for the same form and year."""
    record(rules.forms[LDTT], 2015, member=person, decision_ref="12/QĐ-LĐLĐ")
    checks = eligibility.evaluate(
        rules.forms[LDTT], 2015, member=person, declared=Declared(task_grade="good")
    )
    duplicate = by_code(checks, "duplicate")[0]
    assert duplicate.status == FAILED and "12/QĐ-LĐLĐ" in duplicate.reason
    assert eligibility.blocking(checks) == [duplicate]


def test_the_same_achievement_already_rewarded_needs_a_look(rules, person):
    text = "Có sáng kiến số hóa hồ sơ đoàn viên được áp dụng toàn huyện"
    record(rules.forms[LDTT], 2014, member=person, achievement=text)
    checks = eligibility.evaluate(
        rules.forms[BK_TINH], 2015, member=person, declared=Declared(task_grade="excellent", achievement=text)
    )
    assert by_code(checks, "duplicate")[0].status == REVIEW


def test_a_collective_form_is_refused_for_a_person(rules, person):
    checks = eligibility.evaluate(rules.forms[TTLDXS], 2015, member=person)
    assert by_code(checks, "recipient")[0].status == FAILED


# Chiến sĩ thi đua cơ sở: initiative and quota -----------------------------------------------


def test_an_initiative_is_required(rules, person):
    """Luật TĐKT 2003 (sửa đổi 2013), Điều 23: '... có sáng kiến ... được cơ sở công nhận'."""
    record(rules.forms[LDTT], 2015, member=person)
    missing = eligibility.evaluate(
        rules.forms[CSTD_CS], 2015, member=person, declared=Declared(task_grade="excellent")
    )
    assert prerequisite(missing, "Initiative" if False else "").status  # there is a check
    initiative = [c for c in missing if c.code.startswith("prerequisite")][1]
    assert initiative.status == FAILED
    without_evidence = Declared(initiative="Sáng kiến", initiative_scope="grassroots")
    checks = eligibility.evaluate(rules.forms[CSTD_CS], 2015, member=person, declared=without_evidence)
    assert [c for c in checks if c.code.startswith("prerequisite")][1].status == REVIEW
    checks = eligibility.evaluate(rules.forms[CSTD_CS], 2015, member=person, declared=WITH_INITIATIVE)
    assert [c for c in checks if c.code.startswith("prerequisite")][1].status == PASSED


def test_a_grassroots_initiative_is_not_enough_for_the_province_title(rules, person):
    """Chiến sĩ thi đua cấp tỉnh: the initiative must have effect at provincial level."""
    checks = eligibility.evaluate(rules.forms[CSTD_TINH], 2015, member=person, declared=WITH_INITIATIVE)
    assert [c for c in checks if c.code.startswith("prerequisite")][1].status == FAILED


def test_quota_of_fifteen_percent_of_lao_dong_tien_tien(rules, tree):
    """Thông tư 07/2014/TT-BNV, Điều 5: Chiến sĩ thi đua cơ sở 'không quá 15% tổng số cá nhân đạt danh hiệu
    "Lao động tiên tiến"'. 14 holders in the unit: at most 2 (15% of 14 = 2.1); the third is over the quota."""
    members = MemberFactory.create_batch(14, unit=tree.grassroots_a1)
    for member in members:
        record(rules.forms[LDTT], 2015, member=member)
    record(rules.forms[CSTD_CS], 2015, member=members[0])
    second = eligibility.evaluate(rules.forms[CSTD_CS], 2015, member=members[1], declared=WITH_INITIATIVE)
    assert by_code(second, "quota")[0].status == PASSED
    record(rules.forms[CSTD_CS], 2015, member=members[1])
    third = by_code(
        eligibility.evaluate(rules.forms[CSTD_CS], 2015, member=members[2], declared=WITH_INITIATIVE), "quota"
    )[0]
    assert third.status == FAILED
    assert "2" in third.reason and "14" in third.reason and third.overridable


# Tập thể lao động xuất sắc: share of members ----------------------------------------------


def test_seventy_percent_of_members_with_lao_dong_tien_tien(rules, tree):
    """Luật TĐKT 2003 (sửa đổi 2013), Điều 27: 'có ít nhất 70% cá nhân đạt danh hiệu "Lao động tiên tiến"'.
    7 of 10 passes; 6 of 10 fails."""
    unit = tree.grassroots_a2
    members = MemberFactory.create_batch(10, unit=unit)
    for member in members[:6]:
        record(rules.forms[LDTT], 2015, member=member)
    check = prerequisite(eligibility.evaluate(rules.forms[TTLDXS], 2015, unit=unit), "70")
    assert check.status == FAILED and "6" in check.reason
    record(rules.forms[LDTT], 2015, member=members[6])
    check = prerequisite(eligibility.evaluate(rules.forms[TTLDXS], 2015, unit=unit), "70")
    assert check.status == PASSED


# Task completion --------------------------------------------------------------------------


def test_task_completion_grade(rules, person):
    """Bằng khen: 'Hoàn thành xuất sắc nhiệm vụ': a declared 'good' is below, no grade needs a look."""
    form = rules.forms[BK_TINH]
    assert (
        prerequisite(
            eligibility.evaluate(form, 2015, member=person, declared=Declared(task_grade="good")), ""
        ).status
        == FAILED
    )
    assert prerequisite(eligibility.evaluate(form, 2015, member=person), "").status == REVIEW
    assert (
        prerequisite(
            eligibility.evaluate(form, 2015, member=person, declared=Declared(task_grade="excellent")), ""
        ).status
        == PASSED
    )


def test_any_of_and_manual_rules(rules, person):
    """Luật TĐKT 2022, Điều 21: '(2) Hoàn thành xuất sắc nhiệm vụ hoặc có sáng kiến được cơ sở công nhận'."""
    form = rules.new_forms[BK_TINH]
    form.prerequisites = [
        {
            "type": "any_of",
            "items": [
                {"type": "completed_tasks", "level": "excellent"},
                {"type": "initiative", "scope": "grassroots"},
            ],
        },
        {"type": "manual", "text": "Có phẩm chất đạo đức tốt"},
    ]
    checks = eligibility.evaluate(form, 2024, member=person, declared=WITH_INITIATIVE)
    first, manual = [c for c in checks if c.code.startswith("prerequisite")]
    assert first.status == PASSED and manual.status == REVIEW and "đạo đức" in manual.reason
    assert eligibility.overall(checks) == REVIEW


@pytest.mark.parametrize(
    "statuses,expected",
    [(["passed"], PASSED), (["passed", "review"], REVIEW), (["review", "failed", "passed"], FAILED)],
)
def test_overall_is_the_worst(statuses, expected):
    assert eligibility.overall([{"status": s} for s in statuses]) == expected


def test_a_nomination_with_evidence_counts_as_evidenced(rules, tree, person, round_2015, officer_a):
    from awards import services

    batch = services.create_batch(actor=officer_a, round_=round_2015, proposing_unit=tree.district_a)
    record(rules.forms[LDTT], 2015, member=person)
    nomination = nominate(
        officer_a,
        batch,
        rules.forms[CSTD_CS],
        member=person,
        task_grade="excellent",
        initiative="Sáng kiến",
        initiative_scope="grassroots",
        files=[pdf("sang-kien.pdf")],
        override_justification="Đơn vị nhỏ, chỉ có một Lao động tiên tiến.",
    )
    initiative = [c for c in nomination.checks if c["code"] == "prerequisite-2"][0]
    assert initiative["status"] == PASSED
    assert nomination.attachments.count() == 1
