"""Award rules written by hand for the tests (each quoting the text it comes from), so the tests
do not move when the seeded data is refined; `test_rules_loading.py` checks the seeded data."""

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from accounts.models import Role
from accounts.testing import user_with_role
from awards import services
from awards.models import AwardForm, AwardRecord, BaseSalary, Nomination, RuleSet
from organisations.testing import MemberFactory

LDTT = "lao-dong-tien-tien"
CSTD_CS = "chien-si-thi-dua-co-so"
CSTD_TINH = "chien-si-thi-dua-cap-tinh"
TTLDXS = "tap-the-lao-dong-xuat-sac"
BK_TINH = "bang-khen-cap-tinh"
GIAY_KHEN = "giay-khen"

LDTT_TEXT = (
    "Luật TĐKT 2003, Điều 24: 'Hoàn thành tốt nhiệm vụ được giao, đạt năng suất và chất lượng cao; ...'"
)
CSTD_CS_TEXT = (
    'Luật TĐKT 2003 (sửa đổi 2013), Điều 23: \'Đạt các tiêu chuẩn của danh hiệu "Lao động tiên tiến"...; '
    "có sáng kiến ... được cơ sở công nhận'"
)
CSTD_CS_QUOTA = (
    "Thông tư 07/2014/TT-BNV, Điều 5: tỷ lệ 'không quá 15% tổng số cá nhân đạt danh hiệu \"Lao động tiên "
    "tiến\"'"
)
CSTD_TINH_TEXT = (
    "Luật TĐKT 2003, Điều 22: '... trong số những cá nhân có ba lần liên tục đạt danh hiệu \"Chiến sĩ thi "
    "đua cơ sở\".'"
)
CSTD_TINH_VOTE = (
    "Nghị định 91/2017/NĐ-CP, Điều 45 khoản 8: 'phải họp và bỏ phiếu kín; ... tỷ lệ phiếu đồng ý từ 90% "
    "trở lên tính trên tổng số thành viên của Hội đồng'"
)
TTLDXS_TEXT = (
    "Luật TĐKT 2003 (sửa đổi 2013), Điều 27: 'Có 100% cá nhân trong tập thể hoàn thành nhiệm vụ được giao, "
    'trong đó có ít nhất 70% cá nhân đạt danh hiệu "Lao động tiên tiến"\''
)


def _forms(rule_set: RuleSet, *, quota: bool) -> dict[str, AwardForm]:
    specs = [
        dict(
            code=LDTT,
            name="Lao động tiên tiến",
            kind="title",
            recipient="individual",
            level="grassroots",
            criteria_text=LDTT_TEXT,
            prerequisites=[{"type": "completed_tasks", "level": "good"}],
            coefficient_individual=Decimal("0.3"),
        ),
        dict(
            code=CSTD_CS,
            name="Chiến sĩ thi đua cơ sở",
            kind="title",
            recipient="individual",
            level="grassroots",
            criteria_text=CSTD_CS_TEXT,
            prerequisites=[
                {"type": "title_years", "form": LDTT, "years": 1, "consecutive": True},
                {"type": "initiative", "scope": "grassroots"},
            ],
            quota={
                "type": "percent_of_holders",
                "form": LDTT,
                "max_percent": 15,
                "source": CSTD_CS_QUOTA,
                "verified": True,
            }
            if quota
            else None,
            coefficient_individual=Decimal("1.0"),
        ),
        dict(
            code=CSTD_TINH,
            name="Chiến sĩ thi đua cấp tỉnh",
            kind="title",
            recipient="individual",
            level="province",
            criteria_text=CSTD_TINH_TEXT,
            prerequisites=[
                {"type": "title_years", "form": CSTD_CS, "years": 3, "consecutive": True},
                {"type": "initiative", "scope": "province"},
            ],
            vote={"threshold_percent": 90, "of": "members", "secret_ballot": True, "source": CSTD_TINH_VOTE},
            coefficient_individual=Decimal("3.0"),
        ),
        dict(
            code=TTLDXS,
            name="Tập thể lao động xuất sắc",
            kind="title",
            recipient="collective",
            level="grassroots",
            criteria_text=TTLDXS_TEXT,
            prerequisites=[{"type": "share_of_members_with_title", "form": LDTT, "min_percent": 70}],
            coefficient_collective=Decimal("1.5"),
        ),
        dict(
            code=BK_TINH,
            name="Bằng khen của Ban Chấp hành LĐLĐ tỉnh",
            kind="commendation",
            recipient="both",
            level="province",
            prerequisites=[{"type": "completed_tasks", "level": "excellent"}],
            coefficient_individual=Decimal("1.0"),
            coefficient_collective=Decimal("2.0"),
        ),
        dict(
            code=GIAY_KHEN,
            name="Giấy khen",
            kind="commendation",
            recipient="both",
            level="grassroots",
            prerequisites=[],
            coefficient_individual=Decimal("0.3"),
            coefficient_collective=Decimal("0.6"),
        ),
    ]
    return {
        spec["code"]: AwardForm.objects.create(rule_set=rule_set, sort_order=i, source="test", **spec)
        for i, spec in enumerate(specs)
    }


@dataclass
class Rules:
    old: RuleSet
    new: RuleSet
    forms: dict[str, AwardForm]
    new_forms: dict[str, AwardForm]


@pytest.fixture
def rules(db) -> Rules:
    """A 2010–2023 rule set (with the 15% quota) and one from 2024, rounding up to 10.000 đ."""
    old = RuleSet.objects.create(
        code="T-2010",
        name="Luật 2003 và NĐ 91/2017 (kiểm thử)",
        valid_from=dt.date(2010, 1, 1),
        valid_to=dt.date(2023, 12, 31),
        rounding_to=10_000,
        rounding_mode="up",
    )
    new = RuleSet.objects.create(
        code="T-2024",
        name="Luật 2022 và NĐ 98/2023 (kiểm thử)",
        valid_from=dt.date(2024, 1, 1),
        rounding_to=10_000,
        rounding_mode="up",
    )
    for date, amount in [
        (dt.date(2013, 7, 1), 1_150_000),
        (dt.date(2019, 7, 1), 1_490_000),
        (dt.date(2023, 7, 1), 1_800_000),
        (dt.date(2024, 7, 1), 2_340_000),
    ]:
        BaseSalary.objects.create(effective_from=date, amount=amount, source="test")
    return Rules(old=old, new=new, forms=_forms(old, quota=True), new_forms=_forms(new, quota=False))


def record(form: AwardForm, year: int, *, member=None, unit=None, **fields) -> AwardRecord:
    return AwardRecord.objects.create(
        form=form,
        year=year,
        member=member,
        unit=unit,
        source=AwardRecord.Source.IMPORTED,
        decision_ref=fields.pop("decision_ref", f"{year}/QĐ-TEST"),
        **fields,
    )


def pdf(name: str = "bien-ban.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, b"%PDF-1.4\n% test\n", content_type="application/pdf")


@pytest.fixture
def council(tree):
    return [
        user_with_role(Role.COUNCIL, tree.province, username=f"hoidong{i}", full_name=f"Ủy viên {i}")
        for i in range(1, 4)
    ]


@pytest.fixture
def province_officer(tree):
    return user_with_role(Role.OFFICER, tree.province, username="canbo.tinh")


@pytest.fixture
def round_2015(tree, rules, province_officer):
    return services.open_round(
        actor=province_officer,
        deciding_unit=tree.province,
        title="Khen thưởng năm 2015",
        year=2015,
        deadline=dt.date(2099, 12, 1),
        campaign_label="Đợt thi đua đặc biệt 2015",
        rule_set=rules.old,
    )


@pytest.fixture
def person(tree):
    return MemberFactory(unit=tree.grassroots_a1, full_name="Nông Thị Hoa", code="DV-HOA")


def nominate(actor, batch, form, **fields) -> Nomination:
    fields.setdefault(
        "achievement", "Hoàn thành xuất sắc nhiệm vụ năm học, có sáng kiến đổi mới phương pháp dạy học."
    )
    return services.nominate(actor=actor, batch=batch, form=form, **fields)


def approve_all(actor, council_members, tree, nominations, *, held_on=dt.date(2015, 12, 10)):
    """Send the nominations' batches to the council, everybody votes yes, the session closes."""
    from awards.models import NominationBatch

    for batch in {n.batch for n in nominations}:
        batch.refresh_from_db()
        while batch.status == NominationBatch.Status.SUBMITTED:
            batch = services.forward_batch(actor=actor, batch=batch)
    session = services.open_session(
        actor=actor,
        deciding_unit=tree.province,
        title="Phiên họp Hội đồng",
        held_on=held_on,
        members=council_members,
        nominations=nominations,
    )
    for item in session.items.all():
        for member in council_members:
            services.cast_vote(actor=member, item=item, choice="yes")
    return services.close_session(actor=actor, session=session)


@pytest.fixture
def approved(rules, tree, round_2015, officer_a, province_officer, council, members):
    """Two members of a grassroots union of district A, proposed by its federation (one for Lao
    động tiên tiến, one for the provincial federation's Bằng khen), both approved by the council."""
    batch = services.create_batch(actor=officer_a, round_=round_2015, proposing_unit=tree.district_a)
    first, second = members["a1"][:2]
    nominations = [
        nominate(officer_a, batch, rules.forms[LDTT], member=first, task_grade="good"),
        nominate(officer_a, batch, rules.forms[BK_TINH], member=second, task_grade="excellent"),
    ]
    services.attach_minutes(actor=officer_a, batch=batch, upload=pdf())
    services.submit_batch(actor=officer_a, batch=batch)
    approve_all(province_officer, council, tree, nominations)
    return nominations
