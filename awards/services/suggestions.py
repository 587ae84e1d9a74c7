"""Turning next-award suggestions into nominations of the proposing unit's batch in a round."""

from typing import NamedTuple

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from awards.models import AwardForm, Nomination, NominationRound
from awards.services.nominations import create_batch, nominate
from organisations.models import Member, Unit

__all__ = ["Pick", "nominate_suggested"]


class Pick(NamedTuple):
    """One suggestion chosen: the nominee, the form and the summary the dossier starts with."""

    name: str
    form: AwardForm
    achievement: str
    member: Member | None = None
    unit: Unit | None = None


@transaction.atomic
def nominate_suggested(*, actor, round_: NominationRound, unit: Unit, picks: list[Pick]) -> list[Nomination]:
    """Nominate every pick in the unit's batch of the round (made if it has none), each with every
    check of `nominate`; one refused pick writes nothing, and the message names it."""
    if not picks:
        raise ValidationError({"picks": _("Choose at least one suggestion.")})
    batch = create_batch(actor=actor, round_=round_, proposing_unit=unit)
    nominations = []
    for pick in picks:
        try:
            nominations.append(
                nominate(
                    actor=actor,
                    batch=batch,
                    form=pick.form,
                    member=pick.member,
                    unit=pick.unit,
                    achievement=pick.achievement,
                )
            )
        except ValidationError as exc:
            raise ValidationError(
                {
                    "picks": _("%(name)s — %(form)s: %(error)s")
                    % {"name": pick.name, "form": pick.form.name, "error": " ".join(exc.messages)}
                }
            ) from exc
    return nominations
