"""Input the API's schemas refuse (pydantic: a missing field, a wrong type, a bad date) answers 422 in
the active language, each message under its field and naming it, in the shape of the API's other
refusals: `{"detail": {field: [message]}}` (core.api.ThiduaAPI, install_error_handlers)."""

import pytest
from django.conf import settings

from accounts.models import ApiToken


@pytest.fixture
def post_member(client, officer_a, tree):
    _, key = ApiToken.issue(officer_a, "test")

    def post(language="vi", body=None, **changes):
        payload = {"code": "API1", "full_name": "Lý Văn An", "gender": "M", "unit_id": tree.grassroots_a1.pk}
        payload.update(changes)
        payload = {name: value for name, value in payload.items() if value is not None}
        client.cookies[settings.LANGUAGE_COOKIE_NAME] = language  # the language switch's choice
        return client.post(
            "/api/v1/organisations/members",
            payload if body is None else body,
            content_type="application/json",
            HTTP_AUTHORIZATION=f"Bearer {key}",
        )

    return post


def refusal(response, status=422) -> dict:
    assert response.status_code == status, response.content
    return response.json()["detail"]


def test_a_missing_required_field_is_named_in_vietnamese(post_member):
    assert refusal(post_member(full_name=None)) == {"full_name": ["Trường «họ và tên» là bắt buộc."]}


def test_a_value_of_the_wrong_type_is_named_with_the_type_it_must_have(post_member):
    assert refusal(post_member(unit_id="abc", code=5)) == {
        "code": ["Trường «mã đoàn viên» phải là văn bản."],
        "unit_id": ["Trường «đơn vị» phải là số nguyên."],
    }
    assert refusal(post_member(gender="X")) == {
        "gender": ["Trường «giới tính» phải là một trong các giá trị: 'M', 'F'."]
    }


@pytest.mark.parametrize("typed", ["31/12/1990", "1990-02-31"])
def test_a_bad_date_is_quoted_back_with_the_form_a_date_takes(post_member, typed):
    assert refusal(post_member(birth_date=typed)) == {
        "birth_date": [
            f"“{typed}” không phải là ngày: trường «ngày sinh» ghi theo dạng YYYY-MM-DD (ví dụ 2024-12-31)."
        ]
    }


def test_a_too_long_string_answers_in_the_same_shape_naming_the_field(post_member):
    """Text is checked by core.schemas.CleanInput after the schema's types (a 400, as every text check)."""
    assert refusal(post_member(full_name="x" * 500), status=400) == {
        "full_name": ["Trường «họ và tên» quá dài: tối đa 120 ký tự (hiện có 500)."]
    }


def test_every_refused_field_is_answered_at_once_and_a_missing_body_is_said(post_member):
    assert refusal(post_member(full_name=None, birth_date="hôm qua", unit_id="một")) == {
        "full_name": ["Trường «họ và tên» là bắt buộc."],
        "unit_id": ["Trường «đơn vị» phải là số nguyên."],
        "birth_date": [
            "“hôm qua” không phải là ngày: trường «ngày sinh» ghi theo dạng YYYY-MM-DD (ví dụ 2024-12-31)."
        ],
    }
    assert refusal(post_member(body="")) == {
        "__all__": ["Thiếu nội dung yêu cầu, hoặc nội dung không phải một đối tượng JSON."]
    }


def test_a_refused_query_parameter_is_named_too(client, officer_a):
    _, key = ApiToken.issue(officer_a, "test")
    auth = {"HTTP_AUTHORIZATION": f"Bearer {key}"}
    answer = client.get("/api/v1/organisations/members", {"limit": "abc"}, **auth)
    assert refusal(answer) == {"limit": ["Trường «limit» phải là số nguyên."]}
    answer = client.get("/api/v1/organisations/members", {"limit": 0}, **auth)
    assert refusal(answer) == {"limit": ["Trường «limit» phải từ 1 trở lên."]}


def test_the_messages_follow_the_active_language(post_member):
    assert refusal(post_member(language="en", full_name=None, birth_date="31/12/1990")) == {
        "full_name": ["full name is required."],
        "birth_date": ["“31/12/1990” is not a date: birth date is written YYYY-MM-DD (e.g. 2024-12-31)."],
    }
