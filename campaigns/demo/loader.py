"""The loader `load_demo` calls: the campaign launched from the seed plan, then what the units did."""

from campaigns import services
from campaigns.demo.activity import _registrations, _review, _scores, _sessions
from campaigns.demo.seed import (
    CLUSTERS,
    NAME,
    REGISTRATION_DEADLINE,
    STARTS_ON,
    THEME,
    _at,
    seed_campaign,
    seed_criteria,
)
from campaigns.models import (
    Campaign,
    Cluster,
    Registration,
    Score,
)
from core.demo import DemoContext
from documents import services as document_services
from documents.models import Document, DocumentType
from organisations.models import Unit

__all__ = ["load"]


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
