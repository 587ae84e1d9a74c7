"""Loading the seeded rules (awards/rule_texts.py) into the models."""

import datetime as dt
from types import SimpleNamespace

import pytest

from awards import rule_texts, services
from awards.models import AwardForm, BaseSalary, RuleSet
from awards.rules import load_award_rules


@pytest.mark.django_db
def test_the_seeded_rules_load_and_reload_without_change():
    report = load_award_rules()
    assert report.rule_sets == len(rule_texts.RULE_SETS) and report.forms == len(rule_texts.AWARD_FORMS)
    assert BaseSalary.objects.count() == len(rule_texts.BASE_SALARY_PERIODS)
    again = load_award_rules()
    assert again.salaries_added == 0 and not again.conflicts
    assert AwardForm.objects.count() == len(rule_texts.AWARD_FORMS)


@pytest.mark.django_db
def test_a_decision_in_2015_uses_the_rules_and_base_salary_in_force_then():
    """The 2015 campaign was commended under the rules before 2024, at 1.150.000 đ."""
    load_award_rules()
    rule_set = services.rule_set_on(dt.date(2015, 12, 20))
    assert rule_set.valid_from <= dt.date(2015, 12, 20) <= rule_set.valid_to
    assert services.base_salary_on(dt.date(2015, 12, 20)).amount == 1_150_000
    assert services.base_salary_on(dt.date(2024, 7, 1)).amount == 2_340_000
    form = rule_set.forms.get(code="chien-si-thi-dua-co-so")
    assert form.coefficient_individual == 1 and form.quota["max_percent"] == 15


@pytest.mark.django_db
def test_a_changed_base_salary_in_the_data_is_reported_never_written():
    load_award_rules()
    changed = [
        {**row, "amount_vnd": row["amount_vnd"] + 1} if row["effective_from"] == "2019-07-01" else row
        for row in rule_texts.BASE_SALARY_PERIODS
    ]
    module = SimpleNamespace(
        RULE_SETS=rule_texts.RULE_SETS,
        AWARD_FORMS=rule_texts.AWARD_FORMS,
        BASE_SALARY_PERIODS=changed,
        ROUNDING=rule_texts.ROUNDING,
    )
    report = load_award_rules(module)
    assert len(report.conflicts) == 1 and "01/07/2019" in report.conflicts[0]
    assert BaseSalary.objects.get(effective_from=dt.date(2019, 7, 1)).amount == 1_490_000
    assert RuleSet.objects.count() == len(rule_texts.RULE_SETS)
