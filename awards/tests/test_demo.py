"""The demo's 2015 award decision: its prize money follows the rules it was made under."""

import io
import random
from decimal import ROUND_CEILING, Decimal

import pytest

from accounts import demo as accounts_demo
from awards import demo
from core.demo import DemoContext
from organisations import demo as organisations_demo


@pytest.fixture
def decision(db):
    context = DemoContext(seed=2015, units=40, members=200, rng=random.Random(2015), out=io.StringIO())
    organisations_demo.load(context)
    accounts_demo.load(context)
    demo.load(context)
    return context.data["awards_decision_2015"]


def expected(coefficient: Decimal, base_salary: int) -> int:
    """Coefficient x base salary, rounded up to the ten thousand (the rounding the rule set carries)."""
    return int((coefficient * base_salary / 10_000).quantize(Decimal(1), rounding=ROUND_CEILING) * 10_000)


def test_the_2015_decision_pays_under_the_2015_rules_and_base_salary(decision):
    assert decision.rule_set.code == "ND42-2010"
    assert decision.base_salary_amount == 1_150_000  # Nghị định 66/2013, in force on 20/12/2015
    records = list(decision.records.select_related("form"))
    assert records
    for record in records:
        coefficient = (
            record.form.coefficient_collective if record.unit_id else record.form.coefficient_individual
        )
        assert record.coefficient == coefficient, record.form_code
        if coefficient is None:  # no coefficient read for this form under NĐ 42/2010: no invented money
            assert record.amount is None, record.form_code
        else:
            assert record.amount == expected(coefficient, 1_150_000), record.form_code
    assert decision.total_amount == sum(r.amount or 0 for r in records)
    # 'Danh hiệu “Chiến sĩ thi đua cấp tỉnh” thưởng 3,0 lần MLCS' (a province applying NĐ 42/2010):
    # 3,0 x 1.150.000 = 3.450.000 đ.
    assert {r.amount for r in records if r.form_code == "chien-si-thi-dua-cap-tinh"} == {3_450_000}


def test_the_demo_batches_carry_readable_meeting_minutes(decision):
    import subprocess

    batch = decision.records.select_related("nomination__batch").first().nomination.batch
    content = batch.minutes.read()
    assert content.startswith(b"%PDF")
    text = subprocess.run(
        ["pdftotext", "-", "-"], input=content, capture_output=True, check=True
    ).stdout.decode()
    assert "BIÊN BẢN" in text and batch.proposing_unit.name.upper() in text.upper()
    nominee = batch.nominations.order_by("pk").first().nominee_name
    assert nominee in text


def test_the_2015_decision_cites_the_texts_in_force_on_its_date(decision):
    """Its bases are checked against what was read (docs/award-rules.md, "Legal bases"): the union's
    regulation in force on 20/12/2015 is QĐ 1564/QĐ-TLĐ of 24/12/2014, replaced by QĐ 1689/QĐ-TLĐ of
    12/11/2019, itself replaced by QĐ 999/QĐ-TLĐ of 29/5/2024; a decision never cites a text signed after
    it, nor a guidance on another form (Hướng dẫn 149/HD-TLĐ on the Kỷ niệm chương)."""
    from awards import printing

    preamble = printing.decision_document(decision).preamble
    bases = [line for line in preamble if line.startswith("Căn cứ")]
    assert any("1564/QĐ-TLĐ ngày 24/12/2014" in line for line in bases), bases
    assert any("Nghị định 42/2010/NĐ-CP" in line for line in bases), bases
    assert not any(("999/QĐ-TLĐ" in line or "1689/QĐ-TLĐ" in line or "149/HD-TLĐ" in line) for line in bases)


def test_the_2015_council_session_was_closed_the_day_it_met(decision):
    """The vote page of a closed session says when it closed: the 2015 session closed on 10/12/2015,
    not on the day the demo was loaded."""
    from awards.services.council import vote_refusal

    session = decision.session
    refusal = vote_refusal(session)
    assert refusal is not None
    assert "10/12/2015" in refusal.reason
