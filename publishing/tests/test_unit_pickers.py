"""Issue 17, "every select of more than ~20 units becomes such a picker": the advanced models' unit
filter and the bulletin's publisher are chosen by typing part of a name, with or without diacritics."""

import datetime as dt

from django.urls import reverse

from organisations.testing import make_unit
from publishing import services
from publishing.models import Movement


def _model(officer, unit, title):
    return services.create_model(
        actor=officer,
        unit=unit,
        title=title,
        summary="Vận động đoàn viên góp ngày công.",
        period_start=dt.date(2025, 3, 1),
        movement=Movement.NEW_RURAL_AREAS,
        field_of_work="agriculture",
    )


def test_the_model_list_is_filtered_by_a_unit_typed_without_accents(client_as, officer_a, tree):
    _model(officer_a, tree.grassroots_a1, "Mô hình của cơ sở A1")
    _model(officer_a, tree.grassroots_a2, "Mô hình của cơ sở A2")
    page = client_as(officer_a).get(
        reverse("publishing:model_list"), {"unit_text": tree.grassroots_a2.name.replace("ơ", "o")}
    )
    text = page.content.decode()
    assert "Mô hình của cơ sở A2" in text and "Mô hình của cơ sở A1" not in text


def test_the_model_list_offers_a_picker_when_there_are_many_units(client_as, officer_a, tree):
    for n in range(25):
        make_unit("grassroots", tree.district_a, name=f"Công đoàn cơ sở Trường số {n}")
    text = client_as(officer_a).get(reverse("publishing:model_list")).content.decode()
    assert 'name="unit_text"' in text and '<select name="unit"' not in text


def test_the_bulletin_publisher_is_typed_by_name(client_as, editors, tree):
    response = client_as(editors.district_a).post(
        reverse("publishing:bulletin_create"),
        {"publisher_text": "hoa an", "period_kind": "month", "period_index": "1", "year": "2025"},
    )
    errors = response.context["form"].errors
    # the publisher was found from "hoa an"; the period it names has no article yet
    assert "publisher" not in errors and tree.district_a.name in errors["period_index"][0]
    assert response.context["form"].cleaned_data["publisher"] == tree.district_a
