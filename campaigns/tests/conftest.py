"""Fixtures for the campaigns tests: a launched campaign over the shared `tree`, its criteria,
and helpers to build members, sessions and scores quickly."""

import datetime as dt
from decimal import Decimal

import pytest
from django.utils import timezone

from campaigns import services
from campaigns.models import Criterion
from documents import services as document_services
from documents.models import DocumentType
from organisations.testing import MemberFactory, unit_type

TODAY = timezone.localdate()


@pytest.fixture
def plan_type(db):
    return DocumentType.objects.get_or_create(code="KH", defaults={"name": "Kế hoạch", "is_plan": True})[0]


def make_plan(actor, unit, plan_type, summary="Kế hoạch phát động đợt thi đua đặc biệt", **fields):
    if not unit.doc_symbol:
        unit.doc_symbol = "LĐLĐ"
        unit.save()
    return document_services.create_draft(
        actor=actor, issuer=unit, doc_type=plan_type, summary=summary, **fields
    )


def make_campaign(
    actor, organiser, plan_type, *, launch=True, types=("district", "sector", "grassroots"), **fields
):
    plan = make_plan(
        actor, organiser, plan_type, requires_plan=True, plan_deadline=TODAY + dt.timedelta(days=20)
    )
    defaults = dict(
        name="Đợt thi đua đặc biệt chào mừng Đại hội Đảng các cấp",
        theme="Đảng bộ, chính quyền và nhân dân tỉnh Cao Bằng ra sức thi đua, đoàn kết - sáng tạo - vượt khó",
        slogan="Đoàn kết - sáng tạo - vượt khó",
        starts_on=TODAY - dt.timedelta(days=30),
        ends_on=TODAY + dt.timedelta(days=180),
        registration_deadline=TODAY + dt.timedelta(days=10),
        included_unit_types=[unit_type(code) for code in types],
        launching_document=plan,
        content_items=[("Quán triệt, tuyên truyền Chỉ thị 35/CT-TTg", ""), ("Đổi mới công tác thi đua", "")],
    )
    defaults.update(fields)
    campaign = services.create_campaign(actor=actor, organiser=organiser, **defaults)
    if launch:
        campaign = services.launch_campaign(actor=actor, campaign=campaign)
    return campaign


def build_criteria(actor, campaign, *, weights=False):
    """1. Dissemination (40) = 1.1 reach (20, target 100 %) + 1.2 meetings (20); 2. Models (60);
    3. bonus (5); 4. penalty (5)."""
    cs = services.create_criteria_set(
        actor=actor, campaign=campaign, name="Tiêu chí chấm điểm đợt thi đua", requires_weights_sum=weights
    )
    c1 = services.add_criterion(
        actor=actor,
        criteria_set=cs,
        code="1",
        name="Quán triệt, tuyên truyền",
        max_points=Decimal(40),
        weight=Decimal(40) if weights else None,
    )
    services.add_criterion(
        actor=actor,
        criteria_set=cs,
        parent=c1,
        code="1.1",
        name="Tỷ lệ người được quán triệt",
        max_points=Decimal(20),
        target_value=Decimal(100),
        unit_of_measure="%",
    )
    services.add_criterion(
        actor=actor,
        criteria_set=cs,
        parent=c1,
        code="1.2",
        name="Số cuộc họp quán triệt",
        max_points=Decimal(20),
        evidence_required=True,
    )
    services.add_criterion(
        actor=actor,
        criteria_set=cs,
        code="2",
        name="Phát hiện, nhân rộng điển hình tiên tiến",
        max_points=Decimal(60),
        weight=Decimal(60) if weights else None,
    )
    services.add_criterion(
        actor=actor,
        criteria_set=cs,
        code="3",
        name="Điểm thưởng",
        max_points=Decimal(5),
        kind=Criterion.Kind.BONUS,
    )
    services.add_criterion(
        actor=actor,
        criteria_set=cs,
        code="4",
        name="Điểm trừ",
        max_points=Decimal(5),
        kind=Criterion.Kind.PENALTY,
    )
    return cs


def criterion(cs, code):
    return cs.criteria.get(code=code)


def add_members(unit, n, category="worker", **fields):
    return MemberFactory.create_batch(n, unit=unit, category=category, **fields)


@pytest.fixture
def campaign(tree, admin_user, plan_type):
    return make_campaign(admin_user, tree.province, plan_type)


@pytest.fixture
def criteria(campaign, admin_user):
    return build_criteria(admin_user, campaign)


def score_all(actor, campaign, unit, cs, points: dict[str, object], submit=True, evidence_file=None):
    """Self-score the leaves given in `points` (code -> points), then submit the sheet."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    for code, value in points.items():
        c = criterion(cs, code)
        extra = {}
        if c.is_quantitative:
            extra["actual_value"] = value
            value = None
        if c.evidence_required:
            extra["evidence"] = [
                evidence_file
                or SimpleUploadedFile("bien-ban.pdf", b"%PDF-1.4 minutes", content_type="application/pdf")
            ]
        services.self_score(actor=actor, campaign=campaign, unit=unit, criterion=c, points=value, **extra)
    if submit:
        return services.submit_sheet(actor=actor, campaign=campaign, unit=unit)
    return None
