"""The official copy of a registry document, in the layout of Nghị định 30/2020/NĐ-CP, read
back the way a reader would: pdftotext for the PDF, python-docx for the DOCX."""

import datetime as dt
import io
import shutil
import subprocess
import unicodedata

import docx
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from documents import official, services
from documents.models import Document
from documents.rendering import Section

needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")


def test_the_body_becomes_a_preamble_and_numbered_items():
    preamble, items = official.body_sections(
        "Căn cứ Chỉ thị số 35/CT-TTg;\nBan Thường vụ đề nghị:\n1. Quán triệt Chỉ thị.\nGắn với nhiệm vụ năm 2015.\n"
        "2. Đăng ký thi đua:\na) Hoàn thành nhiệm vụ;\nb) Phát hiện điển hình.\nII. TỔ CHỨC THỰC HIỆN\n1. Báo cáo."
    )
    assert preamble == ["Căn cứ Chỉ thị số 35/CT-TTg;", "Ban Thường vụ đề nghị:"]
    assert items[0] == Section("1.", ["Quán triệt Chỉ thị.", "Gắn với nhiệm vụ năm 2015."])
    assert items[1] == Section(
        "2.",
        ["Đăng ký thi đua:"],
        [Section("a)", ["Hoàn thành nhiệm vụ;"]), Section("b)", ["Phát hiện điển hình."])],
    )
    assert items[2] == Section("II. TỔ CHỨC THỰC HIỆN", [], [Section("1.", ["Báo cáo."])])


def test_the_header_names_the_superior_body_abbreviated_and_the_issuer_in_capitals(cao_bang, types):
    draft = services.create_draft(
        actor=cao_bang.admin,
        issuer=cao_bang.province,
        doc_type=types["KH"],
        summary="Kế hoạch",
        place="Cao Bằng",
        recipients_text="LĐLĐ các huyện, thành phố",
    )
    doc = official.official_document(draft)
    assert doc.superior_body == "TỔNG LĐLĐ VIỆT NAM"
    assert doc.issuer == "LIÊN ĐOÀN LAO ĐỘNG TỈNH CAO BẰNG"
    assert doc.number_symbol == "/KH-LĐLĐ"  # a draft: the number is left blank
    assert doc.type_name == "KẾ HOẠCH" and doc.date is None
    assert doc.recipients == ["LĐLĐ các huyện, thành phố", "Lưu: VT"]  # the archive line by default


def test_a_cong_van_prints_as_a_letter(symbols, admin_user, types):
    letter = services.create_draft(
        actor=admin_user,
        issuer=symbols.province,
        doc_type=types["CV"],
        summary="V/v đôn đốc",
        drafting_office="CSPL",
    )
    assert official.official_document(letter).is_letter
    assert official.official_document(letter).number_symbol == "/LĐLĐ-CSPL"


@needs_poppler
def test_the_pdf_keeps_the_vietnamese_text_intact(issued_plan):
    pdf = official.document_pdf(issued_plan)
    assert pdf.startswith(b"%PDF-")
    text = subprocess.run(
        ["pdftotext", "-layout", "-", "-"], input=pdf, capture_output=True, check=True
    ).stdout
    text = unicodedata.normalize("NFC", text.decode("utf-8"))
    flat = " ".join(text.split())
    for expected in (
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Số: 01/KH-LĐLĐ",
        "Cao Bằng, ngày 15 tháng 6 năm 2015",
        "KẾ HOẠCH",
        "LIÊN ĐOÀN LAO ĐỘNG TỈNH CAO BẰNG",
        "Phát động đợt thi đua đặc biệt chào mừng Đại hội Đảng các cấp",
        "Tổ chức quán triệt, tuyên truyền Chỉ thị 35/CT-TTg",
        "Nơi nhận:",
        "Lưu: VT",
        "TM. BAN THƯỜNG VỤ",
        "PHÓ CHỦ TỊCH",
        "Lương Văn Thắng",
    ):
        assert expected in flat, expected


def test_the_docx_is_an_editable_word_file_with_the_same_text(issued_plan):
    document = docx.Document(io.BytesIO(official.document_docx(issued_plan)))
    text = "\n".join(p.text for p in document.paragraphs)
    text += "\n".join(c.text for t in document.tables for row in t.rows for c in row.cells)
    assert "KẾ HOẠCH" in text and "Số: 01/KH-LĐLĐ" in text
    assert "Phát hiện, bồi dưỡng và nhân rộng điển hình tiên tiến." in text


def test_downloads_answer_with_the_right_type_and_name(issued_plan, client_as, admin_user):
    client = client_as(admin_user)
    pdf = client.get(f"/van-ban/{issued_plan.pk}/tai-ve.pdf")
    assert pdf["Content-Type"] == "application/pdf"
    assert 'filename="kh-01-kh-ldld-2015.pdf"' in pdf["Content-Disposition"]
    word = client.get(f"/van-ban/{issued_plan.pk}/tai-ve.docx")
    assert word["Content-Type"].startswith("application/vnd.openxmlformats-officedocument.wordprocessingml")


def _docx_text(data: bytes) -> str:
    document = docx.Document(io.BytesIO(data))
    text = "\n".join(p.text for p in document.paragraphs)
    return text + "\n".join(c.text for t in document.tables for row in t.rows for c in row.cells)


def _reads(queries, table: str) -> int:
    return sum(f'FROM "{table}"' in query["sql"] for query in queries)


def test_a_download_reads_the_document_and_its_header_in_one_query_and_prints_it_whole(
    issued_plan, symbols, admin_user, types, client_as
):
    """Whatever the kind (an issued plan under its superior body, a draft letter whose number is
    composed, an act recorded from an outside body), the download prints what the full record
    prints, and reads the document, its type, its issuer and the issuer's superior in one query:
    no field printing needs is left behind to fetch one by one."""
    letter = services.create_draft(
        actor=admin_user,
        issuer=symbols.province,
        doc_type=types["CV"],
        summary="V/v đôn đốc",
        drafting_office="CSPL",
        body="Đề nghị các đơn vị báo cáo.",
    )
    directive = services.record_external(
        actor=admin_user,
        doc_type=types["CT"],
        number_symbol="35/CT-TTg",
        issued_on=dt.date(2014, 12, 19),
        summary="Chỉ thị của Thủ tướng",
        issuer_body=services.outside_body("Thủ tướng Chính phủ"),
    )
    client = client_as(admin_user)
    for document in (issued_plan, letter, directive):
        whole = _docx_text(official.document_docx(Document.objects.get(pk=document.pk)))
        with CaptureQueriesContext(connection) as queries:
            answer = client.get(f"/van-ban/{document.pk}/tai-ve.docx")
        assert answer.status_code == 200
        assert _docx_text(answer.getvalue()) == whole
        assert _reads(queries, "documents_document") == 1, document.summary
        for table in ("documents_documenttype", "organisations_unit", "documents_externalbody"):
            assert _reads(queries, table) == 0, (document.summary, table)
