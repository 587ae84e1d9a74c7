"""The header of a document (Nghị định 30/2020/NĐ-CP, Appendix I): the issuer block on
the left, the national motto on the right, then the number ("Số: 12/KH-LĐLĐ") and the
place-and-date line; a Công văn puts its summary ("V/v ...") under its number. Pasted
from a Word table, the two columns arrive interleaved, side by side or one after the
other, so the header is read by cutting out what is recognised and keeping the rest."""

import datetime
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from core.text import fold
from documents.reader.dates import BLANK_PLACE_DATE, PLACE_DATE, date_from, wrapped_date
from documents.reader.legacy import starts_as
from documents.reader.lines import MOTTO, MOTTO_PIECE, Line, columns, fold_chars, is_upper
from documents.reader.names import NAME_HEADS, PLACE_HEADS, two_names
from documents.reader.numbers import DOCUMENT_TYPES, NUMBER_SYMBOL_RE, NumberSymbol, parse_number_symbol
from documents.reader.organisations import completes_compound

# The start of the motto wrapped onto the end of the issuer's line, as a PDF's text layer
# runs the two columns together ("THỦ TƯỚNG CHÍNH PHỦ CỘNG" / "HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM").
# Its subtitle's start likewise: "CĐCS TRƯỜNG MN SƠN CA Độc lập" / "– Tự do – Hạnh phúc", or cut
# further on: "CĐ THCS AN HÒA Độc lập - Tự" / "do - Hạnh phúc", or after its first word: "PHÒNG
# GIÁO DỤC VÀ ĐÀO TẠO Độc" / "lập - Tự do - Hạnh phúc".
_MOTTO_START = re.compile(
    r"(?<=\S)\s+(?:CỘNG(?:\s+HÒA|\s+HOÀ)?(?:\s+XÃ)?(?:\s+HỘI)?(?:\s+CHỦ)?(?:\s+NGHĨA)?"
    r"|Độc(?:\s+lập(?:\s*[-\u2013]\s*Tự(?:\s+do)?)?(?:\s*[-\u2013])?)?)\s*$"
)
# The number label: "Số: ", "SỐ:", "Số 12/..." (a digit must follow when there is no colon).
_NUMBER_LABEL = re.compile(r"(?<!\w)(?:Số|SỐ|số)\s*(?::\s*|\s+(?=\d))")
_BARE_LABEL = re.compile(r"(?:Số|SỐ|số)\s*:?")
# A Công văn's summary: "V/v triển khai ...", or quoted whole ("“V/v hướng dẫn …”").
SUMMARY_LABEL = re.compile(r"^[“\"]?(?:V/v|V/V|v/v)\s*:?\s*")
# Marks of urgency, secrecy and drafts stamped near the header, which are not names.
_STAMPS = {"du thao", "mat", "khan", "hoa toc", "thuong khan", "tuyet mat", "toi mat", "ban sao"}
# A wrapped issuer name continues with where the body is: "LIÊN ĐOÀN LAO ĐỘNG / TỈNH CAO BẰNG".
_CONTINUATIONS = (
    *PLACE_HEADS,
    "viet nam",
    "nganh ",
    "co so",
    "lao dong",
    "nhan dan",
    "trung uong",
)


def _wrapped_remainder(last: str, previous: str) -> bool:
    """A line that does not begin a name, of one or two words or under a single word, goes
    on from the line above it."""
    folded = fold(last) + " "
    short = len(last.split()) <= 2 or len(previous.split()) == 1  # "THỦ" / "TƯỚNG CHÍNH PHỦ"
    return short and not folded.startswith(NAME_HEADS) and not fold(previous).endswith("viet nam")


_CLOCK = re.compile(r"\b\d{1,2}:\d{2}\b")
_TYPE_OPENINGS = tuple(fold(name) + " " for name in DOCUMENT_TYPES)
# A document type typed in small letters inside a line names a document, not a body ("Nội dung
# báo cáo …"); a body's name capitalises it ("Sở Kế hoạch và Đầu tư").
_TYPE_IN_SMALL = re.compile(
    r"(?<!\w)(?:" + "|".join(re.escape(name.lower()) for name in DOCUMENT_TYPES) + r")(?!\w)"
)
# A cover under the issuer opens with "VĂN KIỆN ĐẠI HỘI" or the term ("NHIỆM KỲ 2023 - 2028"); what
# follows ("ĐẠI HỘI … LẦN THỨ V") is of the cover too. A congress's "BAN TỔ CHỨC" / "ĐẠI HỘI ĐẠI
# BIỂU …" is a name.
_COVER = re.compile(r"(?:van kien|nhiem ky)\b")


# Offices whose holder issues, the body named on the next line ("THỦ TƯỚNG" / "CHÍNH PHỦ").
_OFFICE_HOLDERS = {
    "thu tuong",
    "chu tich",
    "bo truong",
    "giam doc",
    "tong giam doc",
    "chanh an",
    "vien truong",
    "tong kiem toan",
    "thong doc",
}

# The Youth Union's name, printed where the motto stands (as the Party prints its own); it
# completes an issuer that names only an organ ("BAN CHẤP HÀNH TRUNG ƯƠNG").
_UNION_LINES = {"doan tncs ho chi minh", "doan thanh nien cong san ho chi minh"}

# Organs that issue in the name of the body above them.
ORGANS = frozenset({"ban chap hanh", "ban thuong vu", "thuong truc", "doan chu tich", "ban thuong truc"})


@dataclass
class Header:
    """What the header says; warnings for what it says wrongly."""

    issuer: str | None = None
    number: NumberSymbol | None = None
    date: datetime.date | None = None
    place: str | None = None
    summary: str | None = None
    district: str | None = None  # the district whose committee heads a bare office's name
    warnings: list[str] = field(default_factory=list)


Span = tuple[int, int]


# A rule a site ran onto the name above it ("TỔNG LIÊN ĐOÀN LAO ĐỘNG VIỆT NAM -------").
_GLUED_RULE = re.compile(r"(?:^|\s)[-_*=~\u2013\u2014]{3,}(?=\s|$)")


def _cut(fragments: list[str], find: Callable[[str], list[Span]]) -> list[str]:
    """Remove the spans `find` reports from every fragment, splitting it there."""
    out = []
    for fragment in fragments:
        pos = 0
        for start, end in find(fragment):
            out.append(fragment[pos:start])
            pos = end
        out.append(fragment[pos:])
    return [f.strip(" ,;") for f in out if f.strip(" ,;")]


def read_header(lines: list[Line]) -> Header:
    """Read the issuer, number, date and Công văn summary from the header lines."""
    header = Header()
    candidates: list[str] = []
    summary: list[str] = []
    mixed: list[str] = []  # names in mixed case before the motto ("Trường TH Hiệp Hoà")
    union: str | None = None
    motto_seen = cover = quoted = False
    after_motto = 0  # fragments left in which "VIỆT NAM" alone still ends the motto
    for line in _join_wrapped_lines(_join_cut_number(lines)):
        motto_seen = motto_seen or bool(MOTTO.search(fold_chars(line.text)))
        fragments = _cut(
            _join_number_label(columns(line)), lambda f: [m.span() for m in MOTTO.finditer(fold_chars(f))]
        )
        motto_tail = any(_MOTTO_START.search(f) for f in fragments)
        fragments = _cut(fragments, lambda f: [m.span() for m in _MOTTO_START.finditer(f)])
        if (
            candidates
            and fold(candidates[-1]).endswith(" viet")
            and fragments
            and fold(fragments[0]) == "nam"
        ):
            candidates[-1] = f"{candidates[-1]} {fragments.pop(0)}"  # "… VIỆT" / "NAM" wrapped by a PDF
        fragments, after_motto = _drop_motto_pieces(fragments, after_motto)
        after_motto = after_motto or (_MOTTO_OPEN if motto_tail else 0)  # "VIỆT NAM" on the next line ends it
        fragments = _cut(fragments, lambda f: [m.span() for m in _GLUED_RULE.finditer(f)])
        fragments = _cut(fragments, lambda f: _find_date(f, header))
        fragments = _cut(fragments, lambda f: _find_number(f, header))
        # a date line after the number whose place is no name ("Số: 12/QĐ-TTg Toàn quốc, ngày …")
        # is known only at the start of its fragment, once the number is cut off
        fragments = _cut(fragments, lambda f: _find_date(f, header))
        for fragment in fragments:
            fragment = fragment.lstrip("•●▪ ") or fragment  # a register prints the header bulleted
            opened = SUMMARY_LABEL.match(fragment)
            if opened and not summary:
                quoted = fragment[0] in '“"'
                summary.append(fragment[opened.end() :])
            elif summary and len(summary) < 4 and not is_upper(fragment):
                summary.append(fragment)  # the summary wraps in its narrow column, even at a name
            elif fold(fragment) in _UNION_LINES:
                union = fragment
            elif fragment[0].isalpha() and is_upper(fragment) and fold(fragment) not in _STAMPS:
                # a cover under the issuer names the congress and its term, no body
                cover = cover or bool(candidates and _COVER.match(fold(fragment)))
                candidates.extend([] if cover else two_names(fragment))
            elif not motto_seen and _mixed_case_name(fragment):
                mixed.extend(two_names(fragment))  # "… GD H. BA TƠ CĐCS Tr. THCS …": two names
    header.summary = " ".join(s for s in summary if s) or None
    if header.summary and quoted:
        header.summary = header.summary.rstrip('”"').rstrip() or None  # "“V/v …”": the quotes are no part
    # A header typed in mixed case names its body so too; names in capitals come first.
    header.issuer = _issuer(_join_split_heads(candidates or mixed))
    if header.issuer and len(candidates) > 1 and header.issuer == candidates[-1]:
        header.district = _district_of(header.issuer, candidates[-2])
    if union and (header.issuer is None or _organ_only(header.issuer)):
        header.issuer = f"{header.issuer} {union}" if header.issuer else union
    return header


def _mixed_case_name(fragment: str) -> bool:
    """A name in the issuer's place typed in mixed case: a capital, a few words, no sentence,
    not a post's title naming a document ("Kế hoạch hoạt động Công đoàn tháng 10")."""
    words = fragment.split()
    return (
        fragment[0].isupper()
        and not (fold(fragment) + " ").startswith(_TYPE_OPENINGS)
        and not _CLOCK.search(fragment)  # a post's time stamp ("Thứ hai - 05/04/2021 08:10")
        and not _TYPE_IN_SMALL.search(fragment)  # a post's summary: "Nội dung báo cáo sơ kết …"
        and 2 <= len(words) <= 12
        and not fragment.endswith((".", ":", ";", ","))
        and fold(fragment) not in _STAMPS
    )


def _organ_only(name: str) -> bool:
    """An organ that names no body of its own: "BAN CHẤP HÀNH TRUNG ƯƠNG", "BAN THƯỜNG VỤ"."""
    folded = fold(name)
    return folded in ORGANS or (folded.startswith("ban ") and folded.endswith(" trung uong"))


def _join_split_heads(candidates: list[str]) -> list[str]:
    """A name's first word wrapped away from the rest in a narrow cell ("ỦY" / "BAN NHÂN DÂN",
    "LIÊN" / "ĐOÀN LAO ĐỘNG") is joined to it: alone it begins no name, joined it does."""
    out: list[str] = []
    for candidate in candidates:
        if out and _broken_compound(out[-1], candidate):
            out[-1] = f"{out[-1]} {candidate}"  # "ỦY BAN NHÂN" / "DÂN"
            continue
        if out and len(out[-1].split()) == 1 and not (fold(out[-1]) + " ").startswith(NAME_HEADS):
            joined = f"{out[-1]} {candidate}"
            if (fold(joined) + " ").startswith(NAME_HEADS):
                out[-1] = joined
                continue
        out.append(candidate)
    return out


def _broken_compound(previous: str, line: str) -> bool:
    """A name broken inside one of its compounds ("LIÊN ĐOÀN LAO" / "ĐỘNG TỈNH …"): the line
    goes on from the word above it and begins no name of its own."""
    first = fold(line).split()[0]
    return completes_compound(fold(previous).split()[-1], first) and not (fold(line) + " ").startswith(
        NAME_HEADS
    )


def _join_wrapped_lines(lines: list[Line]) -> list[Line]:
    """What a narrow column wraps is one line again: a place-and-date line ("Phan Rang-Tháp
    Chàm, ngày 05 tháng 3" / "năm 2007", "Sơn La, ngày" / "09 tháng 11 năm 2021", "Hà Nội," /
    "ngày 16 tháng 5 năm 2024"), and a number under its label ("Số:" / "06/2024/QĐ-UBND")."""
    out: list[Line] = []
    for line in lines:
        if out and _wrapped(fold(out[-1].text), fold(line.text)):
            out[-1] = Line(f"{out[-1].raw} {line.raw}", f"{out[-1].text} {line.text}")
        else:
            out.append(line)
    return out


# A number cut after its last hyphen ("Số: 255 / BC-BCĐPCGD-") and the code that ends it, which
# a Word table's extraction may put after the date line ("XMC").
_CUT_NUMBER = re.compile(r"(?:^|\s)(?:Số|SỐ|số)\s*:?\s*\d+\s*/\s*\S.*[-\u2013]$")
_CODE_ALONE = re.compile(r"[A-ZĐ][A-ZĐ0-9]{1,11}")


def _join_cut_number(lines: list[Line]) -> list[Line]:
    """The end of a number cut after its last hyphen goes back onto it, from one of the two
    lines under it, so that it is neither lost to the number nor taken for a name."""
    out = list(lines)
    for at, line in enumerate(out):
        if not _CUT_NUMBER.search(line.text.rstrip()):
            continue
        for below in range(at + 1, min(at + _CUT_NUMBER_REACH, len(out))):
            if _CODE_ALONE.fullmatch(out[below].text.strip()):
                end = out.pop(below).text.strip()
                out[at] = Line(f"{line.raw.rstrip()}{end}", f"{line.text.rstrip()}{end}")
                break
            # past the two lines under it only across the motto's and the date's lines, which a
            # Word table's right column puts between ("CỘNG HÒA …" / "Độc lập …" / "…, ngày …")
            if below >= at + 2 and not _RIGHT_COLUMN.search(fold(out[below].text)):
                break
    return out


# How many lines under a cut number its end may come, and the lines it may come across.
_CUT_NUMBER_REACH = 6
_RIGHT_COLUMN = re.compile(rf"{MOTTO_PIECE.pattern}|, ngay\b|^-+$")


def _wrapped(previous: str, line: str) -> bool:
    if wrapped_date(previous, line):
        return True
    return bool(re.search(r"(?:^|\s)so\s*:$", previous)) and line[:1].isdigit()


_MOTTO_WORDS = " cong hoa xa hoi chu nghia viet nam "


# How many fragments after a motto cut before "VIỆT NAM" that "VIỆT NAM" may come: a flattened
# table may put a name's line between ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA" / "TỈNH YÊN BÁI" / "VIỆT NAM").
_MOTTO_OPEN = 2


def _drop_motto_pieces(fragments: list[str], after_motto: int) -> tuple[list[str], int]:
    """The motto wrapped in a narrow column or a flattened table ("CỘNG" / "HÒA XÃ HỘI CHỦ
    NGHĨA VIỆT NAM", "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA" / "VIỆT NAM") is not a name. "VIỆT NAM" alone
    is part of the motto only soon after a piece of it that it ends (else it ends a wrapped
    issuer name); `after_motto` counts the fragments in which it still may."""
    kept = []
    for fragment in fragments:
        folded = fold(fragment)
        piece = folded != "viet nam" and f" {folded} " in _MOTTO_WORDS
        if piece or (after_motto and folded == "viet nam") or "xa hoi chu nghia" in folded:
            after_motto = 0 if folded.endswith("viet nam") else _MOTTO_OPEN
            continue
        if after_motto and folded.startswith("viet nam ") and starts_as(folded[9:] + " ", NAME_HEADS):
            fragment = fragment[9:]  # the motto's end a PDF wrapped before a name ("VIỆT NAM TRƯỜNG …")
            after_motto = 0
        after_motto = max(0, after_motto - 1)
        kept.append(fragment)
    return kept, after_motto


def _find_date(fragment: str, header: Header) -> list[Span]:
    spans = []
    for match in PLACE_DATE.finditer(fragment):
        if header.date is None:
            header.date = date_from(match)
            header.place = match["place"]
            if header.date is None:
                header.warnings.append(
                    _("The date of issue does not exist: “%(date)s”.") % {"date": match[0]}
                )
        spans.append(match.span())
    for match in BLANK_PLACE_DATE.finditer(fragment):
        header.warnings.append(_("The date of issue is not filled in."))
        spans.append(match.span())
    return sorted(spans)


# "(Kèm theo Quyết định số …)" under a regulation's title names the decision promulgating it.
_ATTACHED_TO = re.compile(r"\bkem theo\b")


def _find_number(fragment: str, header: Header) -> list[Span]:
    label = _NUMBER_LABEL.search(fragment)
    if not label or header.number is not None or _ATTACHED_TO.search(fold(fragment[: label.start()])):
        return []
    strict = NUMBER_SYMBOL_RE.match(fragment, label.end())
    if strict:
        header.number = parse_number_symbol(strict[0])
        return [(label.start(), strict.end())]
    # Typed with spaces ("07 /KH - CĐN"): the longest run of words that parses.
    words = fragment[label.end() :].split(" ")
    for count in range(min(len(words), 5), 0, -1):
        written = " ".join(words[:count])
        header.number = parse_number_symbol(written)
        if header.number is not None:
            return [(label.start(), label.end() + len(written))]
    shown = f"“{words[0]}”" if words[0] else _("empty")
    header.warnings.append(
        _("The number and symbol are not filled in or not valid (%(shown)s).") % {"shown": shown}
    )
    return [(label.start(), label.end() + len(words[0]))]


def _join_number_label(pieces: list[str]) -> list[str]:
    """A number spaced away from its label ("Số:      07/KH-CĐN") lands in the next column."""
    out: list[str] = []
    for piece in pieces:
        if out and _BARE_LABEL.fullmatch(out[-1]) and piece[:1] in "0123456789/":
            out[-1] = f"{out[-1]} {piece}"
        else:
            out.append(piece)
    return out


# A place's party or youth union committee, folded: a name of its own, though it opens with the
# place's level ("HUYỆN ỦY GIA BÌNH", "TỈNH ĐOÀN BẮC NINH", "THÀNH ỦY …", "QUẬN ĐOÀN …").
_PLACE_COMMITTEE = re.compile(r"(?:tinh|huyen|thanh|quan|thi) (?:uy|doan)\b")


def _issuer(candidates: list[str]) -> str | None:
    """The issuer is the last name of the block (the first is the superior body), joined
    with the line before when the name was wrapped, or when it is an organ of that body
    ("LĐLĐ TỈNH CAO BẰNG / BAN CHẤP HÀNH")."""
    if not candidates:
        return None
    joined = (
        len(candidates) > 1
        and _wrapped_remainder(candidates[-1], candidates[-2])
        and fold(candidates[-1]) not in _BARE_UNIONS  # "TRƯỜNG …" / "CĐCS": that school's union
    )
    if joined:
        # a narrow cell wrapped the last name ("CÔNG TY … TP." / "HCM"): one name again, read
        # with the names above it as any other
        candidates = [*candidates[:-2], f"{candidates[-2]} {candidates[-1]}"]
    issuer = candidates[-1]
    if len(candidates) > 1 and (union := _bare_union(issuer, candidates[-2])):
        return union
    if len(candidates) > 1 and _kinds_only(candidates[-2]) and _bodies_of(issuer, candidates[-2]):
        return f"{candidates[-2]} {issuer}"  # "CÔNG ĐOÀN - ĐOÀN TN" / "TRƯỜNG THPT …": that school's
    if len(candidates) > 2 and _joint(candidates[-3:]):
        # "ỦY BAN NHÂN DÂN" / "ỦY BAN MTTQ VIỆT NAM" / "TỈNH ĐẮK LẮK": two bodies of one place
        return f"{candidates[-3].rstrip(' -–')} và {candidates[-2]} {issuer}"  # its dash is no part
    if len(candidates) > 1:
        folded = fold(issuer)
        # a name joined whole that is a place's party or youth union committee ("HUYỆN ỦY" /
        # "GIA BÌNH", "HUYỆN ĐOÀN" / "…") is no wrapped continuation of the superior above it
        own = joined and _PLACE_COMMITTEE.match(folded) is not None
        if (starts_as(folded + " ", _CONTINUATIONS) and not own) or fold(candidates[-2]) in _OFFICE_HOLDERS:
            issuer = f"{candidates[-2]} {issuer}"  # "THỦ TƯỚNG" / "CHÍNH PHỦ" is one issuer
        elif folded in ORGANS:
            body = candidates[-2]
            if len(candidates) > 2 and _CENTRAL_HEAD.match(fold(candidates[-3])):
                body = f"{candidates[-3]} {body}"  # "UỶ BAN TRUNG ƯƠNG" / "MẶT TRẬN TỔ QUỐC VIỆT NAM"
            issuer = f"{issuer} {body}"
    return issuer


# A district's committee over one of its offices ("UBND HUYỆN HIỆP HÒA" / "PHÒNG GIÁO DỤC & ĐÀO
# TẠO"): the office is named with its district, as it signs ("Phòng GD&ĐT Hiệp Hòa"). A
# province's department keeps the name it prints ("UBND TỈNH SƠN LA" / "SỞ GIÁO DỤC VÀ ĐÀO TẠO").
_DISTRICT_COMMITTEE = re.compile(
    r"^(?:ubnd|uy ban nhan dan)\s+(?:huyen|quan|thi xa|thanh pho|tp\.?)\s+(?=\S)", re.IGNORECASE
)


def _district_of(office: str, above: str) -> str | None:
    """The district's name an office of its committee is named with, printed as `above` prints it."""
    if not fold(office).startswith("phong ") or _placed(office):
        return None
    if (committee := _DISTRICT_COMMITTEE.match(fold(above))) is None:
        return None
    return above[committee.end() :].strip(" .,-") or None


# A central committee's name cut before the body it is of ("UỶ BAN TRUNG ƯƠNG" / "MẶT TRẬN TỔ
# QUỐC VIỆT NAM"): under an organ's line the two lines are that organ's body, named whole.
_CENTRAL_HEAD = re.compile(r"^(?:uy ban|hoi dong|ban chap hanh) trung uong$")


# A union named by its kind only, under the body whose union it is.
_BARE_UNIONS = {"cong doan", "cong doan co so", "cdcs", "cong doan truong", "cong doan co quan"}


def _bare_union(name: str, above: str) -> str | None:
    """“TRƯỜNG TH CAO VIÊN I” / “CÔNG ĐOÀN TRƯỜNG” is the union of that school: “CÔNG ĐOÀN
    TRƯỜNG TH CAO VIÊN I”; “CÔNG ĐOÀN CƠ SỞ” under “CÔNG TY X” is “CÔNG ĐOÀN CƠ SỞ CÔNG TY X”."""
    if fold(name) not in _BARE_UNIONS:
        return None
    words, above_words = name.split(), above.split()
    if fold(words[-1]) == fold(above_words[0]):  # the kind of body said twice
        words = words[:-1]
    return " ".join([*words, *above_words])


# A school's bodies named by their kind only, one or two joined by a dash ("CÔNG ĐOÀN - ĐOÀN TN").
_SCHOOL_BODY_KINDS = {*_BARE_UNIONS, "doan tn", "doan thanh nien", "chi doan", "lien doi"}


# Between the kinds a line names together ("CÔNG ĐOÀN – ĐOÀN THANH NIÊN").
_KIND_SEPARATOR = re.compile(r"\s*[-\u2013]\s*")


def _kinds_only(name: str) -> bool:
    """Whether a name says only the kinds of body it is, over the school whose bodies they are."""
    return all(kind in _SCHOOL_BODY_KINDS for kind in _KIND_SEPARATOR.split(fold(name)))


# The units whose union and youth union sign together under their name.
_UNITS = ("cong ty ", "tong cong ty ", "benh vien ", "nha may ", "xi nghiep ", "trung tam ")


def _bodies_of(unit: str, kinds: str) -> bool:
    """Whether the bodies a kinds-only line names are the unit's under it: a school's, or any
    unit's where the line names two bodies jointly ("CÔNG ĐOÀN – ĐOÀN THANH NIÊN" / "CÔNG TY …")."""
    joint = len(_KIND_SEPARATOR.split(kinds.strip())) > 1
    return fold(unit).startswith("truong ") or (joint and fold(unit).startswith(_UNITS))


def _placed(name: str) -> bool:
    folded = f" {fold(name)} "
    return folded.endswith(" viet nam ") or any(f" {place}" in folded for place in PLACE_HEADS)


def _joint(names: list[str]) -> bool:
    """Two unplaced names of bodies followed by the place they share (a joint document)."""
    first, second, place = names
    return (
        (fold(place) + " ").startswith(PLACE_HEADS)
        and (fold(first) + " ").startswith(NAME_HEADS)
        and (fold(second) + " ").startswith(NAME_HEADS)
        and not _placed(first)
    )


# Bodies every place has, named bare in a header that leaves the place out.
_BARE_BODIES = {
    "uy ban nhan dan": "Ủy ban nhân dân",
    "ubnd": "Ủy ban nhân dân",
    "hoi dong nhan dan": "Hội đồng nhân dân",
    "hdnd": "Hội đồng nhân dân",
}


# Bodies of a place an issuer code names, for a joint header that lost its partner's name.
_BODIES_BY_CODE = {
    "UBND": "Ủy ban nhân dân",
    "HĐND": "Hội đồng nhân dân",
    "LĐLĐ": "Liên đoàn Lao động",
    "UBMTTQ": "Ủy ban MTTQ Việt Nam",
    "MTTQ": "Ủy ban MTTQ Việt Nam",
}


# A national body whose local bodies issue under their own code: a header holding only its name
# above "Số: 730/LĐLĐ" lost the issuer's own line (a register's table cut across lines).
_NATIONAL_HEADS = {"tong lien doan lao dong", "tong lien doan lao dong viet nam"}
# A place named with its level abbreviated in the date line: "TP. Hồ Chí Minh", "TX. Sơn Tây".
_PLACE_LEVEL = re.compile(r"^(T[Pp]|T[Xx])\.\s*(.+)$")
_PLACE_LEVELS = {"TP": "thành phố", "TX": "thị xã"}


def complete_issuer(
    issuer: str | None, place: str | None, text: str, number: NumberSymbol | None = None
) -> str | None:
    """A bare "ỦY BAN NHÂN DÂN" or "HỘI ĐỒNG NHÂN DÂN" (its place left on the next line or out
    of the copy) is that body of the place in the date line, at the level the text names it
    with ("trên địa bàn tỉnh Bến Tre"; a province when the text does not say). A joint header's
    first name whose partner a site lost ("ỦY BAN NHÂN DÂN -") is completed with the bodies
    the number's codes name ("02/QC-UBND-LĐLĐ": Ủy ban nhân dân và Liên đoàn Lao động). The
    national union's name alone over a local body's number ("TỔNG LIÊN ĐOÀN LAO ĐỘNG" /
    "Số: 730/LĐLĐ") is the body that code names, of the place in the date line; over its own
    number ("134/HD-TLĐ") or none, it is the national union, "VIỆT NAM" lost with its line."""
    folded = fold(issuer or "").rstrip(" .")
    joint = folded.endswith(" -") and number is not None
    body = _BARE_BODIES.get(folded.rstrip(" -") if joint else folded)
    if folded in _NATIONAL_HEADS and number is not None and number.issuer_code in _BODIES_BY_CODE:
        body = _BODIES_BY_CODE[number.issuer_code]  # the header's own line lost under the national body's
    if issuer and folded == "tong lien doan lao dong" and body is None:
        # "VIỆT NAM" wrapped out of the copy: there is one national union, and no code says otherwise
        return f"{issuer.rstrip(' .')} {'VIỆT NAM' if is_upper(issuer) else 'Việt Nam'}"
    if not issuer or not place or body is None:
        return issuer
    if (abbreviated := _PLACE_LEVEL.match(place)) is not None:  # "TP. Hồ Chí Minh"
        level, place = _PLACE_LEVELS[abbreviated[1].upper()], abbreviated[2]
    else:
        named = re.search(
            rf"\b(tỉnh|thành phố|huyện|quận|thị xã|xã|phường|thị trấn)\s+{re.escape(place)}\b",
            text,
            re.IGNORECASE,
        )
        level = named[1].lower() if named else "tỉnh"
    if joint and number is not None:  # after the place: "TP. Cần Thơ" completes a joint header too
        codes = [_BODIES_BY_CODE.get(code) for code in number.issuer_code.split("-")]
        if len(codes) > 1 and all(codes) and codes[0] == body:
            body = " và ".join(dict.fromkeys(c for c in codes if c))
    return f"{body} {level} {place}"
