import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from organisations import services
from organisations.models import Unit
from organisations.testing import MemberFactory, make_unit, unit_type


def test_subtree_contains_the_unit_and_all_descendants_only(tree):
    names = set(Unit.objects.in_subtree(tree.district_a).values_list("code", flat=True))
    assert names == {"LDLD-HOAAN", "CS-A1", "CS-A2"}


def test_ancestors_come_from_the_root_down(tree):
    assert [u.code for u in tree.grassroots_a1.ancestors()] == ["LDLD-CB", "LDLD-HOAAN"]


@pytest.fixture
def deep_and_wide_tree(db):
    """5,000 units: a province, 49 district units, a chain 12 levels deep, the rest grassroots."""
    province = make_unit("province", code="P")
    intermediate = [make_unit("district", province, code=f"D{i}") for i in range(49)]
    grassroots_type = unit_type("grassroots")
    # a chain 12 levels deep; levels are data, so make a type per level
    chain_parent = intermediate[0]
    for level in range(12):
        level_type = _type_at(4 + level)
        chain_parent = services.create_unit(
            unit_type=level_type, parent=chain_parent, name=f"Cấp {level}", code=f"C{level}"
        )
    units = []
    for i in range(5000 - Unit.objects.count()):
        parent = intermediate[i % 49]
        units.append(
            Unit(
                unit_type=grassroots_type,
                parent=parent,
                name=f"CĐCS {i}",
                code=f"G{i}",
                path="",
                depth=parent.depth + 1,
            )
        )
    Unit.objects.bulk_create(units, batch_size=1000)
    parents = {u.pk: u.path for u in Unit.objects.exclude(path="")}
    pending = list(Unit.objects.filter(path=""))
    for unit in pending:
        unit.path = f"{parents[unit.parent_id]}{unit.pk}/"
    Unit.objects.bulk_update(pending, ["path"], batch_size=1000)
    return province, chain_parent


def _type_at(level):
    from organisations.testing import UnitTypeFactory

    return UnitTypeFactory(code=f"level-{level}", level=level)


def test_subtree_and_ancestors_take_one_query_each_at_5000_units(deep_and_wide_tree):
    province, deepest = deep_and_wide_tree
    assert Unit.objects.count() == 5000
    with CaptureQueriesContext(connection) as queries:
        subtree = list(Unit.objects.in_subtree(province))
    assert len(subtree) == 5000
    assert len(queries) == 1
    with CaptureQueriesContext(connection) as queries:
        ancestors = list(deepest.ancestors())
    assert len(queries) == 1
    assert ancestors[0] == province and len(ancestors) == deepest.depth


def test_moving_a_unit_moves_its_whole_subtree(tree):
    national = services.create_unit(unit_type=_type_at(1), parent=None, name="Tổng Liên đoàn", code="TLD")
    services.move_unit(tree.province, national)
    tree.grassroots_a1.refresh_from_db()
    assert (
        tree.grassroots_a1.path
        == f"/{national.pk}/{tree.province.pk}/{tree.district_a.pk}/{tree.grassroots_a1.pk}/"
    )
    assert tree.grassroots_a1.depth == 3
    assert Unit.objects.in_subtree(national).count() == 9


def test_moving_a_grassroots_union_to_another_district(tree):
    services.move_unit(tree.grassroots_a1, tree.district_b)
    assert set(Unit.objects.in_subtree(tree.district_b).values_list("code", flat=True)) == {
        "LDLD-BLAC",
        "CS-B1",
        "CS-A1",
    }


def test_a_unit_cannot_be_moved_under_its_own_descendant(tree):
    with pytest.raises(ValidationError) as error:
        services.move_unit(tree.province, tree.grassroots_a1)
    assert "không thể" in str(error.value).lower() or "cannot" in str(error.value).lower()
    tree.province.refresh_from_db()
    assert tree.province.parent is None


def test_a_grassroots_union_cannot_have_children(tree):
    with pytest.raises(ValidationError):
        make_unit("grassroots", tree.grassroots_a1)


def test_ending_a_district_with_merge_moves_children_and_members_and_keeps_history(tree):
    member = MemberFactory(unit=tree.grassroots_a1)
    services.end_unit(tree.district_a, on=dt.date(2025, 7, 1), merged_into=tree.province)
    tree.district_a.refresh_from_db()
    assert tree.district_a.valid_to == dt.date(2025, 7, 1)
    assert tree.district_a.merged_into == tree.province
    assert Unit.objects.get(code="CS-A1").parent == tree.province
    member.refresh_from_db()
    assert member.unit.code == "CS-A1"
    assert tree.district_a.history.count() >= 2
    assert not Unit.objects.current(dt.date(2026, 1, 1)).filter(pk=tree.district_a.pk).exists()
    assert Unit.objects.current(dt.date(2015, 6, 1)).filter(pk=tree.district_a.pk).exists()


def test_unit_search_ignores_diacritics(tree):
    assert list(Unit.objects.search("hoa an")) == [tree.district_a]
    assert set(Unit.objects.search("lien doan lao dong")) == {tree.province, tree.district_a, tree.district_b}
    assert list(Unit.objects.search("dan chu")) == [tree.grassroots_a2]


def test_search_matches_the_start_of_words_only(tree):
    khoa = make_unit("grassroots", tree.district_b, name="CĐCS Bệnh viện Đa khoa", code="CS-DK")
    assert khoa not in Unit.objects.search("hoa an")
    assert tree.district_a in Unit.objects.search("hoa an")


def test_ended_units_stay_in_the_tree_with_their_children(tree, admin_user, client_as):
    tree.district_a.valid_to = dt.date(2025, 7, 1)
    tree.district_a.save()
    page = client_as(admin_user).get(f"/to-chuc/don-vi/{tree.province.pk}/don-vi-con/").content.decode()
    assert "Liên đoàn Lao động huyện Hòa An" in page and "kết thúc 01/07/2025" in page


def test_child_units_are_listed_in_vietnamese_alphabetical_order(tree, admin_user):
    from organisations import selectors
    from organisations.testing import make_unit

    added = ["CĐCS Trường Zô", "CĐCS Trường Đông Khê", "CĐCS Trường Dân Chủ", "CĐCS Trường Ân"]
    for name in added:
        make_unit("grassroots", tree.district_b, name=name)
    names = [u.name for u in selectors.children_of(admin_user, tree.district_b) if u.name in added]
    assert names == ["CĐCS Trường Ân", "CĐCS Trường Dân Chủ", "CĐCS Trường Đông Khê", "CĐCS Trường Zô"]
