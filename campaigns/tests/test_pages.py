"""The pages, used like a user would: what they show, what they refuse, and that the campaign
page's query count does not grow with the number of units."""

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accounts.models import Role
from accounts.testing import user_with_role
from campaigns import services
from campaigns.models import AimedTitle, Campaign, Registration, ReviewRound, Score
from campaigns.tests.conftest import TODAY, add_members, build_criteria, criterion, make_campaign, score_all
from organisations.testing import make_unit


def url(name, *args):
    return reverse(f"campaigns:{name}", args=args)


def test_the_campaign_opens_at_the_top_of_the_users_scope(client_as, campaign, admin_user, officer_a, tree):
    assert client_as(admin_user).get(url("campaign", campaign.pk)).url == url(
        "unit_page", campaign.pk, tree.province.pk
    )
    assert client_as(officer_a).get(url("campaign", campaign.pk)).url == url(
        "unit_page", campaign.pk, tree.district_a.pk
    )


def test_the_campaign_page_shows_every_child_and_drills_down(
    client_as, campaign, criteria, admin_user, officer_a, tree
):
    add_members(tree.grassroots_a1, 10)
    services.record_session(
        actor=officer_a,
        campaign=campaign,
        unit=tree.grassroots_a1,
        held_on=TODAY,
        topic="Quán triệt",
        workers=5,
    )
    services.register(
        actor=officer_a, campaign=campaign, unit=tree.district_a, aimed_title=AimedTitle.EXCELLENT_COLLECTIVE
    )
    client = client_as(admin_user)
    page = client.get(url("unit_page", campaign.pk, tree.province.pk)).content.decode()
    for name in ("LĐLĐ huyện Hòa An", "Liên đoàn Lao động huyện Bảo Lạc", "Công đoàn Giáo dục tỉnh"):
        assert name.split(" ")[-1] in page
    assert url("unit_page", campaign.pk, tree.district_a.pk) in page
    assert "150 người" in page  # the cap is explained on the page
    inner = client.get(url("unit_page", campaign.pk, tree.district_a.pk)).content.decode()
    assert "CĐCS Trường Tiểu học Nước Hai" in inner and "CĐCS Trường THCS Bảo Lạc" not in inner
    assert "5 / 10" in inner


def test_a_childs_members_reached_link_to_its_dissemination_page_with_the_same_members_and_units(
    client_as, campaign, admin_user, officer_a, tree
):
    """Members and units are said apart: the progress row's "13 / 15 members" of a district opens
    its dissemination page, whose total reads the same members and the units the row counts."""
    from core.testing.pages import parse

    add_members(tree.grassroots_a1, 10)
    add_members(tree.grassroots_a2, 5)
    for unit, reached in ((tree.grassroots_a1, 8), (tree.grassroots_a2, 5)):
        services.record_session(
            actor=officer_a, campaign=campaign, unit=unit, held_on=TODAY, topic="Quán triệt", workers=reached
        )
    client = client_as(admin_user)
    page = parse(client.get(url("unit_page", campaign.pk, tree.province.pk)).content.decode())
    [table] = [e for e in page.walk() if e.attrs.get("id") == "progress-table"]
    headings = [th.text() for th in table.walk() if th.tag == "th"]
    assert headings[1:5] == [
        "Đơn vị tham gia",
        "Đã đăng ký",
        "Đoàn viên được quán triệt / thuộc phạm vi",
        "Đơn vị dưới ngưỡng",
    ]
    link = url("reach", campaign.pk, tree.district_a.pk)
    [row] = [
        tr for tr in table.walk() if tr.tag == "tr" and any(a.attrs.get("href") == link for a in tr.walk())
    ]
    cells = [td for td in row.children if not isinstance(td, str) and td.tag == "td"]
    units = cells[1].text()
    [members] = [a.text() for a in cells[3].walk() if a.tag == "a" and a.attrs.get("href") == link]
    assert (units, members) == ("3", "13 / 15 đoàn viên")  # the district and its two unions take part

    opened = client.get(link).content.decode()
    assert f"13 trên 15 đoàn viên được quán triệt, tại {units} đơn vị tham gia" in opened
    [foot] = [e for e in parse(opened).walk() if e.tag == "tfoot"]
    assert [td.text() for td in foot.walk() if td.tag == "td"][1:6] == [units, "2", "15", "13", "13"]


def test_every_tab_renders_for_an_officer_and_a_viewer(
    client_as, campaign, criteria, admin_user, officer_a, viewer, tree
):
    services.open_review_round(
        actor=admin_user, campaign=campaign, kind=ReviewRound.Kind.INTERIM, period_end=TODAY
    )
    for user, unit in (
        (admin_user, tree.province),
        (officer_a, tree.grassroots_a1),
        (viewer, tree.district_b),
    ):
        client = client_as(user)
        for name in ("unit_page", "registrations", "reach", "scoring", "clusters", "reviews"):
            response = client.get(url(name, campaign.pk, unit.pk))
            assert response.status_code == 200, (user, name)
        assert client.get(url("criteria", campaign.pk)).status_code == 200
        assert client.get(url("index")).status_code == 200


def test_an_officer_of_district_b_gets_404_for_district_as_pages_and_objects(
    client_as, campaign, criteria, officer_a, officer_b, admin_user, tree
):
    registration = services.register(
        actor=officer_a, campaign=campaign, unit=tree.district_a, aimed_title=AimedTitle.EXCELLENT_COLLECTIVE
    )
    score_all(officer_a, campaign, tree.district_a, criteria, {"1.1": 80, "1.2": 10, "2": 40})
    score = Score.objects.first()
    evidence = Score.objects.get(criterion__code="1.2").evidence.get()
    client = client_as(officer_b)
    for name in ("unit_page", "registrations", "reach", "scoring", "clusters", "reviews"):
        assert client.get(url(name, campaign.pk, tree.district_a.pk)).status_code == 404, name
    assert client.get(url("registration_detail", campaign.pk, registration.pk)).status_code == 404
    assert client.get(url("evidence_file", campaign.pk, evidence.pk)).status_code == 404
    assert client.post(url("score_confirm", campaign.pk, score.pk), {"points": "1"}).status_code == 404
    assert (
        client.post(
            url("score_self", campaign.pk, tree.district_a.pk, criterion(criteria, "2").pk), {"points": "60"}
        ).status_code
        == 404
    )
    assert Score.objects.get(pk=score.pk).self_points != 60


def test_a_district_cannot_see_a_campaign_of_another_district(
    client_as, tree, officer_a, officer_b, plan_type
):
    own = make_campaign(officer_b, tree.district_b, plan_type, types=("grassroots",))
    assert client_as(officer_a).get(url("campaign", own.pk)).status_code == 404
    assert own.name not in client_as(officer_a).get(url("index")).content.decode()


def test_creating_and_launching_a_campaign_through_the_pages(client_as, tree, admin_user, plan_type):
    from campaigns.tests.conftest import make_plan
    from organisations.testing import unit_type

    plan = make_plan(admin_user, tree.province, plan_type, requires_plan=True)
    client = client_as(admin_user)
    response = client.post(
        url("campaign_create"),
        {
            "name": "Đợt thi đua chào mừng Đại hội",
            "kind": "special",
            "theme": "Đoàn kết - sáng tạo - vượt khó",
            "starts_on": (TODAY - dt.timedelta(days=5)).isoformat(),
            "ends_on": (TODAY + dt.timedelta(days=90)).isoformat(),
            "organiser": tree.province.pk,
            "included_unit_types": [unit_type("district").pk, unit_type("grassroots").pk],
            "launching_document": plan.pk,
            "reach_threshold": 80,
            "content_items": "Quán triệt Chỉ thị 35\nĐến toàn thể cán bộ, đoàn viên\n\nĐổi mới công tác thi đua",
        },
    )
    campaign = Campaign.objects.get()
    assert response.status_code == 302 and campaign.content_items.count() == 2
    assert campaign.content_items.first().text == "Đến toàn thể cán bộ, đoàn viên"
    assert "6 đơn vị" in client.get(url("campaign_launch", campaign.pk)).content.decode()
    response = client.post(url("campaign_launch", campaign.pk))
    campaign.refresh_from_db()
    assert campaign.status == Campaign.Status.LAUNCHED and campaign.participants.count() == 6


def test_bad_input_on_the_pages_shows_clear_messages_and_saves_nothing(
    client_as, campaign, criteria, officer_a, tree
):
    client = client_as(officer_a)
    response = client.post(
        url("score_self", campaign.pk, tree.district_a.pk, criterion(criteria, "2").pk),
        {"points": "75"},
        follow=True,
    )
    assert "vượt quá điểm tối đa 60" in response.content.decode()
    bad = SimpleUploadedFile("minh-chung.pdf", b"not really a pdf at all", content_type="application/pdf")
    response = client.post(
        url("score_self", campaign.pk, tree.district_a.pk, criterion(criteria, "1.2").pk),
        {"points": "10", "evidence": bad},
        follow=True,
    )
    assert "minh-chung.pdf" in response.content.decode() and not Score.objects.exists()
    campaign.registration_deadline = TODAY - dt.timedelta(days=1)
    campaign.save()
    response = client.post(
        url("registrations", campaign.pk, tree.district_a.pk), {"aimed_title": "co_thi_dua"}
    )
    assert "đã kết thúc" in response.content.decode() and not Registration.objects.exists()


# Query counts -----------------------------------------------------------------------------


def _province_with(n_grassroots: int, plan_type):
    """A province of its own with three mid-level unions and `n_grassroots` grassroots unions, and
    a campaign with members, registrations, sessions, scores and review reports for all of them."""
    province = make_unit("province", code=f"P{n_grassroots}")
    admin = user_with_role(Role.ADMIN, province, username=f"admin{n_grassroots}")
    parents = [make_unit("district", province, code=f"D{n_grassroots}-{i}") for i in range(2)]
    parents.append(make_unit("sector", province, code=f"S{n_grassroots}"))
    for i in range(n_grassroots):
        make_unit("grassroots", parents[i % 3], code=f"G{n_grassroots}-{i}")
    campaign = make_campaign(admin, province, plan_type)
    cs = build_criteria(admin, campaign)
    review_round = services.open_review_round(
        actor=admin, campaign=campaign, kind=ReviewRound.Kind.INTERIM, period_end=TODAY
    )
    indicators = {i.pk: 1 for i in campaign.indicators.all()}
    for participant in campaign.participants.select_related("unit__unit_type"):
        unit = participant.unit
        services.register(
            actor=admin, campaign=campaign, unit=unit, aimed_title=AimedTitle.ADVANCED_COLLECTIVE
        )
        if unit.unit_type.may_have_members:
            add_members(unit, 3)
            services.record_session(
                actor=admin, campaign=campaign, unit=unit, held_on=TODAY, topic="Quán triệt", workers=2
            )
        services.self_score(
            actor=admin, campaign=campaign, unit=unit, criterion=criterion(cs, "2"), points=40
        )
        services.save_review_report(
            actor=admin, review_round=review_round, unit=unit, values=indicators, results="Tốt", submit=True
        )
    services.create_cluster(actor=admin, organiser=province, name="Cụm", year=campaign.year, units=parents)
    return campaign, province, admin


PAGES = ["unit_page", "reach", "registrations", "reviews", "scoring", "clusters"]


def test_the_campaign_pages_query_count_does_not_grow_with_the_number_of_units(client, tree, plan_type):
    counts: dict[str, list[int]] = {page: [] for page in PAGES}
    for n in (10, 60):
        campaign, province, admin = _province_with(n, plan_type)
        assert campaign.participants.count() == n + 3
        client.force_login(admin)
        for page in PAGES:
            client.get(url(page, campaign.pk, province.pk))  # warm the session
            with CaptureQueriesContext(connection) as queries:
                response = client.get(url(page, campaign.pk, province.pk))
            assert response.status_code == 200
            counts[page].append(len(queries))
    assert all(a == b for a, b in counts.values()), counts


@pytest.mark.parametrize("page", ["unit_page", "reach"])
def test_the_campaign_page_computes_the_reach_once(client, tree, plan_type, page):
    """The reach by child unit and the units below the threshold come from the same reading of
    every participating unit's members and sessions, not one reading each."""
    campaign, province, admin = _province_with(6, plan_type)
    client.force_login(admin)
    client.get(url(page, campaign.pk, province.pk))  # warm the session
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url(page, campaign.pk, province.pk))
    assert response.status_code == 200
    reach_reads = [q["sql"] for q in queries if " AS reached" in q["sql"]]
    assert len(reach_reads) == 1, reach_reads
    # every grassroots union reached 2 of its 3 members (67 % < 80 %): all six are listed below
    below = response.context["below"]
    assert len(below) == 6 and all(p.unit_below == 1 for p in below)
    reached = response.context["progress"].total.reach if page == "unit_page" else response.context["total"]
    assert (reached.scope, reached.reached) == (6 * 3, 6 * 2)


def test_the_breadcrumb_keeps_the_year_of_a_long_campaign_name(client_as, admin_user, tree, plan_type):
    """A live campaign and last year's differ only by the year at the end of the name: the
    breadcrumb must not cut it off ("… năm 2…")."""
    name = "Phong trào thi đua “Lao động giỏi, lao động sáng tạo” năm 2026"
    campaign = make_campaign(admin_user, tree.province, plan_type, name=name)
    page = client_as(admin_user).get(url("unit_page", campaign.pk, tree.province.pk)).content.decode()
    breadcrumbs = page.split('class="breadcrumbs"', 1)[1].split("</div>", 1)[0]
    assert "năm 2026</a>" in breadcrumbs
