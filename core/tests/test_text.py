import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from core.text import fold, normalize, slugify_vi


def test_fold_ignores_accents_and_case():
    assert fold("Cao Bằng") == "cao bang"
    assert fold("LIÊN ĐOÀN Lao động") == "lien doan lao dong"


def test_fold_maps_d_with_stroke_to_d():
    assert fold("Đoàn viên đăng ký") == "doan vien dang ky"


def test_fold_is_the_same_for_nfc_and_nfd_input():
    text = "Nguyễn Thị Hồng Nhung, Trùng Khánh"
    assert fold(unicodedata.normalize("NFD", text)) == fold(unicodedata.normalize("NFC", text))


def test_normalize_makes_nfd_equal_to_nfc_and_collapses_spaces():
    nfd = unicodedata.normalize("NFD", "  Hoàng   Thị\tThu ")
    assert normalize(nfd) == "Hoàng Thị Thu"
    assert normalize(nfd) == unicodedata.normalize("NFC", "Hoàng Thị Thu")


def test_slug_from_vietnamese_title():
    assert slugify_vi("Người tốt, việc tốt ở Hòa An!") == "nguoi-tot-viec-tot-o-hoa-an"


@given(st.text())
def test_fold_is_idempotent_and_has_no_combining_marks(text):
    folded = fold(text)
    assert fold(folded) == folded
    assert not any(unicodedata.combining(ch) for ch in folded)
    assert "đ" not in folded and "Đ" not in folded


@given(st.text(alphabet=st.sampled_from("aăâeêioôơuưyđAĂÂĐ ̣̀́̃̉bcdghklmnpqrstvx")))
def test_fold_does_not_depend_on_normalisation_form(text):
    assert fold(unicodedata.normalize("NFC", text)) == fold(unicodedata.normalize("NFD", text))
