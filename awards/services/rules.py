"""Writes on the award rules (base salary, prize money entered by hand) and the rules in force
on a date."""

import datetime as dt
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts import permissions
from awards.models import AwardForm, BaseSalary, Confidence, NominationRound, RuleSet
from awards.services.common import _d
from core.text import normalize

__all__ = [
    "add_base_salary",
    "base_salary_on",
    "COEFFICIENT_LIMIT",
    "forms_for_round",
    "rule_set_on",
    "set_award_form_money",
]


@transaction.atomic
def add_base_salary(
    *, actor, effective_from: dt.date, amount: int, source: str, note: str = ""
) -> BaseSalary:
    """Add a base salary row. Rows are never edited: a later change is a new row."""
    if not permissions.can_manage_award_rules(actor):
        raise PermissionDenied(_("Only administrators change the base salary table."))
    if amount <= 0:
        raise ValidationError({"amount": _("The amount must be positive.")})
    if not normalize(source):
        raise ValidationError({"source": _("Cite the decree that sets this amount.")})
    if BaseSalary.objects.filter(effective_from=effective_from).exists():
        raise ValidationError(
            {
                "effective_from": _("A base salary from %(date)s already exists; rows are never edited.")
                % {"date": _d(effective_from)}
            }
        )
    return BaseSalary.objects.create(
        effective_from=effective_from, amount=amount, source=normalize(source), note=note
    )


COEFFICIENT_LIMIT = Decimal("1000")


def set_award_form_money(
    *,
    actor,
    form: AwardForm,
    coefficient_individual: Decimal | None,
    coefficient_collective: Decimal | None,
    source: str,
    verified: bool = False,
) -> AwardForm:
    """Enter a form's prize money from the regulation in hand (a union regulation the seeded data
    could not read, or a new decree). The change is kept in the form's history with the acting
    user; decisions already issued keep the amounts they stated (a correcting decision applies
    the new ones); reloading the seeded rules keeps what was entered here."""
    if not permissions.can_manage_award_rules(actor):
        raise PermissionDenied(_("Only administrators change the award rules."))
    errors = {}
    for field, value, allowed in (
        ("coefficient_individual", coefficient_individual, form.for_individuals),
        ("coefficient_collective", coefficient_collective, form.for_collectives),
    ):
        if value is None:
            continue
        if not allowed:
            errors[field] = _("%(form)s is not given to this kind of recipient: leave the field empty.") % {
                "form": form.name
            }
        elif value < 0 or value > COEFFICIENT_LIMIT:
            errors[field] = _("Enter a multiple of the base salary between 0 and %(limit)s.") % {
                "limit": COEFFICIENT_LIMIT
            }
    source = normalize(source)
    if not source:
        errors["source"] = _("Cite the regulation and article that set this prize money.")
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        form = AwardForm.objects.select_for_update().get(pk=form.pk)
        form.coefficient_individual = coefficient_individual if form.for_individuals else None
        form.coefficient_collective = coefficient_collective if form.for_collectives else None
        form.source = source
        form.verified = bool(verified)
        # the seeded citation was of the seeded amount: the administrator's source cites the new one
        form.money_legal_text, form.money_point, form.collective_money_point = "", "", ""
        form.money_article = form.money_clause = None
        form.collective_money_article = form.collective_money_clause = None
        form.money_effective_from = form.money_effective_to = None
        form.money_confidence = form.collective_money_confidence = Confidence.NOT_READ
        form.money_entered_by = actor
        form.money_entered_at = timezone.now()
        form._history_user = actor
        form._change_reason = _("Prize money entered by an administrator")
        form.save()
    return form


def rule_set_on(date: dt.date) -> RuleSet:
    rule_set = RuleSet.objects.in_force(date).order_by("-valid_from").first()
    if rule_set is None:
        raise ValidationError(
            {"decided_on": _("No award rule set is in force on %(date)s.") % {"date": _d(date)}}
        )
    return rule_set


def base_salary_on(date: dt.date) -> BaseSalary:
    salary = BaseSalary.on(date)
    if salary is None:
        raise ValidationError(
            {
                "decided_on": _(
                    "No base salary is recorded for %(date)s: add the base salary in force on "
                    "that date before issuing the decision."
                )
                % {"date": _d(date)}
            }
        )
    return salary


def forms_for_round(round_: NominationRound):
    """The forms a round nominates for (yearly gradings are recorded, not nominated)."""
    return round_.rule_set.forms.exclude(kind=AwardForm.Kind.GRADING)
