"""Ending a unit with a successor (the 2025 structure): its current sub-units move in one
transaction, with history; the work still open after the end date goes to the new upper level;
what was closed before keeps its unit; the page says what will move before it writes anything."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from accounts.models import Role
from accounts.permissions import can_review_unit_work
from accounts.testing import user_with_role
from documents import services as document_services
from documents import tallies
from documents.models import Obligation
from documents.tests.conftest import seed_types
from organisations import services
from organisations.models import Unit
from organisations.testing import make_unit

END = dt.date(2025, 7, 1)


def test_ending_without_a_successor_refuses_to_leave_active_sub_units_under_it(tree):
    with pytest.raises(ValidationError) as error:
        services.end_unit(tree.district_a, on=END)
    assert "CĐCS Trường Tiểu học Nước Hai" in str(error.value)
    tree.district_a.refresh_from_db()
    assert tree.district_a.valid_to is None
    assert Unit.objects.get(pk=tree.grassroots_a1.pk).parent_id == tree.district_a.pk


def test_each_sub_unit_goes_to_the_successor_or_to_the_parent_picked_for_it(tree, admin_user):
    services.end_unit(
        tree.district_a,
        on=END,
        merged_into=tree.province,
        child_parents={tree.grassroots_a2.pk: tree.sector},
        actor=admin_user,
    )
    a1, a2 = Unit.objects.get(pk=tree.grassroots_a1.pk), Unit.objects.get(pk=tree.grassroots_a2.pk)
    assert a1.parent == tree.province and a1.path == f"{tree.province.path}{a1.pk}/"
    assert a2.parent == tree.sector and a2.path.startswith(tree.sector.path)
    # kept in history: the grassroots union was under the district before, the end has an author
    assert a1.history.earliest().parent_id == tree.district_a.pk
    assert tree.district_a.history.latest().history_user == admin_user


def test_an_ended_child_stays_where_it_ended(tree):
    tree.grassroots_a2.valid_to = dt.date(2020, 1, 1)
    tree.grassroots_a2.save()
    services.end_unit(tree.district_a, on=END, merged_into=tree.province)
    assert Unit.objects.get(pk=tree.grassroots_a2.pk).parent_id == tree.district_a.pk


def test_a_unit_cannot_end_twice_or_merge_into_an_ended_unit(tree):
    services.end_unit(tree.district_b, on=END, merged_into=tree.province)
    with pytest.raises(ValidationError):
        services.end_unit(tree.district_b, on=END, merged_into=tree.province)
    with pytest.raises(ValidationError):
        services.end_unit(tree.district_a, on=END, merged_into=tree.district_b)


def test_the_ended_districts_officer_no_longer_reviews_its_former_grassroots_unions(tree, officer_a):
    province_officer = user_with_role(Role.OFFICER, tree.province, username="canbo.tinh")
    assert can_review_unit_work(officer_a, tree.grassroots_a1)
    services.end_unit(tree.district_a, on=END, merged_into=tree.province)
    moved = Unit.objects.get(pk=tree.grassroots_a1.pk)
    officer_a = type(officer_a).objects.get(pk=officer_a.pk)  # a new request reads the roles again
    assert not can_review_unit_work(officer_a, moved)
    assert can_review_unit_work(province_officer, moved)


def _plan(tree, admin_user, *, issuer, recipients, deadline):
    types = seed_types()
    for unit in (tree.province, tree.district_a, tree.sector):
        unit.doc_symbol = "LĐLĐ"
        unit.save()
    document = document_services.create_draft(
        actor=admin_user,
        issuer=issuer,
        doc_type=types["KH"],
        place="Cao Bằng",
        summary="Kế hoạch thi đua",
        requires_plan=True,
        plan_deadline=deadline,
        theme="Đoàn kết",
        body="Đề nghị các đơn vị xây dựng kế hoạch.",
        signer_authority="TM. BAN THƯỜNG VỤ",
        signer_position="CHỦ TỊCH",
        signer_name="Nguyễn Văn A",
        recipients_text="Như trên",
    )
    document_services.set_recipients(actor=admin_user, document=document, units=recipients)
    return document_services.issue_document(
        actor=admin_user, document=document, issued_on=dt.date(2025, 6, 2)
    )


def test_open_obligations_due_after_the_end_go_to_the_new_upper_level(tree, admin_user):
    superuser = user_with_role(Role.ADMIN, tree.province, username="admin.tinh")
    # the province asked the district for its plan by 31/7/2025: the grassroots unions now owe it directly
    province_plan = _plan(
        tree, superuser, issuer=tree.province, recipients=[tree.district_a], deadline=dt.date(2025, 7, 31)
    )
    # the sector union asked the district too: the province, its successor, owes that one now
    sector_plan = _plan(
        tree, superuser, issuer=tree.sector, recipients=[tree.district_a], deadline=dt.date(2025, 8, 15)
    )
    # due before the end: a record of the district, it stays
    old_plan = _plan(
        tree, superuser, issuer=tree.sector, recipients=[tree.district_a], deadline=dt.date(2025, 6, 20)
    )

    services.end_unit(tree.district_a, on=END, merged_into=tree.province)

    assert set(Obligation.objects.filter(document=province_plan).values_list("unit", flat=True)) == {
        tree.district_a.pk,
        tree.grassroots_a1.pk,
        tree.grassroots_a2.pk,
    }
    assert Obligation.objects.get(document=province_plan, unit=tree.grassroots_a1).due_on == dt.date(
        2025, 7, 31
    )
    moved = Obligation.objects.get(document=sector_plan)
    assert moved.unit == tree.province and moved.history.latest().unit_id == tree.province.pk
    assert Obligation.objects.get(document=old_plan).unit == tree.district_a
    # the plans' tallies moved with the obligations: the district keeps the old one only
    assert tallies.stored_plan_tallies() == {
        (tree.district_a.pk, 2025): (2, 0),
        (tree.grassroots_a1.pk, 2025): (1, 0),
        (tree.grassroots_a2.pk, 2025): (1, 0),
        (tree.province.pk, 2025): (1, 0),
    }
    assert tallies.plan_tally_differences() == []
    assert tallies.subtree_tally_differences() == []  # the subtrees' rows moved with them


def test_the_page_says_what_will_move_before_it_writes_anything(tree, admin_user, client_as):
    root_admin = user_with_role(Role.ADMIN, tree.province, username="admin.tinh")
    client = client_as(root_admin)
    url = f"/to-chuc/don-vi/{tree.district_a.pk}/ket-thuc/"
    form = client.get(url).content.decode()
    assert "Liên đoàn Lao động tỉnh" in form  # offered as successor
    assert "CĐCS Trường Tiểu học Nước Hai" in form  # each sub-unit can be sent elsewhere
    data = {
        "valid_to": "2025-07-01",
        "merged_into": tree.province.pk,
        f"child_{tree.grassroots_a2.pk}": tree.sector.pk,
    }
    preview = client.post(url, data).content.decode()
    assert "CĐCS Trường Tiểu học Nước Hai → Liên đoàn Lao động tỉnh" in preview
    assert "CĐCS UBND xã Dân Chủ → Công đoàn Giáo dục tỉnh" in preview
    tree.district_a.refresh_from_db()
    assert tree.district_a.valid_to is None  # nothing written yet
    response = client.post(url, {**data, "confirm": "1"})
    assert response.status_code == 302
    tree.district_a.refresh_from_db()
    assert tree.district_a.valid_to == END and tree.district_a.merged_into == tree.province
    assert Unit.objects.get(pk=tree.grassroots_a2.pk).parent == tree.sector


def test_the_page_does_not_offer_ended_units_or_the_units_below(tree, client_as):
    root_admin = user_with_role(Role.ADMIN, tree.province, username="admin.tinh")
    services.end_unit(tree.district_b, on=END, merged_into=tree.province)
    old = make_unit("district", tree.province, name="LĐLĐ huyện Cũ", code="LDLD-CU")
    old.valid_to = dt.date(2020, 1, 1)
    old.save()
    form = client_as(root_admin).get(f"/to-chuc/don-vi/{tree.district_a.pk}/ket-thuc/").content.decode()
    successor_select = form[
        form.index('name="merged_into"') : form.index("</select>", form.index('name="merged_into"'))
    ]
    assert "Liên đoàn Lao động tỉnh" in successor_select
    assert "Bảo Lạc" not in successor_select and "LĐLĐ huyện Cũ" not in successor_select
    assert "Nước Hai" not in successor_select


def test_an_end_date_in_the_future_is_refused_and_the_sub_units_stay(tree, client_as):
    root_admin = user_with_role(Role.ADMIN, tree.province, username="admin.tinh")
    tomorrow = timezone.localdate() + dt.timedelta(days=1)
    url = f"/to-chuc/don-vi/{tree.district_a.pk}/ket-thuc/"
    data = {"valid_to": tomorrow.strftime("%d/%m/%Y"), "merged_into": tree.province.pk}
    for extra in ({}, {"confirm": "1"}):
        response = client_as(root_admin).post(url, {**data, **extra})
        page = response.content.decode()
        assert (
            response.status_code == 200
            and f"Ngày kết thúc {tomorrow:%d/%m/%Y} là ngày trong tương lai" in page
        )
    tree.district_a.refresh_from_db()
    assert tree.district_a.valid_to is None
    assert Unit.objects.get(pk=tree.grassroots_a1.pk).parent == tree.district_a
