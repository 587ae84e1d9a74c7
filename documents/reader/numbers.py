"""Numbers and symbols (số, ký hiệu) of Vietnamese documents, as Nghị định 30/2020/NĐ-CP
writes them for state and union bodies (08/CT-UBND, 98/2023/NĐ-CP, 06/2022/QH15) and
as the Party writes them (34-CT/TW)."""

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from core.text import normalize

__all__ = ["NumberSymbol", "TYPE_CODES", "format_number_symbol", "parse_number_symbol"]

# Abbreviations of document types, Nghị định 30/2020/NĐ-CP Appendix III, plus the
# normative types of the Law on legal documents and the Party's own ones, which the
# documents this system reads cite constantly.
TYPE_CODES: dict[str, str] = {
    "NQ": "Nghị quyết",
    "QĐ": "Quyết định",
    "CT": "Chỉ thị",
    "QC": "Quy chế",
    "QyĐ": "Quy định",
    "TC": "Thông cáo",
    "TB": "Thông báo",
    "HD": "Hướng dẫn",
    "CTr": "Chương trình",
    "KH": "Kế hoạch",
    "PA": "Phương án",
    "ĐA": "Đề án",
    "DA": "Dự án",
    "BC": "Báo cáo",
    "BB": "Biên bản",
    "TTr": "Tờ trình",
    "HĐ": "Hợp đồng",
    "CĐ": "Công điện",
    "GN": "Bản ghi nhớ",
    "TTh": "Bản thỏa thuận",
    "GUQ": "Giấy ủy quyền",
    "GM": "Giấy mời",
    "GGT": "Giấy giới thiệu",
    "GNP": "Giấy nghỉ phép",
    "PG": "Phiếu gửi",
    "PC": "Phiếu chuyển",
    "PB": "Phiếu báo",
    "SY": "Bản sao y",
    "TS": "Bản trích sao",
    "SL": "Bản sao lục",
    "CV": "Công văn",
    "NĐ": "Nghị định",
    "TT": "Thông tư",
    "TTLT": "Thông tư liên tịch",
    "NQLT": "Nghị quyết liên tịch",
    "L": "Luật",
    "PL": "Pháp lệnh",
    "KL": "Kết luận",
}

# Type names that can head a document; Công văn has no heading but is named in text.
DOCUMENT_TYPES: tuple[str, ...] = tuple(dict.fromkeys([*TYPE_CODES.values(), "Thông tri", "Lệnh"]))
# The types, longest first: "Nghị quyết liên tịch" is tried before "Nghị quyết".
TYPES_LONGEST_FIRST: list[str] = sorted(DOCUMENT_TYPES, key=len, reverse=True)

_UPPER = "A-ZĐĂÂÊÔƠƯ"
_LETTER = "A-Za-zĐđĂăÂâÊêÔôƠơƯư"
# One part of a symbol: starts upper-case, then letters/digits ("TTg", "QH15", "LĐLĐ").
# A school's code may hold a full stop before a code in capitals ("BC-TH.TTCG"); a sentence's
# full stop before a word ("UBND.Căn") still ends the symbol; two departments' codes may be
# joined by an ampersand ("2231/SNV-CCHC&PC", "BNN&PTNT"). The full stop may be typed with a
# space after it when the code ends the line ("04/ KH-THPTTX. PL"), never before a sentence.
_PART = (
    rf"[{_UPPER}][{_LETTER}0-9]{{0,11}}(?:&[{_UPPER}][{_UPPER}0-9]{{0,11}}(?![{_LETTER}]))?"
    rf"(?:\.(?:\x20(?=[{_UPPER}][{_UPPER}0-9]{{1,11}}[\x20\t]*(?:\n|$)))?"
    rf"[{_UPPER}][{_UPPER}0-9]{{1,11}}(?![{_LETTER}]))?"
)
# A department after the issuer, a word and a Roman numeral with a space ("1855/BTĐKT-Vụ II").
# An issuer's code in capitals, which alone may follow a dash typed with spaces around it.
_CAPITALS = rf"[{_UPPER}][{_UPPER}0-9]{{1,11}}(?![{_LETTER}])"
_LOWER_TONED = "a-zàáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ"
_DEPARTMENT = rf"[{_UPPER}][{_LOWER_TONED}]{{1,5}}\x20[IVX]{{1,4}}"
# Word processors turn the hyphen into an en dash or a non-breaking hyphen.
_DASH = "[-\u2010\u2011\u2013]"
_DASHES = re.compile(_DASH)

# A Party-style number typed with a space for its hyphen ("298 KH/TWĐTN"): only before a
# known type code and its slash, so that "12 người/ngày" stays text.
_SPACED_TYPE = "|".join(re.escape(code) for code in sorted(TYPE_CODES, key=len, reverse=True))

NUMBER_SYMBOL_RE = re.compile(
    rf"""
    (?<![\w/.\-^])(?<!\^\x20)              # not glued to a preceding word or number, nor
    (?P<number>\d{{1,6}}                    # after an OCR's mark for an unreadable digit: ^3
      (?:[a-z](?![{_LETTER}]))?)            # a letter for one issued beside it: 06b/NQ-TLĐ
    (?:
        \x20?/(?:\x20?(?P<year>(?:19|20)\d\d)\x20?/\x20?  # state style, year inside: 98/2023/NĐ-CP,
                                            # spaces round the year: 02 /2011/ TT-BNV, 63 / 2012 / NĐ
          |\x20(?=[{_UPPER}][{_UPPER}0-9]{{1,11}}\x20?{_DASH}))?  # after the slash, before a code
                                            # and its dash: 1294/ PGDĐT-GDTH (not "1/ Mục")
        (?P<symbol>{_PART}                  # a joint one: 01/QCPH/UBND-UBMTTQ,
          (?:/{_PART})?                     # 19/2008/NQLT/CP-UBTUMTTQVN, 03/CĐ/QC
          (?:{_DASH}\x20?(?:{_DEPARTMENT}|{_PART})     # a stray space: 65/2014/NĐ- CP,
            |\x20{_DASH}\x20?(?:{_CAPITALS}|TTg(?![{_LETTER}]))){{0,4}})  # spaces around: 39/HD - CĐN,
                                            # 2351 / QĐ - TTg
      |
        (?:{_DASH}(?:\x20(?=(?:{_SPACED_TYPE})/))?   # Party style: 34-CT/TW, 22- CT/TW,
          |\x20(?=(?:{_SPACED_TYPE})/))            # 298 KH/TWĐTN
        (?P<ptype>{_PART})
        /(?P<pissuer>{_PART}(?:{_DASH}\x20?{_PART}){{0,3}})
    )
    (?:(?![\w/\-\u2010\u2011\u2013])         # not running on into another word,
       |(?=ngày))                        # except the date typed without a space: 70-TB/TWngày
    """,
    re.VERBOSE,
)

# An optional "Số:" in front, which people paste along with the number.
_NUMBER_LABEL = re.compile(r"^(?:số|so|no)\s*[:.]?\s*", re.IGNORECASE)
# Spaces typed around separators: "15 /KH - LĐLĐ".
_SPACED_SEPARATOR = re.compile(rf"\s*(/|{_DASH})\s*")


@dataclass(frozen=True)
class NumberSymbol:
    """A parsed number/symbol; `symbol` is everything after the number (and year)."""

    number: str
    year: int | None
    symbol: str
    type_code: str | None
    issuer_code: str
    party: bool = field(default=False, compare=False)

    def __str__(self) -> str:
        if not self.symbol:  # a document cited by its number alone ("Kế hoạch số 155, ngày …")
            return self.number
        if self.party:  # Party style keeps its own punctuation
            return f"{self.number}-{self.symbol}"
        if self.year is not None:
            return f"{self.number}/{self.year}/{self.symbol}"
        return f"{self.number}/{self.symbol}"

    @property
    def type_name(self) -> str | None:
        """The Vietnamese type name the abbreviation stands for, if it is a known one."""
        if self.type_code is None:
            return None
        if self.party and self.type_code == "TT" and self.issuer_code != "LB":
            return "Thông tri"  # in Party documents TT is a thông tri; "TT/LB" a joint (liên bộ) thông tư
        return TYPE_CODES.get(self.type_code)


def fix_letters(text: str) -> str:
    """Replace the Icelandic Eth that legacy TCVN3 converters put where Đ belongs (and the
    Cyrillic Р a VISCII Đ becomes after a capital); the
    length of the text does not change, so match positions stay valid."""
    text = text.replace("\u00d0", "Đ").replace("\u00f0", "đ")
    return _CYRILLIC_D.sub("Đ", text)  # VISCII's Đ read as Windows-1251: "649/HD-TLР"


_CYRILLIC_D = re.compile(r"(?<=[A-ZĐ])\u0420")


# Codes typed without their Đ ("91/2017/ND-CP", "12/QD-UBND"): unambiguous ones are put right.
_WITHOUT_D = {
    "ND": "NĐ",
    "QD": "QĐ",
    "LDLD": "LĐLĐ",
    "TLD": "TLĐ",
    "HDND": "HĐND",
    "TDKT": "TĐKT",
    "BTDKT": "BTĐKT",
    "HDTDKT": "HĐTĐKT",
    "CDCS": "CĐCS",
    "CDVC": "CĐVC",
    "QDLT": "QĐLT",
}


# Type codes whose letters are not all capitals, as a symbol typed in capitals writes them
# ("12/TTR-UBND" is a Tờ trình); and the Prime Minister's TTg ("101/QĐ-TTG").
_MIXED_TYPES = {code.upper(): code for code in TYPE_CODES if code != code.upper()}
_MIXED_ISSUERS = {"TTG": "TTg"}


# "CĐ" before a slash is the trade union (Công đoàn) that issued, not a Công điện.
_UNION_CODES = {"CĐ", "CĐCS"}


def _type_code(code: str) -> str:
    code = _WITHOUT_D.get(code, code)
    return _MIXED_TYPES.get(code, code)


# A known code with one letter typed in small among its capitals ("15/LĐlĐ"): the capital was
# meant. A code of its own with a small letter ("GDTrH", Trung học) is kept as typed.
_SMALL_AMONG_CAPITALS = re.compile(rf"[{_UPPER}]+[a-zđ][{_UPPER}]+")
_KNOWN_CODES = {*_WITHOUT_D.values(), "UBND", "UBMTTQ", "MTTQ", "BCH", "BTV"}


def _capitals(part: str) -> str:
    known = _SMALL_AMONG_CAPITALS.fullmatch(part) and part.upper() in _KNOWN_CODES
    return part.upper() if known else part


def _parts(symbol: str) -> list[str]:
    pieces = (_capitals(p.strip().replace(". ", ".")) for p in _DASHES.split(symbol))
    parts = [_WITHOUT_D.get(part, part) for part in pieces]
    return [_type_code(parts[0])] + [_MIXED_ISSUERS.get(part, part) for part in parts[1:]]


def _from_match(match: re.Match[str]) -> NumberSymbol | None:
    number = match["number"]
    if int(number.rstrip("abcdefghijklmnopqrstuvwxyz")) == 0:
        return None
    if match["ptype"]:
        ptype = _type_code(match["ptype"])
        # The Party's codes have no Ư ("TU" is a Tỉnh ủy): a PDF font that prints U as Ư.
        issuer = "-".join(_parts(match["pissuer"])).replace("Ư", "U")
        return NumberSymbol(number, None, f"{ptype}/{issuer}", ptype, issuer, party=True)
    year = int(match["year"]) if match["year"] else None
    if "/" in match["symbol"]:  # joint: the type, then the issuers ("QCPH/UBND-UBMTTQ")
        joint_type, issuers = match["symbol"].split("/")
        if joint_type in _UNION_CODES and _type_code(issuers) in TYPE_CODES:  # the union, then
            code = _type_code(issuers)  # the type: "03/CĐ/QC"
            return NumberSymbol(number, year, f"{joint_type}/{code}", code, joint_type)
        issuer = "-".join(_parts(issuers))
        code = _type_code(joint_type)
        type_code = code if code in TYPE_CODES else None
        return NumberSymbol(number, year, f"{code}/{issuer}", type_code, issuer)
    parts = _parts(match["symbol"])
    if parts[0] in TYPE_CODES:
        if len(parts) == 1:
            return None  # "12/KH" names a type but no issuer: incomplete
        type_code, issuer = parts[0], "-".join(parts[1:])
    else:
        # Công văn and laws carry no type: 123/LĐLĐ-CSPL, 06/2022/QH15.
        type_code, issuer = None, parts[0]
    return NumberSymbol(number, year, "-".join(parts), type_code, issuer)


# A full stop typed between the number and its slash ("Số: 10./QĐ- MN").
_DOT_BEFORE_SLASH = re.compile(r"^(\d{1,6})\./")


def parse_number_symbol(text: object) -> NumberSymbol | None:
    """Parse one number/symbol string, or return None when it is not one."""
    if not isinstance(text, str):
        return None
    cleaned = _NUMBER_LABEL.sub("", fix_letters(normalize(text)))
    cleaned = _SPACED_SEPARATOR.sub(r"\1", cleaned).rstrip(".,;")
    cleaned = _DOT_BEFORE_SLASH.sub(r"\1/", cleaned)  # "10./QĐ-MN": a full stop typed after the number
    match = NUMBER_SYMBOL_RE.fullmatch(cleaned)
    return _from_match(match) if match else None


def find_number_symbols(text: str) -> Iterator[tuple[NumberSymbol, int, int]]:
    """Every number/symbol written in running (NFC) text, with its span."""
    for match in NUMBER_SYMBOL_RE.finditer(fix_letters(text)):
        parsed = _from_match(match)
        if parsed is not None:
            yield parsed, match.start(), match.end()


def format_number_symbol(
    number: int | str,
    type_code: str | None,
    issuer_code: str,
    year: int | None = None,
    *,
    party: bool = False,
) -> str:
    """The canonical text of a number/symbol. Numbers under 10 get a leading zero, as
    Nghị định 30/2020/NĐ-CP requires; a string number is kept as written."""
    text_number = f"{number:02d}" if isinstance(number, int) else str(number).strip()
    if party:
        text = f"{text_number}-{type_code}/{issuer_code}"
    else:
        symbol = f"{type_code}-{issuer_code}" if type_code else issuer_code
        text = f"{text_number}/{year}/{symbol}" if year is not None else f"{text_number}/{symbol}"
    parsed = parse_number_symbol(text)
    if parsed is None:
        raise ValueError(f"Số, ký hiệu không hợp lệ: {text}")
    return str(parsed)
