"""Rendering official documents in the layout of Nghị định 30/2020/NĐ-CP.

Pure tests: no database. The seed plan (Kế hoạch 75/KH-LĐLĐ of the Cao Bằng Provincial
Labour Federation, 2015) is rendered to PDF and DOCX and read back the way a reader would:
pdftotext for the PDF, python-docx for the DOCX.
"""

import datetime
import gc
import re
import shutil
import subprocess
import time
import unicodedata
import weakref
from io import BytesIO

import docx
import pytest
from docx.shared import Mm

from documents.rendering import (
    NATIONAL_MOTTO,
    Annex,
    Certificate,
    OfficialDocument,
    Section,
    render_certificates_pdf,
    render_docx,
    render_pdf,
    render_pdf_many,
    validate_certificate_template,
    vietnamese_date_line,
)

needs_poppler = pytest.mark.skipif(
    not (shutil.which("pdftotext") and shutil.which("pdfinfo")), reason="poppler-utils not installed"
)

SUMMARY = (
    "Thực hiện Chỉ thị số 08/CT-UBND ngày 25/5/2015 của UBND tỉnh Cao Bằng\n"
    "phát động phong trào thi đua đặc biệt chào mừng Đại hội Đảng bộ các cấp,\n"
    "Đại hội Thi đua yêu nước tỉnh Cao Bằng lần thứ IV"
)
PREAMBLE = [
    (
        "Tiếp tục thực hiện Kế hoạch số 01/KH-LĐLĐ ngày 30/01/2015 của Liên đoàn Lao động (LĐLĐ) "
        "tỉnh Cao Bằng về việc thực hiện Chỉ thị 34-CT/TW ngày 07/4/2014 của Bộ Chính trị về “Tiếp "
        "tục đổi mới công tác thi đua, khen thưởng”; Thực hiện Chỉ thị số 35/CT-TTg, ngày "
        "19/12/2014 của Thủ tướng Chính phủ “Về việc đẩy mạnh phong trào thi đua yêu nước chào mừng"
        " Đại hội Đảng các cấp tiến tới Đại hội Đảng toàn quốc lần thứ XII, Đại hội Thi đua yêu "
        "nước toàn quốc lần thứ IX và các ngày lễ lớn trong năm 2015”; Căn cứ Kế hoạch số 05/KH-TLĐ"
        " ngày 21/01/2015 của Tổng Liên đoàn Lao động Việt Nam và Chỉ thị số 08/CT-UBND ngày "
        "25/5/2015 của UBND tỉnh Cao Bằng phát động phong trào thi đua đặc biệt chào mừng Đại hội "
        "Đảng các cấp, Đại hội Thi đua yêu nước tỉnh Cao Bằng lần thứ IV."
    ),
    (
        "Ban Thường vụ Liên đoàn Lao động tỉnh Cao Bằng đề nghị các cấp Công đoàn trong tỉnh xây "
        "dựng kế hoạch phát động đợt thi đua đặc biệt chào mừng Đại hội Đảng các cấp, Đại hội Thi "
        "đua yêu nước tỉnh Cao Bằng lần thứ IV trong cán bộ, đoàn viên, công chức, viên chức, người"
        " lao động với với chủ đề: “Đảng bộ, chính quyền và nhân dân tỉnh Cao Bằng ra sức thi đua, "
        "đoàn kết - sáng tạo - vượt khó, lập thành tích xuất sắc chào mừng Đại hội Đảng các cấp, "
        "Đại hội Thi đua yêu nước tỉnh Cao Bằng lần thứ IV”. Trong đó tập trung các nội dung chủ "
        "yếu sau:"
    ),
]
ITEMS = [
    Section(
        "1.",
        [
            (
                "Tổ chức quán triệt, triển khai, tuyên truyền có hiệu quả nội dung Chỉ thị 35/CT-TTg của "
                "Thủ tướng Chính phủ đến toàn thể cán bộ, đoàn viên, công chức, viên chức, người lao động "
                "thông qua các cuộc họp, các buổi sinh hoạt định kỳ của cơ quan, đơn vị. Tranh thủ sự lãnh "
                "đạo, chỉ đạo của cấp ủy Đảng, phối hợp với chính quyền, đoàn thể và thủ trưởng cơ quan "
                "trong việc tham mưu triển khai các nội dung của Chỉ thị, gắn với việc thực hiện nhiệm vụ "
                "công tác năm 2015."
            ),
        ],
    ),
    Section(
        "2.",
        [
            (
                "Tiếp tục thực hiện Kế hoạch số 01/KH-LĐLĐ ngày 30/01/2015 của LĐLĐ tỉnh Cao Bằng về việc "
                "thực hiện Chỉ thị 34-CT/TW của Bộ Chính trị về việc “Tiếp tục đổi mới công tác thi đua, "
                "khen thưởng”. Tạo sự chuyển biến mạnh mẽ về nhận thức và trách nhiệm của các cấp Công đoàn"
                " trong tổ chức thực hiện các phong trào thi đua yêu nước và công tác khen thưởng; đưa công"
                " tác thi đua, khen thưởng thực sự trở thành động lực to lớn thúc đẩy phong trào công nhân "
                "viên chức, lao động và hoạt động Công đoàn, góp phần tích cực thực hiện thắng lợi nhiệm vụ"
                " phát triển kinh tế - xã hội, xây dựng và bảo vệ Tổ quốc."
            ),
        ],
    ),
    Section(
        "3.",
        [
            (
                "Tổ chức phát động đợt thi đua đặc biệt theo hướng thiết thực, hiệu quả nhằm phát huy sức "
                "mạnh của cả hệ thống chính trị, phấn đấu hoàn thành nhiệm vụ chính trị năm 2015, kế hoạch "
                "5 năm 2011-2015 và các đề án, chương trình trọng tâm theo Nghị quyết Đại hội Đảng các cấp,"
                " các Nghị quyết của Quốc hội, của Tỉnh ủy, HĐND và UBND tỉnh."
            ),
            (
                "Các phong trào thi đua cần xác định rõ chủ đề, nội dung và biện pháp tổ chức thực hiện; "
                "tiêu chí đánh giá thi đua phải bám sát mục tiêu, chỉ tiêu phát triển KT- XH của tỉnh, của "
                "địa phương; gắn phong trào thi đua với đẩy mạnh “Học tập và làm theo tấm gương đạo đức Hồ "
                "Chí Minh”; chú trọng phát hiện, bồi dưỡng, tổng kết và nhân rộng các điển hình tiên tiến. "
                "Đặc biệt, các phong trào thi đua cần được phát động rộng rãi, có sức lan tỏa, tạo không "
                "khí thi đua sôi nổi, cổ vũ các tập thể, cá nhân phát huy tinh thần sáng tạo, dám nghĩ, dám"
                " làm quyết tâm phấn đấu hoàn thành nhiệm vụ chính trị của đơn vị, địa phương."
            ),
        ],
    ),
    Section(
        "4.",
        [
            (
                "Đề cao vai trò, trách nhiệm của các cấp ủy Đảng, chính quyền, đoàn thể và người đứng đầu "
                "trong việc tổ chức các phong trào thi đua và thực hiện chính sách, pháp luật về thi đua, "
                "khen thưởng. Nâng cao chất lượng các phong trào thi đua yêu nước, trọng tâm là phong trào "
                "“Cao Bằng chung sức xây dựng nông thôn mới”. Tiếp tục phối hợp huy động nhiều nguồn lực để"
                " đầu tư xây dựng kết cấu hạ tầng KT-XH ở nông thôn, phấn đấu hoàn thành thắng lợi mục tiêu"
                " xây dựng nông thôn mới giai đoạn 2011-2015, tạo tiền đề quan trọng để triển khai phong "
                "trào trong giai đoạn tiếp theo."
            ),
        ],
    ),
    Section(
        "5.",
        [
            (
                "Tăng cường và nâng cao hiệu quả công tác tuyên truyền, nhân rộng điển hình tiên tiến qua "
                "các phong trào thi đua. Các cấp Công đoàn tích cực viết các tin, bài về người tốt, việc "
                "tốt, các mô hình, điển hình tiên tiến trên các phương tiện thông tin đại chúng hoặc trên "
                "Bản tin nội bộ, cổng thông tin điện tử của LĐLĐ tỉnh…để tuyên truyền những thành quả của "
                "các phong trào thi đua trên các lĩnh vực của đời sống, xã hội và biểu dương, nêu gương các"
                " tập thể, cá nhân điển hình tiên tiến. Thường xuyên đánh giá, rút kinh nghiệm và đề ra "
                "nhiệm vụ, giải pháp thực hiện trong những năm tiếp theo."
            ),
        ],
    ),
]
RECIPIENTS = [
    "- Ban CSKT-XH và TĐKT TLĐ;",
    "- Ban Dân vận Tỉnh ủy;",
    "- Thường trực LĐLĐ tỉnh;",
    "- Ban Thi đua - Khen thưởng tỉnh;",
    "- LĐLĐ các huyện, thành phố;",
    "- CĐ ngành, CĐVC tỉnh;",
    "- CĐCS trực thuộc;",
    "- CĐ ngành TW tại địa phương;",
    "- Lưu: CS-PL, VT.",
]


def seed_plan(**changes) -> OfficialDocument:
    fields = {
        "superior_body": "TỔNG LĐLĐ VIỆT NAM",
        "issuer": "LĐLĐ TỈNH CAO BẰNG",
        "number_symbol": "75/KH-LĐLĐ",
        "place": "Cao Bằng",
        "date": datetime.date(2015, 6, 15),
        "type_name": "KẾ HOẠCH",
        "summary": SUMMARY,
        "preamble": PREAMBLE,
        "items": ITEMS,
        "closing": [],
        "recipients": RECIPIENTS,
        "signer_authority": "TM. BAN THƯỜNG VỤ",
        "signer_position": "CHỦ TỊCH",
        "signer_name": "Nguyễn Văn Minh",
        "annexes": [],
    }
    fields.update(changes)
    return OfficialDocument(**fields)


def pdf_text(pdf: bytes) -> str:
    """The PDF's text as pdftotext -layout reads it; pages are separated by form feeds."""
    result = subprocess.run(["pdftotext", "-layout", "-", "-"], input=pdf, capture_output=True, check=True)
    return result.stdout.decode("utf-8")


def pdf_pages(pdf: bytes) -> list[str]:
    pages = pdf_text(pdf).split("\f")
    return pages[:-1] if pages and not pages[-1].strip() else pages


def pdf_info(pdf: bytes, tmp_path) -> dict[str, str]:
    path = tmp_path / "document.pdf"
    path.write_bytes(pdf)
    output = subprocess.run(["pdfinfo", str(path)], capture_output=True, check=True, text=True).stdout
    return {
        key.strip(): value.strip() for key, _, value in (line.partition(":") for line in output.splitlines())
    }


def docx_texts(data: bytes) -> list[str]:
    """Every paragraph of the Word file, in the body and in table cells."""
    document = docx.Document(BytesIO(data))
    texts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                texts.extend(p.text for p in cell.paragraphs)
    return texts


def line_with(text: str, needle: str) -> str:
    return next(line for line in text.splitlines() if needle in line)


@pytest.fixture(scope="module")
def plan_pdf() -> bytes:
    return render_pdf(seed_plan())


@pytest.fixture(scope="module")
def plan_docx() -> bytes:
    return render_docx(seed_plan())


# -- the seed plan as PDF ----------------------------------------------------------------


@needs_poppler
def test_plan_pdf_keeps_the_vietnamese_text(plan_pdf):
    text = pdf_text(plan_pdf)
    flat = " ".join(text.split())
    for expected in [
        "TỔNG LĐLĐ VIỆT NAM",
        "LĐLĐ TỈNH CAO BẰNG",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Số: 75/KH-LĐLĐ",
        "Cao Bằng, ngày 15 tháng 6 năm 2015",
        "KẾ HOẠCH",
        "Đại hội Thi đua yêu nước tỉnh Cao Bằng lần thứ IV",
        "Nơi nhận:",
        "- Ban CSKT-XH và TĐKT TLĐ;",
        "- Lưu: CS-PL, VT.",
        "TM. BAN THƯỜNG VỤ",
        "CHỦ TỊCH",
        "Nguyễn Văn Minh",
    ]:
        assert expected in text, expected
    # Body text wraps across lines; compare with white space collapsed.
    for expected in [
        "đoàn kết - sáng tạo - vượt khó",
        "“Cao Bằng chung sức xây dựng nông thôn mới”",
        "“Học tập và làm theo tấm gương đạo đức Hồ Chí Minh”",
        "1. Tổ chức quán triệt, triển khai, tuyên truyền",
        "5. Tăng cường và nâng cao hiệu quả công tác tuyên truyền",
    ]:
        assert expected in flat, expected
    assert text == unicodedata.normalize("NFC", text)


@needs_poppler
def test_plan_pdf_header_columns_stand_side_by_side(plan_pdf):
    first_page = pdf_pages(plan_pdf)[0]
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in line_with(first_page, "TỔNG LĐLĐ VIỆT NAM")
    assert "Độc lập - Tự do - Hạnh phúc" in line_with(first_page, "LĐLĐ TỈNH CAO BẰNG")
    number_line = line_with(first_page, "Số: 75/KH-LĐLĐ")
    assert "Cao Bằng, ngày 15 tháng 6 năm 2015" in number_line
    # The issuing body is on the left, the national name on the right.
    assert number_line.index("Số:") < number_line.index("Cao Bằng")
    # The type name comes after the header, centred above the body.
    assert first_page.index("KẾ HOẠCH") > first_page.index("Số: 75/KH-LĐLĐ")


@needs_poppler
def test_plan_pdf_is_a4_portrait(plan_pdf, tmp_path):
    info = pdf_info(plan_pdf, tmp_path)
    assert "(A4)" in info["Page size"]
    assert info["Page size"].startswith("595.")
    assert int(info["Pages"]) >= 2
    assert info["Title"].startswith("Kế hoạch 75/KH-LĐLĐ")


@needs_poppler
def test_plan_pdf_numbers_pages_from_the_second(plan_pdf):
    pages = pdf_pages(plan_pdf)
    assert pages[0].split()[0] == "TỔNG"  # no number on the first page
    assert pages[1].split()[0] == "2"


# -- the seed plan as DOCX ---------------------------------------------------------------


def test_plan_docx_holds_the_same_text(plan_docx):
    texts = docx_texts(plan_docx)
    joined = "\n".join(texts)
    for expected in [
        "TỔNG LĐLĐ VIỆT NAM",
        "LĐLĐ TỈNH CAO BẰNG",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Số: 75/KH-LĐLĐ",
        "Cao Bằng, ngày 15 tháng 6 năm 2015",
        "KẾ HOẠCH",
        "đoàn kết - sáng tạo - vượt khó",
        "Nơi nhận:",
        "- Lưu: CS-PL, VT.",
        "TM. BAN THƯỜNG VỤ",
        "CHỦ TỊCH",
        "Nguyễn Văn Minh",
    ]:
        assert expected in joined, expected
    assert any(text.startswith("1. Tổ chức quán triệt") for text in texts)
    assert any(text.startswith("Các phong trào thi đua cần xác định rõ chủ đề") for text in texts)
    assert sum(1 for text in texts if text.startswith("- ")) == 9


def test_plan_docx_header_is_a_two_column_table(plan_docx):
    document = docx.Document(BytesIO(plan_docx))
    header = document.tables[0]
    assert len(header.columns) == 2
    left, right = header.rows[0].cells
    assert [p.text for p in left.paragraphs][:2] == ["TỔNG LĐLĐ VIỆT NAM", "LĐLĐ TỈNH CAO BẰNG"]
    assert [p.text for p in right.paragraphs][:2] == list(NATIONAL_MOTTO)
    assert left.paragraphs[1].runs[0].bold and not left.paragraphs[0].runs[0].bold
    date = header.rows[1].cells[1].paragraphs[0]
    assert date.text == "Cao Bằng, ngày 15 tháng 6 năm 2015" and date.runs[0].italic


def test_plan_docx_page_is_a4_with_nd30_margins(plan_docx):
    section = docx.Document(BytesIO(plan_docx)).sections[0]
    assert abs(section.page_width - Mm(210)) < Mm(0.1)
    assert abs(section.page_height - Mm(297)) < Mm(0.1)
    assert Mm(20) - Mm(0.1) < section.top_margin < Mm(25) + Mm(0.1)
    assert Mm(20) - Mm(0.1) < section.bottom_margin < Mm(25) + Mm(0.1)
    assert Mm(30) - Mm(0.1) < section.left_margin < Mm(35) + Mm(0.1)
    assert Mm(15) - Mm(0.1) < section.right_margin < Mm(20) + Mm(0.1)
    # Page numbers from the second page: a PAGE field, and an empty first-page header.
    assert section.different_first_page_header_footer
    assert "PAGE" in section.header._element.xml
    assert "PAGE" not in section.first_page_header._element.xml


def test_plan_docx_is_set_in_times_new_roman(plan_docx):
    document = docx.Document(BytesIO(plan_docx))
    fonts = document.styles["Normal"].element.rPr.rFonts
    for slot in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        assert fonts.get(docx.oxml.ns.qn(slot)) == "Times New Roman"
    for paragraph in document.paragraphs:
        for run in paragraph.runs:
            assert run.font.name in (None, "Times New Roman")


@pytest.fixture
def parsed_templates(monkeypatch):
    """A weak reference to the package of each Word template render_docx parses."""
    from documents.rendering import docx as docx_rendering

    packages = []

    def parse_template():
        document = docx.Document()
        packages.append(weakref.ref(document.part.package))
        return document

    monkeypatch.setattr(docx_rendering, "Document", parse_template)
    return packages


def test_a_docx_rendering_frees_the_word_template_it_parsed_before_returning(parsed_templates):
    """python-docx's package and parts refer to each other: left to the collector, the parsed
    template's XML trees were freed by its next pass, in the next request of the process (2-10 ms
    on the bench's data). With the automatic collector off, nothing but render_docx frees them."""
    gc.disable()
    try:
        data = render_docx(seed_plan())
        assert len(parsed_templates) == 1 and parsed_templates[0]() is None
    finally:
        gc.enable()
    assert "KẾ HOẠCH" in "\n".join(docx_texts(data))


def test_a_long_docx_rendering_frees_its_template_too(parsed_templates):
    """An annex of 300 rows: the collector's passes during the rendering have moved the template to
    the oldest generation, which a pass over the young ones does not reach."""
    rows = [[str(n), f"Nguyễn Thị Hồng {n}", "Chủ tịch CĐCS", "1.490.000"] for n in range(1, 301)]
    render_docx(award_decision(annexes=[Annex(title="Danh sách khen thưởng", columns=COLUMNS, rows=rows)]))
    assert len(parsed_templates) == 1 and parsed_templates[0]() is None


# -- annexes -----------------------------------------------------------------------------

AWARDEES = [
    [str(n), f"Nguyễn Thị Hồng {n}", f"Chủ tịch CĐCS Trường Tiểu học số {n}, huyện Hòa An", "1.490.000"]
    for n in range(1, 121)
]
COLUMNS = ["STT", "Họ và tên", "Chức vụ, đơn vị", "Tiền thưởng (đồng)"]


def award_decision(**changes) -> OfficialDocument:
    fields = {
        "superior_body": "TỔNG LĐLĐ VIỆT NAM",
        "issuer": "LĐLĐ TỈNH CAO BẰNG",
        "number_symbol": "45/QĐ-LĐLĐ",
        "place": "Cao Bằng",
        "date": datetime.date(2015, 12, 5),
        "type_name": "QUYẾT ĐỊNH",
        "summary": "Về việc tặng Bằng khen",
        "preamble": [
            "BAN THƯỜNG VỤ LIÊN ĐOÀN LAO ĐỘNG TỈNH CAO BẰNG",
            "Căn cứ Luật Thi đua, khen thưởng;",
            "QUYẾT ĐỊNH:",
        ],
        "items": [
            Section("Điều 1.", ["Tặng Bằng khen cho 120 cá nhân có tên trong danh sách kèm theo."]),
            Section("Điều 2.", ["Quyết định có hiệu lực kể từ ngày ký."]),
        ],
        "closing": [],
        "recipients": ["Như Điều 2", "Lưu: VT, CS-PL"],
        "signer_authority": "TM. BAN THƯỜNG VỤ",
        "signer_position": "CHỦ TỊCH",
        "signer_name": "Nguyễn Văn Minh",
        "annexes": [
            Annex(
                title="DANH SÁCH CÁ NHÂN ĐƯỢC TẶNG BẰNG KHEN",
                subtitle="(Kèm theo Quyết định số 45/QĐ-LĐLĐ ngày 05/12/2015)",
                columns=COLUMNS,
                rows=AWARDEES,
                column_widths=[1, 4, 6, 3],
                totals=["", "Tổng cộng: 120 cá nhân", "", "178.800.000"],
            )
        ],
    }
    fields.update(changes)
    return OfficialDocument(**fields)


@needs_poppler
def test_annex_runs_over_pages_repeating_its_header_row():
    pages = pdf_pages(render_pdf(award_decision()))
    annex_pages = [page for page in pages if "Nguyễn Thị Hồng" in page]
    assert len(annex_pages) >= 3
    assert "PHỤ LỤC" in annex_pages[0] and "DANH SÁCH CÁ NHÂN ĐƯỢC TẶNG BẰNG KHEN" in annex_pages[0]
    assert "PHỤ LỤC" not in pages[0]  # the annex starts on a page of its own
    for page in annex_pages:
        assert "STT" in page and "Họ và tên" in page and "Chức vụ, đơn vị" in page
    assert "Nguyễn Thị Hồng 120" in annex_pages[-1]
    # the totals row, on one line with its amount ("cá nhân" may wrap inside its cell with the font's metrics)
    totals = line_with(annex_pages[-1], "Tổng cộng: 120")
    assert "178.800.000" in totals
    # Page numbers go on through the annex.
    assert [page.split()[0] for page in pages[1:]] == [str(n) for n in range(2, len(pages) + 1)]


@needs_poppler
def test_decision_prints_articles_and_legal_bases():
    text = pdf_text(render_pdf(award_decision(annexes=[])))
    assert "Điều 1. Tặng Bằng khen cho 120 cá nhân" in text
    assert "- Như Điều 2;" in text and "- Lưu: VT, CS-PL." in text


def test_annex_in_docx_is_a_real_table_with_a_repeating_header_row():
    document = docx.Document(BytesIO(render_docx(award_decision())))
    table = document.tables[-1]
    assert [cell.text for cell in table.rows[0].cells] == COLUMNS
    assert len(table.rows) == 1 + 120 + 1
    assert "w:tblHeader" in table.rows[0]._tr.xml
    assert [cell.text for cell in table.rows[-1].cells][1] == "Tổng cộng: 120 cá nhân"
    assert table.rows[-1].cells[3].paragraphs[0].runs[0].bold
    texts = docx_texts(render_docx(award_decision()))
    assert "PHỤ LỤC" in texts and "DANH SÁCH CÁ NHÂN ĐƯỢC TẶNG BẰNG KHEN" in texts


@needs_poppler
def test_many_documents_print_in_one_pdf_each_numbering_its_own_pages():
    pages = pdf_pages(render_pdf_many([seed_plan(), seed_plan(number_symbol="76/KH-LĐLĐ")]))
    firsts = [index for index, page in enumerate(pages) if "Số: 7" in page]
    assert len(firsts) == 2
    second = firsts[1]
    assert "Số: 76/KH-LĐLĐ" in pages[second]
    assert pages[second].split()[0] == "TỔNG"  # no page number on a document's first page
    assert pages[second + 1].split()[0] == "2"  # and counting starts again


# -- text normalisation and small layouts --------------------------------------------------


@needs_poppler
def test_nfd_input_comes_out_nfc():
    def nfd(text: str) -> str:
        return unicodedata.normalize("NFD", text)

    doc = seed_plan(
        issuer=nfd("LĐLĐ TỈNH CAO BẰNG"),
        place=nfd("Cao Bằng"),
        preamble=[nfd("Đoàn viên, người lao động thi đua đoàn kết - sáng tạo - vượt khó.")],
        items=[Section("1.", [nfd("Học tập và làm theo tấm gương đạo đức Hồ Chí Minh.")])],
    )
    assert doc.issuer == "LĐLĐ TỈNH CAO BẰNG"
    text = pdf_text(render_pdf(doc))
    assert text == unicodedata.normalize("NFC", text)
    assert "LĐLĐ TỈNH CAO BẰNG" in text
    assert "Cao Bằng, ngày 15 tháng 6 năm 2015" in text
    assert "Đoàn viên, người lao động thi đua đoàn kết - sáng tạo - vượt khó." in text
    assert "1. Học tập và làm theo tấm gương đạo đức Hồ Chí Minh." in text
    assert "LĐLĐ TỈNH CAO BẰNG" in docx_texts(render_docx(doc))


@needs_poppler
def test_letter_puts_its_summary_under_the_number():
    doc = seed_plan(
        number_symbol="112/LĐLĐ-CSPL",
        type_name="CÔNG VĂN",
        summary="hướng dẫn xét tặng Bằng khen năm 2015",
        is_letter=True,
        preamble=["Kính gửi: Các cấp Công đoàn trong tỉnh."],
        items=[],
    )
    first_page = pdf_pages(render_pdf(doc))[0]
    assert "CÔNG VĂN" not in first_page
    lines = first_page.splitlines()
    number = next(i for i, line in enumerate(lines) if "Số: 112/LĐLĐ-CSPL" in line)
    under_number = " ".join(" ".join(lines[number + 1 : number + 3]).split())
    assert "V/v hướng dẫn xét tặng Bằng khen năm 2015" in under_number
    assert "V/v hướng dẫn xét tặng Bằng khen năm 2015" in docx_texts(render_docx(doc))


@needs_poppler
def test_another_motto_replaces_the_national_one():
    doc = seed_plan(motto=("CÔNG ĐOÀN VIỆT NAM", ""))
    first_page = pdf_pages(render_pdf(doc))[0]
    assert "CÔNG ĐOÀN VIỆT NAM" in line_with(first_page, "TỔNG LĐLĐ VIỆT NAM")
    assert "CỘNG HÒA" not in first_page and "Độc lập" not in first_page
    assert "CÔNG ĐOÀN VIỆT NAM" in docx_texts(render_docx(doc))


@needs_poppler
def test_a_draft_leaves_number_and_date_blank():
    text = pdf_text(render_pdf(seed_plan(number_symbol="/KH-LĐLĐ", date=None)))
    assert re.search(r"Số:\s+/KH-LĐLĐ", text)
    assert re.search(r"Cao Bằng, ngày\s+tháng\s+năm", text)


def test_recipient_lines_follow_nd30_punctuation():
    doc = seed_plan(recipients=["Như trên", "- Ban Dân vận Tỉnh ủy;", "Lưu: VT, CS-PL."])
    texts = docx_texts(render_docx(doc))
    assert [t for t in texts if t.startswith("- ")] == [
        "- Như trên;",
        "- Ban Dân vận Tỉnh ủy;",
        "- Lưu: VT, CS-PL.",
    ]


@pytest.mark.parametrize(
    ("date", "expected"),
    [
        (datetime.date(2015, 6, 15), "Cao Bằng, ngày 15 tháng 6 năm 2015"),
        (datetime.date(2015, 2, 5), "Cao Bằng, ngày 05 tháng 02 năm 2015"),
        (datetime.date(2020, 1, 1), "Cao Bằng, ngày 01 tháng 01 năm 2020"),
        (datetime.date(2015, 3, 9), "Cao Bằng, ngày 09 tháng 3 năm 2015"),
        (datetime.date(2014, 12, 19), "Cao Bằng, ngày 19 tháng 12 năm 2014"),
        (datetime.date(2015, 10, 10), "Cao Bằng, ngày 10 tháng 10 năm 2015"),
        (datetime.date(2016, 2, 29), "Cao Bằng, ngày 29 tháng 02 năm 2016"),
    ],
)
def test_vietnamese_date_line(date, expected):
    # ND30: "ngày dưới 10 và tháng 1, 2 thì ghi thêm số 0 ở trước".
    assert vietnamese_date_line("Cao Bằng", date) == expected


def test_vietnamese_date_line_without_a_date_or_a_place():
    blank = vietnamese_date_line("Cao Bằng", None)
    assert blank.startswith("Cao Bằng, ngày") and "tháng" in blank and "năm" in blank
    assert not re.search(r"\d", blank)
    assert vietnamese_date_line("", datetime.date(2015, 6, 15)) == "ngày 15 tháng 6 năm 2015"
    assert vietnamese_date_line(unicodedata.normalize("NFD", " Hà Nội "), datetime.date(2015, 1, 30)) == (
        "Hà Nội, ngày 30 tháng 01 năm 2015"
    )


# -- certificates ----------------------------------------------------------------------------


def certificate(name: str = "Bà Nông Thị Lan", **changes) -> Certificate:
    fields = {
        "title": "BẰNG KHEN",
        "authority": "BAN CHẤP HÀNH LIÊN ĐOÀN LAO ĐỘNG TỈNH CAO BẰNG",
        "verb": "TẶNG",
        "recipient_name": name,
        "recipient_detail": "Chủ tịch CĐCS Trường Tiểu học Hợp Giang, thành phố Cao Bằng",
        "achievement": "Đã có thành tích xuất sắc trong phong trào thi đua đặc biệt năm 2015",
        "decision_ref": "Quyết định số 45/QĐ-LĐLĐ ngày 05/12/2015",
        "place_date": "Cao Bằng, ngày 05 tháng 12 năm 2015",
        "signer_position": "TM. BAN CHẤP HÀNH\nCHỦ TỊCH",
        "signer_name": "Nguyễn Văn Minh",
        "serial": "0012/BK",
    }
    fields.update(changes)
    return Certificate(**fields)


@needs_poppler
def test_certificates_print_one_landscape_page_each(tmp_path):
    names = ["Bà Nông Thị Lan", "Ông Hoàng Văn Đức", "Ông Lý Văn Sáng"]
    pdf = render_certificates_pdf([certificate(name) for name in names])
    info = pdf_info(pdf, tmp_path)
    assert info["Pages"] == "3"
    assert "(A4)" in info["Page size"] and info["Page size"].startswith("841.")
    pages = pdf_pages(pdf)
    assert len(pages) == 3
    for page, name in zip(pages, names, strict=True):
        assert name in page
        assert [other for other in names if other != name and other in page] == []
        assert "BẰNG KHEN" in page and "Quyết định số 45/QĐ-LĐLĐ ngày 05/12/2015" in page


def test_the_default_certificate_template_passes_the_upload_rules():
    from django.template.loader import get_template

    validate_certificate_template(get_template("documents/official/certificate.html").template.source)


@pytest.mark.parametrize(
    ("template", "named"),
    [
        ("<p>{{ recipient_name }} {{ unknown_field }}</p>", "{{ unknown_field }}"),
        ("{% load static %}<p>{{ recipient_name }}</p>", "{% load static %}"),
        ("<p>{% if x %}{{ recipient_name }}{% endif %}</p>", "{% if x %}"),
        ("<p>{{ recipient_name|safe }}</p>", "{{ recipient_name|safe }}"),
        ("<p>{{ recipient_name.upper }}</p>", "{{ recipient_name.upper }}"),
        ("<p>{# note #}{{ recipient_name }}</p>", "{# note #}"),
        ("<p>{{ recipient_name }} {{ title</p>", "{{"),
        ("<p>{{ title }}</p>", "{{ recipient_name }}"),
    ],
)
def test_an_uploaded_certificate_template_is_refused_naming_the_problem(template, named):
    with pytest.raises(ValueError) as refused:
        validate_certificate_template(template)
    assert named in str(refused.value)
    assert str(refused.value).startswith("Mẫu bằng khen/giấy khen không hợp lệ")
    with pytest.raises(ValueError):
        render_certificates_pdf([certificate()], template_html=template)


@needs_poppler
def test_a_valid_uploaded_certificate_template_renders():
    template = (
        "<style>.name { font-size: 30pt; }</style>"
        "<h1>{{title}}</h1><p class='name'>{{ recipient_name }}</p><p>{{ recipient_detail }}</p>"
        "<p>Số: {{ serial }}</p>"
    )
    pages = pdf_pages(render_certificates_pdf([certificate(), certificate("Ông Hoàng Văn Đức")], template))
    assert len(pages) == 2
    assert "BẰNG KHEN" in pages[0] and "Bà Nông Thị Lan" in pages[0] and "Số: 0012/BK" in pages[0]
    assert "Ông Hoàng Văn Đức" in pages[1]


@needs_poppler
def test_html_in_a_recipient_name_is_escaped():
    name = "<b>Ông</b> A & <script>x</script>"
    pdf = render_certificates_pdf([certificate(name)], "<p>{{ recipient_name }}</p>")
    assert "<b>Ông</b> A & <script>x</script>" in pdf_text(pdf)
    assert name in pdf_text(render_certificates_pdf([certificate(name)]))


@needs_poppler
def test_a_certificate_template_cannot_load_files_or_urls(tmp_path):
    stylesheet = tmp_path / "leak.css"
    stylesheet.write_text('body::before { content: "LEAKED"; }')
    template = f'<link rel="stylesheet" href="{stylesheet.as_uri()}"><p>{{{{ recipient_name }}}}</p>'
    text = pdf_text(render_certificates_pdf([certificate()], template))
    assert "Bà Nông Thị Lan" in text and "LEAKED" not in text


def test_rendering_is_quick_enough_for_daily_use():
    started = time.perf_counter()
    render_pdf(seed_plan())
    render_docx(seed_plan())
    assert time.perf_counter() - started < 10
