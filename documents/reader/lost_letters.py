"""Text whose Vietnamese letters were lost, not only their marks: a broken conversion deleted
every letter outside ASCII ("QUYT NH" for "QUYẾT ĐỊNH", "Cn c" for "Căn cứ", "ngy 24 thng 11
nm 2016", "iu 1." for "Điều 1."). No pattern of the reader matches such a text, so the words
its structure needs (types, labels, grounds, articles, the motto, the date) are put back where
their skeleton, the word with every non-ASCII letter removed, stands; the reader reads the
restored text, and every text it returns is brought back to the print by removing again every
non-ASCII letter, which is exact because the printed text had none."""

import re

from documents.reader.numbers import DOCUMENT_TYPES
from documents.reader.organisations import NAME_PAIRS

# The structure's words, in small letters but where a word's capital is the one letter lost
# ("iu 1." is "Điều 1."); "#" is a number ("24", "19/05/1992").
# Only words that say where a part starts or what a line is: names and titles stay as printed.
_STRUCTURE = (
    *(name.lower() for name in DOCUMENT_TYPES),
    "Số:",  # the header's label; a citation's "s: 06/HD-…" in the body stays as printed
    "ngày # tháng # năm #",
    "ngày #",
    "tháng # năm #",
    "năm #",
    "căn cứ vào",
    "căn cứ",
    "thực hiện",
    "xét đề nghị",
    "theo đề nghị",
    "thành lập theo",
    "Điều #",
    "nơi nhận",
    "kính gửi",
    "về việc",
    "của",
    "lưu",
    "hiệu trưởng",
    "chủ tịch",
    "giám đốc",
    "bộ trưởng",
    "thủ tướng",
    "trường đại học",
    "trường cao đẳng",
    "trường trung học",
    "cộng hòa xã hội chủ nghĩa việt nam",
    "cộng hoà xã hội chủ nghĩa việt nam",
    "Độc lập - Tự do - Hạnh phúc",
)

# The pairs of words in bodies' names the reader knows (`organisations.NAME_PAIRS`, with their
# marks) and "việt nam": a name's words are put back pair by pair ("Chnh ph", "Quc hi"), so the
# name rules see a name. Pairs that are no words on their own ("hệ lao", "sát nhân") are left out.
_NOT_RESTORED = {
    ("sát", "nhân"),
    ("án", "nhân"),
    ("hệ", "lao"),
    ("đoàn", "lao"),
    ("đẳng", "nghề"),
    ("ban", "chấp"),
}
_RESTORED_PAIRS = (*(pair for pair in NAME_PAIRS if pair not in _NOT_RESTORED), ("việt", "nam"))


def _pairs() -> dict[tuple[str, str], tuple[str, str]]:
    """Each pair by its skeletons; a pair whose skeletons another pair shares, or that lost no
    letter, is left out."""
    found: dict[tuple[str, str], list[tuple[str, str]]] = {}
    for first, second in _RESTORED_PAIRS:
        key = (_skeleton(first), _skeleton(second))
        if all(key) and key != (first, second):
            found.setdefault(key, []).append((first, second))
    return {key: words[0] for key, words in found.items() if len(words) == 1}


# A lost letter inside a word at times leaves a stray bracket behind ("NGH(A" for "NGHĨA").
_STRAY = "[()]?"
_NUMBER = r"\d[^\s,;]*"
# A word's skeletons that no plain-ASCII word shares ("ngy", "thng", "iu"): how a text is
# told from one typed without marks ("ngay", "thang") or in another language.
_MARKERS = frozenset(
    {
        "ngy",
        "thng",
        "nm",
        "cn",
        "iu",
        "nhn",
        "quyt",
        "nh",
        "vic",
        "knh",
        "gi",
        "hng",
        "dn",
        "hoch",
        "lut",
        "ngh",
        "cng",
        "hi",
        "lp",
        "hnh",
        "phc",
        "vit",
    }
)
# How many different markers make a text letters-lost rather than an abbreviation or two.
_LETTERS_LOST_MARKERS = 6
_WORD = re.compile(r"[A-Za-z]+")
_WORD_LETTERS = re.compile(r"[A-Za-z]")
# A phrase of this many words is no word's end, so it may follow a word without a space: the
# motto run into the symbol before it ("… - HCCNG HO X HI").
_GLUED_WORDS = 5
_WORD_START = r"(?<![\w/])"


def _skeleton(word: str) -> str:
    return "".join(c for c in word if c.isascii())


def _word_pattern(word: str) -> str:
    """A word as a letters-lost text prints it: its ASCII letters, a lost letter as nothing
    or a stray bracket; a word that keeps no letter ("Đ", "ở") may be missing."""
    if word == "#":
        return _NUMBER
    inner = range(1, len(word) - 1)
    return "".join(
        re.escape(c) if c.isascii() else _STRAY if at in inner else "" for at, c in enumerate(word)
    )


def _phrase_pattern(phrase: str, groups: bool = False) -> str:
    """The phrase's pattern; with groups, each word and the space after it captured."""
    pattern = ""
    for word in phrase.split():
        vanishes = not any(c.isascii() and c.isalnum() for c in word) and word != "#"
        space = r"\s*" if vanishes or word == "-" else r"\s+"
        if groups:
            pattern += f"((?:{_word_pattern(word)}){'?' if vanishes else ''})({space})"
        elif vanishes:  # nothing left of it: it may be missing
            pattern += rf"(?:{_word_pattern(word)}{space})?"
        else:
            pattern += _word_pattern(word) + space
    return pattern.removesuffix(r"(\s+)").removesuffix(r"(\s*)").removesuffix(r"\s+").removesuffix(r"\s*")


# A phrase of one letter left ("đề án": "n") would be found everywhere, unless a number or a
# colon holds it ("S: 1046").
_PHRASES = sorted(
    (p for p in _STRUCTURE if len(_WORD_LETTERS.findall(_skeleton(p))) >= 2 or "#" in p or ":" in p),
    key=lambda phrase: len(_skeleton(phrase)),
    reverse=True,
)
_PARTS = [re.compile(_phrase_pattern(p, groups=True), re.IGNORECASE) for p in _PHRASES]
_RESTORE = re.compile(
    "|".join(
        rf"(?P<p{i}>{'' if len(p.split()) >= _GLUED_WORDS else _WORD_START}{_phrase_pattern(p)}(?!\w))"
        for i, p in enumerate(_PHRASES)
    ),
    re.IGNORECASE,
)


def letters_lost(text: str) -> bool:
    """The text has no letter outside ASCII and several words that are only skeletons of
    Vietnamese words."""
    if any(not c.isascii() and c.isalpha() for c in text):
        return False
    found = {word.lower() for word in _WORD.findall(text)} & _MARKERS
    return len(found) >= _LETTERS_LOST_MARKERS


# The header's label that lost its colon with its letter ("S 07 /2012/TT-…" for "Số: 07/2012/TT-…"):
# a capital S alone before a number and its slash, opening a line or after the office's name in
# capitals ("… V O TO S 07 /2012/…"), in the header's first characters. A citation's "s 32/2008/…"
# is small; a body's "Ngh nh S 91/2017/…" or "mu S 01/TK" follows a word in small letters.
_LABEL_WITHOUT_COLON = re.compile(r"(?m)(?:^|(?<=[A-Z)][ \t]))S(?=[ \t]+\d+[ \t]*/[ \t]*\w)")
_HEADER_CHARS = 300


def restore_structure(text: str) -> str:
    """The structure's words and the names' known pairs put back in a letters-lost text, the
    printed case kept."""
    return _restore_pairs(_RESTORE.sub(_restored, _label_put_back(text)))


def _label_put_back(text: str) -> str:
    """The colon of the header's number label, where the label lost it (`_LABEL_WITHOUT_COLON`)."""
    found = _LABEL_WITHOUT_COLON.search(text, 0, _HEADER_CHARS)
    return text if found is None else f"{text[: found.end()]}:{text[found.end() :]}"


_TOKEN = re.compile(r"[^\W\d_]+")


def _restore_pairs(text: str) -> str:
    """Two printed words, spaced only, that are a known pair's skeletons; pairs may overlap
    ("Tng Lin on": "tổng liên", "liên đoàn")."""
    tokens = list(_TOKEN.finditer(text))
    words: dict[int, str] = {}
    for at in range(len(tokens) - 1):
        first, second = tokens[at], tokens[at + 1]
        if not text[first.end() : second.start()].isspace():
            continue
        pair = _NAME_PAIR_SKELETONS.get((first[0].lower(), second[0].lower()))
        if pair is not None:
            if _capitals(first[0]) or _capitals(second[0]):  # "O TO": "ĐÀO TẠO", the one letter's case unsure
                pair = (pair[0].upper(), pair[1].upper())
            words.setdefault(at, pair[0])
            words.setdefault(at + 1, pair[1])
    pieces, end = [], 0
    for at, word in sorted(words.items()):
        token = tokens[at]
        pieces += [text[end : token.start()], _cased(word, token[0])]
        end = token.end()
    return "".join([*pieces, text[end:]])


def _restored(found: re.Match[str]) -> str:
    """The phrase's words in the printed words' places, the printed spacing (a line end) kept."""
    at = int(next(name for name, value in found.groupdict().items() if value)[1:])
    printed = found[0]
    parts = _PARTS[at].fullmatch(printed)
    phrase = _PHRASES[at]
    if parts is None or (phrase[:1].isascii() and phrase[:1].isupper() and not printed[:1].isupper()):
        return printed  # a capital the table asks for and the print kept is not there
    capitals = _capitals(printed)
    pieces = parts.groups()
    restored = []
    for index, word in enumerate(phrase.split()):
        token = pieces[2 * index]
        if word == "#":
            word = token
        restored.append(word.upper() if capitals else _cased(word, token or word))
        if 2 * index + 1 < len(pieces):
            restored.append(pieces[2 * index + 1] or " ")
    return "".join(restored)


def _capitals(token: str) -> bool:
    letters = [c for c in token if c.isalpha()]
    return len(letters) > 1 and all(c.isupper() for c in letters)


def _cased(word: str, token: str) -> str:
    """The word in the printed token's case; as written here when its first letter was lost."""
    if _capitals(token) or (word.isupper() and token.isupper()):
        return word.upper()
    if not word[:1].isascii():
        return word
    return word[:1].upper() + word[1:] if token[:1].isupper() else word


def as_printed(restored: str) -> str:
    """A text the reader returned from the restored text, as the document prints it."""
    printed = "".join(c for c in restored if c.isascii() or not c.isalpha())
    return re.sub(r"[ \t]{2,}", " ", printed).strip()  # a word that kept no letter leaves no gap


_NAME_PAIR_SKELETONS = _pairs()
