"""Prize money: coefficient × the base salary in force on the decision date, rounded as the
rule set says (Nghị định 91/2017/NĐ-CP, Điều 68 khoản 2: "làm tròn số lên hàng chục ngàn đồng")."""

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


def prize_amount(coefficient: Decimal | None, base_salary: int, rule_set: RuleSet) -> int | None:
    """None when the form carries no money (or its coefficient is not confirmed in the data)."""
    if coefficient is None:
        return None
    return round_amount(
        Decimal(coefficient) * Decimal(base_salary), rule_set.rounding_to, rule_set.rounding_mode
    )
