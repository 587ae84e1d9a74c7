"""campaigns: the app's entries of the authorisation matrix (see core/tests/authz).

Each side's district runs a campaign of its own over its grassroots unions: A1 has registered,
recorded a session, and submitted a score sheet (with evidence); A2 has scored everything but
not submitted; the two form a cluster (reviewer mode) led by A1, whose emulation flag A1 has
proposed; a review round is open; and a second campaign waits as a draft with a draft plan.
Every role over the district reads; its officers and administrators act. Cross-scoring needs
an officer of one member who is not over the other: none of the matrix's users is one.

`core/tests/authz/campaigns.py` re-exports ENTRIES and build from here."""

import base64
import datetime as dt
from decimal import Decimal

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from core.tests.authz import ANY_ROLE, ANY_USER, MANAGERS, NOBODY, Api, Page

TODAY = timezone.localdate()
PDF = b"%PDF-1.4\n%%EOF\n"


def build(world) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile

    from accounts.models import Role
    from accounts.testing import user_with_role
    from campaigns import services
    from campaigns.models import Cluster, Criterion, ReviewRound
    from documents import services as document_services
    from documents.models import DocumentType
    from organisations.testing import make_unit, unit_type

    tree = world.tree
    clerk = user_with_role(Role.ADMIN, tree.province, username="phong-trao.tinh")
    plan_type = DocumentType.objects.get_or_create(code="KH", defaults={"name": "Kế hoạch", "is_plan": True})[
        0
    ]
    second = {"own": tree.grassroots_a2, "foreign": make_unit("grassroots", tree.district_b, code="CS-B2")}
    for name, side in (("own", world.own), ("foreign", world.foreign)):
        letter = "A" if name == "own" else "B"
        district = side.district
        if not district.doc_symbol:
            district.doc_symbol = "LĐLĐ"
            district.save()

        def plan(summary, issuer=district):
            return document_services.create_draft(
                actor=clerk, issuer=issuer, doc_type=plan_type, summary=summary
            )

        common = dict(
            theme="Đoàn kết - sáng tạo - vượt khó",
            starts_on=TODAY - dt.timedelta(days=30),
            ends_on=TODAY + dt.timedelta(days=120),
            included_unit_types=[unit_type("grassroots")],
            content_items=[("Quán triệt Chỉ thị 35/CT-TTg", "")],
        )
        campaign = services.create_campaign(
            actor=clerk,
            organiser=district,
            name=f"Đợt thi đua riêng của huyện {letter}",
            launching_document=plan(f"Kế hoạch phát động của huyện {letter}"),
            **common,
        )
        side.campaign = services.launch_campaign(actor=clerk, campaign=campaign)
        side.draft_campaign = services.create_campaign(
            actor=clerk,
            organiser=district,
            name=f"Đợt thi đua dự thảo của huyện {letter}",
            launching_document=plan(f"Kế hoạch dự thảo của huyện {letter}"),
            **common,
        )
        criteria = services.create_criteria_set(actor=clerk, campaign=side.campaign, name="Tiêu chí")
        services.add_criterion(
            actor=clerk,
            criteria_set=criteria,
            code="1",
            name="Quán triệt",
            max_points=Decimal(40),
            evidence_required=True,
        )
        services.add_criterion(
            actor=clerk, criteria_set=criteria, code="2", name="Điển hình", max_points=Decimal(60)
        )
        side.criterion = criteria.criteria.get(code="2")
        first, other = side.grassroots, second[name]
        side.second = other
        side.registration = services.register(
            actor=clerk, campaign=side.campaign, unit=first, aimed_title="tap_the_lao_dong_xuat_sac"
        )
        side.session = services.record_session(
            actor=clerk,
            campaign=side.campaign,
            unit=first,
            held_on=TODAY,
            topic="Quán triệt Chỉ thị 35",
            workers=3,
        )
        for unit in (first, other):
            for criterion in criteria.criteria.all():
                evidence = (
                    [SimpleUploadedFile(f"bien-ban-{letter}.pdf", PDF)] if criterion.evidence_required else []
                )
                services.self_score(
                    actor=clerk,
                    campaign=side.campaign,
                    unit=unit,
                    criterion=criterion,
                    points=criterion.max_points - 5,
                    evidence=evidence,
                )
        services.submit_sheet(actor=clerk, campaign=side.campaign, unit=first)
        side.score = side.campaign.score_sheets.get(unit=first).scores.get(criterion__code="2")
        side.evidence = (
            side.campaign.score_sheets.get(unit=first).scores.get(criterion__code="1").evidence.get()
        )
        side.draft_score = side.campaign.score_sheets.get(unit=other).scores.get(criterion__code="1")
        side.cluster = services.create_cluster(
            actor=clerk,
            organiser=district,
            name=f"Cụm {letter}",
            year=side.campaign.year,
            units=[first, other],
            lead=first,
            scoring_mode=Cluster.ScoringMode.REVIEWER,
        )
        side.proposal = services.propose_cluster_flag(
            actor=clerk, cluster=side.cluster, campaign=side.campaign, unit=first, reason="Dẫn đầu cụm"
        )
        side.review_round = services.open_review_round(
            actor=clerk, campaign=side.campaign, kind=ReviewRound.Kind.INTERIM, period_end=TODAY
        )
        assert Criterion.objects.filter(criteria_set=criteria).count() == 2
    world.foreign.markers.append("Đợt thi đua riêng của huyện B")


def _campaign(side):
    return {"pk": side.campaign.pk}


def _unit(side):
    return {"pk": side.campaign.pk, "unit_pk": side.district.pk}


def _grassroots(side):
    return {"pk": side.campaign.pk, "unit_pk": side.grassroots.pk}


def _api(side):
    return {"campaign_id": side.campaign.pk}


ENTRIES = [
    # The campaign
    Page("campaigns:index", allow=ANY_USER, scoped=False, note="only campaigns of the user's scope"),
    Page("campaigns:campaign_create", allow=MANAGERS, scoped=False, note="needs a unit to organise for"),
    Page(
        "campaigns:campaign", kwargs=_campaign, allow=ANY_ROLE, note="redirects to the top of the user's part"
    ),
    Page("campaigns:campaign_edit", kwargs=_campaign, allow=MANAGERS),
    Page("campaigns:campaign_launch", kwargs=lambda s: {"pk": s.draft_campaign.pk}, allow=MANAGERS),
    Page(
        "campaigns:campaign_launch",
        kwargs=lambda s: {"pk": s.draft_campaign.pk},
        method="post",
        allow=MANAGERS,
    ),
    Page("campaigns:settings", kwargs=_campaign, allow=MANAGERS),
    Page("campaigns:unit_page", kwargs=_unit, allow=ANY_ROLE),
    # Criteria
    Page("campaigns:criteria", kwargs=_campaign, allow=ANY_ROLE),
    Page("campaigns:criteria_create", kwargs=_campaign, method="post", allow=MANAGERS),
    Page("campaigns:criteria_copy", kwargs=_campaign, method="post", allow=MANAGERS),
    Page("campaigns:criteria_settings", kwargs=_campaign, method="post", allow=MANAGERS),
    Page("campaigns:criteria_new_version", kwargs=_campaign, method="post", allow=MANAGERS),
    Page("campaigns:criterion_add", kwargs=_campaign, method="post", allow=MANAGERS),
    Page(
        "campaigns:criterion_edit",
        kwargs=lambda s: {"pk": s.campaign.pk, "criterion_pk": s.criterion.pk},
        allow=MANAGERS,
    ),
    Page(
        "campaigns:criterion_delete",
        kwargs=lambda s: {"pk": s.campaign.pk, "criterion_pk": s.criterion.pk},
        method="post",
        allow=MANAGERS,
        note="refused (frozen) but only after the permission check",
    ),
    # Registration
    Page("campaigns:registrations", kwargs=_unit, allow=ANY_ROLE),
    Page("campaigns:register_member", kwargs=_grassroots, allow=MANAGERS),
    Page(
        "campaigns:registration_detail",
        kwargs=lambda s: {"pk": s.campaign.pk, "registration_pk": s.registration.pk},
        allow=ANY_ROLE,
    ),
    # Dissemination
    Page("campaigns:reach", kwargs=_unit, allow=ANY_ROLE),
    Page(
        "campaigns:session_delete",
        kwargs=lambda s: {"pk": s.campaign.pk, "session_pk": s.session.pk},
        method="post",
        allow=MANAGERS,
    ),
    # Scoring
    Page("campaigns:scoring", kwargs=_grassroots, allow=ANY_ROLE),
    Page(
        "campaigns:score_self",
        kwargs=lambda s: {"pk": s.campaign.pk, "unit_pk": s.second.pk, "criterion_pk": s.criterion.pk},
        method="post",
        allow=MANAGERS,
        data=lambda w, s: {"points": "40"},
    ),
    Page(
        "campaigns:sheet_submit",
        kwargs=lambda s: {"pk": s.campaign.pk, "unit_pk": s.second.pk},
        method="post",
        allow=MANAGERS,
    ),
    Page(
        "campaigns:score_confirm",
        kwargs=lambda s: {"pk": s.campaign.pk, "score_pk": s.score.pk},
        method="post",
        allow=MANAGERS,
        note="the district's officers are the level above its grassroots unions",
    ),
    Page(
        "campaigns:score_peer",
        kwargs=lambda s: {"pk": s.campaign.pk, "score_pk": s.score.pk},
        method="post",
        allow=NOBODY,
        data=lambda w, s: {"points": "50"},
        note="only an officer of another member who is not over the scored unit; none in the matrix",
    ),
    Page(
        "campaigns:evidence_file",
        kwargs=lambda s: {"pk": s.campaign.pk, "evidence_pk": s.evidence.pk},
        allow=ANY_ROLE,
    ),
    # Clusters
    Page("campaigns:clusters", kwargs=_unit, allow=ANY_ROLE),
    Page("campaigns:cluster_create", kwargs=_campaign, allow=MANAGERS),
    Page(
        "campaigns:cluster_detail",
        kwargs=lambda s: {"pk": s.campaign.pk, "cluster_pk": s.cluster.pk},
        allow=ANY_ROLE,
    ),
    Page(
        "campaigns:cluster_roll_forward",
        kwargs=lambda s: {"pk": s.campaign.pk, "cluster_pk": s.cluster.pk},
        method="post",
        allow=MANAGERS,
    ),
    Page(
        "campaigns:flag_withdraw",
        kwargs=lambda s: {"pk": s.campaign.pk, "proposal_pk": s.proposal.pk},
        method="post",
        allow=MANAGERS,
    ),
    # Reviews
    Page("campaigns:reviews", kwargs=_unit, allow=ANY_ROLE),
    Page(
        "campaigns:review_docx",
        kwargs=lambda s: {"pk": s.campaign.pk, "round_pk": s.review_round.pk, "unit_pk": s.district.pk},
        allow=ANY_ROLE,
    ),
    # API
    Api("GET", "/api/v1/campaigns/movements", allow=ANY_USER, scoped=False),
    Api("GET", "/api/v1/campaigns/", allow=ANY_USER, scoped=False),
    Api(
        "POST",
        "/api/v1/campaigns/",
        allow=MANAGERS,
        body=lambda w, s: {
            "organiser_id": s.district.pk,
            "name": "Đợt thi đua qua API",
            "theme": "Thi đua",
            "starts_on": str(TODAY),
            "ends_on": str(TODAY + dt.timedelta(days=30)),
            "included_unit_types": ["grassroots"],
        },
    ),
    Api("GET", "/api/v1/campaigns/{campaign_id}", params=_api, allow=ANY_ROLE),
    Api(
        "POST",
        "/api/v1/campaigns/{campaign_id}/launch",
        params=lambda s: {"campaign_id": s.draft_campaign.pk},
        body=lambda w, s: {},
        allow=MANAGERS,
    ),
    Api("GET", "/api/v1/campaigns/{campaign_id}/progress", params=_api, allow=ANY_ROLE),
    Api("GET", "/api/v1/campaigns/{campaign_id}/reach/below-threshold", params=_api, allow=ANY_ROLE),
    Api("GET", "/api/v1/campaigns/{campaign_id}/criteria", params=_api, allow=ANY_ROLE),
    Api("GET", "/api/v1/campaigns/{campaign_id}/registrations", params=_api, allow=ANY_ROLE),
    Api(
        "POST",
        "/api/v1/campaigns/{campaign_id}/registrations",
        params=_api,
        allow=MANAGERS,
        body=lambda w, s: {"unit_id": s.second.pk, "aimed_title": "tap_the_lao_dong_tien_tien"},
    ),
    Api(
        "POST",
        "/api/v1/campaigns/{campaign_id}/registrations/{registration_id}/approve",
        params=lambda s: {"campaign_id": s.campaign.pk, "registration_id": s.registration.pk},
        body=lambda w, s: {},
        allow=MANAGERS,
    ),
    Api(
        "POST",
        "/api/v1/campaigns/{campaign_id}/registrations/{registration_id}/return",
        params=lambda s: {"campaign_id": s.campaign.pk, "registration_id": s.registration.pk},
        body=lambda w, s: {"comment": "Bổ sung chỉ tiêu"},
        allow=MANAGERS,
    ),
    Api("GET", "/api/v1/campaigns/{campaign_id}/sessions", params=_api, allow=ANY_ROLE),
    Api(
        "POST",
        "/api/v1/campaigns/{campaign_id}/sessions",
        params=_api,
        allow=MANAGERS,
        body=lambda w, s: {
            "unit_id": s.grassroots.pk,
            "held_on": str(TODAY),
            "topic": "Quán triệt",
            "workers": 2,
        },
    ),
    Api(
        "GET",
        "/api/v1/campaigns/{campaign_id}/sheets/{unit_id}",
        params=lambda s: {"campaign_id": s.campaign.pk, "unit_id": s.grassroots.pk},
        allow=ANY_ROLE,
    ),
    Api(
        "POST",
        "/api/v1/campaigns/{campaign_id}/scores",
        params=_api,
        allow=MANAGERS,
        body=lambda w, s: {"unit_id": s.second.pk, "criterion_id": s.criterion.pk, "points": 40},
    ),
    Api(
        "POST",
        "/api/v1/campaigns/{campaign_id}/scores/{score_id}/evidence",
        params=lambda s: {"campaign_id": s.campaign.pk, "score_id": s.draft_score.pk},
        allow=MANAGERS,
        body=lambda w, s: {"name": "them.pdf", "content_base64": base64.b64encode(PDF).decode()},
    ),
    Api(
        "POST",
        "/api/v1/campaigns/{campaign_id}/scores/{score_id}/evidence/upload",
        params=lambda s: {"campaign_id": s.campaign.pk, "score_id": s.draft_score.pk},
        allow=MANAGERS,
        body=lambda w, s: {"file": SimpleUploadedFile("them.pdf", PDF)},
        multipart=True,
    ),
    Api(
        "POST",
        "/api/v1/campaigns/{campaign_id}/sheets/{unit_id}/submit",
        params=lambda s: {"campaign_id": s.campaign.pk, "unit_id": s.second.pk},
        body=lambda w, s: {},
        allow=MANAGERS,
    ),
    Api(
        "POST",
        "/api/v1/campaigns/{campaign_id}/scores/{score_id}/confirm",
        params=lambda s: {"campaign_id": s.campaign.pk, "score_id": s.score.pk},
        body=lambda w, s: {},
        allow=MANAGERS,
    ),
    Api(
        "POST",
        "/api/v1/campaigns/{campaign_id}/scores/{score_id}/peer",
        params=lambda s: {"campaign_id": s.campaign.pk, "score_id": s.score.pk},
        body=lambda w, s: {"scorer_unit_id": s.second.pk, "points": 50},
        allow=NOBODY,
        note="nobody of the matrix acts for the other member without being over the scored unit",
    ),
    Api("GET", "/api/v1/campaigns/{campaign_id}/leaderboards", params=_api, allow=ANY_ROLE),
    Api(
        "GET",
        "/api/v1/campaigns/{campaign_id}/reviews/{round_id}/rollup",
        params=lambda s: {"campaign_id": s.campaign.pk, "round_id": s.review_round.pk},
        allow=ANY_ROLE,
    ),
    Api(
        "POST",
        "/api/v1/campaigns/{campaign_id}/reviews/{round_id}/reports",
        params=lambda s: {"campaign_id": s.campaign.pk, "round_id": s.review_round.pk},
        allow=MANAGERS,
        body=lambda w, s: {"unit_id": s.grassroots.pk, "values": {"meetings": 1}, "results": "Tốt"},
    ),
]
