"""Demo campaign: the 2015 special campaign of the seed plan (Kế hoạch 75/KH-LĐLĐ), launched to
every union unit of the province, with its theme and five content items, a criteria set
copied from a template, the two clusters of district federations and the block of sector
unions, registrations (most units; some returned, some missing), dissemination sessions
(some units below the threshold), partial scores (some confirmed) and one interim review.

Everything goes through the services except what only the passing of time does in real life:
dates of 2015 are written on the records afterwards (submission times, for instance)."""

import datetime as dt
from collections import defaultdict
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db.models import Count
from django.utils import timezone

from campaigns import services
from campaigns.models import (
    AimedTitle,
    Campaign,
    Cluster,
    Criterion,
    Movement,
    PeerScore,
    Registration,
    ReviewRound,
    Score,
    ScoreSheet,
)
from core.demo import DemoContext
from documents import services as document_services
from documents.models import Document, DocumentType
from organisations.models import Member, Unit, UnitType

STARTS_ON = dt.date(2015, 6, 15)
ENDS_ON = dt.date(2015, 12, 31)
REGISTRATION_DEADLINE = dt.date(2015, 7, 15)
NAME = (
    "Đợt thi đua đặc biệt chào mừng Đại hội Đảng bộ các cấp, Đại hội Thi đua yêu nước tỉnh Cao Bằng "
    "lần thứ IV"
)
THEME = (
    "Đảng bộ, chính quyền và nhân dân tỉnh Cao Bằng ra sức thi đua, đoàn kết - sáng tạo - vượt khó, lập thành "
    "tích xuất sắc chào mừng Đại hội Đảng các cấp, Đại hội Thi đua yêu nước tỉnh Cao Bằng lần thứ IV"
)
SLOGAN = "Đoàn kết - sáng tạo - vượt khó"
CONTENT_ITEMS = [
    (
        "Quán triệt, tuyên truyền Chỉ thị 35/CT-TTg đến toàn thể cán bộ, đoàn viên, CNVCLĐ",
        "Tổ chức quán triệt, triển khai, tuyên truyền có hiệu quả nội dung Chỉ thị 35/CT-TTg của Thủ tướng Chính phủ "
        "đến toàn thể cán bộ, đoàn viên, công chức, viên chức, người lao động thông qua các cuộc họp, các buổi sinh "
        "hoạt định kỳ của cơ quan, đơn vị; gắn với việc thực hiện nhiệm vụ công tác năm 2015.",
    ),
    (
        "Tiếp tục đổi mới công tác thi đua, khen thưởng theo Kế hoạch 01/KH-LĐLĐ",
        "Tiếp tục thực hiện Kế hoạch số 01/KH-LĐLĐ ngày 30/01/2015 về thực hiện Chỉ thị 34-CT/TW của Bộ Chính trị; "
        "tạo chuyển biến mạnh mẽ về nhận thức và trách nhiệm của các cấp Công đoàn trong tổ chức các phong trào thi "
        "đua yêu nước và công tác khen thưởng.",
    ),
    (
        "Phát động đợt thi đua thiết thực; tiêu chí bám sát chỉ tiêu KT-XH; nhân rộng điển hình tiên tiến",
        "Các phong trào thi đua cần xác định rõ chủ đề, nội dung và biện pháp tổ chức thực hiện; tiêu chí đánh giá "
        "thi đua phải bám sát mục tiêu, chỉ tiêu phát triển KT-XH của tỉnh, của địa phương; gắn với “Học tập và làm "
        "theo tấm gương đạo đức Hồ Chí Minh”; chú trọng phát hiện, bồi dưỡng, tổng kết và nhân rộng các điển hình "
        "tiên tiến.",
    ),
    (
        "Trách nhiệm người đứng đầu; phong trào “Cao Bằng chung sức xây dựng nông thôn mới”",
        "Đề cao vai trò, trách nhiệm của các cấp ủy Đảng, chính quyền, đoàn thể và người đứng đầu; nâng cao chất "
        "lượng các phong trào thi đua yêu nước, trọng tâm là phong trào “Cao Bằng chung sức xây dựng nông thôn mới”.",
    ),
    (
        "Tuyên truyền điển hình tiên tiến, người tốt việc tốt; thường xuyên đánh giá, rút kinh nghiệm",
        "Các cấp Công đoàn tích cực viết các tin, bài về người tốt, việc tốt, các mô hình, điển hình tiên tiến trên "
        "các phương tiện thông tin đại chúng, Bản tin nội bộ, cổng thông tin điện tử của LĐLĐ tỉnh; thường xuyên "
        "đánh giá, rút kinh nghiệm.",
    ),
]
PARTICIPATING_TYPES = ["ldld-huyen", "cd-nganh-tinh", "cd-vien-chuc", "cd-nganh-tw", "cdcs"]
MOVEMENTS = ["hoc-tap-lam-theo-ho-chi-minh", "cao-bang-nong-thon-moi", "lao-dong-gioi-sang-tao"]
# code, name, max points, parent code, extra fields
CRITERIA: list[tuple[str, str, int, str | None, dict[str, Any]]] = [
    ("1", "Quán triệt, tuyên truyền Chỉ thị 35/CT-TTg", 25, None, {}),
    (
        "1.1",
        "Tỷ lệ cán bộ, đoàn viên, CNVCLĐ được quán triệt",
        15,
        "1",
        {"target_value": Decimal(100), "unit_of_measure": "%"},
    ),
    ("1.2", "Hình thức tuyên truyền phong phú, thiết thực", 10, "1", {"evidence_required": True}),
    ("2", "Đổi mới công tác thi đua, khen thưởng", 20, None, {}),
    ("2.1", "Xây dựng, ban hành kế hoạch phát động đúng hạn", 10, "2", {"evidence_required": True}),
    (
        "2.2",
        "Tỷ lệ đơn vị, đoàn viên đăng ký thi đua",
        10,
        "2",
        {"target_value": Decimal(100), "unit_of_measure": "%"},
    ),
    ("3", "Tổ chức phong trào gắn với chỉ tiêu phát triển KT-XH", 30, None, {}),
    ("3.1", "Hoàn thành các chỉ tiêu đăng ký", 15, "3", {}),
    (
        "3.2",
        "Điển hình tiên tiến được phát hiện, bồi dưỡng, nhân rộng",
        15,
        "3",
        {"target_value": Decimal(3), "unit_of_measure": "điển hình"},
    ),
    ("4", "Tham gia phong trào “Cao Bằng chung sức xây dựng nông thôn mới”", 10, None, {}),
    (
        "5",
        "Tin, bài về người tốt, việc tốt, điển hình tiên tiến",
        15,
        None,
        {"target_value": Decimal(10), "unit_of_measure": "tin, bài"},
    ),
    (
        "6",
        "Điểm thưởng: sáng kiến, mô hình mới được cấp trên công nhận",
        5,
        None,
        {"kind": Criterion.Kind.BONUS},
    ),
    ("7", "Điểm trừ: báo cáo chậm, vi phạm chế độ thông tin", 5, None, {"kind": Criterion.Kind.PENALTY}),
]
CLUSTERS = [
    (
        "Cụm thi đua số 1 - các LĐLĐ huyện, thành phố phía Đông",
        ["HOAAN", "TPCB", "HQUANG", "TKHANH", "HLANG"],
        Cluster.ScoringMode.PEER_MEAN,
    ),
    (
        "Cụm thi đua số 2 - các LĐLĐ huyện phía Tây",
        ["NBINH", "BLAC", "BLAM", "QHOA", "TAN"],
        Cluster.ScoringMode.REVIEWER,
    ),
]


def seed_campaign(
    *,
    actor,
    province: Unit,
    plan: Document,
    starts_on=STARTS_ON,
    ends_on=ENDS_ON,
    registration_deadline=REGISTRATION_DEADLINE,
    unit_types=None,
) -> Campaign:
    """The seed plan's campaign as a draft, ready to launch (the demo and the browser test use it)."""
    types = (
        unit_types if unit_types is not None else list(UnitType.objects.filter(code__in=PARTICIPATING_TYPES))
    )
    return services.create_campaign(
        actor=actor,
        organiser=province,
        name=NAME,
        theme=THEME,
        slogan=SLOGAN,
        kind=Campaign.Kind.SPECIAL,
        starts_on=starts_on,
        ends_on=ends_on,
        registration_deadline=registration_deadline,
        included_unit_types=types,
        launching_document=plan,
        movements=list(Movement.objects.filter(code__in=MOVEMENTS)),
        content_items=CONTENT_ITEMS,
    )


def seed_criteria(*, actor, campaign: Campaign, template_actor=None):
    """The criteria as a shared template, copied into the campaign (template_actor: an administrator)."""
    template_actor = template_actor or actor
    template = services.create_criteria_set(
        actor=template_actor, name="Mẫu tiêu chí chấm điểm đợt thi đua chuyên đề"
    )
    created: dict[str, Criterion] = {}
    for order, (code, name, max_points, parent, extra) in enumerate(CRITERIA, start=1):
        created[code] = services.add_criterion(
            actor=template_actor,
            criteria_set=template,
            code=code,
            name=name,
            max_points=Decimal(max_points),
            parent=created.get(parent) if parent else None,
            order=order,
            **extra,
        )
    return services.copy_criteria_template(actor=actor, template=template, campaign=campaign)


def load(ctx: DemoContext) -> None:
    rng = ctx.rng
    users = ctx.data["users"]
    admin, officer = users["admin"], users["canbo.tinh"]
    province: Unit = ctx.data["province"]
    plan = ctx.data.get("seed_plan") or _launching_plan(admin, province)
    campaign = seed_campaign(actor=officer, province=province, plan=plan)
    criteria_set = seed_criteria(actor=officer, campaign=campaign, template_actor=admin)
    campaign.registration_deadline = None  # opened while the demo replays 2015; set back below
    campaign.save(update_fields=["registration_deadline"])
    campaign = services.launch_campaign(actor=officer, campaign=campaign, issued_on=STARTS_ON)
    Campaign.objects.filter(pk=campaign.pk).update(launched_at=_at(STARTS_ON, 9))

    participants = list(
        Unit.objects.filter(campaign_participations__campaign=campaign)
        .select_related("unit_type")
        .order_by("path")
    )
    clusters = _clusters(officer, province, ctx.data["districts"], ctx.data["sectors"])
    _registrations(rng, campaign, officer, participants, criteria_set)
    _sessions(rng, campaign, officer, participants, plan)
    _scores(rng, campaign, officer, users, criteria_set, clusters, participants)
    _review(rng, campaign, officer, participants)
    Campaign.objects.filter(pk=campaign.pk).update(registration_deadline=REGISTRATION_DEADLINE)
    campaign.refresh_from_db()
    ctx.data["campaign_2015"] = campaign
    ctx.log(
        f"  campaign “{campaign.name[:40]}…”: {len(participants)} units, "
        f"{Registration.objects.filter(campaign=campaign).count()} registrations, "
        f"{campaign.sessions.count()} sessions, {Score.objects.filter(sheet__campaign=campaign).count()} scores"
    )


def _at(day: dt.date, hour: int = 9, minute: int = 0):
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour, minute)))


def _day(rng, start: dt.date, spread: int) -> dt.date:
    return start + dt.timedelta(days=rng.randint(0, spread))


def _launching_plan(admin, province: Unit) -> Document:
    """Without the documents demo: the seed plan as a draft, issued when the campaign is launched."""
    plan_type, _created = DocumentType.objects.get_or_create(
        code="KH", defaults={"name": "Kế hoạch", "is_plan": True}
    )
    if not province.doc_symbol:
        province.doc_symbol = "LĐLĐ"
        province.save(update_fields=["doc_symbol"])
    return document_services.create_draft(
        actor=admin,
        issuer=province,
        doc_type=plan_type,
        summary=f"Phát động {NAME[0].lower()}{NAME[1:]}",
        theme=THEME,
        requires_plan=True,
        plan_deadline=REGISTRATION_DEADLINE,
        place="Cao Bằng",
        signer_authority="TM. BAN THƯỜNG VỤ",
        signer_position="PHÓ CHỦ TỊCH",
        signer_name="Lương Văn Thắng",
    )


def _clusters(actor, province, districts, sectors) -> list[Cluster]:
    by_code = {d.code.removeprefix("LDLD-"): d for d in districts}
    clusters = []
    for name, codes, mode in CLUSTERS:
        units = [by_code[c] for c in codes if c in by_code]
        clusters.append(
            services.create_cluster(
                actor=actor,
                organiser=province,
                name=name,
                year=STARTS_ON.year,
                units=units,
                scoring_mode=mode,
                lead=units[0],
                deputy=units[1],
            )
        )
    clusters.append(
        services.create_cluster(
            actor=actor,
            organiser=province,
            name="Khối các công đoàn ngành và Công đoàn Viên chức tỉnh",
            year=STARTS_ON.year,
            units=list(sectors),
            kind=Cluster.Kind.BLOCK,
            scoring_mode=Cluster.ScoringMode.REVIEWER,
            lead=sectors[0],
            deputy=sectors[-1],
        )
    )
    return clusters


def _registrations(rng, campaign, actor, participants, criteria_set) -> None:
    """About 85% register (a few returned for changes), the rest have not; Bảo Lạc not yet."""
    quantitative = list(criteria_set.criteria.filter(target_value__isnull=False))
    collective = [
        AimedTitle.EXCELLENT_COLLECTIVE,
        AimedTitle.ADVANCED_COLLECTIVE,
        AimedTitle.STRONG_GRASSROOTS_UNION,
    ]
    for unit in participants:
        if unit.code == "LDLD-BLAC" or rng.random() < 0.12:
            continue
        title = (
            AimedTitle.EMULATION_FLAG
            if unit.unit_type.code != "cdcs" and rng.random() < 0.4
            else rng.choice(collective)
        )
        targets = {
            c.pk: c.target_value if c.unit_of_measure == "%" else c.target_value + rng.randint(0, 3)
            for c in quantitative
        }
        registration = services.register(
            actor=actor,
            campaign=campaign,
            unit=unit,
            aimed_title=title,
            targets=targets,
            commitments="Phấn đấu 100% cán bộ, đoàn viên được quán triệt Chỉ thị 35/CT-TTg; "
            "có ít nhất một mô hình, điển hình tiên tiến được nhân rộng.",
        )
        submitted = _at(_day(rng, STARTS_ON + dt.timedelta(days=5), 25), rng.randint(8, 16))
        Registration.objects.filter(pk=registration.pk).update(submitted_at=submitted)
        draw = rng.random()
        if draw < 0.06:
            services.return_registration(
                actor=actor,
                registration=registration,
                comment="Chỉ tiêu tỷ lệ quán triệt chưa đạt 100%; đề nghị bổ sung cam kết cụ thể.",
            )
        elif draw < 0.8 and unit.parent_id:
            services.approve_registration(actor=actor, registration=registration)
    for registration in Registration.objects.filter(campaign=campaign, reviewed_at__isnull=False):
        Registration.objects.filter(pk=registration.pk).update(
            reviewed_at=registration.submitted_at + dt.timedelta(days=rng.randint(2, 9))
        )
    # a few members of the first grassroots unions aim for individual titles
    grassroots = [u for u in participants if u.unit_type.code == "cdcs"][:6]
    for member in Member.objects.filter(unit__in=grassroots, status=Member.Status.ACTIVE).order_by(
        "unit_id", "pk"
    )[:18]:
        services.register(
            actor=actor,
            campaign=campaign,
            unit=member.unit,
            member=member,
            aimed_title=rng.choice(
                [
                    AimedTitle.ADVANCED_WORKER,
                    AimedTitle.GRASSROOTS_EMULATION_FIGHTER,
                    AimedTitle.EXCELLENT_MEMBER,
                ]
            ),
        )


def _sessions(rng, campaign, actor, participants, plan) -> None:
    """Grassroots unions hold one to three sessions; most reach 85–100% of their members (a few
    report more than they have), about one in six stays below the 80% threshold."""
    counts: dict[int, dict[str, int]] = defaultdict(dict)
    for unit_id, category, n in (
        Member.objects.filter(unit__in=participants, status=Member.Status.ACTIVE)
        .values("unit_id", "category")
        .annotate(n=Count("pk"))
        .values_list("unit_id", "category", "n")
    ):
        counts[unit_id][category] = n
    field_of = {
        "officer": "officers",
        "civil_servant": "civil_servants",
        "public_employee": "public_employees",
        "worker": "workers",
    }
    forms = ["meeting", "regular_session", "regular_session", "conference", "online", "media"]
    for unit in participants:
        members = counts.get(unit.pk)
        if not members or rng.random() < 0.07:
            continue  # nothing recorded yet
        draw = rng.random()
        share = (
            rng.uniform(0.4, 0.75)
            if draw < 0.17
            else (rng.uniform(1.02, 1.2) if draw > 0.94 else rng.uniform(0.85, 1))
        )
        reached = {field_of[cat]: round(n * share) for cat, n in members.items()}
        sessions = rng.randint(1, 3)
        for index in range(sessions):
            part = {
                name: value // sessions + (value % sessions if index == 0 else 0)
                for name, value in reached.items()
            }
            if not sum(part.values()):
                continue
            services.record_session(
                actor=actor,
                campaign=campaign,
                unit=unit,
                held_on=_day(rng, STARTS_ON + dt.timedelta(days=10), 60),
                form=rng.choice(forms),
                topic="Quán triệt Chỉ thị 35/CT-TTg và Kế hoạch phát động đợt thi đua đặc biệt"
                if index == 0
                else "Sinh hoạt chuyên đề: học tập và làm theo tấm gương đạo đức Hồ Chí Minh",
                documents=[plan],
                **part,
            )


def _leaf_points(rng, criterion: Criterion, strength: float) -> dict:
    if criterion.kind == Criterion.Kind.PENALTY:
        return {"points": -rng.choice([0, 0, 0, 1, 2])}
    if criterion.kind == Criterion.Kind.BONUS:
        return {"points": rng.choice([0, 0, 1, 2, 3])}
    if criterion.is_quantitative:
        target = criterion.target_value
        assert target is not None  # quantitative: it has a target
        return {
            "actual_value": (target * Decimal(min(1.0, strength + rng.uniform(-0.1, 0.15)))).quantize(
                Decimal("0.1")
            )
        }
    fraction = min(1.0, max(0.3, strength + rng.uniform(-0.12, 0.12)))
    return {"points": (criterion.max_points * Decimal(fraction)).quantize(Decimal("0.5"))}


def _scores(rng, campaign, actor, users, criteria_set, clusters, participants) -> None:
    """Cluster members self-score and submit; peers cross-score in the first cluster; the province
    confirms part of the scores. Hòa An's grassroots unions self-score too; a few are confirmed."""
    leaves = [c for c in criteria_set.criteria.prefetch_related("children") if not c.children.all()]
    members = {
        c.pk: [m.unit for m in c.memberships.select_related("unit").order_by("rotation_order")]
        for c in clusters
    }
    scored: list[Unit] = []
    for cluster in clusters:
        for index, unit in enumerate(members[cluster.pk]):
            strength = rng.uniform(0.62, 0.98)
            _score_sheet(rng, campaign, actor, unit, leaves, strength)
            if index == len(members[cluster.pk]) - 1 and cluster.kind == Cluster.Kind.CLUSTER:
                continue  # the last of each cluster has not submitted yet
            services.submit_sheet(actor=actor, campaign=campaign, unit=unit)
            ScoreSheet.objects.filter(campaign=campaign, unit=unit).update(
                submitted_at=_at(_day(rng, dt.date(2015, 11, 20), 12), rng.randint(8, 17), rng.randint(0, 59))
            )
            scored.append(unit)
    # the first cluster cross-scores (peers' mean), the others are reviewed by the province
    first = clusters[0]
    for unit in members[first.pk]:
        for score in Score.objects.filter(
            sheet__campaign=campaign, sheet__unit=unit, sheet__status="submitted"
        ):
            PeerScore.objects.bulk_create(
                [
                    PeerScore(
                        score=score,
                        scorer_unit=peer,
                        max_points=score.max_points,
                        min_points=score.min_points,
                        allows_penalty=score.allows_penalty,
                        points=_near(rng, score),
                    )
                    for peer in members[first.pk]
                    if peer.pk != unit.pk
                ]
            )
    for unit in scored:
        scores = list(
            Score.objects.filter(sheet__campaign=campaign, sheet__unit=unit)
            .select_related("criterion")
            .order_by("criterion__order")
        )
        if rng.random() > 0.75:  # most sheets are fully confirmed, some half way
            scores = scores[: len(scores) // 2]
        for score in scores:
            points = _near(rng, score) if rng.random() < 0.25 else score.self_points
            reason = (
                ""
                if points == score.self_points
                else "Điều chỉnh theo kết quả kiểm tra minh chứng của đoàn kiểm tra."
            )
            try:
                services.confirm_score(
                    actor=actor, score=score, points=points, reason=reason or "Theo điểm chấm chéo"
                )
            except ValidationError:  # a peer-mean score without peers: left for the reviewer
                continue
    for score in Score.objects.filter(sheet__campaign=campaign, confirmed_at__isnull=False):
        Score.objects.filter(pk=score.pk).update(
            confirmed_at=_at(_day(rng, dt.date(2015, 12, 5), 10), rng.randint(8, 17))
        )
    hoa_an = users["canbo.hoaan"]
    for unit in [u for u in participants if u.parent and u.parent.code == "LDLD-HOAAN"][:8]:
        _score_sheet(rng, campaign, hoa_an, unit, leaves, rng.uniform(0.55, 0.95))
        if rng.random() < 0.7:
            services.submit_sheet(actor=hoa_an, campaign=campaign, unit=unit)


def _near(rng, score: Score) -> Decimal:
    assert score.self_points is not None  # scored by the demo
    value = score.self_points + Decimal(rng.choice([-2, -1, -0.5, 0, 0, 0.5]))
    return min(max(value, score.min_points), score.max_points)


def _score_sheet(rng, campaign, actor, unit, leaves, strength) -> None:
    for criterion in leaves:
        extra = _leaf_points(rng, criterion, strength)
        if criterion.evidence_required:
            extra["evidence"] = [_evidence_file()]
        services.self_score(
            actor=actor,
            campaign=campaign,
            unit=unit,
            criterion=criterion,
            note="Theo báo cáo kết quả của đơn vị" if rng.random() < 0.3 else "",
            **extra,
        )


def _evidence_file() -> SimpleUploadedFile:
    content = (
        b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Count 0/Kids[]>>endobj\n"
        b"trailer<</Root 1 0 R>>\n%%EOF\n"
    )
    return SimpleUploadedFile("bien-ban-hoi-nghi-quan-triet.pdf", content, content_type="application/pdf")


def _review(rng, campaign, actor, participants) -> None:
    """The interim review: most units report numbers from their sessions, a few keep a draft."""
    review_round = services.open_review_round(
        actor=actor,
        campaign=campaign,
        kind=ReviewRound.Kind.INTERIM,
        title="Sơ kết đợt thi đua đặc biệt (đến 15/12/2015)",
        period_end=dt.date(2015, 12, 15),
        due_on=dt.date(2015, 12, 22),
    )
    indicators = {i.code: i.pk for i in campaign.indicators.all()}
    meetings = dict(
        campaign.sessions.order_by().values("unit_id").annotate(n=Count("pk")).values_list("unit_id", "n")
    )
    reached: dict[int, int] = defaultdict(int)
    for session in campaign.sessions.all():
        reached[session.unit_id] += session.participants
    for unit in participants:
        if rng.random() < 0.2:
            continue
        values = {
            indicators["meetings"]: meetings.get(unit.pk, 0),
            indicators["people_reached"]: reached.get(unit.pk, 0),
            indicators["models_found"]: rng.choice([0, 0, 1, 1, 2]),
            indicators["articles"]: rng.randint(0, 4),
            indicators["initiatives"]: rng.choice([0, 0, 1]),
        }
        services.save_review_report(
            actor=actor,
            review_round=review_round,
            unit=unit,
            values=values,
            submit=rng.random() > 0.1,
            results="Tổ chức quán triệt Chỉ thị 35/CT-TTg đến cán bộ, đoàn viên; phát động thi đua gắn với nhiệm vụ "
            "chuyên môn của đơn vị.",
            shortcomings="Một số tổ công đoàn sinh hoạt chưa đều; việc viết tin, bài còn ít."
            if rng.random() < 0.5
            else "",
            lessons="Gắn việc quán triệt với sinh hoạt định kỳ; biểu dương kịp thời người tốt, việc tốt.",
        )
