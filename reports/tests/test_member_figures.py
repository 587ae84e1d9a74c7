"""The dashboard's member figures are read from the per-unit member tallies, not counted from the
members: after members are added, imported, leave, are merged with their unit and whole units move,
every row equals a direct count of the active members (and women) below the child."""

import datetime as dt

from organisations import services
from organisations.imports.checking import MemberRow
from organisations.imports.writing import apply_member_import
from organisations.models import Member
from organisations.testing import MemberFactory
from reports.selectors.dashboard import build_dashboard


def _direct(unit) -> tuple[int, int]:
    active = Member.objects.filter(status=Member.Status.ACTIVE, unit__path__startswith=unit.path)
    return active.count(), active.filter(gender=Member.Gender.FEMALE).count()


def _shown(dashboard) -> dict[str, tuple[int, int]]:
    table = dashboard.table("organisation")
    return {row[0].value: (row[2].value, row[3].value) for row in table.rows}


def test_the_member_figures_equal_a_direct_count_after_every_kind_of_write(tree, admin_user):
    MemberFactory.create_batch(4, unit=tree.grassroots_a1, gender="F")
    leaving = MemberFactory.create(unit=tree.grassroots_a2, gender="M")
    MemberFactory.create_batch(2, unit=tree.grassroots_a2, gender="F")
    apply_member_import(
        [MemberRow(1, "DV1", "Lục Văn Sơn", "M", None, "", "", "worker", tree.grassroots_b1, None)]
    )
    leaving.status = Member.Status.LEFT
    services.save_member(leaving)
    services.end_unit(tree.grassroots_a2, on=dt.date(2025, 7, 1), merged_into=tree.grassroots_s1)
    services.move_unit(tree.grassroots_a1, tree.district_b)  # four women change district

    shown = _shown(build_dashboard(tree.province, 2025))
    for child in (tree.district_a, tree.district_b, tree.sector):
        assert shown[child.name] == _direct(child), child.name
    assert shown[tree.district_b.name] == (5, 4)
    assert shown[tree.sector.name] == (2, 2)
    assert shown[tree.district_a.name] == (0, 0)
