"""The questions a federation officer is asked, answered on the dashboard in a few clicks.

A small world: the province's 2015 plan 75/KH-LĐLĐ launches the special campaign for two
district federations and two sector unions; Hòa An has issued its implementing plan, Bảo Lạc
has not; the sector unions disseminated the directive to part of their members; two clusters
scored their units; Bằng khen were given in 2013, 2014 and 2015."""

import datetime as dt
import re

import pytest

from accounts.models import Role
from accounts.testing import user_with_role
from organisations.testing import MemberFactory, make_unit
from reports.tests import world as worlds


@pytest.fixture
def answers(tree):
    health = make_unit("sector", tree.province, name="Công đoàn ngành Y tế tỉnh", code="CDYT")
    health_s1 = make_unit("grassroots", health, name="CĐCS Bệnh viện Đa khoa tỉnh", code="CS-H1")
    for unit, n in (
        (tree.grassroots_s1, 8),
        (health_s1, 10),
        (tree.grassroots_a1, 4),
        (tree.grassroots_b1, 2),
    ):
        MemberFactory.create_batch(n, unit=unit)
    districts = [tree.district_a, tree.district_b]
    plan = worlds.issue_plan(
        tree.province,
        [*districts, tree.sector, health],
        number=75,
        issued_on=dt.date(2015, 6, 15),
        deadline=dt.date(2015, 7, 15),
        summary="Thực hiện Chỉ thị số 08/CT-UBND phát động thi đua đặc biệt",
        states=["done", "open", "done", "open"],
    )
    units = [
        tree.district_a,
        tree.district_b,
        tree.sector,
        health,
        tree.grassroots_a1,
        tree.grassroots_a2,
        tree.grassroots_b1,
        tree.grassroots_s1,
        health_s1,
    ]
    campaign = worlds.campaign(tree.province, units, plan=plan)
    from campaigns.models import Cluster, ClusterMembership, DisseminationSession

    DisseminationSession.objects.create(
        campaign=campaign,
        unit=tree.grassroots_s1,
        held_on=dt.date(2015, 7, 1),
        topic="Quán triệt Chỉ thị 35/CT-TTg",
        public_employees=6,
    )  # 6 of 8
    DisseminationSession.objects.create(
        campaign=campaign,
        unit=health_s1,
        held_on=dt.date(2015, 7, 2),
        topic="Quán triệt Chỉ thị 35/CT-TTg",
        workers=9,
    )  # 9 of 10
    criterion = worlds.criteria(campaign)
    for name, members, points in (
        ("Cụm thi đua các huyện", districts, (88, 93)),
        ("Khối thi đua các ngành", [tree.sector, health], (91, 84)),
    ):
        cluster = Cluster.objects.create(name=name, year=2015, organiser=tree.province, lead_unit=members[0])
        for order, (unit, score) in enumerate(zip(members, points, strict=True), start=1):
            ClusterMembership.objects.create(cluster=cluster, unit=unit, rotation_order=order)
            worlds.confirmed_score(campaign, criterion, unit, score)
    forms = worlds.award_forms()
    member = MemberFactory(unit=tree.grassroots_a1)
    for year, n in ((2013, 2), (2014, 3), (2015, 5)):
        for i in range(n):
            worlds.award(
                forms["bang-khen-ldld-tinh"],
                year,
                unit=[
                    tree.grassroots_a1,
                    tree.grassroots_a2,
                    tree.grassroots_b1,
                    tree.grassroots_s1,
                    health_s1,
                ][i],
            )
    worlds.award(forms["giay-khen"], 2015, member=member)
    return {"health": health, "plan": plan, "campaign": campaign}


@pytest.fixture
def officer(tree):
    return user_with_role(Role.OFFICER, tree.province, username="canbo.tinh")


def _section(page: str, key: str) -> str:
    start = page.index(f'id="section-{key}"')
    return page[start : page.index("</section>", start)]


def _row(html: str, name: str) -> str:
    for row in re.findall(r"<tr>.*?</tr>", html, flags=re.S):
        if name in row:
            return row
    raise AssertionError(f"no row for {name}")


def _cells(row: str) -> list[str]:
    return [
        re.sub(r"<[^>]+>", "", cell).strip()
        for cell in re.findall(r"<t[dh][^>]*>(.*?)</t[dh]>", row, flags=re.S)
    ]


def test_which_district_federations_have_not_issued_their_plan_for_the_2015_campaign(
    tree, answers, officer, client_as
):
    client = client_as(officer)
    page = client.get("/bao-cao/?year=2015").content.decode()
    campaigns = _section(page, "campaigns")
    link = re.search(r'<a href="([^"]+state=open[^"]*)" class="stat-value">2</a>', campaigns)
    assert link, "the campaign section names how many units have not issued their plan"
    listing = client.get(link.group(1).replace("&amp;", "&")).content.decode()
    assert '<span class="count">2</span>' in listing
    assert "Liên đoàn Lao động huyện Bảo Lạc" in listing
    assert "Công đoàn ngành Y tế tỉnh" in listing
    assert "Liên đoàn Lao động huyện Hòa An" not in listing


def test_what_share_of_members_each_sector_union_reached(tree, answers, officer, client_as):
    page = client_as(officer).get("/bao-cao/?year=2015").content.decode()
    reach = _section(page, "reach")
    # units taking part (the sector union and its grassroots union), members in scope and reached
    assert _cells(_row(reach, "Công đoàn Giáo dục tỉnh"))[1:6] == ["2", "8", "6", "75,0%", "1"]
    assert _cells(_row(reach, "Công đoàn ngành Y tế tỉnh"))[1:6] == ["2", "10", "9", "90,0%", "1"]


def test_which_units_rank_first_in_each_cluster(tree, answers, officer, client_as):
    page = client_as(officer).get("/bao-cao/?year=2015").content.decode()
    rankings = _section(page, "rankings")
    districts = _cells(_row(rankings, "Cụm thi đua các huyện"))
    assert "Bảo Lạc" in districts[2]
    assert districts[3] == "93,00"
    sectors = _cells(_row(rankings, "Khối thi đua các ngành"))
    assert "Giáo dục" in sectors[2] and sectors[3] == "91,00"


def test_how_many_bang_khen_were_given_per_year(tree, answers, officer, client_as):
    page = client_as(officer).get("/bao-cao/?year=2015").content.decode()
    awards = _section(page, "awards")
    trend = awards[awards.index('id="figure-awards_trend"') :]
    header = _cells(re.search(r"<thead>.*?</thead>", trend, flags=re.S).group(0))
    row = _cells(_row(trend, "Bằng khen"))
    assert dict(zip(header[1:4], row[1:4], strict=True)) == {"2013": "2", "2014": "3", "2015": "5"}


def test_the_summary_at_the_top_names_the_units_without_their_plan_and_leads_to_every_section(
    tree, answers, officer, client_as
):
    client = client_as(officer)
    page = client.get("/bao-cao/?year=2015").content.decode()
    top = page[: page.index('id="section-')]  # above the first section
    alert = top[top.index('class="glance-alert') :]
    alert = alert[: alert.index("</div>")]
    assert "Liên đoàn Lao động huyện Bảo Lạc" in alert and "Công đoàn ngành Y tế tỉnh" in alert
    assert "Liên đoàn Lao động huyện Hòa An" not in alert
    link = re.search(r'href="([^"]+state=open[^"]*)"', alert).group(1)
    listing = client.get(link.replace("&amp;", "&")).content.decode()
    assert '<span class="count">2</span>' in listing
    for key in ("organisation", "campaigns", "reach", "rankings", "awards"):
        assert f'href="#section-{key}"' in top
    rankings = top[top.index('href="#section-rankings"') :]
    assert "Bảo Lạc" in rankings[: rankings.index("</div>")]  # first of the districts' cluster
    awards = top[top.index('href="#section-awards"') :]
    years = dict(
        re.findall(r"<li><span>(\d{4})</span> <a [^>]*>(\d+)</a></li>", awards[: awards.index("</div>")])
    )
    assert years == {"2013": "2", "2014": "3", "2015": "5"}


def test_a_units_own_plan_is_not_counted_among_the_units_below_it(tree, answers, officer, client_as):
    # Bảo Lạc has not issued its plan, and nothing was asked of the units below it
    client = client_as(officer)
    page = client.get(f"/bao-cao/?unit={tree.district_b.pk}&year=2015").content.decode()
    top = page[: page.index('id="section-')]
    assert 'class="glance-alert' not in top, "a unit is not its own subordinate"
    assert "đơn vị chưa ban hành kế hoạch" not in _section(page, "campaigns")
    # above it, the province counts Bảo Lạc among the units below it that have not issued theirs
    province = client.get("/bao-cao/?year=2015").content.decode()
    alert = province[province.index('class="glance-alert') :]
    assert "Liên đoàn Lao động huyện Bảo Lạc" in alert[: alert.index("</div>")]
