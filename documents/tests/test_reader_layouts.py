"""The reading of a document does not depend on how a web copy flattened its header table: every
scored corpus text whose header `layouts.locate_header` can tell apart is laid out again each way
of `layouts.LAYOUTS` and must still read right (the corpus test's scoring) on the header's
fields. Over the whole scored set (58 of 158 documents laid out, 18 layouts) it reads in a few
seconds, so no sample is taken."""

import pytest

from documents.reader import ReaderError, read_text
from documents.tests.corpus_files import corpus_documents, held_out_names
from documents.tests.layouts import LAYOUTS, locate_header, relay
from documents.tests.test_corpus import field_scores

THRESHOLD = 0.97
HEADER_FIELDS = ("type", "title", "issuer", "number_symbol", "date")
# Fewer laid-out documents would mean the locator stopped finding headers, not a better reader.
MIN_LAID_OUT = 50


def _read(text: str) -> dict | None:
    try:
        return read_text(text).as_json()
    except ReaderError:
        return None


@pytest.fixture(scope="module")
def laid_out() -> list:
    held_out = held_out_names()
    return [d for d in corpus_documents() if d.name not in held_out and locate_header(d.text) is not None]


def test_enough_headers_are_told_apart(laid_out):
    assert len(laid_out) >= MIN_LAID_OUT


@pytest.mark.parametrize("layout", LAYOUTS)
def test_the_header_fields_read_the_same_whatever_the_layout(laid_out, layout):
    scores = [field_scores(_read(relay(d.text, layout) or ""), d.expected) for d in laid_out]
    rates = {f: sum(s[f] for s in scores) / len(scores) for f in HEADER_FIELDS}
    wrong = [
        f"{d.name}: {f}" for d, s in zip(laid_out, scores, strict=True) for f in HEADER_FIELDS if not s[f]
    ]
    assert all(rate >= THRESHOLD for rate in rates.values()), (rates, wrong)


def test_a_header_is_laid_out_without_losing_a_cell():
    text = (
        "LIÊN ĐOÀN LAO ĐỘNG TỈNH CAO BẰNG      CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "BAN CHẤP HÀNH      Độc lập - Tự do - Hạnh phúc\n"
        "Số: 75/KH-LĐLĐ      Cao Bằng, ngày 15 tháng 6 năm 2015\n"
        "KẾ HOẠCH\nTổ chức tháng công nhân năm 2015\n"
    )
    assert relay(text, "columns").splitlines()[:5] == [
        "LIÊN ĐOÀN LAO ĐỘNG TỈNH CAO BẰNG",
        "BAN CHẤP HÀNH",
        "Số: 75/KH-LĐLĐ",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
    ]
    assert relay(text, "glued").splitlines()[2] == "Số: 75/KH-LĐLĐCao Bằng, ngày 15 tháng 6 năm 2015"
    assert relay(text, "one_line").splitlines()[1] == "KẾ HOẠCH"
    assert relay("KẾ HOẠCH\nTổ chức tháng công nhân\n", "rows") is None  # no header: skipped
