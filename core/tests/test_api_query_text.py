"""Every text parameter of every API operation is cleaned in one place (core.api.clean_query_text):
a NUL once reached PostgreSQL through a list filter, which cannot hold it in text, and answered 500."""

import re

import pytest

from accounts.models import ApiToken
from core.tests import authz
from thidua.api import api


def _text_query_parameters():
    schema = api.get_openapi_schema()
    for path, operations in schema["paths"].items():
        get = operations.get("get")
        if not get or "{" in path:
            continue
        for parameter in get.get("parameters", []):
            if parameter["in"] == "query" and parameter["schema"].get("type") == "string":
                yield path, parameter["name"]


TEXT_PARAMETERS = sorted(set(_text_query_parameters()))


def test_the_api_has_text_filters_to_check():
    # the lists filter by words and codes: if this finds none, the test below checks nothing
    assert {name for _, name in TEXT_PARAMETERS} >= {"q", "status"}


@pytest.mark.parametrize("path, name", TEXT_PARAMETERS)
def test_a_control_character_in_any_text_filter_is_refused_by_name(tree, client, path, name):
    world = authz.build_world(tree)
    token = ApiToken.issue(world.users[authz.ADMIN], "query-text")[1]
    url = re.sub(r"^/api/v1", "", path)
    response = client.get(f"/api/v1{url}", {name: "a\x00b"}, headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 400, response.content[:300]
    body = response.json()["detail"]
    assert name in body and "U+0000" in body[name][0]


def test_an_ordinary_filter_still_answers(tree, client):
    world = authz.build_world(tree)
    token = ApiToken.issue(world.users[authz.ADMIN], "query-text")[1]
    response = client.get(
        "/api/v1/organisations/units", {"q": "Hòa An"}, headers={"Authorization": f"Bearer {token}"}
    )
    assert response.status_code == 200
    assert [unit["name"] for unit in response.json()["items"]] == ["Liên đoàn Lao động huyện Hòa An"]
