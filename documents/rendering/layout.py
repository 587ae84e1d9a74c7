"""Layout rules of Nghị định 30/2020/NĐ-CP shared by the DOCX and PDF renderers.

The Vietnamese words produced here ("Số:", "ngày … tháng … năm …", "V/v", "PHỤ LỤC")
are part of the legal format and are never translated.
"""

from __future__ import annotations

import datetime
import re
import unicodedata
from dataclasses import dataclass

from .model import Annex, OfficialDocument, Section

__all__ = ["vietnamese_date_line"]

# A blank to fill by hand on a draft that has no number or date yet.
BLANK = "\u00a0" * 6

# A heading that is only a marker ("1.", "II.", "a)", "-", "Điều 1.") runs into its first
# paragraph; "Điều" markers are bold, as ND30 prints the articles of a decision.
_BARE_MARKER = re.compile(r"^(?:(?:[IVXLCDM]+|\d+(?:\.\d+)*|[a-zđ])[.)]|[-+*•]|Điều \d+[a-zđ]?\.)$")
_LEGAL_BASIS = re.compile(r"^Căn cứ\b")
_NUMBER = re.compile(r"^[+-]?[\d.,\s]+%?$")
_ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"]


def vietnamese_date_line(place: str, date: datetime.date | None) -> str:
    """The place and date line, e.g. "Cao Bằng, ngày 15 tháng 6 năm 2015".

    ND30 writes days below 10 and the months January and February with a leading zero
    ("ngày 05 tháng 02 năm 2015"). A missing date leaves blanks to fill in by hand."""
    place = unicodedata.normalize("NFC", (place or "").strip())
    if date is None:
        when = f"ngày{BLANK}tháng{BLANK}năm{BLANK}"
    else:
        day = f"{date.day:02d}"
        month = f"{date.month:02d}" if date.month <= 2 else str(date.month)
        when = f"ngày {day} tháng {month} năm {date.year}"
    return f"{place}, {when}" if place else when


def number_line(number_symbol: str) -> str:
    """The number line, "Số: 75/KH-LĐLĐ"; before registration the number is left blank
    ("Số:      /KH-LĐLĐ")."""
    number_symbol = number_symbol.strip()
    if not number_symbol or number_symbol.startswith("/"):
        return f"Số:{BLANK}{number_symbol}"
    return f"Số: {number_symbol}"


def letter_summary(summary: str) -> str:
    """The summary of a Công văn, printed under its number: "V/v …"."""
    summary = summary.strip()
    if summary.lower().startswith("v/v"):
        return summary
    return f"V/v {summary}"


def recipient_lines(recipients: list[str]) -> list[str]:
    """Recipient lines as ND30 prints them: each begins with "-" (or "+" for a
    sub-list) and ends with ";", the last one (usually "Lưu: VT, …") with "."."""
    lines = [line.strip() for line in recipients if line.strip()]
    result = []
    for index, line in enumerate(lines):
        if not line.startswith(("-", "+")):
            line = f"- {line}"
        last = index == len(lines) - 1
        result.append(line.rstrip(";.,: ") + ("." if last else ";"))
    return result


def annex_heading(index: int, count: int) -> str:
    """The heading of an annex: "PHỤ LỤC" alone, or "PHỤ LỤC I", "PHỤ LỤC II" … when there are several."""
    if count <= 1:
        return "PHỤ LỤC"
    numeral = _ROMAN[index] if index < len(_ROMAN) else str(index + 1)
    return f"PHỤ LỤC {numeral}"


@dataclass(frozen=True)
class Block:
    """One printed paragraph of the body.

    kind: "paragraph" (justified, first-line indent, possibly opened by its section's
    marker), "heading" (a section heading on its own line, bold), "basis" (a legal basis,
    "Căn cứ …", in italics as ND30 prints them) or "centred" (a line in capitals such as
    the issuing authority of a decision or "QUYẾT ĐỊNH:", centred in bold)."""

    kind: str
    text: str
    marker: str = ""
    depth: int = 0

    @property
    def marker_bold(self) -> bool:
        return self.marker.startswith("Điều")


def body_blocks(doc: OfficialDocument) -> list[Block]:
    """The preamble and the numbered items flattened into printable blocks."""
    blocks = [_preamble_block(text.strip()) for text in doc.preamble if text.strip()]
    for section in doc.items:
        blocks.extend(_section_blocks(section, 0))
    return blocks


def _preamble_block(text: str) -> Block:
    if text.isupper() and len(text) <= 120:
        return Block("centred", text)
    if _LEGAL_BASIS.match(text):
        return Block("basis", text)
    return Block("paragraph", text)


def _section_blocks(section: Section, depth: int) -> list[Block]:
    heading = section.heading.strip()
    paragraphs = [text for text in section.paragraphs if text.strip()]
    blocks: list[Block] = []
    if heading and _BARE_MARKER.match(heading) and paragraphs:
        blocks.append(Block("paragraph", paragraphs[0], marker=heading, depth=depth))
        paragraphs = paragraphs[1:]
    elif heading:
        blocks.append(Block("heading", heading, depth=depth))
    blocks.extend(Block("paragraph", text, depth=depth) for text in paragraphs)
    for child in section.children:
        blocks.extend(_section_blocks(child, depth + 1))
    return blocks


def annex_alignments(annex: Annex) -> list[str]:
    """The alignment of each column ("center", "right" or "left"): short numbers (STT) are
    centred, amounts of money right-aligned, text left-aligned."""
    alignments = []
    for col in range(len(annex.columns)):
        values = [row[col].strip() for row in annex.rows if col < len(row) and row[col].strip()]
        if values and all(_NUMBER.match(value) for value in values):
            alignments.append("center" if max(len(v) for v in values) <= 4 else "right")
        else:
            alignments.append("left")
    return alignments


def annex_widths(annex: Annex) -> list[float]:
    """Column widths as fractions of the table width (equal when not given)."""
    count = len(annex.columns) or 1
    weights = list(annex.column_widths or [])[:count]
    if len(weights) < count or any(w <= 0 for w in weights):
        weights = [1.0] * count
    total = sum(weights)
    return [w / total for w in weights]


def padded_row(row: list[str], count: int) -> list[str]:
    """A table row with exactly `count` cells."""
    return (list(row) + [""] * count)[:count]
