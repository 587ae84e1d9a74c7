"""Text converted from an old 8-bit Vietnamese encoding (VISCII, TCVN3 read as another code
page): every letter the conversion lost is a "?", the others lost their marks ("HU?NG D?N",
"S?:", "nam 2011"). The words a header needs to be read are put back where only one word fits;
names and titles are left as printed. Every repair keeps the text's length."""

import functools
import re

from core.text import fold
from documents.reader.numbers import DOCUMENT_TYPES

# A letter lost inside a word: "T?NG", "Vi?t".
_LOST = re.compile(r"\w\?|\?\w")
# How many such words make a text a legacy conversion rather than a question or two.
_LEGACY_WORDS = 8
_NUMBER_LABEL = re.compile(r"(?<!\w)S\?(?=\s*:)")
_YEAR = re.compile(r"(?<=\d)(\s+)nam(?=\s+\d{4}\b)")
_HEADINGS = sorted((name.upper().split() for name in DOCUMENT_TYPES), key=len, reverse=True)


def repair_legacy(text: str) -> str:
    """The number label, the year's "năm" and a type heading of a legacy conversion put back."""
    if len(_LOST.findall(text)) < _LEGACY_WORDS:
        return text
    text = _YEAR.sub(r"\1năm", _NUMBER_LABEL.sub("Số", text))
    for phrase, pattern in _MOTTOS:
        text = pattern.sub(functools.partial(_restored, phrase=phrase), text)
    return "".join(_heading(line) for line in text.splitlines(keepends=True))


def _pattern(phrase: str) -> re.Pattern[str]:
    """A phrase as a conversion may print it: each letter as it is, without its marks, or "?"."""
    parts = [r"\s+" if c == " " else f"[{re.escape(c + _base(c) + _ETH.get(c, ''))}?]" for c in phrase]
    return re.compile("".join(parts), re.IGNORECASE)


# A legacy converter prints Đ as the Icelandic Eth ("Ð?c l?p").
_ETH = {"Đ": "\u00d0", "đ": "\u00f0"}


def _base(letter: str) -> str:
    """The letter without its marks, in both cases ("Ộ": "Oo"; "Đ": "Dd")."""
    bare = fold(letter) or letter
    return bare.upper() + bare


def _restored(found: re.Match[str], phrase: str) -> str:
    """The phrase's letters in the printed text's places, its spacing kept."""
    printed = found[0]
    letters = iter(phrase.replace(" ", ""))
    restored = "".join(c if c.isspace() else next(letters) for c in printed)
    return restored if printed.isupper() == phrase.isupper() else printed


# The motto and its subtitle, which tell the header's columns apart.
_MOTTOS = [
    (phrase, _pattern(phrase))
    for phrase in (
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
    )
]


def _heading(line: str) -> str:
    """A line opening with a type's name as the conversion left it ("HU?NG D?N TH?C HI?N")."""
    words = line.split()
    for name in _HEADINGS:
        found = words[: len(name)]
        if len(found) == len(name) and "?" in "".join(found) and all(map(_fits, found, name)):
            start = len(line) - len(line.lstrip())
            end = start + len(" ".join(found))
            if line[start:end] == " ".join(found):
                return line[:start] + " ".join(name) + line[end:]
    return line


def starts_as(folded: str, prefixes: tuple[str, ...]) -> bool:
    """A folded line starts with one of the folded prefixes, a "?" standing for any letter
    ("t?nh binh d?nh" starts as "tinh ")."""
    return any(
        len(folded) >= len(prefix) and all(a in ("?", b) for a, b in zip(folded, prefix, strict=False))
        for prefix in prefixes
    )


def _fits(printed: str, word: str) -> bool:
    """A printed word is the word when it has its length and its letters, a "?" for any."""
    return len(printed) == len(word) and all(
        p == "?" or fold(p) == fold(w) for p, w in zip(printed, word, strict=True)
    )
