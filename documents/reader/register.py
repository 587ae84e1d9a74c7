"""A document as a legal database or an office's register prints it: its metadata as labelled
fields (“Số hiệu: 16/HD-MT”, “Loại văn bản: Hướng dẫn”, “Cơ quan ban hành: …”, “Ngày ban
hành: 23/08/2016”), beside or instead of its header. The fields say what the header would."""

import datetime
import re
from dataclasses import dataclass, field

from core.text import fold
from documents.reader.dates import DATE, date_from
from documents.reader.lines import Line
from documents.reader.numbers import DOCUMENT_TYPES, NumberSymbol, parse_number_symbol

# Folded labels, each with the field it fills; a label with nothing after it fills nothing.
_LABELS = {
    "so hieu": "number",
    "so ky hieu": "number",
    "so/ky hieu": "number",
    "ky hieu": "number",
    "loai van ban": "type",
    "hinh thuc van ban": "type",
    "co quan ban hanh": "issuer",
    "noi ban hanh": None,  # a level or a place ("Tỉnh Yên Bái"), not the body
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
}
_LABELLED = re.compile(r"^\s*([^:]{2,24}?)\s*:\s*(.*)$")
_DATE = re.compile(DATE)
_TYPES = {fold(name): name for name in DOCUMENT_TYPES}
# Two labels of the document's own metadata tell a register from a text that uses a colon.
_ENOUGH = 2


@dataclass
class Register:
    """What the labelled fields say, and the lines that are not fields."""

    number: NumberSymbol | None = None
    type: str | None = None
    issuer: str | None = None
    date: datetime.date | None = None
    title: str | None = None
    rest: list[Line] = field(default_factory=list)


def read_register(lines: list[Line]) -> Register | None:
    """The register's fields, or None when the text has fewer than two of them."""
    register, found = Register(), 0
    for line in lines:
        labelled = _LABELLED.match(line.text)
        label = fold(labelled[1]) if labelled else None
        if label not in _LABELS:
            register.rest.append(line)
            continue
        assert labelled is not None
        name, value = _LABELS[label], labelled[2].strip()
        found += name in {"number", "type", "issuer", "date"}
        if not value or name is None:
            continue
        if name == "number":
            register.number = register.number or parse_number_symbol(value)
        elif name == "type":
            register.type = register.type or _TYPES.get(fold(value))
        elif name == "issuer":
            register.issuer = register.issuer or value
        elif name == "date" and (dated := _DATE.search(value)):
            register.date = register.date or date_from(dated)
        elif name == "title":
            register.title = register.title or value
    return register if found >= _ENOUGH else None
