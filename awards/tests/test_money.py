"""Prize money = coefficient × base salary in force on the decision date, rounded as the rule says."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from awards import services
from awards.models import BaseSalary, RuleSet
from awards.money import coefficient_for, prize_amount, round_amount
from awards.tests.conftest import BK_TINH, CSTD_CS, LDTT, TTLDXS

TO_THOUSAND = RuleSet(rounding_to=1000, rounding_mode="up")


@pytest.mark.parametrize(
    "coefficient,base,expected",
    [
        # Sở Nội vụ Nam Định (docs/award-rules.md): "Chiến sĩ thi đua cơ sở = 1.0 × 1,800,000 = 1,800,000 VND"
        ("1.0", 1_800_000, 1_800_000),
        # Lao động tiên tiến 0.3 × 1,490,000 = 447,000
        ("0.3", 1_490_000, 447_000),
        ("3.0", 2_340_000, 7_020_000),
        ("0.3", 1_150_000, 345_000),
    ],
)
def test_amount_is_coefficient_times_base_salary(coefficient, base, expected):
    assert prize_amount(Decimal(coefficient), base, TO_THOUSAND) == expected


def test_rounding_up_to_the_ten_thousand_as_decree_91_says():
    """Nghị định 91/2017/NĐ-CP, Điều 68 khoản 2: 'Tiền thưởng sau khi nhân với hệ số mức lương cơ sở được làm
    tròn số lên hàng chục ngàn đồng tiền Việt Nam.' 0,3 × 1.490.000 = 447.000 → 450.000."""
    assert round_amount(Decimal("447000"), 10_000, "up") == 450_000
    assert round_amount(Decimal("440000"), 10_000, "up") == 440_000
    assert round_amount(Decimal("447000"), 10_000, "nearest") == 450_000
    assert round_amount(Decimal("443000"), 10_000, "nearest") == 440_000


def test_collective_uses_its_own_coefficient(rules):
    """Nghị định 91/2017/NĐ-CP, Điều 73: Bằng khen 1,0; 'Đối với tập thể, mức thưởng gấp hai lần mức thưởng đối
    với cá nhân' (2,0 × 1.490.000 = 2.980.000)."""
    form = rules.forms[BK_TINH]
    assert prize_amount(coefficient_for(form, collective=True), 1_490_000, rules.old) == 2_980_000
    assert prize_amount(coefficient_for(form, collective=False), 1_490_000, rules.old) == 1_490_000
    # Tập thể lao động xuất sắc 1,5 × 1.150.000 = 1.725.000 → 1.730.000 (rounded up to the ten thousand)
    assert (
        prize_amount(coefficient_for(rules.forms[TTLDXS], collective=True), 1_150_000, rules.old) == 1_730_000
    )


def test_a_form_without_coefficient_carries_no_money(rules):
    assert prize_amount(None, 1_800_000, rules.old) is None


@pytest.mark.parametrize(
    "date,amount",
    [
        (dt.date(2015, 12, 20), 1_150_000),
        (dt.date(2019, 6, 30), 1_150_000),
        (dt.date(2019, 7, 1), 1_490_000),
        (dt.date(2023, 12, 31), 1_800_000),
        (dt.date(2024, 7, 1), 2_340_000),
    ],
)
def test_base_salary_in_force_on_the_decision_date(rules, date, amount):
    assert services.base_salary_on(date).amount == amount


def test_a_missing_base_salary_is_a_clear_error(rules):
    with pytest.raises(ValidationError) as error:
        services.base_salary_on(dt.date(2012, 1, 1))
    assert "01/01/2012" in str(error.value)


def test_base_salary_rows_are_never_edited(rules, admin_user):
    row = BaseSalary.objects.get(effective_from=dt.date(2019, 7, 1))
    row.amount = 1_600_000
    with pytest.raises(ValidationError):
        row.save()
    with pytest.raises(ValidationError):
        services.add_base_salary(
            actor=admin_user, effective_from=dt.date(2019, 7, 1), amount=1_600_000, source="x"
        )
    added = services.add_base_salary(
        actor=admin_user, effective_from=dt.date(2026, 7, 1), amount=2_530_000, source="Nghị định (kiểm thử)"
    )
    assert services.base_salary_on(dt.date(2026, 8, 1)) == added
    assert BaseSalary.objects.get(effective_from=dt.date(2019, 7, 1)).amount == 1_490_000


def test_hand_computed_amounts_for_several_periods(rules):
    """CSTD cơ sở 1,0 and LĐTT 0,3 under each base salary, rounded up to 10.000 đ."""
    cases = [
        (dt.date(2015, 12, 1), CSTD_CS, 1_150_000),
        (dt.date(2015, 12, 1), LDTT, 350_000),
        (dt.date(2020, 1, 10), LDTT, 450_000),
        (dt.date(2023, 7, 1), CSTD_CS, 1_800_000),
        (dt.date(2023, 7, 1), LDTT, 540_000),
    ]
    for date, code, expected in cases:
        salary = services.base_salary_on(date)
        rule_set = services.rule_set_on(date)
        assert prize_amount(rules.forms[code].coefficient_individual, salary.amount, rule_set) == expected, (
            date,
            code,
        )
