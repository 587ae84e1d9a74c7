"""The recipients (nơi nhận) listed after the signature: where the list starts and its entries,
read from the left column of a pasted signature table."""

import re

from core.text import fold, normalize
from documents.reader.lines import (
    SECTION_LEVELS,
    Line,
    is_appendix,
    is_signature,
    is_upper,
    item_level,
    recipients_label,
    type_heading,
)

# A recipient line's bullet ("- ", "+ ", "• ") and its closing punctuation.
_BULLET = re.compile(r"^[-+•\u2013*]\s*")
_CLOSE = " ;.,"


def _left_column(line: Line) -> str:
    """The left column of a pasted signature table: up to a tab, or up to a wide gap
    followed by signature text ("- Như trên;      CHỦ TỊCH")."""
    first = re.split(r"\t+", line.raw)[0]
    parts = re.split(r"[ \u00a0]{3,}", first)
    kept = [parts[0]]
    for part in parts[1:]:
        if is_signature(normalize(part)) or is_upper(part):
            break
        kept.append(part)
    return normalize(" ".join(kept)) or line.text


def find_recipients(lines: list[Line], start: int) -> int | None:
    """Index of the "Nơi nhận:" line."""
    for index in range(start, len(lines)):
        if recipients_label(_left_column(lines[index])) is not None:
            return index
    return None


# A recipient opened by its bullet in a list run on one line: "…; - Đoàn Chủ tịch TLĐ; - …".
_INLINE_BULLET = re.compile(r"(?:^|;)\s*[-+•\u2013]\s+")


def _inline_parts(label: str) -> list[str]:
    """The recipients of a list run on the label's line. Offices open each recipient with a
    bullet and close it with ";", and a group of bodies may hold a ";" of its own (“- Các
    LĐLĐ tỉnh, TP; CĐNTW và tương đương;”): where the entries are bulleted, the bullets part
    them and a ";" without one after it stays inside its recipient; else each ";" parts them."""
    if _INLINE_BULLET.match(label) and len(_INLINE_BULLET.findall(label)) > 1:
        return _INLINE_BULLET.split(label)
    return label.split(";")


def read_recipients(lines: list[Line], at: int) -> list[str]:
    """The recipients listed under "Nơi nhận:", up to and including the archive line
    ("Lưu: VT"). Signature lines interleaved with them (a Word table pasted as text)
    are skipped: only the left column of each line is read."""
    label = recipients_label(_left_column(lines[at])) or ""
    inline = (_BULLET.sub("", normalize(part)).strip(_CLOSE) for part in _inline_parts(label))
    entries: list[str] = [e for e in inline if e and not is_signature(e) and not is_upper(e)]
    if entries and fold(entries[-1]).startswith("luu"):
        return entries  # the whole list was written on the label's line
    wrapping = ""  # the last entry as written, while it has no closing ; or . yet
    archived = False  # past an archive line that a copy's label follows
    for index, line in enumerate(lines[at + 1 :], start=at + 1):
        text = _left_column(line)
        if is_appendix(text) or type_heading(text) or item_level(text) in SECTION_LEVELS:
            break
        bullet = _BULLET.match(text)
        archive = fold(text[bullet.end() if bullet else 0 :]).startswith("luu")
        if entries and wrapping and not bullet and (text[0].islower() or text.startswith("(")):
            wrapping = f"{wrapping} {text}"
            entries[-1] = wrapping.strip(_CLOSE)
        elif bullet or archive or (text.endswith(";") and not is_upper(text)):
            wrapping = text[bullet.end() if bullet else 0 :]
            if wrapping.strip(_CLOSE):
                entries.append(wrapping.strip(_CLOSE))
            if archive and not _copy_label_next(lines, index):
                break
            archived = archived or archive
        elif archived and not _COPY_LABEL.match(fold(text)):
            break  # the list the copy's label opened has ended: the signature follows
        else:
            continue  # signature lines between the recipients
        if text.endswith((";", ".")):
            wrapping = ""
    return entries


# A label parting the list by the copy each recipient is sent ("Bản điện tử:", "Bản giấy:"),
# folded.
_COPY_LABEL = re.compile(r"^ban (?:dien tu|giay|chinh)\s*:")


def _copy_label_next(lines: list[Line], index: int) -> bool:
    """The archive line put first ("- Lưu VT;" / "Bản điện tử:" / "- Như kính gửi;", or the
    label moved under the entries): a copy's label or another entry under it goes on with the
    list, which then ends at the first line that is neither."""
    if index + 1 >= len(lines):
        return False
    below = _left_column(lines[index + 1])
    return bool(_COPY_LABEL.match(fold(below)) or _BULLET.match(below))
