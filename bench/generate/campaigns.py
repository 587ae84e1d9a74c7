"""A province-wide campaign at scale: launched by the province, every current grassroots union
taking part, each reporting one to three dissemination sessions (reach)."""

from __future__ import annotations

import datetime as dt
import itertools
import random

from django.db.models import Count

from campaigns.models import Campaign, DisseminationSession, Participant
from organisations.models import Member, Unit, UnitType

from .tables import Table, indexes_dropped, next_id


def generate_campaign_reach(province: Unit, _total: int, rng: random.Random, log) -> int:
    campaign = Campaign.objects.create(
        name="Phong trào thi đua “Lao động giỏi, lao động sáng tạo” năm 2025",
        kind=Campaign.Kind.SPECIAL,
        theme="Lao động giỏi, lao động sáng tạo",
        starts_on=dt.date(2025, 1, 1),
        ends_on=dt.date(2025, 12, 31),
        organiser=province,
        root_unit=province,
        status=Campaign.Status.LAUNCHED,
    )
    campaign.included_unit_types.set(UnitType.objects.filter(is_grassroots=True))
    units = list(
        Unit.objects.in_subtree(province)
        .filter(unit_type__is_grassroots=True, valid_to__isnull=True)
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    sizes = dict(
        Member.objects.filter(unit_id__in=units, status="active")
        .values_list("unit_id")
        .annotate(n=Count("pk"))
        .order_by()
    )
    participant_ids = itertools.count(next_id(Participant))
    session_ids = itertools.count(next_id(DisseminationSession))
    participants, sessions = [], []
    for unit_id in units:
        participants.append((next(participant_ids), campaign.pk, unit_id, dt.date(2025, 1, 15)))
        scope = sizes.get(unit_id, 0)
        for index in range(1 + rng.randrange(3)):
            reached = int(scope * rng.uniform(0.2, 0.6))
            officers = min(3, reached)
            sessions.append(
                (
                    next(session_ids),
                    campaign.pk,
                    unit_id,
                    dt.date(2025, 2 + index * 3, 10),
                    "meeting",
                    "Quán triệt kế hoạch phong trào thi đua năm 2025",
                    officers,
                    reached - officers,
                    0,
                    0,
                    0,
                )
            )
    Table(Participant, ["id", "campaign_id", "unit_id", "joined_on"]).write(participants)
    with indexes_dropped(DisseminationSession):
        Table(
            DisseminationSession,
            [
                "id",
                "campaign_id",
                "unit_id",
                "held_on",
                "form",
                "topic",
                "officers",
                "members",
                "civil_servants",
                "public_employees",
                "workers",
            ],
        ).write(sessions)
    log(f"    campaign {campaign.pk}: {len(participants)} participants, {len(sessions)} sessions")
    return len(participants)
