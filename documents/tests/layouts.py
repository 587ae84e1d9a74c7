"""The header of a corpus text laid out again the ways web copies flatten its table: a
metamorphic check of the reader, whose reading must not change with the layout.

A header is taken apart only where it can be told unambiguously: the lines around the motto's
line are, cut at the gaps a table leaves (tabs, runs of spaces, "|"; a label or a date head wrapped
onto the next line joined back), nothing but one to three names in capitals above, the motto whole
(its subtitle whole or absent), one "Số: …", one place-and-date line and at most one "V/v …" (rules
are dropped); capitals above that block, a number cut after its hyphen or a line in small letters
under it (a cell going on) make it doubtful. Any other text is skipped (`locate_header` gives
None), and counted by the caller.
The header's cells are the 2 × 2 table of Nghị định 30/2020: the issuer's names and the number on
the left, the motto and the date on the right."""

import re
from collections.abc import Callable
from dataclasses import dataclass

from core.text import fold, normalize
from documents.reader.dates import PLACE_DATE
from documents.reader.lines import is_rule, is_upper
from documents.reader.numbers import DOCUMENT_TYPES

_MAX_NAMES = 3
_CELL_GAP = re.compile(r"\t+|[ \u00a0]{3,}|[ \u00a0]*\|[ \u00a0]*")
_MOTTO = re.compile(r"^cong hoa xa hoi chu nghia viet nam$")
_SUBTITLE = re.compile(r"^doc lap\s*[-\u2013]\s*tu do\s*[-\u2013]\s*hanh phuc$")
_NUMBER = re.compile(r"^(?:Số|SỐ)\s*:?\s*\d")
_TYPE_OPENINGS = tuple(fold(name) + " " for name in DOCUMENT_TYPES)


@dataclass(frozen=True)
class Header:
    """A located header: the lines above and below it, and its cells."""

    before: list[str]
    names: list[str]
    motto: str
    subtitle: str
    number: str
    date: str
    summary: str  # a Công văn's "V/v …" under its number, or ""
    after: list[str]


def _cells(line: str) -> list[str]:
    return [cell for cell in (normalize(c) for c in _CELL_GAP.split(line)) if cell]


def _kind(cell: str) -> str | None:
    folded = fold(cell).rstrip(" .")
    if is_rule(cell):
        return "rule"
    if _MOTTO.match(folded):
        return "motto"
    if _SUBTITLE.match(folded):
        return "subtitle"
    if _NUMBER.match(cell):
        return "number"
    if re.match(r"^V/[vV]\b", cell):
        return "summary"
    date = PLACE_DATE.search(cell)
    if date and date.end() == len(cell) and not re.search(r"\d", cell[: date.start()]):
        return "date"  # "Thị trấn Cần Giuộc, ngày …": a place whose level is in small letters
    if is_upper(cell) and cell[0].isalpha() and not (fold(cell) + " ").startswith(_TYPE_OPENINGS):
        return "name"
    return None


# A label or a date head that a narrow cell wrapped away from what follows ("Số:" / "06/2024/…",
# "Quảng Nam, ngày" / "13 tháng 7 năm 2023").
_BARE_LABEL = re.compile(r"^(?:Số|SỐ)\s*:?$")
_DATE_HEAD = re.compile(r", ngay(?:\s+\d{1,2})?$")
_DATE_TAIL = re.compile(r"^(?:\d{1,2}\s+)?thang\b")
# How far down a text its header may begin (a site's title and time stamp may come first).
_REACH = 25
# What may stand above the motto's line, and below it.
_ABOVE = {"name", "rule", "number", "summary"}
_BELOW = {"name", "rule", "number", "summary", "subtitle", "date"}


@dataclass
class _Row:
    first: int  # the row's first and last line in the text
    last: int
    cells: list[str]


def _rows_of(lines: list[str]) -> list[_Row]:
    """The text's first lines as table rows, a wrapped label or date joined to what follows."""
    rows: list[_Row] = []
    for at, line in enumerate(lines[:_REACH]):
        cells = _cells(line)
        if not cells:
            if rows:
                rows[-1].last = at
            continue
        if (
            rows
            and (_BARE_LABEL.match(rows[-1].cells[-1]) and cells[0][:1].isdigit())
            or (rows and _DATE_HEAD.search(fold(rows[-1].cells[-1])) and _DATE_TAIL.match(fold(cells[0])))
        ):
            rows[-1].cells[-1] = f"{rows[-1].cells[-1]} {cells[0]}"
            rows[-1].cells.extend(cells[1:])
            rows[-1].last = at
            continue
        rows.append(_Row(at, at, cells))
    for row in rows:  # "Số:" | "278/PGD&ĐT-THCS" in one row
        for i in range(len(row.cells) - 1, 0, -1):
            if _BARE_LABEL.match(row.cells[i - 1]) and row.cells[i][:1].isdigit():
                row.cells[i - 1 : i + 1] = [f"{row.cells[i - 1]} {row.cells[i]}"]
    return rows


def _kinds(row: _Row) -> list[str | None]:
    return [_kind(cell) for cell in row.cells]


def locate_header(text: str) -> Header | None:
    """The header around the motto's line, when every line of it is a cell of the table;
    None when the text has no such header or it cannot be told apart without doubt."""
    lines = text.splitlines()
    rows = _rows_of(lines)
    motto_at = next((i for i, row in enumerate(rows) if "motto" in _kinds(row)), None)
    if motto_at is None or not set(_kinds(rows[motto_at])) <= _BELOW | {"motto"}:
        return None
    top = motto_at
    while top > 0 and set(_kinds(rows[top - 1])) <= _ABOVE:
        top -= 1
    bottom = motto_at + 1
    dated = False
    while bottom < len(rows) and set(kinds := _kinds(rows[bottom])) <= _BELOW:
        if set(kinds) == {"name"} and dated:
            break  # a title or an authority in capitals under the number and the date
        dated = dated or bool({"number", "date", "subtitle"} & set(kinds))
        bottom += 1
    if top > 0 and any(is_upper(cell) for cell in rows[top - 1].cells):
        return None  # capitals above the block: a name that a bullet or a mark kept out of it
    block = rows[top:bottom]
    cells: dict[str, list[str]] = {
        kind: [] for kind in ("name", "motto", "subtitle", "number", "date", "summary")
    }
    for row in block:
        for kind, cell in zip(_kinds(row), row.cells, strict=True):
            if kind is not None and kind != "rule":
                cells[kind].append(cell)
    if any(len(cells[kind]) != 1 for kind in ("motto", "number", "date")):
        return None
    if len(cells["subtitle"]) > 1 or len(cells["summary"]) > 1:
        return None
    if not 1 <= len(cells["name"]) <= _MAX_NAMES or cells["number"][0].rstrip().endswith(("-", "\u2013")):
        return None  # no name, or a number cut after its hyphen (its end may be taken for a name)
    after = lines[block[-1].last + 1 :]
    following = next((line.strip() for line in after if line.strip()), "")
    if following[:1].islower() or (cells["summary"] and not fold(following).startswith("kinh gui")):
        return None  # the summary or a cell may go on under the block
    return Header(
        before=lines[: block[0].first],
        names=cells["name"],
        motto=cells["motto"][0],
        subtitle=cells["subtitle"][0] if cells["subtitle"] else "",
        number=cells["number"][0],
        date=cells["date"][0],
        summary=cells["summary"][0] if cells["summary"] else "",
        after=after,
    )


def _left(header: Header) -> list[str]:
    return [*header.names, header.number, *filter(None, [header.summary])]


def _right(header: Header) -> list[str]:
    return [*filter(None, [header.motto, header.subtitle]), header.date]


def _rows(header: Header) -> list[tuple[str, str]]:
    """The header's visual lines as (left, right): the names beside the motto's lines, then the
    number beside the date, then the summary under the number."""
    motto = [*filter(None, [header.motto, header.subtitle])]
    count = max(len(header.names), len(motto))
    pairs = [
        (header.names[i] if i < len(header.names) else "", motto[i] if i < len(motto) else "")
        for i in range(count)
    ]
    return [*pairs, (header.number, header.date), *([(header.summary, "")] if header.summary else [])]


def _side_by_side(gap: str) -> Callable[[Header], list[str]]:
    def lay(header: Header) -> list[str]:
        return [gap.join(cell for cell in row if cell) for row in _rows(header)]

    return lay


def _by_columns(header: Header) -> list[str]:
    return [*_left(header), *_right(header)]


def _by_rows(header: Header) -> list[str]:
    """The Word table's two rows in turn: names, motto; number (and summary), date."""
    motto = [*filter(None, [header.motto, header.subtitle])]
    return [*header.names, *motto, header.number, *filter(None, [header.summary]), header.date]


def _interleaved(header: Header) -> list[str]:
    return [cell for row in _rows(header) for cell in row if cell]


def _motto_run_on(header: Header) -> list[str]:
    """The names' lines run on into the motto's, one space between, as a PDF's text layer does."""
    rows = _rows(header)
    names = len(rows) - (2 if header.summary else 1)
    return [
        *(" ".join(cell for cell in row if cell) for row in rows[:names]),
        header.number,
        *filter(None, [header.summary]),
        header.date,
    ]


def _number_and_date(header: Header) -> list[str]:
    motto = [*filter(None, [header.motto, header.subtitle])]
    return [*header.names, *motto, f"{header.number} {header.date}", *filter(None, [header.summary])]


def _right_first(header: Header) -> list[str]:
    """The right column first, as a page that floats it right prints it."""
    return [*_right(header), *_left(header)]


def _right_cell_first(header: Header) -> list[str]:
    return [cell for row in _rows(header) for cell in reversed(row) if cell]


def _one_line(header: Header) -> list[str]:
    """Every cell on one line, rows in turn, one space between: a forum's run-on paragraph."""
    return [" ".join(cell for row in _rows(header) for cell in row if cell)]


def _blank_lines(header: Header) -> list[str]:
    return [line for cell in _by_rows(header) for line in (cell, "")]


def _names_one_line(header: Header) -> list[str]:
    """The names' lines joined on one, as a wide cell or a PDF sets them ("UBND TỈNH SƠN LA SỞ
    GIÁO DỤC VÀ ĐÀO TẠO"); the motto and the rest one cell a line."""
    return [" ".join(header.names), *_by_rows(header)[len(header.names) :]]


def _motto_lines(header: Header, *, wrapped: bool = False) -> list[str]:
    """The motto's lines; wrapped in a narrow cell before its last words ("… CHỦ NGHĨA" / "VIỆT NAM")."""
    words = header.motto.split()
    motto = [" ".join(words[:-2]), " ".join(words[-2:])] if wrapped else [header.motto]
    return [*motto, *filter(None, [header.subtitle])]


def _motto_wrapped(header: Header) -> list[str]:
    """One cell a line, left and right in turn, the motto wrapped: "VIỆT NAM" under a name's line."""
    motto = _motto_lines(header, wrapped=True)
    count = max(len(header.names), len(motto))
    cells = [
        cell
        for i in range(count)
        for cell in (header.names[i] if i < len(header.names) else "", motto[i] if i < len(motto) else "")
        if cell
    ]
    return [*cells, header.number, header.date, *filter(None, [header.summary])]


def _motto_wrapped_columns(header: Header) -> list[str]:
    return [*_left(header), *_motto_lines(header, wrapped=True), header.date]


LAYOUTS: dict[str, Callable[[Header], list[str]]] = {
    "columns": _by_columns,  # one cell a line, the left column then the right
    "rows": _by_rows,  # one cell a line, the table's rows in turn
    "interleaved": _interleaved,  # one cell a line, left and right cells of each line in turn
    "spaces": _side_by_side("        "),
    "tabs": _side_by_side("\t"),
    "bars": _side_by_side(" | "),
    "motto_run_on": _motto_run_on,
    "number_and_date": _number_and_date,
    "right_first": _right_first,
    "right_cell_first": _right_cell_first,
    "glued": _side_by_side(""),
    "two_spaces": _side_by_side("  "),
    "one_line": _one_line,
    "blank_lines": _blank_lines,
    "names_one_line": _names_one_line,
    "motto_wrapped": _motto_wrapped,
    "motto_wrapped_columns": _motto_wrapped_columns,
}


def relay(text: str, layout: str) -> str | None:
    """The text with its header laid out so; None when its header cannot be located."""
    header = locate_header(text)
    if header is None:
        return None
    return "\n".join([*header.before, *LAYOUTS[layout](header), *header.after])
