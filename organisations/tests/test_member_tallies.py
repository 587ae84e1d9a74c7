"""Each unit's tally of active members and women follows every path that writes a member (the member
form's service, the import writer, ending and merging a unit, the admin, deletes and bulk writes), in
the same transaction; `check_member_tallies` finds a tally that no longer matches its members and
`rebuild_member_tallies` recounts it."""

import datetime as dt
import io
import random

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from accounts.testing import UserFactory
from core.demo import DemoContext
from organisations import demo as organisations_demo
from organisations import services, tallies
from organisations.imports.checking import MemberRow
from organisations.imports.writing import apply_member_import
from organisations.models import Member, MemberTally
from organisations.testing import MemberFactory

END = dt.date(2025, 7, 1)


def _tallies() -> dict[int, tuple[int, int]]:
    """The stored tallies, after checking they equal a direct count of the members."""
    assert tallies.member_tally_differences() == []
    return tallies.stored_member_tallies()


def _member(unit, gender="F", **fields) -> Member:
    return services.save_member(
        Member(
            unit=unit,
            code=fields.pop("code", f"N{Member.objects.count() + 1}"),
            full_name="Hoàng Thị Lan",
            gender=gender,
            **fields,
        )
    )


def test_a_member_added_by_the_member_form_counts_in_its_unit(tree):
    _member(tree.grassroots_a1, gender="F")
    _member(tree.grassroots_a1, gender="M")
    assert _tallies() == {tree.grassroots_a1.pk: (2, 1)}


def test_a_member_who_leaves_is_no_longer_counted_and_counts_again_on_return(tree):
    member = _member(tree.grassroots_a1, gender="F")
    _member(tree.grassroots_a1, gender="M")
    member.status = Member.Status.LEFT
    member.left_on = dt.date(2024, 3, 1)
    services.save_member(member)
    assert _tallies() == {tree.grassroots_a1.pk: (1, 0)}
    member.status = Member.Status.ACTIVE
    services.save_member(member)
    assert _tallies() == {tree.grassroots_a1.pk: (2, 1)}


def test_a_member_moved_to_another_unit_or_with_a_corrected_gender_is_counted_where_they_are(tree):
    member = _member(tree.grassroots_a1, gender="F")
    member.unit = tree.grassroots_b1
    services.save_member(member)
    assert _tallies() == {tree.grassroots_b1.pk: (1, 1)}
    member.gender = Member.Gender.MALE
    services.save_member(member)
    assert _tallies() == {tree.grassroots_b1.pk: (1, 0)}


def test_a_save_of_some_fields_counts_what_was_written_not_what_the_object_holds(tree):
    member = _member(tree.grassroots_a1, gender="F")
    member.status = Member.Status.LEFT
    member.position = "Giáo viên"
    member.save(update_fields=["position"])  # the status change was not written
    assert _tallies() == {tree.grassroots_a1.pk: (1, 1)}
    member.save(update_fields=["status"])
    assert _tallies() == {}


def test_an_import_counts_its_rows_in_their_units(tree):
    def row(number, gender, unit):
        return MemberRow(number, f"DV{number}", "Nông Thị Hoa", gender, None, "Tày", "", "worker", unit, None)

    _member(tree.grassroots_a1, gender="M")
    apply_member_import(
        [row(1, "F", tree.grassroots_a1), row(2, "F", tree.grassroots_a2), row(3, "M", tree.grassroots_a2)]
    )
    assert _tallies() == {tree.grassroots_a1.pk: (2, 1), tree.grassroots_a2.pk: (2, 1)}


def test_merging_a_unit_moves_its_members_counts_to_the_successor(tree, admin_user):
    MemberFactory.create_batch(3, unit=tree.grassroots_a2, gender="F")
    MemberFactory.create_batch(2, unit=tree.grassroots_a2, gender="M")
    MemberFactory.create(unit=tree.grassroots_a1, gender="F")
    MemberFactory.create(unit=tree.grassroots_a1, gender="M")
    services.end_unit(tree.grassroots_a2, on=END, merged_into=tree.grassroots_a1, actor=admin_user)
    assert _tallies() == {tree.grassroots_a1.pk: (7, 4)}


def test_moving_a_unit_keeps_each_units_own_count(tree):
    MemberFactory.create_batch(2, unit=tree.grassroots_a1, gender="F")
    services.move_unit(tree.grassroots_a1, tree.district_b)
    assert _tallies() == {tree.grassroots_a1.pk: (2, 2)}


def test_the_admin_change_and_delete_pages_keep_the_tallies(tree, client):
    member = MemberFactory.create(unit=tree.grassroots_a1, gender="M")
    other, third = MemberFactory.create_batch(2, unit=tree.grassroots_a1, gender="F")
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    response = client.post(
        reverse("admin:organisations_member_change", args=[member.pk]),
        {
            "code": member.code,
            "full_name": member.full_name,
            "gender": "F",
            "category": member.category,
            "unit": tree.grassroots_b1.pk,
            "status": Member.Status.ACTIVE,
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert _tallies() == {tree.grassroots_a1.pk: (2, 2), tree.grassroots_b1.pk: (1, 1)}
    client.post(reverse("admin:organisations_member_delete", args=[other.pk]), {"post": "yes"})
    assert _tallies() == {tree.grassroots_a1.pk: (1, 1), tree.grassroots_b1.pk: (1, 1)}
    client.post(
        reverse("admin:organisations_member_changelist"),
        {"action": "delete_selected", "_selected_action": [member.pk, third.pk], "post": "yes"},
    )
    assert not Member.objects.exists()
    assert _tallies() == {}


def test_deletes_and_bulk_writes_keep_the_tallies(tree):
    members = Member.objects.bulk_create(
        [
            Member(code=f"B{i}", full_name="Bế Thị Mai", gender="FM"[i % 2], unit=tree.grassroots_a1)
            for i in range(6)
        ]
    )
    assert _tallies() == {tree.grassroots_a1.pk: (6, 3)}
    members[0].delete()
    assert _tallies() == {tree.grassroots_a1.pk: (5, 2)}
    Member.objects.filter(pk__in=[m.pk for m in members[1:3]]).update(unit=tree.grassroots_b1)
    assert _tallies() == {tree.grassroots_a1.pk: (3, 1), tree.grassroots_b1.pk: (2, 1)}
    for member in members[3:]:
        member.status = Member.Status.RETIRED
    Member.objects.bulk_update(members[3:], ["status"])
    assert _tallies() == {tree.grassroots_b1.pk: (2, 1)}
    tree.grassroots_b1.members.all().delete()
    assert _tallies() == {}


def test_the_check_finds_a_wrong_tally_and_the_rebuild_repairs_it(tree):
    MemberFactory.create_batch(3, unit=tree.grassroots_a1, gender="F")
    MemberTally.objects.filter(unit=tree.grassroots_a1).update(active=7)
    with pytest.raises(CommandError, match="1 đơn vị"):
        call_command("check_member_tallies")
    call_command("rebuild_member_tallies")
    call_command("check_member_tallies")
    assert _tallies() == {tree.grassroots_a1.pk: (3, 3)}


def test_the_demo_province_is_counted(db):
    """The demo loader writes its members in bulk (`bulk_create`): every unit's tally is right."""
    context = DemoContext(seed=2015, units=40, members=300, rng=random.Random(2015), out=io.StringIO())
    organisations_demo.load(context)
    assert (
        sum(active for active, _women in _tallies().values())
        == Member.objects.filter(status="active").count()
    )
