"""Scanned PDFs (no text layer) are read through OCR with Tesseract's Vietnamese data; where
Tesseract is missing the officer is told so. OCR is slow (several seconds a page on the shared
machine): these tests read three corpus documents, not the whole corpus."""

import time

import pytest

from core.testing.skips import files_only
from documents.reader import ReaderError, read_file
from documents.reader import pdf_text as pdf_module
from documents.tests.corpus_files import build_pdf, build_scan, corpus_documents
from documents.tests.test_corpus import FIELDS, field_scores

pytestmark = files_only()

# A plan, a decision with proposals and a decision with recipients, from three issuers.
SCANNED = ("kh-594-2021-ubnd-nghean", "qd-vbpl-157468-ubnd-baclieu", "qd-736-2008-ttg")


@pytest.fixture(scope="module")
def scans(tmp_path_factory):
    folder = tmp_path_factory.mktemp("scans")
    out = []
    for document in corpus_documents():
        if document.name in SCANNED:
            pdf = build_pdf(document.text, folder / f"{document.name}.pdf")
            out.append((document, build_scan(pdf, folder / f"{document.name}-scan.pdf")))
    return out


def test_scans_at_200_dpi_slightly_skewed_read_90_percent_of_fields(scans):
    assert len(scans) == len(SCANNED)
    scores, wrong = [], []
    started = time.monotonic()
    for document, scan in scans:
        assert b"/Font" not in scan.read_bytes()  # an image only: no text layer to fall back on
        found = read_file(scan).as_json()
        result = field_scores(found, document.expected)
        scores.extend(result.values())
        wrong.extend(f"{document.name}: {field}" for field, ok in result.items() if not ok)
    print(f"\nOCR of {len(scans)} scans: {time.monotonic() - started:.0f} s; wrong: {wrong}")
    assert sum(scores) / len(scores) >= 0.90, wrong
    assert len(scores) == len(scans) * len(FIELDS)


def test_diacritics_survive_ocr(scans):
    document, scan = next((d, s) for d, s in scans if d.name == "qd-vbpl-157468-ubnd-baclieu")
    found = read_file(scan)
    assert found.title == "Ban hành Quy chế Thi đua, Khen thưởng trên địa bàn tỉnh Bạc Liêu"
    # Tesseract may take one tone mark for another (TỈNH/TĨNH): the name still matches a unit.
    assert found.issuer.startswith("ỦY BAN NHÂN DÂN T") and found.issuer.endswith("NH BẠC LIÊU")
    assert [b.number_symbol for b in found.bases] == ["91/2017/NĐ-CP", "12/2019/TT-BNV", "05/2020/TT-BNV"]


def test_without_tesseract_the_officer_is_told_plainly(scans, monkeypatch):
    monkeypatch.setattr(pdf_module.shutil, "which", lambda name: None)
    with pytest.raises(ReaderError, match="bản scan.*chưa cài phần mềm nhận dạng chữ Tesseract"):
        read_file(scans[0][1])


def test_a_long_scan_is_refused_before_any_ocr(scans, monkeypatch):
    monkeypatch.setattr(pdf_module, "OCR_MAX_PAGES", 0)
    started = time.monotonic()
    with pytest.raises(ReaderError, match="bản scan 1 trang"):
        read_file(scans[0][1])
    assert time.monotonic() - started < 5
