"""An article names the units it mentions with a picker (core.pickers), not a list of every unit of
the country: typed names are looked up without JavaScript, and ended units are never offered."""

import datetime as dt

import pytest

from organisations.testing import make_unit
from publishing.models import Article


def _form(tree, category, **changes):
    data = {
        "title": "Cô giáo cắm bản",
        "category": category.pk,
        "unit": tree.grassroots_a1.pk,
        "lead": "Mười năm gắn bó với điểm trường.",
        "body": "<p>Nội dung.</p>",
        "byline": "Đàm Văn Long",
    }
    data.update(changes)
    return data


@pytest.fixture
def schools(tree):
    return [
        make_unit("grassroots", tree.district_a, name=f"CĐCS Trường Mầm non Số {n:02d}", code=f"MN-{n:02d}")
        for n in range(1, 23)
    ]


def test_the_units_mentioned_are_a_picker_not_a_list_of_every_unit(client_as, writer_a1, tree, schools):
    page = client_as(writer_a1).get("/tin-bai/viet-bai/").content.decode()
    assert 'name="related_units_text"' in page and "data-picker-multi" in page
    assert schools[0].name not in page and tree.district_b.name not in page


def test_typed_names_are_saved_as_the_units_mentioned(client_as, writer_a1, tree, category, schools):
    response = client_as(writer_a1).post(
        "/tin-bai/viet-bai/",
        _form(tree, category, related_units=[str(schools[3].pk)], related_units_text="mam non so 07"),
    )
    assert response.status_code == 302
    assert set(Article.objects.get().related_units.all()) == {schools[3], schools[6]}


def test_an_ended_unit_cannot_be_mentioned_in_a_new_article(client_as, writer_a1, tree, category, schools):
    ended = schools[0]
    ended.valid_to = dt.date(2025, 7, 1)
    ended.save()
    response = client_as(writer_a1).post(
        "/tin-bai/viet-bai/", _form(tree, category, related_units=[str(ended.pk)])
    )
    assert response.status_code == 200 and Article.objects.count() == 0
    assert "Lựa chọn này không thuộc phạm vi của bạn" in response.content.decode()
