"""The plan tallies under real concurrency (PostgreSQL): a plan issued while another is revoked
both count into the same subtree rows (the district's, the province's), one adding and one taking
away. Each transaction must lock those rows in the same order, or PostgreSQL breaks the deadlock by
failing one of them and the officer gets an error for a plan that was fine.

Each thread has its own database connection; a barrier releases both at once. SQLite serialises
writers at BEGIN, so this runs on PostgreSQL only (CI runs the suite there too)."""

import datetime as dt

import pytest
from django.db import connection, transaction

from core.testing.concurrency import errors_together
from documents import tallies
from documents.models import Document, Obligation, PlanSubtreeTally
from organisations.testing import make_unit

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="needs PostgreSQL's concurrent transactions"
    ),
]
ISSUED_ON = dt.date(2015, 6, 15)
ROUNDS = 15


def _obligations(*units) -> list[Obligation]:
    """What a plan issued to these units asks of them, as the tallies read it."""
    plan = Document(status=Document.Status.ISSUED, issued_on=ISSUED_ON)
    return [Obligation(unit=unit, document=plan, requires_plan=True) for unit in units]


def test_a_plan_counted_while_another_is_uncounted_never_deadlocks():
    province = make_unit("province", code="LDLD-TALLY-RACE")
    district_a, district_b = make_unit("district", province), make_unit("district", province)
    # one plan goes to a union in each district while another, sent to two other unions, is revoked:
    # no grassroots row is shared, only the districts' and the province's subtree rows
    new_a, new_b = make_unit("grassroots", district_a), make_unit("grassroots", district_b)
    old_a, old_b = make_unit("grassroots", district_a), make_unit("grassroots", district_b)
    with transaction.atomic():  # as every service counts: in its transaction
        tallies.count_obligations(_obligations(old_a, old_b) * ROUNDS)  # the plans revoked below

    errors = []
    for _ in range(ROUNDS):
        errors += errors_together(
            lambda: tallies.count_obligations(_obligations(new_a, new_b)),
            lambda: tallies.count_obligations(_obligations(old_a, old_b), sign=-1),
        )

    assert errors == []
    province_row = PlanSubtreeTally.objects.get(unit=province, year=ISSUED_ON.year)
    assert (province_row.asked, province_row.issued) == (2 * ROUNDS, 0)
    assert PlanSubtreeTally.objects.get(unit=district_a, year=ISSUED_ON.year).asked == ROUNDS


def test_issuing_an_implementing_plan_while_the_province_sends_another_never_deadlocks():
    """Issuing a district's implementing plan counts twice in its transaction: what the new plan
    asks of the district's unions, then the province's request to the district as issued. The
    province sending a plan to the districts at the same moment must wait, not deadlock."""
    province = make_unit("province", code="LDLD-TALLY-RACE2")
    district_a, district_b = make_unit("district", province), make_unit("district", province)
    union_1, union_2 = make_unit("grassroots", district_a), make_unit("grassroots", district_a)
    with transaction.atomic():
        tallies.count_obligations(_obligations(district_a) * ROUNDS)  # the province's requests to A

    def district_issues():
        tallies.count_obligations(_obligations(union_1, union_2))
        tallies.count_fulfilled(_obligations(district_a))

    errors = []
    for _ in range(ROUNDS):
        errors += errors_together(
            district_issues, lambda: tallies.count_obligations(_obligations(district_a, district_b))
        )

    assert errors == []
    province_row = PlanSubtreeTally.objects.get(unit=province, year=ISSUED_ON.year)
    assert (province_row.asked, province_row.issued) == (ROUNDS + 4 * ROUNDS, ROUNDS)
