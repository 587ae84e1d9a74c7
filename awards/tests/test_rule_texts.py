"""The cases quoted from the rules' own texts (``QUOTED_CASES`` of each module of ``awards/rule_texts/``):
a nominee matching the quote passes every prerequisite, one that misses it is refused; and the quote is
the form's own text, under the article it names."""

import re
from types import SimpleNamespace

import pytest

from awards import eligibility, rule_texts
from awards.eligibility import FAILED, Declared
from awards.models import AwardForm
from awards.rules import load_award_rules
from awards.tests.conftest import record
from organisations.testing import MemberFactory, make_unit

CASES = [
    pytest.param(case, rule_set, id=f"{rule_set}-{case['form']}")
    for case in rule_texts.QUOTED_CASES
    for rule_set in case["rule_sets"]
]


def _form_data(rule_set: str, code: str) -> dict:
    (found,) = [f for f in rule_texts.AWARD_FORMS if f["rule_set"] == rule_set and f["code"] == code]
    return found


def _load(rule_set: str) -> None:
    """Only the rule set under test: a quarter of the rows, a quarter of the time."""
    load_award_rules(
        SimpleNamespace(
            RULE_SETS=[r for r in rule_texts.RULE_SETS if r["code"] == rule_set],
            AWARD_FORMS=[f for f in rule_texts.AWARD_FORMS if f["rule_set"] == rule_set],
            BASE_SALARY_PERIODS=[],
            ROUNDING=rule_texts.ROUNDING,
        )
    )


def _prerequisites(
    unit, case, rule_set: str, *, history, declared, collective=None
) -> list[eligibility.Check]:
    def form(code: str) -> AwardForm:
        return AwardForm.objects.get(rule_set__code=rule_set, code=code)

    nominee: dict = {}
    if collective is None:
        nominee["member"] = MemberFactory(unit=unit, full_name="Lục Thị Hoa")
    else:
        # a collective of its own, with its members and the titles they hold in the year
        nominee["unit"] = make_unit("grassroots", unit.parent, name="CĐCS Trường Tiểu học Hoà An")
        members = MemberFactory.create_batch(collective["members"], unit=nominee["unit"])
        for code, count in collective["holding"].items():
            for member in members[:count]:
                record(form(code), case["year"], member=member)
    for code, year in history:
        record(form(code), year, **nominee)
    checks = eligibility.evaluate(form(case["form"]), case["year"], declared=Declared(**declared), **nominee)
    return [c for c in checks if c.code.startswith("prerequisite")]


@pytest.mark.parametrize(("case", "rule_set"), CASES)
def test_the_quote_is_the_forms_own_text_under_its_article(case, rule_set):
    form = _form_data(rule_set, case["form"])
    text = form["criteria_text"] + " " + form["source"]
    for fragment in case["quote"].split("..."):
        assert fragment.strip(" ;,") in form["criteria_text"], fragment
    for number in re.findall(r"\d+", case["article"]):
        assert re.search(rf"\b{number}\b", text), (case["article"], number)


@pytest.mark.django_db
@pytest.mark.parametrize(("case", "rule_set"), CASES)
def test_matching_the_quote_is_accepted_and_missing_it_is_refused(tree, case, rule_set):
    _load(rule_set)
    matching = _prerequisites(
        tree.grassroots_a1,
        case,
        rule_set,
        history=case["history"],
        declared=case["declared"],
        collective=case.get("collective"),
    )
    assert matching, "the form has prerequisites the engine checks"
    assert [c.reason for c in matching if c.status == FAILED] == []

    missing = case["missing"]
    refused = _prerequisites(
        tree.grassroots_a1,
        case,
        rule_set,
        history=missing.get("history", case["history"]),
        declared={**case["declared"], **missing.get("declared", {})},
        collective=missing.get("collective", case.get("collective")),
    )
    assert [c for c in refused if c.status == FAILED], [(c.label, c.status, c.reason) for c in refused]


def test_collective_titles_and_forms_have_quoted_cases():
    """Tập thể lao động tiên tiến / xuất sắc, a flag and a Bằng khen, each for a collective nominee."""
    collective = {case["form"] for case in rule_texts.QUOTED_CASES if "collective" in case}
    assert {rule_texts.TTLDTT, rule_texts.TTLDXS, rule_texts.BK_TINH} <= collective
    assert collective & {rule_texts.CO_CP, rule_texts.CO_TINH, rule_texts.CO_LDLD, rule_texts.CO_TLD}


def test_every_law_and_regulation_read_has_quoted_cases():
    for module in (
        rule_texts.luat_2003,
        rule_texts.luat_2022,
        rule_texts.tld_1564_2014,
        rule_texts.tld_1689_2019,
    ):
        assert module.QUOTED_CASES, module.__name__
        assert all(case in rule_texts.QUOTED_CASES for case in module.QUOTED_CASES)
