"""Every write of the JSON API checks its text as the forms do (issue 13, finding 9), over real
HTTP with a bearer token — run it on PostgreSQL, which refuses NUL bytes and over-long text
with a 500 where SQLite silently stores them."""

import datetime as dt

import pytest

from accounts.models import Role
from accounts.testing import user_with_role
from organisations.models import Member
from thidua.api import api

pytestmark = pytest.mark.live

WRITE_METHODS = {"post", "put", "patch"}


def _resolve(schema, components):
    while "$ref" in schema:
        schema = components[schema["$ref"].rsplit("/", 1)[1]]
    if "allOf" in schema and len(schema["allOf"]) == 1:
        return _resolve(schema["allOf"][0], components)
    if "anyOf" in schema:  # optional fields: X | None
        options = [option for option in schema["anyOf"] if option.get("type") != "null"]
        return _resolve(options[0], components)
    return schema


def _example(schema, components):
    """The smallest value of the right type: enough to get past type checks to the text checks."""
    schema = _resolve(schema, components)
    if "enum" in schema:
        return schema["enum"][0]
    kind = schema.get("type")
    if kind == "string":
        return str(dt.date.today()) if schema.get("format") in ("date", "date-time") else "x"
    if kind in ("integer", "number"):
        return 1
    if kind == "boolean":
        return False
    if kind == "array":
        return []
    if kind == "object" and "properties" in schema:
        return {
            name: _example(prop, components)
            for name, prop in schema["properties"].items()
            if name in schema.get("required", [])
        }
    return {}


def _write_operations():
    """(method, path with ids filled in, body schema, components) for every write operation."""
    document = api.get_openapi_schema()
    components = document["components"]["schemas"]
    for path, operations in document["paths"].items():
        for method, operation in operations.items():
            content = operation.get("requestBody", {}).get("content", {}).get("application/json")
            if method not in WRITE_METHODS or not content:
                continue
            concrete = "/".join("999999" if part.startswith("{") else part for part in path.split("/"))
            yield (
                method.upper(),
                concrete.removeprefix("/api/v1"),
                _resolve(content["schema"], components),
                components,
            )


def _string_fields(schema, components):
    for name, prop in schema.get("properties", {}).items():
        resolved = _resolve(prop, components)
        if resolved.get("type") == "string" and "format" not in resolved and "enum" not in resolved:
            yield name, False
        if (
            resolved.get("type") == "array"
            and _resolve(resolved.get("items", {}), components).get("type") == "string"
        ):
            yield name, True


def test_the_fuzz_reaches_every_write_of_every_app():
    apps = {path.split("/")[1] for _method, path, _schema, _c in _write_operations()}
    assert apps == {"organisations", "documents", "campaigns", "awards", "publishing"}
    assert sum(1 for op in _write_operations() for _field in _string_fields(op[2], op[3])) >= 40


def test_every_write_refuses_nul_and_overlong_text_with_a_message_naming_the_field(bearer_client, tree):
    program = bearer_client(user_with_role(Role.ADMIN, tree.province, username="quantri"))
    failures = []
    for method, path, schema, components in _write_operations():
        base = _example(schema, components)
        for field, is_list in _string_fields(schema, components):
            for bad in ("a\x00b", "a\x1b[31mb", "x" * 5000):
                body = dict(base, **{field: [bad] if is_list else bad})
                response = program.api(method, path, body)
                detail = (
                    response.json().get("detail")
                    if response.headers["Content-Type"].startswith("application/json")
                    else None
                )
                if response.status_code >= 500:
                    failures.append((method, path, field, repr(bad[:5]), response.status_code))
                elif bad != "x" * 5000 and not (
                    response.status_code == 400 and field in detail and "không được phép" in detail[field][0]
                ):
                    failures.append(
                        (method, path, field, repr(bad[:5]), response.status_code, str(detail)[:200])
                    )
                elif bad == "x" * 5000 and response.status_code == 400 and field in detail:
                    assert "quá dài" in detail[field][0], detail
    assert not failures, failures


def test_a_member_over_the_api_is_checked_as_the_form_checks_it(bearer_client, tree):
    program = bearer_client(user_with_role(Role.ADMIN, tree.district_a, username="quantri.a"))
    body = {"code": "API-1", "gender": "F", "unit_id": tree.grassroots_a1.pk}
    too_long = program.api("POST", "/organisations/members", dict(body, full_name="Nguyễn " * 1000))
    assert too_long.status_code == 400
    assert (
        "Họ và tên" in too_long.json()["detail"]["full_name"][0] or "full_name" in too_long.json()["detail"]
    )
    nul = program.api("POST", "/organisations/members", dict(body, full_name="Nguyễn\x00Văn A"))
    assert nul.status_code == 400 and "không được phép" in nul.json()["detail"]["full_name"][0]
    assert not Member.objects.filter(code="API-1").exists()
    spoof = program.api(
        "POST", "/organisations/members", dict(body, full_name="Nguyễn\u200b Văn\u202e A\ufeff")
    )
    assert spoof.status_code == 201, spoof.text
    assert Member.objects.get(code="API-1").full_name == "Nguyễn Văn A"


BODIES = ["[]", '"text"', "42", "null", "{", '{"code": "\\ud800"}', "\xff\xfe"]
CONTENT_TYPES = [
    "text/plain",
    "application/xml",
    "multipart/form-data; boundary=x",
    "application/x-www-form-urlencoded",
]
ODD_IDS = [
    "/organisations/members/-1",
    "/organisations/units/99999999999999999999",
    "/documents/-5",
    "/campaigns/0",
    "/publishing/articles/9007199254740993",
]


def test_malformed_requests_answer_a_json_4xx(bearer_client, tree):
    """Bodies that are not an object or not JSON, wrong content types, negative and huge ids."""
    program = bearer_client(user_with_role(Role.ADMIN, tree.district_a, username="quantri.a"))
    for body in BODIES:
        response = program.api(
            "POST",
            "/organisations/members",
            data=body.encode("utf-8", "surrogatepass"),
            headers={"Content-Type": "application/json"},
        )
        assert 400 <= response.status_code < 500, (body, response.status_code)
        assert response.headers["Content-Type"].startswith("application/json"), body
    for content_type in CONTENT_TYPES:
        response = program.api(
            "POST", "/organisations/members", data=b'{"code": "CT-1"}', headers={"Content-Type": content_type}
        )
        assert 400 <= response.status_code < 500, (content_type, response.status_code)
    assert not Member.objects.filter(code="CT-1").exists()
    for path in ODD_IDS:
        for method in ("GET", "POST", "PATCH"):
            response = program.api(method, path, {} if method != "GET" else None)
            assert 400 <= response.status_code < 500, (method, path, response.status_code)
            assert response.headers["Content-Type"].startswith("application/json"), (method, path)
