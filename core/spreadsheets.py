"""What the Excel importers share: the first sheet of an uploaded workbook read as a stream of
rows, columns found by their header text (folded, so accents, case and order do not matter),
errors that name the row and the column, and date cells.

The importers (`organisations.imports`, `awards.imports`) keep their own columns and rules;
this module only knows spreadsheets."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException

from core.text import fold, normalize
from core.uploads import XLSX, check_upload

DATE_FORMATS = ("%d/%m/%Y", "%d-%m-%Y", "%Y-%m-%d", "%d.%m.%Y")


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

    def require(self, required: list[str], labels: dict[str, str], *, extra_missing: Sequence[str] = ()) -> None:
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
    parsed: dt.date | None
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
