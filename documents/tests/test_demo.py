"""The demo registry: the seed plan entered from its own text, its bases and a half-done cascade."""

import datetime as dt
import io
import random

import pytest

from accounts import demo as accounts_demo
from core.demo import DemoContext
from documents import demo, tallies
from documents.models import Document, NumberSequence, Obligation
from organisations import demo as organisations_demo


@pytest.fixture
def ctx(db):
    context = DemoContext(seed=2015, units=90, members=600, rng=random.Random(2015), out=io.StringIO())
    organisations_demo.load(context)
    accounts_demo.load(context)
    demo.load(context)
    return context


def test_the_seed_plan_is_an_issued_plan_of_the_federation(ctx):
    plan = ctx.data["seed_plan"]
    assert (plan.number_symbol, plan.issued_on, plan.plan_deadline) == (
        "75/KH-LĐLĐ",
        dt.date(2015, 6, 15),
        dt.date(2015, 7, 15),
    )
    assert plan.issuer_unit == ctx.data["province"] and plan.status == Document.Status.ISSUED
    assert plan.summary.startswith("Thực hiện Chỉ thị số 08/CT-UBND ngày 25/5/2015")
    assert (
        NumberSequence.objects.get(
            issuer_unit=plan.issuer_unit, doc_type=plan.doc_type, year=2015
        ).last_number
        >= 75
    )
    assert len(plan.recipients_text.splitlines()) == 9


def test_its_five_bases_are_recorded_with_their_issuers(ctx):
    plan = ctx.data["seed_plan"]
    bases = {b.number_symbol: b.issuer_name for b in plan.bases.select_related("issuer_unit", "issuer_body")}
    assert bases == {
        "08/CT-UBND": "UBND tỉnh Cao Bằng",
        "01/KH-LĐLĐ": "Liên đoàn Lao động tỉnh Cao Bằng",
        "34-CT/TW": "Bộ Chính trị",
        "35/CT-TTg": "Thủ tướng Chính phủ",
        "05/KH-TLĐ": "Tổng Liên đoàn Lao động Việt Nam",
    }


def test_its_recipients_are_the_groups_its_lines_name(ctx):
    plan = ctx.data["seed_plan"]
    expected = {
        *ctx.data["districts"],
        *ctx.data["sectors"],
        *ctx.data["direct_grassroots"],
        *ctx.data["central_sector"],
    }
    assert set(u for u in (o.unit for o in plan.obligations.select_related("unit"))) == expected


def test_the_cascade_is_half_done(ctx):
    plan = ctx.data["seed_plan"]
    middle = Obligation.objects.filter(
        document=plan, unit__unit_type__code__in=["ldld-huyen", "cd-nganh-tinh", "cd-vien-chuc"]
    )
    done = middle.filter(fulfilled_at__isnull=False).count()
    assert 0.3 <= done / middle.count() <= 0.6
    assert middle.filter(
        fulfilled_at__isnull=True, acknowledged_at__isnull=False
    ).exists()  # acknowledged only
    assert middle.filter(acknowledged_at__isnull=True).exists()  # not even acknowledged: late
    assert middle.get(unit__code="LDLD-HOAAN").fulfilled_by is not None
    assert middle.get(unit__code="LDLD-BLAC").acknowledged_at is None  # canbo.baolac's demo starts here
    for obligation in middle.filter(fulfilled_at__isnull=False).select_related("fulfilled_by"):
        assert obligation.fulfilled_by.parent == plan and obligation.fulfilled_by.issued_on.year == 2015


def test_the_demo_cascade_is_counted_in_the_plan_tallies(ctx):
    """The demo issues its plans through the services: the tallies match the obligations."""
    plan = ctx.data["seed_plan"]
    stored = tallies.stored_plan_tallies()
    assert (
        sum(asked for (_unit, year), (asked, _issued) in stored.items() if year == 2015)
        >= plan.obligations.count()
    )
    assert tallies.plan_tally_differences() == []
    assert tallies.subtree_tally_differences() == []  # the subtrees' rows moved with them
