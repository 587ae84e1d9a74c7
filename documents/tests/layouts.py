"""The header of a corpus text laid out again the ways web copies flatten its table: a
metamorphic check of the reader, whose reading must not change with the layout.

A header is taken apart only where it can be told unambiguously: the lines around the motto's
line are, cut at the gaps a table leaves (tabs, runs of spaces, "|"), nothing but one to four names
in capitals above, the motto (its subtitle whole or absent), at most one "Số: …", one
place-and-date line and at most one "V/v …" (rules are dropped). What a narrow cell wrapped is
joined back first: a label, a date or a place cut from the rest of its cell ("Số:" / "29/KH-UBND",
"Quảng Nam, ngày" / "13 tháng 7 năm 2023", "Tiền" / "Giang, ngày …"), the motto cut anywhere
("CỘNG HÒA XÃ HỘI" / "CHỦ NGHĨA VIỆT NAM"), a name's word alone on a line ("ỦY" / "BAN NHÂN DÂN"),
a summary going on under its "V/v" up to "Kính gửi"; cells run together are parted where the motto,
its subtitle or the number begins or ends, never between two names. Capitals above that block, a
rule above a name in it (a site's heading), a number cut after its hyphen, a letter-spaced name or
a line in small letters under it (a cell going on) make it doubtful. Any other text is skipped
(`locate_header` gives None), and counted by the caller.
The header's cells are the 2 × 2 table of Nghị định 30/2020: the issuer's names and the number on
the left, the motto and the date on the right."""

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from core.text import fold, normalize
from documents.reader.dates import BLANK_PLACE_DATE, PLACE_DATE
from documents.reader.lines import VI_LOWER, VI_UPPER, is_rule, is_upper
from documents.reader.numbers import DOCUMENT_TYPES

_MAX_NAMES = 4
_CELL_GAP = re.compile(r"\t+|[ \u00a0]{3,}|[ \u00a0]*\|[ \u00a0]*")
_MOTTO = re.compile(r"^cong hoa xa hoi chu nghia viet nam$")
_SUBTITLE = re.compile(r"^doc lap\s*[-\u2013]\s*tu do\s*[-\u2013]\s*hanh phuc$")
_NUMBER = re.compile(r"^(?:Số|SỐ)\s*:?\s*[\d/]")  # "Số: /KH-…": left blank for the signing
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


# Where cells ran into one another with a space or nothing between: before the motto, its
# subtitle or the number ("LĐLĐ THÀNH PHỐ SẦM SƠN CỘNG HÒA …", "UBND TỈNH BẮC GIANG Số: …"), after
# the motto or its subtitle ("… VIỆT NAM Độc lập …", "… Hạnh phúcThuỷ Vân, ngày …"); and a rule
# under a cell ("… VIỆT NAM -------").
_CELL_STARTS = re.compile(r"(?i)\b(?:cộng\s+h(?:òa|oà)\s|độc\s+lập\b|số\s*:)")
_CELL_ENDS = re.compile(r"(?i)\bviệt\s+nam\b|\bhạnh\s+phúc")
_TRAILING_RULE = re.compile(r"\s+[-_*=]{3,}$")


def _parted(cell: str) -> list[str]:
    """A cell as the cells run together in it, when every part is a cell of the header and the
    motto, its subtitle or the number is where they part (two names are never parted: where one
    ends cannot be told)."""
    cell = _TRAILING_RULE.sub("", cell)
    if _kind(cell) not in (None, "name", "date"):  # "date": a place may have a subtitle glued before it
        return [cell]
    starts = {match.start() for match in _CELL_STARTS.finditer(cell)}
    for cut in sorted(starts | {match.end() for match in _CELL_ENDS.finditer(cell)}):
        head, rest = cell[:cut].strip(), cell[cut:].strip()
        if not head or not rest:
            continue
        parts = [head, *_parted(rest)]
        kinds = [_kind(part) for part in parts]
        opening = (
            kinds[1] in ("motto", "subtitle", "number")
            if cut in starts
            else kinds[0] in ("motto", "subtitle")
        )
        if None not in kinds and opening:
            return parts
    return [cell]


def _cells(line: str) -> list[str]:
    return [part for cell in (normalize(c) for c in _CELL_GAP.split(line)) if cell for part in _parted(cell)]


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
    if re.match(r'^[“"]?V/[vV]\b', cell):
        return "summary"
    date = PLACE_DATE.search(cell)
    if date and date.end() == len(cell) and not re.search(r"\d", cell[: date.start()]):
        return "date"  # "Thị trấn Cần Giuộc, ngày …": a place whose level is in small letters
    blank = BLANK_PLACE_DATE.match(cell)
    if blank and blank.end() == len(cell.rstrip(" .")):
        return "date"  # "Hà Nội, ngày     tháng 11 năm 2020": the day left for the signing
    spaced = all(len(word) == 1 for word in cell.split())  # "T H Ủ": a letter-spaced name's piece
    if (
        is_upper(cell)
        and cell[0].isalpha()
        and not spaced
        and not (fold(cell) + " ").startswith(_TYPE_OPENINGS)
    ):
        return "name"
    return None


# A label that a narrow cell wrapped away from its number ("Số:" / "06/2024/…"; "/KH-…" when the
# number is left blank for the signing).
_BARE_LABEL = re.compile(r"^(?:Số|SỐ)\s*:?$")
_MOTTO_WORDS = "cong hoa xa hoi chu nghia viet nam"
# What a date cut after its place, its "ngày" or its day goes on with (folded).
_DATE_PART = re.compile(r"^(?:ngay\b\s*)?(?:\d{1,2}\s*)?(?:thang|nam)\b")
# A place's first word that a narrow cell wrapped ("Tiền" / "Giang, ngày 07 tháng 12 năm 2022").
_PLACE_TAIL = re.compile(rf"^[{VI_UPPER}][{VI_LOWER}]*\s*,\s*(?i:ngày)\b")
_PLACE_HEAD = re.compile(rf"^[{VI_UPPER}][{VI_LOWER}]+(?: [{VI_UPPER}][{VI_LOWER}]+)?$")
# How many lines (blank ones counted) a "V/v …" may run over.
_SUMMARY_LINES = 6
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


def _going_on(head: str, cell: str) -> bool:
    """Whether `cell` goes on with a number's label or a place-and-date cell cut after its place,
    its "ngày" or its day."""
    if _BARE_LABEL.match(head):
        return cell[:1] in "0123456789/"
    return _kind(head) is None and bool(
        re.search(r", ngay\b|,$", fold(head)) and _DATE_PART.match(fold(cell))
    )


def _wrapped(previous: _Row, cells: list[str]) -> str | None:
    """The previous row's last cell and this row's first as one cell, when a narrow cell wrapped
    that one there: a label or a date cut from what follows, the motto cut before its last words,
    a place's first word, or a name's word alone on a line ("ỦY" / "BAN NHÂN DÂN", "… LAO" /
    "ĐỘNG"); None when the rows are rows of their own."""
    head, cell = previous.cells[-1], cells[0]
    joined = f"{head} {cell}"
    if _going_on(head, cell) or (_MOTTO_WORDS.startswith(fold(head) + " ") and fold(joined) == _MOTTO_WORDS):
        return joined
    if (
        len(previous.cells) == 1
        and _kind(head) is None
        and _PLACE_HEAD.match(head)
        and _PLACE_TAIL.match(cell)
    ):
        return joined
    lone = len(previous.cells) == 1 and len(cells) == 1 and not _MOTTO_WORDS.startswith(fold(cell) + " ")
    if lone and _kind(head) == _kind(cell) == "name" and 1 in (len(head.split()), len(cell.split())):
        return joined
    return None


def _summary_going_on(previous: _Row, cells: list[str]) -> int | None:
    """Which cell of the previous row is a "V/v …" that this line goes on with: one cell of no kind
    of its own (no name in capitals, no date), not a place's first word, no "Kính gửi"."""
    at = next((i for i, cell in enumerate(previous.cells) if _kind(cell) == "summary"), None)
    if at is None or len(cells) != 1 or _kind(cells[0]) is not None or _PLACE_HEAD.match(cells[0]):
        return None
    if previous.last - previous.first >= _SUMMARY_LINES or re.search(r", ngay\b|^kinh gui", fold(cells[0])):
        return None
    return at


def _rows_of(lines: list[str]) -> list[_Row]:
    """The text's first lines as table rows, what a narrow cell wrapped joined back."""
    rows: list[_Row] = []
    for at, line in enumerate(lines[:_REACH]):
        cells = _cells(line)
        if not cells:
            if rows:
                rows[-1].last = at
            continue
        summary = _summary_going_on(rows[-1], cells) if rows else None
        if summary is not None:
            rows[-1].cells[summary] = f"{rows[-1].cells[summary]} {cells[0]}"
            rows[-1].last = at
            continue
        joined = _wrapped(rows[-1], cells) if rows else None
        if joined is not None:
            rows[-1].cells[-1] = joined
            rows[-1].cells.extend(cells[1:])
            rows[-1].last = at
            continue
        rows.append(_Row(at, at, cells))
    for row in rows:  # "Số:" | "278/PGD&ĐT-THCS", "Hiệp Hòa, ngày" | "tháng 9 năm 2020" in one row
        for i in range(len(row.cells) - 1, 0, -1):
            head, cell = row.cells[i - 1], row.cells[i]
            if _going_on(head, cell):
                row.cells[i - 1 : i + 1] = [f"{head} {cell}"]
    return rows


def _kinds(row: _Row) -> list[str | None]:
    return [_kind(cell) for cell in row.cells]


@cache  # located once a text, laid out every way
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
    above = [set(_kinds(row)) for row in rows[top:motto_at]]
    if any("rule" in kinds and "name" in set().union(*above[at + 1 :]) for at, kinds in enumerate(above)):
        return None  # a name under a rule above the motto: a site's heading ("MỤC LỤC VĂN BẢN" / "*")
    block = rows[top:bottom]
    cells: dict[str, list[str]] = {
        kind: [] for kind in ("name", "motto", "subtitle", "number", "date", "summary")
    }
    for row in block:
        for kind, cell in zip(_kinds(row), row.cells, strict=True):
            if kind is not None and kind != "rule":
                cells[kind].append(cell)
    if len(cells["motto"]) != 1 or len(cells["date"]) != 1:
        return None
    if any(len(cells[kind]) > 1 for kind in ("subtitle", "number", "summary")):
        return None
    if not 1 <= len(cells["name"]) <= _MAX_NAMES or any(
        n.rstrip().endswith(("-", "\u2013")) for n in cells["number"]
    ):
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
        number=cells["number"][0] if cells["number"] else "",
        date=cells["date"][0],
        summary=cells["summary"][0] if cells["summary"] else "",
        after=after,
    )


def _left(header: Header) -> list[str]:
    return [*header.names, *filter(None, [header.number, header.summary])]


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
    return [*header.names, *motto, *filter(None, [header.number, header.summary]), header.date]


def _interleaved(header: Header) -> list[str]:
    return [cell for row in _rows(header) for cell in row if cell]


def _motto_run_on(header: Header) -> list[str]:
    """The names' lines run on into the motto's, one space between, as a PDF's text layer does."""
    rows = _rows(header)
    names = len(rows) - (2 if header.summary else 1)
    return [
        *(" ".join(cell for cell in row if cell) for row in rows[:names]),
        *filter(None, [header.number, header.summary]),
        header.date,
    ]


def _number_and_date(header: Header) -> list[str]:
    motto = [*filter(None, [header.motto, header.subtitle])]
    return [*header.names, *motto, f"{header.number} {header.date}".strip(), *filter(None, [header.summary])]


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
    return [*cells, *filter(None, [header.number]), header.date, *filter(None, [header.summary])]


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
