"""A form never refuses without saying why: each field's message under the field, in Vietnamese, under
the id its input is described by; what is wrong with the form as a whole (a forged or missing form
count, a hidden value) at its top. Nothing is saved; a reading stays, to be corrected."""

import pytest

from core.testing.pages import field_message, missing_descriptions, top_messages
from documents.models import Document, Reading
from documents.tests.test_reading import HOA_AN_TEXT, READ_URL, review_data


@pytest.fixture
def reading(symbols, officer_a, client_as):
    client_as(officer_a).post(READ_URL, {"text": HOA_AN_TEXT})
    return Reading.objects.get()


def _refused(client, reading, data) -> str:
    response = client.post(f"{READ_URL}{reading.pk}/", data)
    assert response.status_code == 200
    assert not Document.objects.exists()
    assert Reading.objects.filter(pk=reading.pk).exists()  # kept, to correct and save again
    page = response.content.decode()
    assert missing_descriptions(page) == []
    return page


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("signer_name", "Nguyễn Văn A" * 20, "tối đa 120 kí tự"),
        ("signer_position", "Chủ tịch" * 20, "tối đa 80 kí tự"),
        ("signer_authority", "TM. Ban Thường vụ" * 10, "tối đa 80 kí tự"),
        ("body", "1. Tổ chức\x00 tuyên truyền", "Không được phép có ký tự null"),
        ("recipients_text", "- Như trên;\x00\n- Lưu VT.", "Không được phép có ký tự null"),
        ("place", "Hòa An" * 20, "tối đa 80 kí tự"),
    ],
)
def test_a_refused_field_says_why_under_itself(reading, officer_a, client_as, field, value, message):
    page = _refused(client_as(officer_a), reading, review_data(reading, officer_a, **{field: value}))

    assert message in field_message(page, field)


def test_a_refused_legal_basis_says_why_in_its_row(reading, officer_a, client_as):
    data = review_data(reading, officer_a, **{"bases-0-issuer_name": "Liên đoàn" * 30})
    page = _refused(client_as(officer_a), reading, data)

    assert "tối đa 200 kí tự" in field_message(page, "bases-0-issuer_name")


def test_a_forged_count_of_legal_bases_is_told_at_the_top(reading, officer_a, client_as):
    data = review_data(reading, officer_a, **{"bases-TOTAL_FORMS": 100000})
    page = _refused(client_as(officer_a), reading, data)

    assert "Vui lòng gửi không quá 100 dòng." in top_messages(page)


def test_a_form_missing_its_count_of_legal_bases_is_told_at_the_top(reading, officer_a, client_as):
    data = review_data(reading, officer_a)
    del data["bases-TOTAL_FORMS"]
    page = _refused(client_as(officer_a), reading, data)

    assert "Dữ liệu của biểu mẫu bị thiếu hoặc đã bị sửa" in top_messages(page)


def test_a_forged_registry_match_is_told_at_the_top(reading, officer_a, client_as):
    page = _refused(client_as(officer_a), reading, review_data(reading, officer_a, **{"bases-0-match": "x"}))

    assert "Văn bản trong sổ: Nhập một số nguyên." in top_messages(page)


# The ids the inputs are described by ------------------------------------------------------------


def test_every_description_of_a_refused_review_is_on_the_page(reading, officer_a, client_as):
    data = review_data(reading, officer_a, number_symbol="x" * 61, place="x" * 81, signer_name="x" * 121)
    page = _refused(client_as(officer_a), reading, data)

    assert 'aria-describedby="id_number_symbol_helptext id_number_symbol_error"' in page
    assert missing_descriptions(page) == []


def test_every_description_of_a_refused_draft_is_on_the_page(symbols, officer_a, types, client_as):
    response = client_as(officer_a).post(
        "/van-ban/soan-thao/",
        {"issuer": symbols.district_a.pk, "doc_type": "", "summary": "", "place": "x" * 81},
    )
    page = response.content.decode()

    assert response.status_code == 200 and not Document.objects.exists()
    assert page.count('aria-invalid="true"') >= 3  # summary, type, place (described by its help too)
    assert missing_descriptions(page) == []
