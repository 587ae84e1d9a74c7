"""A district federation with many grassroots unions: its reach chart draws the units that
need a call (the lowest shares), not a wall of bars, and no chart before any session."""

import datetime as dt
import re

import pytest

from accounts.models import Role
from accounts.testing import user_with_role
from campaigns.models import DisseminationSession
from organisations.testing import MemberFactory, make_unit
from reports.charts import Bar, bar_chart
from reports.selectors.campaigns.reach import CHART_LOWEST
from reports.tests import world as worlds

UNITS = CHART_LOWEST + 5


def test_a_long_bar_chart_draws_only_its_lowest_rows_lowest_first():
    bars = [Bar(f"U{i}", i / 10, "") for i in (5, 2, 9, 1, 7)] + [Bar("none", None, "")]
    chart = bar_chart("t", bars, maximum=1, lowest=3)
    assert [b.label for b in chart.bars] == ["U1", "U2", "U5"] and (chart.lowest_of, chart.omitted) == (5, 1)
    short = bar_chart("t", bars[:3], maximum=1, lowest=3)
    assert [b.label for b in short.bars] == ["U5", "U2", "U9"] and short.lowest_of == 0


@pytest.fixture
def district(tree):
    units = [make_unit("grassroots", tree.district_a, name=f"CĐCS Trường số {i:02}") for i in range(UNITS)]
    for unit in units:
        MemberFactory.create_batch(4, unit=unit)
    campaign = worlds.campaign(tree.district_a, units)
    return units, campaign


def _reach_figure(client_as, tree) -> str:
    officer = user_with_role(Role.OFFICER, tree.district_a, username="canbo.hoaan")
    page = client_as(officer).get(f"/bao-cao/?year={worlds.YEAR}&unit={tree.district_a.pk}").content.decode()
    start = page.index('id="section-reach"')
    return page[start : page.index("</section>", start)]


def test_the_reach_chart_of_a_district_with_many_units_names_the_lowest(tree, district, client_as):
    units, campaign = district
    for i, unit in enumerate(units):
        # unit i reached i % 5 of its 4 members: 0%, 25%, 50%, 75%, 100%
        if i % 5:
            DisseminationSession.objects.create(
                campaign=campaign,
                unit=unit,
                held_on=dt.date(worlds.YEAR, 7, 1),
                topic="Quán triệt",
                workers=i % 5,
            )
    # a new school union with no members yet: no share to draw, listed in the table
    empty = make_unit("grassroots", tree.district_a, name="CĐCS Trường mới thành lập")
    campaign.participants.create(unit=empty, joined_on=dt.date(worlds.YEAR, 6, 1))
    section = _reach_figure(client_as, tree)
    chart = section[section.index("<svg") : section.index("</svg>")]
    drawn = re.findall(r"<title>(CĐCS Trường số \d+): ([^<]+)</title>", chart)
    assert len(drawn) == CHART_LOWEST
    shares = [float(share.rstrip("%").replace(",", ".")) for _name, share in drawn]
    assert shares == sorted(shares) and shares[0] == 0 and max(shares) < 100
    assert f"Biểu đồ vẽ {CHART_LOWEST} đơn vị thấp nhất trong {UNITS} đơn vị" in section
    assert "1 đơn vị không có số liệu không được vẽ" in section and empty.name not in chart
    # the table still lists every unit
    assert all(unit.name in section for unit in units)


def test_no_reach_chart_before_any_session_is_recorded(tree, district, client_as):
    units, _campaign = district
    section = _reach_figure(client_as, tree)
    assert "<svg" not in section.split('id="figure-reach"')[1].split("</figure>")[0]
    assert all(unit.name in section for unit in units)
