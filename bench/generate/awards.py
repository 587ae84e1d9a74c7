"""Nominations at scale: a round a year decided by the province, a batch from each of a
sample of grassroots unions, and their members nominated for the individual forms of the
rules in force (each member once per form and year, as the database requires)."""

from __future__ import annotations

import datetime as dt
import itertools
import random

from awards.models import AwardForm, Nomination, NominationBatch, NominationRound, RuleSet
from organisations.models import Member, Unit

from .tables import Table, indexes_dropped, next_id

ACHIEVEMENTS = [
    "Hoàn thành xuất sắc nhiệm vụ được giao; tích cực tham gia phong trào thi đua “Lao động giỏi, lao động sáng tạo”.",
    "Có sáng kiến cải tiến kỹ thuật được Hội đồng sáng kiến cấp cơ sở công nhận, làm lợi cho đơn vị.",
    "Nhiều năm liền đạt danh hiệu Lao động tiên tiến; gương mẫu trong công tác Công đoàn.",
    "Tích cực vận động đoàn viên tham gia Tháng Công nhân, Mái ấm Công đoàn và các hoạt động xã hội.",
]
BATCHES_PER_ROUND = 400


def generate_nominations(province: Unit, total: int, rng: random.Random, log) -> int:
    if total <= 0:
        return 0
    if not RuleSet.objects.exists():
        from awards.rules import load_award_rules  # what `manage.py load_award_rules` does

        load_award_rules()
    rule_set = RuleSet.objects.order_by("-pk").first()
    forms = list(
        AwardForm.objects.filter(rule_set=rule_set, recipient__in=["individual", "both"])
        .order_by("pk")
        .values_list("pk", "code")
    )
    if not forms:
        raise LookupError("the rule set has no individual award forms")
    years = list(range(2016, 2026))
    round_ids = itertools.count(next_id(NominationRound))
    batch_ids = itertools.count(next_id(NominationBatch))
    nomination_ids = itertools.count(next_id(Nomination))
    units = list(
        Unit.objects.in_subtree(province)
        .filter(unit_type__is_grassroots=True, valid_to__isnull=True)
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    per_batch = max(1, total // (len(years) * min(BATCHES_PER_ROUND, len(units))))
    members_of: dict[int, list[int]] = {}
    wanted_units = set()
    plans = []
    for year in years:
        plans.append((year, rng.sample(units, min(BATCHES_PER_ROUND, len(units)))))
        wanted_units.update(plans[-1][1])
    for unit_id, member_id in (
        Member.objects.filter(unit_id__in=wanted_units, status="active")
        .order_by("unit_id", "pk")
        .values_list("unit_id", "pk")
        .iterator(chunk_size=20000)
    ):
        members_of.setdefault(unit_id, []).append(member_id)
    rounds, batches, nominations = [], [], []
    made = 0
    for year, batch_units in plans:
        round_id = next(round_ids)
        rounds.append(
            (
                round_id,
                province.pk,
                f"Xét khen thưởng năm {year}",
                year,
                dt.date(year, 11, 30),
                rule_set.pk,
                year == years[-1],
            )
        )
        for unit_id in batch_units:
            if made >= total:
                break
            batch_id = next(batch_ids)
            decided = year < years[-1]
            batches.append(
                (
                    batch_id,
                    round_id,
                    unit_id,
                    province.pk,
                    "decided" if decided else "submitted",
                    f"Hồ sơ đề nghị khen thưởng năm {year}",
                )
            )
            people = members_of.get(unit_id, [])
            for order, member_id in enumerate(rng.sample(people, min(per_batch, len(people)))):
                form_id, form_code = forms[rng.randrange(len(forms))]
                status = ("awarded" if rng.random() < 0.8 else "rejected") if decided else "proposed"
                nominations.append(
                    (
                        next(nomination_ids),
                        batch_id,
                        form_id,
                        form_code,
                        year,
                        member_id,
                        ACHIEVEMENTS[rng.randrange(len(ACHIEVEMENTS))],
                        "excellent",
                        status,
                        order,
                    )
                )
                made += 1
    Table(
        NominationRound, ["id", "deciding_unit_id", "title", "year", "deadline", "rule_set_id", "is_open"]
    ).write(rounds)
    Table(NominationBatch, ["id", "round_id", "proposing_unit_id", "at_unit_id", "status", "title"]).write(
        batches
    )
    with indexes_dropped(Nomination):
        Table(
            Nomination,
            [
                "id",
                "batch_id",
                "form_id",
                "form_code",
                "year",
                "member_id",
                "achievement",
                "task_grade",
                "status",
                "sort_order",
            ],
        ).write(nominations)
    log(f"    nominations: +{len(nominations)} in {len(batches)} batches, {len(rounds)} rounds")
    return len(nominations)
