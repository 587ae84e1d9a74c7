"""Dates as Vietnamese documents write them: "25/5/2015", "25-5-2015" and
"ngày 25 tháng 5 năm 2015"; and the place-and-date line of the header."""

import datetime
import re

from documents.reader.lines import VI_LOWER, VI_UPPER

# Day, month and year in digits, separated by / . or - ("25/5/2015", "07.4.2014").
_NUMERIC = r"(?P<d>\d{1,2})\s*[/.\-]\s*(?P<m>\d{1,2})\s*[/.\-]\s*(?P<y>\d{4})"
# The words form that Nghị định 30/2020/NĐ-CP prescribes ("15 tháng 6 năm 2015"), also with the
# day glued to its month ("05tháng 4") or made an ordinal by a word-spinner ("thứ 3 tháng 04").
_WORDS = r"(?:(?i:thứ)\s+)?(?P<wd>\d{1,2})\s*(?i:tháng)\s*(?P<wm>\d{1,2})\s*,?\s+(?i:năm)\s+(?P<wy>\d{4})"
DATE = rf"(?:{_NUMERIC}|{_WORDS})"

# "ngày 25/5/2015", possibly "ban hành ngày" or "ký ngày" before it; used after a citation.
# The date may be glued to "ngày" ("ngày15/4/2010").
DATED = re.compile(rf"\s*,?\s*(?:(?:ban\s+hành|ký)\s+)?ngày\s*{DATE}", re.IGNORECASE)
# The same on text folded character by character (`lines.fold_chars`), which a copy with
# scrambled tone marks ("ngàỷ 24 thàng 01 nằm 2025") still reads.
_FOLDED_WORDS = r"(?:thu\s+)?(?P<wd>\d{1,2})\s*thang\s*(?P<wm>\d{1,2})\s*,?\s+nam\s+(?P<wy>\d{4})"
DATED_FOLDED = re.compile(rf"\s*,?\s*(?:(?:ban\s+hanh|ky)\s+)?ngay\s*(?:{_NUMERIC}|{_FOLDED_WORDS})")

# A place name: capitalised words ("Cao Bằng", "Hòa An", "TP. Hồ Chí Minh", "Phan Rang - Tháp Chàm").
_PLACE_WORD = rf"[{VI_UPPER}][{VI_LOWER}?]*\.?"  # "?" for a letter a legacy conversion lost
_PLACE = rf"(?:T[Pp]\.\s*)?{_PLACE_WORD}(?:\s+(?:[-\u2013]\s+)?{_PLACE_WORD}){{0,5}}"
# What an office may write where the place goes that names no place ("Toàn quốc", "Trung
# ương"): a capitalised word and lower-case ones, only at the start of its line or cell.
_NON_PLACE = rf"^[{VI_UPPER}][{VI_LOWER}]+(?:\s+[{VI_LOWER}]+){{1,2}}"
# The place-and-date line ("Cao Bằng, ngày 15 tháng 6 năm 2015"), possibly beside other text,
# its day glued to "ngày" ("Quảng Hùng, ngày2 tháng 5 năm 2020"); `place` is None where a
# non-place stands for it.
PLACE_DATE = re.compile(
    rf"(?:(?<![\w/.\-])(?P<place>{_PLACE})|{_NON_PLACE})\s*,\s*(?i:ngày)\s*{DATE}\s*\.?", re.MULTILINE
)
# An unfilled date of a draft ("Hòa An, ngày    tháng   năm 2015"), or its day alone left for
# the signing ("Hòa An, ngày      tháng 9 năm 2020"); its place begins no word ("Số 41 /KH-BTV Nam
# Định, ngày …": the symbol's last letter is no place).
BLANK_PLACE_DATE = re.compile(
    rf"(?<![\w/.\-]){_PLACE}\s*,\s*(?i:ngày)[\s._…]*(?i:tháng)[\s._…]*(?:\d{{1,2}}\s*)?(?i:năm)\b(?:\s*\d{{4}})?"
)


def date_from(match: re.Match[str]) -> datetime.date | None:
    """The date a DATE match names, or None when it is not a real calendar day."""
    if match["d"] is not None:
        parts = match["y"], match["m"], match["d"]
    else:
        parts = match["wy"], match["wm"], match["wd"]
    try:
        return datetime.date(int(parts[0]), int(parts[1]), int(parts[2]))
    except ValueError:
        return None


def wrapped_date(previous: str, line: str) -> bool:
    """Whether `line` goes on with the place-and-date line above it, wrapped in its narrow
    column: "Phan Rang-Tháp Chàm, ngày 05 tháng 3" / "năm 2007", "Sơn La, ngày" / "09 tháng 11
    năm 2021", "Hà Nội," / "ngày 16 tháng 5 năm 2024", "Hà Nội, ngày 07 tháng" / "02 năm 2017"
    (both lines folded)."""
    if re.search(r", ngay\b(?!.*\bnam\s+\d{4})", previous):
        if previous.endswith(" thang"):  # "…, ngày 07 tháng" / "02 năm 2017": the month wrapped
            return bool(re.match(r"\d{1,2}\s+nam\s+\d{4}", line))
        return bool(re.match(r"(?:thang\s+\d|nam\s+\d{4}|\d{4}\b|\d{1,2}\s+thang\s+\d)", line))
    if re.search(r"[a-z],$", previous):  # the place, its date on the next line
        return bool(re.match(r"ngay\s+\d{1,2}\s+thang\s+\d", line))
    return False
