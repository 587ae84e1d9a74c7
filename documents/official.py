"""A registry Document as an official document (documents.rendering.OfficialDocument),
ready to print as DOCX or PDF in the layout of Nghị định 30/2020/NĐ-CP.

The body is stored as plain paragraphs, one per line. Paragraphs before the first numbered
one are the preamble; a paragraph opening with a marker (“1.”, “II.”, “a)”) starts an item,
and the unnumbered paragraphs after it belong to that item. Letters (“a)”) and decimals
(“1.1.”) nest under the item above them.
"""

import re

from core.text import normalize
from documents.models import Document
from documents.rendering import OfficialDocument, Section, render_docx, render_pdf
from organisations.models import Unit

_MARKER = re.compile(r"^(?P<marker>(?:[IVXLC]+|\d+(?:\.\d+)*)[.)]|[a-zđ]\)|Điều \d+\.)\s+(?P<text>.+)$")
_ROMAN = re.compile(r"^[IVXLC]+[.)]$")
_LETTER = re.compile(r"^[a-zđ]\)$")
_SUB_DECIMAL = re.compile(r"^\d+\.\d+")
DEFAULT_ARCHIVE_LINE = "Lưu: VT"
# How ND30 headers shorten the names of union bodies ("TỔNG LĐLĐ VIỆT NAM").
_ABBREVIATIONS = [("Liên đoàn Lao động", "LĐLĐ")]


# What official_document and file_stem read of a document and of the rows it links to: the
# downloads fetch only these (a document's row also holds its folded search text, as long as its
# body, and its unit two dozen columns the header never prints).
PRINTED_FIELDS = (
    "doc_type",
    "doc_type__code",
    "doc_type__name",
    "doc_type__code_in_symbol",
    "issuer_unit",
    "issuer_unit__name",
    "issuer_unit__short_name",
    "issuer_unit__code",
    "issuer_unit__doc_symbol",
    "issuer_unit__parent",
    "issuer_unit__parent__name",
    "issuer_unit__parent__short_name",
    "issuer_body",
    "issuer_body__name",
    "number_symbol",
    "year",
    "issued_on",
    "place",
    "summary",
    "drafting_office",
    "body",
    "recipients_text",
    "signer_authority",
    "signer_position",
    "signer_name",
)


def header_name(unit: Unit | None, *, abbreviate: bool) -> str:
    """A unit's name as printed in the header, in capitals. The superior body may be
    abbreviated: its short name when it reads as a name, else its name with the usual
    abbreviations ("Tổng Liên đoàn Lao động Việt Nam" -> "TỔNG LĐLĐ VIỆT NAM")."""
    if unit is None:
        return ""
    name = unit.name
    if abbreviate:
        if unit.short_name and len(unit.short_name.split()) >= 3:
            name = unit.short_name
        else:
            for long, short in _ABBREVIATIONS:
                name = re.sub(long, short, name, flags=re.IGNORECASE)
    return normalize(name).upper()


def body_sections(body: str) -> tuple[list[str], list[Section]]:
    """The body's paragraphs as a preamble and numbered items (see the module docstring)."""
    preamble: list[str] = []
    items: list[dict] = []  # mutable while reading; Sections are frozen
    for raw in (body or "").splitlines():
        text = normalize(raw)
        if not text:
            continue
        found = _MARKER.match(text)
        if found is None:
            if items:
                _last(items)["paragraphs"].append(text)
            else:
                preamble.append(text)
            continue
        marker, rest = found["marker"], found["text"]
        item = {"heading": marker, "paragraphs": [rest], "children": []}
        if rest.isupper() and len(rest) <= 120:  # "I. MỤC ĐÍCH, YÊU CẦU": a heading of its own
            item = {"heading": f"{marker} {rest}", "paragraphs": [], "children": []}
        if items and _is_sub_marker(marker, items[-1]["heading"]):
            items[-1]["children"].append(item)
        else:
            items.append(item)
    return preamble, [_section(item) for item in items]


def _is_sub_marker(marker: str, parent_heading: str) -> bool:
    parent_marker = parent_heading.split()[0]
    if _LETTER.match(marker):
        return True
    if _SUB_DECIMAL.match(marker) and not _SUB_DECIMAL.match(parent_marker):
        return True
    return bool(_ROMAN.match(parent_marker) and not _ROMAN.match(marker))


def _last(items: list[dict]) -> dict:
    item = items[-1]
    return _last(item["children"]) if item["children"] else item


def _section(item: dict) -> Section:
    return Section(item["heading"], item["paragraphs"], [_section(child) for child in item["children"]])


def recipient_lines(recipients_text: str) -> list[str]:
    """The “Nơi nhận” lines, with the archive line (“Lưu: VT”) added when missing."""
    lines = [normalize(line).lstrip("-+• ").rstrip(";.,") for line in (recipients_text or "").splitlines()]
    lines = [line for line in lines if line]
    if not any(line.lower().startswith("lưu") for line in lines):
        lines.append(DEFAULT_ARCHIVE_LINE)
    return lines


def official_document(document: Document) -> OfficialDocument:
    """The printable form of a registry document. A draft prints with its number left blank."""
    unit = document.issuer_unit
    preamble, items = body_sections(document.body)
    if unit is not None:
        superior = header_name(unit.parent, abbreviate=True) if unit.parent_id else ""
        issuer = header_name(unit, abbreviate=False)
    else:
        body = document.issuer_body
        superior, issuer = "", normalize(body.name if body else "").upper()
    number_symbol = document.number_symbol
    if not number_symbol and unit is not None:
        from documents.numbering import compose_symbol

        number_symbol = "/" + compose_symbol(document.doc_type, unit, document.drafting_office)
    is_letter = not document.doc_type.code_in_symbol
    return OfficialDocument(
        superior_body=superior,
        issuer=issuer,
        number_symbol=number_symbol,
        place=document.place,
        date=document.issued_on,
        type_name=document.doc_type.name.upper(),
        summary=document.summary,
        preamble=preamble,
        items=items,
        recipients=recipient_lines(document.recipients_text),
        signer_authority=document.signer_authority,
        signer_position=document.signer_position,
        signer_name=document.signer_name,
        is_letter=is_letter,
    )


def file_stem(document: Document) -> str:
    """A file name for downloads: "KH-75-KH-LDLD-2015" style, ASCII only."""
    from core.text import slugify_vi

    label = document.number_symbol or f"du-thao-{document.pk}"
    return slugify_vi(f"{document.doc_type.code} {label} {document.year or ''}") or f"van-ban-{document.pk}"


def document_docx(document: Document) -> bytes:
    return render_docx(official_document(document))


def document_pdf(document: Document) -> bytes:
    return render_pdf(official_document(document))
