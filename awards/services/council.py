"""The council: convening a session, presence, votes and closing with the count."""

import datetime as dt

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from accounts import permissions
from awards.models import (
    AgendaItem,
    AwardForm,
    Ballot,
    BallotCast,
    CouncilMember,
    CouncilSession,
    Nomination,
    NominationBatch,
    NominationRound,
)
from awards.services.consultation import consultation_blockers
from core.notifications import notify
from core.refusals import Refusal, refuse
from core.text import normalize
from organisations.models import Unit

__all__ = [
    "cast_vote",
    "close_session",
    "DEFAULT_VOTE",
    "open_session",
    "set_presence",
    "tally",
    "vote_refusal",
    "vote_rule",
]


DEFAULT_VOTE = {
    "threshold_percent": 50,
    "of": "present",
    "secret_ballot": False,
    "strict": True,
    "source": "Quá bán số thành viên có mặt (mặc định khi quy tắc không quy định)",
}


def vote_rule(form: AwardForm) -> dict:
    rule = dict(DEFAULT_VOTE)
    if form.vote and form.vote.get("threshold_percent") is not None:
        rule = {"strict": False, **form.vote}
    return rule


@transaction.atomic
def open_session(
    *,
    actor,
    deciding_unit: Unit,
    title: str,
    held_on: dt.date,
    members: list,
    nominations: list[Nomination],
    round_: NominationRound | None = None,
    place: str = "",
    chair=None,
) -> CouncilSession:
    if not permissions.can_manage_awards(actor, deciding_unit):
        raise PermissionDenied(_("You may only convene the council of a unit in your scope."))
    if not members:
        raise ValidationError({"members": _("Choose the council members.")})
    outsiders = [str(u) for u in members if not permissions.can_sit_on_council(u, deciding_unit)]
    if outsiders:
        raise ValidationError(
            {
                "members": _("Not members of the council of %(unit)s: %(names)s.")
                % {"unit": deciding_unit.name, "names": ", ".join(outsiders)}
            }
        )
    if not nominations:
        raise ValidationError({"nominations": _("Put at least one nomination on the agenda.")})
    fresh = Nomination.objects.select_related("batch__round", "form").in_bulk([n.pk for n in nominations])
    nominations = [fresh[n.pk] for n in nominations]
    for nomination in nominations:
        batch = nomination.batch
        if (
            batch.status != NominationBatch.Status.AT_COUNCIL
            or batch.round.deciding_unit_id != deciding_unit.pk
            or nomination.status != Nomination.Status.PROPOSED
        ):
            raise ValidationError(
                {
                    "nominations": _("%(nomination)s has not been sent to this council.")
                    % {"nomination": nomination}
                }
            )
    blockers = consultation_blockers(nominations, held_on)
    if blockers:
        raise ValidationError({"held_on": blockers})
    session = CouncilSession.objects.create(
        deciding_unit=deciding_unit,
        round=round_,
        title=normalize(title),
        held_on=held_on,
        place=normalize(place),
        chair=chair,
        created_by=actor,
    )
    CouncilMember.objects.bulk_create(
        [CouncilMember(session=session, user=u) for u in {u.pk: u for u in members}.values()]
    )
    items = []
    for order, nomination in enumerate(nominations, start=1):
        rule = vote_rule(nomination.form)
        items.append(
            AgendaItem(
                session=session,
                nomination=nomination,
                order=order,
                secret_ballot=bool(rule.get("secret_ballot")),
                threshold_percent=rule["threshold_percent"],
                threshold_strict=bool(rule.get("strict")),
                threshold_of=rule.get("of", AgendaItem.Base.PRESENT),
                vote_source=rule.get("source", ""),
            )
        )
    AgendaItem.objects.bulk_create(items)
    notify(
        members,
        ngettext(
            "You are convened to “%(title)s” of the council of %(unit)s on %(date)s: "
            "%(count)d nomination to vote on.",
            "You are convened to “%(title)s” of the council of %(unit)s on %(date)s: "
            "%(count)d nominations to vote on.",
            len(items),
        )
        % {
            "title": session.title,
            "unit": deciding_unit.name,
            "date": held_on.strftime("%d/%m/%Y"),
            "count": len(items),
        },
        reverse("awards:session_detail", args=[session.pk]),
    )
    return session


@transaction.atomic
def set_presence(*, actor, session: CouncilSession, user, present: bool) -> None:
    if not permissions.can_manage_awards(actor, session.deciding_unit):
        raise PermissionDenied
    if not session.is_open:
        raise ValidationError(_("The session is closed."))
    CouncilMember.objects.filter(session=session, user=user).update(present=present)


def vote_refusal(session: CouncilSession) -> Refusal | None:
    """Why the session takes no vote now, or None: a closed session takes none. The session page
    shows it to its members when it opens; `cast_vote` raises it."""
    if session.is_open:
        return None
    closed = timezone.localtime(session.closed_at).strftime("%d/%m/%Y %H:%M") if session.closed_at else "—"
    return Refusal(
        _("The session was closed on %(date)s: votes are no longer accepted.") % {"date": closed},
        next_step=_("The counted results are below; %(unit)s issues the decision.")
        % {"unit": session.deciding_unit.display_name},
    )


@transaction.atomic
def cast_vote(*, actor, item: AgendaItem, choice: str) -> None:
    """One vote per member and item. The session row is locked so a vote and the closing of the
    session cannot cross; ballots are separate rows, so members voting at once lose nothing."""
    session = CouncilSession.objects.select_for_update(of=("self",)).get(pk=item.session_id)
    refuse(vote_refusal(session))
    if not permissions.can_vote(actor, session):
        raise PermissionDenied(_("Only the members of this council session vote."))
    if choice not in Ballot.Choice.values:
        raise ValidationError({"choice": _("Choose agree, disagree or abstain.")})
    try:
        with transaction.atomic():
            BallotCast.objects.create(item=item, voter=actor)
    except IntegrityError as exc:
        raise ValidationError(_("You have already voted on this nomination.")) from exc
    Ballot.objects.create(item=item, voter=None if item.secret_ballot else actor, choice=choice)


def tally(item: AgendaItem, *, members: int, present: int) -> tuple[int, int, int, int, str]:
    """(yes, no, abstain, base, result) of an item against its threshold."""
    counts = {c: 0 for c in Ballot.Choice.values}
    for choice in item.ballots.values_list("choice", flat=True):
        counts[choice] += 1
    base = members if item.threshold_of == AgendaItem.Base.MEMBERS else present
    yes = counts[Ballot.Choice.YES]
    share = 100 * yes / base if base else 0
    threshold = float(item.threshold_percent)
    approved = share > threshold if item.threshold_strict else share >= threshold
    result = AgendaItem.Result.APPROVED if approved and yes else AgendaItem.Result.REJECTED
    return yes, counts[Ballot.Choice.NO], counts[Ballot.Choice.ABSTAIN], base, result


@transaction.atomic
def close_session(*, actor, session: CouncilSession) -> CouncilSession:
    session = CouncilSession.objects.select_for_update(of=("self",)).get(pk=session.pk)
    if not permissions.can_manage_awards(actor, session.deciding_unit):
        raise PermissionDenied
    if not session.is_open:
        raise ValidationError(_("The session is already closed."))
    members = session.memberships.count()
    present = session.memberships.filter(present=True).count()
    for item in session.items.select_related("nomination"):
        item.yes, item.no, item.abstain, item.base_count, item.result = tally(
            item, members=members, present=present
        )
        item.save(update_fields=["yes", "no", "abstain", "base_count", "result"])
        nomination = item.nomination
        nomination.status = (
            Nomination.Status.APPROVED
            if item.result == AgendaItem.Result.APPROVED
            else Nomination.Status.REJECTED
        )
        nomination.save(update_fields=["status"])
    session.status = CouncilSession.Status.CLOSED
    session.closed_at = timezone.now()
    session.save(update_fields=["status", "closed_at"])
    return session
