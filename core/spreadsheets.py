"""Every spreadsheet the system reads or writes goes through here.

Writing: `WorkbookWriter` is the one writer of every workbook the system produces (member
export, award history, dashboard and report tables, the review's XLSX). It writes text as text:
a value that starts with = + - @, a tab or a carriage return is stored as a string cell with
the quote prefix, never as a formula, and reads back verbatim (so an export can go back into
its import); numbers and dates stay numbers and dates.

Reading: what the Excel importers share: the first sheet of an uploaded workbook read as a
stream of rows, columns found by their header text (folded, so accents, case and order do not
matter), errors that name the row and the column, and date cells. The file is refused before
openpyxl opens it when its zip parts are too many or would decompress too large, and reading
stops at MAX_ROWS rows and MAX_COLUMNS columns whatever the sheet declares.

The importers (`organisations.imports`, `awards.imports`) keep their own columns and rules;
this module only knows spreadsheets."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterator
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook, load_workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.utils.exceptions import InvalidFileException

from core.text import fold, normalize
from core.uploads import XLSX, check_upload

DATE_FORMATS = ("%d/%m/%Y", "%d-%m-%Y", "%Y-%m-%d", "%d.%m.%Y")
XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

# Writing -------------------------------------------------------------------------------------------

# What Excel, LibreOffice and Google Sheets take as the start of a formula (or, for tab and CR,
# what a spreadsheet may strip so that the next character starts one).
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def is_formula_like(value) -> bool:
    return isinstance(value, str) and value.startswith(FORMULA_TRIGGERS)


def put(cell, value):
    """Give `cell` (of a normal or a write-only sheet) `value`; text is always a string cell.
    openpyxl makes any str starting with "=" a formula: its data type is set back to a string,
    and the quote prefix keeps Excel from turning it into one when the cell is edited."""
    if isinstance(value, str):
        cell.value = value
        cell.data_type = "s"
        if is_formula_like(value):
            cell.quotePrefix = True
    else:
        cell.value = value
    return cell


class WorkbookWriter:
    """The one way to produce an .xlsx. `write_only=True` streams rows (a 100,000-row export
    stays small in memory) and allows only `append`; otherwise cells may be placed anywhere
    with `cell`.

        writer = WorkbookWriter(write_only=True)
        sheet = writer.sheet("Đoàn viên")
        writer.append(sheet, ["Mã", "Họ và tên"], font=Font(bold=True))
        writer.append(sheet, [member.code, member.full_name])
        content = writer.save()
    """

    def __init__(self, *, write_only: bool = False):
        self.write_only = write_only
        self.book = Workbook(write_only=write_only)
        if not write_only:
            self.book.remove(self.book.active)

    def sheet(self, title: str):
        return self.book.create_sheet(title)

    def append(self, sheet, values, *, font=None, fill=None) -> None:
        """A row of values after the sheet's last row."""
        if self.write_only:
            cells = []
            for value in values:
                target = put(WriteOnlyCell(sheet), value)
                if font is not None:
                    target.font = font
                if fill is not None:
                    target.fill = fill
                cells.append(target)
            sheet.append(cells)
            return
        row = sheet.max_row + 1 if sheet.max_row > 1 or sheet.cell(1, 1).value is not None else 1
        for column, value in enumerate(values, start=1):
            target = self.cell(sheet, row, column, value)
            if font is not None:
                target.font = font
            if fill is not None:
                target.fill = fill

    def cell(self, sheet, row: int, column: int, value):
        """The cell at (row, column), given `value` (normal mode only)."""
        return put(sheet.cell(row=row, column=column), value)

    def save(self) -> bytes:
        buffer = io.BytesIO()
        self.book.save(buffer)
        return buffer.getvalue()


# Reading -------------------------------------------------------------------------------------------


@dataclass(slots=True)
class RowError:
    """One problem of one cell: the row number as Excel shows it, the column's Vietnamese header."""

    row: int
    column: str
    message: str

    def as_dict(self) -> dict:
        return {"row": self.row, "column": self.column, "message": self.message}


class Sheet:
    """The first sheet of an uploaded .xlsx, read once, row by row (openpyxl read-only mode, so
    a 100,000-row file is never held in memory). Use as a context manager."""

    def __init__(self, file, columns: dict[str, list[str]]):
        check_upload(file, {XLSX}, field_label=_("File"))
        try:
            self._workbook = load_workbook(file, read_only=True, data_only=True)
        except (InvalidFileException, KeyError, OSError, ValueError) as exc:
            raise ValidationError(
                _("The Excel file cannot be read (%(reason)s).") % {"reason": exc.__class__.__name__}
            ) from exc
        self._rows = self._workbook.worksheets[0].iter_rows(values_only=True)
        header = next(self._rows, None)
        if header is None:
            self.close()
            raise ValidationError(_("The file has no header row."))
        self.positions = match_columns(header, columns)

    def __enter__(self) -> Sheet:
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()

    def close(self) -> None:
        self._workbook.close()

    def require(self, required: list[str], labels: dict[str, str], *, extra_missing: list[str] = ()) -> None:
        """Refuse the file, naming every missing required column, before any row is read."""
        missing = [*extra_missing, *(labels[c] for c in required if c not in self.positions)]
        if missing:
            self.close()
            raise ValidationError(_("Missing columns: %(columns)s.") % {"columns": ", ".join(missing)})

    def rows(self) -> Iterator[tuple[int, tuple]]:
        """(row number as Excel shows it, cell values) of every row that is not blank."""
        for number, values in enumerate(self._rows, start=2):
            if values is None or all(v is None or v == "" for v in values):
                continue
            yield number, values


def match_columns(header: tuple, columns: dict[str, list[str]]) -> dict[str, int]:
    """Column key -> position, the first header cell whose folded text is one of the key's names."""
    positions: dict[str, int] = {}
    for index, title in enumerate(header):
        key = fold(str(title or ""))
        for column, names in columns.items():
            if key in names and column not in positions:
                positions[column] = index
    return positions


def cell(values: tuple, index: int | None):
    """A cell's value (text NFC-normalised, white space collapsed), None when the column is absent."""
    if index is None or index >= len(values):
        return None
    value = values[index]
    return normalize(value) if isinstance(value, str) else value


def _parse_text_date(text: str) -> dt.date | None:
    day, _sep, rest = text.partition("/")
    month, _sep, year = rest.partition("/")
    # the common case, dd/mm/yyyy, without strptime (a tenth of the time)
    if (year and len(day) <= 2 and len(month) <= 2 and len(year) == 4
            and (day + month + year).isascii() and (day + month + year).isdigit()):
        try:
            return dt.date(int(year), int(month), int(day))
        except ValueError:
            pass
    for fmt in DATE_FORMATS:
        try:
            return dt.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    return None


def parse_date(value, row: int, column: str, errors: list[RowError], *, earliest_year: int | None = 1900,
               today: dt.date | None = None) -> dt.date | None:
    """A date cell (an Excel date or text such as 31/12/2024); a bad, future or implausible date
    adds an error naming the row and column and gives None."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        parsed = value.date()
    elif isinstance(value, dt.date):
        parsed = value
    else:
        text = normalize(str(value))
        parsed = _parse_text_date(text)
        if parsed is None:
            errors.append(RowError(row, column, _("“%(value)s” is not a date (use dd/mm/yyyy).") % {"value": text}))
            return None
    if parsed > (today or timezone.localdate()):
        errors.append(RowError(row, column, _("The date %(date)s is in the future.")
                               % {"date": parsed.strftime("%d/%m/%Y")}))
        return None
    if earliest_year is not None and parsed.year < earliest_year:
        errors.append(RowError(row, column, _("The year %(year)d is not plausible.") % {"year": parsed.year}))
        return None
    return parsed
