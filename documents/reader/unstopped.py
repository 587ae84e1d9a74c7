"""Points whose numbers an OCR left without their stop ("1 Tuyên truyền …"), read as items by
`body.read_items` where nothing else is numbered; and letters with a dash listed line under line
("A- Nguyễn Văn An" / "B- …"), which are no parts."""

import re
from itertools import pairwise

from core.text import fold
from documents.reader.lines import SECTION_LEVELS, Line

# A point whose number lost its stop, as an OCR drops it: "1 Tuyên truyền …" (a number, a space,
# a capitalised word).
_UNSTOPPED = re.compile(r"^(\d{1,2})\s+(?=\w)")
# The lead that announces the points: "… thực hiện những nội dung sau:", "… như sau :".
_LEAD_CLOSE = re.compile(r"\bsau\s*:$")
# What a number without its stop counts rather than numbers (folded): posts ("1 Chủ tịch", "2 Phó
# Chủ tịch", "6 Ủy viên"), prizes and honours ("1 Giải Nhất", "2 Bằng khen"), comrades; never
# a verb that opens a point ("Phổ biến …", "Giải quyết …").
_COUNTED = (
    "chu tich",
    "pho chu tich",
    "pho truong ban",
    "pho ban",
    "uy vien",
    "truong ban",
    "thu ky",
    "giai nhat",
    "giai nhi",
    "giai ba",
    "giai khuyen khich",
    "giai dac biet",
    "co thi dua",
    "bang khen",
    "giay khen",
    "huan chuong",
    "ky niem chuong",
    "dong chi",
)


# A part lettered with a dash: "A- " alone over its heading, "B- Phương hướng …".
_DASHED_PART = re.compile(r"^[A-HJ-UWYZĐ]-")


def _listed_letters(lines: list[Line], levels: list[str | None]) -> list[str | None]:
    """Letters with a dash on lines one under the next ("A- Nguyễn Văn An: Xuất sắc" / "B- Trần
    Thị Bình: Tốt", "A- Xuất sắc: 5 trường" / "B- Tốt: …") list names or grades: none is a part,
    which heads what runs under it; nor is a letter with a dash alone in its text ("A- Tập thể: …"
    over the Roman sections), a part having a sibling."""
    dashed = [
        at
        for at, (line, level) in enumerate(zip(lines, levels, strict=True))
        if level == "part" and _DASHED_PART.match(line.text.strip())
    ]
    if not dashed:
        return levels
    filled = {at: rank for rank, at in enumerate(at for at, line in enumerate(lines) if line.text.strip())}
    if len(dashed) > 1 and all(filled[after] > filled[at] + 1 for at, after in pairwise(dashed)):
        return levels
    lettered = set(dashed)
    return [None if at in lettered else level for at, level in enumerate(levels)]


def unstopped_numbers(lines: list[Line], levels: list[str | None]) -> list[str | None]:
    """Points numbered without a stop ("1 Tuyên …", "2 Tổ chức …") where nothing else is
    numbered: the list starts with "1" on the line after a lead closed by "… sau:", and goes on
    with each next number, in order (a list of members, "gồm:" / "1 Chủ tịch …", is no point, nor
    a count of posts, prizes or honours, "như sau:" / "1 Chủ tịch;" / "2 Phó Chủ tịch;")."""
    levels = _listed_letters(lines, levels)
    if any(level in SECTION_LEVELS for level in levels):
        return levels
    levels = list(levels)
    expected, previous = None, ""
    for at, line in enumerate(lines):
        text = line.text.strip()
        found = _UNSTOPPED.match(text)
        if found and text[found.end() : found.end() + 1].isupper() and not _counts(text[found.end() :]):
            number = int(found[1])
            if (number == 1 and _LEAD_CLOSE.search(fold(previous))) or number == expected:
                levels[at] = "arabic"
                expected = number + 1
        if text:
            previous = text
    return levels


def _counts(words: str) -> bool:
    """Whether the words after a number without its stop name what it counts, not a point."""
    return (fold(words) + " ").startswith(_COUNTED)
