"""The per-unit, per-year tallies of implementing plans move with each service that writes
obligations, in its transaction, and `check_plan_tallies` finds a tally that no longer matches the
obligations it counts."""

import datetime as dt

import pytest
from django.core.management import CommandError, call_command

from documents import services, tallies
from documents.models import Document, PlanSubtreeTally, PlanTally
from documents.tests.conftest import ISSUED_ON
from organisations import services as unit_services


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


def test_a_plan_counts_in_the_subtree_tally_of_each_recipient_and_of_its_ancestors(issued_plan, symbols):
    tree, year = symbols, ISSUED_ON.year
    assert tallies.stored_subtree_tallies() == {
        (tree.district_a.pk, year): (1, 0),
        (tree.district_b.pk, year): (1, 0),
        (tree.province.pk, year): (2, 0),
    }
    assert tallies.subtree_tally_differences() == []


def _plan_for(tree, actor, types, recipient, issued_on):
    plan = services.create_draft(
        actor=actor,
        issuer=tree.district_a,
        doc_type=types["KH"],
        summary="Kế hoạch thi đua của huyện",
        requires_plan=True,
        plan_deadline=issued_on + dt.timedelta(days=30),
    )
    services.set_recipients(actor=actor, document=plan, units=[recipient])
    return services.issue_document(actor=actor, document=plan, issued_on=issued_on)


def test_moving_a_unit_moves_its_plans_from_its_old_ancestors_to_its_new_ones(symbols, admin_user, types):
    tree, year = symbols, ISSUED_ON.year
    _plan_for(tree, admin_user, types, tree.grassroots_a1, ISSUED_ON)
    assert tallies.stored_subtree_tallies()[(tree.district_a.pk, year)] == (1, 0)
    unit_services.move_unit(tree.grassroots_a1, tree.district_b)
    assert tallies.stored_subtree_tallies() == {
        (tree.grassroots_a1.pk, year): (1, 0),
        (tree.district_b.pk, year): (1, 0),
        (tree.province.pk, year): (1, 0),
    }
    assert tallies.subtree_tally_differences() == []
    assert tallies.plan_tally_differences() == []


def test_the_check_finds_a_tampered_subtree_tally_and_the_rebuild_repairs_it(issued_plan, symbols, capsys):
    PlanSubtreeTally.objects.filter(unit=symbols.province).update(asked=7)
    with pytest.raises(CommandError, match="1 ô sai khác"):
        call_command("check_plan_tallies")
    assert (
        f"cây đơn vị {symbols.province.pk}, năm {ISSUED_ON.year}: lưu (giao, đã ban hành) (7, 0), đếm được (2, 0)"
        in capsys.readouterr().err
    )
    call_command("rebuild_plan_tallies")
    call_command("check_plan_tallies")
    assert PlanSubtreeTally.objects.get(unit=symbols.province).asked == 2


def test_a_backup_made_before_the_subtree_tallies_restores_them_recounted(issued_plan, settings, tmp_path):
    """An archive from before the subtree tallies existed has no rows for them: the restore
    recounts them from the obligations it brings back, so the trends show the plans and the next
    plan issued counts into consistent rows (empty rows broke their check, issued > asked)."""
    import io
    import json
    import tarfile

    from django.db import connection

    from core.backup import write_backup

    settings.MEDIA_ROOT = tmp_path / "media"
    full = tmp_path / "full.tar.gz"
    write_backup(full)
    older = tmp_path / "older.tar.gz"  # the same archive, as the version before the table wrote it
    with tarfile.open(full, "r:gz") as source, tarfile.open(older, "w:gz") as target:
        for member in source.getmembers():
            data = source.extractfile(member).read() if member.isfile() else None
            if member.name == "manifest.json":
                manifest = json.loads(data)
                manifest["models"] = [
                    m for m in manifest["models"] if m["model"] != "documents.PlanSubtreeTally"
                ]
                data = json.dumps(manifest).encode()
                member.size = len(data)
            target.addfile(member, io.BytesIO(data) if data is not None else None)
    expected = tallies.stored_subtree_tallies()
    assert expected

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
    call_command("flush", interactive=False, verbosity=0)
    call_command("restore", str(older), stdout=io.StringIO())

    assert tallies.stored_subtree_tallies() == expected
    assert tallies.subtree_tally_differences() == []
