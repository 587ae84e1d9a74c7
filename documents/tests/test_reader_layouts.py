"""The reading of a document does not depend on how a web copy flattened its header table: every
scored corpus text whose header `layouts.locate_header` can tell apart is laid out again each way
of `layouts.LAYOUTS` and must still read right (the corpus test's scoring) on the header's
fields. Over the whole scored set (88 of 166 documents laid out, 17 layouts) it reads in about ten
seconds, so no sample is taken."""

import pytest

from core.testing.skips import files_only
from documents.reader import ReaderError, read_text
from documents.tests.corpus_files import CORPUS, corpus_documents, held_out_names
from documents.tests.layouts import LAYOUTS, locate_header, relay
from documents.tests.test_corpus import field_scores

pytestmark = files_only()

THRESHOLD = 0.97
HEADER_FIELDS = ("type", "title", "issuer", "number_symbol", "date")
# Fewer laid-out documents would mean the locator stopped finding headers, not a better reader.
MIN_LAID_OUT = 85


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


def _header(name: str):
    return locate_header((CORPUS / f"{name}.txt").read_text(encoding="utf-8"))


def test_a_header_wrapped_in_narrow_cells_is_joined_back_cell_by_cell():
    header = _header("kh-29-2018-ubnd-thainguyen")  # "ỦY" / "BAN NHÂN DÂN", "CỘNG" / "HÒA …", "Số:" / "29/…"
    assert header.names == ["ỦY BAN NHÂN DÂN", "TỈNH THÁI NGUYÊN"]
    assert header.motto == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    assert (header.number, header.date) == ("Số: 29/KH-UBND", "Thái Nguyên, ngày 22 tháng 3 năm 2018")


def test_a_summary_going_on_beside_the_date_is_one_cell():
    header = _header("cv-179-2016-cdvc")
    assert header.summary == (
        "V/v tuyên truyền kỷ niệm 87 năm Ngày thành lập Công đoàn Việt Nam (28/7/1929 – 28/7/2016)"
    )
    assert header.date == "Hà Nội, ngày 18 tháng 7 năm 2016"


def test_cells_run_together_are_parted_at_the_motto_and_the_number():
    header = _header("qd-172-2015-ubnd-bacgiang")
    assert header.names == ["UBND TỈNH BẮC GIANG"]
    assert (header.number, header.subtitle) == ("Số: 172/2015/QĐ-UBND", "Độc lập - Tự do - Hạnh phúc")
    assert header.date == "Bắc Giang, ngày 5 tháng 5 năm 2015"


@pytest.mark.parametrize(
    "name",
    [
        "qd-1689-2019-tld-repost",  # a site's "MỤC LỤC VĂN BẢN" / "*" above the issuer's name
        "qd-263-2011-ttg",  # "T H Ủ   T Ư Ớ N G": a letter-spaced name
        "bc-255-2020-bcdpcgd-ngason",  # "Số: 255 / BC-BCĐPCGD-" / … / "XMC": a number cut at its hyphen
    ],
)
def test_a_doubtful_header_is_skipped(name):
    assert _header(name) is None
