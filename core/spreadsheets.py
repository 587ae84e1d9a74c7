"""Every spreadsheet the system reads or writes goes through here.

Writing: `WorkbookWriter` is the one writer of every workbook the system produces (member
export, award history, dashboard and report tables, the review's XLSX). It writes text as text:
a value that starts with = + - @, a tab or a carriage return is stored as a string cell with
the quote prefix, never as a formula, and reads back verbatim (so an export can go back into
its import); numbers and dates stay numbers and dates.

Reading: what the Excel importers share: the first sheet of an uploaded workbook read as a
stream of rows, columns found by their header text (folded, so accents, case and order do not
matter), errors that name the row and the column, and date cells. A cell holding a formula is read
as a `Formula`, never as the value a spreadsheet program last computed for it (a file written by a
script holds none, so it read as empty): the importers refuse it (`formula_errors`). The file is refused before
openpyxl opens it when its zip parts are too many or would decompress too large, and reading
stops at MAX_ROWS rows and MAX_COLUMNS columns whatever the sheet declares.

The importers (`organisations.imports`, `awards.imports`) keep their own columns and rules;
this module only knows spreadsheets."""

from __future__ import annotations

import datetime as dt
import io
import time
import zipfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook, load_workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.utils import get_column_letter
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


# How a date cell shows: day first, as Vietnamese readers write it (openpyxl's default is ISO).
DATE_FORMAT = "dd/mm/yyyy"
DATETIME_FORMAT = "dd/mm/yyyy hh:mm"
# Money and counts: thousands grouped; Excel shows the reader's own separator ("1.500.000" in Vietnamese).
GROUPED = "#,##0"


def put(cell, value, number_format: str | None = None):
    """Give `cell` (of a normal or a write-only sheet) `value`; text is always a string cell.
    openpyxl makes any str starting with "=" a formula: its data type is set back to a string,
    and the quote prefix keeps Excel from turning it into one when the cell is edited. A date
    shows day first; `number_format` sets how a number shows."""
    if isinstance(value, str):
        cell.value = value
        cell.data_type = "s"
        if is_formula_like(value):
            cell.quotePrefix = True
        return cell
    cell.value = value
    if number_format is not None:
        cell.number_format = number_format
    elif isinstance(value, dt.datetime):
        cell.number_format = DATETIME_FORMAT
    elif isinstance(value, dt.date):
        cell.number_format = DATE_FORMAT
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
            self.book.remove(self.book.worksheets[0])  # a new workbook has one sheet, the active one

    def sheet(self, title: str):
        return self.book.create_sheet(title)

    def append(self, sheet, values, *, font=None, fill=None, number_formats: Sequence | None = None) -> None:
        """A row of values after the sheet's last row; `number_formats`, one per value (or None),
        say how numbers show (GROUPED for money)."""
        values = list(values)
        formats = list(number_formats) if number_formats is not None else [None] * len(values)
        if self.write_only:
            cells = []
            for value, number_format in zip(values, formats, strict=True):
                target = put(WriteOnlyCell(sheet), value, number_format)
                if font is not None:
                    target.font = font
                if fill is not None:
                    target.fill = fill
                cells.append(target)
            sheet.append(cells)
            return
        row = sheet.max_row + 1 if sheet.max_row > 1 or sheet.cell(1, 1).value is not None else 1
        for column, (value, number_format) in enumerate(zip(values, formats, strict=True), start=1):
            target = put(sheet.cell(row=row, column=column), value, number_format)
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


def check_archive(file) -> None:
    """Refuse, before openpyxl opens it, a workbook whose zip holds too many parts or parts that
    would decompress too large (a zip bomb). The sizes are those the zip declares: Python's
    zipfile never inflates a part past its declared size (a part that does fails its CRC), so
    the declared sizes bound what openpyxl can read."""
    limits = settings.SPREADSHEET_LIMITS
    mb = 1024 * 1024
    file.seek(0)
    try:
        with zipfile.ZipFile(file) as archive:
            parts = archive.infolist()
    except (zipfile.BadZipFile, OSError) as exc:
        raise ValidationError(
            _("The Excel file cannot be read (%(reason)s).") % {"reason": exc.__class__.__name__}
        ) from exc
    finally:
        file.seek(0)
    if len(parts) > limits["max_parts"]:
        raise ValidationError(
            _(
                "The Excel file has %(count)d parts; a workbook has at most %(limit)d. Save it again "
                "from Excel as a plain workbook."
            )
            % {"count": len(parts), "limit": limits["max_parts"]}
        )
    total = 0
    for part in parts:
        data = part.filename.startswith(("xl/worksheets/", "xl/sharedStrings"))
        limit = limits["max_sheet_mb"] if data else limits["max_other_part_mb"]
        if part.file_size > limit * mb:
            raise ValidationError(
                _(
                    "The Excel file would take %(size)d MB once unpacked (part %(part)s); the limit "
                    "is %(limit)d MB. Split the file or remove its formatting."
                )
                % {"size": part.file_size // mb, "part": part.filename, "limit": limit}
            )
        total += part.file_size
    if total > limits["max_unpacked_mb"] * mb:
        raise ValidationError(
            _(
                "The Excel file would take %(size)d MB once unpacked; the limit is %(limit)d MB. "
                "Split the file."
            )
            % {"size": total // mb, "limit": limits["max_unpacked_mb"]}
        )


@dataclass(frozen=True, slots=True)
class Formula:
    """A cell holding a formula, as `Sheet.rows` gives it: the formula's text, not a value."""

    text: str


FORMULA_SHOWN = 60  # characters of a formula quoted in its error


def formula_errors(
    row: int, values: tuple, positions: dict[str, int], labels: dict[str, str]
) -> dict[str, RowError]:
    """For each column an importer reads whose cell in this row holds a formula, the error saying
    so (by column key): what a formula shows depends on the program that last computed it, so the
    value must be typed in. Formulas in columns the importer does not read are let be."""
    errors: dict[str, RowError] = {}
    for column, index in positions.items():
        value = values[index] if index < len(values) else None
        if isinstance(value, Formula):
            text = value.text if len(value.text) <= FORMULA_SHOWN else value.text[:FORMULA_SHOWN] + "…"
            errors[column] = RowError(
                row,
                labels[column],
                _(
                    "Cell %(cell)s holds a formula (%(formula)s): formulas are not accepted, type the "
                    "value itself into the cell."
                )
                % {"cell": f"{get_column_letter(index + 1)}{row}", "formula": text},
            )
    return errors


def without_formulas(values: tuple) -> tuple:
    """The row's values with its formula cells emptied (once `formula_errors` has reported them)."""
    return tuple(None if isinstance(value, Formula) else value for value in values)


class Sheet:
    """The first sheet of an uploaded .xlsx, read once, row by row (openpyxl read-only mode, so
    a 100,000-row file is never held in memory). Use as a context manager.

    The dimension the sheet declares (A1:XFD1048576 costs minutes when believed) is ignored:
    rows are cut to `max_columns` cells (cells past that column are never read; a header there
    is reported missing, with the limit), and reading stops at row `max_rows` + 1 (the header plus `max_rows` data rows): a value
    past it refuses the file naming the row, and so does a sheet that goes on past it for more
    than `BLANK_ROWS_PAST_LIMIT` blank rows. `rows_read` counts the rows openpyxl gave."""

    BLANK_ROWS_PAST_LIMIT = 1000

    def __init__(
        self,
        file,
        columns: dict[str, list[str]],
        *,
        max_rows: int | None = None,
        max_columns: int | None = None,
        seconds: float | None = None,
    ):
        limits = settings.SPREADSHEET_LIMITS
        self.max_rows = limits["max_rows"] if max_rows is None else max_rows
        self.max_columns = limits["max_columns"] if max_columns is None else max_columns
        self.deadline = time.monotonic() + (limits["seconds"] if seconds is None else seconds)
        self.rows_read = 0
        check_upload(file, {XLSX}, field_label=_("File"))
        check_archive(file)
        try:
            # data_only=False: a formula cell says it is one (data_type "f") instead of giving its cached value
            self._workbook = load_workbook(file, read_only=True, data_only=False)
        except (InvalidFileException, KeyError, OSError, ValueError, zipfile.BadZipFile) as exc:
            raise ValidationError(
                _("The Excel file cannot be read (%(reason)s).") % {"reason": exc.__class__.__name__}
            ) from exc
        try:
            worksheet = self._workbook.worksheets[0]
            worksheet.reset_dimensions()  # never trust the declared A1:XFD1048576
            self._rows = worksheet.iter_rows(max_row=1, max_col=self.max_columns)
            header = self._next()
        except ValidationError:
            self.close()
            raise
        if header is None:
            self.close()
            raise ValidationError(_("The file has no header row."))
        # data rows only as wide as the header: cells past its last title belong to no column
        width = max((i + 1 for i, title in enumerate(header) if title not in (None, "")), default=1)
        self._rows = worksheet.iter_rows(min_row=2, max_col=width)
        self.header = header
        self.positions = match_columns(header, columns)

    def __enter__(self) -> Sheet:
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()

    def close(self) -> None:
        self._workbook.close()

    def require(
        self, required: list[str], labels: dict[str, str], *, extra_missing: Sequence[str] = ()
    ) -> None:
        """Refuse the file, naming every missing required column, before any row is read."""
        missing = [*extra_missing, *(labels[c] for c in required if c not in self.positions)]
        if missing:
            self.close()
            message = _("Missing columns: %(columns)s.") % {"columns": ", ".join(missing)}
            if len(self.header) >= self.max_columns and self.header[self.max_columns - 1] not in (None, ""):
                message += " " + _("Only columns A to %(last)s are read.") % {
                    "last": get_column_letter(self.max_columns)
                }
            raise ValidationError(message)

    def _next(self) -> tuple | None:
        cells = next(self._rows, None)
        if cells is None:
            return None
        # a formula's cell gives its text ("=1+1") or an ArrayFormula; a list comprehension, not a
        # function per cell: 100,000 rows of cells cost about what their bare values did
        values = tuple(
            [
                Formula(str(getattr(c.value, "text", c.value))) if c.data_type == "f" else c.value
                for c in cells
            ]
        )
        self.rows_read += 1
        number = self.rows_read
        if number % 1000 == 0 and time.monotonic() > self.deadline:
            raise ValidationError(
                _("Reading the file took too long (stopped at row %(row)d). Split the file and try again.")
                % {"row": number}
            )
        return values

    def rows(self) -> Iterator[tuple[int, tuple]]:
        """(row number as Excel shows it, cell values) of every row that is not blank."""
        last = self.max_rows + 1
        while (values := self._next()) is not None:
            number = self.rows_read
            if _blank(values):
                if number > last + self.BLANK_ROWS_PAST_LIMIT:
                    raise ValidationError(
                        _(
                            "The sheet goes on past row %(row)d; a file has at most %(limit)d data "
                            "rows. Delete the rows after row %(row)d or split the file."
                        )
                        % {"row": last, "limit": self.max_rows}
                    )
                continue
            if number > last:
                raise ValidationError(
                    _(
                        "Row %(row)d has values; a file has at most %(limit)d data rows (up to row "
                        "%(last)d). Split the file."
                    )
                    % {"row": number, "limit": self.max_rows, "last": last}
                )
            yield number, values


def _blank(values) -> bool:
    return all(v is None or v == "" for v in values)


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
    if (
        year
        and len(day) <= 2
        and len(month) <= 2
        and len(year) == 4
        and (day + month + year).isascii()
        and (day + month + year).isdigit()
    ):
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


def parse_date(
    value,
    row: int,
    column: str,
    errors: list[RowError],
    *,
    earliest_year: int | None = 1900,
    today: dt.date | None = None,
) -> dt.date | None:
    """A date cell (an Excel date or text such as 31/12/2024); a bad, future or implausible date
    adds an error naming the row and column and gives None."""
    if value is None or value == "":
        return None
    parsed: dt.date | None
    if isinstance(value, dt.datetime):
        parsed = value.date()
    elif isinstance(value, dt.date):
        parsed = value
    else:
        text = normalize(str(value))
        parsed = _parse_text_date(text)
        if parsed is None:
            errors.append(
                RowError(row, column, _("“%(value)s” is not a date (use dd/mm/yyyy).") % {"value": text})
            )
            return None
    if parsed > (today or timezone.localdate()):
        errors.append(
            RowError(
                row, column, _("The date %(date)s is in the future.") % {"date": parsed.strftime("%d/%m/%Y")}
            )
        )
        return None
    if earliest_year is not None and parsed.year < earliest_year:
        errors.append(RowError(row, column, _("The year %(year)d is not plausible.") % {"year": parsed.year}))
        return None
    return parsed
