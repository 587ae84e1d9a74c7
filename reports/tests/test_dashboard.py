"""The dashboard as a user meets it: where it opens, whose units it shows, what it answers."""

import datetime as dt
import io
import pickle
import re

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext, override_settings
from openpyxl import load_workbook

from accounts.models import Role, RoleAssignment
from accounts.testing import UserFactory, user_with_role
from documents import services as documents
from documents.tests.conftest import seed_types
from organisations.models import Member
from organisations.services import move_unit
from organisations.testing import MemberFactory
from reports.selectors.dashboard import build_dashboard
from reports.tests import world as worlds


def test_it_opens_on_the_users_own_unit(tree, officer_a, members, client_as):
    page = client_as(officer_a).get("/bao-cao/").content.decode()
    assert "<h1>Liên đoàn Lao động huyện Hòa An</h1>" in page
    assert "CĐCS Trường Tiểu học Nước Hai" in page  # its child units
    assert "Bảo Lạc" not in page


def test_without_a_home_unit_it_opens_on_the_unit_of_the_first_role(tree, client_as):
    user = UserFactory(home_unit=None)
    RoleAssignment.objects.create(user=user, unit=tree.sector, role=Role.VIEWER)
    RoleAssignment.objects.create(user=user, unit=tree.district_b, role=Role.VIEWER)
    assert "<h1>Công đoàn Giáo dục tỉnh</h1>" in client_as(user).get("/bao-cao/").content.decode()


def test_the_home_page_is_the_dashboard(tree, officer_a, client_as):
    response = client_as(officer_a).get("/")
    assert response.status_code == 302 and response["Location"] == "/bao-cao/"


def test_another_units_id_answers_404(tree, officer_a, client_as):
    client = client_as(officer_a)
    assert client.get(f"/bao-cao/?unit={tree.district_a.pk}").status_code == 200
    assert client.get(f"/bao-cao/?unit={tree.grassroots_a1.pk}").status_code == 200
    for foreign in (tree.province, tree.district_b, tree.grassroots_b1):
        assert client.get(f"/bao-cao/?unit={foreign.pk}").status_code == 404
        assert client.get(f"/bao-cao/chi-tiet/members/?unit={foreign.pk}").status_code == 404
        assert client.get(f"/bao-cao/bang.xlsx?unit={foreign.pk}&table=organisation").status_code == 404


def test_a_malformed_address_answers_400_not_500(tree, officer_a, client_as):
    client = client_as(officer_a)
    assert client.get("/bao-cao/?unit=abc").status_code == 400
    assert client.get("/bao-cao/?year=20150").status_code == 400
    # the map's key goes into the figures cache's key: an endless one is refused, not cached
    assert client.get(f"/bao-cao/?map={'a' * 41}").status_code == 400
    assert client.get(f"/bao-cao/?map={'a' * 40}").status_code == 200
    assert (
        client.get(f"/bao-cao/chi-tiet/obligations/?unit={tree.district_a.pk}&state=nonsense").status_code
        == 400
    )
    assert client.get(f"/bao-cao/chi-tiet/nonsense/?unit={tree.district_a.pk}").status_code == 404


def test_a_user_without_a_role_is_told_so(db, client_as):
    page = client_as(UserFactory()).get("/bao-cao/")
    assert page.status_code == 200
    assert "vai trò" in page.content.decode()


def test_a_child_unit_tile_leads_to_that_units_dashboard(world, federation_officer, client_as):
    page = client_as(federation_officer).get(f"/bao-cao/?unit={world.province.pk}&year=2015").content.decode()
    child = world.middles[0]
    assert f'href="/bao-cao/?unit={child.pk}&amp;year=2015" class="tile"' in page
    below = client_as(federation_officer).get(f"/bao-cao/?unit={child.pk}&year=2015").content.decode()
    assert f"<h1>{child.name}</h1>" in below


def test_charts_are_inline_svg_with_their_numbers_as_a_table_and_no_inline_style(
    world, federation_officer, client_as
):
    response = client_as(federation_officer).get(f"/bao-cao/?unit={world.province.pk}&year=2015")
    page = response.content.decode()
    assert page.count('<svg class="chart') >= 5
    assert page.count('<details class="numbers">') >= 4
    assert " style=" not in page.split("<main", 1)[1]
    assert "<script>" not in page and "<script " not in page.split("<main", 1)[1]
    assert "'unsafe-inline'" not in response["Content-Security-Policy"]


def test_the_excel_of_a_chart_has_exactly_its_numbers(world, federation_officer, client_as, english):
    client = client_as(federation_officer)
    response = client.get(f"/bao-cao/bang.xlsx?unit={world.province.pk}&year=2015&table=cascade_units")
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    rows = list(load_workbook(io.BytesIO(response.getvalue())).active.iter_rows(values_only=True))
    table = build_dashboard(world.province, 2015).table("cascade_units")
    header = rows.index(tuple(c.label for c in table.columns))
    body = rows[header + 1 : header + 1 + len(table.rows)]
    assert [list(r[1:5]) for r in body] == [[c.value for c in row[1:5]] for row in table.rows]
    assert [r[0] for r in body] == [row[0].value for row in table.rows]
    assert list(rows[header + 1 + len(table.rows)][1:5]) == [c.value for c in table.totals[1:5]]
    assert (
        client.get(f"/bao-cao/bang.xlsx?unit={world.province.pk}&year=2015&table=nothing").status_code == 404
    )


def test_late_three_leads_to_those_three_obligations(tree, admin_user, client_as):
    import datetime as dt

    plan = worlds.issue_plan(
        tree.province,
        [tree.district_a, tree.district_b, tree.sector],
        number=3,
        issued_on=dt.date(2015, 6, 1),
        deadline=dt.date(2015, 7, 1),
        states=["open"] * 3,
    )
    client = client_as(admin_user)
    page = client.get(f"/bao-cao/?unit={tree.province.pk}&year=2015").content.decode()
    link = f"/bao-cao/chi-tiet/obligations/?unit={tree.province.pk}&amp;year=2015&amp;document={plan.pk}&amp;state=late"
    assert f'<a href="{link}">3</a>' in page
    listing = client.get(link.replace("&amp;", "&")).content.decode()
    assert '<span class="count">3</span>' in listing
    for unit in (tree.district_a, tree.district_b, tree.sector):
        assert unit.name in listing


def test_the_records_list_downloads_as_excel(world, federation_officer, client_as):
    response = client_as(federation_officer).get(
        f"/bao-cao/chi-tiet/members/?unit={world.province.pk}&export=xlsx"
    )
    rows = list(load_workbook(io.BytesIO(response.getvalue())).active.iter_rows(values_only=True))
    active = Member.objects.filter(
        status=Member.Status.ACTIVE, unit__path__startswith=world.province.path
    ).count()
    codes = [r[1] for r in rows if r[1] and re.fullmatch(r"M\d+", str(r[1]))]
    assert len(codes) == active


@pytest.mark.parametrize("units", [10, 60])
def test_query_count_does_not_grow_with_units(db, client, units, django_assert_max_num_queries):
    """The dashboard of a province with 10 or 60 units below it: the same number of queries."""
    world = worlds.build(seed=units, units=units)
    user = user_with_role(Role.ADMIN, world.province, username="admin")
    client.force_login(user)
    url = f"/bao-cao/?unit={world.province.pk}&year=2015"
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    # the same bound for both sizes; recorded so a regression shows the two numbers
    assert len(queries) <= QUERY_BUDGET, "\n".join(q["sql"][:160] for q in queries.captured_queries)


QUERY_BUDGET = 60


def test_query_counts_at_10_and_60_units_are_equal(db, client):
    counts = {}
    for units in (10, 60):
        world = worlds.build(seed=units, units=units)
        user = user_with_role(Role.ADMIN, world.province, username=f"admin{units}")
        client.force_login(user)
        url = f"/bao-cao/?unit={world.province.pk}&year=2015"
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        counts[units] = len(queries)
    assert counts[60] == counts[10], counts


@override_settings(REPORTS_CACHE_SECONDS=60, REPORTS_STALE_SECONDS=0)
def test_figures_are_cached_until_a_counted_record_changes(world, federation_officer, client):
    cache.clear()
    client.force_login(federation_officer)
    url = f"/bao-cao/?unit={world.province.pk}&year=2015"
    with CaptureQueriesContext(connection) as first:
        before = _main(client.get(url))
    with CaptureQueriesContext(connection) as second:
        client.get(url)
    assert len(second) < len(first) / 2
    MemberFactory(unit=world.grassroots[0], status=Member.Status.ACTIVE)
    after = _main(client.get(url))
    assert before != after
    cache.clear()


@override_settings(REPORTS_CACHE_SECONDS=120, REPORTS_STALE_SECONDS=60)
def test_while_data_keeps_changing_the_figures_are_recomputed_at_most_once_a_grace_period(
    world, federation_officer, client
):
    """A busy province: every saved member would otherwise recompute the whole dashboard."""
    cache.clear()
    client.force_login(federation_officer)
    url = f"/bao-cao/?unit={world.province.pk}&year=2015"
    before = _main(client.get(url))
    MemberFactory(unit=world.grassroots[0], status=Member.Status.ACTIVE)
    with CaptureQueriesContext(connection) as queries:
        assert _main(client.get(url)) == before  # within the grace period: the cached page
    assert len(queries) < 15
    assert _main(client.get(url + "&fresh=1")) != before  # asked for fresh figures
    cache.clear()


def _main(response) -> str:
    """The page's content without what changes on every response (the CSRF token)."""
    body = response.content.decode()
    return body[body.index("<main") : body.index("</main>")]


def test_a_figures_link_is_written_as_urlencode_writes_it():
    """The links are written without urlencode() (its cost, ~1,800 links a province's dashboard):
    the same text, whatever the value."""
    from urllib.parse import urlencode

    from reports.selectors.common import _query

    params = {"unit": 12, "year": 2025, "own": True, "state": "done", "q": "Hòa An & Bảo Lạc/1", "n": -3}
    assert _query(params) == urlencode(params)


def _trend(unit, year: int, label: str) -> list[int] | None:
    table = build_dashboard(unit, year).table("trends")
    row = next((row for row in table.rows if row[0].value == label), None) if table else None
    return [cell.value for cell in row[1:]] if row else None


def test_the_trends_count_a_plan_issued_through_the_registry_and_follow_a_moved_unit(
    tree, admin_user, english
):
    """The plans asked across years come from tallies the registry keeps: a plan issued through it
    shows at once in its recipient's and its ancestors' trends, and moves with the unit that owes it."""
    types = seed_types()
    tree.district_a.doc_symbol = "LĐLĐ"
    tree.district_a.save()
    for year in (2015, 2016):
        plan = documents.create_draft(
            actor=admin_user,
            issuer=tree.district_a,
            doc_type=types["KH"],
            summary=f"Kế hoạch thi đua năm {year}",
            requires_plan=True,
            plan_deadline=dt.date(year, 12, 1),
        )
        documents.set_recipients(actor=admin_user, document=plan, units=[tree.grassroots_a1])
        documents.issue_document(actor=admin_user, document=plan, issued_on=dt.date(year, 6, 1))
    asked = "Implementing plans asked"
    assert _trend(tree.province, 2016, asked) == [1, 1]
    assert _trend(tree.district_a, 2016, asked) == [1, 1]
    assert _trend(tree.district_b, 2016, asked) is None
    move_unit(tree.grassroots_a1, tree.district_b)
    assert _trend(tree.district_b, 2016, asked) == [1, 1]
    assert _trend(tree.district_a, 2016, asked) is None
    assert _trend(tree.province, 2016, asked) == [1, 1]


def test_the_figures_read_back_from_the_cache_are_the_ones_computed(world):
    """The computed dashboard is stored in the cache (pickled): every cell comes back with its
    value, link, note and colour."""
    board = build_dashboard(world.province, worlds.YEAR)
    again = pickle.loads(pickle.dumps(board))
    tables = [figure.table for section in board.sections for figure in section.figures]
    assert any(cell.note or cell.css for table in tables for row in table.rows for cell in row)
    for table in tables:
        assert again.table(table.key) == table
