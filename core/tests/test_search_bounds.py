"""A search box or a picker given text longer than any search or name (a tester pasted 52,000
characters) is refused by the box's name with 400 or a form error, never a server error: SQLite
refuses a LIKE pattern over 50,000 bytes, and PostgreSQL must not be sent one either. Limits:
core.text.SEARCH_TEXT_LIMIT (200, a search phrase), NAME_TEXT_LIMIT (255, a name typed in a picker)."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from organisations.forms import UnitMultiPickerField
from organisations.models import Unit

PASTED = "x" * 52_000

LIST_PAGES = [
    ("organisations:unit_list", "q", "Tìm đơn vị (gõ có dấu hoặc không dấu)"),
    ("organisations:member_list", "q", "Tìm kiếm"),
    ("publishing:article_list", "q", "Tìm kiếm"),
    ("publishing:model_list", "q", "Tìm kiếm"),
    ("awards:nomination_list", "q", "Tìm kiếm"),
    ("awards:history", "q", "Tìm kiếm"),
    ("documents:index", "q", "Tìm kiếm (gõ không dấu cũng được)"),
]


@pytest.mark.parametrize("page,box,label", LIST_PAGES)
def test_a_list_search_longer_than_200_characters_is_refused_by_name(
    client_as, admin_user, members, page, box, label
):
    client = client_as(admin_user)

    response = client.get(reverse(page), {box: PASTED})

    assert response.status_code == 400
    assert f"Trường «{label}» quá dài: tối đa 200 ký tự (hiện có 52000)." in response.content.decode()
    assert client.get(reverse(page), {box: "x" * 200}).status_code == 200


def test_the_members_unit_box_is_refused_by_name_too(client_as, officer_a, members):
    response = client_as(officer_a).get(reverse("organisations:member_list"), {"unit_q": PASTED})

    assert response.status_code == 400
    assert "Trường «Đơn vị» quá dài: tối đa 100 ký tự" in response.content.decode()


def test_the_portal_search_is_refused_by_name(client, db):
    response = client.get(reverse("publishing:portal_search"), {"q": PASTED})

    assert response.status_code == 400
    assert "Trường «Tìm kiếm» quá dài: tối đa 200 ký tự" in response.content.decode()


def test_each_name_typed_in_a_picker_is_refused_alone_when_longer_than_any_name(tree):
    field = UnitMultiPickerField(queryset=Unit.objects.all())
    typed = field.widget.value_from_datadict({"u_text": "Đơn vị không tồn tại; " + PASTED}, {}, "u")

    with pytest.raises(ValidationError) as refused:
        field.clean(typed)

    first, second = refused.value.messages
    assert "“Đơn vị không tồn tại”" in first
    assert second == f"“{'x' * 40}…” dài hơn mọi tên (tối đa 255 ký tự): hãy gõ một phần của tên."


def test_a_unit_in_the_nominations_address_that_is_no_id_is_not_found(client_as, admin_user):
    for at_unit in ("abc", "9" * 25):
        response = client_as(admin_user).get(reverse("awards:nomination_list"), {"at_unit": at_unit})

        assert response.status_code == 404, at_unit
