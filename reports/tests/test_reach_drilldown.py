"""A reach figure and the list it opens agree, and both say what they count: an officer who clicks
the members in scope (1.234) must find 1.234 members on the list, not only the 12 units it lists.
The units taking part are what the list's heading counts; the members in scope and reached are its
totals, under the same words as the figure clicked."""

import datetime as dt
import re

import pytest

from accounts.models import Role
from accounts.testing import user_with_role
from campaigns.models import DisseminationSession
from core.testing.pages import Element, parse
from organisations.testing import MemberFactory, make_unit
from reports.tests import world as worlds

UNITS, MEMBERS_IN_SCOPE, MEMBERS_REACHED = (
    "Đơn vị tham gia",
    "Đoàn viên thuộc phạm vi",
    "Đoàn viên được quán triệt",
)


@pytest.fixture
def reach(tree):
    """Grassroots unions of two districts and the sector, 7 to 13 members each, who reached some of
    them; the districts take part with no members of their own."""
    parents = [tree.district_a, tree.district_a, tree.district_a, tree.district_b, tree.sector]
    units = [make_unit("grassroots", parent, name=f"CĐCS Trường số {i}") for i, parent in enumerate(parents)]
    for i, unit in enumerate(units):
        MemberFactory.create_batch(7 + 3 * (i % 3), unit=unit)
    campaign = worlds.campaign(tree.province, [tree.district_a, tree.district_b, *units])
    for i, unit in enumerate(units[:4]):
        DisseminationSession.objects.create(
            campaign=campaign,
            unit=unit,
            held_on=dt.date(worlds.YEAR, 7, 1),
            topic="Quán triệt",
            workers=2 + 2 * i,
        )
    return campaign


def _linked_cells(table: Element) -> list[tuple[str, str, str]]:
    """(column heading, number shown, link) of every cell of the table that links to a list."""
    headings = [th.text() for th in table.walk() if th.tag == "th"]
    found = []
    for row in (e for e in table.walk() if e.tag == "tr"):
        cells = [c for c in row.children if isinstance(c, Element) and c.tag == "td"]
        for heading, cell in zip(headings, cells, strict=False):
            links = [
                a for a in cell.walk() if a.tag == "a" and "/bao-cao/chi-tiet/" in a.attrs.get("href", "")
            ]
            if links:
                found.append((heading, links[0].text(), links[0].attrs["href"]))
    return found


def _reach_table(page: str) -> Element:
    [section] = [e for e in parse(page).walk() if e.attrs.get("id") == "section-reach"]
    return next(e for e in section.walk() if e.tag == "table" and "report-table" in e.classes())


def _opened_list(client, link: str) -> tuple[str, list[str], dict[str, str]]:
    """The heading of the list a link opens, its summary items and its totals row by column."""
    root = parse(client.get(link).content.decode())
    heading = next(e for e in root.walk() if e.tag == "h1").text()
    summary = [
        li.text()
        for ul in root.walk()
        if "record-summary" in ul.classes()
        for li in ul.walk()
        if li.tag == "li"
    ]
    table = next(e for e in root.walk() if e.tag == "table" and "report-table" in e.classes())
    headings = [th.text() for th in table.walk() if th.tag == "th"]
    [foot] = [e for e in table.walk() if e.tag == "tfoot"]
    totals = [td.text() for td in foot.walk() if td.tag == "td"]
    rows = [tr for body in table.walk() if body.tag == "tbody" for tr in body.walk() if tr.tag == "tr"]
    return heading, summary, dict(zip(headings, totals, strict=True)) | {"rows": str(len(rows))}


@pytest.mark.parametrize("where", ["province", "district_a"])
def test_every_reach_number_matches_the_list_it_opens_under_the_same_words(reach, tree, client_as, where):
    unit = getattr(tree, where)
    officer = user_with_role(Role.OFFICER, unit, username="canbo.xem")
    client = client_as(officer)
    dashboard = client.get(f"/bao-cao/?year={worlds.YEAR}&unit={unit.pk}").content.decode()
    cells = [cell for cell in _linked_cells(_reach_table(dashboard)) if "/chi-tiet/reach/" in cell[2]]
    checked = {UNITS: 0, MEMBERS_IN_SCOPE: 0, MEMBERS_REACHED: 0}
    for heading, shown, link in cells:
        if "below=1" in link:
            continue  # the units below the threshold: a count of units, checked by test_correctness
        title, summary, totals = _opened_list(client, link)
        if heading == UNITS:
            assert re.search(rf": {re.escape(shown)} đơn vị$", title), (title, shown)
            assert totals["rows"] == shown and totals["Đơn vị"] == f"Tổng cộng: {shown} đơn vị"
        else:
            assert heading in (MEMBERS_IN_SCOPE, MEMBERS_REACHED), heading
            assert f"{heading}: {shown}" in summary, (summary, heading, shown)
            assert totals[heading] == shown
        checked[heading] += 1
    assert all(checked.values()), checked  # each kind of figure was followed


def test_the_campaign_figures_say_members_and_units_apart(reach, tree, client_as):
    officer = user_with_role(Role.OFFICER, tree.province, username="canbo.xem")
    page = client_as(officer).get(f"/bao-cao/?year={worlds.YEAR}&unit={tree.province.pk}").content.decode()
    headings = [th.text() for th in _reach_table(page).walk() if th.tag == "th"]
    assert headings[:5] == [
        "Đơn vị",
        UNITS,
        MEMBERS_IN_SCOPE,
        MEMBERS_REACHED,
        "Tỷ lệ đoàn viên được quán triệt",
    ]
    # the totals: 5 grassroots unions and the two districts take part; 7+10+13+7+10 members
    totals = [
        td.text()
        for foot in _reach_table(page).walk()
        if foot.tag == "tfoot"
        for td in foot.walk()
        if td.tag == "td"
    ]
    assert totals[1:4] == ["7", "47", "19"]  # reached: 2 + 4 + 6 + 7 (8 reported of 7 members)
