"""The spreadsheet reading both Excel importers (members, past awards) rely on."""

import datetime as dt
import io
import unicodedata
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from openpyxl import Workbook, load_workbook

from core.spreadsheets import (
    Formula,
    RowError,
    Sheet,
    WorkbookWriter,
    formula_errors,
    match_columns,
    parse_date,
    without_formulas,
)
from core.testing import hostile_xlsx

COLUMNS = {"code": ["ma doan vien", "member code"], "name": ["ho va ten"], "born": ["ngay sinh"]}
LABELS = {"code": "Mã đoàn viên", "name": "Họ và tên", "born": "Ngày sinh"}
TODAY = dt.date(2025, 6, 30)


def upload(rows) -> SimpleUploadedFile:
    book = Workbook()
    for row in rows:
        book.active.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return SimpleUploadedFile("x.xlsx", buffer.getvalue())


def parsed(value, **kwargs):
    errors: list[RowError] = []
    return parse_date(value, 7, "Ngày sinh", errors, today=TODAY, **kwargs), errors


def test_headers_are_found_without_accents_case_or_order():
    header = ("NGÀY SINH", None, unicodedata.normalize("NFD", "Họ và tên"), "Ghi chú", "Mã Đoàn Viên")
    assert match_columns(header, COLUMNS) == {"born": 0, "name": 2, "code": 4}


def test_a_missing_required_column_is_named_in_vietnamese():
    with (
        pytest.raises(ValidationError) as caught,
        Sheet(upload([["Họ và tên"], ["Nông Thị Hoa"]]), COLUMNS) as sheet,
    ):
        sheet.require(["code", "name"], LABELS)
    assert "Mã đoàn viên" in caught.value.messages[0] and "Họ và tên" not in caught.value.messages[0]


def test_blank_rows_are_skipped_and_row_numbers_are_excels():
    rows = [["Mã đoàn viên", "Họ và tên"], ["DV1", "  Nông   Thị Hoa "], [None, ""], ["DV3", None]]
    with Sheet(upload(rows), COLUMNS) as sheet:
        read = list(sheet.rows())
    assert [number for number, _values in read] == [2, 4]


def test_a_file_that_is_not_a_workbook_is_refused_with_a_message():
    with pytest.raises(ValidationError):
        Sheet(SimpleUploadedFile("x.xlsx", b"%PDF-1.4 not a workbook"), COLUMNS)


@pytest.mark.parametrize(
    "value, expected",
    [
        ("12/03/1990", dt.date(1990, 3, 12)),
        ("2/3/1990", dt.date(1990, 3, 2)),
        ("12-03-1990", dt.date(1990, 3, 12)),
        ("1990-03-12", dt.date(1990, 3, 12)),
        ("12.03.1990", dt.date(1990, 3, 12)),
        (dt.datetime(1990, 3, 12, 0, 0), dt.date(1990, 3, 12)),  # an Excel date cell
        (None, None),
        ("", None),
    ],
)
def test_dates_are_read_in_the_formats_officers_type(value, expected):
    assert parsed(value) == (expected, [])


@pytest.mark.parametrize("value", ["31/02/1990", "12/13/1990", "1990", "mười hai"])
def test_a_text_that_is_not_a_date_names_row_and_column(value):
    date, errors = parsed(value)
    assert date is None
    assert [(e.row, e.column) for e in errors] == [(7, "Ngày sinh")]
    assert "dd/mm/yyyy" in errors[0].message


def test_future_and_implausible_dates_are_refused_unless_the_importer_allows_old_years():
    assert parsed("01/07/2025")[0] is None and "01/07/2025" in parsed("01/07/2025")[1][0].message
    assert parsed("01/01/1899")[0] is None
    assert parsed("01/01/1899", earliest_year=None) == (dt.date(1899, 1, 1), [])


# Hostile workbooks (issue 13, finding 6): refused quickly, with a Vietnamese message, reading
# stopped at the bound --------------------------------------------------------------------------


@pytest.fixture
def vietnamese():
    with translation.override("vi"):
        yield


@pytest.fixture
def limits(settings):
    def set_limits(**changes):
        settings.SPREADSHEET_LIMITS = {**settings.SPREADSHEET_LIMITS, **changes}

    return set_limits


def saved_by_excel(content: bytes, cached: dict[str, tuple[str, str]]) -> SimpleUploadedFile:
    """The workbook as Excel saves it: each formula (by its text) with the value Excel computed for
    it and that value's type (openpyxl writes formulas without one)."""
    source, target = zipfile.ZipFile(io.BytesIO(content)), io.BytesIO()
    with zipfile.ZipFile(target, "w") as out:
        for part in source.infolist():
            data = source.read(part)
            if part.filename == "xl/worksheets/sheet1.xml":
                text = data.decode()
                for formula, (value, kind) in cached.items():
                    text = text.replace(
                        f"><f>{formula}</f><v></v>", f' t="{kind}"><f>{formula}</f><v>{value}</v>'
                    )
                data = text.encode()
            out.writestr(part, data)
    return SimpleUploadedFile("x.xlsx", target.getvalue())


def test_a_formula_cell_is_read_as_a_formula_not_as_the_value_excel_last_computed():
    """A formula's value depends on the program that last computed it, and a file written by a
    script has none (it read as an empty cell, "required"): the reader says it is a formula."""
    rows = [["Mã đoàn viên", "Họ và tên"], ["=1+1", '=HYPERLINK("http://x","Hoa")']]
    file = saved_by_excel(
        upload(rows).read(), {"1+1": ("2", "n"), 'HYPERLINK("http://x","Hoa")': ("Hoa", "str")}
    )
    assert list(load_workbook(file, read_only=True, data_only=True).active.values)[1] == (2, "Hoa")
    for source in (upload(rows), file):
        with Sheet(source, COLUMNS) as sheet:
            ((_number, values),) = list(sheet.rows())
        assert values == (Formula("=1+1"), Formula('=HYPERLINK("http://x","Hoa")'))


def test_text_that_looks_like_a_formula_stays_text():
    """The system's own exports write such text as text (quote prefix): it reads back verbatim."""
    writer = WorkbookWriter()
    sheet = writer.sheet("Đoàn viên")
    writer.append(sheet, ["Mã đoàn viên", "Họ và tên"])
    writer.append(sheet, ["DV1", "=1+1"])
    with Sheet(SimpleUploadedFile("x.xlsx", writer.save()), COLUMNS) as read:
        assert [values for _number, values in read.rows()] == [("DV1", "=1+1")]


def test_a_formula_is_an_error_naming_row_column_and_cell_in_vietnamese(vietnamese):
    values = ("DV1", Formula("=1+1"), Formula("=NOW()"))
    errors = formula_errors(7, values, {"code": 0, "name": 1}, LABELS)  # column C is not read
    assert list(errors) == ["name"]
    assert (errors["name"].row, errors["name"].column) == (7, "Họ và tên")
    assert errors["name"].message == (
        "Ô B7 chứa công thức (=1+1): không nhận công thức, hãy gõ trực tiếp giá trị vào ô."
    )
    assert without_formulas(values) == ("DV1", None, None)


def hostile(content: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile("x.xlsx", content)


def test_a_declared_whole_grid_is_not_believed():
    with Sheet(
        hostile(hostile_xlsx.declared_everything([["Mã đoàn viên"], ["DV1"], ["DV2"]])), COLUMNS
    ) as sheet:
        read = list(sheet.rows())
    assert [(number, values[0]) for number, values in read] == [(2, "DV1"), (3, "DV2")]
    assert sheet.rows_read == 3 and len(read[0][1]) == 1  # as wide as the header, not 16,384


def test_data_rows_are_as_wide_as_the_header():
    rows = [["Mã đoàn viên", None, "Họ và tên"], ["DV1", "ghi chú", "Hoa", "ngoài bảng", "x"]]
    with Sheet(upload(rows), COLUMNS) as sheet:
        assert [values for _number, values in sheet.rows()] == [("DV1", "ghi chú", "Hoa")]


def test_a_cell_at_the_grids_far_corner_stops_reading_at_the_row_bound(limits, vietnamese):
    limits(max_rows=50)
    content = hostile_xlsx.far_corner([["Mã đoàn viên"], ["DV1"]])
    assert len(content) < 10_000
    sheet = Sheet(hostile(content), COLUMNS)
    with pytest.raises(ValidationError) as caught, sheet:
        list(sheet.rows())
    assert caught.value.messages == [
        "Trang tính còn tiếp sau dòng 51; một tệp có tối đa 50 dòng dữ liệu. "
        "Hãy xóa các dòng sau dòng 51 hoặc chia nhỏ tệp."
    ]
    assert sheet.rows_read == 51 + Sheet.BLANK_ROWS_PAST_LIMIT + 1  # not 1,048,576


def test_the_default_bound_keeps_the_far_corner_cheap(vietnamese):
    sheet = Sheet(hostile(hostile_xlsx.far_corner([["Mã đoàn viên"], ["DV1"]])), COLUMNS)
    with pytest.raises(ValidationError) as caught, sheet:
        list(sheet.rows())
    assert "dòng 100001" in caught.value.messages[0]
    assert sheet.rows_read == 100_001 + Sheet.BLANK_ROWS_PAST_LIMIT + 1


def test_a_value_past_the_row_bound_is_refused_naming_the_row(limits, vietnamese):
    limits(max_rows=50)
    rows = [["Mã đoàn viên"], *([f"DV{n}"] for n in range(60))]
    sheet = Sheet(upload(rows), COLUMNS)
    with pytest.raises(ValidationError) as caught, sheet:
        list(sheet.rows())
    assert caught.value.messages == [
        "Dòng 52 có dữ liệu; một tệp có tối đa 50 dòng dữ liệu (đến dòng 51). Hãy chia nhỏ tệp."
    ]
    assert sheet.rows_read == 52


def test_columns_past_the_bound_are_never_read_and_the_limit_is_said(limits, vietnamese):
    limits(max_columns=3)
    header = ["Họ và tên", "Ghi chú", "Ghi chú 2", "Mã đoàn viên"]
    with (
        pytest.raises(ValidationError) as caught,
        Sheet(upload([header, ["A", "", "", "DV1"]]), COLUMNS) as sheet,
    ):
        sheet.require(["code"], LABELS)
    assert caught.value.messages == ["Thiếu các cột: Mã đoàn viên. Chỉ đọc các cột từ A đến C."]


@pytest.mark.parametrize("part", [hostile_xlsx.STRINGS, hostile_xlsx.SHEET])
def test_a_zip_bomb_is_refused_before_openpyxl_opens_it(part, monkeypatch, vietnamese):
    content = hostile_xlsx.bomb([["Mã đoàn viên"], ["DV1"]], part=part, megabytes=300)
    assert len(content) < 1_000_000

    def never(*args, **kwargs):
        raise AssertionError("openpyxl was asked to open a zip bomb")

    monkeypatch.setattr("core.spreadsheets.load_workbook", never)
    with pytest.raises(ValidationError) as caught:
        Sheet(hostile(content), COLUMNS)
    assert caught.value.messages == [
        f"Tệp Excel khi giải nén sẽ chiếm 300 MB (phần {part}); giới hạn là 150 MB. "
        "Hãy chia nhỏ tệp hoặc bỏ định dạng thừa."
    ]


def test_a_workbook_of_too_many_parts_is_refused(limits, vietnamese):
    limits(max_parts=5)
    with pytest.raises(ValidationError) as caught:
        Sheet(upload([["Mã đoàn viên"], ["DV1"]]), COLUMNS)
    assert caught.value.messages[0].startswith("Tệp Excel có 9 phần; một bảng tính có tối đa 5 phần.")


def test_reading_stops_at_the_time_limit(limits, vietnamese):
    limits(seconds=0)
    sheet = Sheet(upload([["Mã đoàn viên"], *([f"DV{n}"] for n in range(2500))]), COLUMNS)
    with pytest.raises(ValidationError) as caught, sheet:
        list(sheet.rows())
    assert caught.value.messages == ["Đọc tệp quá lâu (dừng ở dòng 1000). Hãy chia nhỏ tệp rồi thử lại."]
    assert sheet.rows_read == 1000
