"""Inputs that agree with the pages whatever the browser: dates typed as dd/mm/yyyy in every date input
(an HTML type=date input follows the BROWSER's locale: mm/dd/yyyy on a computer set to English), and text
longer than its field refused with a message rather than silently cut by the browser."""

import datetime as dt
import re

import pytest
from django import forms as django_forms
from django.conf import settings
from django.utils import translation

from awards import forms as awards_forms
from campaigns import forms as campaigns_forms
from core.forms import DateField, DateInput, DateTimeField
from documents import forms as documents_forms
from organisations import forms as organisations_forms
from organisations.models import Member
from publishing import forms as publishing_forms
from reports import forms as reports_forms

FORM_MODULES = [
    awards_forms,
    campaigns_forms,
    documents_forms,
    organisations_forms,
    publishing_forms,
    reports_forms,
]


def _all_forms():
    for module in FORM_MODULES:
        for value in vars(module).values():
            if (
                isinstance(value, type)
                and issubclass(value, django_forms.BaseForm)
                and value.__module__ == module.__name__
            ):
                yield value


@pytest.mark.parametrize("language", ["vi", "en"])
def test_a_date_is_read_as_day_month_year_in_both_languages(language):
    with translation.override(language):
        assert DateField().clean("05/12/2026") == dt.date(2026, 12, 5)
        assert DateField().clean("5-12-2026") == dt.date(2026, 12, 5)
        assert DateField().clean("2026-12-05") == dt.date(2026, 12, 5)  # ISO, as the API and old links send
        field = DateTimeField()
        assert field.clean("05/12/2026 14:30").replace(tzinfo=None) == dt.datetime(2026, 12, 5, 14, 30)


def test_a_month_first_date_is_refused_with_the_expected_form_shown():
    with translation.override("vi"), pytest.raises(django_forms.ValidationError) as refused:
        DateField().clean("12/31/2026")
    assert refused.value.messages == ["Nhập ngày theo dạng ngày/tháng/năm (dd/mm/yyyy), ví dụ 05/12/2026."]


def test_every_date_field_of_every_form_is_a_dd_mm_yyyy_text_input():
    checked = 0
    for form_class in _all_forms():
        for name, field in form_class.base_fields.items():
            if isinstance(field, django_forms.DateField | django_forms.DateTimeField):
                checked += 1
                assert isinstance(field, DateField | DateTimeField), f"{form_class.__name__}.{name}"
                assert field.widget.input_type == "text", f"{form_class.__name__}.{name}"
                assert "dd/mm/yyyy" in field.widget.attrs["placeholder"]
    assert checked >= 20


def test_the_member_form_shows_and_reads_dd_mm_yyyy_for_a_browser_and_interface_in_english(
    tree, officer_a, client_as
):
    member = Member.objects.create(
        code="DV-DATE",
        full_name="Nông Thị Hoa",
        gender="F",
        unit=tree.grassroots_a1,
        birth_date=dt.date(1990, 3, 12),
    )
    client = client_as(officer_a)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    url = f"/to-chuc/doan-vien/{member.pk}/sua/"
    page = client.get(url, HTTP_ACCEPT_LANGUAGE="en-US").content.decode()
    assert 'type="text" name="birth_date" value="12/03/1990"' in page
    assert 'type="date"' not in page
    data = {
        "code": "DV-DATE",
        "full_name": "Nông Thị Hoa",
        "gender": "F",
        "category": "worker",
        "status": "active",
    }
    response = client.post(url, {**data, "birth_date": "05/12/1991", "joined_on": "31/12/2015"})
    assert response.status_code == 302, response.content.decode()[:3000]
    member.refresh_from_db()
    assert (member.birth_date, member.joined_on) == (dt.date(1991, 12, 5), dt.date(2015, 12, 31))
    refused = client.post(url, {**data, "birth_date": "12/31/1991"})
    assert refused.status_code == 200
    assert "Enter the date as dd/mm/yyyy, for example 05/12/2026." in refused.content.decode()
    assert 'value="12/31/1991"' in refused.content.decode()  # the rejected value stays in its box


def test_the_widget_never_asks_the_browser_for_its_own_date_picker():
    assert DateInput().input_type == "text"


def test_a_long_pasted_name_is_not_cut_by_the_browser_but_refused_with_its_length(tree, officer_a, client_as):
    client = client_as(officer_a)
    url = f"/to-chuc/don-vi/{tree.grassroots_a1.pk}/doan-vien/them/"
    page = client.get(url).content.decode()
    assert 'data-maxlength="120"' in page and " maxlength=" not in page
    long_name = "Nguyễn Thị " + "Hoa" * 50
    data = {
        "code": "DV-LONG",
        "full_name": long_name,
        "gender": "F",
        "category": "worker",
        "status": "active",
    }
    refused = client.post(url, data)
    assert refused.status_code == 200
    errors = re.findall(r"<p class=\"error\">(.*?)</p>", refused.content.decode())
    assert errors == ["Giá trị này chỉ có tối đa 120 kí tự (hiện có 161)"]
    assert long_name in refused.content.decode()  # kept in its box, whole
    assert not Member.objects.filter(code="DV-LONG").exists()


@pytest.mark.parametrize("language", ["vi", "en"])
def test_a_number_is_shown_and_read_with_a_decimal_comma_in_a_text_input_in_both_languages(language):
    from decimal import Decimal

    from core.forms import DecimalField

    class Form(django_forms.Form):
        points = DecimalField(max_digits=6, decimal_places=2, min_value=0)

    with translation.override(language):
        bound = Form({"points": "95,5"})
        assert bound.is_valid() and bound.cleaned_data["points"] == Decimal("95.5")
        assert Form({"points": "95.5"}).is_valid()
        html = str(Form(initial={"points": Decimal("12.25")})["points"])
        assert 'type="text"' in html and 'value="12,25"' in html and 'inputmode="decimal"' in html
