"""The documents a document cites (its căn cứ and every other reference), each with
its type, number/symbol, date and issuer as the citing text gives them."""

import datetime
import re
from dataclasses import dataclass

from core.text import fold
from documents.reader.dates import DATED, date_from
from documents.reader.lines import fold_chars
from documents.reader.numbers import DOCUMENT_TYPES, NumberSymbol, find_number_symbols
from documents.reader.organisations import issuer_from_code, read_organisation


@dataclass(frozen=True)
class Basis:
    """A cited document."""

    type: str | None
    number_symbol: str
    date: datetime.date | None
    issuer: str | None

    def as_json(self) -> dict[str, str | None]:
        return {
            "type": self.type,
            "number_symbol": self.number_symbol,
            "date": self.date.isoformat() if self.date else None,
            "issuer": self.issuer,
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
_ISSUED_BY = re.compile(r"\s*,?\s*(?:của|do)\s+", re.IGNORECASE)


def _type_before(text: str, start: int, floor: int) -> str | None:
    window = fold_chars(text[max(floor, start - _TYPE_WINDOW):start])
    names = _TYPE_WORD.findall(window)
    return _TYPE_BY_FOLD[names[-1]] if names else None


def _citation(text: str, number: NumberSymbol, start: int, end: int, floor: int) -> Basis:
    """Read the type before a number and the date and issuer after it."""
    doc_type = number.type_name or _type_before(text, start, floor)
    date = issuer = None
    dated = DATED.match(text, end)
    if dated:
        date, end = date_from(dated), dated.end()
    issued_by = _ISSUED_BY.match(text, end)
    if issued_by:
        found = read_organisation(text, issued_by.end())
        if found:
            issuer, end = found
    if date is None and (dated := DATED.match(text, end)):
        date = date_from(dated)
    return Basis(doc_type, str(number), date, issuer)


def find_bases(text: str, exclude: str | None = None) -> list[Basis]:
    """Every cited document in order of first appearance, one per number/symbol; a
    document cited several times keeps its first citation that gives a date or an
    issuer, completed from later ones. `exclude` is the document's own number."""
    cited: dict[str, list[Basis]] = {}
    codes: dict[str, NumberSymbol] = {}
    floor = 0
    for number, start, end in find_number_symbols(text):
        key = str(number)
        if key != exclude:
            cited.setdefault(key, []).append(_citation(text, number, start, end, floor))
            codes.setdefault(key, number)
        floor = end
    return [_merge(citations, codes[key]) for key, citations in cited.items()]


def _merge(citations: list[Basis], number: NumberSymbol) -> Basis:
    best = next((c for c in citations if c.date or c.issuer), citations[0])
    date = best.date or next((c.date for c in citations if c.date), None)
    issuer = best.issuer or next((c.issuer for c in citations if c.issuer), None)
    doc_type = best.type or next((c.type for c in citations if c.type), None)
    return Basis(doc_type, best.number_symbol, date, issuer or issuer_from_code(number))
