"""The JSON API: the same rules and scope as the pages."""

import base64
import datetime as dt
import json
from decimal import Decimal

from campaigns import services
from campaigns.models import AimedTitle, Campaign, ReviewRound, Score
from campaigns.tests.conftest import TODAY, add_members, criterion, make_plan, score_all

API = "/api/v1/campaigns"


def post(client, path, data):
    return client.post(f"{API}{path}", json.dumps(data, default=str), content_type="application/json")


def test_an_officer_creates_and_launches_a_campaign_over_the_api(client_as, tree, admin_user, plan_type):
    plan = make_plan(admin_user, tree.province, plan_type, requires_plan=True)
    client = client_as(admin_user)
    response = post(
        client,
        "/",
        {
            "organiser_id": tree.province.pk,
            "name": "Đợt thi đua đặc biệt",
            "theme": "Đoàn kết - sáng tạo",
            "starts_on": TODAY - dt.timedelta(days=3),
            "ends_on": TODAY + dt.timedelta(days=60),
            "included_unit_types": ["district", "grassroots"],
            "launching_document_id": plan.pk,
            "movements": ["cao-bang-nong-thon-moi"],
            "content_items": [{"order": 1, "title": "Quán triệt Chỉ thị 35", "text": ""}],
        },
    )
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["movements"] == ["Cao Bằng chung sức xây dựng nông thôn mới"]
    assert [b["name"] for b in body["grade_bands"]] == ["Xuất sắc", "Tốt", "Khá", "Trung bình"]
    launched = post(client, f"/{body['id']}/launch", {})
    assert launched.status_code == 200 and launched.json()["status"] == "launched"
    assert Campaign.objects.get().participants.count() == 6


def test_progress_reach_and_leaderboards_over_the_api(
    client_as, campaign, criteria, admin_user, officer_a, tree
):
    add_members(tree.grassroots_a1, 10)
    services.record_session(
        actor=officer_a,
        campaign=campaign,
        unit=tree.grassroots_a1,
        held_on=TODAY,
        topic="Quán triệt",
        workers=4,
    )
    client = client_as(admin_user)
    body = client.get(f"{API}/{campaign.pk}/progress").json()
    assert body["unit_id"] == tree.province.pk
    hoa_an = next(r for r in body["rows"] if r["unit_id"] == tree.district_a.pk)
    assert hoa_an["reach"]["reached"] == 4 and hoa_an["reach"]["scope"] == 10 and hoa_an["participants"] == 3
    below = client.get(f"{API}/{campaign.pk}/reach/below-threshold").json()
    assert below[0]["unit_id"] == tree.grassroots_a1.pk and below[0]["ratio"] == 0.4
    assert client.get(f"{API}/{campaign.pk}/criteria").json()["criteria"][0]["code"] == "1"
    assert client.get(f"{API}/{campaign.pk}/leaderboards").json() == []


def test_registration_and_scoring_over_the_api(client_as, campaign, criteria, admin_user, officer_a, tree):
    client = client_as(officer_a)
    response = post(
        client,
        f"/{campaign.pk}/registrations",
        {
            "unit_id": tree.district_a.pk,
            "aimed_title": AimedTitle.EXCELLENT_COLLECTIVE,
            "targets": {str(criterion(criteria, "1.1").pk): "95"},
        },
    )
    assert response.status_code == 201 and response.json()["targets"] == {
        str(criterion(criteria, "1.1").pk): "95.00"
    }
    registration_id = response.json()["id"]
    assert post(client, f"/{campaign.pk}/registrations/{registration_id}/approve", {}).status_code == 403
    approved = post(client_as(admin_user), f"/{campaign.pk}/registrations/{registration_id}/approve", {})
    assert approved.json()["status"] == "approved"

    client = client_as(officer_a)
    too_high = post(
        client,
        f"/{campaign.pk}/scores",
        {"unit_id": tree.district_a.pk, "criterion_id": criterion(criteria, "2").pk, "points": 61},
    )
    assert too_high.status_code == 400
    assert "vượt quá điểm tối đa 60" in too_high.json()["detail"]["points"][0]
    score = post(
        client,
        f"/{campaign.pk}/scores",
        {"unit_id": tree.district_a.pk, "criterion_id": criterion(criteria, "1.2").pk, "points": 15},
    ).json()
    bad = post(
        client,
        f"/{campaign.pk}/scores/{score['id']}/evidence",
        {"name": "a.pdf", "content_base64": base64.b64encode(b"MZ an executable").decode()},
    )
    assert bad.status_code == 400 and "a.pdf" in bad.json()["detail"]["__all__"][0]
    good = post(
        client,
        f"/{campaign.pk}/scores/{score['id']}/evidence",
        {"name": "a.pdf", "content_base64": base64.b64encode(b"%PDF-1.4 ok").decode()},
    )
    assert good.status_code == 201 and good.json()["evidence"] == ["a.pdf"]
    for code, points in (("1.1", None), ("2", 50)):
        payload = {
            "unit_id": tree.district_a.pk,
            "criterion_id": criterion(criteria, code).pk,
            "points": points,
        }
        if code == "1.1":
            payload["actual_value"] = 100
        assert post(client, f"/{campaign.pk}/scores", payload).status_code == 201
    assert (
        post(client, f"/{campaign.pk}/sheets/{tree.district_a.pk}/submit", {}).json()["status"] == "submitted"
    )
    admin = client_as(admin_user)
    first = post(admin, f"/{campaign.pk}/scores/{score['id']}/confirm", {})
    assert first.status_code == 200 and first.json()["status"] == "confirmed"
    second = post(admin, f"/{campaign.pk}/scores/{score['id']}/confirm", {"points": 10, "reason": "x"})
    assert second.status_code == 400 and "đã bị khóa" in second.json()["detail"]["__all__"][0]
    sheet = admin.get(f"{API}/{campaign.pk}/sheets/{tree.district_a.pk}").json()
    assert sheet["confirmed"] == 1 and sheet["self_total"] == "85.00"


def test_other_districts_ids_answer_404_over_the_api(
    client_as, campaign, criteria, officer_a, officer_b, tree
):
    registration = services.register(
        actor=officer_a, campaign=campaign, unit=tree.district_a, aimed_title=AimedTitle.EXCELLENT_COLLECTIVE
    )
    score_all(officer_a, campaign, tree.district_a, criteria, {"1.1": 80, "1.2": 10, "2": 40})
    score = Score.objects.first()
    client = client_as(officer_b)
    assert client.get(f"{API}/{campaign.pk}/progress?unit_id={tree.district_a.pk}").status_code == 404
    assert client.get(f"{API}/{campaign.pk}/sheets/{tree.district_a.pk}").status_code == 404
    assert client.get(f"{API}/{campaign.pk}/registrations?unit_id={tree.district_a.pk}").status_code == 404
    assert post(client, f"/{campaign.pk}/registrations/{registration.pk}/approve", {}).status_code == 404
    assert (
        post(client, f"/{campaign.pk}/scores/{score.pk}/confirm", {"points": 1, "reason": "x"}).status_code
        == 404
    )
    assert (
        post(
            client,
            f"/{campaign.pk}/scores",
            {"unit_id": tree.district_a.pk, "criterion_id": criterion(criteria, "2").pk, "points": 1},
        ).status_code
        == 404
    )
    # and B's own view of the campaign holds nothing of A
    body = client.get(f"{API}/{campaign.pk}/progress").json()
    assert body["unit_id"] == tree.district_b.pk
    assert {r["unit_id"] for r in body["rows"]} == {tree.district_b.pk, tree.grassroots_b1.pk}


def test_reviews_over_the_api(client_as, campaign, admin_user, officer_a, tree):
    review_round = services.open_review_round(
        actor=admin_user, campaign=campaign, kind=ReviewRound.Kind.INTERIM, period_end=TODAY
    )
    client = client_as(officer_a)
    values = {"meetings": 2, "people_reached": 30, "models_found": 1, "articles": 2, "initiatives": 0}
    response = post(
        client,
        f"/{campaign.pk}/reviews/{review_round.pk}/reports",
        {"unit_id": tree.grassroots_a1.pk, "values": values, "results": "Tốt", "submit": True},
    )
    assert response.status_code == 201
    rollup = client_as(admin_user).get(f"{API}/{campaign.pk}/reviews/{review_round.pk}/rollup").json()
    assert Decimal(rollup["totals"]["people_reached"]) == 30
    assert next(r for r in rollup["rows"] if r["unit_id"] == tree.district_a.pk)["submitted"] == 1
