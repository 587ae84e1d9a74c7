"""Vietnamese alphabetical order (core.text.collation_key) and the Vietnamese order of people
(person_sort_key): "a ă â b c d đ e ê …, tones after the base letter"."""

import random
import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from core.text import collation_key, person_sort_key

ALPHABETICAL = [
    "A",
    "À",
    "Ả",
    "Ã",
    "Á",
    "Ạ",
    "An",
    "Anh",
    "Ánh",
    "Ăn",
    "Ân",
    "Ấn",
    "Bảo Lạc",
    "Cao Bằng",
    "Dung",
    "Đào",
    "Em",
    "Ê",
    "Hà",
    "Hoa",
    "Ô",
    "Ơ",
    "Tổ 2",
    "Tổ 10",
    "U",
    "Ư",
    "Zô",
]


def test_letters_follow_the_vietnamese_alphabet_and_tones_come_after_the_base_letter():
    shuffled = list(ALPHABETICAL)
    random.Random(17).shuffle(shuffled)
    assert sorted(shuffled, key=collation_key) == ALPHABETICAL


def test_d_with_stroke_sorts_after_d_and_before_z_not_after_z_as_code_points_do():
    assert sorted(["Zô", "Đồng Khê", "Dân Chủ"]) == ["Dân Chủ", "Zô", "Đồng Khê"]  # what code points give
    assert sorted(["Zô", "Đồng Khê", "Dân Chủ"], key=collation_key) == ["Dân Chủ", "Đồng Khê", "Zô"]


def test_case_spacing_and_normalisation_do_not_change_the_order():
    assert collation_key("CAO BẰNG") == collation_key("cao  bằng")
    assert collation_key(unicodedata.normalize("NFD", "Nguyễn Thị Ệ")) == collation_key("Nguyễn Thị Ệ")


def test_people_sort_by_given_name_then_family_and_middle_names():
    people = ["Lê Thị Bình", "Trần Văn An", "Đỗ Thị Ánh", "Nguyễn An", "Võ Đức", "Nguyễn Anh", "Lê Dũng"]
    assert sorted(people, key=person_sort_key) == [
        "Nguyễn An",
        "Trần Văn An",
        "Nguyễn Anh",
        "Đỗ Thị Ánh",
        "Lê Thị Bình",
        "Lê Dũng",
        "Võ Đức",
    ]


@given(st.lists(st.text(alphabet="aăâbdđeêoôơuưyz ÀÁẢÃẠàáảãạ0123456789-", max_size=12), max_size=8))
def test_the_key_is_digits_only_so_every_database_collation_compares_it_the_same(texts):
    for text in texts:
        key = collation_key(text)
        assert key.isdigit() and key.isascii()
        assert person_sort_key(text).isdigit()
