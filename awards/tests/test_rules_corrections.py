"""`load_award_rules` loads the same rows as before issue 16, except the corrections made on purpose,
each listed here (docs/award-rules.md, "Corrections of issue 16"). The data before is a snapshot of
`awards/rules_data.py` (now `awards/rule_texts/`) as it was (awards/tests/data/rules_before_issue16.json)."""

import json
from pathlib import Path
from types import SimpleNamespace

import pytest

from awards import rule_texts
from awards.models import AwardForm, BaseSalary, RuleSet
from awards.rules import load_award_rules

BEFORE = Path(__file__).parent / "data" / "rules_before_issue16.json"
TEXTS = {
    "source",
    "note",
    "criteria_text",
}  # wording that cites the article read, the confidence, what to check
CSTD_TQ = "chien-si-thi-dua-toan-quoc"

# (rule set, form) -> the fields corrected on purpose, beyond the texts
CORRECTED_FORMS = {
    # "hai lần liên tục" of a title awarded for a three-year cycle (cycle_years: 3)
    **{(rs, CSTD_TQ): {"prerequisites"} for rs in ("ND42-2010", "ND91-2017", "ND98-2023", "ND152-2025")},
    # Điều 27 "Có cá nhân đạt danh hiệu 'Chiến sĩ thi đua cơ sở'": checked by the engine, not by hand
    **{
        (rs, "tap-the-lao-dong-xuat-sac"): {"prerequisites"} for rs in ("ND42-2010", "ND91-2017", "ND98-2023")
    },
    ("ND152-2025", "tap-the-lao-dong-xuat-sac"): {"prerequisites", "verified"},
    # the 15% quota: from 15/10/2014, rounded down, at least 1 where anyone holds Lao động tiên tiến
    ("ND42-2010", "chien-si-thi-dua-co-so"): {"quota"},
    # NĐ 152/2025 Điều 50 (flag 8.0; titles cited to their article, S)
    ("ND152-2025", "co-thi-dua-cap-tinh"): {"coefficient_collective", "verified"},
    ("ND152-2025", "co-thi-dua-tong-lien-doan"): {"coefficient_collective", "verified"},
    **{
        ("ND152-2025", code): {"verified"}
        for code in (
            "lao-dong-tien-tien",
            "chien-si-thi-dua-co-so",
            "co-thi-dua-chinh-phu",
        )
    },
    # NĐ 98/2023 Điều 55 khoản 2: orders for collectives twice the individual's
    ("ND98-2023", "huan-chuong-lao-dong-hang-ba"): {"coefficient_collective", "verified"},
    ("ND98-2023", "huan-chuong-sao-vang"): {"coefficient_collective", "verified"},
    # conflicting readings left unset: NĐ 152/2025 Điều 54 k1 a (3.5 or 3?) and k1 d (cap 0.6 or 1.0?)
    ("ND152-2025", "bang-khen-thu-tuong"): {"coefficient_individual"},
    ("ND152-2025", "ky-niem-chuong-cong-doan"): {"coefficient_individual", "coefficient_is_cap"},
}
ADDED_FORMS = {
    ("ND98-2023", "giay-khen-chu-tich-ubnd-cap-xa"),
    ("ND152-2025", "giay-khen-chu-tich-ubnd-cap-xa"),
}
COMPARED = ("name", "kind", "recipient", "level", "decided_here", "prerequisites", "quota", "vote")
COMPARED += (
    "coefficient_individual",
    "coefficient_collective",
    "coefficient_is_cap",
    "equivalent_to",
    "verified",
)


def _forms() -> dict[tuple[str, str], dict]:
    return {
        (f.rule_set.code, f.code): {field: getattr(f, field) for field in COMPARED + tuple(TEXTS)}
        for f in AwardForm.objects.select_related("rule_set")
    }


def _rule_sets() -> dict[str, dict]:
    return {
        r.code: {
            f: getattr(r, f)
            for f in ("valid_from", "valid_to", "legal_basis", "rounding_to", "rounding_mode")
        }
        for r in RuleSet.objects.all()
    }


@pytest.mark.django_db
def test_the_loaded_rules_are_those_before_but_for_the_listed_corrections():
    load_award_rules(SimpleNamespace(**json.loads(BEFORE.read_text(encoding="utf-8"))))
    forms_before, sets_before = _forms(), _rule_sets()
    salaries_before = set(BaseSalary.objects.values_list("effective_from", "amount"))

    load_award_rules(rule_texts)
    forms_after, sets_after = _forms(), _rule_sets()

    assert set(forms_after) - set(forms_before) == ADDED_FORMS
    for key, before in forms_before.items():
        changed = {field for field in COMPARED if before[field] != forms_after[key][field]}
        assert changed == CORRECTED_FORMS.get(key, set()), key
    for code, before in sets_before.items():
        changed = {field for field in before if before[field] != sets_after[code][field]}
        # legal bases: the union regulations as dated entries, cited as in force on a decision's date
        assert changed <= {"legal_basis"}, code
    added = set(BaseSalary.objects.values_list("effective_from", "amount")) - salaries_before
    assert {(day.isoformat(), amount) for day, amount in added} == {("2026-07-01", 2_530_000)}
