"""A member code is unique in the whole system (a member keeps it through transfers and mergers; the
award import finds members by it), so a code taken anywhere is refused — in words that say nothing of
where its holder is: an officer of district A cannot tell from the form, the import or the API whether
a code belongs to a member of district B, a unit they cannot see (services.code_refused)."""

import json

import pytest
from django.urls import reverse

from accounts.models import ApiToken
from core.testing.pages import field_message
from organisations.imports import check_member_file
from organisations.models import Member
from organisations.testing import MemberFactory
from organisations.tests.test_import_export import workbook

NEVER_SAID = ("đã tồn tại", "đã được dùng", "đã có", "already")


@pytest.fixture
def codes(tree):
    """A code held in B1 (hidden from officer A), one held in A1 (officer A's own) and one held nowhere."""
    hidden = MemberFactory(unit=tree.grassroots_b1, code="CS-B1-0001", full_name="Bế Thị Kín")
    own = MemberFactory(unit=tree.grassroots_a1, code="CS-A1-0001", full_name="Nông Văn Mình")
    return {"hidden": hidden.code, "own": own.code, "nowhere": "CS-X-0001", "hidden_member": hidden}


def _says_nothing_of_b(text: str, tree, codes) -> None:
    assert codes["hidden_member"].full_name not in text
    assert tree.grassroots_b1.name not in text and tree.district_b.name not in text
    assert not any(words in text for words in NEVER_SAID)


def test_the_form_refuses_a_hidden_units_code_as_it_refuses_the_officers_own(
    tree, officer_a, client_as, codes
):
    client = client_as(officer_a)

    def refusal(code):
        data = {
            "code": code,
            "full_name": "Lý Văn An",
            "gender": "M",
            "category": "worker",
            "status": "active",
        }
        response = client.post(reverse("organisations:member_create", args=[tree.grassroots_a1.pk]), data)
        assert response.status_code == 200
        return field_message(response.content.decode(), "code").replace(code, "<mã>")

    hidden = refusal(codes["hidden"])
    assert hidden == refusal(codes["own"])
    assert (
        hidden
        == "Mã đoàn viên “<mã>” không dùng được cho đoàn viên này: hãy đối chiếu lại mã trên thẻ đoàn viên."
    )
    _says_nothing_of_b(hidden, tree, codes)
    assert not Member.objects.filter(full_name="Lý Văn An").exists()

    # changing a member's code: the same words
    mine = MemberFactory(unit=tree.grassroots_a1, code="CS-A1-0002", full_name="Lục Thị Sửa")
    data = {
        "code": codes["hidden"],
        "full_name": mine.full_name,
        "gender": "F",
        "category": "worker",
        "status": "active",
    }
    response = client.post(reverse("organisations:member_edit", args=[mine.pk]), data)
    assert field_message(response.content.decode(), "code").replace(codes["hidden"], "<mã>") == hidden


def test_the_import_refuses_a_hidden_units_code_as_it_refuses_the_officers_own(tree, codes):
    rows = [[codes["hidden"], "Lý Văn An", "Nam", "", "", "", "", "CS-A1", ""]]
    hidden = check_member_file(workbook(rows), tree.district_a).errors
    rows[0][0] = codes["own"]
    own = check_member_file(workbook(rows), tree.district_a).errors
    assert [(e.row, e.column) for e in hidden] == [(e.row, e.column) for e in own] == [(2, "Mã đoàn viên")]
    assert hidden[0].message.replace(codes["hidden"], "<mã>") == own[0].message.replace(codes["own"], "<mã>")
    _says_nothing_of_b(hidden[0].message, tree, codes)


def test_the_api_refuses_a_hidden_units_code_as_it_refuses_the_officers_own_and_finds_it_nowhere(
    tree, officer_a, client, codes
):
    _, key = ApiToken.issue(officer_a, "test")
    auth = {"HTTP_AUTHORIZATION": f"Bearer {key}"}

    def create(code):
        payload = {"code": code, "full_name": "Lý Văn An", "gender": "M", "unit_id": tree.grassroots_a1.pk}
        response = client.post(
            "/api/v1/organisations/members", payload, content_type="application/json", **auth
        )
        return response.status_code, json.dumps(response.json(), ensure_ascii=False).replace(code, "<mã>")

    hidden = create(codes["hidden"])
    assert hidden == create(codes["own"])
    assert hidden == (
        400,
        '{"detail": {"code": ["Mã đoàn viên “<mã>” không dùng được cho đoàn viên này: hãy đối chiếu lại mã '
        'trên thẻ đoàn viên."]}}',
    )
    _says_nothing_of_b(hidden[1], tree, codes)

    # looking the code up answers as for a code held nowhere
    def search(code):
        return client.get("/api/v1/organisations/members", {"q": code}, **auth).json()

    assert (
        search(codes["hidden"])
        == search(codes["nowhere"])
        == {"items": [], "count": 0, "count_is_exact": True}
    )


def test_the_member_picker_finds_a_hidden_units_code_nowhere(tree, officer_a, client_as, codes):
    client = client_as(officer_a)

    def suggestions(code):
        response = client.get(reverse("organisations:member_search"), {"q": code})
        return response.status_code, response.content.decode().replace(code, "<mã>")

    assert suggestions(codes["hidden"]) == suggestions(codes["nowhere"])
