"""A document as a legal database or an office's register prints it: its metadata as labelled
fields (“Số hiệu: 16/HD-MT”, “Loại văn bản: Hướng dẫn”, “Cơ quan ban hành: …”, “Ngày ban
hành: 23/08/2016”), beside or instead of its header. The fields say what the header would."""

import datetime
import itertools
import re
from dataclasses import dataclass, field

from core.text import fold, normalize
from documents.reader.dates import DATE, date_from
from documents.reader.lines import Line, is_upper, recipients_label, sets_motto
from documents.reader.numbers import DOCUMENT_TYPES, NumberSymbol, parse_number_symbol
from documents.reader.organisations import names_a_body

# Folded labels, each with the field it fills; a label with nothing after it fills nothing.
_LABELS = {
    "so hieu": "number",
    "so ky hieu": "number",
    "so/ky hieu": "number",
    "so ki hieu": "number",
    "the loai": "type",
    "ky hieu": "number",
    "loai van ban": "type",
    "hinh thuc van ban": "type",
    "co quan ban hanh": "issuer",
    "noi ban hanh": "place",  # a level or a place ("Tỉnh Yên Bái"); a body only when it names one
    "don vi ban hanh": "issuer",
    "ngay ban hanh": "date",
    "trich yeu": "title",
    "trich yeu noi dung": "title",
    "ngay cap nhat": None,
    "ngay hieu luc": None,
    "ngay co hieu luc": None,
    "linh vuc": None,
    "linh vuc van ban": None,
    "nguoi ky": None,
    "tinh trang hieu luc": None,
    "tep dinh kem": None,
    "cap ban hanh": None,
    "so cong bao": None,
    "ngay cong bao": None,
    "ngay dang cong bao": None,
    "tinh trang": None,
}
# Labels a register prints only as a table's cells, bare ("| Tiêu đề văn bản | … |",
# "| Số lượt xem | 4067 |"): read as labels in such a row only, as words opening a line
# ("Phạm vi điều chỉnh", "Mô tả …") are no label in a text.
_TABLE_LABELS = {
    "tieu de van ban": "title",
    "loai tai lieu": "type",
    "pham vi": None,
    "trang thai": None,
    "tai lieu dinh kem": None,
    "file dinh kem": None,
    "so luot xem": None,
    "so luot tai ve": None,
    "mo ta": None,
}
_LABELLED = re.compile(r"^\s*([^:]{2,24}?)\s*:\s*(.*)$")
# A register that prints its labels without colons ("Ngày ban hành 06/11/2024"): a label of
# two words or more opening the line.
_BARE_LABELS = sorted((label for label in _LABELS if " " in label), key=len, reverse=True)
# A cell's label or a field's: the table's own labels say a field in a row with bars, in the
# "label: value" line that row becomes, or bare in a row that opens with one (_ANY_CELL_LABEL),
# never inside another field's value (_ANY_LABEL).
_CELL_LABELS = {**_LABELS, **_TABLE_LABELS}
_DATE = re.compile(DATE)
_TYPES = {fold(name): name for name in DOCUMENT_TYPES}
# Two labels of the document's own metadata tell a register from a text that uses a colon.
_ENOUGH = 2
# A label glued after the previous field's value ("Số hiệu:999/QĐ-TLĐNgày đăng công báo:…"),
# matched on folded text: a known label of two words or more, then its colon (a space before it
# too, as a register table copied without its bars runs "… 06/2022/QH15 Loại văn bản: Luật").
_GLUED = re.compile(r"(?<=\S)\s?(?=(?:" + "|".join(re.escape(label) for label in _BARE_LABELS) + r")\s*:)")
# A date an office's register writes in the number's cell after the number, the date cell left
# empty ("207/GD&ĐT ngày 17 tháng 4 năm 2020"); the whole rest of the cell.
_DATED_NUMBER = re.compile(rf"\s*,?\s*(?i:ngày)\s*{DATE}\s*\.?\s*$")
# Where a register's heading line turns from its issuer to its summary.
_ABOUT = re.compile(r"\bve (?:viec )?")
# How many lines under an empty date label its date may come (after the label's explanation).
_DATE_BELOW = 2


@dataclass
class Register:
    """What the labelled fields say, and the lines that are not fields."""

    number: NumberSymbol | None = None
    type: str | None = None
    issuer: str | None = None
    date: datetime.date | None = None
    title: str | None = None
    rest: list[Line] = field(default_factory=list)
    runs: list[list[str]] = field(default_factory=list)  # the lines not fields, run by run
    after: list[Line] = field(default_factory=list)  # the lines after the last field

    def document_lines(self) -> list[Line]:
        """The document itself: after the fields when it follows them with its own header
        (the register's summary above them repeats its title), else every line not a field."""
        if sets_motto([line.text for line in self.after]):  # wrapped by a PDF or not
            return self.after
        return self.rest

    def summary(self) -> str | None:
        """The summary in the register's heading line, which names the document by its number
        and issuer ("Quyết định 999/QĐ-TLĐ của … về việc ban hành …"), when no field gives it."""
        if self.title or self.number is None:
            return self.title
        own = str(self.number)
        lines = [*(line.text for line in self.rest), *(" ".join(run) for run in self.runs if len(run) > 1)]
        for text in lines:  # each line, then each run of lines a PDF wrapped
            line = Line(raw=text, text=text)
            folded, at = fold(line.text), line.text.find(own)
            about = (
                _ABOUT.search(folded, at + len(own)) if at >= 0 and len(folded) == len(line.text) else None
            )
            if about and " cua " in folded[at : about.start() + 1]:
                return line.text[about.start() :].strip()
        # "… ban hành Thông tư 16/2023/TT-BLĐTBXH hướng dẫn …." (read across a PDF's line ends)
        text = " ".join(line.text for line in self.rest)
        at = text.find(own)
        before, after = fold(text[:at]).rstrip(), text[at + len(own) :].strip()
        if at > 0 and before.endswith(tuple(_TYPES)) and after[:1].islower():
            return re.split(r"\.(?:\s|$)", after, maxsplit=1)[0].strip() or None
        return None


def read_register(lines: list[Line]) -> Register | None:
    """The register's fields, or None when the text has fewer than two of them."""
    register, found = Register(), 0
    date_wanted = 0  # lines left in which a date under an empty "Ngày ban hành:" is taken
    wrapped: str | None = None  # the field whose value a PDF's line end may have cut
    run: list[str] = []
    issuer_labelled = False  # whether the issuer came from its own label, not from the place's
    number_date: datetime.date | None = None  # a date written in the number's cell
    for line in _unglued(lines):
        label, value = _field(line.text)
        if label is None and wrapped is not None and line.text[:1].islower():
            if wrapped == "issuer" and register.issuer:  # "Tổng Liên đoàn Lao" / "động Việt Nam"
                register.issuer = f"{register.issuer} {line.text}"
            wrapped = None
            continue
        wrapped = None
        if label is None:
            run.append(line.text)
            if date_wanted and (dated := _DATE.fullmatch(line.text.strip())) and register.date is None:
                register.date = date_from(dated)
            date_wanted = max(date_wanted - 1, 0)
            register.rest.append(line)
            register.after.append(line)
            continue
        register.after = []
        if run:
            register.runs.append(run)
            run = []
        name = _CELL_LABELS[label]
        found += name in {"number", "type", "issuer", "date"}
        if name == "date" and not _DATE.search(value):
            date_wanted = _DATE_BELOW if value == "" else date_wanted
            continue
        if not value or name is None:
            continue
        if name == "number":
            if (dated := _DATED_NUMBER.search(value)) is not None:  # "12/KH-PGD&ĐT ngày 9 tháng 7 năm 2020"
                number_date = number_date or date_from(dated)  # the date's own cell, if filled, prevails
                value = value[: dated.start()]
            register.number = register.number or parse_number_symbol(value)
        elif name == "type":
            register.type = register.type or _TYPES.get(fold(value))
        elif name == "issuer":
            if not issuer_labelled:  # the issuer's own label overrides a body named as the place
                wrapped, register.issuer, issuer_labelled = "issuer", value, True
        elif name == "place" and names_a_body(value):  # "Nơi ban hành: Bộ Lao động - …"
            register.issuer = register.issuer or value
        elif name == "date" and (dated := _DATE.search(value)):
            register.date = register.date or date_from(dated)
        elif name == "title":
            named, summary = _typed_summary(value)
            register.type = register.type or named
            register.title = register.title or summary
    if run:
        register.runs.append(run)
    register.date = register.date or number_date
    return register if found >= _ENOUGH else None


# A letter's summary in the register's title field: "V/v tham gia cuộc thi …".
_LETTER_SUMMARY = re.compile(r"^(?:V/v|V/V|v/v)\s*:?\s*(?=\S)")


def _typed_summary(value: str) -> tuple[str | None, str]:
    """A title field that opens with the document's type ("Thông báo các đoàn đi thăm …", or all in
    capitals, "KẾ HOẠCH TUYỂN SINH …"): the type, and the summary after it; a title field that opens with "V/v" is a letter's summary
    (only a Công văn puts "V/v …" under its number), read without the label; else no type and
    the whole value."""
    if (label := _LETTER_SUMMARY.match(value)) is not None:
        return "Công văn", value[label.end() :]
    folded = fold(value)
    capitals = value.isupper()  # "KẾ HOẠCH TUYỂN SINH …": a title in capitals, its type so too
    for name in sorted(_TYPES, key=len, reverse=True):
        rest = value[len(name) :].strip()
        if folded.startswith(name + " ") and len(folded) == len(value) and (rest[:1].islower() or capitals):
            return _TYPES[name], rest
    return None, value


def _untabled(lines: list[Line]) -> list[Line]:
    """A register printed as a table, two fields a row ("Số hiệu: | 06/2022/QH15 | Loại văn bản:
    | Luật |"): each label and the cell after it are one line; a row of no label stays as it is."""
    out: list[Line] = []
    for line in lines:
        cells = [normalize(cell) for cell in line.raw.split("|") if cell.strip()]
        if len(cells) < 2 or not any(_table_label(cell) for cell in cells):
            out.append(line)
            continue
        rows: list[str] = []
        for cell in cells:
            if rows and _table_label(rows[-1]) and not _table_label(cell):
                colon = "" if rows[-1].endswith(":") else ":"  # a bare label cell: "Số hiệu"
                rows[-1] = f"{rows[-1]}{colon} {cell}"
            else:
                rows.append(cell)
        out.extend(Line(raw=row, text=row) for row in rows)
    return out


def _table_label(cell: str) -> bool:
    """A cell that is a field's label alone: "Số hiệu:", or "Số hiệu" without its colon."""
    return fold(cell.removesuffix(":").strip()) in _CELL_LABELS


# A line opening with the end of a label and its colon ("văn bản: Thông tư", "báo:Đang …").
_LABEL_END = re.compile(r"^([^:]{1,20}?)\s*:")


def _rejoined(lines: list[Line]) -> list[Line]:
    """A label a PDF's line end cut ("Số hiệu: 16/2023/TT-BLĐTBXH Loại" / "văn bản: Thông tư",
    or glued to a value, "… 999/QĐ-TLĐNgày đăng công" / "báo: …") put back together on the
    line of its colon."""
    out = list(lines)
    for at in range(len(out) - 1):
        head = _LABEL_END.match(out[at + 1].text)
        text, folded = out[at].text, fold(out[at].text)
        if head is None or fold(head[1]) in _LABELS or len(folded) != len(text):
            continue
        tail = fold(head[1]).strip()
        for label in _BARE_LABELS:  # longest first
            prefix = label[: -len(tail)].rstrip() if label.endswith(" " + tail) else ""
            glued_at = len(folded) - len(prefix)
            if not prefix or not folded.endswith(prefix) or glued_at == 0:
                continue
            # one word alone must stand apart ("… Loại"); two or more may be glued ("TLĐNgày đăng")
            if " " not in prefix and folded[glued_at - 1].isalnum():
                continue
            kept, moved = text[:glued_at].rstrip(), f"{text[glued_at:]} {out[at + 1].text}"
            out[at], out[at + 1] = Line(raw=kept, text=kept), Line(raw=moved, text=moved)
            break
    return out


def _any_label(labels: dict[str, str | None]) -> re.Pattern[str]:
    """Any of the labels of two words or more, at word bounds, longest first (on folded text)."""
    ordered = sorted((label for label in labels if " " in label), key=len, reverse=True)
    return re.compile(r"(?<!\S)(?:" + "|".join(re.escape(label) for label in ordered) + r")(?!\S)")


_ANY_LABEL = _any_label(_LABELS)
# A table's own labels too: they split a row that opens with one ("Phạm vi Các trường học Ngày
# ban hành …"), never a field's value ("Trích yếu Kế hoạch … về mô tả … trong phạm vi …").
_ANY_CELL_LABEL = _any_label(_CELL_LABELS)
# A label of three words or more is no sentence's opening ("Tiêu đề văn bản …").
_LONG_LABEL = 3


def _flattened_row(line: Line) -> list[Line]:
    """A register's table row whose bars a Word file or PDF lost ("Số hiệu Số: 633/TB-UBND Cơ
    quan ban hành UBND huyện …"): a field a line, with its colon; a line that opens with one
    short label alone ("Phạm vi điều chỉnh …") is no row."""
    folded = fold(line.text)
    first = _ANY_CELL_LABEL.match(folded)
    any_label = _ANY_CELL_LABEL if first is not None and first[0] in _TABLE_LABELS else _ANY_LABEL
    labels = list(any_label.finditer(folded)) if len(folded) == len(line.text) else []
    if not labels or labels[0].start() != 0 or folded[labels[0].end() :].lstrip().startswith(":"):
        return [line]
    if len(labels) < 2 and len(labels[0][0].split()) < _LONG_LABEL:
        return [line]
    out = []
    ends = [label.start() for label in labels[1:]] + [len(line.text)]
    for label, end in zip(labels, ends, strict=True):
        value = line.text[label.end() : end].strip()
        text = (
            f"{line.text[label.start() : label.end()]}: {value}" if value else line.text[label.start() : end]
        )
        out.append(Line(raw=text.strip(), text=text.strip()))
    return out


def _opens_row(text: str) -> bool:
    """Whether a line opens with a label and no colon after it, as a row that lost its bars does."""
    folded = fold(text)
    label = _ANY_CELL_LABEL.match(folded)
    return (
        label is not None and len(folded) == len(text) and not folded[label.end() :].lstrip().startswith(":")
    )


# A row a narrow column wrapped up to four times (a title cell: "Tiêu đề văn bản V/v tham gia
# cuộc thi" / "trực tuyến …" / "… Hồ Chí" / "Minh” năm 2021"; "Tiêu đề văn bản Quyết định về
# việc ban" / "hành … năm học 2021 -" / "2022 của …" / "… tỉnh" / "Bắc Ninh"): the lines one row
# may join (a row with more is read as it is, and joining stays linear in the text's length).
_ROW_LINES = 5
# A cell's line cut after a range's dash goes on with what follows, a year or a number
# ("… năm học 2021 -" / "2022 của …").
_CUT_AT_DASH = (" -", " \u2013")


def _joined_rows(lines: list[Line]) -> list[Line]:
    """A row without bars that a PDF's narrow column wrapped ("Số hiệu Số: 633/TB-UBND Cơ quan
    ban" / "hành UBND huyện …"), put back on one line: a line in small letters goes on with the
    row above, so does one under a line cut at a dash, and one that opens no row when the line
    after it opens one."""
    out: list[Line] = []
    opens = [_opens_row(line.text) for line in lines]
    joined = _ROW_LINES  # lines already on the last row, or the cap when it opens no row
    for at, line in enumerate(lines):
        goes_on = (
            line.text[:1].islower()
            or (bool(out) and out[-1].text.endswith(_CUT_AT_DASH) and not opens[at])
            or (bool(out) and not opens[at] and _title_in_capitals(out[-1].text) and is_upper(line.text))
            or (not opens[at] and at + 1 < len(lines) and opens[at + 1] and not _LABELLED.match(line.text))
        )
        if joined < _ROW_LINES and goes_on and recipients_label(line.text) is None:
            text = f"{out[-1].text} {line.text}"
            out[-1] = Line(raw=text, text=text)
            joined += 1
        else:
            out.append(line)
            joined = 1 if opens[at] else _ROW_LINES
    return out


def _title_in_capitals(text: str) -> bool:
    """A title row whose value is in capitals ("Tiêu đề văn bản KẾ HOẠCH TUYỂN"): its cell's
    lines wrapped in capitals go on with it ("SINH 2020-2021 …")."""
    folded = fold(text)
    label = _ANY_CELL_LABEL.match(folded)
    if label is None or len(folded) != len(text) or _CELL_LABELS[label[0]] != "title":
        return False
    return is_upper(text[label.end() :])


def _unglued(lines: list[Line]) -> list[Line]:
    """The lines with each field glued after another's value put on a line of its own."""
    out: list[Line] = []
    rows = _joined_rows(_untabled(_rejoined(lines)))
    for line in (row for whole in rows for row in _flattened_row(whole)):
        folded = fold(line.text)
        if len(folded) != len(line.text) or ":" not in line.text:
            out.append(line)
            continue
        cuts = [0, *(m.start() for m in _GLUED.finditer(folded)), len(line.text)]
        out.extend(
            Line(raw=line.text[a:b].strip(), text=line.text[a:b].strip()) for a, b in itertools.pairwise(cuts)
        )
    return out


def _field(text: str) -> tuple[str | None, str]:
    """The folded label of a register's field and its value, or (None, "")."""
    labelled = _LABELLED.match(text)
    if labelled and fold(labelled[1]) in _CELL_LABELS:
        return fold(labelled[1]), labelled[2].strip()
    folded = fold(text)
    for label in _BARE_LABELS:
        if folded == label or folded.startswith(label + " "):
            words = len(label.split())
            rest = text.split(None, words)
            return label, rest[words].strip() if len(rest) > words else ""
    return None, ""
