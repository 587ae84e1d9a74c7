"""The plan reader reads documents written elsewhere (Nghị định 30/2020/NĐ-CP layout) and
extracts their structure; these tests read specimens from different issuers and layouts."""

import datetime
import io
import json
import unicodedata
import zipfile
from pathlib import Path

import docx
import pytest
from django.core.management import CommandError, call_command
from hypothesis import given, settings
from hypothesis import strategies as st

from core.text import fold
from documents.reader import Basis, ReaderError, read_docx, read_file, read_text

FIXTURES = Path(__file__).parent / "fixtures"
JSON_KEYS = {
    "type",
    "title",
    "number_symbol",
    "date",
    "issuer",
    "theme",
    "bases",
    "proposals",
    "items",
    "recipients",
}


def fixture_text(name: str) -> str:
    """The file exactly as written: line ends and normalisation form untouched."""
    return (FIXTURES / name).read_bytes().decode("utf-8")


SEED_BASES = [
    Basis("Chỉ thị", "08/CT-UBND", datetime.date(2015, 5, 25), "UBND tỉnh Cao Bằng"),
    Basis("Kế hoạch", "01/KH-LĐLĐ", datetime.date(2015, 1, 30), "Liên đoàn Lao động tỉnh Cao Bằng"),
    # cited inside the description of 01/KH-LĐLĐ, which implements it
    Basis("Chỉ thị", "34-CT/TW", datetime.date(2014, 4, 7), "Bộ Chính trị", via="01/KH-LĐLĐ"),
    Basis("Chỉ thị", "35/CT-TTg", datetime.date(2014, 12, 19), "Thủ tướng Chính phủ"),
    Basis("Kế hoạch", "05/KH-TLĐ", datetime.date(2015, 1, 21), "Tổng Liên đoàn Lao động Việt Nam"),
]
SEED_RECIPIENTS = [
    "Ban CSKT-XH và TĐKT TLĐ",
    "Ban Dân vận Tỉnh ủy",
    "Thường trực LĐLĐ tỉnh",
    "Ban Thi đua - Khen thưởng tỉnh",
    "LĐLĐ các huyện, thành phố",
    "CĐ ngành, CĐVC tỉnh",
    "CĐCS trực thuộc",
    "CĐ ngành TW tại địa phương",
    "Lưu: CS-PL, VT",
]


def test_it_reads_the_seed_plan():
    result = read_text(fixture_text("seed_plan.txt"))
    assert result.type == "Kế hoạch"
    assert result.title == (
        "Thực hiện Chỉ thị số 08/CT-UBND ngày 25/5/2015 của UBND tỉnh Cao Bằng phát động phong "
        "trào thi đua đặc biệt chào mừng Đại hội Đảng bộ các cấp, Đại hội Thi đua yêu nước tỉnh "
        "Cao Bằng lần thứ IV"
    )
    assert result.theme == (
        "Đảng bộ, chính quyền và nhân dân tỉnh Cao Bằng ra sức thi đua, đoàn kết - sáng tạo - "
        "vượt khó, lập thành tích xuất sắc chào mừng Đại hội Đảng các cấp, Đại hội Thi đua yêu "
        "nước tỉnh Cao Bằng lần thứ IV"
    )
    assert result.bases == SEED_BASES
    assert result.recipients == SEED_RECIPIENTS
    assert [item[:40] for item in result.items] == [
        "1. Tổ chức quán triệt, triển khai, tuyên",
        "2. Tiếp tục thực hiện Kế hoạch số 01/KH-",
        "3. Tổ chức phát động đợt thi đua đặc biệ",
        "4. Đề cao vai trò, trách nhiệm của các c",
        "5. Tăng cường và nâng cao hiệu quả công ",
    ]
    # An item keeps the unnumbered paragraphs under it, up to the recipients.
    assert "\nCác phong trào thi đua cần xác định rõ chủ đề" in result.items[2]
    assert result.items[4].endswith("giải pháp thực hiện trong những năm tiếp theo.")


def test_the_seed_plan_has_no_number_nor_date_and_says_so():
    result = read_text(fixture_text("seed_plan.txt"))
    assert result.number_symbol is None
    assert result.date is None
    assert any("Số:" in warning for warning in result.warnings)
    assert any("ngày tháng năm" in warning for warning in result.warnings)


def test_without_an_issuer_block_it_takes_the_body_that_names_itself():
    result = read_text(fixture_text("seed_plan.txt"))
    assert result.issuer == "Ban Thường vụ Liên đoàn Lao động tỉnh Cao Bằng"
    assert any("suy ra từ nội dung" in warning for warning in result.warnings)


def test_as_json_has_exactly_the_agreed_keys_and_iso_dates():
    data = read_text(fixture_text("seed_plan.txt")).as_json()
    assert set(data) == JSON_KEYS
    assert data["bases"][0] == {
        "type": "Chỉ thị",
        "number_symbol": "08/CT-UBND",
        "date": "2015-05-25",
        "issuer": "UBND tỉnh Cao Bằng",
        "via": None,
    }
    assert data["bases"][2]["via"] == "01/KH-LĐLĐ"
    assert data["proposals"] == []
    json.dumps(data, ensure_ascii=False)


def test_it_reads_a_district_plan_with_the_full_header():
    result = read_text(fixture_text("hoa_an_plan.txt"))
    assert result.issuer == "LIÊN ĐOÀN LAO ĐỘNG HUYỆN HÒA AN"  # the issuer, not its superior body
    assert result.number_symbol == "15/KH-LĐLĐ"
    assert result.date == datetime.date(2015, 6, 10)
    assert result.type == "Kế hoạch"
    assert result.title == (
        "Triển khai đợt thi đua đặc biệt chào mừng Đại hội Đảng bộ huyện Hòa An lần thứ XXI, nhiệm kỳ 2015 - 2020"
    )
    assert result.theme.startswith("Công nhân, viên chức, lao động huyện Hòa An")
    assert result.bases == [
        Basis(
            "Kế hoạch",
            "12/KH-LĐLĐ",
            datetime.date(2015, 6, 1),
            "Ban Thường vụ Liên đoàn Lao động tỉnh Cao Bằng",
        ),
        Basis("Chỉ thị", "08/CT-UBND", datetime.date(2015, 5, 25), "UBND tỉnh Cao Bằng"),
    ]
    assert len(result.items) == 4
    assert result.items[1].splitlines()[1:] == [
        "a) Hoàn thành xuất sắc nhiệm vụ chuyên môn được giao;",
        "b) Phát hiện, bồi dưỡng ít nhất 01 điển hình tiên tiến.",
    ]
    # The signature after the recipients belongs to neither the items nor the recipients.
    assert result.recipients == [
        "Thường trực LĐLĐ tỉnh (b/c)",
        "Thường trực Huyện ủy (b/c)",
        "CĐCS trực thuộc",
        "Lưu: VT",
    ]
    assert result.warnings == []


def test_it_reads_a_provincial_decision_with_its_legal_bases():
    result = read_text(fixture_text("province_decision.txt"))
    assert result.issuer == "ỦY BAN NHÂN DÂN TỈNH CAO BẰNG"  # wrapped over two lines in the header
    assert (result.type, result.number_symbol, result.date) == (
        "Quyết định",
        "1234/QĐ-UBND",
        datetime.date(2024, 3, 15),
    )
    # The summary stops at the upper-case line naming the authority.
    assert result.title.endswith("có thành tích xuất sắc trong phong trào thi đua")
    assert result.bases == [
        Basis("Luật", "06/2022/QH15", datetime.date(2022, 6, 15), "Quốc hội"),
        Basis("Nghị định", "98/2023/NĐ-CP", datetime.date(2023, 12, 31), "Chính phủ"),
        Basis("Quyết định", "12/2023/QĐ-UBND", datetime.date(2023, 6, 5), "UBND tỉnh Cao Bằng"),
    ]
    # “Xét đề nghị … tại Tờ trình số …”: the submission the decision answers, not a legal basis.
    assert result.proposals == [Basis("Tờ trình", "456/TTr-SNV", datetime.date(2024, 3, 1), None)]
    assert [item.split(".")[0] for item in result.items] == ["Điều 1", "Điều 2", "Điều 3"]
    assert result.items[2].endswith("thi hành Quyết định này.")  # the "./." end mark is dropped
    assert result.recipients == ["Như Điều 3", "Chủ tịch, các PCT UBND tỉnh", "Lưu: VT, NC"]


def test_it_reads_a_party_directive():
    result = read_text(fixture_text("party_directive.txt"))
    assert (result.type, result.number_symbol, result.issuer) == ("Chỉ thị", "05-CT/TU", "TỈNH ỦY CAO BẰNG")
    assert result.date == datetime.date(2016, 3, 2)
    assert result.title == "về tăng cường sự lãnh đạo của Đảng đối với công tác thi đua, khen thưởng"
    assert result.bases == [Basis("Chỉ thị", "34-CT/TW", datetime.date(2014, 4, 7), "Bộ Chính trị")]
    assert len(result.items) == 4
    # A recipient wrapped over two lines is one recipient.
    assert result.recipients == [
        "Các huyện ủy, thành ủy, đảng ủy trực thuộc",
        "Các đồng chí Tỉnh ủy viên",
        "Lưu Văn phòng Tỉnh ủy",
    ]


def test_it_reads_a_guidance_pasted_from_word_tables_with_roman_sections():
    result = read_text(fixture_text("tld_guidance.txt"))
    assert result.issuer == "TỔNG LIÊN ĐOÀN LAO ĐỘNG VIỆT NAM"
    assert (result.number_symbol, result.date) == ("12/HD-TLĐ", datetime.date(2015, 1, 20))
    assert result.theme == "Đoàn viên công đoàn thi đua lao động giỏi, lao động sáng tạo"
    assert [item.splitlines()[0] for item in result.items] == [
        "I. MỤC ĐÍCH, YÊU CẦU",
        "II. NỘI DUNG",
        "III. TỔ CHỨC THỰC HIỆN",
    ]
    assert "\na) Đối tượng: công nhân, viên chức, lao động;" in result.items[1]
    assert [basis.number_symbol for basis in result.bases] == ["42/2010/NĐ-CP", "35/CT-TTg"]
    assert result.bases[1].date == datetime.date(2014, 12, 19)
    # Signature lines pasted beside the recipients are left out.
    assert result.recipients == ["Các LĐLĐ tỉnh, thành phố", "Các CĐ ngành TW", "Lưu: VT, Ban CSKT-XH&TĐKT"]


def test_it_reads_an_official_letter_with_its_vv_summary():
    result = read_text(fixture_text("cong_van.txt"))
    assert result.type == "Công văn"
    assert result.title == "đăng ký thi đua và đề nghị khen thưởng năm 2015"
    assert (result.number_symbol, result.issuer) == ("215/LĐLĐ-CSPL", "LĐLĐ TỈNH CAO BẰNG")
    assert result.date == datetime.date(2015, 11, 5)
    assert result.bases == [
        Basis("Hướng dẫn", "12/HD-TLĐ", datetime.date(2015, 1, 20), "Tổng Liên đoàn Lao động Việt Nam"),
    ]
    assert [item[:2] for item in result.items] == ["1)", "2)"]
    assert result.recipients == ["Như trên", "Lưu: VT, CS-PL"]


def test_it_reads_a_report_written_in_nfd():
    raw = fixture_text("nfd_report.txt")
    assert raw != unicodedata.normalize("NFC", raw)  # the fixture really is decomposed
    result = read_text(raw)
    assert (result.type, result.number_symbol, result.issuer) == (
        "Báo cáo",
        "08/BC-CĐVC",
        "CĐ VIÊN CHỨC TỈNH",
    )
    assert result.bases == [Basis("Kế hoạch", "12/KH-LĐLĐ", datetime.date(2015, 6, 15), "LĐLĐ tỉnh Cao Bằng")]
    assert len(result.items) == 3
    assert all(text == unicodedata.normalize("NFC", text) for text in result.items)


def test_missing_parts_are_none_or_empty_and_warned_about():
    result = read_text(fixture_text("missing_parts.txt"))
    assert (result.type, result.number_symbol) == ("Thông báo", "20/TB-LĐLĐ")
    assert result.theme is None
    assert result.recipients == []
    assert result.bases == []
    assert result.items == [
        "1. Các công đoàn cơ sở khẩn trương hoàn thiện hồ sơ thi đua.",
        "2. Văn phòng tổng hợp, báo cáo Thường trực.",  # the signature below is not part of it
    ]
    assert any("Nơi nhận" in warning for warning in result.warnings)
    assert any("chủ đề" in warning for warning in result.warnings)


def test_it_reads_text_pasted_with_windows_line_ends_and_extra_spaces():
    raw = fixture_text("windows_pasted.txt")
    assert "\r\n" in raw
    result = read_text(raw)
    assert result.issuer == "CĐ NGÀNH GIÁO DỤC"
    assert result.number_symbol == "07/KH-CĐN"  # typed "Số:      07 /KH-CĐN"
    assert result.date == datetime.date(2015, 6, 18)
    assert result.title == (
        "Tổ chức phong trào thi đua “Giỏi việc trường, đảm việc nhà” trong nữ cán bộ, giáo viên năm 2015"
    )
    assert result.items == [
        "1. Mỗi công đoàn cơ sở đăng ký ít nhất một mô hình.",
        "2. Gửi bản đăng ký về Công đoàn ngành trước ngày 30/6/2015.",
    ]
    assert result.recipients == ["LĐLĐ tỉnh (b/c)", "CĐCS trực thuộc", "Lưu: VT"]
    assert result.bases == [Basis("Kế hoạch", "12/KH-LĐLĐ", datetime.date(2015, 6, 1), "LĐLĐ tỉnh Cao Bằng")]


def test_an_unfilled_draft_header_gives_no_number_nor_date():
    result = read_text(
        "LĐLĐ HUYỆN HÒA AN\nSố:      /KH-LĐLĐ\nHòa An, ngày      tháng     năm 2015\n"
        "KẾ HOẠCH\nTổ chức Tháng Công nhân năm 2015\n1. Phát động thi đua.\n"
    )
    assert result.number_symbol is None and result.date is None
    assert any("chưa điền" in warning for warning in result.warnings)
    assert result.issuer == "LĐLĐ HUYỆN HÒA AN"


def test_a_header_typed_on_shared_lines_and_an_organ_as_issuer():
    result = read_text(
        "LIÊN ĐOÀN LAO ĐỘNG TỈNH CAO BẰNG CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "BAN CHẤP HÀNH Độc lập – Tự do – Hạnh phúc\n"
        "Số: 12/NQ-LĐLĐ Cao Bằng, ngày 5 tháng 6 năm 2015\n"
        "NGHỊ QUYẾT\nVề công tác thi đua năm 2015\n"
        "Căn cứ Nghị quyết số 01-NQ/TU ngày 2.2.2015 của Ban Chấp hành Đảng bộ tỉnh khóa XVII; "
        "Công văn số 45/LĐLĐ ngày 21-01-2015 của LĐLĐ tỉnh.\n"
        "I/ MỤC ĐÍCH\n1/ Tuyên truyền.\nII/ NỘI DUNG\n- Thi đua.\n"
        "Nơi nhận: - Như trên; - Lưu VT.\n"
    )
    # The standing organs issue in the name of the body above them.
    assert result.issuer == "BAN CHẤP HÀNH LIÊN ĐOÀN LAO ĐỘNG TỈNH CAO BẰNG"
    assert (result.number_symbol, result.date) == ("12/NQ-LĐLĐ", datetime.date(2015, 6, 5))
    assert result.bases == [
        Basis("Nghị quyết", "01-NQ/TU", datetime.date(2015, 2, 2), "Ban Chấp hành Đảng bộ tỉnh"),
        Basis("Công văn", "45/LĐLĐ", datetime.date(2015, 1, 21), "LĐLĐ tỉnh"),
    ]
    assert result.items == ["I/ MỤC ĐÍCH\n1/ Tuyên truyền.", "II/ NỘI DUNG\n- Thi đua."]
    assert result.recipients == ["Như trên", "Lưu VT"]


@pytest.mark.parametrize("text", ["", "   \n\t\n", "Xin chào.\nHôm nay trời đẹp, cả nhà đi chơi."])
def test_text_without_structure_is_refused_with_a_clear_message(text):
    with pytest.raises(ReaderError, match="Không nhận ra cấu trúc văn bản"):
        read_text(text)


FIXTURE_NAMES = sorted(path.name for path in FIXTURES.glob("*.txt"))


@pytest.mark.parametrize("name", FIXTURE_NAMES)
def test_nfc_and_nfd_versions_of_a_document_read_the_same(name):
    raw = fixture_text(name)
    nfc, nfd = (read_text(unicodedata.normalize(form, raw)) for form in ("NFC", "NFD"))
    assert nfc == nfd


# Lines of real documents, shuffled and mixed with noise, reach the reader's deeper paths.
ALL_LINES = sorted({line for name in FIXTURE_NAMES for line in fixture_text(name).splitlines()})
document_like = st.lists(st.sampled_from(ALL_LINES) | st.text(max_size=40), max_size=40).map("\n".join)


def _outcome(text: str) -> object:
    try:
        return read_text(text)
    except ReaderError as exc:
        return str(exc)


@given(st.text())
def test_reading_arbitrary_text_raises_nothing_but_reader_error(text):
    _outcome(text)


@settings(deadline=None)
@given(document_like)
def test_reading_shuffled_documents_raises_nothing_but_reader_error(text):
    _outcome(text)


@settings(deadline=None)
@given(document_like)
def test_nfc_and_nfd_give_the_same_extraction(text):
    assert _outcome(unicodedata.normalize("NFC", text)) == _outcome(unicodedata.normalize("NFD", text))


# --- Word documents -------------------------------------------------------------------


def _caps_paragraph(document, text):
    """A heading typed in lower case and shown as capitals, as Word users often do."""
    run = document.add_paragraph().add_run(text)
    run.font.all_caps = True


def _signature_table(document, recipients, signature):
    table = document.add_table(rows=1, cols=2)
    left, right = table.rows[0].cells
    left.text = "Nơi nhận:"
    for recipient in recipients:
        left.add_paragraph(recipient)
    right.text = signature[0]
    for line in signature[1:]:
        right.add_paragraph(line)


def build_hoa_an_docx(path: Path) -> None:
    """The Hòa An plan as Word lays it out: the header in a 2-column table, the items in
    an automatically numbered list, the recipients beside the signature."""
    document = docx.Document()
    header = document.add_table(rows=2, cols=2)
    header.cell(0, 0).text = "LIÊN ĐOÀN LAO ĐỘNG TỈNH CAO BẰNG"
    header.cell(0, 0).add_paragraph("LIÊN ĐOÀN LAO ĐỘNG HUYỆN HÒA AN")
    header.cell(0, 0).add_paragraph("-------")
    header.cell(0, 1).text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    header.cell(0, 1).add_paragraph("Độc lập - Tự do - Hạnh phúc")
    header.cell(1, 0).text = "Số: 15/KH-LĐLĐ"
    header.cell(1, 1).text = "Hòa An, ngày 10 tháng 6 năm 2015"
    lines = fixture_text("hoa_an_plan.txt").splitlines()
    _caps_paragraph(document, "Kế hoạch")
    for line in lines[lines.index("KẾ HOẠCH") + 1 : lines.index("Nơi nhận:")]:
        if line[:2] in {"1.", "2.", "3.", "4."}:
            document.add_paragraph(line[3:], style="List Number")
        elif line:
            document.add_paragraph(line)
    recipients = lines[lines.index("Nơi nhận:") + 1 : lines.index("TM. BAN THƯỜNG VỤ")]
    _signature_table(document, recipients, ["TM. BAN THƯỜNG VỤ", "CHỦ TỊCH", "(Đã ký)", "Nông Văn Hùng"])
    document.save(path)


def build_cong_van_docx(path: Path) -> None:
    """The Công văn with its left header column merged over two rows."""
    document = docx.Document()
    header = document.add_table(rows=2, cols=2)
    left = header.cell(0, 0).merge(header.cell(1, 0))
    left.text = "LĐLĐ TỈNH CAO BẰNG"
    for line in ["Số: 215/LĐLĐ-CSPL", "V/v đăng ký thi đua và", "đề nghị khen thưởng năm 2015"]:
        left.add_paragraph(line)
    header.cell(0, 1).text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    header.cell(0, 1).add_paragraph("Độc lập - Tự do - Hạnh phúc")
    header.cell(1, 1).text = "Cao Bằng, ngày 5 tháng 11 năm 2015"
    lines = fixture_text("cong_van.txt").splitlines()
    for line in lines[lines.index("Cao Bằng, ngày 5 tháng 11 năm 2015") + 1 : lines.index("Nơi nhận:")]:
        document.add_paragraph(line)
    _signature_table(
        document, ["- Như trên;", "- Lưu: VT, CS-PL."], ["TM. BAN THƯỜNG VỤ", "PHÓ CHỦ TỊCH", "Lục Thị Mai"]
    )
    document.save(path)


def test_a_word_plan_with_a_header_table_reads_like_its_text(tmp_path):
    path = tmp_path / "ke-hoach.docx"
    build_hoa_an_docx(path)
    assert read_docx(path).as_json() == read_text(fixture_text("hoa_an_plan.txt")).as_json()


def test_a_word_letter_with_merged_cells_reads_like_its_text(tmp_path):
    path = tmp_path / "cong-van.docx"
    build_cong_van_docx(path)
    expected = read_text(fixture_text("cong_van.txt")).as_json()
    assert read_docx(path).as_json() == expected
    assert read_docx(str(path)).as_json() == expected
    with path.open("rb") as handle:
        assert read_docx(handle).as_json() == expected
    assert read_docx(io.BytesIO(path.read_bytes())).as_json() == expected


def test_a_corrupt_docx_is_refused_with_a_clear_message(tmp_path):
    good = tmp_path / "good.docx"
    build_cong_van_docx(good)
    truncated = tmp_path / "truncated.docx"
    truncated.write_bytes(good.read_bytes()[:2000])
    not_word = tmp_path / "not-word.docx"
    with zipfile.ZipFile(not_word, "w") as archive:
        archive.writestr("hello.txt", "xin chào")
    garbage = tmp_path / "garbage.docx"
    garbage.write_bytes(b"PK\x03\x04 this is not a zip")
    for path in (truncated, not_word, garbage):
        with pytest.raises(ReaderError, match="docx"):
            read_docx(path)


def test_a_password_protected_docx_is_refused_with_a_clear_message(tmp_path):
    path = tmp_path / "mat-khau.docx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(2048))  # encrypted Office: an OLE file
    with pytest.raises(ReaderError, match="mật khẩu"):
        read_docx(path)


def test_a_missing_file_is_a_reader_error(tmp_path):
    with pytest.raises(ReaderError, match="Không mở được tệp"):
        read_docx(tmp_path / "khong-co.docx")


# --- The command ----------------------------------------------------------------------


def test_the_command_prints_the_seed_plan_as_json():
    out, err = io.StringIO(), io.StringIO()
    call_command("read_document", str(FIXTURES / "seed_plan.txt"), stdout=out, stderr=err)
    data = json.loads(out.getvalue())
    assert set(data) == JSON_KEYS
    assert data["type"] == "Kế hoạch"
    assert (data["number_symbol"], data["date"]) == (None, None)
    assert [(b["number_symbol"], b["date"], b["issuer"]) for b in data["bases"]] == [
        ("08/CT-UBND", "2015-05-25", "UBND tỉnh Cao Bằng"),
        ("01/KH-LĐLĐ", "2015-01-30", "Liên đoàn Lao động tỉnh Cao Bằng"),
        ("34-CT/TW", "2014-04-07", "Bộ Chính trị"),
        ("35/CT-TTg", "2014-12-19", "Thủ tướng Chính phủ"),
        ("05/KH-TLĐ", "2015-01-21", "Tổng Liên đoàn Lao động Việt Nam"),
    ]
    assert len(data["items"]) == 5
    assert data["recipients"] == SEED_RECIPIENTS
    assert "Đảng bộ, chính quyền" in out.getvalue()  # not escaped as \\u...
    assert "Số:" in err.getvalue()  # warnings go to stderr, not into the JSON


def test_the_command_reads_stdin_and_word_files(tmp_path):
    out = io.StringIO()
    call_command(
        "read_document",
        "-",
        stdin=io.StringIO(fixture_text("cong_van.txt")),
        stdout=out,
        stderr=io.StringIO(),
    )
    assert json.loads(out.getvalue())["number_symbol"] == "215/LĐLĐ-CSPL"
    path = tmp_path / "ke-hoach.docx"
    build_hoa_an_docx(path)
    out = io.StringIO()
    call_command("read_document", str(path), stdout=out, stderr=io.StringIO())
    assert json.loads(out.getvalue())["number_symbol"] == "15/KH-LĐLĐ"


def test_the_command_fails_with_the_vietnamese_message(tmp_path):
    path = tmp_path / "mat-khau.docx"
    path.write_bytes(b"\xd0\xcf\x11\xe0" + bytes(512))
    with pytest.raises(CommandError, match="mật khẩu"):
        call_command("read_document", str(path), stdout=io.StringIO())


def test_a_docx_zip_bomb_is_refused_before_python_docx_reads_it(monkeypatch):
    """Issue 13, sibling of finding 6: a few hundred KB unpacking to 300 MB of document XML."""
    from core.testing.hostile_xlsx import padded

    document = docx.Document()
    document.add_paragraph("KẾ HOẠCH")
    buffer = io.BytesIO()
    document.save(buffer)
    bomb = padded(buffer.getvalue(), "word/document.xml", megabytes=300)
    assert len(bomb) < 1_000_000

    def never(*args, **kwargs):
        raise AssertionError("python-docx was asked to open a zip bomb")

    monkeypatch.setattr(docx, "Document", never)
    with pytest.raises(ReaderError) as caught:
        read_docx(bomb)
    assert str(caught.value) == (
        "Tệp .docx khi giải nén sẽ chiếm 300 MB (phần word/document.xml), quá giới hạn 30 MB."
    )


# --- Failure classes seen on real documents (documents/tests/corpus/) -------------------


def test_titles_in_capitals_end_at_the_authority_line():
    result = read_text(
        "ỦY BAN NHÂN DÂN\nTỈNH BẮC KẠN\nSố: 77/QĐ-UBND\nBắc Kạn, ngày 3 tháng 1 năm 2019\n"
        "QUYẾT ĐỊNH\nVỀ VIỆC TẶNG BẰNG KHEN CHO CÁC TẬP THỂ CÓ THÀNH TÍCH\nTRONG PHONG TRÀO THI ĐUA NĂM 2018\n"
        "ỦY BAN NHÂN DÂN TỈNH BẮC KẠN\nCăn cứ Nghị định số 91/2017/NĐ-CP ngày 31/7/2017 của Chính phủ;\n"
        "QUYẾT ĐỊNH:\nĐiều 1. Tặng Bằng khen.\nĐiều 2. Chánh Văn phòng thi hành.\n"
    )
    assert (
        result.title
        == "VỀ VIỆC TẶNG BẰNG KHEN CHO CÁC TẬP THỂ CÓ THÀNH TÍCH TRONG PHONG TRÀO THI ĐUA NĂM 2018"
    )
    assert result.issuer == "ỦY BAN NHÂN DÂN TỈNH BẮC KẠN"  # the authority line completes the header's name
    assert len(result.items) == 2


def test_a_web_copy_without_header_block():
    result = read_text(
        "Quyết định Về việc tặng thưởng Cờ thi đua của Chính phủ\nTHỦ TƯỚNG CHÍNH PHỦ\n"
        "Căn cứ Nghị định số 121/2005/NĐ-CP ngày 30 tháng 9 năm 2005 của Chính phủ;\n"
        "Xét đề nghị của Chủ tịch UBND tỉnh (Tờ trình số 02/TTr-UBND ngày 27/02/2008),\n"
        "QUYẾT ĐỊNH:\nĐiều 1 Tặng Cờ thi đua.\nĐiều 2 Chủ tịch UBND tỉnh thi hành Quyết định này./.\n"
    )
    assert (result.type, result.title) == ("Quyết định", "Về việc tặng thưởng Cờ thi đua của Chính phủ")
    assert result.issuer == "THỦ TƯỚNG CHÍNH PHỦ"  # only as the line above the bases
    assert (result.number_symbol, result.date) == (None, None)
    assert [item[:7] for item in result.items] == ["Điều 1 ", "Điều 2 "]  # no full stop after the number


@pytest.mark.parametrize(
    "header",
    [
        "THỦ\nTƯỚNG CHÍNH PHỦ |\nCỘNG\nHÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\nSố: 714/QĐ-TTg |\nHà Nội, ngày 04 tháng 6 năm 2008 |",
        "T H  Ủ   T  Ư Ớ N G   C H  Í  N H   P H Ủ\nSố: 714/QĐ-TTg\nCỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Hà Nội, ngày  04  tháng  6  năm 2008",
        "THỦ TƯỚNG\nCHÍNH PHỦ\nSố: 714/QĐ-TTg\nCỘNG HOÀ XÃ HỘI CHỦ NGHĨA\nVIỆT NAM\nHà Nội, ngày 04 tháng 6\nnăm 2008",
    ],
)
def test_headers_flattened_wrapped_or_spaced_out(header):
    result = read_text(header + "\nQUYẾT ĐỊNH\nVỀ VIỆC TẶNG THƯỞNG CỜ THI ĐUA\nĐiều 1. Tặng.\n")
    assert fold(result.issuer) == "thu tuong chinh phu"  # not "HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    assert (result.number_symbol, result.date) == ("714/QĐ-TTg", datetime.date(2008, 6, 4))


@pytest.mark.parametrize(
    ("header", "issuer"),
    [
        (
            "ĐẢNG BỘ TỈNH CAO BẰNG\nĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH\n*\nSố 12-KH/ĐUK\nĐẢNG CỘNG SẢN VIỆT NAM",
            "ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH",
        ),
        (
            "TỔNG LĐLĐ VIỆT NAM\nCÔNG ĐOÀN GIÁO DỤC VIỆT NAM\nSố: 45/KH-CĐN\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "CÔNG ĐOÀN GIÁO DỤC VIỆT NAM",
        ),
        (
            "BAN TỔ CHỨC ĐẠI HỘI\nTIỂU BAN THI ĐUA – KHEN\nTHƯỞNG\nSố: 13/BTC-TĐKT\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "TIỂU BAN THI ĐUA – KHEN THƯỞNG",
        ),
    ],
)
def test_party_union_and_wrapped_issuers(header, issuer):
    assert read_text(header + "\nKẾ HOẠCH\nTổ chức phong trào thi đua\n1. Quán triệt.\n").issuer == issuer


def test_proposals_amended_and_replaced_documents_are_not_bases():
    result = read_text(
        "Số: 31/2020/QĐ-UBND\nPhú Yên, ngày 26 tháng 10 năm 2020\nQUYẾT ĐỊNH\n"
        "SỬA ĐỔI, BỔ SUNG MỘT SỐ ĐIỀU CỦA QUY CHẾ BAN HÀNH KÈM THEO QUYẾT ĐỊNH SỐ 13/2018/QĐ-UBND\n"
        "ỦY BAN NHÂN DÂN TỈNH PHÚ YÊN\n"
        "Căn cứ Nghị định số 91/2017/NĐ-CP ngày 31 tháng 7 năm 2017 của Chính phủ;\n"
        "Theo đề nghị của Giám đốc Sở Nội vụ tại Tờ trình số 42/TTr-SNV ngày 13/4/2020 và Báo cáo thẩm định "
        "số 62/STP-BC ngày 03/4/2020 của Sở Tư pháp,\nQUYẾT ĐỊNH:\n"
        "Điều 1. Sửa đổi Quy chế.\nĐiều 2. Quyết định này có hiệu lực và thay thế Quyết định số 05/2016/QĐ-UBND.\n"
        "Nơi nhận:\n- Như Điều 2;\n- Lưu: VT.\n"
    )
    assert [b.number_symbol for b in result.bases] == ["91/2017/NĐ-CP"]
    assert [p.number_symbol for p in result.proposals] == ["42/TTr-SNV", "62/STP-BC"]


def test_a_basis_cited_in_another_s_description_says_via_and_equals_join():
    result = read_text(
        "KẾ HOẠCH\nTHỰC HIỆN CHỈ THỊ SỐ 19/CT-TTG CỦA THỦ TƯỚNG CHÍNH PHỦ\n"
        "Thực hiện Chỉ thị số 19/CT-TTg ngày 16/7/2021 của Thủ tướng Chính phủ và Kế hoạch số 16/KH-HĐTĐKT "
        "ngày 31/8/2021 của Hội đồng Thi đua - Khen thưởng Trung ương; Căn cứ Thông tư số 12/2019/TT-BNV "
        "ngày 04/11/2019 của Bộ Nội vụ quy định chi tiết thi hành Nghị định số 91/2017/NĐ-CP ngày 31/7/2017;\n"
        "1. Quán triệt.\n"
    )
    assert [(b.number_symbol, b.via) for b in result.bases] == [
        ("19/CT-TTg", None),  # the title's capitals and the text's are one document
        ("16/KH-HĐTĐKT", None),  # “và Kế hoạch số …”: a basis of its own
        ("12/2019/TT-BNV", None),
        ("91/2017/NĐ-CP", "12/2019/TT-BNV"),  # the decree the circular guides
    ]


@pytest.mark.parametrize(
    ("written", "number"),
    [
        ("Thông báo số 70-TB/TWngày 06/01/2012 của Ban Bí thư", "70-TB/TW"),
        ("Nghị định số 65/2014/NĐ- CP ngày 01/7/2014 của Chính phủ", "65/2014/NĐ-CP"),
        ("Nghị định số 91/2017/ND-CP ngày 31/7/2017 của Chính phủ", "91/2017/NĐ-CP"),
        ("Chỉ thị số 34–CT/TW ngày 07/4/2014 của Bộ Chính trị", "34-CT/TW"),
        ("Quyết định số 358/\nQĐ-BTĐKT ngày 31/3/2008", "358/QĐ-BTĐKT"),  # cut by a line end
    ],
)
def test_slightly_malformed_numbers_are_read(written, number):
    result = read_text(f"KẾ HOẠCH\nThi đua\nCăn cứ {written};\n1. Quán triệt.\n")
    assert [b.number_symbol for b in result.bases] == [number]
    assert result.bases[0].date is not None


def test_the_theme_is_the_document_s_own_not_a_cited_plan_s_slogan():
    result = read_text(
        "KẾ HOẠCH\nTổ chức Tháng Công nhân năm 2024\n"
        "Thực hiện Kế hoạch số 10/KH-TLĐ ngày 01/3/2024 của Tổng Liên đoàn về Tháng Công nhân với chủ đề "
        "“Công nhân chủ động, sáng tạo”;\n"
        "LĐLĐ tỉnh xây dựng kế hoạch với chủ đề “Công đoàn tỉnh đồng hành cùng người lao động”:\n1. Tổ chức.\n"
    )
    assert result.theme == "Công đoàn tỉnh đồng hành cùng người lao động"


def test_a_pdf_with_a_text_layer_reads_like_its_text(tmp_path):
    from documents.tests.corpus_files import build_pdf

    text = fixture_text("hoa_an_plan.txt")
    path = build_pdf(text, tmp_path / "ke-hoach.pdf")
    found, expected = read_file(path).as_json(), read_text(text).as_json()
    for key in ("type", "title", "number_symbol", "date", "issuer", "theme", "bases", "recipients"):
        assert found[key] == expected[key], key
    assert len(found["items"]) == len(expected["items"])
    out = io.StringIO()
    call_command("read_document", str(path), stdout=out, stderr=io.StringIO())
    assert json.loads(out.getvalue())["number_symbol"] == "15/KH-LĐLĐ"
