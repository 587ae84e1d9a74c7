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
