"""The registry over /api/v1/documents/: the same scope, rules and messages as the pages."""

import json

import pytest

from accounts.models import ApiToken
from documents.models import Document, Obligation
from documents.tests.conftest import ISSUED_ON


@pytest.fixture
def api(client):
    """`api(user).get(path)` / `.post(path, body)` with the user's bearer token."""

    class Api:
        def __init__(self, user):
            self.auth = {"HTTP_AUTHORIZATION": f"Bearer {ApiToken.issue(user, 'test')[1]}"}

        def get(self, path, **params):
            return client.get(f"/api/v1/documents{path}", params, **self.auth)

        def post(self, path, body=None):
            return client.post(
                f"/api/v1/documents{path}",
                json.dumps(body or {}),
                content_type="application/json",
                **self.auth,
            )

    return Api


def test_an_officer_creates_and_issues_a_plan_through_the_api(symbols, officer_a, api):
    client = api(officer_a)
    response = client.post(
        "/",
        {
            "issuer_unit_id": symbols.district_a.pk,
            "doc_type_code": "KH",
            "summary": "Kế hoạch phát động thi đua",
            "requires_plan": False,
            "recipient_unit_ids": [symbols.grassroots_a1.pk, symbols.grassroots_a2.pk],
        },
    )
    assert response.status_code == 201, response.content
    created = response.json()
    assert created["status"] == "draft" and sorted(created["recipient_unit_ids"]) == sorted(
        [symbols.grassroots_a1.pk, symbols.grassroots_a2.pk]
    )

    issued = client.post(f"/{created['id']}/issue", {"issued_on": "2015-06-20"}).json()
    assert issued["number_symbol"] == "01/KH-LĐLĐ" and issued["status"] == "issued"
    board = client.get(f"/{created['id']}/board").json()
    assert (board["total"], board["pending"]) == (2, 2)


def test_broken_rules_answer_400_with_the_vietnamese_message(plan, admin_user, api):
    response = api(admin_user).post(f"/{plan.pk}/issue", {"issued_on": "2015-08-01"})
    assert response.status_code == 400
    assert response.json()["detail"]["plan_deadline"] == ["Hạn nộp kế hoạch không thể trước ngày ban hành."]
    response = api(admin_user).post(
        f"/{plan.pk}/issue", {"issued_on": "2015-06-15", "number_symbol": "75/KH"}
    )
    assert response.status_code == 400 and "number_symbol" in response.json()["detail"]
    plan.refresh_from_db()
    assert plan.status == Document.Status.DRAFT


def test_a_foreign_draft_answers_404_through_the_api(symbols, officer_a, officer_b, api, types):
    from documents import services

    draft = services.create_draft(
        actor=officer_a, issuer=symbols.district_a, doc_type=types["KH"], summary="KH"
    )
    client = api(officer_b)
    assert client.get(f"/{draft.pk}").status_code == 404
    assert client.post(f"/{draft.pk}/issue", {}).status_code == 404
    assert client.get(f"/{draft.pk}/board").status_code == 404
    assert (
        client.post(
            "/", {"issuer_unit_id": symbols.district_a.pk, "doc_type_code": "KH", "summary": "x"}
        ).status_code
        == 404
    )
    assert draft.pk not in [d["id"] for d in client.get("/").json()["items"]]


def test_the_list_filters_and_searches(issued_plan, officer_a, api, admin_user):
    client = api(officer_a)
    listed = client.get("/", sent_to_me="true").json()
    assert [d["id"] for d in listed["items"]] == [issued_plan.pk]
    assert client.get("/", q="thi dua dac biet").json()["count"] == 1
    assert client.get("/", type="QĐ").json()["count"] == 0
    assert client.get("/", year=2014).json()["count"] == 0
    detail = client.get(f"/{issued_plan.pk}").json()
    assert detail["recipients_text"].startswith("LĐLĐ các huyện") and detail["issuer_name"]


def test_the_list_counts_exactly_up_to_the_cap_and_says_when_there_are_more(
    symbols, admin_user, api, types, monkeypatch
):
    """The rule: `count` is exact up to 1,000 (`count_is_exact`); above that it says 1,000 and
    `count_is_exact` is false, as the registry page says “more than 1,000”."""
    from documents import selectors, services

    for summary in ("Thông báo một", "Thông báo hai", "Thông báo ba"):
        services.create_draft(
            actor=admin_user, issuer=symbols.province, doc_type=types["TB"], summary=summary
        )
    client = api(admin_user)
    monkeypatch.setattr(selectors, "COUNT_CAP", 3)
    assert client.get("/", q="thong bao").json() | {"items": None} == {
        "items": None,
        "count": 3,
        "count_is_exact": True,
    }
    monkeypatch.setattr(selectors, "COUNT_CAP", 2)
    listed = client.get("/", q="thong bao", limit=5).json()
    assert (listed["count"], listed["count_is_exact"]) == (2, False)
    assert len(listed["items"]) == 3  # the page itself is not cut at the cap
    assert len(client.get("/", q="thong bao", offset=2).json()["items"]) == 1


def test_a_recipient_acknowledges_through_the_api_and_others_cannot(
    issued_plan, officer_a, officer_b, api, symbols
):
    obligation = Obligation.objects.get(document=issued_plan, unit=symbols.district_a)
    assert api(officer_b).post(f"/obligations/{obligation.pk}/acknowledge").status_code == 404
    response = api(officer_a).post(f"/obligations/{obligation.pk}/acknowledge")
    assert response.status_code == 200 and response.json()["state"] == "late"  # acknowledged, plan overdue
    assert response.json()["acknowledged_at"]


def test_the_board_of_a_district_officer_holds_only_their_unit(issued_plan, officer_a, api):
    board = api(officer_a).get(f"/{issued_plan.pk}/board").json()
    assert [o["unit"] for o in board["obligations"]] == ["Liên đoàn Lao động huyện Hòa An"]
    assert board["total"] == 1


def test_document_types_are_listed(api, admin_user, types):
    assert {t["code"] for t in api(admin_user).get("/types").json()} >= {"KH", "CT", "CV", "QĐ"}


def test_without_a_token_the_api_answers_401(client, issued_plan):
    assert client.get(f"/api/v1/documents/{issued_plan.pk}").status_code == 401


def test_the_issue_date_defaults_to_today(symbols, admin_user, api, types):
    from documents import services

    draft = services.create_draft(
        actor=admin_user, issuer=symbols.province, doc_type=types["TB"], summary="TB"
    )
    issued = api(admin_user).post(f"/{draft.pk}/issue").json()
    assert issued["issued_on"] is not None and issued["number_symbol"].endswith("/TB-LĐLĐ")
    assert ISSUED_ON.year <= int(issued["issued_on"][:4])


@pytest.mark.parametrize("field", ["q", "type", "status"])
def test_a_control_character_in_a_list_filter_is_refused_by_name(issued_plan, officer_a, api, field):
    """A NUL in a filter once reached PostgreSQL, which cannot hold it in text: a 500 (found by the
    API fuzz test on PostgreSQL). It is refused like a form refuses it, naming the field."""
    response = api(officer_a).get("/", **{field: "KH\x00"})
    assert response.status_code in (400, 422)
    assert field in response.content.decode() and "U+0000" in response.content.decode()
