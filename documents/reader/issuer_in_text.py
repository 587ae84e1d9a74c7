"""The issuer where the head of a document names none: a blank form's label, a bracketed issuing
note, a body naming itself in its preamble and the type it makes, its place, and the body a
signature speaks for (`extract` tries them in turn)."""

import datetime
import re
from collections.abc import Iterator

from core.text import fold
from documents.reader.dates import DATED, date_from
from documents.reader.header import ORGANS, PLACE_HEADS
from documents.reader.lines import Line, is_signature, is_upper
from documents.reader.numbers import TYPES_LONGEST_FIRST
from documents.reader.organisations import names_a_body, read_organisation, self_named_body_at

# A blank form's label in the issuer's place ("ĐƠN VỊ ĐỀ NGHỊ", "TÊN CƠ QUAN, ĐƠN VỊ"), folded.
PLACEHOLDER = re.compile(
    r"^(?:ten\s+)?(?:co quan|don vi|to chuc)"
    r"(?:[\s,/]+(?:co quan|don vi|to chuc|chu quan|cap tren|truc tiep|de nghi|trinh|ban hanh))*$"
)
# A sample's name left as dots to be filled in: "CÔNG ĐOÀN CƠ SỞ.......", "TRƯỜNG TIỂU HỌC ……",
# "CĐ TRƯỜNG TIỂU HỌC ….." (an ellipsis and full stops typed together).
LEFT_BLANK = re.compile(r"\.{4,}|\u2026{2,}|\u2026\.|\.\u2026|(?:\.\s*){4,}$")
# A regulation's bracketed issuing note under its title names the body that issued it:
# "(Ban hành kèm theo Quyết định số … ngày … của Đoàn Chủ tịch Tổng Liên đoàn …)".
# Searched in steps, each once over the text: its opening, the next bracket, the first "của" before
# it (one pattern spanning them all takes minutes on long paragraphs after an unclosed note).
_NOTE = re.compile(r"\(\s*[Bb]an hành kèm theo\b")
_NOTE_BY = re.compile(r"\bcủa\s+")
# How many lines past the title the note may run (a PDF wraps it onto five).
NOTE_LINES = 6
# The types a note's day dates: a regulation issued with a decision ("(Ban hành kèm theo Quyết định
# số … ngày …)"); a plan, guidance, report or form under such a note may be another text's annex.
REGULATIONS = frozenset({"Quy chế", "Quy định"})


# What a body naming itself says it makes: "… Hà Nội xây dựng Kế hoạch tổ chức … như sau:".
_MAKES = re.compile(r"\s+(?:xây dựng|ban hành)\s+")
# A body that guides in its own words makes a guidance: "<body> hướng dẫn một số nội dung … như sau:".
_GUIDES = re.compile(r"\s+hướng dẫn\s+(?!số\b)")


# A body that announces in its own words makes a notice: "<body> thông báo, nếu …", "<body> thông
# báo: …", or a lead closed by "như sau" ("<body> thông báo đến … như sau:"); not "<body> thông
# báo số …", a notice it cites, nor "thông báo tới … ." reporting a notice it sent before (a plan's
# preamble may), nor "thông báo, hướng dẫn …", one verb of several.
_NOTIFIES = re.compile(r"\s+thông báo(?!\w)(?!\s+số\b)")
_NOTIFIES_OPEN = re.compile(r"\s*[,:]\s*")
_OTHER_VERBS = ("huong dan", "de nghi", "yeu cau", "trien khai", "to chuc", "tuyen truyen", "chi dao", "va ")


def _announces(preamble: str, at: int) -> bool:
    """Whether the words at `at`, after a body naming itself, announce the text as a notice."""
    verb = _NOTIFIES.match(preamble, at)
    if verb is None:
        return False
    rest = preamble[verb.end() :]
    if opened := _NOTIFIES_OPEN.match(rest):
        return not fold(rest[opened.end() :]).startswith(_OTHER_VERBS)
    return _as_follows(rest)


def _as_follows(rest: str) -> bool:
    """Whether the words after a body's verb are a lead closed by "như sau" ("… đến … như sau:"),
    the sentence that opens the text, not the verb in passing."""
    return re.split(r"[.:;]", rest)[0].rstrip().endswith("như sau")


def type_it_makes(preamble: str, named: str) -> str | None:
    """The type a preamble gives its own document where the body naming itself makes it
    ("<body> xây dựng Kế hoạch … như sau:"), guides ("<body> hướng dẫn … như sau:") or announces
    ("<body> thông báo, …": where it names itself as acting, not where it is named in passing
    before), the type's name capitalised; None otherwise."""
    acting = self_named_body_at(preamble)
    if acting is not None and acting[0] == named and _announces(preamble, acting[1]):
        return "Thông báo"
    at = preamble.find(named)
    end = at + len(named) if at >= 0 else None
    if end is None and acting is not None and acting[0] == named:
        end = acting[1]  # the name read past an abbreviation it defines: "Trường (BCHCĐT) ĐHBK …"
    if end is None:
        return None
    makes = _MAKES.match(preamble, end)
    guides = None if makes else _GUIDES.match(preamble, end)
    opening = makes or guides
    if opening is None:
        return None
    rest = preamble[opening.end() :]
    if not _as_follows(rest):
        return None  # "… xây dựng Kế hoạch …" in passing, not the sentence that opens the plan
    if guides is not None:
        return "Hướng dẫn"
    # the type in small letters too: "… xây dựng kế hoạch tổ chức … như sau:"
    return next((t for t in TYPES_LONGEST_FIRST if rest.lower().startswith(t.lower() + " ")), None)


# A resolution reposted without its heading is known by the sentence that opens its points: "<body>
# quyết nghị:" or "Hội nghị lần thứ tư <body> quyết nghị:", the verb closing the sentence with a colon
# (not "… đã quyết nghị thông qua …", reporting what a conference decided).
_RESOLVES = re.compile(
    r"(?:^|(?<=[.;:])\s+)(?:Hội nghị(?:\s+lần thứ\s+[^\W\d_]+)?\s+)?(?=[^\W\d_])", re.MULTILINE
)
_RESOLVES_CLOSE = re.compile(r"\s+quyết nghị\s*:")


def resolved_by(text: str) -> str | None:
    """The body a text without heading names as resolving its points ("<body> quyết nghị:"),
    the resolution's issuer; None when no sentence closes so."""
    for start in _RESOLVES.finditer(text):
        found = read_organisation(text, start.end())
        if found and names_a_body(found[0]) and _RESOLVES_CLOSE.match(text, found[1]):
            return found[0]
    return None


# A body named by its level without its place ("Uỷ ban nhân dân tỉnh xây dựng Kế hoạch …").
_LEVEL_ENDING = re.compile(r"\s(tỉnh|thành phố|huyện|quận|thị xã|xã|phường|thị trấn)$")
_PLACE_WORD = re.compile(r"\s+([^\W\d_][\w]*)")
_PLACE_WORDS = 3
# The bodies that are a place's own, named by it ("Ủy ban nhân dân tỉnh Vĩnh Phúc"), as the
# header's bare "ỦY BAN NHÂN DÂN" is completed (`header.complete_issuer`); a council or a
# department named by its level ("Hội đồng Thi đua - Khen thưởng tỉnh") is kept as written.
_PLACES_OWN = {"uy ban nhan dan", "ubnd", "hoi dong nhan dan", "hdnd"}


def with_its_place(name: str, text: str) -> str:
    """A people's committee or council a text names by its level alone ("Uỷ ban nhân dân tỉnh")
    is that of the one place of that level the text names ("… thành lập tỉnh Vĩnh Phúc"); left as it is when the text names
    none or more than one."""
    level = _LEVEL_ENDING.search(name)
    if level is None or fold(name[: level.start()]) not in _PLACES_OWN:
        return name
    places: set[str] = set()
    for found in re.finditer(rf"(?<!\w){level[1]}(?!\w)", text):
        words: list[str] = []
        pos = found.end()
        while len(words) < _PLACE_WORDS and (word := _PLACE_WORD.match(text, pos)) and word[1][0].isupper():
            words.append(word[1])
            pos = word.end()
        if words:
            places.add(" ".join(words))
    return f"{name} {places.pop()}" if len(places) == 1 else name


# The signature's "on behalf of" line ("TM. BAN CHẤP HÀNH …", "T/M BAN THƯỜNG VỤ"): the body
# the document is issued for. A deputy's or a delegate's ("KT.", "TL.") names an office, no body.
_ON_BEHALF = re.compile(r"^(?:TM|T/M)\s*[./]?\s+(?=\S)")
# Organs that name no body of their own; the line under them in the signature does.
_BARE_ORGANS = ORGANS | {"bch", "btv"}
# How many lines in capitals a signed-for name may run onto, and how such a line begins
# (folded): a body's name or the rest of one, never a signer's name ("NGUYỄN VĂN AN").
_SIGNED_NAME_LINES = 2
_NAME_GOES_ON = (
    "lien doan",
    "ldld",
    "tong lien doan",
    "cong doan",
    "cd ",
    "cdcs",
    "uy ban",
    "ubnd",
    "hoi dong",
    "so ",
    "phong ",
    "truong ",
    *PLACE_HEADS,
    "nganh ",
    "co so",
    "dang ",
    "doan ",
    "viet nam",
)


def _goes_on(text: str) -> bool:
    return (fold(text) + " ").startswith(_NAME_GOES_ON)


def signed_for(lines: list[Line]) -> str | None:
    """The body a signature block signs for ("TM. BAN CHẤP HÀNH CÔNG ĐOÀN TRƯỜNG …", or "TM. BAN
    THƯỜNG VỤ" / "LIÊN ĐOÀN LAO ĐỘNG TỈNH …" on the line under it), read only for a text that
    names its issuer nowhere else; None for an organ that names no body ("TM. BAN THƯỜNG VỤ" /
    "CHỦ TỊCH")."""
    for at, line in enumerate(lines):
        behalf = _ON_BEHALF.match(line.text)
        if behalf is None:
            continue
        parts = [line.text[behalf.end() :].strip()]
        for below in lines[at + 1 : at + 1 + _SIGNED_NAME_LINES]:
            if is_signature(below.text) or not (is_upper(below.text) and _goes_on(below.text)):
                break  # the signer's position ("CHỦ TỊCH") or name ends the body's name
            parts.append(below.text)
        name = " ".join(part for part in parts if part)
        if not is_upper(name) or fold(name).rstrip(" .") in _BARE_ORGANS:
            return None
        return name
    return None


def _notes(lines: list[Line], own_line: bool = False) -> Iterator[str]:
    """What each bracketed issuing note under the title says inside its brackets; with own_line,
    only a note opening its line (one inside a title's sentence is the cited text's: "… sửa đổi Quy
    định … (Ban hành kèm theo Quyết định số … ngày … )")."""
    text, close = " ".join(line.text for line in lines), -1
    starts, at = set(), 0
    for line in lines:
        starts.add(at + len(line.text) - len(line.text.lstrip()))
        at += len(line.text) + 1
    for note in _NOTE.finditer(text):
        if close < note.end():
            close = text.find(")", note.end())
        if close < 0:
            return  # no note closes after this one
        if text.find("(", note.end(), close) >= 0:
            continue  # another bracket opens inside: the next note, if any, is read instead
        if not own_line or note.start() in starts:
            yield text[note.end() : close]


def issuing_note(lines: list[Line]) -> str | None:
    """The body a bracketed issuing note under the title names, when the text names none above."""
    for inside in _notes(lines):
        by = _NOTE_BY.search(inside)
        if by is not None and (issuer := inside[by.end() :].strip()):
            return issuer
    return None


def issuing_note_date(lines: list[Line]) -> datetime.date | None:
    """The date of the decision a bracketed issuing note names ("(Ban hành kèm theo Quyết định số
    … ngày 01 tháng 01 năm 2011 của …)"): the day a text printing no date of its own was issued;
    None where the note leaves the day blank or gives none. Only a regulation's own note, opening its
    line, dates it: a form or a plan annexed to another text is not issued on that text's day."""
    for inside in _notes(lines, own_line=True):
        if dated := DATED.search(inside):
            return date_from(dated)
    return None
