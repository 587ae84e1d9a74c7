import datetime as dt
from decimal import Decimal
from io import BytesIO

import docx
import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from campaigns import selectors, services
from campaigns.models import ReviewReport, ReviewRound
from campaigns.review_document import review_official_document, review_report_docx
from campaigns.tests.conftest import TODAY


@pytest.fixture
def review_round(campaign, admin_user):
    return services.open_review_round(
        actor=admin_user,
        campaign=campaign,
        kind=ReviewRound.Kind.INTERIM,
        title="Sơ kết 6 tháng",
        period_end=TODAY,
        due_on=TODAY + dt.timedelta(days=7),
    )


def values(campaign, **numbers):
    by_code = {i.code: i.pk for i in campaign.indicators.all()}
    return {by_code[code]: value for code, value in numbers.items()}


def report(actor, review_round, unit, submit=True, **numbers):
    full = dict(meetings=0, people_reached=0, models_found=0, articles=0, initiatives=0)
    full.update(numbers)
    return services.save_review_report(
        actor=actor,
        review_round=review_round,
        unit=unit,
        values=values(review_round.campaign, **full),
        results="Đã quán triệt đầy đủ",
        shortcomings="Một số CĐCS còn chậm",
        lessons="Gắn với sinh hoạt định kỳ",
        submit=submit,
    )


def test_numbers_roll_up_the_tree_from_submitted_reports(
    review_round, campaign, officer_a, officer_b, admin_user, tree
):
    report(officer_a, review_round, tree.grassroots_a1, meetings=3, people_reached=40)
    report(officer_a, review_round, tree.grassroots_a2, meetings=2, people_reached=25, articles=1)
    report(officer_a, review_round, tree.district_a, meetings=1, people_reached=120)
    report(officer_b, review_round, tree.grassroots_b1, meetings=4)
    report(admin_user, review_round, tree.grassroots_s1, submit=False, meetings=99)  # a draft does not count
    rollup = selectors.review_rollup(review_round, tree.province)
    meetings = next(i for i in rollup.indicators if i.code == "meetings")
    by_unit = {row.unit.code: row for row in rollup.rows}
    assert by_unit["LDLD-HOAAN"].values[meetings.pk] == Decimal(6)
    assert by_unit["LDLD-HOAAN"].submitted == 3 and by_unit["LDLD-HOAAN"].participants == 3
    assert by_unit["LDLD-BLAC"].values[meetings.pk] == Decimal(4)
    assert by_unit["CDGD"].values.get(meetings.pk) is None and by_unit["CDGD"].submitted == 0
    assert rollup.totals[meetings.pk] == Decimal(10)
    # drilling into Hòa An shows its own report beside its grassroots unions'
    inner = selectors.review_rollup(review_round, tree.district_a)
    assert [(row.unit.code, row.values[meetings.pk]) for row in inner.rows] == [
        ("LDLD-HOAAN", Decimal(1)),
        ("CS-A1", Decimal(3)),
        ("CS-A2", Decimal(2)),
    ]


def test_a_report_is_complete_when_submitted_and_then_no_longer_changes(review_round, officer_a, tree):
    with pytest.raises(ValidationError) as caught:
        services.save_review_report(
            actor=officer_a,
            review_round=review_round,
            unit=tree.grassroots_a1,
            values=values(review_round.campaign, meetings=2),
            results="x",
            submit=True,
        )
    assert "values" in caught.value.message_dict
    assert not ReviewReport.objects.exists()
    report(officer_a, review_round, tree.grassroots_a1, meetings=2)
    with pytest.raises(ValidationError, match="đã được gửi"):
        report(officer_a, review_round, tree.grassroots_a1, meetings=5)


def test_negative_numbers_and_other_districts_are_refused(review_round, officer_a, officer_b, tree):
    with pytest.raises(ValidationError):
        report(officer_a, review_round, tree.grassroots_a1, meetings=-1)
    with pytest.raises(PermissionDenied):
        report(officer_b, review_round, tree.grassroots_a1, meetings=1)


def test_the_federations_review_report_is_an_official_document_with_an_annex_table(
    review_round, campaign, officer_a, officer_b, tree
):
    report(officer_a, review_round, tree.grassroots_a1, meetings=3, people_reached=40)
    report(officer_b, review_round, tree.district_b, meetings=4, people_reached=10)
    document = review_official_document(review_round, tree.province)
    assert document.type_name == "BÁO CÁO" and document.issuer == "LIÊN ĐOÀN LAO ĐỘNG TỈNH CAO BẰNG"
    assert document.number_symbol == "/BC-LĐLĐ"
    (annex,) = document.annexes
    hoa_an = next(row for row in annex.rows if row[1] == "Liên đoàn Lao động huyện Hòa An")
    assert hoa_an[2] == "3" and annex.columns[2] == "Cuộc họp, buổi quán triệt"
    assert annex.totals[2] == "7" and annex.totals[3] == "50"
    data = review_report_docx(review_round, tree.province)
    text = "\n".join(p.text for p in docx.Document(BytesIO(data)).paragraphs)
    assert "BÁO CÁO" in text and "Sơ kết 6 tháng" in text and "KẾT QUẢ" in text


def test_a_round_is_opened_once_by_the_organiser(review_round, campaign, admin_user, officer_a):
    with pytest.raises(ValidationError):
        services.open_review_round(
            actor=admin_user,
            campaign=campaign,
            kind=ReviewRound.Kind.INTERIM,
            period_end=review_round.period_end,
        )
    with pytest.raises(PermissionDenied):
        services.open_review_round(
            actor=officer_a, campaign=campaign, kind=ReviewRound.Kind.FINAL, period_end=TODAY
        )


@pytest.mark.parametrize(
    "typed, refusal",
    [
        ("năm", "{name}: “năm” không phải là số."),
        ("-1", "{name}: số liệu không được âm."),
        ("1000000000000", "{name}: số quá lớn."),
    ],
)
def test_a_figure_that_cannot_be_stored_is_refused_naming_the_indicator(
    review_round, officer_a, tree, typed, refusal
):
    name = review_round.campaign.indicators.get(code="meetings").name
    with pytest.raises(ValidationError) as caught:
        report(officer_a, review_round, tree.grassroots_a1, meetings=typed)
    assert caught.value.message_dict["values"] == [refusal.format(name=name)]
    assert not ReviewReport.objects.exists()
