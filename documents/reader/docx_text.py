"""The text of a .docx in reading order: body paragraphs and table cells (official
documents lay out their header and signature in borderless tables), with Word's
automatic numbering written out, since the items' "1." and "I." often live there, and
runs typed in the old 8-bit Vietnamese fonts converted to Unicode (`legacy_fonts`)."""

import io
import re
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

import docx
from django.utils.translation import gettext as _
from docx.document import Document
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

from documents.reader.errors import ReaderError
from documents.reader.legacy_fonts import decode_runs, font_encoding

# Encrypted Office files (and old .doc files) are OLE compound files, not zip packages.
OLE_SIGNATURE = b"\xd0\xcf\x11\xe0"
# python-docx reads every part of the package into memory and parses the XML ones: a zip bomb
# (a few hundred KB unpacking to hundreds of MB) is refused on the sizes the zip declares, which
# Python's zipfile never inflates past.
MAX_PARTS = 1000
MAX_XML_PART_MB = 30
MAX_UNPACKED_MB = 100


def _read_bytes(file_or_path: str | Path | bytes | IO[bytes]) -> bytes:
    if isinstance(file_or_path, str | Path):
        try:
            return Path(file_or_path).read_bytes()
        except OSError as exc:
            raise ReaderError(
                _("Cannot open the file “%(file)s”: %(reason)s.")
                % {"file": file_or_path, "reason": exc.strerror}
            ) from exc
    if isinstance(file_or_path, bytes | bytearray):
        return bytes(file_or_path)
    data = file_or_path.read()
    if not isinstance(data, bytes):
        raise ReaderError(_("A .docx file must be opened in binary mode."))
    return data


def docx_text(file_or_path: str | Path | bytes | IO[bytes]) -> str:
    """All text of a .docx, one paragraph per line; ReaderError if it cannot be read."""
    data = _read_bytes(file_or_path)
    if data.startswith(OLE_SIGNATURE):
        raise ReaderError(
            _(
                "The file has a password or is an old Word file (.doc): remove the password, "
                "save it as .docx and try again."
            )
        )
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise ReaderError(_("The file is not a valid .docx file or is damaged."))
    _check_sizes(data)
    try:
        document = docx.Document(io.BytesIO(data))
        return "\n".join(_blocks(document, _Numbering(document), _Fonts(document)))
    except Exception as exc:  # a damaged package fails in many ways inside python-docx
        raise ReaderError(_("The .docx file is damaged: its content cannot be read.")) from exc


def _check_sizes(data: bytes) -> None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            parts = archive.infolist()
    except (zipfile.BadZipFile, OSError) as exc:
        raise ReaderError(_("The file is not a valid .docx file or is damaged.")) from exc
    mb = 1024 * 1024
    if len(parts) > MAX_PARTS:
        raise ReaderError(
            _("The .docx file has %(parts)s parts, over the limit of %(max)s: save the file again from Word.")
            % {"parts": len(parts), "max": MAX_PARTS}
        )
    for part in parts:
        if part.filename.endswith((".xml", ".rels")) and part.file_size > MAX_XML_PART_MB * mb:
            raise ReaderError(
                _(
                    "Unpacked, the .docx file would take %(mb)s MB (part %(part)s), over the limit of %(max)s MB."
                )
                % {"mb": part.file_size // mb, "part": part.filename, "max": MAX_XML_PART_MB}
            )
    total = sum(part.file_size for part in parts)
    if total > MAX_UNPACKED_MB * mb:
        raise ReaderError(
            _("Unpacked, the .docx file would take %(mb)s MB, over the limit of %(max)s MB.")
            % {"mb": total // mb, "max": MAX_UNPACKED_MB}
        )


def _blocks(container: Document | _Cell, numbering: "_Numbering", fonts: "_Fonts") -> Iterator[str]:
    for block in container.iter_inner_content():
        if isinstance(block, Paragraph):
            yield numbering.label(block) + _paragraph_text(block, fonts)
        elif isinstance(block, Table):
            yield from _table(block, numbering, fonts)


def _table(table: Table, numbering: "_Numbering", fonts: "_Fonts") -> Iterator[str]:
    """Cells row by row, left to right; a merged cell is read once."""
    seen: set[Any] = set()  # holding the elements keeps lxml's proxies, and so identity, stable
    for row in table.rows:
        for cell in row.cells:
            if cell._tc in seen:
                continue
            seen.add(cell._tc)
            yield from _blocks(cell, numbering, fonts)


def _paragraph_text(paragraph: Paragraph, fonts: "_Fonts") -> str:
    """The text as shown: headings are often typed in lower case and formatted as capitals."""
    text = fonts.unicode_text(paragraph)
    style_caps = bool(paragraph.style is not None and paragraph.style.font.all_caps)
    caps = [
        style_caps if run.font.all_caps is None else run.font.all_caps
        for run in paragraph.runs
        if run.text.strip()
    ]
    return text.upper() if caps and all(caps) else text


class _Fonts:
    """The font each run is set in (the run's own, else its character style's, else its paragraph
    style's, else the document's default), to convert the runs set in a legacy font."""

    def __init__(self, document: Document) -> None:
        styles = document.styles.element
        defaults = styles.find(f"{_W}docDefaults/{_W}rPrDefault/{_W}rPr")
        self.default = _font_of(defaults)
        self.styles = {style.get(f"{_W}styleId"): style for style in styles.iterchildren(f"{_W}style")}
        self.default_style = next(
            (
                style_id
                for style_id, style in self.styles.items()
                if style.get(f"{_W}type") == "paragraph" and style.get(f"{_W}default") in ("1", "true", "on")
            ),
            None,
        )
        named = document.element.body.xpath(".//w:rFonts/@w:ascii | .//w:rFonts/@w:hAnsi")
        named += [_font_of(style.find(f"{_W}rPr")) for style in self.styles.values()]
        self.in_use = any(font_encoding(name) for name in [*named, self.default])

    def unicode_text(self, paragraph: Paragraph) -> str:
        if not self.in_use:  # no legacy font anywhere: the text as python-docx reads it
            return paragraph.text
        runs = paragraph._p.xpath("w:r | w:hyperlink/w:r")
        encodings = [self._encoding(run, paragraph) for run in runs]
        if not any(encodings):
            return paragraph.text
        return decode_runs([(run.text, encoding) for run, encoding in zip(runs, encodings, strict=True)])

    def _encoding(self, run: Any, paragraph: Paragraph) -> str | None:
        font = _font_of(run.rPr)
        r_style = run.rPr.find(f"{_W}rStyle") if run.rPr is not None else None
        if font is None and r_style is not None:
            font = self._style_font(r_style.get(f"{_W}val"))
        if font is None:
            p_style = paragraph._p.pPr.pStyle if paragraph._p.pPr is not None else None
            font = self._style_font(p_style.val if p_style is not None else self.default_style)
        return font_encoding(font or self.default)

    def _style_font(self, style_id: str | None) -> str | None:
        """The font of a style or of the styles it is based on."""
        seen = set()
        while style_id and style_id not in seen and style_id in self.styles:
            seen.add(style_id)
            style = self.styles[style_id]
            font = _font_of(style.find(f"{_W}rPr"))
            if font:
                return font
            based = style.find(f"{_W}basedOn")
            style_id = based.get(f"{_W}val") if based is not None else None
        return None


def _font_of(r_pr: Any) -> str | None:
    """The font a run's properties name for its letters past ASCII (hAnsi), else for ASCII."""
    fonts = r_pr.find(f"{_W}rFonts") if r_pr is not None else None
    if fonts is None:
        return None
    return fonts.get(f"{_W}hAnsi") or fonts.get(f"{_W}ascii")


class _Numbering:
    """Counters for Word's list numbering, to write "1.", "II.", "a)" before paragraphs."""

    def __init__(self, document: Document) -> None:
        try:
            self.root = document.part.numbering_part.element
        except (KeyError, NotImplementedError):
            self.root = None
        self.counters: dict[str, list[int]] = {}

    def label(self, paragraph: Paragraph) -> str:
        if self.root is None:
            return ""
        found = self._num_pr(paragraph)
        if found is None:
            return ""
        try:
            return self._format(*found)
        except (KeyError, IndexError, ValueError, StopIteration):
            return ""  # numbering that points nowhere: keep the text without a label

    @staticmethod
    def _num_pr(paragraph: Paragraph) -> tuple[int, int] | None:
        """(numId, level) from the paragraph, else from its style or the styles below."""
        p_pr = paragraph._p.pPr
        num_pr = p_pr.numPr if p_pr is not None else None
        style = paragraph.style
        while num_pr is None and style is not None:
            s_pr = style.element.pPr
            num_pr = s_pr.numPr if s_pr is not None else None
            style = style.base_style
        # python-docx types CT_NumPr's children as its ZeroOrOne descriptor, not the elements
        if num_pr is None or num_pr.numId is None or num_pr.numId.val == 0:  # type: ignore[attr-defined]
            return None
        return num_pr.numId.val, num_pr.ilvl.val if num_pr.ilvl is not None else 0  # type: ignore[attr-defined]

    def _format(self, num_id: int, level: int) -> str:
        abstract_id = self.root.num_having_numId(num_id).abstractNumId.val
        abstract = next(
            node
            for node in self.root.iterchildren(f"{_W}abstractNum")
            if node.get(f"{_W}abstractNumId") == str(abstract_id)
        )
        levels = {int(lvl.get(f"{_W}ilvl")): lvl for lvl in abstract.iterchildren(f"{_W}lvl")}
        fmt, text, start = _level(levels[level])
        if fmt == "bullet":
            return "- "
        if fmt == "none":
            return ""
        counters = self.counters.setdefault(str(abstract_id), [0] * 9)
        counters[level] = counters[level] + 1 if counters[level] else start
        counters[level + 1 :] = [0] * (8 - level)

        def number(match: re.Match[str]) -> str:
            at = int(match[1]) - 1
            return _number(counters[at] or _level(levels[at])[2], _level(levels[at])[0])

        return re.sub(r"%(\d)", number, text) + " "


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _level(lvl: Any) -> tuple[str, str, int]:
    """A list level's number format, label text ("%1.") and first number."""

    def value(tag: str) -> str | None:
        child = lvl.find(f"{_W}{tag}")
        return child.get(f"{_W}val") if child is not None else None

    start = value("start")
    return value("numFmt") or "decimal", value("lvlText") or "", int(start) if start else 1


def _number(value: int, fmt: str) -> str:
    if fmt in {"upperRoman", "lowerRoman"}:
        roman = _roman(value)
        return roman if fmt == "upperRoman" else roman.lower()
    if fmt in {"upperLetter", "lowerLetter"}:
        letters = chr(ord("a") + (value - 1) % 26) * ((value - 1) // 26 + 1)
        return letters.upper() if fmt == "upperLetter" else letters
    if fmt == "decimalZero":
        return f"{value:02d}"
    return str(value)


def _roman(value: int) -> str:
    out = ""
    for amount, numeral in (
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ):
        count, value = divmod(value, amount)
        out += numeral * count
    return out
