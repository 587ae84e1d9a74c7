"""The documents a document cites, each with its type, number/symbol, date and issuer as the
citing text gives them, sorted into
- bases: the instruments it rests on ("Căn cứ ...", "Thực hiện ...", "Tiếp tục thực hiện ...",
  and every other citation in its text), each with `via`: the basis in whose description it
  was cited ("Kế hoạch số 01/KH-LĐLĐ ... về việc thực hiện Chỉ thị 34-CT/TW": 34-CT/TW via
  01/KH-LĐLĐ), None when cited directly;
- proposals: the submissions it answers ("Xét đề nghị ... tại Tờ trình số ...", "Theo đề nghị
  ..."), which are not grounds of law.
Left out: the document's own number, a document the title says this one amends or replaces
("SỬA ĐỔI ... QUYẾT ĐỊNH SỐ 13/2018/QĐ-UBND"), one replaced or repealed in the text ("Điều 2.
Quyết định này thay thế Quyết định số ..."), even where it is also cited among the grounds (a
decision that replaces the regulation it first recalls), and the texts a consolidated text's note
names as merged ("Quyết định số … , được sửa đổi, bổ sung bởi:" over the amending texts, up to the
first ground). A number written twice in different capitals is one document."""

import bisect
import datetime
import re
from dataclasses import dataclass

from core.text import fold
from documents.reader.dates import DATED_FOLDED, date_from
from documents.reader.lines import fold_chars, is_upper, item_level
from documents.reader.numbers import DOCUMENT_TYPES, TYPE_CODES, NumberSymbol, find_number_symbols
from documents.reader.organisations import issuer_from_code, read_organisation


@dataclass(frozen=True)
class Basis:
    """A cited document."""

    type: str | None
    number_symbol: str
    date: datetime.date | None
    issuer: str | None
    via: str | None = None

    def as_json(self) -> dict[str, str | None]:
        return {
            "type": self.type,
            "number_symbol": self.number_symbol,
            "date": self.date.isoformat() if self.date else None,
            "issuer": self.issuer,
            "via": self.via,
        }


_TYPE_BY_FOLD = {fold(name): name for name in DOCUMENT_TYPES}
# A type name written before a number that carries no type code ("Luật ... số 06/2022/QH15");
# longest names first so "thông tư liên tịch" wins over "thông tư".
_TYPE_WORD = re.compile(
    r"\b(" + "|".join(re.escape(f) for f in sorted(_TYPE_BY_FOLD, key=len, reverse=True)) + r")\b"
)
# How far back a type name may stand from its number.
_TYPE_WINDOW = 80
# "của UBND tỉnh Cao Bằng", "do Bộ Nội vụ ban hành".
# A legacy encoding's "?" for a lost letter: "c?a", "s?" (`reader/legacy.py`).
_ISSUED_BY = re.compile(r"\s*,?\s*(?:c[u?]a|do)\s+")  # on folded letters

# How clauses open (folded): the grounds, and the submissions a decision answers.
_PROPOSAL_OPENERS = re.compile(r"^(?:xet|theo|tren co so|can cu|thuc hien)?\s*(?:de nghi|to trinh)\b")
# A submission joined to a clause that opened otherwise: "Sau khi thống nhất với …, và theo
# đề nghị của Giám đốc Sở Nội vụ tại Công văn số …" (folded, up to the number). It reaches the
# first citation after it only, and not past a ground opened after a comma (", căn cứ …").
_PROPOSAL_JOINED = re.compile(r"\bva\s+(?:xet|theo)\s+de nghi\b(?:(?![,;]\s*(?:va\s+)?can cu\b)[^;])*$")
# The act that set up the body making the submission is no submission: "Xét đề nghị của Tổ
# soạn thảo được thành lập theo Quyết định số …" (folded, before the citation, its type between).
_FOUNDED_BY = re.compile(r"\bthanh lap theo(?:\s+[a-z]+){0,4}\s*$")
_BASIS_OPENERS = re.compile(r"^(?:can cu|thuc hien|tiep tuc|trien khai|theo|xet)\b")
# A line that starts a new clause: a ground (a capitalised opener), a heading, an article or
# an item; a line merely wrapped by a web page or a PDF does not.
_LINE_OPENER = re.compile(r"^(?:[-+•]\s*)?(?:can cu|thuc hien|tiep tuc|xet|theo|tren co so)\b")
# Words that put the document cited next out of force, not under this one's grounds.
# A site may run them into the type they name ("thay thếQuyết định số …").
_GLUED_TYPE = "|".join(re.escape(fold(name)) for name in DOCUMENT_TYPES)
_REPLACES = re.compile(
    rf"\b(?:thay the|bai bo|het hieu luc|huy bo|dinh chinh)(?:\b|(?={_GLUED_TYPE}))[^;.]{{0,60}}$"
)
# The same through a long description of what is replaced and the decision it came with: "thay
# thế Quy chế … ban hành kèm theo Quyết định số …" (more than 60 characters apart).
_REPLACES_ATTACHED = re.compile(
    rf"\bthay the\b[^;.]{{0,200}}\b(?:ban hanh kem theo|ban hanh theo|kem theo)\s+(?:{_GLUED_TYPE})\s*(?:so\s*)?$"
)
# A title that amends or replaces what it names.
AMENDS = re.compile(r"\b(?:sua doi|bo sung|thay the|bai bo|huy bo|dinh chinh|het hieu luc)\b")
# A ground opened after a comma: "..., trên cơ sở Kế hoạch số ...", "; căn cứ ...".
_NEW_GROUND = re.compile(
    r"[,;] (?:va )?(?:tren co so|can cu|thuc hien|tiep tuc thuc hien|trien khai)\b[^,;]*$"
)
# A consolidated text's note ("Quyết định số … , có hiệu lực kể từ ngày …, được sửa đổi, bổ sung
# bởi:" over the amending texts, each "…, có hiệu lực kể từ ngày …"): it names the texts merged,
# not the grounds, which follow it ("Căn cứ …"). Folded, the formula closing its first paragraph.
_CONSOLIDATED = re.compile(r"\bduoc\s+sua\s+doi,?\s+bo\s+sung\s+boi\s*:[ \t]*(?:\n|$)")
# The note names the consolidated text's entry into force before the formula ("…, có hiệu lực kể
# từ ngày …, được sửa đổi, bổ sung bởi:", as the consolidation ordinance has it); a decree listed
# among the grounds with its amendments under it says no such thing. Folded.
_IN_FORCE = re.compile(r"\bco\s+hieu\s+luc\b")
# The marks a listed line opens with ("- ", "– ", "+ ", "• "), and an article ("Điều 2."), which
# a note's list never runs into.
_BULLETS = "-–—+•* \t"
_ARTICLE = re.compile(r"^Điều\s+\d", re.IGNORECASE)
# A text named with what amended it ("… Thông tư số 1 … được sửa đổi, bổ sung tại Thông tư số 2,
# Thông tư số 3 …"), folded, up to the amending text's type: the amendments stand beside it, not in
# its description.
_AMENDED_BY = re.compile(r"\bduoc sua doi(?:,?\s+bo sung)?\s+(?:tai|boi|theo)\s*:?$")
# What joins two citations of equal rank: "... và Chỉ thị số ...", "..., Kế hoạch số ...".
_COORDINATE_END = (",", ";", "&", "(")


@dataclass
class _Mention:
    number: NumberSymbol
    key: str
    start: int
    end: int  # after the date and issuer read with it
    citation: Basis
    proposal: bool
    excluded: bool
    replaced: bool = False  # amended by the title or replaced in the text: out wherever cited
    via_key: str | None = None


def _type_before(letters: str, start: int, floor: int) -> str | None:
    window = letters[max(floor, start - _TYPE_WINDOW) : start]
    names = _TYPE_WORD.findall(window)
    return _TYPE_BY_FOLD[names[-1]] if names else None


def _citation(
    text: str, letters: str, number: NumberSymbol, start: int, end: int, floor: int
) -> tuple[Basis, int]:
    """Read the type before a number and the date and issuer after it; and where they end.
    `letters` is the text folded character by character: the words around the number are
    matched there, so that scrambled tone marks ("ngàỷ", "củà") still read."""
    doc_type = number.type_name or _type_before(letters, start, floor)
    date = issuer = None
    dated = DATED_FOLDED.match(letters, end)
    if dated:
        date, end = date_from(dated), dated.end()
    issued_by = _ISSUED_BY.match(letters, end)
    if issued_by:
        found = read_organisation(text, issued_by.end())
        if found:
            issuer, end = found
    if date is None and (dated := DATED_FOLDED.match(letters, end)):
        date, end = date_from(dated), dated.end()
    return Basis(doc_type, str(number), date, issuer), end


# A document cited by its type and number alone, its date right after ("Kế hoạch số 155, ngày
# 07/7/2019 của Thành ủy …"), as a Party committee may cite one (folded letters, the type's
# words perhaps wrapped across a line; the number's span).
_BARE_NUMBER = re.compile(
    r"\b("
    + "|".join(re.escape(f).replace(r"\ ", r"\s+") for f in sorted(_TYPE_BY_FOLD, key=len, reverse=True))
    + r")\s+so\s+(\d{1,5})(?=\s*,?\s*ngay\s+\d)"
)


# A number of the old government style, its issuer's code after a dash and no slash ("Nghị định
# số 182-CP ngày 26-4-1979", "Quyết định số 217-HĐBT ngày …"): after a type and "số", before its date.
_OLD_STYLE_NUMBER = re.compile(
    r"\b("
    + "|".join(re.escape(f).replace(r"\ ", r"\s+") for f in sorted(_TYPE_BY_FOLD, key=len, reverse=True))
    + r")\s+so\s+(\d{1,5})-([a-z]{2,6})(?=\s*,?\s*ngay\s+\d)"
)


# The same with a slash, its one code a signer's that reads as another type's code ("Quyết định
# số 174/CT, ngày 19/5/1992" of the Chairman, "CT", of the Council of Ministers): a lone type
# code is no symbol ("12/KH"), unless the type named before it is another. A text that lost its
# accented letters prints "số" as "s".
_OLD_SLASHED_NUMBER = re.compile(
    r"\b("
    + "|".join(re.escape(f).replace(r"\ ", r"\s+") for f in sorted(_TYPE_BY_FOLD, key=len, reverse=True))
    + r")\s+so?\s+(\d{1,5})/([a-z]{2,6})(?=\s*,?\s*ngay\s+\d)"
)


def _bare_numbers(text: str, letters: str) -> list[tuple[NumberSymbol, int, int]]:
    """The numbers cited without a symbol, with their spans; a number a symbol follows ("số
    155/KH-UBND") is not bare, the lookahead wanting the date at once. An old style number's code
    is kept when it is printed in capitals."""
    found = [
        (NumberSymbol(bare[2], None, "", None, ""), bare.start(2), bare.end(2))
        for bare in _BARE_NUMBER.finditer(letters)
    ]
    for old in _OLD_STYLE_NUMBER.finditer(letters):
        code = text[old.start(3) : old.end(3)]
        if code.isupper():
            found.append((NumberSymbol(old[2], None, code, None, code, party=True), old.start(2), old.end(3)))
    for old in _OLD_SLASHED_NUMBER.finditer(letters):
        code = text[old.start(3) : old.end(3)]
        if code.isupper() and TYPE_CODES.get(code) not in (None, _TYPE_BY_FOLD[" ".join(old[1].split())]):
            found.append((NumberSymbol(old[2], None, code, None, code), old.start(2), old.end(3)))
    return found


def _clause_starts(text: str) -> list[int]:
    """Where clauses begin: after ";", at a sentence after ". ", at a line that opens a ground,
    a heading, an article or an item, or a capitalised line after one closed by "." or ":"
    (a line merely wrapped by a web page does not)."""
    starts = {0}
    for match in re.finditer(r";\s*|\.\s+(?=[^\W\d_])", text):
        starts.add(match.end())
    pos, ended = 0, False
    for line in text.split("\n"):
        stripped = line.lstrip()
        capital = stripped.lstrip("-+• ")[:1].isupper()
        opens = capital and (ended or _LINE_OPENER.match(fold(stripped[:30])))
        # A line in capitals is a heading; one of no letters at all ("2008)", a date's year a
        # PDF wrapped alone) is only the end of the line above.
        heading = is_upper(stripped)
        if stripped and (opens or item_level(stripped) or heading):
            starts.add(pos + len(line) - len(stripped))
        if stripped:  # a paragraph closed by ":" or "." ends its clause at the line's end
            ended = line.rstrip()[-1:] in {".", ":"}
        pos += len(line) + 1
    return sorted(starts)


def _coordinate(lead: str) -> bool:
    """Whether the words between two citations join them as equals ("và Quyết định số")
    rather than name the second inside the description of the first ("về việc thực hiện
    Chỉ thị", "của Nghị định số")."""
    folded = fold(lead)
    if _NEW_GROUND.search(" ".join(folded.split())):
        return True  # "..., trên cơ sở Kế hoạch số ...": a second ground, not a description
    folded = re.sub(r"\s*\bs[o?](?!\w)\s*:?\s*$", "", folded).rstrip()
    names = list(_TYPE_WORD.finditer(folded))
    if names and names[-1].end() == len(folded):
        folded = folded[: names[-1].start()].rstrip()
    folded = folded.rstrip(' “"')
    if _AMENDED_BY.search(folded):
        return True  # "Thông tư số 1 … được sửa đổi, bổ sung tại Thông tư số 2": the two stand together
    return folded.endswith(_COORDINATE_END) or folded.split()[-1:] in (["va"], ["hoac"]) or not folded


def find_citations(
    text: str, exclude: str | None = None, amended: tuple[int, int] | None = None
) -> tuple[list[Basis], list[Basis]]:
    """The bases and the proposals a text cites, in order of first appearance, one per
    number/symbol. `exclude` is the document's own number; `amended` the span of a title
    that amends or replaces the documents it names."""
    own = exclude.upper() if exclude else None
    starts = _clause_starts(text)
    letters = fold_chars(text)
    note = _consolidation_note(text, letters, starts)
    mentions: list[_Mention] = []
    floor = 0
    for number, start, end in sorted(
        [*find_number_symbols(text), *_bare_numbers(text, letters)], key=lambda f: f[1]
    ):
        key = str(number).upper()
        citation, cited_end = _citation(text, letters, number, start, end, floor)
        clause = starts[bisect.bisect_right(starts, start) - 1]
        opener = fold(text[clause : clause + 40]).lstrip("-+• ")
        before = fold(text[max(clause, start - 80) : start])
        previous = mentions[-1] if mentions else None
        since = max(clause, previous.end) if previous is not None else clause  # after the last citation
        replaced = (amended is not None and amended[0] <= start < amended[1]) or (
            (
                _REPLACES.search(before)
                or _REPLACES_ATTACHED.search(fold(text[max(clause, start - 260) : start]))
            )
            is not None
            and not _BASIS_OPENERS.match(opener)
        )
        mention = _Mention(
            number,
            key,
            start,
            cited_end,
            citation,
            bool(_PROPOSAL_OPENERS.match(opener) or _PROPOSAL_JOINED.search(fold(text[since:start])))
            and not _FOUNDED_BY.search(fold(text[since:start])),
            key == own or replaced or (note is not None and note[0] <= start < note[1]),
            replaced,
        )
        if previous is not None and previous.start >= clause:
            if _coordinate(text[previous.end : start]):
                mention.via_key = _coordinate_via(mentions, previous, citation.type)
            else:
                mention.via_key = previous.key
        mentions.append(mention)
        floor = end
    return _sorted_out(mentions)


def _consolidation_note(text: str, letters: str, starts: list[int]) -> tuple[int, int] | None:
    """The span of a consolidated text's note: from the clause that opens it to the first line
    after its formula that opens a ground or a heading (the texts it lists run between)."""
    formula = _CONSOLIDATED.search(letters)
    if formula is None:
        return None
    opened = starts[bisect.bisect_right(starts, formula.start()) - 1]
    if _BASIS_OPENERS.match(letters[opened : opened + 20].lstrip(_BULLETS)):
        return None  # "Căn cứ Nghị định …, được sửa đổi, bổ sung bởi:" cites a ground and its amendments
    if not _IN_FORCE.search(letters, opened, formula.start()):
        return None  # a ground listed under "Căn cứ:" naming its amendments is no note
    if text[:opened].rstrip(" \t")[-1:] not in ("", "\n"):
        return None  # the note is a paragraph of its own; "1. … Quyết định số …" is an item's
    pos = formula.end()
    for line in text[pos:].split("\n"):
        stripped = line.strip()
        opens = _LINE_OPENER.match(fold(stripped.lstrip(_BULLETS)[:30])) or _ARTICLE.match(stripped)
        if stripped and (opens or is_upper(stripped) or item_level(stripped)):
            return opened, pos
        pos += len(line) + 1
    return opened, formula.end()  # nothing after it opens a ground: the note is its own clause


def _coordinate_via(mentions: list[_Mention], previous: _Mention, doc_type: str | None) -> str | None:
    """The `via` of a citation joined as an equal to the one before it. Joined to one cited
    inside a description, it stands beside the nearest citation up that chain of its own kind:
    in "Kết luận số 1 … về tổng kết Nghị quyết số 2 … và Kết luận số 3 …" the second
    conclusion stands beside the first, while "… về thực hiện Nghị quyết số 2 và Nghị quyết
    số 3" cites both resolutions in the first one's description."""
    via = previous.via_key
    if previous.citation.type == doc_type or doc_type is None:
        return via
    by_key = {mention.key: mention for mention in mentions}
    seen: set[str] = set()
    while via is not None and via in by_key and via not in seen:
        seen.add(via)
        ancestor = by_key[via]
        if ancestor.citation.type == doc_type:
            return ancestor.via_key
        via = ancestor.via_key
    return previous.via_key


def _sorted_out(mentions: list[_Mention]) -> tuple[list[Basis], list[Basis]]:
    replaced = {mention.key for mention in mentions if mention.replaced}
    by_key: dict[str, list[_Mention]] = {}
    for mention in mentions:
        if not mention.excluded and mention.key not in replaced:
            by_key.setdefault(mention.key, []).append(mention)
    shown = {key: _display(group) for key, group in by_key.items()}
    bases, proposals = [], []
    for key, group in by_key.items():
        grounds = [m for m in group if not m.proposal]
        chosen = grounds or group
        merged = _merge([m.citation for m in chosen], chosen[0].number, shown[key])
        if grounds:
            via = grounds[0].via_key
            via_shown = shown.get(via) if via and via != key else None
            bases.append(Basis(merged.type, merged.number_symbol, merged.date, merged.issuer, via_shown))
        else:
            proposals.append(merged)
    return bases, proposals


def _display(group: list[_Mention]) -> str:
    """A number as written in running text rather than in a title set in capitals."""
    written = [str(m.number) for m in group]
    return next((w for w in written if w != w.upper()), written[0])


def find_bases(text: str, exclude: str | None = None) -> list[Basis]:
    """The bases a text cites (see find_citations)."""
    return find_citations(text, exclude)[0]


def _merge(citations: list[Basis], number: NumberSymbol, shown: str) -> Basis:
    """A document cited several times keeps its first citation that gives a date or an
    issuer, completed from later ones."""
    best = next((c for c in citations if c.date or c.issuer), citations[0])
    date = best.date or next((c.date for c in citations if c.date), None)
    issuer = best.issuer or next((c.issuer for c in citations if c.issuer), None)
    doc_type = best.type or next((c.type for c in citations if c.type), None)
    return Basis(doc_type, shown, date, issuer or issuer_from_code(number))
