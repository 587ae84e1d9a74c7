"""The JSON API under /api/v1/publishing/: same scope (404 outside) and predicates (403) as the pages."""

import datetime as dt
import json

import pytest

from publishing.models import AdvancedModel, Article

Status = Article.Status
API = "/api/v1/publishing"


def _post(client, url, data):
    return client.post(url, json.dumps(data), content_type="application/json")


@pytest.fixture
def payload(tree, category):
    return {
        "title": "Cô giáo cắm bản ở Nước Hai",
        "category_id": category.pk,
        "unit_id": tree.grassroots_a1.pk,
        "lead": "Mười năm gắn bó với điểm trường.",
        "body": "<p>Nội dung <em>bài</em>.</p>",
        "related_unit_ids": [tree.district_a.pk],
    }


def test_the_whole_flow_over_the_api(client_as, writer_a1, editors, payload):
    response = _post(client_as(writer_a1), f"{API}/articles", payload)
    assert response.status_code == 201, response.content
    article = response.json()
    assert article["slug"] == "co-giao-cam-ban-o-nuoc-hai" and article["status"] == "draft"
    assert article["related_unit_ids"] == [payload["related_unit_ids"][0]]
    pk = article["id"]
    assert _post(client_as(writer_a1), f"{API}/articles/{pk}/submit", {}).json()["status"] == "submitted"
    assert (
        _post(client_as(editors.district_a), f"{API}/articles/{pk}/approve", {"comment": "Tốt"}).json()[
            "status"
        ]
        == "approved"
    )
    assert _post(client_as(editors.district_a), f"{API}/articles/{pk}/publish", {}).status_code == 403
    published = _post(client_as(editors.province), f"{API}/articles/{pk}/publish", {}).json()
    assert (
        published["status"] == "published"
        and published["public_url"] == "/tin-tuc/co-giao-cam-ban-o-nuoc-hai/"
    )
    assert [e["to_status"] for e in published["events"]] == ["draft", "submitted", "approved", "published"]


def test_an_officer_of_district_b_gets_404_for_district_a_articles(client_as, officer_b, make_article):
    article = make_article(Status.SUBMITTED)
    client = client_as(officer_b)
    assert client.get(f"{API}/articles/{article.pk}").status_code == 404
    assert _post(client, f"{API}/articles/{article.pk}/approve", {}).status_code == 404
    assert (
        client.patch(
            f"{API}/articles/{article.pk}", json.dumps({"title": "x"}), content_type="application/json"
        ).status_code
        == 404
    )
    assert client.get(f"{API}/articles").json()["items"] == []


def test_writing_for_a_unit_outside_the_scope_answers_404(client_as, officer_b, payload):
    assert _post(client_as(officer_b), f"{API}/articles", payload).status_code == 404


def test_a_script_in_the_body_answers_400_with_the_message(client_as, writer_a1, payload):
    payload["body"] = "<p>x</p><script>alert(1)</script>"
    response = _post(client_as(writer_a1), f"{API}/articles", payload)
    assert response.status_code == 400
    assert "<script>" in " ".join(response.json()["detail"]["body"])
    assert Article.objects.count() == 0


def test_publishing_without_approval_answers_400(client_as, editors, make_article):
    article = make_article(Status.SUBMITTED)
    response = _post(client_as(editors.province), f"{API}/articles/{article.pk}/publish", {})
    assert response.status_code == 400 and "status" in response.json()["detail"]


def test_returning_needs_a_comment(client_as, editors, make_article):
    article = make_article(Status.SUBMITTED)
    assert _post(client_as(editors.district_a), f"{API}/articles/{article.pk}/return", {}).status_code == 400
    returned = _post(
        client_as(editors.district_a), f"{API}/articles/{article.pk}/return", {"comment": "Thêm ảnh"}
    )
    assert returned.json()["status"] == "returned"


def test_the_list_filters_and_the_work_queue(client_as, editors, make_article):
    make_article(Status.SUBMITTED, title="Chờ duyệt")
    make_article(Status.DRAFT, title="Nháp")
    items = client_as(editors.district_a).get(f"{API}/articles", {"queue": "review"}).json()["items"]
    assert [i["title"] for i in items] == ["Chờ duyệt"]
    assert "body" not in items[0]


def test_patching_an_article(client_as, writer_a1, make_article):
    article = make_article()
    response = client_as(writer_a1).patch(
        f"{API}/articles/{article.pk}", json.dumps({"title": "Tên mới"}), content_type="application/json"
    )
    assert response.status_code == 200 and response.json()["slug"] == "ten-moi"


def test_advanced_models_over_the_api(client_as, officer_a, officer_b, tree):
    client = client_as(officer_a)
    response = _post(
        client,
        f"{API}/models",
        {
            "title": "Tổ hợp tác chăn nuôi bò",
            "unit_id": tree.grassroots_a2.pk,
            "summary": "Nuôi bò vỗ béo",
            "period_start": "2025-01-01",
            "movement": "nong-thon-moi",
            "field_of_work": "agriculture",
            "figures": [{"label": "Thu nhập tăng", "value": "35.5", "unit_of_measure": "%"}],
        },
    )
    assert response.status_code == 201, response.content
    model = response.json()
    assert model["stage"] == "found" and model["figures"][0]["label"] == "Thu nhập tăng"
    advanced = _post(
        client, f"{API}/models/{model['id']}/advance", {"on": str(dt.date.today()), "note": "Đã bồi dưỡng"}
    )
    assert advanced.json()["stage"] == "nurtured"
    _post(client, f"{API}/models/{model['id']}/advance", {})
    replicated = _post(
        client,
        f"{API}/models/{model['id']}/replications",
        {"unit_id": tree.grassroots_a1.pk, "adopted_on": str(dt.date.today())},
    )
    assert replicated.status_code == 201 and replicated.json()["stage"] == "replicating"
    assert client.get(f"{API}/models", {"q": "chan nuoi bo"}).json()["count"] == 1
    assert client_as(officer_b).get(f"{API}/models/{model['id']}").status_code == 404
    assert _post(client_as(officer_b), f"{API}/models/{model['id']}/advance", {}).status_code == 404
    assert AdvancedModel.objects.count() == 1


def test_the_api_needs_authentication(client, db):
    assert client.get(f"{API}/articles").status_code == 401
