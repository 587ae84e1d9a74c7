"""The spreadsheet reading both Excel importers (members, past awards) rely on."""

import datetime as dt
import io
import unicodedata

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook

from core.spreadsheets import RowError, Sheet, match_columns, parse_date

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
    with pytest.raises(ValidationError) as caught, Sheet(upload([["Họ và tên"], ["Nông Thị Hoa"]]), COLUMNS) as sheet:
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


@pytest.mark.parametrize("value, expected", [
    ("12/03/1990", dt.date(1990, 3, 12)),
    ("2/3/1990", dt.date(1990, 3, 2)),
    ("12-03-1990", dt.date(1990, 3, 12)),
    ("1990-03-12", dt.date(1990, 3, 12)),
    ("12.03.1990", dt.date(1990, 3, 12)),
    (dt.datetime(1990, 3, 12, 0, 0), dt.date(1990, 3, 12)),  # an Excel date cell
    (None, None),
    ("", None),
])
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
