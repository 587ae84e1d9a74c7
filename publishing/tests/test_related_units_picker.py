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


def test_the_articles_own_unit_is_typed_not_chosen_from_a_list_of_every_unit(
    client_as, editors, tree, category, schools
):
    client = client_as(editors.district_a)  # writes for district A and its 24 unions
    page = client.get("/tin-bai/viet-bai/").content.decode()
    assert 'name="unit_text"' in page and schools[5].name not in page
    data = _form(tree, category, unit="", unit_text="Mầm non so 05")
    assert client.post("/tin-bai/viet-bai/", data).status_code == 302
    assert Article.objects.get().unit == schools[4]


def test_a_unit_outside_the_writers_scope_is_named_and_kept_in_its_box(
    client_as, editors, tree, category, schools
):
    response = client_as(editors.district_a).post(
        "/tin-bai/viet-bai/", _form(tree, category, unit="", unit_text="THCS Bảo Lạc")
    )
    page = response.content.decode()
    assert response.status_code == 200 and Article.objects.count() == 0
    assert "Không có kết quả nào trong phạm vi của bạn khớp với “THCS Bảo Lạc”" in page
    assert 'value="THCS Bảo Lạc"' in page
