"""Vietnamese text helpers: normalisation and diacritic folding for search."""

import re
import unicodedata

_SPACES = re.compile(r"\s+")


def normalize(text: str | None) -> str:
    """NFC-normalise and collapse white space, so NFD input from Word or macOS
    compares equal to the same text typed on a Windows keyboard."""
    if not text:
        return ""
    return _SPACES.sub(" ", unicodedata.normalize("NFC", text)).strip()


def fold(text: str | None) -> str:
    """Fold Vietnamese text for accent-insensitive search: "Cao Bằng" -> "cao bang",
    "Đoàn" -> "doan". Works the same whatever the input's normalisation form."""
    if not text:
        return ""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _SPACES.sub(" ", stripped.lower()).strip()


# What a search sends the database is bounded whatever was typed: SQLite refuses a LIKE pattern over
# 50,000 bytes (a 500), and PostgreSQL would match any length. Forms refuse longer text by name first.
SEARCH_TEXT_LIMIT = 200  # a search phrase: a list's search box
NAME_TEXT_LIMIT = 255  # a name typed in a picker (a unit's name is at most 255 characters)
SEARCH_WORDS = 20  # words of a search matched; a name has fewer


def search_words(text: str | None) -> list[str]:
    """The folded words a search matches, at most SEARCH_WORDS of the first NAME_TEXT_LIMIT characters."""
    return fold((text or "")[:NAME_TEXT_LIMIT]).split()[:SEARCH_WORDS]


def slugify_vi(text: str, max_length: int = 80) -> str:
    """A URL slug from Vietnamese text: "Người tốt việc tốt" -> "nguoi-tot-viec-tot"."""
    slug = re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")
    return slug[:max_length].rstrip("-")


def group_digits(number: int) -> str:
    """10000 -> "10.000" (Django's vi formats group no digits by default, so counts are grouped here
    with the active language's separator: a dot in both languages, thidua/formats)."""
    from django.utils.formats import get_format

    return f"{int(number):,}".replace(",", get_format("THOUSAND_SEPARATOR"))


# Characters a person cannot see that only serve to spoof a name or reorder what is shown:
# zero-width spaces and joiners, the word joiner, the byte-order mark, and the bidirectional
# embeddings, overrides and isolates. Vietnamese text never needs them.
INVISIBLE = dict.fromkeys(
    [
        0x00AD,
        0x061C,
        0x180E,
        *range(0x200B, 0x2010),
        *range(0x202A, 0x202F),
        *range(0x2060, 0x2065),
        *range(0x2066, 0x206A),
        0xFEFF,
    ]
)
_ALLOWED_CONTROLS = {"\t", "\n", "\r"}


def decimal_vi(value) -> str:
    """A number as Vietnamese readers write it, whatever the interface language: decimal comma,
    thousands dot, no trailing zeros (12.50 -> "12,5", 1234567 -> "1.234.567"); None -> "—"."""
    from decimal import Decimal

    if value is None or value == "":
        return "—"
    text = f"{Decimal(str(value)).normalize():f}"
    whole, _sep, fraction = text.partition(".")
    sign = "-" if whole.startswith("-") else ""
    grouped = f"{int(whole.lstrip('-') or 0):,}".replace(",", ".")
    fraction = fraction.rstrip("0")
    return f"{sign}{grouped},{fraction}" if fraction else f"{sign}{grouped}"


def is_id(text: object) -> bool:
    """Whether a value from a URL or a form can be a database id: ASCII digits only, short enough for
    a 64-bit integer. `str.isdigit` alone also takes "²" or "١", which no integer field accepts (a
    500), and a 25-digit number overflows SQLite's integers."""
    value = str(text)
    return value.isascii() and value.isdigit() and len(value) <= 18


def strip_invisible(text: str) -> str:
    return text.translate(INVISIBLE)


def clean_text(value: str, *, label: str, max_length: int | None = None) -> str:
    """The one cleaning of typed text, for forms and the API alike: invisible characters removed,
    control characters (NUL, escape...; tab and line breaks are fine) and lone surrogates refused,
    the length checked after removal. Raises ValidationError with a Vietnamese message naming the
    field (`label`)."""
    from django.core.exceptions import ValidationError
    from django.utils.translation import gettext as _

    value = unicodedata.normalize("NFC", strip_invisible(value))
    for char in value:
        if _refused(char):
            raise ValidationError(
                _("%(field)s contains a character that is not allowed (control character U+%(code)04X).")
                % {"field": label, "code": ord(char)},
                code="control_character",
            )
    if max_length is not None and len(value) > max_length:
        raise ValidationError(
            _("%(field)s is too long: at most %(limit)d characters (it has %(count)d).")
            % {"field": label, "limit": max_length, "count": len(value)},
            code="max_length",
        )
    return value


def _refused(char: str) -> bool:
    category = unicodedata.category(char)
    return (category == "Cc" and char not in _ALLOWED_CONTROLS) or category == "Cs"


def displayable(value: str) -> str:
    """A refused value as it goes back into its box: each character `clean_text` refuses shown as
    U+FFFD (the replacement sign), so the officer sees where it was and no NUL or escape reaches the page."""
    return "".join("\ufffd" if _refused(char) else char for char in value)


# Vietnamese alphabetical order --------------------------------------------------------------------
# The alphabet in its order (a ă â b c d đ e ê ...), with the Latin letters Vietnamese borrows (f j w z)
# where Latin puts them; tones come after the base letter, compared only when the letters are equal:
# no tone, huyền, hỏi, ngã, sắc, nặng.
ALPHABET = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"
_LETTER_CODE = {letter: f"{index + 12:02d}" for index, letter in enumerate(ALPHABET)}
_TONE = {"\u0300": "1", "\u0309": "2", "\u0303": "3", "\u0301": "4", "\u0323": "5"}
_MODIFIED = {("a", "\u0306"): "ă", ("a", "\u0302"): "â", ("e", "\u0302"): "ê", ("o", "\u0302"): "ô"}
_MODIFIED |= {("o", "\u031b"): "ơ", ("u", "\u031b"): "ư"}
_SPACE_CODE = "01"  # below every letter: "An" before "Anh"
_DIGITS_CODE = "02"  # a run of digits, compared as a number: "Tổ 2" before "Tổ 10"
_OTHER_CODE = "98"  # a letter outside the alphabet, after it, by code point
_LEVEL_SEPARATOR = "00"  # below every code: a shorter word sorts first
SORT_KEY_LENGTH = 1000
_TOKENS = re.compile(r"\d+|\s+|.", re.DOTALL)


def collation_key(text: str | None) -> str:
    """The sort key of text in Vietnamese alphabetical order, as a string of digits: letters first
    (a ă â b c d đ e ê ...), then tones. Digits only, so every database compares it the same way
    whatever its collation (SQLite's code points, PostgreSQL's "C" or a locale's), and a stored key
    orders a list on SQLite and PostgreSQL alike."""
    primary: list[str] = []
    secondary: list[str] = []
    for token in _TOKENS.findall(unicodedata.normalize("NFD", normalize(text)).lower()):
        if token.isspace():
            primary.append(_SPACE_CODE)
            secondary.append("0")
        elif token.isdigit() and token.isascii():
            digits = token.lstrip("0") or "0"
            primary.append(f"{_DIGITS_CODE}{min(len(digits), 99):02d}{digits}")
            secondary.append("0")
        elif unicodedata.combining(token):
            if token in _TONE and secondary:
                secondary[-1] = _TONE[token]
            elif primary and (letter := _MODIFIED.get((_last_letter(primary[-1]), token))):
                primary[-1] = _LETTER_CODE[letter]
        elif token in _LETTER_CODE or token == "đ":
            primary.append(_LETTER_CODE[token])
            secondary.append("0")
        elif token.isalpha():
            primary.append(f"{_OTHER_CODE}{ord(token):07d}")
            secondary.append("0")
        # punctuation is ignored, as dictionaries do
    return ("".join(primary) + _LEVEL_SEPARATOR + "".join(secondary))[:SORT_KEY_LENGTH]


_CODE_LETTER = {code: letter for letter, code in _LETTER_CODE.items()}


def _last_letter(code: str) -> str:
    return _CODE_LETTER.get(code, "")


def person_sort_key(full_name: str | None) -> str:
    """The sort key of a person's name the Vietnamese way: by given name (tên, the last word), then
    the family and middle names: "Trần Văn An" before "Lê Thị Bình"."""
    words = normalize(full_name).split(" ")
    given, rest = words[-1], " ".join(words[:-1])
    return (collation_key(given) + _LEVEL_SEPARATOR + collation_key(rest))[:SORT_KEY_LENGTH]
