"""Text typed in the old 8-bit Vietnamese fonts, converted to Unicode. Offices still send Word
files (and PDFs printed from them) set in TCVN3/ABC fonts (".VnTime", ".VnArial"; ".VnTimeH" is
its capitals font, whose lower-case codes print as capitals) or VNI fonts ("VNI-Times"): each
letter is stored as the Latin-1 character of its 8-bit code, "Céng hoµ x· héi" (TCVN3) or
"Coäng hoøa xaõ hoäi" (VNI). The tables are written from the standards: TCVN 5712:1993 (VN3,
one byte a letter) and VNI's published Windows table (a base letter followed by a byte for its
marks)."""

import re
import unicodedata

TCVN3 = "tcvn3"
TCVN3_CAPITALS = "tcvn3-capitals"
VNI = "vni"

# The tone marks in TCVN 5712's order: grave, hook above, tilde, acute, dot below.
_TONES = "\u0300\u0309\u0303\u0301\u0323"

# TCVN 5712:1993 VN3: a vowel, the code of its bare form where it has one (a, e, i, o, u, y are
# ASCII), then its five toned forms in the order of _TONES.
_TCVN3_VOWELS = """
a  -  B5 B6 B7 B8 B9
ă  A8 BB BC BD BE C6
â  A9 C7 C8 C9 CA CB
e  -  CC CE CF D0 D1
ê  AA D2 D3 D4 D5 D6
i  -  D7 D8 DC DD DE
o  -  DF E1 E2 E3 E4
ô  AB E5 E6 E7 E8 E9
ơ  AC EA EB EC ED EE
u  -  EF F1 F2 F3 F4
ư  AD F5 F6 F7 F8 F9
y  -  FA FB FC FD FE
"""
# The letters VN3 has besides: đ and the seven capitals without tone.
_TCVN3_OTHERS = "đ AE  Ă A1  Â A2  Ê A3  Ô A4  Ơ A5  Ư A6  Đ A7"


def _tcvn3_table() -> dict[str, str]:
    table = {}
    for row in _TCVN3_VOWELS.split("\n"):
        if not row.strip():
            continue
        vowel, bare, *toned = row.split()
        if bare != "-":
            table[chr(int(bare, 16))] = vowel
        for code, tone in zip(toned, _TONES, strict=True):
            table[chr(int(code, 16))] = unicodedata.normalize("NFC", vowel + tone)
    pairs = _TCVN3_OTHERS.split()
    for letter, code in zip(pairs[::2], pairs[1::2], strict=True):
        table[chr(int(code, 16))] = letter
    return table


# VNI Windows: letters of one byte, lower-case code then capital code.
_VNI_LETTERS = "ơ F4 D4  ư F6 D6  đ F1 D1  í ED CD  ì EC CC  ỉ E6 C6  ĩ F3 D3  ị F2 D2  ỵ EE CE"
# The bytes that follow a base letter, lower-case code then capital code, and the marks they add.
_VNI_MARKS = """
F9 D9 \u0301
F8 D8 \u0300
FB DB \u0309
F5 D5 \u0303
EF CF \u0323
E2 C2 \u0302
EA CA \u0306
E1 C1 \u0302\u0301
E0 C0 \u0302\u0300
E5 C5 \u0302\u0309
E3 C3 \u0302\u0303
E4 C4 \u0302\u0323
E9 C9 \u0306\u0301
E8 C8 \u0306\u0300
FA DA \u0306\u0309
FC DC \u0306\u0303
EB CB \u0306\u0323
"""


def _vni_table() -> dict[str, str]:
    table = {}
    pairs = _VNI_LETTERS.split()
    for letter, lower, upper in zip(pairs[::3], pairs[1::3], pairs[2::3], strict=True):
        table[chr(int(lower, 16))] = letter
        table[chr(int(upper, 16))] = letter.upper()
    for row in _VNI_MARKS.strip().split("\n"):
        lower, upper, marks = row.split()
        table[chr(int(lower, 16))] = table[chr(int(upper, 16))] = marks
    return table


TABLES = {TCVN3: _tcvn3_table(), VNI: _vni_table()}
_TRANSLATIONS = {name: str.maketrans(table) for name, table in TABLES.items()}


def font_encoding(font: str | None) -> str | None:
    """The encoding a Word font's name tells: ".VnTime" TCVN3, ".VnTimeH" its capitals (a
    "VnTimeH-Bold" or "VnTime,Italic" style too), "VNI-Times" VNI; None for any other font."""
    name = (font or "").strip().lower()
    if name.startswith("vni-"):
        return VNI
    if name.startswith(".vn"):
        family = re.split(r"[-,]", name)[0]
        return TCVN3_CAPITALS if family.endswith("h") else TCVN3
    return None


def pdf_font_encoding(base_font: str | None) -> str | None:
    """The same for a PDF's font, named without the dot and after a subset tag ("ABCDEF+VnTime")."""
    name = (base_font or "").lstrip("/").split("+")[-1]
    return font_encoding(name if name.lower().startswith(("vni-", ".")) else "." + name)


def is_8bit(text: str) -> bool:
    """Every character has a Windows-1252 code: text an 8-bit font may have stored. A run named
    ".VnTime" holding "Cộng" (outside that range) was typed in Unicode and is left as it is."""
    return all(ord(c) < 0x100 or c in _CP1252_HIGH for c in text)


# What Windows-1252 prints for the codes 0x80-0x9F (curly quotes, dashes, "…").
_CP1252_HIGH = frozenset(bytes(range(0x80, 0xA0)).decode("cp1252", errors="ignore"))


def decode(text: str, encoding: str) -> str:
    """The Unicode text (NFC) of text stored in a legacy encoding; text outside the 8-bit range
    is already Unicode and is returned as it is."""
    if not is_8bit(text):
        return text
    decoded = text.translate(_TRANSLATIONS[VNI if encoding == VNI else TCVN3])
    decoded = unicodedata.normalize("NFC", decoded)
    return decoded.upper() if encoding == TCVN3_CAPITALS else decoded


def decode_runs(runs: list[tuple[str, str | None]]) -> str:
    """Runs of text, each with its font's encoding (None for a Unicode font), as Unicode. Runs of
    one encoding are joined before converting: a VNI letter's marks may be cut from it."""
    joined: list[tuple[str, str | None]] = []
    for text, encoding in runs:
        if joined and joined[-1][1] == encoding:
            joined[-1] = (joined[-1][0] + text, encoding)
        else:
            joined.append((text, encoding))
    return "".join(decode(text, encoding) if encoding else text for text, encoding in joined)


# A Vietnamese syllable once its tone is taken off: an onset, a vowel group, a final.
_SYLLABLE = re.compile(
    r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnprstvx])?"
    r"(?:[aăâeêioôơuưy]{1,3})"
    r"(?:ch|ng|nh|[cmnpt])?"
)
_WORD = re.compile(r"[^\s\d.,;:!?()\[\]\"'“”‘’/\\\-–—…*+=%<>|]+")


def is_syllable(word: str) -> bool:
    """A word that can be one Vietnamese syllable (its letters, one tone mark at most)."""
    letters = unicodedata.normalize("NFD", word.lower())
    if sum(c in _TONES for c in letters) > 1:
        return False
    bare = unicodedata.normalize("NFC", "".join(c for c in letters if c not in _TONES))
    return _SYLLABLE.fullmatch(bare) is not None


def text_encoding(text: str) -> str | None:
    """The legacy encoding a whole text was typed in, told by its words: at least 8 words, and a
    third of those with a non-ASCII letter, that read as Vietnamese syllables once converted and
    did not before ("héi" → "hội"); None for Unicode text, which has words outside the 8-bit
    range or words that are syllables already."""
    words = [w for w in _WORD.findall(text) if not w.isascii()]
    if len(words) < 8 or not is_8bit("".join(words)):
        return None
    best, best_count = None, 0
    for encoding in (TCVN3, VNI):
        count = sum(
            1 for w in words if not is_syllable(w) and all(map(is_syllable, decode(w, encoding).split()))
        )
        if count > best_count:
            best, best_count = encoding, count
    return best if best_count >= max(8, len(words) // 3) else None
