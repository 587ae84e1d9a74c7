"""Generated worlds for the reports tests: a province with a random tree below it and random
records of every kind the dashboard counts (members, plan obligations in every state, awards,
articles, advanced models, a campaign with registrations, sessions, clusters and scores).

Records are written straight to the models (the areas' services are tested in their apps);
what matters here is that every figure equals the records behind it, whatever the shape."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils import timezone

from campaigns.models import (
    Campaign,
    Cluster,
    ClusterMembership,
    CriteriaSet,
    Criterion,
    DisseminationSession,
    GradeBand,
    Participant,
    Registration,
    Score,
    ScoreSheet,
)
from documents import tallies
from documents.models import Document, DocumentType, Obligation
from organisations.models import Member, Unit
from organisations.testing import MemberFactory, make_unit
from publishing.models import AdvancedModel, Article, Category

YEAR = 2015
NOW = timezone.now()


def plan_type() -> DocumentType:
    return DocumentType.objects.get_or_create(code="KH", defaults={"name": "Kế hoạch", "is_plan": True})[0]


def issue_plan(
    issuer: Unit,
    recipients: list[Unit],
    *,
    issued_on: dt.date,
    deadline: dt.date | None,
    number: int,
    summary: str = "Kế hoạch phát động thi đua",
    rng: random.Random | None = None,
    states: list[str] | None = None,
) -> Document:
    """An issued plan asking `recipients` for their implementing plans, each obligation in a state:
    done (plan issued), open (not issued). Past the deadline an open one is late."""
    document = Document.objects.create(
        doc_type=plan_type(),
        issuer_unit=issuer,
        status=Document.Status.ISSUED,
        number=number,
        year=issued_on.year,
        number_symbol=f"{number:02d}/KH-LĐLĐ",
        issued_on=issued_on,
        summary=summary,
        requires_plan=True,
        plan_deadline=deadline,
        place="Cao Bằng",
    )
    for index, unit in enumerate(recipients):
        state = states[index] if states else (rng or random).choice(["done", "open", "open"])
        fulfilled = None
        if state == "done":
            fulfilled = Document.objects.create(
                doc_type=plan_type(),
                issuer_unit=unit,
                status=Document.Status.ISSUED,
                parent=document,
                number=1,
                year=issued_on.year,
                number_symbol=f"01/KH-{unit.code}",
                issued_on=issued_on,
                summary=f"Kế hoạch thực hiện {document.number_symbol}",
            )
        Obligation.objects.create(
            document=document,
            unit=unit,
            requires_plan=True,
            due_on=deadline,
            fulfilled_by=fulfilled,
            fulfilled_at=NOW if fulfilled else None,
            acknowledged_at=NOW if fulfilled else None,
        )
    # written without the services, so counted as `documents.services.issue_document` counts
    tallies.count_obligations(document.obligations.select_related("document"))
    return document


def award_forms():
    from awards.models import AwardForm, RuleSet

    rule_set, _ = RuleSet.objects.get_or_create(
        code="TEST-2013",
        defaults={
            "name": "Luật Thi đua, khen thưởng (bộ quy tắc của bài kiểm thử)",
            "valid_from": dt.date(2010, 1, 1),
        },
    )
    specs = [
        ("bang-khen-ldld-tinh", "Bằng khen của Ban Chấp hành LĐLĐ tỉnh", "union", "both", "upper_union"),
        (
            "bang-khen-tong-lien-doan",
            "Bằng khen của Ban Chấp hành Tổng Liên đoàn",
            "union",
            "both",
            "confederation",
        ),
        ("giay-khen", "Giấy khen", "commendation", "both", "grassroots"),
        ("lao-dong-tien-tien", "Lao động tiên tiến", "title", "individual", "grassroots"),
        ("cdcs-vung-manh", "Công đoàn cơ sở vững mạnh", "grading", "collective", "upper_union"),
        ("cdcs-kha", "Công đoàn cơ sở khá", "grading", "collective", "upper_union"),
    ]
    forms = {}
    for order, (code, name, kind, recipient, level) in enumerate(specs):
        forms[code], _ = AwardForm.objects.get_or_create(
            rule_set=rule_set,
            code=code,
            defaults={
                "name": name,
                "kind": kind,
                "recipient": recipient,
                "level": level,
                "sort_order": order,
            },
        )
    return forms


def award(
    form,
    year: int,
    *,
    member: Member | None = None,
    unit: Unit | None = None,
    revoked: bool = False,
    decided_on: dt.date | None = None,
):
    from awards.models import AwardRecord

    return AwardRecord.objects.create(
        form=form,
        year=year,
        member=member,
        unit=unit,
        source=AwardRecord.Source.IMPORTED,
        decision_ref=f"{year % 100:02d}/QĐ-LĐLĐ",
        decision_date=decided_on or dt.date(year, 12, 20),
        issuer_name="Liên đoàn Lao động tỉnh Cao Bằng",
        revoked_at=NOW if revoked else None,
    )


def article(
    unit: Unit,
    n: int,
    *,
    published_on: dt.date | None,
    status: str = Article.Status.PUBLISHED,
    at: dt.datetime | None = None,
) -> Article:
    """An article of the unit, published at 9:00 on `published_on` (or at the moment `at`)."""
    when = at or (
        timezone.make_aware(dt.datetime.combine(published_on, dt.time(9))) if published_on else None
    )
    return Article.objects.create(
        title=f"Người tốt việc tốt số {n}",
        slug=f"nguoi-tot-viec-tot-{unit.pk}-{n}",
        unit=unit,
        lead="Tóm tắt",
        body="<p>Nội dung</p>",
        status=status,
        publish_at=when,
        category=Category.objects.get_or_create(
            slug="nguoi-tot-viec-tot", defaults={"name": "Người tốt, việc tốt"}
        )[0],
    )


def advanced_model(
    unit: Unit, n: int, *, stage: str, start: dt.date, end: dt.date | None = None
) -> AdvancedModel:
    return AdvancedModel.objects.create(
        title=f"Mô hình “Dân vận khéo” số {n}",
        unit=unit,
        summary="Cách làm hay",
        period_start=start,
        period_end=end,
        field_of_work="union",
        stage=stage,
    )


def campaign(
    organiser: Unit, units: list[Unit], *, year: int = YEAR, plan: Document | None = None, threshold: int = 80
) -> Campaign:
    result = Campaign.objects.create(
        name=f"Đợt thi đua đặc biệt chào mừng Đại hội Đảng các cấp năm {year}",
        theme="Đoàn kết - sáng tạo - vượt khó",
        starts_on=dt.date(year, 6, 1),
        ends_on=dt.date(year, 12, 31),
        organiser=organiser,
        root_unit=organiser,
        launching_document=plan,
        status=Campaign.Status.LAUNCHED,
        launched_at=NOW,
        reach_threshold=threshold,
    )
    GradeBand.objects.bulk_create(
        [
            GradeBand(campaign=result, name=n, min_score=m)
            for n, m in [("Xuất sắc", 90), ("Tốt", 80), ("Khá", 65), ("Trung bình", 0)]
        ]
    )
    Participant.objects.bulk_create(
        [Participant(campaign=result, unit=u, joined_on=dt.date(year, 6, 1)) for u in units]
    )
    return result


def criteria(campaign_: Campaign) -> Criterion:
    """One criterion worth 100 points: the total is its confirmed score."""
    criteria_set = CriteriaSet.objects.create(campaign=campaign_, name="Tiêu chí")
    return Criterion.objects.create(
        criteria_set=criteria_set, code="1", name="Kết quả thực hiện", max_points=Decimal(100)
    )


def confirmed_score(campaign_: Campaign, criterion: Criterion, unit: Unit, points) -> ScoreSheet:
    sheet = ScoreSheet.objects.create(
        campaign=campaign_,
        unit=unit,
        criteria_set=criterion.criteria_set,
        status=ScoreSheet.Status.SUBMITTED,
        submitted_at=NOW,
    )
    Score.objects.create(
        sheet=sheet,
        criterion=criterion,
        max_points=criterion.max_points,
        min_points=0,
        self_points=Decimal(points),
        confirmed_points=Decimal(points),
        status=Score.Status.CONFIRMED,
        confirmed_at=NOW,
    )
    return sheet


@dataclass
class World:
    province: Unit
    middles: list[Unit] = field(default_factory=list)
    grassroots: list[Unit] = field(default_factory=list)
    plan: Document | None = None
    campaign: Campaign | None = None

    @property
    def units(self) -> list[Unit]:
        return [self.province, *self.middles, *self.grassroots]


def build(seed: int, units: int = 30, *, province: Unit | None = None) -> World:
    """A province with about `units` units below it (districts and sectors, each with grassroots
    unions) and random records of every kind, the same kinds whatever the size."""
    rng = random.Random(seed)
    province = province or make_unit("province", name="Liên đoàn Lao động tỉnh Cao Bằng", code=f"P{seed}")
    world = World(province=province)
    n_middle = max(2, units // 6)
    for i in range(n_middle):
        kind = "district" if i % 3 else "sector"
        middle = make_unit(
            kind,
            province,
            name=f"Liên đoàn Lao động huyện số {i + 1}"
            if kind == "district"
            else f"Công đoàn ngành số {i + 1}",
        )
        world.middles.append(middle)
    while len(world.middles) + len(world.grassroots) < units:
        parent = rng.choice(world.middles)
        world.grassroots.append(make_unit("grassroots", parent))
    # one ended district (2025 reorganisation), after its units were made: its records still count
    world.middles[-1].valid_to = dt.date(2025, 7, 1)
    world.middles[-1].save()
    world.grassroots.append(make_unit("grassroots", province, name="CĐCS trực thuộc tỉnh"))

    members: list[Member] = []
    for unit in world.grassroots:
        for _n in range(rng.randint(0, 4)):
            status = Member.Status.ACTIVE if rng.random() > 0.15 else Member.Status.RETIRED
            members.append(MemberFactory(unit=unit, gender=rng.choice("MF"), status=status))

    # Plans: the province asks the middle level, two middles ask their grassroots unions.
    world.plan = issue_plan(
        province,
        world.middles,
        issued_on=dt.date(YEAR, 6, 15),
        deadline=dt.date(YEAR, 7, 15),
        number=75,
        rng=rng,
        summary="Thực hiện Chỉ thị số 08/CT-UBND phát động thi đua đặc biệt",
    )
    for i, middle in enumerate(world.middles[:2]):
        below = [u for u in world.grassroots if u.parent_id == middle.pk]
        if below:
            issue_plan(
                middle,
                below,
                issued_on=dt.date(YEAR, 7, 1),
                deadline=dt.date(2099, 1, 1) if i else dt.date(YEAR, 8, 1),
                number=10 + i,
                rng=rng,
            )
    issue_plan(
        province,
        world.middles[:1],
        issued_on=dt.date(YEAR - 1, 3, 1),
        deadline=dt.date(YEAR - 1, 4, 1),
        number=5,
        rng=rng,
    )

    forms = award_forms()
    active = [m for m in members if m.status == Member.Status.ACTIVE]
    for member in rng.sample(active, min(len(active), 12)):
        award(
            rng.choice([forms["bang-khen-ldld-tinh"], forms["giay-khen"], forms["lao-dong-tien-tien"]]),
            rng.choice([YEAR - 2, YEAR - 1, YEAR]),
            member=member,
            revoked=rng.random() < 0.1,
        )
    for unit in rng.sample(world.grassroots, min(len(world.grassroots), 8)):
        award(rng.choice([forms["bang-khen-ldld-tinh"], forms["bang-khen-tong-lien-doan"]]), YEAR, unit=unit)
        award(rng.choice([forms["cdcs-vung-manh"], forms["cdcs-kha"]]), YEAR, unit=unit)
    award(forms["bang-khen-tong-lien-doan"], YEAR, unit=world.middles[0])

    for n, unit in enumerate(rng.sample(world.units, min(len(world.units), 10))):
        article(unit, n, published_on=dt.date(rng.choice([YEAR - 1, YEAR]), rng.randint(1, 12), 10))
    article(world.grassroots[0], 99, published_on=None, status=Article.Status.DRAFT)
    for n, unit in enumerate(rng.sample(world.grassroots, min(len(world.grassroots), 6))):
        advanced_model(unit, n, stage=rng.choice(list(AdvancedModel.Stage.values)), start=dt.date(YEAR, 3, 1))

    taking_part = [u for u in world.units if u.pk != province.pk]
    world.campaign = campaign(province, taking_part, plan=world.plan)
    for unit in taking_part:
        if rng.random() < 0.7:
            Registration.objects.create(
                campaign=world.campaign,
                unit=unit,
                submitted_at=NOW,
                status=rng.choice(list(Registration.Status.values)),
                review_comment="Sửa lại",
            )
    for unit in world.grassroots:
        for _ in range(rng.randint(0, 2)):
            DisseminationSession.objects.create(
                campaign=world.campaign,
                unit=unit,
                held_on=dt.date(YEAR, 7, 1),
                topic="Quán triệt Chỉ thị 35/CT-TTg",
                workers=rng.randint(0, 4),
                officers=rng.randint(0, 1),
            )
    criterion = criteria(world.campaign)
    for number, chunk in enumerate([world.middles[i::2] for i in range(2)], start=1):
        cluster = Cluster.objects.create(
            name=f"Cụm thi đua số {number}",
            year=YEAR,
            organiser=province,
            lead_unit=chunk[0] if chunk else None,
        )
        for order, unit in enumerate(chunk, start=1):
            ClusterMembership.objects.create(cluster=cluster, unit=unit, rotation_order=order)
            confirmed_score(world.campaign, criterion, unit, rng.choice([60, 70, 82, 85, 91, 95]))
    return world
