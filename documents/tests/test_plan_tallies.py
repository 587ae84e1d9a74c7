"""The per-unit, per-year tallies of implementing plans move with each service that writes
obligations, in its transaction, and `check_plan_tallies` finds a tally that no longer matches the
obligations it counts."""

import datetime as dt

import pytest
from django.core.management import CommandError, call_command

from documents import services, tallies
from documents.models import Document, PlanTally
from documents.tests.conftest import ISSUED_ON


def _tallies() -> dict:
    return tallies.stored_plan_tallies()


def test_issuing_a_plan_counts_what_it_asks_of_each_recipient(issued_plan, symbols):
    tree = symbols
    year = ISSUED_ON.year
    assert _tallies() == {(tree.district_a.pk, year): (1, 0), (tree.district_b.pk, year): (1, 0)}
    assert tallies.plan_tally_differences() == []


def test_issuing_the_implementing_plan_counts_the_parents_obligation_as_issued(
    issued_plan, symbols, officer_a, types
):
    tree = symbols
    child = services.create_draft(
        actor=officer_a,
        issuer=tree.district_a,
        doc_type=types["KH"],
        summary="Kế hoạch thực hiện",
        parent=issued_plan,
    )
    services.issue_document(actor=officer_a, document=child, issued_on=ISSUED_ON + dt.timedelta(days=10))
    year = ISSUED_ON.year
    assert _tallies() == {(tree.district_a.pk, year): (1, 1), (tree.district_b.pk, year): (1, 0)}
    assert tallies.plan_tally_differences() == []


def test_a_document_that_asks_for_no_plan_counts_nothing(symbols, admin_user, types):
    letter = services.create_draft(
        actor=admin_user, issuer=symbols.province, doc_type=types["CV"], summary="Công văn"
    )
    services.set_recipients(actor=admin_user, document=letter, units=[symbols.district_a])
    services.issue_document(actor=admin_user, document=letter, issued_on=ISSUED_ON)
    assert _tallies() == {}


def test_a_revoked_document_leaves_the_tallies(issued_plan, symbols):
    tallies.uncount_document(issued_plan.pk)
    Document.objects.filter(pk=issued_plan.pk).update(status=Document.Status.REVOKED)
    assert _tallies() == {}
    assert tallies.plan_tally_differences() == []


def test_the_check_finds_a_tampered_tally_and_the_rebuild_repairs_it(issued_plan, symbols, capsys):
    call_command("check_plan_tallies")
    PlanTally.objects.filter(unit=symbols.district_a).update(asked=5)
    with pytest.raises(CommandError, match="1 ô sai khác"):
        call_command("check_plan_tallies")
    assert (
        f"đơn vị {symbols.district_a.pk}, năm {ISSUED_ON.year}: lưu (giao, đã ban hành) (5, 0)"
        in capsys.readouterr().err
    )
    call_command("rebuild_plan_tallies")
    call_command("check_plan_tallies")
    assert PlanTally.objects.get(unit=symbols.district_a).asked == 1


def test_the_check_finds_a_missing_tally(issued_plan, symbols):
    PlanTally.objects.filter(unit=symbols.district_b).delete()
    assert tallies.plan_tally_differences() == [((symbols.district_b.pk, ISSUED_ON.year), None, (1, 0))]
