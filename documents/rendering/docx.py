"""DOCX rendering of official documents, built programmatically with python-docx.

The result stays editable in Word: real paragraphs, a borderless two-column table for
the header and for the recipients/signature block, real tables for annexes (header row
repeated on each page), and a PAGE field in the header from the second page.
"""

from __future__ import annotations

import gc
import weakref
from functools import lru_cache
from io import BytesIO

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Emu, Mm, Pt
from docx.table import Table
from docx.text.paragraph import Paragraph
from PIL import ImageFont

from . import layout
from .layout import Block
from .model import Annex, OfficialDocument

__all__ = ["render_docx"]

FONT = "Times New Roman"
# Phụ lục I, Nghị định 30/2020/NĐ-CP: A4; top/bottom 20 mm, left 30 mm, right 15 mm.
PAGE_WIDTH, PAGE_HEIGHT = Mm(210), Mm(297)
MARGIN_TOP, MARGIN_BOTTOM, MARGIN_LEFT, MARGIN_RIGHT = Mm(20), Mm(20), Mm(30), Mm(15)
TEXT_WIDTH = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT
HEADER_LEFT = Emu(int(TEXT_WIDTH * 0.39))
FOOTER_LEFT = Emu(int(TEXT_WIDTH * 0.45))
FIRST_LINE_INDENT = Cm(1.27)

# Children that must follow the ones this module adds, in the schema's order (Word
# refuses to open a file whose elements are out of order).
_AFTER_PBDR = (
    "w:shd",
    "w:tabs",
    "w:suppressAutoHyphens",
    "w:kinsoku",
    "w:wordWrap",
    "w:overflowPunct",
    "w:topLinePunct",
    "w:autoSpaceDE",
    "w:autoSpaceDN",
    "w:bidi",
    "w:adjustRightInd",
    "w:snapToGrid",
    "w:spacing",
    "w:ind",
    "w:contextualSpacing",
    "w:mirrorIndents",
    "w:suppressOverlap",
    "w:jc",
    "w:textDirection",
    "w:textAlignment",
    "w:textboxTightWrap",
    "w:outlineLvl",
    "w:divId",
    "w:cnfStyle",
    "w:rPr",
    "w:sectPr",
    "w:pPrChange",
)
_AFTER_LANG = ("w:eastAsianLayout", "w:specVanish", "w:oMath")
_AFTER_TBLBORDERS = ("w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook", "w:tblCaption", "w:tblDescription")
_AFTER_TBLCELLMAR = ("w:tblLook", "w:tblCaption", "w:tblDescription")
_AFTER_CANTSPLIT = (
    "w:trHeight",
    "w:tblHeader",
    "w:tblCellSpacing",
    "w:jc",
    "w:hidden",
    "w:ins",
    "w:del",
    "w:trPrChange",
)
_AFTER_TBLHEADER = ("w:tblCellSpacing", "w:jc", "w:hidden", "w:ins", "w:del", "w:trPrChange")

_ALIGN = {
    "left": WD_ALIGN_PARAGRAPH.LEFT,
    "center": WD_ALIGN_PARAGRAPH.CENTER,
    "right": WD_ALIGN_PARAGRAPH.RIGHT,
}


def render_docx(doc: OfficialDocument) -> bytes:
    """One official document as a Word file."""
    document = Document()
    _set_up_styles(document)
    _set_up_page(document)
    _write_header(document, doc)
    _write_title(document, doc)
    for block in layout.body_blocks(doc):
        _write_block(document, block)
    for text in doc.closing:
        _body_paragraph(document, text)
    _write_footer(document, doc)
    for index, annex in enumerate(doc.annexes):
        _write_annex(document, annex, layout.annex_heading(index, len(doc.annexes)))

    properties = document.core_properties
    properties.title = " ".join(doc.summary.split())
    properties.author = doc.issuer
    properties.language = "vi-VN"
    out = BytesIO()
    document.save(out)
    package = weakref.ref(document.part.package)
    del document, properties
    _free(package)
    return out.getvalue()


def _free(package: weakref.ref) -> None:
    """python-docx's package and its parts refer to each other, so the parsed Word template (a dozen
    XML trees) is freed only by a pass of the garbage collector, in whatever code runs next: freed
    here, the rendering pays for its own (2-10 ms), not the next request of this process. A long
    rendering (annexes) has moved it to the oldest generation, which only a full pass reaches."""
    gc.collect(1)
    if package() is not None:
        gc.collect()


def _write_block(document, block: Block) -> None:
    if block.kind == "centred":
        paragraph = _line(document, block.text, size=14, bold=True, space_before=10)
        paragraph.paragraph_format.keep_with_next = True
        return
    paragraph = _body_paragraph(document, "")
    if block.kind == "heading":
        paragraph.paragraph_format.keep_with_next = True
        run = paragraph.add_run(block.text)
        run.bold = True
        run.italic = block.depth >= 2 or None
        return
    if block.marker:
        paragraph.add_run(block.marker).bold = block.marker_bold or None
        paragraph.add_run(" ")
    paragraph.add_run(block.text).italic = block.kind == "basis" or None


# -- page and styles ---------------------------------------------------------------


def _set_fonts(element_rpr) -> None:
    """Times New Roman for every script slot, so Vietnamese never falls back to a theme font."""
    fonts = element_rpr.get_or_add_rFonts()
    for slot in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(slot), FONT)
    for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(theme), None)


def _set_up_styles(document) -> None:
    normal = document.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(14)
    _set_fonts(normal.element.get_or_add_rPr())
    lang = OxmlElement("w:lang")
    lang.set(qn("w:val"), "vi-VN")
    normal.element.get_or_add_rPr().insert_element_before(lang, *_AFTER_LANG)
    normal.paragraph_format.space_before = Pt(0)
    normal.paragraph_format.space_after = Pt(0)
    normal.paragraph_format.line_spacing = 1.0
    # The document defaults too, for text typed later into an empty table cell or list.
    defaults = document.styles.element.find(qn("w:docDefaults"))
    if defaults is not None:
        rpr = defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}")
        if rpr is not None:
            _set_fonts(rpr)


def _set_up_page(document) -> None:
    section = document.sections[0]
    section.page_width, section.page_height = PAGE_WIDTH, PAGE_HEIGHT
    section.top_margin, section.bottom_margin = MARGIN_TOP, MARGIN_BOTTOM
    section.left_margin, section.right_margin = MARGIN_LEFT, MARGIN_RIGHT
    section.header_distance, section.footer_distance = Mm(10), Mm(10)
    # ND30: page numbers centred at the top, from the second page; the first page has none.
    section.different_first_page_header_footer = True
    section.first_page_header.is_linked_to_previous = False  # an explicit, empty first-page header
    paragraph = section.header.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _add_field(paragraph, "PAGE", size=Pt(14))


def _add_field(paragraph: Paragraph, instruction: str, size: Pt) -> None:
    def run_with(child) -> None:
        run = paragraph.add_run()
        run.font.size = size
        run._r.append(child)

    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    text = OxmlElement("w:instrText")
    text.set(qn("xml:space"), "preserve")
    text.text = f" {instruction} "
    separate = OxmlElement("w:fldChar")
    separate.set(qn("w:fldCharType"), "separate")
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    run_with(begin)
    run_with(text)
    run_with(separate)
    placeholder = paragraph.add_run("2")
    placeholder.font.size = size
    run_with(end)


# -- building blocks ---------------------------------------------------------------


def _line(container, text: str, *, size: float, bold=False, italic=False, align="center", space_before=0):
    paragraph = container.add_paragraph()
    paragraph.alignment = _ALIGN[align]
    paragraph.paragraph_format.space_before = Pt(space_before)
    lines = text.split("\n")
    for index, line in enumerate(lines):
        run = paragraph.add_run(line)
        run.font.size = Pt(size)
        run.bold = bold or None
        run.italic = italic or None
        if index < len(lines) - 1:
            run.add_break(WD_BREAK.LINE)
    return paragraph


def _rule(container, width: int, available: int, space_before: float = 1) -> Paragraph:
    """A short horizontal rule: an empty paragraph with a top border, narrowed by indents
    to `width` and centred in `available` (both EMU)."""
    paragraph = container.add_paragraph()
    inset = Emu(max(0, (available - width) // 2))
    fmt = paragraph.paragraph_format
    fmt.left_indent = fmt.right_indent = inset
    fmt.space_before = Pt(space_before)
    fmt.line_spacing = Pt(2)
    p_pr = paragraph._p.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    top = OxmlElement("w:top")
    top.set(qn("w:val"), "single")
    top.set(qn("w:sz"), "6")
    top.set(qn("w:space"), "1")
    top.set(qn("w:color"), "000000")
    borders.append(top)
    p_pr.insert_element_before(borders, *_AFTER_PBDR)
    return paragraph


@lru_cache(maxsize=2)
def _metrics_font(bold: bool):
    try:
        return ImageFont.truetype("LiberationSerif-Bold.ttf" if bold else "LiberationSerif-Regular.ttf", 1000)
    except OSError:
        return None


def _text_width(text: str, size_pt: float, bold: bool) -> int:
    """The printed width of a line in EMU, measured with Liberation Serif (metric-compatible
    with Times New Roman); a rough estimate when the font file is not there."""
    font = _metrics_font(bold)
    points = font.getlength(text) * size_pt / 1000 if font else len(text) * size_pt * 0.5
    return int(Pt(points))


def _borderless_table(document, widths: list[int], rows: int = 1) -> Table:
    table = document.add_table(rows=rows, cols=len(widths))
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    tbl_pr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:val"), "nil")
        borders.append(element)
    tbl_pr.insert_element_before(borders, *_AFTER_TBLBORDERS)
    _set_widths(table, widths)
    margins = OxmlElement("w:tblCellMar")
    for edge in ("left", "right"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:w"), "0")
        element.set(qn("w:type"), "dxa")
        margins.append(element)
    tbl_pr.insert_element_before(margins, *_AFTER_TBLCELLMAR)
    return table


def _set_widths(table: Table, widths: list[int]) -> None:
    table_width = table._tbl.tblPr.find(qn("w:tblW"))
    if table_width is not None:
        table_width.set(qn("w:type"), "dxa")
        table_width.set(qn("w:w"), str(sum(widths) // 635))  # EMU to twentieths of a point
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width
    for row in table.rows:
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = width


def _empty_cell(cell):
    """A table cell with its default empty paragraph removed, ready for add_paragraph."""
    for paragraph in list(cell.paragraphs):
        paragraph._p.getparent().remove(paragraph._p)
    return cell


def _body_paragraph(document, text: str) -> Paragraph:
    paragraph = document.add_paragraph(text)
    paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    fmt = paragraph.paragraph_format
    fmt.first_line_indent = FIRST_LINE_INDENT
    fmt.space_before = Pt(6)
    fmt.line_spacing = 1.15
    fmt.widow_control = True
    return paragraph


# -- the parts of the document -----------------------------------------------------


def _write_header(document, doc: OfficialDocument) -> None:
    left_width = HEADER_LEFT
    right_width = TEXT_WIDTH - HEADER_LEFT
    table = _borderless_table(document, [left_width, right_width], rows=2)
    left, right = (_empty_cell(cell) for cell in table.rows[0].cells)
    left_below, right_below = (_empty_cell(cell) for cell in table.rows[1].cells)

    if doc.superior_body:
        _line(left, doc.superior_body, size=13)
    issuer = _line(left, doc.issuer, size=13, bold=True)
    issuer.paragraph_format.keep_with_next = True
    issuer_width = min(_text_width(doc.issuer, 13, True), left_width)
    _rule(left, int(issuer_width * 0.4), left_width)
    _line(left_below, layout.number_line(doc.number_symbol), size=13, space_before=4)
    if doc.is_letter:
        _line(left_below, layout.letter_summary(doc.summary), size=12, space_before=2)

    nation, motto = doc.motto
    _line(right, nation, size=13, bold=True)
    ruled = motto or nation
    if motto:
        _line(right, motto, size=14, bold=True)
    ruled_width = min(_text_width(ruled, 14 if motto else 13, True), right_width)
    _rule(right, ruled_width, right_width)
    _line(right_below, layout.vietnamese_date_line(doc.place, doc.date), size=14, italic=True, space_before=4)


def _write_title(document, doc: OfficialDocument) -> None:
    if doc.is_letter:
        document.add_paragraph().paragraph_format.space_before = Pt(6)
        return
    _line(document, doc.type_name, size=14, bold=True, space_before=18)
    if doc.summary:
        summary = _line(document, doc.summary, size=14, bold=True)
        summary.paragraph_format.keep_with_next = True
        longest = max(doc.summary.split("\n"), key=len)
        width = min(_text_width(longest, 14, True), TEXT_WIDTH)
        _rule(document, int(width * 0.4), TEXT_WIDTH, space_before=2)


def _write_footer(document, doc: OfficialDocument) -> None:
    spacer = document.add_paragraph()
    spacer.paragraph_format.space_before = Pt(6)
    spacer.paragraph_format.keep_with_next = True
    table = _borderless_table(document, [FOOTER_LEFT, TEXT_WIDTH - FOOTER_LEFT])
    _cant_split(table.rows[0])
    left, right = (_empty_cell(cell) for cell in table.rows[0].cells)

    lines = layout.recipient_lines(doc.recipients)
    if lines:
        _line(left, "Nơi nhận:", size=12, bold=True, italic=True, align="left")
        for line in lines:
            _line(left, line, size=11, align="left")
    else:
        left.add_paragraph()

    if doc.signer_authority:
        _line(right, doc.signer_authority, size=14, bold=True)
    if doc.signer_position:
        _line(right, doc.signer_position, size=14, bold=True)
    # Room for the signature and the seal.
    _line(right, doc.signer_name, size=14, bold=True, space_before=84)


def _cant_split(row) -> None:
    row._tr.get_or_add_trPr().insert_element_before(OxmlElement("w:cantSplit"), *_AFTER_CANTSPLIT)


def _write_annex(document, annex: Annex, heading: str) -> None:
    _line(document, heading, size=14, bold=True).paragraph_format.page_break_before = True
    _line(document, annex.title, size=14, bold=True)
    if annex.subtitle:
        _line(document, annex.subtitle, size=14, italic=True)
    document.add_paragraph().paragraph_format.space_before = Pt(6)

    count = len(annex.columns)
    widths = [int(TEXT_WIDTH * fraction) for fraction in layout.annex_widths(annex)]
    aligns = layout.annex_alignments(annex)
    rows = [layout.padded_row(row, count) for row in annex.rows]
    if annex.totals:
        rows.append(layout.padded_row(annex.totals, count))
    table = document.add_table(rows=1 + len(rows), cols=count)
    table.style = document.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    _set_widths(table, widths)

    header = table.rows[0]
    # Repeat the header row at the top of every page the table runs onto.
    header._tr.get_or_add_trPr().insert_element_before(OxmlElement("w:tblHeader"), *_AFTER_TBLHEADER)
    for cell, title in zip(header.cells, annex.columns, strict=True):
        _cell_text(cell, title, bold=True, align="center")
    for index, values in enumerate(rows):
        row = table.rows[index + 1]
        _cant_split(row)
        bold = bool(annex.totals) and index == len(rows) - 1
        for cell, text, align in zip(row.cells, values, aligns, strict=True):
            _cell_text(cell, text, bold=bold, align=align)


def _cell_text(cell, text: str, *, bold: bool, align: str) -> None:
    paragraph = cell.paragraphs[0]
    paragraph.alignment = _ALIGN[align]
    run = paragraph.add_run(text)
    run.font.size = Pt(12)
    run.bold = bold or None
