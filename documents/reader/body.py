"""The parts of a document after its header: the type heading and summary (trích yếu),
the numbered content and the theme (the recipients after the signature: reader.recipients)."""

import datetime
import re
from dataclasses import dataclass

from core.text import fold, normalize
from documents.reader.dates import DATED, PLACE_DATE, date_from, wrapped_date
from documents.reader.lines import (
    ITEM_LEVELS,
    MOTTO_PIECE,
    SECTION_LEVELS,
    Line,
    fold_chars,
    is_appendix,
    is_rule,
    is_signature,
    is_upper,
    item_level,
    recipients_label,
    sentence_heading,
    split_heading,
    type_heading,
)
from documents.reader.numbers import (
    NUMBER_SYMBOL_RE,
    TYPES_LONGEST_FIRST,
    NumberSymbol,
    find_number_symbols,
    parse_number_symbol,
)
from documents.reader.organisations import completes_compound, names_a_body, read_organisation
from documents.reader.unstopped import unstopped_numbers

# How many lines a header may take when there is no type heading to end it.
_MAX_HEADER = 12
# Lines that open the body, so they end a header or a summary (folded).
_BODY_OPENINGS = ("can cu", "kinh gui", "xet ", "thuc hien", "tiep tuc", "de ", "nham ", "theo ")
# Words a summary line can end on when it wraps ("... của", "... lần thứ").
_JOINING_WORDS = {
    "va",
    "cua",
    "ve",
    "cho",
    "voi",
    "trong",
    "tai",
    "den",
    "nham",
    "nam",
    "lan",
    "thu",
    "giai",
    "cac",
    "so",
    "ngay",
    "tu",
    "theo",
}


def find_heading(lines: list[Line]) -> int | None:
    """Index of the type heading ("KẾ HOẠCH"); it comes before any content or recipients. A
    heading in small letters with its title run on ("Báo cáo sơ kết …") counts only where the
    header ends."""
    after_header: int | None = None
    for index, line in enumerate(lines):
        if item_level(line.text) in SECTION_LEVELS or recipients_label(line.text) is not None:
            return None
        if type_heading(line.text) or split_heading(line.text, first=index == 0)[0]:
            return index
        if index and sentence_heading(line.text)[0]:
            after_header = header_end(lines) if after_header is None else after_header
            if index == after_header:
                return index
    return None


# What marks a header line: the motto, the number label, the place-and-date line.
_HEADER_MARKS = re.compile(rf"{MOTTO_PIECE.pattern}|^so\b|[|\t]\s*so\b|\bso\s*:|, ngay\b")
# A ground opening the body by citing a numbered instrument: "Thực hiện Chỉ thị số 35-CT/TW …".
_CITING_GROUND = re.compile(r"(?:tiep tuc )?thuc hien\b.{0,60}?\bso\s*\d")
# Where a V/v summary wraps on ("V/v đăng ký thi đua và" / "đề nghị khen thưởng năm 2015").
_SUMMARY_START = re.compile(r"^[“\"]?(?:V/v|V/V|v/v)\b")


def header_end(lines: list[Line]) -> int:
    """Without a type heading, the header runs to its last line bearing the motto, the
    number or the place and date (and the V/v summary wrapped under it); 0 when the text has
    no header at all (a web copy that starts with its title)."""
    end = 0
    for index, line in enumerate(lines[: _MAX_HEADER + 2]):
        text = line.text
        folded = fold(text)
        if item_level(text) or recipients_label(text) is not None or folded.startswith(_BODY_OPENINGS[:3]):
            break
        if _CITING_GROUND.match(folded):
            break  # "Thực hiện Chỉ thị số 35-CT/TW … Kế hoạch số 155, ngày …": a ground, its date a citation's
        if _HEADER_MARKS.search(folded) or _SUMMARY_START.match(text):
            end = index + 1
        elif end == index and index and wrapped_date(fold(lines[index - 1].text), folded):
            end = index + 1  # the date line wrapped: "Bến Tre, ngày 03" / "tháng 5 năm 2018"
        elif end and (is_rule(text) or (text[:1].islower() and _summary_above(lines, end))):
            end = index + 1
        elif end == index and _summary_above(lines, end) and _ends_joining([lines[index - 1].text]):
            end = index + 1  # "V/v … tuyên truyền về" / "Đại hội XIII …": wrapped after a joining word
        elif end == index and _summary_above(lines, end) and _addressed_next(lines, index):
            end = index + 1  # "V/v … Ngày thành lập   Hà Nội, ngày …" / "Công đoàn Việt Nam …" / "Kính gửi:"
    return end


def _addressed_next(lines: list[Line], index: int) -> bool:
    """The line is the V/v summary's last, wrapped round the date line: "Kính gửi:" follows it
    and it is in small letters, a name in capitals being the issuer's."""
    return (
        index + 1 < len(lines)
        and fold(lines[index + 1].text).startswith("kinh gui")
        and not is_upper(lines[index].text)
    )


def _summary_above(lines: list[Line], end: int) -> bool:
    return any(_SUMMARY_START.match(line.text) for line in lines[max(0, end - 3) : end])


# How the name of the authority begins, folded, in the line under the title
# ("ỦY BAN NHÂN DÂN TỈNH PHÚ YÊN", "THỦ TƯỚNG CHÍNH PHỦ", "CHỦ TỊCH UBND TỈNH ...").
_AUTHORITY_HEADS = (
    "uy ban",
    "ubnd",
    "thu tuong",
    "chu tich",
    "hoi dong",
    "bo truong",
    "giam doc",
    "tong giam doc",
    "ban thuong vu",
    "ban bi thu",
    "ban chap hanh",
    "ban thuong truc",
    "ban to chuc",
    "ban chi dao",
    "ban thi dua",
    "doan chu tich",
    "thuong truc",
    "tong lien doan",
    "lien doan",
    "cong doan",
    "tinh uy",
    "huyen uy",
    "thanh uy",
    "dang uy",
    "chinh phu",
    "quoc hoi",
    "truong ban",
    "tieu ban",
)


def is_authority(text: str) -> bool:
    """An upper-case line naming the body that decides ("ỦY BAN NHÂN DÂN TỈNH PHÚ YÊN")."""
    folded = fold(text).rstrip(" .:")
    return (
        is_upper(text)
        and len(text) < 120
        and (folded + " ").startswith(_AUTHORITY_HEADS)
        and not type_heading(text)
    )


def read_authority(lines: list[Line], start: int) -> tuple[str | None, int]:
    """The authority line under the title (skipping a rule), and where the body starts after it."""
    index = start
    while index < len(lines) and is_rule(lines[index].text):
        index += 1
    if index < len(lines) and is_authority(lines[index].text):
        return lines[index].text, index + 1
    return None, start


def header_length(lines: list[Line]) -> int:
    """Without a heading, the header runs until the body visibly starts."""
    for index, line in enumerate(lines[:_MAX_HEADER]):
        text = line.text
        if (
            item_level(text)
            or recipients_label(text) is not None
            or fold(text).startswith(_BODY_OPENINGS[:3])
            or len(text) > 150
        ):
            return index
    return min(len(lines), _MAX_HEADER)


def read_title(lines: list[Line], start: int) -> tuple[str | None, int]:
    """The summary under the heading, possibly wrapped over several lines, in sentence case
    ("Về việc ...") or in capitals ("VỀ VIỆC TẶNG THƯỞNG ...", "TỔ CHỨC PHONG TRÀO ..."), up
    to the rule or the authority line under it; and where the body starts after it."""
    parts: list[str] = []
    index = start
    while index < len(lines) and is_rule(lines[index].text) and index < start + 2:
        index += 1  # a rule left between the heading and the title
    capitals = index < len(lines) and capital_title(lines[index].text)
    while index < len(lines) and len(parts) < 8:
        text = lines[index].text
        if is_rule(text):
            index += 1  # the rule drawn under the summary ends it
            break
        if capitals:
            # a wrapped capitals title goes on in capitals, or with its years ("2011 - 2015")
            wrapped = parts and (
                text[:1].islower()
                or (not any(c.isalpha() for c in text) and len(text) < 40)
                or bool(_TERM.match(fold(text)))
                or _dating_subtitle(text)
            )
            # an organ named in the title ("KẾT LUẬN" / "HỘI NGHỊ LẦN THỨ BẢY" / "BAN CHẤP HÀNH
            # ĐẢNG BỘ TỈNH" / "về ..."), not the authority line, when the title goes on under it
            organ = is_authority(text) and (
                (index + 1 < len(lines) and lines[index + 1].text[:1].islower())
                or _ends_joining(parts)  # "… GIỮA UBND TỈNH VỚI" / "LIÊN ĐOÀN LAO ĐỘNG TỈNH …"
                or (
                    bool(parts) and fold(text).strip(" .") in _BARE_KINDS
                )  # "… ỦY BAN KIỂM TRA" / "CÔNG ĐOÀN"
            )
            if not capital_title(text) and not wrapped and not organ:
                break
        elif not _continues_title(parts, text):
            break
        parts.append(text)
        index += 1
        if capitals and (_TERM.match(fold(text)) or _dating_subtitle(text)):
            break  # the term, or the time a report is at, closes the title
        if len(parts) > 1 and _dating_subtitle(text):
            break  # "Từ 17 tháng 10 đến 18 tháng 11 năm 2015" under a title in small letters too
    return (" ".join(parts) or None), index


# A kind of body alone names no body that decides: a title's last words a PDF wrapped.
_BARE_KINDS = {"cong doan", "lien doan", "uy ban", "hoi dong"}


def _ends_joining(parts: list[str]) -> bool:
    """Whether the title so far stops on a word that joins it to more ("VỚI", "VÀ", "CỦA")."""
    words = parts[-1].split() if parts else []
    return bool(words) and fold(words[-1]) in _JOINING_WORDS and words[-1].lower() not in _FALSE_JOINS


# Words that fold as a joining word but end a name: "CƠ SỞ" (not "SỐ"), "VIỆT NAM" (not "NĂM"),
# "ĐẦU TƯ" (not "TỪ").
_FALSE_JOINS = {"sở", "nam", "tư"}


# A title's term under it in small letters: "Nhiệm kỳ 2023 - 2028", "Giai đoạn 2021 - 2025".
_TERM = re.compile(r"(?:nhiem ky|giai doan) (?:\w+ )?\d{4}\s*-\s*\d{4}$")


# A report's subtitle in sentence case saying when it stands: "Thời điểm tháng 10 năm 2020",
# "Năm học 2019 - 2020", "Học kỳ I năm học 2019-2020", a month's span "Từ 17 tháng 10 đến 18
# tháng 11 năm 2015" (folded).
_DATING_SUBTITLE = re.compile(
    r"(?:thoi diem|tinh den|nam hoc|hoc ky|tu ngay|den ngay|tu \d{1,2}\b)[^,;:.]*\b(?:19|20)\d\d$"
)


def _dating_subtitle(text: str) -> bool:
    """A short line in sentence case under a capitals title that dates it."""
    return not is_upper(text) and len(text.split()) <= 10 and bool(_DATING_SUBTITLE.match(fold(text)))


# A report's lettered or numbered section typed after a dash: "- A. KẾT QUẢ …", "- I. …".
_DASHED_SECTION = re.compile(r"^[-–•]\s*(?:[A-ZĐ]|[IVX]{1,4}|\d{1,2})\s*[.)]\s")


def capital_title(text: str) -> bool:
    """A title line set in capitals, not the authority line, a heading or an item under it."""
    return (
        is_upper(text)
        and not is_authority(text)
        and not type_heading(text)
        and not text.endswith(":")
        and not item_level(text)
        and not _DASHED_SECTION.match(text)
        and not is_signature(text)
        and recipients_label(text) is None
        and not fold(text).startswith(_BODY_OPENINGS[:3])
    )


def _splits_compound(previous: str, text: str) -> bool:
    """Whether a line end cut a body's name between two syllables of one word ("NHÂN" / "DÂN")."""
    before, after = fold(previous).split(), fold(text).split()
    return bool(before and after) and completes_compound(before[-1], after[0])


# A labelled line under a plan's title: its slogan, theme or motto, not more of its title.
_TITLE_LABEL = re.compile(r"^(?:khau hieu|chu de|phuong cham)\s*:")


# A regulation's bracketed issuing note under its title: "(Ban hành kèm theo Quyết định …)",
# "(Kèm theo …)", or its opening cut at a PDF's line end ("(Ban hành"); folded.
_ISSUING_NOTE = re.compile(r"\(\s*(?:(?:ban hanh\s+)?kem theo\b|ban hanh\s*$)")


def _continues_title(parts: list[str], text: str) -> bool:
    if parts and is_upper(text) and _splits_compound(parts[-1], text) and not is_authority(text):
        return True  # "… CỦA BAN thanh tra NHÂN" / "DÂN THEO …": a name the line end cut
    if is_upper(text) or item_level(text) or recipients_label(text) is not None or is_signature(text):
        return False
    if _TITLE_LABEL.match(fold(text)) or _ISSUING_NOTE.match(fold(text)):
        return False
    folded = fold(text).lstrip("-+*\u2013\u2022 ")  # a ground opened by a dash: "- Căn cứ …"
    if not parts:
        return not folded.startswith(_BODY_OPENINGS[:3]) and not text.endswith(":") and len(text) < 250
    previous = parts[-1]
    if text[0].islower():
        return True
    if previous.endswith((",", "-", "\u2013")) or _ends_joining([previous]):  # not "… Đầu tư" / "Căn cứ …"
        return True
    if folded.startswith(_BODY_OPENINGS) or previous.endswith((".", ":", ";", "!", "?")):
        return False
    return len(text) <= 120 and not text.endswith((".", ":", ";"))


# A lead's close, folded: "… như sau:", "… như sau :".
_LEAD_CLOSE = re.compile(r"\bnhu sau\s*:?\s*$")


def lead_opens(lines: list[Line], title_at: int, start: int) -> int | None:
    """Where a lead closing "… như sau:" (there or on the line under: "… họp ngày 14 tháng" / "9
    năm 2022, … như sau :") that a title under a heading ran on to opens: at the last line not
    going on from the one above (in small letters, a digit, or under a comma); else None."""

    def runs_on(at: int) -> bool:
        text = lines[at].text
        return text[:1].islower() or text[:1].isdigit() or lines[at - 1].text.rstrip().endswith((",", ";"))

    at = start - 1
    while at > title_at and runs_on(at):
        at -= 1
    lead = " ".join(line.text for line in lines[at:start])
    under = [f"{lead} {lines[start].text}"] if start < len(lines) and runs_on(start) else []
    return at if any(_LEAD_CLOSE.search(fold(text)) for text in (lead, *under)) else None


def body_end(lines: list[Line], start: int) -> int:
    """Where the content stops: at the recipients, the signature or an appendix."""
    for index in range(start, len(lines)):
        text = lines[index].text
        if recipients_label(text) is not None or is_signature(text) or is_appendix(text):
            return index
    return len(lines)


# The end mark of a document's last sentence.
_END_MARK = re.compile(r"\s*\./\.\s*$")


def read_items(lines: list[Line]) -> tuple[list[str], list[str]]:
    """The content items at the outermost numbering level present (A/, B/ parts when the
    first numbered line is one, else I./II. sections, else Điều 1./2., else 1./2., else
    a)/b)), each with the paragraphs under it; and the paragraphs before the first item.
    A lettered part after a Roman section is a sub-part of that section, not above it."""
    levels = unstopped_numbers(
        lines, _dashed_lists(lines, _bare_romans(lines, [item_level(line.text) for line in lines]))
    )
    first = next((level for level in levels if level is not None), None)
    candidates = ITEM_LEVELS if first == "part" else ITEM_LEVELS[1:]
    top = next((level for level in candidates if level in levels), None)
    if top == "arabic":
        levels = _parts_under_capitals(lines, levels)
    items: list[list[str]] = []
    preamble: list[str] = []
    for line, level in zip(lines, levels, strict=True):
        if top is not None and level == top:
            items.append([line.text])
        elif items:
            items[-1].append(line.text)
        else:
            preamble.append(line.text)
    return [_END_MARK.sub(".", "\n".join(item)) for item in items], preamble


# A point numbered with a dash: "1- Nội dung …", "2 - Đội B".
_DASHED = re.compile(r"^\s*\d{1,2}\s*-")


def _dashed_lists(lines: list[Line], levels: list[str | None]) -> list[str | None]:
    """Points numbered with a dash ("1- …") are items where the text numbers its points so; under
    points numbered "1." they list what a point holds ("1. Thành phần" / "1 - Đội A"), no items."""
    dashed = [
        bool(_DASHED.match(line.text)) for line, level in zip(lines, levels, strict=True) if level == "arabic"
    ]
    if not dashed or dashed[0] or all(dashed):
        return levels
    return [
        None if level == "arabic" and _DASHED.match(line.text) else level
        for line, level in zip(lines, levels, strict=True)
    ]


_NUMBERED = re.compile(r"^\s*(\d+)\s*[.)/-]?\s*(.*)$")
# A Roman number alone on its line ("V."), its heading broken onto the next.
_BARE_ROMAN = re.compile(r"^(?=[IVX])X{0,3}(?:IX|IV|V?I{0,3})\s*[.)]?$")
_ROMAN_OPENING = re.compile(r"^\s*(X{0,3}(?:IX|IV|V?I{0,3}))")
_ROMAN_DIGITS = {"I": 1, "V": 5, "X": 10}


def _roman_value(text: str) -> int:
    """The value of the Roman number a line opens with ("IV. …" → 4); 0 when none."""
    match = _ROMAN_OPENING.match(text)
    digits = [_ROMAN_DIGITS[letter] for letter in match[1]] if match else []
    return sum(-d if d < nxt else d for d, nxt in zip(digits, [*digits[1:], 0], strict=True))


def _bare_romans(lines: list[Line], levels: list[str | None]) -> list[str | None]:
    """A Roman number alone on its line heads a section when Roman sections are numbered
    around it in turn (the one before it is one less, the one after it more: a table's tick "X"
    or a cell "I" out of turn is none) and the next line is its heading, not a numbered line."""
    if "roman" not in levels:
        return levels
    after, following = [0] * len(lines), 0  # the number of the next Roman section, 0 if none
    for at in range(len(lines) - 1, -1, -1):
        after[at] = following
        if levels[at] == "roman":
            following = _roman_value(lines[at].text)
    read, last = list(levels), 0
    for at, (line, level) in enumerate(zip(lines, levels, strict=True)):
        if level == "roman":
            last = _roman_value(line.text)
        elif (
            level is None
            and _BARE_ROMAN.match(line.text.strip())
            and _roman_value(line.text) == last + 1
            and (after[at] == 0 or after[at] > last + 1)
            and at + 1 < len(lines)
            and levels[at + 1] is None
            and lines[at + 1].text.strip()
        ):
            read[at], last = "roman", last + 1
    return read


def _parts_under_capitals(lines: list[Line], levels: list[str | None]) -> list[str | None]:
    """Numbered lines in capitals ("1. MỤC ĐÍCH YÊU CẦU") over numbered lines in small letters
    whose numbers start again ("2. Mục đích:", "1. Yêu cầu:", as a site's list markup renumbers
    a section's parts): the capitals are the sections, the others their parts, read as no
    item of their own. Any other numbering is left as it is."""
    numbered = [(at, _NUMBERED.match(lines[at].text)) for at, level in enumerate(levels) if level == "arabic"]
    capitals = {at for at, match in numbered if match and match[2] and is_upper(match[2])}
    small = [int(match[1]) for at, match in numbered if match and at not in capitals]
    if not capitals or min(capitals) != numbered[0][0] or not small:
        return levels
    if all(later > earlier for earlier, later in zip(small, small[1:], strict=False)):
        return levels  # the small-letter lines count on: items of their own
    return [None if level == "arabic" and at not in capitals else level for at, level in enumerate(levels)]


# The theme: the quoted slogan after "chủ đề" ("với chủ đề: “...”").
_THEME = re.compile(
    r"chủ\s+đề\s*(?:là\s*)?:?\s*(?:“([^”]{3,600})”|\"([^\"]{3,600})\"|«([^»]{3,600})»)",
    re.IGNORECASE,
)


def find_theme(text: str) -> str | None:
    """The document's own theme, without its quotation marks: the first one quoted after
    “chủ đề” in a sentence that does not cite another document (“Thực hiện Kế hoạch số … về
    Tháng Công nhân với chủ đề “…”” quotes that plan's slogan); else the first one."""
    matches = list(_THEME.finditer(text))
    if not matches:
        return None
    own = next((m for m in matches if not _cites_before(text, m.start())), matches[0])
    return normalize(next(group for group in own.groups() if group))


def _cites_before(text: str, at: int) -> bool:
    """Whether the sentence before `at` cites a document by its number."""
    sentence = re.split(r"[;\n]|\.\s", text[:at])[-1]
    return any(True for _ in find_number_symbols(sentence))


def find_date_line(lines: list[Line]) -> tuple[datetime.date | None, str | None]:
    """The date and place of a place-and-date line standing alone outside the header (some
    reports sign there; a table's right column can land among the grounds)."""
    for line in lines:
        match = PLACE_DATE.fullmatch(line.text)
        if match:
            return date_from(match), match["place"]
    return None, None


@dataclass(frozen=True)
class NamedOpening:
    """What a first line that names its own document says."""

    type: str
    number: NumberSymbol | None
    date: datetime.date | None
    issuer: str | None
    title: str | None


# A title typed in sentence case after its type, as a site heads a page with it: short and
# without a closing full stop (a first sentence that only starts with a type's words has one).
_TYPED_TITLE_WORDS = 30
# Matched on folded text, so that a copy whose tone marks are scrambled ("CỦÀ") still reads.
_NUMBER_WORD = re.compile(r"\s+(?:so\s*:?\s*)?", re.IGNORECASE)
_OF = re.compile(r"\s*,?\s*(?:cua|do)\s+", re.IGNORECASE)
# The summary after the issuers of a first line in capitals ("… CỦA BỘ CHÍNH TRỊ VỀ …").
_SUMMARY_IN_CAPITALS = re.compile(r"\s(?=VE\s)")


def read_named_opening(text: str) -> NamedOpening | None:
    """A web copy without a header that opens by naming its document, as a list of documents
    prints it: "Hướng dẫn số 1803/HD-TLĐ ngày 29 tháng 11 năm 2013 của Tổng Liên đoàn Lao
    động Việt Nam hướng dẫn đóng đoàn phí công đoàn", or a reposting in capitals without
    "số" ("KẾT LUẬN 12-KL/TW CỦA BỘ CHÍNH TRỊ, BAN BÍ THƯ VỀ …"): its type, number, date,
    issuer and title."""
    folded, letters = fold(text), fold_chars(text)
    doc_type = next((t for t in TYPES_LONGEST_FIRST if folded.startswith(fold(t) + " ")), None)
    if doc_type is None:
        return _posted_by(text) or _type_labelled(text)
    label = _NUMBER_WORD.match(letters, len(doc_type))
    written = NUMBER_SYMBOL_RE.match(text, label.end()) if label else None
    number = parse_number_symbol(written[0]) if written else None
    if written is None or number is None:
        return _typed_title(text, doc_type)
    if doc_type == "Công văn" and number.type_name is not None:
        # "Công văn số 44/KH-CĐKT …": any paper sent is a letter; its code names what it is
        doc_type = number.type_name
    pos, date, issuer = written.end(), None, None
    if dated := DATED.match(text, pos):
        date, pos = date_from(dated), dated.end()
    if of := _OF.match(letters, pos):
        rest = text[of.end() :]
        summary = _SUMMARY_IN_CAPITALS.search(fold_chars(rest).upper()) if is_upper(rest) else None
        if summary is not None:  # the issuers run in capitals up to the summary
            issuer, pos = rest[: summary.start()].strip(" ,") or None, of.end() + summary.end()
        elif found := read_organisation(text, of.end()):
            issuer, pos = found
    title = text[pos:].strip(" ,.:;") or None
    return NamedOpening(doc_type, number, date, issuer, title)


# A post's title naming its body before the document: "Công Đoàn: Hướng dẫn xét khen thưởng".
_POSTED_BY = re.compile(r"^([^:]{2,60}?)\s*:\s+(?=\S)")
_POSTER_WORDS = 8


def _posted_by(text: str) -> NamedOpening | None:
    """A first line "<body>: <type> <title>", as a body's own site titles its post: the type
    and title after the colon, the body before it as the issuer."""
    match = _POSTED_BY.match(text)
    if match is None or len(match[1].split()) > _POSTER_WORDS or not names_a_body(match[1]):
        return None
    rest = text[match.end() :]
    if not any(fold(rest).startswith(fold(t) + " ") for t in TYPES_LONGEST_FIRST):
        return None
    opening = read_named_opening(rest)
    if opening is None:
        return None
    return NamedOpening(opening.type, opening.number, opening.date, opening.issuer or match[1], opening.title)


# A post titled by its type and a colon: "Thông báo: Kế hoạch nghỉ hè của đơn vị".
_TYPE_LABEL = re.compile(r"^([^:]{2,30}?)\s*:\s+(?=[^\W\d_])")


def _type_labelled(text: str) -> NamedOpening | None:
    """A first line "<type>: <title>" in sentence case: the type before the colon, the title
    after it (short, capitalised, without a closing full stop)."""
    match = _TYPE_LABEL.match(text)
    doc_type = next((t for t in TYPES_LONGEST_FIRST if match and fold(match[1]) == fold(t)), None)
    title = text[match.end() :].strip() if match else ""
    if (
        doc_type is None
        or not title[:1].isupper()
        or is_upper(title)
        or title.endswith((".", ":", ";"))
        or len(title.split()) > _TYPED_TITLE_WORDS
    ):
        return None
    return NamedOpening(doc_type, None, None, None, title)


def _typed_title(text: str, doc_type: str) -> NamedOpening | None:
    """A first line without number in sentence case: its type, then its title starting with a
    small letter ("Hướng dẫn đề nghị … năm 2019"); nothing else is said there."""
    title = text[len(doc_type) :].strip()
    if (
        not text[:1].isupper()
        or is_upper(text)
        or not title[:1].islower()
        or title.endswith((".", ":", ";"))
        or len(title.split()) > _TYPED_TITLE_WORDS
    ):
        return None
    return NamedOpening(doc_type, None, None, None, title)
