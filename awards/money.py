"""Prize money: coefficient × the base salary in force on the decision date, rounded as the
rule set says (Nghị định 91/2017/NĐ-CP, Điều 68 khoản 2: "làm tròn số lên hàng chục ngàn đồng")."""

from dataclasses import dataclass
from decimal import ROUND_CEILING, ROUND_HALF_UP, Decimal

from awards.models import AwardForm, RuleSet


def round_amount(raw: Decimal, to: int, mode: str) -> int:
    step = Decimal(max(int(to), 1))
    rounding = ROUND_CEILING if mode == RuleSet.RoundingMode.UP else ROUND_HALF_UP
    return int((raw / step).quantize(Decimal(1), rounding=rounding) * step)


def coefficient_for(form: AwardForm, *, collective: bool) -> Decimal | None:
    """The form's coefficient for this kind of recipient. A collective's coefficient is given by
    the rule data as its own number (already the multiple of the individual's)."""
    return form.coefficient_collective if collective else form.coefficient_individual


def amount_unknown(form: AwardForm, *, collective: bool) -> bool:
    """No coefficient although the form may carry money: missing from the rules (an administrator
    enters it), as opposed to a form the rules confirm carries none."""
    if coefficient_for(form, collective=collective) is not None:
        return False
    other = form.coefficient_individual if collective else form.coefficient_collective
    return other is not None or not form.verified


@dataclass
class MissingMoney:
    """A form whose prize money is unknown, and the nominees of a decision it leaves without an amount."""

    form: AwardForm
    nominees: list[str]


def missing_prize_money(nominations, forms: dict[str, AwardForm]) -> list[MissingMoney]:
    """The nominations (with `form_code`, `unit_id`, `nominee_name`) whose prize money the forms of the
    rules in force do not give, grouped by form."""
    missing: dict[str, MissingMoney] = {}
    for nomination in nominations:
        form = forms.get(nomination.form_code)
        if form is not None and amount_unknown(form, collective=nomination.unit_id is not None):
            missing.setdefault(form.code, MissingMoney(form, [])).nominees.append(nomination.nominee_name)
    return list(missing.values())


def prize_amount(coefficient: Decimal | None, base_salary: int, rule_set: RuleSet) -> int | None:
    """None when the form carries no money (or its coefficient is not confirmed in the data)."""
    if coefficient is None:
        return None
    return round_amount(
        Decimal(coefficient) * Decimal(base_salary), rule_set.rounding_to, rule_set.rounding_mode
    )
