"""Reads of award decisions: a unit's own, and those that commend someone in scope."""

from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet

from accounts.permissions import visible_units
from awards.models import AgendaItem, AwardRecord, CertificateTemplate, CouncilSession, Decision, Nomination
from organisations.models import Unit

__all__ = [
    "certificate_templates",
    "decidable_nominations",
    "decision_detail",
    "replacing_decision",
    "visible_decisions",
]


def visible_decisions(user) -> QuerySet[Decision]:
    """Decisions of a unit in scope, and decisions that commend someone in scope (a district
    sees the province's decision on its own nominees)."""
    units = visible_units(user).values("pk")
    concerns_scope = Exists(
        AwardRecord.objects.filter(decision=OuterRef("pk")).filter(
            Q(member__unit__in=units) | Q(unit__in=units)
        )
    )
    return Decision.objects.filter(Q(deciding_unit__in=units) | concerns_scope)


def decision_detail(user, pk: int) -> Decision:
    return (
        visible_decisions(user)
        .select_related(
            "document",
            "deciding_unit__parent",
            "rule_set",
            "base_salary",
            "session",
            "replaces__document",
            "certificate_template",
        )
        .prefetch_related(
            Prefetch(
                "records",
                queryset=AwardRecord.objects.select_related("form", "member__unit", "unit").order_by("pk"),
            )
        )
        .get(pk=pk)
    )


def decidable_nominations(
    unit: Unit, *, session: CouncilSession | None = None, correcting: Decision | None = None
) -> QuerySet[Nomination]:
    """Nominations the unit's council approved that a decision may commend (of one session when
    given); a correcting decision may also keep those of the decision it corrects."""
    approved = Nomination.objects.filter(
        agenda_items__session__deciding_unit=unit,
        agenda_items__result=AgendaItem.Result.APPROVED,
        status=Nomination.Status.APPROVED,
    )
    if session is not None:
        approved = approved.filter(agenda_items__session=session)
    if correcting is not None:
        approved = Nomination.objects.filter(pk__in=approved.values("pk")) | Nomination.objects.filter(
            records__decision=correcting
        )
    return approved.select_related("form", "member", "unit").distinct()


def replacing_decision(decision: Decision) -> Decision | None:
    """The decision that corrected (replaced) this one, if any."""
    return Decision.objects.filter(replaces=decision).select_related("document").first()


def certificate_templates(unit: Unit) -> QuerySet[CertificateTemplate]:
    """The certificate layouts a unit uploaded."""
    return CertificateTemplate.objects.filter(unit=unit)
