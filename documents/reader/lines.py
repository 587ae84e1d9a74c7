"""A document as a list of clean lines, and the kinds of line an administrative
document is made of (type heading, numbered item, signature, recipients)."""

import functools
import re
import unicodedata
from dataclasses import dataclass

from core.text import fold, normalize
from documents.reader.legacy import repair_legacy
from documents.reader.numbers import DOCUMENT_TYPES, fix_letters

VI_UPPER = "A-ZÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬĐÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴ"
VI_LOWER = VI_UPPER.lower()

_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"))
# A page that prints its line ends as letters ("\\r\\n 1. Đối tượng …").
_ESCAPED_BREAK = re.compile(r"\\r\\n|\\n(?=\s)")
# A flipbook's or a scan's page mark alone on its line ("P:02", "Trang 3").
_PAGE_MARK = re.compile(r"^(?:P\s*:\s*|Trang\s+)\d{1,3}$")
# Columns of a header pasted from a Word table: tabs, wide runs of spaces, or the "|" web
# pages print between table cells. None cuts a date: the blank a draft leaves for the day or the
# month of its date ("Hòa An, ngày      tháng 9 năm 2020") is no gap, and a date typed with wide
# gaps between its parts ("Hà Nội, ngày  7   tháng  4    năm 2016") has them closed first, only
# where day, month and year are all typed in figures (`columns`).
_BLANK_IN_DATE = r"(?<=(?i:ngày))[ \u00a0]+(?i:tháng)|(?<=(?i:tháng))[ \u00a0]+(?i:năm)"
_COLUMN_GAP = re.compile(rf"\t+|(?<![ \u00a0])(?!{_BLANK_IN_DATE})[ \u00a0]{{3,}}|[ \u00a0]*\|[ \u00a0]*")
_GAPPED_DATE = re.compile(
    r"(?i:(ngày))[ \t\u00a0]+(\d{1,2})[ \t\u00a0]+(?i:(tháng))[ \t\u00a0]+(\d{1,2})[ \t\u00a0]+(?i:(năm))[ \t\u00a0]+(\d{4})\b"
)
# A heading set with letters spaced out ("T H Ủ   T Ư Ớ N G"): words part at 3 or more spaces.
_WIDE_GAP = re.compile(r"[ \u00a0]{3,}")
# A number/symbol a line break cut in two, as PDFs and narrow web pages wrap them:
# "Tờ trình số 358/" + "TTr-BTĐKT ngày …", "65/2014/NĐ-" + "CP"; a Party number after its
# hyphen, "126-" + "KL/TW".
_BROKEN_NUMBER = re.compile(
    r"(?<![\w/])(\d{1,6}/(?:\d{4}/)?(?:[^\W\d_]\w*[-\u2013])*)[ \t]*\r?\n[ \t]*(?=[^\W\d_])"
    r"|(?<![\w/])(\d{1,6}-)[ \t]*\r?\n[ \t]*(?=[A-ZĐ][A-Za-zĐ]{0,5}/[A-ZĐ])"
)


# A text whose line ends were lost (a site's extraction or a forum prints the document as one
# paragraph): the motto runs on into the number or the summary on the same line, or the
# first line holds the whole header and more.
_RUN_ON = re.compile(r"chu nghia viet nam {1,2}so\s*:|hanh phuc {1,2}(?:v/v\b|so\s*:?\s*\d)")
_LONG_FIRST_LINE = 500
# Where such a text is broken again: before the motto, the number, the summary, the
# addressees, a Roman section heading after a sentence, a ground or a recipient opened by a
# dash, the operative "QUYẾT ĐỊNH", an article, the recipients and the signature's "TM."/"KT.".
_HEADINGS = "|".join(re.escape(name.upper()) for name in DOCUMENT_TYPES)
# A heading whose space was lost with the line ends ("QUYCHẾ").
_GLUED_HEADINGS = "|".join(re.escape(name.upper().replace(" ", "")) for name in DOCUMENT_TYPES if " " in name)
_GROUND_TYPES = "|".join(re.escape(name) for name in DOCUMENT_TYPES)
# A heading typed in sentence case after the date line, before its title ("… tháng 11 năm 2021
# Hướng dẫn bình xét …"); not a citation ("Kế hoạch số …"), nor the laws and decrees a ground
# may name after a date ("… năm 2005 Luật sửa đổi …").
_CITED_AFTER_DATES = {
    "Luật",
    "Pháp lệnh",
    "Nghị định",
    "Thông tư",
    "Thông tư liên tịch",
    "Nghị quyết liên tịch",
}
_SENTENCE_HEADINGS = "|".join(re.escape(name) for name in DOCUMENT_TYPES if name not in _CITED_AFTER_DATES)
# Only after the header's date line, the text's first date, typed after its place's comma ("Kim
# Bảng, ngày 9 tháng 10 năm 2022"): a ground's date ("… số 91/2017/NĐ-CP ngày 31 tháng 7 năm 2017
# Quy định chi tiết …") is followed by the cited text's own title in sentence case, and a run-on
# body's sentence after a date heads nothing either (`_sentence_heading_broken`).
_FIRST_DATE = re.compile(r"tháng \d{1,2} năm \d{4}")
_AFTER_PLACE = re.compile(r",\s*ngày\s+\d{1,2}\s+$")
_SENTENCE_HEADING_NEXT = re.compile(rf" (?=(?:{_SENTENCE_HEADINGS}) (?!số\b)[{VI_LOWER}])")
_OFFICES = "BỘ TRƯỞNG|CHỦ TỊCH|HIỆU TRƯỞNG|THỦ TƯỚNG|GIÁM ĐỐC|TỔNG GIÁM ĐỐC|CHÁNH ÁN|VIỆN TRƯỞNG|THỐNG ĐỐC"
_RUN_ON_BREAK = re.compile(
    rf" (?=CỘNG HÒA |CỘNG HOÀ |Độc lập\b|Số\s*(?::|\d)|V/v\b|Kính gửi\s*:|Nơi nhận\s*:)"
    rf"|(?<=[.:;]) (?=(?:I|II|III|IV|V|VI|VII|VIII|IX|X)[.)]?\s+[{VI_UPPER}]{{2,}}\s+[{VI_UPPER}]{{2,}})"
    rf"|(?<=[\d)]) (?=I\s*[-.)]\s+[{VI_UPPER}][{VI_LOWER}])"  # the first section after a title's years
    rf"|(?<=[\d)]) (?=I\./[{VI_UPPER}]{{2,}} [{VI_UPPER}]{{2,}})"  # or numbered "I./" ("I./CÔNG TÁC …")
    rf"|(?<=[;:]) (?=- )|(?<=[{VI_UPPER}])(?=- (?:Căn cứ|Thực hiện|Xét|Theo)\b)"
    rf"|[ ,](?=QUYẾT ĐỊNH:? Điều\b)| (?=Điều \d{{1,3}}\.)|(?<=[.;]) (?=(?:TM|KT|TL|Q)\. )"
    rf"| (?=Điều (?!Lệ\b)[{VI_UPPER}][{VI_LOWER}]* [{VI_LOWER}])"  # an article whose number was dropped
    rf"|(?<=năm \d{{4}}) (?=(?:{_HEADINGS}|{_GLUED_HEADINGS}) [{VI_UPPER}])"  # the heading after the date line
    rf"|(?<=[{VI_UPPER}]) (?=(?:{_OFFICES}) [{VI_UPPER}])"  # the authority after a title in capitals
    rf"|(?<=[{VI_LOWER}]) (?=(?:{_OFFICES}) [{VI_UPPER}]+ [{VI_UPPER}]+ )"  # or in sentence case
    rf"|(?<=Hạnh phúc) (?=(?:{_HEADINGS}) )"  # the heading after the motto's subtitle
    rf"|(?<=[{VI_UPPER}]) (?=Căn cứ )"  # the first ground after the authority
    rf"|(?<=[{VI_UPPER}\d]) (?=(?:Căn cứ|Thực hiện) [{VI_UPPER}])"  # or after a capitals title ("… 2010-2011")
    rf"|(?<=:) (?=I\s*[-.)]\s+[{VI_UPPER}][{VI_LOWER}])"  # the first section after the lead ("như sau:")
    rf"|(?<=sau:) (?=A\.\s+[{VI_UPPER}]{{2,}}\s+[{VI_UPPER}]{{2,}})"  # or the first part lettered in capitals,
    rf"|(?<=\.) (?=[B-H]\.\s+[{VI_UPPER}]{{2,}}\s+[{VI_UPPER}]{{2,}})"  # and the next after a sentence
    rf"|(?<=[{VI_LOWER}]) (?=Căn cứ [{VI_UPPER}])"  # or after a title in sentence case
    rf"|(?<=\S) (?=Căn (?:{_GROUND_TYPES}) số\b)"  # a ground whose "cứ" a legacy font lost
    rf"|(?<=[{VI_UPPER};]) (?=Căn (?:{_GROUND_TYPES})\b)"  # or an extraction dropped
)
# The header's two columns run together line by line: the issuer's second line between the
# motto and its subtitle ("BỘ LAO ĐỘNG – THƯƠNG CỘNG HÒA … VIỆT NAM BINH VÀ XÃ HỘI Độc lập")
# goes back after its first line.
_INTERLEAVED = re.compile(
    rf"(CỘNG H(?:ÒA|OÀ) XÃ HỘI CHỦ NGHĨA VIỆT NAM )"
    rf"((?:[{VI_UPPER}](?:[{VI_UPPER}\-\u2013,]*|[{VI_LOWER}]{{1,2}}\.) )+)(?=Độc lập\b)"  # "Tr.", "Th."
)
# A heading with its title in capitals on the same line, once the text is broken again.
# The heading after the date line with its summary in brackets, then the body on the same line:
# "năm 2010 QUYCHẾ (Về việc …) Mối quan hệ …".
_HEADING_THEN_BRACKETED = re.compile(
    rf"(?<=năm \d{{4}}) ((?:{_HEADINGS}|{_GLUED_HEADINGS}))\s*(\((?:Về|V/v)\b[^()]*\))\s*"
)
# In capitals ("KẾ HOẠCH TỔ CHỨC …") or in sentence case ("KẾ HOẠCH Phát động …").
_HEADING_THEN_TITLE = re.compile(
    rf"^((?:{_HEADINGS}|{_GLUED_HEADINGS})) (?=[{VI_UPPER}]{{2,}} [{VI_UPPER}]|[{VI_UPPER}][^\s\d{VI_UPPER}/])",
    re.MULTILINE,
)
# Where the lost line ends glued two lines into one word: a symbol and the Youth Union's or
# the Party's name ("QĐ/TWĐTN-VPĐOÀN TNCS HỒ CHÍ MINH"), the rules under the header ("***",
# "---------"); and a type heading and its title ("QUYẾT ĐỊNHVề việc"), which is parted from
# the date before it and by a space from its title.
_GLUED_LINES = re.compile(
    rf"(?<=[{VI_UPPER}])(?=ĐOÀN TNCS HỒ CHÍ MINH|ĐẢNG CỘNG SẢN VIỆT NAM)|\s*(?:\*{{3}}|-{{5,}})\s*"
    rf"| (?=(?:{_HEADINGS})Về )"
)
_GLUED_TITLE = re.compile(rf"(?<=[{VI_UPPER}])(?=Về )")


# The same text wrapped again into short lines (a PDF made from it, a narrow page): the line
# ends fall anywhere, so grounds and articles begin in the middle of lines, after the
# punctuation that ended the clause before (or the operative "QUYẾT ĐỊNH" without its colon);
# a document laid out line by line has at most one such slip.
_MID_LINE_OPENING = re.compile(
    r"(?<=[.;:,]) (?:- )?(?:Căn cứ|Xét\b|Điều \d{1,3}\.|Nơi nhận\s*:)|(?<=[A-Z]) Điều \d{1,3}\."
    rf"|(?<=;) Căn(?= [{VI_UPPER}]|$)"  # a ground whose "cứ" an extraction dropped
    rf"|(?<=[.:]) Điều (?!Lệ\b)(?=[{VI_UPPER}][{VI_LOWER}]* [{VI_LOWER}])"  # or an article's number
)
_MID_LINE_OPENINGS = 3
# Where a wrapped line is joined to the next without a space: a symbol cut after its slash or
# its hyphen ("QĐ/" / "TWĐTN", "TH-" / "TĐ10b").
_CUT_SYMBOL = re.compile(rf"(?:/|(?<=[{VI_UPPER}\d])-)$")


# A document site's page number in front of a run-on text, before the header in capitals
# ("1. BỘ GIÁO DỤC VÀ ĐÀO TẠO CỘNG HÒA …"), or bracketed and glued to it ("(1)CĐ NGÀNH …"): the
# page's, not an item.
_LEADING_PAGE_NUMBER = re.compile(
    rf"^\s*(?:\d{{1,3}}\.\s+|\(\d{{1,3}}\)\s*)(?=[{VI_UPPER}]{{2,}} [{VI_UPPER}]{{2,}} )"
)


# How a name of its own begins, folded: the issuer's line after its superior's, not the rest of
# a name wrapped in its cell ("BỘ LAO ĐỘNG – THƯƠNG" / "BINH VÀ XÃ HỘI").
_NAME_OPENINGS = (
    "cong doan ",
    "congdoan ",  # its space lost in a copy whose words run together ("CÔNGĐOÀN T H …")
    "cd ",
    "cdcs ",
    "truong ",
    "phong ",
    "so ",
    "ban ",
    "lien doan ",
    "ldld ",
    "uy ban ",
    "ubnd ",
    "hoi dong ",
    "dang uy ",
    "chi bo ",
    "van phong ",
    "chi cuc ",
    "trung tam ",
)


def _interleaved_back(match: re.Match[str]) -> str:
    """The issuer's second line put back after its first: on a line of its own when it begins a
    name (the issuer under its superior), else run on (the rest of one name)."""
    second = match[2]
    own = (fold(second) + " ").startswith(_NAME_OPENINGS) and not any(c.islower() for c in second)
    joint = "\n" if own else ""  # "CĐCS Tr. THCS …" stays run on, as the header reads it
    return f"{joint}{second}{match[1]} "


# A header with no number run onto one long line: the motto, then the place's date line within a
# few words ("… Hạnh phúc = = = Ea Đrông, ngày 15 tháng 9 năm 2009 BÁOCÁO …").
_MOTTO_THEN_DATE = re.compile(r"Hạnh phúc\b[^\d]{0,60}?,\s*ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}\b")


def _run_on(text: str) -> bool:
    head = text[:1500]
    first = head.lstrip().split("\n", 1)[0]
    long_header = len(first) > _LONG_FIRST_LINE and (
        re.search(r"Số\s*:", first[:300]) or _MOTTO_THEN_DATE.search(first[:400])
    )
    # a justified column spreads words with double spaces ("Hạnh  phúc  Số:")
    return bool(long_header or _RUN_ON.search(fold_chars(re.sub(" {2,}", " ", head))))


# A text laid out in lines whose header alone a copy ran onto one line has more lines under it.
_LINES_UNDER_HEAD = 3
# Such a header's line ends with its date line, or a letter's address follows it (a wrapped
# run-on text's lines end anywhere).
_HEAD_ENDS = re.compile(r"\bnăm \d{4}\s*\.?\s*$")


def _run_on_head(text: str) -> tuple[str, str, str]:
    """The lines above a run-on text's header, the part to break again and the lines under it,
    kept as they are: the whole text is broken when it lost its line ends, only the header's
    line when the lines around it still stand ("ỦY BAN … CỘNG HÒA … Hạnh phúc Số: 12/QĐ-UBND …"
    / "QUYẾT ĐỊNH" / …)."""
    lines = text.split("\n")
    for at, line in enumerate(lines):
        if _RUN_ON.search(fold_chars(re.sub(" {2,}", " ", line))):
            rest = lines[at + 1 :]
            under = next((u.strip() for u in rest if u.strip()), "")
            if not (_HEAD_ENDS.search(line) or fold(under).startswith("kinh gui")):
                break  # a run-on text wrapped into lines ends its lines anywhere: read whole
            if sum(1 for below in rest if below.strip()) >= _LINES_UNDER_HEAD:
                return "\n".join([*lines[:at], ""]), line, "\n" + "\n".join(rest)
            break
    return "", text, ""


def _sentence_heading_broken(text: str) -> str:
    """A run-on text's heading typed in sentence case after the header's date line ("… Kim Bảng,
    ngày 9 tháng 10 năm 2022 Kế hoạch tổ chức …") put on a line of its own."""
    date = _FIRST_DATE.search(text)
    if date and _AFTER_PLACE.search(text[max(0, date.start() - 16) : date.start()]):
        if _SENTENCE_HEADING_NEXT.match(text, date.end()):
            return f"{text[: date.end()]}\n{text[date.end() + 1 :]}"
    return text


def _rewrapped(text: str) -> bool:
    lines = (" ".join(line.split()) for line in text.splitlines())
    return sum(len(_MID_LINE_OPENING.findall(line)) for line in lines) >= _MID_LINE_OPENINGS


def _unwrap(text: str) -> str:
    """A run-on text wrapped into lines, as the one paragraph it was."""
    out = ""
    for line in (" ".join(line.split()) for line in text.splitlines()):
        if not line:
            continue
        glued = _CUT_SYMBOL.search(out) and re.match(rf"[{VI_UPPER}\d]{{2}}", line)
        out = f"{out}{line}" if glued or not out else f"{out} {line}"
    return out


@dataclass(frozen=True)
class Line:
    """One non-empty line: `raw` keeps tabs (for columns), `text` is NFC, single-spaced."""

    raw: str
    text: str


def split_lines(text: str) -> list[Line]:
    """Non-empty lines of NFC text; Windows/Mac line ends and Word's line separators
    all count as line ends."""
    text = _ESCAPED_BREAK.sub("\n", text)
    text = fix_letters(unicodedata.normalize("NFC", _order_marks(text))).translate(_INVISIBLE)
    text = repair_legacy(text)
    text = _BROKEN_NUMBER.sub(lambda cut: cut[1] or cut[2], text)
    text = _CLOSED_THEN_RECIPIENTS.sub("\\1\n", text)
    text = _HEADING_AFTER_DATE.sub("\\1\n", text)
    text = _CUT_AFTER_CAPITAL.sub("", _GLUED_ADDRESS.sub("\n", _GLUED_PAGE_MARK.sub("", text)))
    if _rewrapped(text):
        text = _unwrap(text)
    if _run_on(text):
        above, head, rest = _run_on_head(text)
        text = _LEADING_PAGE_NUMBER.sub("", head, count=1)
        text = _INTERLEAVED.sub(_interleaved_back, " ".join(text.split()), count=1)
        text = _HEADING_THEN_BRACKETED.sub("\n\\1\n\\2\n", text)
        text = _GLUED_TITLE.sub(" ", _GLUED_LINES.sub("\n", text))
        text = _HEADING_THEN_TITLE.sub("\\1\n", _RUN_ON_BREAK.sub("\n", _sentence_heading_broken(text)))
        text = above + text + rest
    lines = []
    for at, whole in enumerate(text.splitlines()):
        if at < _GLUED_REACH:
            whole = _GLUED_CELLS.sub("\t", whole)
        for raw in _split_issuing_note(_join_spaced_out(whole.strip())):
            clean = normalize(raw.replace("|", " "))
            if clean and not _PAGE_MARK.match(clean):
                lines.append(Line(raw, clean))
    return lines


# The last article's closing mark with the recipients' label run onto its line by a site:
# "… thi hành Quyết định này./.Nơi nhận:" (the label goes on a line of its own).
_CLOSED_THEN_RECIPIENTS = re.compile(r"(\./\.)[ \t]*(?=N[ơo]i nh[ậa]n\s*:)")


# The heading run onto the end of the date line by a copy that joined the header's cells
# ("Thái Nguyên, ngày 03 tháng 7 năm 2017 KẾ HOẠCH"): the heading goes on a line of its own.
_HEADING_AFTER_DATE = re.compile(
    rf"(?m)(,\s*ngày\b[^\n]{{0,40}}?năm \d{{4}})[ \t]+(?=(?:{_HEADINGS})[ \t]*$)"
)


# A sharing site's page mark glued to the header's first name ("Trang 1CÔNG ĐOÀN …").
_GLUED_PAGE_MARK = re.compile(rf"(?<!\S)Trang[ \t]*\d{{1,3}}(?=[{VI_UPPER}]{{2}})")
# A summary run into the addressees by a site that lost the cells' line ends ("… công đoàn cơ
# sởKính gửi:"): "Kính gửi" goes on a line of its own.
_GLUED_ADDRESS = re.compile(rf"(?<=[{VI_LOWER}])(?=Kính gửi\s*:)")
# A word a cell broke after its capital "Đ", alone on its line ("Đ" / "ộc lập - Tự do …"): "Đ" is
# no word of its own, unlike a Roman numeral's "I" over a heading or "Y" ("Y" / "tế").
_CUT_AFTER_CAPITAL = re.compile(rf"(?m)(?<=^Đ)[ \t]*\r?\n[ \t]*(?=[{VI_LOWER}]{{2}})")


# A header table's cells copied with nothing between them: the motto after a name ("ỦY BAN NHÂN
# DÂNCỘNG HÒA …"), its subtitle after anything ("TỈNH YÊN BÁIĐộc lập …"), the place-and-date line
# after a symbol in capitals ("Số: 14/CT-UBNDQuảng Ngãi, ngày …") or after the subtitle ("Hạnh
# phúcThuỷ Vân, ngày …"); a symbol's own part in small letters is none ("TTg", "CTr"). A tab parts them as the cells they were, in the first lines only.
_GLUED_CELLS = re.compile(
    rf"(?<=[{VI_UPPER}\d])(?=CỘNG H(?:ÒA|OÀ) XÃ HỘI\b)|(?<=\S)(?=Độc lập\s*[-\u2013])"
    rf"|(?<=[{VI_UPPER}])(?![{VI_UPPER}][gr]\b)(?=(?:T[Pp]\.\s*)?[{VI_UPPER}][{VI_LOWER}]+(?:\s+[{VI_LOWER}]+)?"  # "Thị trấn Sịa"
    rf"(?:(?:\s+|\s*[-\u2013]\s*)[{VI_UPPER}][{VI_LOWER}]+){{0,4}}\s*,\s*ngày\b)"
    rf"|(?<=TTg|CTr|TTr)(?=[{VI_UPPER}][{VI_LOWER}]+(?:\s+\S+){{0,4}}\s*,\s*ngày\b)"
    rf"|(?<=Hạnh phúc)(?=[{VI_UPPER}])"
)
_GLUED_REACH = 20


# A regulation's issuing note in brackets, run onto its capitals title's line by a site or a
# PDF: "… MỘT CHẶNG ĐƯỜNG LỊCH SỬ”(Ban hành kèm theo Quyết định số … của …)".
# The note may be cut at the line's end ("…”(Ban hành" / "kèm theo …").
_ISSUING_NOTE = re.compile(r"\(\s*[Bb]an hành(?:\s+kèm theo\b|(?:\s+kèm)?\s*$)")


def _split_issuing_note(raw: str) -> list[str]:
    """A line whose capitals title runs on into its bracketed issuing note, as two lines: the
    note is no part of the title (a note on a line of its own stays as it is)."""
    note = _ISSUING_NOTE.search(raw)
    if note is None or note.start() == 0 or not is_upper(raw[: note.start()]):
        return [raw]
    return [raw[: note.start()].rstrip(), raw[note.start() :]]


# Marks that shape a vowel (ˆ, ˘, the horn), which Unicode composes before a tone mark; an
# old keyboard driver may type the tone first ("e" + ◌́ + ◌̂), which NFC alone leaves apart.
_SHAPE_MARKS = {"\u0302", "\u0306", "\u031b"}
_MARK_RUN = re.compile(r"[\u0300-\u036f]{2,}")


def _order_marks(text: str) -> str:
    """The text with each letter's combining marks in the order NFC composes: shape, then tone."""
    decomposed = unicodedata.normalize("NFD", text)
    return _MARK_RUN.sub(lambda run: "".join(sorted(run[0], key=lambda m: m not in _SHAPE_MARKS)), decomposed)


def _join_spaced_out(raw: str) -> str:
    """“T H Ủ   T Ư Ớ N G   C H Í N H   P H Ủ” → “THỦ TƯỚNG CHÍNH PHỦ”."""
    words = _WIDE_GAP.split(raw)
    letters = [part for word in words for part in word.split()]
    if len(letters) < 4 or any(len(letter) > 1 or not letter.isalpha() for letter in letters):
        return raw
    return " ".join("".join(word.split()) for word in words)


def columns(line: Line) -> list[str]:
    """The pieces of a line that was a table row, left to right; no gap inside a date parts it
    (a blank day or month, wide gaps between figures)."""
    raw = _GAPPED_DATE.sub(r"\1 \2 \3 \4 \5 \6", line.raw)
    return [piece for piece in (normalize(p) for p in _COLUMN_GAP.split(raw)) if piece]


@functools.lru_cache(maxsize=4096)
def _fold_char(char: str) -> str:
    folded = fold(char)
    return folded if len(folded) == 1 else char


def fold_chars(text: str) -> str:
    """Fold accents and case character by character, keeping the length, so a span
    found in the folded text is the same span in the original."""
    return "".join(map(_fold_char, text))


def is_upper(text: str) -> bool:
    """Upper-case text with some letters in it (headings, names of bodies)."""
    return any(c.isalpha() for c in text) and not any(c.islower() for c in text)


# The national motto and its subtitle, and the Party's line in their place (on letters folded
# by fold_chars; a PDF may wrap either across a line end: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA" /
# "VIỆT NAM", "Độc lập –" / "Tự do – Hạnh phúc").
MOTTO = re.compile(
    r"cong hoa\s+xa hoi\s+chu nghia\s+viet nam"
    r"|doc lap\s*[-\u2013]?\s*tu do\s*[-\u2013]?\s*hanh phuc"
    r"|dang cong san viet nam"
)
# A line holding a piece of the motto as a PDF or a Word table's column wraps it (folded).
MOTTO_PIECE = re.compile(r"cong hoa|chu nghia viet nam|^viet nam$|doc lap|hanh phuc")


def sets_motto(texts: list[str]) -> bool:
    """Whether lines bear the motto as a header sets it: on a line of its own, after the
    issuer's name in capitals or after a table's cell; not quoted in a sentence ("… tinh thần
    “Độc lập – Tự do – Hạnh phúc” …")."""
    joined = "\n".join(texts)
    for match in MOTTO.finditer(fold_chars(joined)):
        before = re.split(r"[\n|\t]", joined[: match.start()])[-1]
        if not any(c.islower() for c in before):
            return True
    return False


_TYPE_BY_FOLD = {fold(name): name for name in DOCUMENT_TYPES}
_TYPE_BY_LETTERS = {key.replace(" ", ""): name for key, name in _TYPE_BY_FOLD.items()}


def type_heading(text: str) -> str | None:
    """The document type named by a heading line ("KẾ HOẠCH", or "Quyết định" as some web
    copies print it), else None. "QUYẾT ĐỊNH:" with a colon is the operative clause of a
    decision, not its heading."""
    if not text[:1].isupper() or text.endswith(":"):
        return None
    folded = _spelled_quy(fold(text).rstrip(" ."))
    if folded not in _TYPE_BY_FOLD:  # "NGHỊ QUYẾT LIÊN TỊCH" is a type of its own,
        folded = re.sub(r"\s+lien tich$", "", folded)  # "KẾ HOẠCH LIÊN TỊCH" is still a plan
    if folded in _TYPE_BY_FOLD:
        return _TYPE_BY_FOLD[folded]
    # A heading in capitals that a PDF's text layer broke inside a word ("K ÉT LUẬN").
    if is_upper(text) and len(text) < 30:
        return _TYPE_BY_LETTERS.get(folded.replace(" ", ""))
    return None


def _spelled_quy(folded: str) -> str:
    """“QUI CHẾ”, “QUI ĐỊNH”: the older spelling with i names the same types."""
    return re.sub(r"\bqui\b", "quy", folded)


# A heading with its title run on, as web copies print it: "QUYẾT ĐỊNH Về việc ...".
_HEADING_AND_TITLE = re.compile(r"^(\S+(?:\s\S+){0,3}?)\s+(?=(?:Về|VỀ|V/v)\b)")


_TYPES_LONGEST_FIRST = sorted(_TYPE_BY_FOLD, key=len, reverse=True)
# A heading in capitals with its subject run on ("KẾ HOẠCH CÔNG ĐOÀN") is a short line; the
# first line of a text is longer when a site prints the post's title there, heading and all
# ("KẾ HOẠCH TỔ CHỨC KỶ NIỆM 90 NĂM … (3/2/1930 – 3/2/2020), 70 NĂM …").
_RUN_ON_HEADING = 80
_RUN_ON_FIRST_LINE = 320


def split_heading(text: str, *, first: bool = False) -> tuple[str | None, str]:
    """The type an upper-case heading names and the title run on after it on the same line:
    "QUYẾT ĐỊNH Về việc …", or a line in capitals that a type opens ("KẾ HOẠCH CÔNG ĐOÀN");
    `first`: the text's first line, which may run longer."""
    match = _HEADING_AND_TITLE.match(text)
    if match and (name := type_heading(match[1])):
        return name, text[match.end() :]
    limit = _RUN_ON_FIRST_LINE if first else _RUN_ON_HEADING
    run_on = is_upper(text) and len(text) <= limit and not text.endswith(":")
    if run_on and type_heading(text) is None:  # "NGHỊ QUYẾT LIÊN TỊCH" names one type
        folded = _spelled_quy(fold(text))
        for key in _TYPES_LONGEST_FIRST:
            if folded.startswith(key + " "):
                words = len(key.split())
                rest = text.split(None, words)[words]
                # "KẾT LUẬN 127-KL/TW CỦA …" names a document, it heads none
                return (None, "") if rest[:1].isdigit() else (_TYPE_BY_FOLD[key], rest)
    return None, ""


def sentence_heading(text: str) -> tuple[str | None, str]:
    """A heading typed in small letters with its title run on ("Báo cáo sơ kết học kì I"): the
    type, its first letter a capital and the rest small, then a word in small letters. Only
    the line where the header ends is read so (a sentence in the body may open the same way)."""
    if not text[:1].isupper() or is_upper(text) or text.endswith(":"):
        return None, ""
    folded = _spelled_quy(fold(text))
    for key in _TYPES_LONGEST_FIRST:
        words = len(key.split())
        parts = text.split(None, words)
        if folded.startswith(key + " ") and len(parts) > words and parts[words][:1].islower():
            typed = " ".join(parts[:words])
            if typed[1:] == typed[1:].lower():
                return _TYPE_BY_FOLD[key], parts[words]
    return None, ""


# Roman section heading: "I. MỤC ĐÍCH", "II- NỘI DUNG", "III/ TỔ CHỨC", "IV – KINH PHÍ" (a
# dash as typesetting sets it), and "I/MỤC ĐÍCH …" with its slash glued to a heading in
# capitals (not "V/v ...", nor "V/V TỔ CHỨC …": one capital after the slash).
_ROMAN = re.compile(
    rf"^(?=[IVX])(X{{0,3}}(?:IX|IV|V?I{{0,3}}))"
    rf"(?:[.)]\s*|\s*[-–—/:]\s+|/(?=[{VI_UPPER}]{{2,}}[\s,]+[{VI_UPPER}]{{2,}})"
    rf"|\s+(?=[{VI_UPPER}]{{2,}}\s+[{VI_UPPER}]{{2,}}))(?=\S)"
)
# Article of a decision or regulation: "Điều 1.", "Điều 2:", and "Điều 1 Tặng ..." typed
# without its full stop (but not "Điều 1 của Luật ...").
# An extraction that dropped the numbers leaves "Điều Ban hành …", "Điều Quyết định này …": a
# capitalised word and a small one after "Điều" (never "Điều Lệ …", a charter).
_ARTICLE = re.compile(
    rf"^Điều\s+(?:\d{{1,3}}(?:\s*[.:]|\s+(?=[{VI_UPPER}]))|(?!Lệ\b)(?=[{VI_UPPER}][{VI_LOWER}]*\s+[{VI_LOWER}]))"
)
# Numbered item: "1. ", "2) ", "3/ " (not "1.1." nor "1.000 đồng"), and "1- " before a capital
# ("1- Nội dung …"; not "1-2 người" nor "5 - 10 ngày").
_ARABIC = re.compile(rf"^\d{{1,2}}\s*(?:[.)]\s*|/\s+|-\s+(?=[{VI_UPPER}]))(?=[^\d\s])")
# Lettered sub-item: "a) ", "đ) ".
_LETTER = re.compile(r"^[a-zđ]\s*\)\s*(?=\S)")

# Part lettered in capitals with a slash, above the Roman sections: "A/ Báo cáo", "B/ …" (not
# I, V or X, which number Roman sections, nor "V/v …").
# A part lettered with a full stop is one only when its heading is in capitals ("A. NHIỆM VỤ
# TRỌNG TÂM"), and a site's list markup may number it ("1. A.   NHIỆM VỤ …", "1. B. …"). One
# lettered with a dash opens a capitalised heading or stands alone over it ("A- " / "Chủ động …").
_PART = re.compile(
    rf"^(?:[A-HJ-UWYZĐ]\s*/\s+(?=\S)"
    rf"|[A-HJ-UWYZĐ]-(?:\s+(?=[{VI_UPPER}])|\s*$)"
    rf"|(?:\d{{1,2}}\.\s+)?[A-HJ-UWYZĐ]\.\s+(?=[{VI_UPPER}]{{2,}}[\s,]+[{VI_UPPER}]{{2,}}))"
)

# From the outermost level to the innermost; the outermost present makes the items.
ITEM_LEVELS = ("part", "roman", "article", "arabic", "letter")
_LEVEL_PATTERNS = dict(zip(ITEM_LEVELS, (_PART, _ROMAN, _ARTICLE, _ARABIC, _LETTER), strict=True))
# The levels that head a section of their own (not a lettered sub-item).
SECTION_LEVELS = ITEM_LEVELS[:4]


def item_level(text: str) -> str | None:
    """Which numbering level a line starts with, if any."""
    for level, pattern in _LEVEL_PATTERNS.items():
        if pattern.match(text):
            return level
    return None


# "TM. BAN THƯỜNG VỤ", "KT. CHỦ TỊCH", "TL. GIÁM ĐỐC": who signs, for whom.
_SIGN_FOR = re.compile(r"^(?:TM|KT|TL|TUQ|TQ|Q|T/M)\s*\.\s*\S")
_POSITIONS = {
    "chu tich",
    "pho chu tich",
    "giam doc",
    "pho giam doc",
    "bi thu",
    "pho bi thu",
    "truong ban",
    "pho truong ban",
    "chanh van phong",
    "thu truong",
    "tong giam doc",
    "truong phong",
    "thu truong co quan",
    "nguoi ky",
}
# "(Đã ký)", "(Ký tên, đóng dấu)".
_SIGNED = re.compile(r"^\((?:đã\s+ký|ký)\b.*\)$", re.IGNORECASE)


def is_signature(text: str) -> bool:
    """Whether a line belongs to the signature block, which ends the body."""
    if _SIGN_FOR.match(text) or _SIGNED.match(text):
        return True
    return is_upper(text) and fold(text).rstrip(" .:") in _POSITIONS


def recipients_label(text: str) -> str | None:
    """For a "Nơi nhận:" line, what follows the label (maybe ""); else None. A sentence
    such as "Nơi nhận hồ sơ: ..." is not the label."""
    match = re.match(r"noi\s*nhan\b", fold_chars(text[:20]))
    if not match:
        return None
    rest = text[match.end() :].strip().lstrip("|").strip()  # a table's cell: "Nơi nhận |"
    if rest[:1] in {"", ":", "-"} or is_upper(rest.split()[0]):
        return rest[1:].strip() if rest[:1] == ":" else rest
    return None


# Rules under the issuer or the summary: "-----", "_____", "***", "*".
_RULE = re.compile(r"^[\s\-_*=~.…\u2013\u2014]{1,60}$")


def is_rule(text: str) -> bool:
    """A drawn line or star row, which Word documents put under names and summaries."""
    return bool(_RULE.match(text)) and any(c in text for c in "-_*=~\u2013\u2014")


# A section that follows the signature: an appendix or a list, not part of the body.
_APPENDIX = re.compile(r"^(?:PHỤ LỤC|DANH SÁCH|BIỂU MẪU|MẪU SỐ)\b")


def is_appendix(text: str) -> bool:
    """An appendix heading, after which nothing belongs to the body or the recipients."""
    return bool(_APPENDIX.match(text))
