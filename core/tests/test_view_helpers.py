"""The shared view helpers: errors land beside their field; downloads name the file safely."""

from django import forms
from django.core.exceptions import ValidationError

from core.view_helpers import DOCX, apply_errors, download, error_text


class NameForm(forms.Form):
    name = forms.CharField()


def test_a_service_error_lands_on_its_field_and_an_unknown_field_at_the_top():
    form = NameForm(data={"name": "x"})
    form.is_valid()
    apply_errors(form, ValidationError({"name": "Tên đã có.", "deadline": "Đã quá hạn."}))
    assert form.errors["name"] == ["Tên đã có."]
    assert form.non_field_errors() == ["Đã quá hạn."]


def test_an_error_without_fields_is_one_line_of_text():
    assert error_text(ValidationError(["Một.", "Hai."])) == "Một. Hai."


def test_a_download_with_a_vietnamese_name_and_a_quote_keeps_the_header_well_formed():
    response = download(b"PK", 'báo cáo "năm".docx', DOCX)
    disposition = response["Content-Disposition"]
    assert disposition.startswith("attachment;")
    assert "\n" not in disposition and '"năm"' not in disposition
    assert "filename*=utf-8''" in disposition
    assert response["Content-Type"] == DOCX
    assert b"".join(response.streaming_content) == b"PK"


def test_an_inline_download_opens_in_the_browser():
    assert download(b"%PDF", "x.pdf", "application/pdf", inline=True)["Content-Disposition"].startswith(
        "inline"
    )
