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


def slugify_vi(text: str, max_length: int = 80) -> str:
    """A URL slug from Vietnamese text: "Người tốt việc tốt" -> "nguoi-tot-viec-tot"."""
    slug = re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")
    return slug[:max_length].rstrip("-")


def group_digits(number: int) -> str:
    """10000 -> "10.000" in Vietnamese, "10,000" in English (Django's vi formats group no digits
    by default, so counts are grouped here with the active language's separator)."""
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
        category = unicodedata.category(char)
        if (category == "Cc" and char not in _ALLOWED_CONTROLS) or category == "Cs":
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
