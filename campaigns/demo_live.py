"""Demo: the live year. A campaign of the provincial federation for the year the demo is loaded in
(today's date at load time), launched on the 2025 tree: the grassroots unions the district
federations held are launched to directly. Registration is open (its deadline a month ahead), a
few units have registered and wait for the province's approval, two have self-scored and one has
sent its sheet for confirmation, so every first task can be tried the day the demo is loaded."""

import datetime as dt
from decimal import Decimal

from django.utils import timezone

from campaigns import services
from campaigns.models import AimedTitle, Campaign, CriteriaSet, Criterion, Movement, Registration
from core.demo import DemoContext
from documents import services as document_services
from documents.models import DocumentType
from organisations.models import Unit, UnitType

PARTICIPATING_TYPES = ["cd-nganh-tinh", "cd-vien-chuc", "cd-nganh-tw", "cdcs"]
CONTENT_ITEMS = [
    (
        "Thi đua lao động giỏi, lao động sáng tạo",
        "Mỗi công đoàn cơ sở có ít nhất một sáng kiến, giải pháp được công nhận; đăng ký chỉ tiêu gắn với "
        "nhiệm vụ chính trị của cơ quan, đơn vị.",
    ),
    (
        "Chăm lo đời sống, bảo vệ quyền lợi đoàn viên",
        "Tổ chức đối thoại tại nơi làm việc; hỗ trợ đoàn viên có hoàn cảnh khó khăn.",
    ),
    (
        "Phát hiện, bồi dưỡng, nhân rộng điển hình tiên tiến",
        "Viết tin, bài về người tốt, việc tốt trên Bản tin và cổng thông tin điện tử của LĐLĐ tỉnh.",
    ),
]


def live_dates(today: dt.date) -> tuple[dt.date, dt.date, dt.date]:
    """Start, end and registration deadline of the live year's campaign: from 1 January, open for
    registration a month from today, running at least two months more."""
    starts_on = dt.date(today.year, 1, 1)
    ends_on = max(dt.date(today.year, 12, 31), today + dt.timedelta(days=60))
    return starts_on, ends_on, today + dt.timedelta(days=30)


def load(ctx: DemoContext) -> None:
    users = ctx.data.get("users", {})
    officer, admin = users.get("canbo.tinh"), users.get("admin")
    if officer is None or admin is None:
        ctx.log("  campaigns.demo_live: the demo users are missing, no live campaign")
        return
    province: Unit = ctx.data.get("province") or Unit.objects.get(code="LDLD-CB")
    today = timezone.localdate()
    starts_on, ends_on, deadline = live_dates(today)
    plan_type, _created = DocumentType.objects.get_or_create(
        code="KH", defaults={"name": "Kế hoạch", "is_plan": True}
    )
    if not province.doc_symbol:
        province.doc_symbol = "LĐLĐ"
        province.save(update_fields=["doc_symbol"])
    name = f"Phong trào thi đua “Lao động giỏi, lao động sáng tạo” năm {today.year}"
    plan = document_services.create_draft(
        actor=officer,
        issuer=province,
        doc_type=plan_type,
        summary=f"Phát động phong trào thi đua “Lao động giỏi, lao động sáng tạo” năm {today.year}",
        theme="Đoàn kết, sáng tạo, hoàn thành xuất sắc nhiệm vụ",
        requires_plan=True,
        plan_deadline=deadline,
        place="Cao Bằng",
        body="Ban Thường vụ LĐLĐ tỉnh đề nghị các công đoàn cơ sở trực thuộc, công đoàn ngành, Công đoàn "
        "Viên chức tỉnh xây dựng kế hoạch và đăng ký thi đua.",
        signer_authority="TM. BAN THƯỜNG VỤ",
        signer_position="PHÓ CHỦ TỊCH",
        signer_name="Lương Văn Thắng",
        recipients_text="Các công đoàn ngành, CĐ Viên chức tỉnh\nCĐCS trực thuộc\nLưu: VT",
    )
    campaign = services.create_campaign(
        actor=officer,
        organiser=province,
        name=name,
        theme="Công nhân, viên chức, lao động tỉnh Cao Bằng đoàn kết, sáng tạo, hoàn thành xuất sắc nhiệm vụ",
        slogan="Đoàn kết - sáng tạo - hiệu quả",
        kind=Campaign.Kind.PERIODIC,
        starts_on=starts_on,
        ends_on=ends_on,
        registration_deadline=deadline,
        included_unit_types=list(UnitType.objects.filter(code__in=PARTICIPATING_TYPES)),
        launching_document=plan,
        movements=list(Movement.objects.filter(code="lao-dong-gioi-sang-tao")),
        content_items=CONTENT_ITEMS,
    )
    template = CriteriaSet.objects.filter(campaign=None).order_by("pk").first()
    criteria_set = (
        services.copy_criteria_template(actor=officer, template=template, campaign=campaign)
        if template is not None
        else None
    )
    campaign = services.launch_campaign(actor=officer, campaign=campaign, issued_on=today)
    ctx.data["campaign_live"] = campaign

    # A few grassroots unions directly under the province (most of them held by a district until 2025).
    units = Unit.objects.current().filter(
        parent=province, unit_type__code="cdcs", campaign_participations__campaign=campaign
    )
    own = users.get("canbo.cdcs")
    if own is not None and own.home_unit_id:
        units = units.exclude(pk=own.home_unit_id)  # registering is that user's first task
    grassroots = list(units.order_by("code")[:6])
    for unit in grassroots[:4]:
        services.register(
            actor=officer,
            campaign=campaign,
            unit=unit,
            aimed_title=AimedTitle.EXCELLENT_COLLECTIVE,
            commitments="100% đoàn viên đăng ký thi đua; ít nhất một sáng kiến được công nhận.",
        )
    if criteria_set is not None:
        leaves = [c for c in criteria_set.criteria.prefetch_related("children") if not c.children.all()]
        for index, unit in enumerate(grassroots[4:6]):
            _self_score(officer, campaign, unit, leaves)
            if index == 0:
                services.submit_sheet(actor=officer, campaign=campaign, unit=unit)
    ctx.log(
        f"  live campaign “{campaign.name}”: {campaign.participants.count()} units, registration until "
        f"{deadline:%d/%m/%Y}, {Registration.objects.filter(campaign=campaign).count()} registrations waiting"
    )


def _self_score(actor, campaign: Campaign, unit: Unit, leaves: list[Criterion]) -> None:
    for criterion in leaves:
        if criterion.kind == Criterion.Kind.PENALTY:
            extra: dict = {"points": Decimal(0)}
        elif criterion.kind == Criterion.Kind.BONUS:
            extra = {"points": Decimal(1)}
        elif criterion.is_quantitative:
            assert criterion.target_value is not None  # quantitative: it has a target
            extra = {"actual_value": criterion.target_value}
        else:
            extra = {"points": (criterion.max_points * Decimal("0.8")).quantize(Decimal("0.5"))}
        if criterion.evidence_required:
            extra["evidence"] = [_evidence(unit)]
        services.self_score(actor=actor, campaign=campaign, unit=unit, criterion=criterion, **extra)


def _evidence(unit: Unit):
    from django.core.files.uploadedfile import SimpleUploadedFile

    content = (
        b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Count 0/Kids[]>>endobj\n"
        b"trailer<</Root 1 0 R>>\n%%EOF\n"
    )
    return SimpleUploadedFile(f"minh-chung-{unit.code}.pdf", content, content_type="application/pdf")
