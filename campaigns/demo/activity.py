"""What the units did in 2015: registrations, dissemination sessions, scores and the interim review."""

import datetime as dt
from collections import defaultdict
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db.models import Count

from campaigns import services
from campaigns.demo.seed import STARTS_ON, _at, _day
from campaigns.models import (
    AimedTitle,
    Cluster,
    Criterion,
    PeerScore,
    Registration,
    ReviewRound,
    Score,
    ScoreSheet,
)
from organisations.models import Member, Unit
from organisations.selectors import members_of_period

__all__ = []


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
    """Grassroots unions hold one to three sessions; most reach 85–100% of their members of 2015
    (those the campaign's reach divides by: a member who joined later was not there to reach; a
    few report more than they have), about one in six stays below the 80% threshold."""
    counts: dict[int, dict[str, int]] = defaultdict(dict)
    for unit_id, category, n in (
        members_of_period(campaign.starts_on, campaign.ends_on)
        .filter(unit__in=participants)
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
        due_on=None,  # opened while the demo replays 2015; its due date is set below
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
    ReviewRound.objects.filter(pk=review_round.pk).update(due_on=dt.date(2015, 12, 22))
