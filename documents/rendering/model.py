"""The data an official document is rendered from, with no tie to the database.

Callers (the registry, award decisions, council minutes, review reports) build an
`OfficialDocument` from their models; the renderers only read it. Every string is
NFC-normalised on construction, so text pasted from Word or macOS (NFD) prints and
extracts the same as text typed on a Windows keyboard.
"""

from __future__ import annotations

import datetime
import unicodedata
from dataclasses import dataclass, field, fields

__all__ = ["Annex", "NATIONAL_MOTTO", "OfficialDocument", "Section"]

# Quốc hiệu and tiêu ngữ. Like every Vietnamese label the renderers print ("Số:",
# "Nơi nhận:", "ngày … tháng … năm …", "PHỤ LỤC"), this is part of the legal format of
# Nghị định 30/2020/NĐ-CP and stays Vietnamese whatever the interface language.
NATIONAL_MOTTO: tuple[str, str] = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc")


def _nfc(value):
    """NFC-normalise a string, or each string inside a list or tuple (recursively)."""
    if isinstance(value, str):
        return unicodedata.normalize("NFC", value)
    if isinstance(value, list):
        return [_nfc(item) for item in value]
    if isinstance(value, tuple):
        return tuple(_nfc(item) for item in value)
    return value


class _Normalised:
    def __post_init__(self) -> None:
        for f in fields(self):  # type: ignore[arg-type]
            object.__setattr__(self, f.name, _nfc(getattr(self, f.name)))


@dataclass(frozen=True)
class Section(_Normalised):
    """A numbered item of the body. The heading is printed as written: a bare marker
    ("1.", "a)") runs into the first paragraph; a heading with words ("I. MỤC ĐÍCH")
    stands on its own line in bold."""

    heading: str
    paragraphs: list[str] = field(default_factory=list)
    children: list[Section] = field(default_factory=list)


@dataclass(frozen=True)
class Annex(_Normalised):
    """A table appended after the signature, e.g. the list of awardees of a decision.

    `column_widths` are relative weights (e.g. [1, 6, 6, 3]); `totals`, when given, is
    one last bold row with as many cells as `columns`."""

    title: str
    subtitle: str = ""
    columns: list[str] = field(default_factory=list)
    rows: list[list[str]] = field(default_factory=list)
    column_widths: list[float] | None = None
    totals: list[str] | None = None


@dataclass(frozen=True)
class OfficialDocument(_Normalised):
    """An administrative document laid out as in Phụ lục I of Nghị định 30/2020/NĐ-CP.

    `superior_body` is the governing body printed above the issuer (may be ""); `date`
    is None for a draft not yet dated. For a Công văn (`is_letter`) the type name is not
    printed and the summary goes under the number as "V/v …". `motto` replaces the
    national motto on the right of the header when a body's rules call for another one;
    an empty second line prints the first alone, ruled underneath."""

    superior_body: str
    issuer: str
    number_symbol: str
    place: str
    date: datetime.date | None
    type_name: str
    summary: str
    preamble: list[str] = field(default_factory=list)
    items: list[Section] = field(default_factory=list)
    closing: list[str] = field(default_factory=list)
    recipients: list[str] = field(default_factory=list)
    signer_authority: str = ""
    signer_position: str = ""
    signer_name: str = ""
    annexes: list[Annex] = field(default_factory=list)
    is_letter: bool = False
    motto: tuple[str, str] = NATIONAL_MOTTO
