"""Read a whole document: put the header, heading, summary, content, citations and
recipients together into one Extraction, with warnings for what is missing."""

import dataclasses
import datetime
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from django.utils.translation import gettext as _

from core.text import fold
from documents.reader.body import (
    body_end,
    capital_title,
    find_date_line,
    find_heading,
    find_theme,
    header_end,
    lead_opens,
    read_authority,
    read_items,
    read_named_opening,
    read_title,
)
from documents.reader.citations import AMENDS, Basis, find_citations
from documents.reader.docx_text import docx_text
from documents.reader.errors import ReaderError
from documents.reader.header import SUMMARY_LABEL, Header, complete_issuer, read_header
from documents.reader.issuer_in_text import (
    LEFT_BLANK,
    NOTE_LINES,
    PLACEHOLDER,
    REGULATIONS,
    issuing_note,
    issuing_note_date,
    resolved_by,
    signed_for,
    type_it_makes,
    with_its_place,
)
from documents.reader.lines import (
    VI_UPPER,
    Line,
    is_upper,
    item_level,
    sentence_heading,
    sets_motto,
    split_heading,
    split_lines,
    type_heading,
)
from documents.reader.lost_letters import as_printed, letters_lost, restore_structure
from documents.reader.numbers import NUMBER_SYMBOL_RE, TYPE_CODES
from documents.reader.organisations import (
    issuer_from_code,
    named_in_full,
    school_union_named,
    self_named_in,
    with_place,
)
from documents.reader.pdf_text import pdf_text
from documents.reader.recipients import find_recipients, read_recipients
from documents.reader.register import Register, read_register
from documents.reader.unheaded import body_signed_for, extract_of, own_number, without_office

__all__ = ["Basis", "Extraction", "read_docx", "read_pdf", "read_text"]

# How far into a body a body naming itself as author is looked for, in its first section.
_SELF_NAMED_LINES = 40
# A register's line naming its document again is short: "thuộc tính Quyết định 12/QĐ-TLĐ".
_ATTRIBUTE_WORDS = 8
# A letter without header puts "Kính gửi: …" under at most a line or two of summary.
_ADDRESS_LINES = 3
_ADDRESSED = re.compile(r"kinh gui\b")
# A heading's type word used as a verb, its object after it ("HƯỚNG DẪN VIỆC TỔ CHỨC …", "… THI
# HÀNH …"): the line is a summary, not the heading of a document of that type. Folded.
_VERB_OBJECT = re.compile(r"(?:viec|thi hanh|thuc hien)\b")
# The motto's "Đ" a cell cut off ("Đ" / "ộc lập …"), left standing before a name in capitals (a
# real one-letter word may open a wrapped name: "Y TẾ BÌNH ĐỊNH").
_STRAY_CAPITAL = re.compile(rf"^Đ\s+(?=[{VI_UPPER}]{{2}})")
# A sharing site's page mark where the header's left cell was ("Trang 1***").
_PAGE_MARK = re.compile(r"Trang\s+\d+\W*")
# A news site's time stamp above the text ("04/10/2013 10:15:22"): no date of the document.
_POST_STAMP = re.compile(
    r"^\d{1,2}[/.-]\d{1,2}[/.-]\d{4}\s*[-|,]?\s*\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AaPp][Mm])?$"
)


@dataclass
class Extraction:
    """The structure of one document; None or empty where the text does not say."""

    type: str | None = None
    title: str | None = None
    number_symbol: str | None = None
    date: datetime.date | None = None
    issuer: str | None = None
    theme: str | None = None
    bases: list[Basis] = field(default_factory=list)
    proposals: list[Basis] = field(default_factory=list)
    items: list[str] = field(default_factory=list)
    recipients: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    # printed before the date (“Cao Bằng, ngày …”); for the review form, not one of the JSON's keys
    place: str | None = None

    def as_json(self) -> dict[str, Any]:
        """A JSON-ready dict (ISO dates); warnings are left out, they are for people."""
        return {
            "type": self.type,
            "title": self.title,
            "number_symbol": self.number_symbol,
            "date": self.date.isoformat() if self.date else None,
            "issuer": self.issuer,
            "theme": self.theme,
            "bases": [basis.as_json() for basis in self.bases],
            "proposals": [proposal.as_json() for proposal in self.proposals],
            "items": list(self.items),
            "recipients": list(self.recipients),
        }


# A headerless notice's summary under its announcing line: "Về việc lấy ý kiến …".
_ABOUT = re.compile(r"Về việc\s+\S")


def read_text(text: str) -> Extraction:
    """Read a document from its text (pasted, exported or extracted from Word)."""
    if not isinstance(text, str):
        raise ReaderError(_("The document's structure was not recognised: the content is not text."))
    if letters_lost(text):  # read on the structure's words put back, returned as printed
        result = _as_printed(_read_text(restore_structure(text)))
        result.warnings.insert(
            0,
            _(
                "This text has lost every accented letter (“QUYT NH” for “QUYẾT ĐỊNH”): the fields "
                "keep the words as printed. Correct the summary, the issuer and the other names "
                "before saving."
            ),
        )
        return result
    return _read_text(text)


def _as_printed(result: Extraction) -> Extraction:
    """Every text read from a letters-lost text's restored words, as the document prints it."""
    for name in ("title", "number_symbol", "issuer", "theme", "place"):
        if (value := getattr(result, name)) is not None:
            setattr(result, name, as_printed(value))
    result.bases = [_basis_as_printed(basis) for basis in result.bases]
    result.proposals = [_basis_as_printed(proposal) for proposal in result.proposals]
    result.items = [as_printed(item) for item in result.items]
    result.recipients = [as_printed(recipient) for recipient in result.recipients]
    return result


def _basis_as_printed(basis: Basis) -> Basis:
    return dataclasses.replace(
        basis,
        number_symbol=as_printed(basis.number_symbol),
        issuer=as_printed(basis.issuer) if basis.issuer else basis.issuer,
        via=as_printed(basis.via) if basis.via else basis.via,
    )


def _read_text(text: str) -> Extraction:
    lines = split_lines(text)
    while len(lines) > 1 and _POST_STAMP.match(lines[0].text):  # when a site posted it
        lines = lines[1:]
    if not lines:
        raise ReaderError(_("The document's structure was not recognised: the document is empty."))
    result = Extraction()
    register = read_register(lines)
    if register is not None:  # a legal database's labelled fields, read apart from the text
        lines = register.document_lines() or lines
    heading = find_heading(lines)
    header_at = heading if heading is not None else header_end(lines)
    first = 1  # the first line, with the lines a PDF or a narrow page wrapped it onto
    capitals = is_upper(lines[0].text)  # a first line in capitals wraps onto capitals
    while first < len(lines) and not _names_again(lines[0].text, lines[first].text):
        if lines[first].text[:1].islower() or (capitals and is_upper(lines[first].text)):
            first += 1
        elif lines[first - 1].text.endswith((" -", " \u2013")):  # "… Kinh tế -" / "ĐHQGHN": cut at a dash
            first += 1
        elif (closed := _bracket_closed(lines, first)) is not None:  # "(20/11/1982 –" / "20/11/2022)"
            first = closed
        else:
            break
    opening_text = " ".join(line.text for line in lines[:first])
    opening = None
    if heading is None and header_end(lines[:first]) == 0:
        # A first line that names its document is no header, whatever the grounds under it
        # look like ("…, ngày 24/01/2025 của …" is a citation's date, not the date line).
        opening = read_named_opening(opening_text)
        header_at = 0 if opening is not None else header_at
    header = read_header(lines[:header_at])
    result.warnings.extend(header.warnings)
    if header.issuer:  # a letter a cell broke off its motto ("Đ" / "ộc lập"), set before the name
        header.issuer = _STRAY_CAPITAL.sub("", header.issuer)
    if header.issuer and (_GROUND.match(fold(header.issuer)) or _PAGE_MARK.fullmatch(header.issuer)):
        header.issuer = None  # a site's summary above the text ends with a ground; its page mark, no name
    title_at = header_at
    if opening is not None:  # "Hướng dẫn số 1803/HD-TLĐ ngày … của … hướng dẫn …"
        header.number, header.date = opening.number, header.date or opening.date
        header.issuer = header.issuer or opening.issuer
        result.type, result.title, start = opening.type, opening.title, first
    elif heading is not None:
        result.type, run_on = split_heading(lines[heading].text, first=heading == 0)
        if result.type is None:  # "Báo cáo sơ kết học kì I" where the header ends
            result.type, run_on = sentence_heading(lines[heading].text)
        result.type = result.type or type_heading(lines[heading].text)
        numbered = header.number.type_name if header.number else None
        if (
            run_on
            and numbered
            and result.type
            and numbered != result.type
            and lines[heading].text == lines[heading].text.upper()
            and _VERB_OBJECT.match(fold(run_on))
        ):
            # "HƯỚNG DẪN VIỆC …" under "Số: 002-TT/LB": no heading, the summary in its place opens
            # with a verb that names a type; the number says the type, the line is all summary
            result.type, run_on = numbered, lines[heading].text
        title_at = heading + 1
        if run_on:  # a post's title printing the heading again, and the signature moved above
            while title_at < len(lines) and lines[title_at].text == lines[heading].text:
                title_at += 1
            if title_at < len(lines) and _SIGNATURE_ABOVE.match(lines[title_at].text):
                title_at += 1
        result.title, start = read_title(lines, title_at)
        if result.title:  # "TỜ TRÌNH" / "V/v đề nghị …": the label opens the summary, it is none of it
            result.title = SUMMARY_LABEL.sub("", result.title) or None
        if run_on and result.title and _GROUND.match(fold(result.title)):
            result.title, start = None, title_at  # the heading held the title; a ground opens the body
        elif (
            run_on
            and result.title
            and is_upper(run_on)
            and not is_upper(result.title)
            and (lead_at := lead_opens(lines, title_at, start)) is not None
        ):
            # "QUI CHẾ …" / "Ban chấp hành … như sau :": the lead is the body's, a subtitle above it the title's
            result.title = read_title(lines[:lead_at], title_at)[0] if lead_at > title_at else None
            start = lead_at
        if run_on:  # "QUYẾT ĐỊNH Về việc ..." on one line, as web copies print it
            result.title = f"{run_on} {result.title}" if result.title else run_on
        if header.number is None and header.date is None:
            below, start = _header_below(lines, start, header)
            if below is not header:
                result.warnings.extend(below.warnings)
                header = below
    elif header_at == 0 and header.number is None and (coded := _coded_post_title(lines[0].text)):
        result.type, result.title = coded  # "TB - Khen thưởng …": a post titled by its type's code
        start = 1
    elif header.summary:
        result.title, start = header.summary, header_at
        result.type = "Công văn"  # only a Công văn puts "V/v ..." under its number
    else:
        result.title, start = (
            read_title(lines, header_at)
            if header_at < len(lines) and capital_title(lines[header_at].text)
            else (None, header_at)
        )
        if header.number is not None and header.number.type_name is not None:
            result.type = header.number.type_name
        elif (letter := _addressed_at(lines, header_at)) is not None:
            # No heading and no type in the number ("Số: 730/LĐLĐ", or none): a text addressed
            # "Kính gửi: …" is a letter, its summary above.
            above = " ".join(line.text for line in lines[header_at:letter])
            result.type, result.title = "Công văn", result.title or above or None
            start = max(start, letter)
    authority, start = read_authority(lines, start)
    result.number_symbol = str(header.number) if header.number else None
    place = header.place
    if header.date is None:
        result.date, place = find_date_line(lines[start:])
        place = header.place or place
    else:
        result.date = header.date
    result.place = place or None

    end = body_end(lines, start)
    result.items, preamble = read_items(lines[start:end])
    preamble_text = " ".join(preamble)  # its lines run together, across the ends a PDF wrapped
    after_body = "\n".join(line.text for line in lines[end:])
    if header.number is None and result.type == "Quyết định" and result.number_symbol is None:
        # no number of its own: the issuing note of the text it attaches may name it
        if own := own_number("\n".join(line.text for line in lines[start:end]), after_body):
            result.number_symbol, result.date = own[0], result.date or own[1]
    if (
        header.number is None
        and result.number_symbol is None
        and not (register and register.number)
        and lines
        and (extract := extract_of(lines[-1].text))
        and result.type in {None, extract[0]}  # a plan's note naming a notice: its source, not it
        and not (result.date and extract[2] and result.date != extract[2])  # nor one of another day
    ):
        # "(Trích thông báo số …)" closing a post: the notice it is taken from is this text
        extract_type, result.number_symbol, extract_date = extract
        result.type, result.date = result.type or extract_type, result.date or extract_date
        if result.title is None and header_at < len(lines) and _ABOUT.match(lines[header_at].text):
            result.title = lines[header_at].text  # its subject line first, as a notice prints it
    if header.issuer is None:  # "CHỦ TỊCH CĐCS …" signing "TM. BCH …", a committee's chairman: the body
        authority = body_signed_for(authority, after_body, result.type == "Quyết định") or authority
    recipients_at = find_recipients(lines, start)
    if recipients_at is not None:
        result.recipients = read_recipients(lines, recipients_at)

    full_text = "\n".join(line.text for line in lines)
    result.theme = find_theme(full_text)
    result.bases, result.proposals = find_citations(
        full_text, exclude=result.number_symbol, amended=_amended_span(lines, title_at, start, result.title)
    )
    result.issuer = complete_issuer(_issuer(header.issuer, authority), place, full_text, header.number)
    if result.issuer and (fuller := named_in_full(result.issuer, preamble_text)):
        # "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO" over "Phòng … Thanh Chương hướng dẫn …"; "… huyện" of its place
        result.issuer = with_place(fuller, place)
    elif result.issuer and result.issuer == header.issuer and header.district:
        result.issuer = f"{result.issuer} {header.district}"  # "UBND HUYỆN X" / "PHÒNG …": Phòng … X
    # A sample's header leaves its name to be filled in: the names its text gives in passing
    # ("HOẠT ĐỘNG CÔNG ĐOÀN CƠ SỞ TRƯỜNG TIỂU HỌC …….") are as blank, none is the issuer.
    sample = bool(result.issuer and LEFT_BLANK.search(result.issuer))
    if result.issuer and (PLACEHOLDER.match(fold(result.issuer).strip(" .:\u2026")) or sample):
        result.issuer = None  # a blank form's label, or a name left as dots to be filled in
    if result.issuer is None:
        result.issuer = issuing_note(lines[title_at : start + NOTE_LINES])
    if result.date is None and result.type in REGULATIONS:
        # a regulation issued with a decision and printing no date of its own: the decision's day
        result.date = issuing_note_date(lines[title_at : start + NOTE_LINES])
    # Without a header, the body may name itself in its preamble or under its first heading.
    named_in_text = False
    opening_lines = _first_section(lines[start:end])
    if (
        result.issuer is None
        and not sample
        and (
            named := self_named_in(
                [
                    "\n".join(preamble),
                    "\n".join(opening_lines),
                    preamble_text,  # a name wrapped across a PDF's line end
                    "\n".join(line.text for line in lines[:header_at]),  # a site's summary
                ],
                after_body,
            )
        )
    ):
        result.issuer = with_its_place(named, full_text)
        named_in_text = True
        result.type = result.type or type_it_makes(preamble_text, named)
        if result.type is None and result.title is None and preamble and header_at == 1:
            # "<body> thông báo:" alone on the first line, over "Về việc …": the notice's summary
            if type_it_makes(lines[0].text, named) == "Thông báo" and _ABOUT.match(preamble[0]):
                # one line a PDF wrapped (ending in a letter, the next opening in small letters): a
                # narrower test than a title's under its heading (body.read_title), which would take
                # a short line under it too ("- Tập thể …") and the lines after
                wrapped = len(preamble) > 1 and preamble[1][:1].islower() and preamble[0][-1:].isalpha()
                title = f"{preamble[0]} {preamble[1]}" if wrapped else preamble[0]
                result.type, result.title = "Thông báo", title
        result.warnings.append(_taken_from_text(named))
    if result.type is None and not sample and (named := resolved_by(preamble_text)):
        result.type = "Nghị quyết"  # a resolution reposted without its heading: "<body> quyết nghị:"
        if result.issuer is None:
            result.issuer = named
            named_in_text = True
            result.warnings.append(_taken_from_text(named))
    if (
        result.issuer is None
        and not sample
        and (
            named := school_union_named(result.title or "")
            or school_union_named(_first_sentence(preamble_text))
        )
    ):
        result.issuer = named  # a school's union posting its own paper names itself in passing
        result.warnings.append(_taken_from_text(named))
    if result.issuer is None and not sample and (signed := signed_for(lines[end:])):
        result.issuer = signed  # "TM. BAN CHẤP HÀNH CÔNG ĐOÀN …": a text without header signed for its body
        named_in_text = True
        result.warnings.append(_taken_from_text(signed))
    if register is not None:
        if named_in_text and register.issuer:  # the register's field says it; the text only in passing
            result.issuer = None
            result.warnings.pop()  # the warning that it was taken from the text
        _take_register(result, register)
    if not (
        result.type or result.number_symbol or result.items or result.bases or _untyped_heading(result.title)
    ):
        raise ReaderError(
            _(
                "The document's structure was not recognised: no type, number/symbol, numbered items "
                "or cited documents were found."
            )
        )
    result.warnings.extend(_missing(result))
    return result


# A post titled by its type's code and a dash: "TB - Khen thưởng …", "KH - Tổ chức …". Only codes
# no body's name is abbreviated to ("CĐ" is a union as often as a Công điện).
_POST_CODES = ("TB", "KH", "HD", "BC", "QĐ", "TTr", "CTr", "GM")
_CODED_TITLE = re.compile(rf"^({'|'.join(_POST_CODES)})\s*[-\u2013]\s+(?=[{VI_UPPER}])(.+)$")
_CODED_TITLE_WORDS = 30


def _coded_post_title(text: str) -> tuple[str, str] | None:
    """The type and title of a first line that is a post's title opening with its type's code
    ("TB - Khen thưởng công tác Đoàn …"); None for any other line (a sentence, a long one)."""
    match = _CODED_TITLE.match(text.strip())
    if match is None or len(match[2].split()) > _CODED_TITLE_WORDS or match[2].rstrip().endswith((":", ".")):
        return None
    return TYPE_CODES[match[1]], match[2].strip()


def _taken_from_text(name: str) -> str:
    """The warning for an issuer found in the text, not at the document's head."""
    return _(
        "No issuing body is named at the head of the document; it was taken from the text: “%(name)s”."
    ) % {"name": name}


# Headings of kinds the project has no type for, an outline ("ĐỀ CƯƠNG TUYÊN TRUYỀN …") or an
# appeal ("LỜI KÊU GỌI …"), folded: a text headed so is a document whose type is left empty.
_UNTYPED_KIND = re.compile(r"^(?:de cuong|loi keu goi)\b")


def _untyped_heading(title: str | None) -> bool:
    """Whether the title opens with a heading, in capitals, of a kind the project has no type for."""
    return (
        bool(title)
        and is_upper(" ".join((title or "").split()[:2]))
        and bool(_UNTYPED_KIND.match(fold(title or "")))
    )


def _addressed_at(lines: list[Line], first: int) -> int | None:
    """The "Kính gửi" line among the first lines of a text without header, if any."""
    for at in range(first, min(first + _ADDRESS_LINES, len(lines))):
        if _ADDRESSED.match(fold(lines[at].text)):
            return at
    return None


def _header_below(lines: list[Line], start: int, header: Header) -> tuple[Header, int]:
    """A header set under the heading and title (a post that put its heading first, or a Word
    file whose header table came after them): read there when nothing above gave a number or a
    date; the body starts after it."""
    below = header_end(lines[start:])
    block = lines[start : start + below]
    if not below or not sets_motto([line.text for line in block]):  # only a header bears the motto
        return header, start
    late = read_header(block)
    if late.number is None and late.date is None:
        return header, start
    return late, start + below


# A dotted abbreviation inside a sentence: a city, town, district or ward ("TP. Hồ Chí Minh",
# "TX.", "TT.", "Q. 3", "P. 5", "H.", "X.") or a degree ("ThS.", "TS.", "PGS.", "GS.").
_ABBREVIATION = re.compile(r"(?:^|(?<=[\s(,]))(?:TP|Tp|TX|TT|Q|P|H|X|ThS|TS|PGS|GS)\.$")


def _first_sentence(text: str) -> str:
    """The first sentence of a preamble (its lines run together, across the ends a PDF wrapped);
    a dotted abbreviation does not end it."""
    for end in re.finditer(r"(?<=[.:;])\s", text):
        if not _ABBREVIATION.search(text[: end.start()]):
            return text[: end.start()]
    return text


def _open_bracket(text: str) -> bool:
    """Whether a line stops inside brackets it opened, so that the next line goes on with it."""
    return text.count("(") > text.count(")")


# How many more lines a bracket left open in the first lines may run onto.
_BRACKET_LINES = 2


def _bracket_closed(lines: list[Line], first: int) -> int | None:
    """Where the first lines end when they stop inside a bracket that a line within the next
    two closes; a bracket never closed there (a stray "(") takes no body with it."""
    if not _open_bracket(" ".join(line.text for line in lines[:first])):
        return None
    for end in range(first + 1, min(first + _BRACKET_LINES, len(lines)) + 1):
        if not _open_bracket(" ".join(line.text for line in lines[:end])):
            return end
    return None


def _names_again(first: str, line: str) -> bool:
    """A register's short line naming the document of its heading again ("thuộc tính Quyết định
    12/QĐ-TLĐ") is no more of that heading."""
    own = NUMBER_SYMBOL_RE.search(first)
    return own is not None and own[0] in line and len(line.split()) <= _ATTRIBUTE_WORDS


def _first_section(lines: list[Line]) -> list[str]:
    """The lines of a body up to its second heading of the first heading's level."""
    out: list[str] = []
    level = None
    for line in lines[:_SELF_NAMED_LINES]:
        found = item_level(line.text)
        if found is not None and level is None:
            level = found
        elif found is not None and found == level:
            break
        out.append(line.text)
    return out


def _take_register(result: Extraction, register: Register) -> None:
    """The register's fields fill what the text itself does not say; its number is no basis."""
    if register.number is not None:
        result.number_symbol = result.number_symbol or str(register.number)
        own = str(register.number).upper()
        result.bases = [basis for basis in result.bases if basis.number_symbol.upper() != own]
    by_number = register.number.type_name if register.number else None
    result.type = result.type or register.type or by_number
    # A register that names no body: a national code says who issued ("06/2022/QH15").
    by_code = issuer_from_code(register.number) if register.number else None
    result.issuer = result.issuer or register.issuer or by_code
    result.date = result.date or register.date
    result.title = result.title or register.summary()


# A signature a site moved above the text, under the heading: "TM/BCH CHỦ TỊCH …", "TM. BCH …".
_SIGNATURE_ABOVE = re.compile(r"^(?:TM|KT|T/M)\s*[./]\s*[A-ZĐ]{2,}\b")
# A ground ("Căn cứ …", "Thực hiện …", "Theo …"), which names no issuer.
_GROUND = re.compile(r"^(?:can cu|thuc hien|tiep tuc thuc hien|theo)\b")


def _issuer(header: str | None, authority: str | None) -> str | None:
    """The issuer block's name, or the authority line under the title when the block gives
    none or only the start of it ("ỦY BAN NHÂN DÂN" / "ỦY BAN NHÂN DÂN TỈNH HẬU GIANG",
    "HỘI ĐỒNG TRUNG ƯƠNG" / "HỘI ĐỒNG TRUNG ƯƠNG ĐỘI TNTP HỒ CHÍ MINH")."""
    if authority and (header is None or _fuller(authority, header)):
        return authority
    if header and authority and (body := without_office(authority)) and _fuller(body, header):
        return body  # "SỞ NỘI VỤ" / "GIÁM ĐỐC SỞ NỘI VỤ TỈNH X": the department named in full
    return header


def _fuller(name: str, header: str) -> bool:
    return fold(name).startswith(fold(header)) and len(name) > len(header)


def _amended_span(lines: list[Line], first: int, end: int, title: str | None) -> tuple[int, int] | None:
    """The span of the title in the joined text when it amends or replaces what it names."""
    if not title or not AMENDS.search(fold(title)) or end <= first:
        return None
    offset = sum(len(line.text) + 1 for line in lines[:first])
    return offset, offset + sum(len(line.text) + 1 for line in lines[first:end])


def _missing(result: Extraction) -> list[str]:
    """Warnings (translated) for each part the document does not have."""
    checks = [
        (result.type, _("No document type found (such as “KẾ HOẠCH”, “QUYẾT ĐỊNH”).")),
        (result.title, _("No summary of the document's content found.")),
        (result.number_symbol, _("No number and symbol found (the line “Số: ...”).")),
        (result.date, _("No place and date of issue found.")),
        (result.issuer, _("No issuing body or organisation found.")),
        (result.theme, _("No theme found (in quotation marks after the word “chủ đề”).")),
        (result.bases, _("No cited document found (grounds).")),
        (result.items, _("No numbered content items found.")),
        (result.recipients, _("No “Nơi nhận” section found.")),
    ]
    warnings = [message for found, message in checks if not found]
    warnings.extend(
        _("Document %(number)s is cited without its date of issue.") % {"number": basis.number_symbol}
        for basis in result.bases
        if basis.date is None
    )
    return warnings


def read_pdf(data: bytes) -> Extraction:
    """Read a PDF: its text layer, or what OCR reads in a scan."""
    return read_text(pdf_text(data))


def read_docx(file_or_path: str | Path | bytes | IO[bytes]) -> Extraction:
    """Read a .docx file: its paragraphs and table cells in document order."""
    return read_text(docx_text(file_or_path))
