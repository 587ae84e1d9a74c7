"""Word files and PDFs typed in the old 8-bit Vietnamese fonts: TCVN3 (".VnTime", its capitals
font ".VnTimeH") and VNI ("VNI-Times"). Read as stored, their text is "Céng hoµ x· héi" or
"Coäng hoøa xaõ hoäi" and the reader found nothing; each run (each PDF chunk) set in such a font
is converted by its table (`reader/legacy_fonts.py`). Specimens typed here."""

import io
import unicodedata

import docx
import pytest
from docx.oxml.ns import qn

from core.testing.skips import files_only
from documents.reader import read_file, read_text
from documents.reader.docx_text import docx_text
from documents.reader.legacy_fonts import TCVN3, TCVN3_CAPITALS, VNI, decode, font_encoding
from documents.reader.pdf_text import pdf_text
from documents.tests.corpus_files import build_docx, build_pdf

pytestmark = files_only()

MOTTO = "Cộng hoà xã hội chủ nghĩa Việt Nam"


def _docx(
    *paragraphs: list[tuple[str, str | None]], style_font: str | None = None, default: str | None = None
):
    document = docx.Document()
    if style_font:
        document.styles["Normal"].font.name = style_font
    if default:
        fonts = document.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
        fonts = fonts.find(qn("w:rFonts"))
        fonts.attrib.clear()
        fonts.set(qn("w:ascii"), default)
        fonts.set(qn("w:hAnsi"), default)
    for runs in paragraphs:
        paragraph = document.add_paragraph()
        for text, font in runs:
            run = paragraph.add_run(text)
            if font:
                run.font.name = font
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_the_header_line_in_each_encoding():
    """TCVN 5712:1993 (VN3) and VNI's table, each letter checked against NFC Unicode."""
    assert decode("Céng hoµ x· héi chñ nghÜa ViÖt Nam", TCVN3) == MOTTO
    assert decode("Coäng hoaø xaõ hoäi chuû nghóa Vieät Nam", VNI) == MOTTO
    assert decode("§éc lËp - Tù do - H¹nh phóc", TCVN3) == "Độc lập - Tự do - Hạnh phúc"
    assert decode("Ñoäc laäp - Töï do - Haïnh phuùc", VNI) == "Độc lập - Tự do - Hạnh phúc"
    assert decode("TRÖÔØNG ÑAÏI HOÏC", VNI) == "TRƯỜNG ĐẠI HỌC"
    assert (
        unicodedata.is_normalized("NFC", decode("tr\xadêng", TCVN3))
        and decode("tr\xadêng", TCVN3) == "trường"
    )


def test_font_names_tell_the_encoding():
    assert font_encoding(".VnTime") == TCVN3 and font_encoding(".VNARIAL") == TCVN3
    assert font_encoding(".VnTimeH") == TCVN3_CAPITALS and font_encoding(".VnArial NarrowH") == TCVN3_CAPITALS
    assert font_encoding("VNI-Times") == VNI and font_encoding("vni-helve") == VNI
    assert font_encoding("Times New Roman") is None and font_encoding("VnExpress Sans") is None


def test_a_word_file_in_each_encoding_reads_in_unicode():
    tcvn3 = _docx([("Céng hoµ x· héi chñ nghÜa ViÖt Nam", ".VnTime")])
    vni = _docx([("Coäng hoaø xaõ hoäi chuû nghóa Vieät Nam", "VNI-Times")])
    assert docx_text(tcvn3) == docx_text(vni) == MOTTO


def test_a_run_in_the_capitals_font_prints_capitals():
    """The capitals font “.VnTimeH” prints its lower-case codes as capitals: “céng hoµ” is CỘNG HOÀ."""
    assert docx_text(_docx([("céng hoµ x· héi chñ nghÜa viÖt nam", ".VnTimeH")])) == MOTTO.upper()


def test_fonts_mixed_in_one_paragraph_are_converted_run_by_run():
    """A capital with a tone, which VN3 lacks, typed in the capitals font inside a ".VnTime"
    line; a Unicode run between them stays as it is; a VNI letter's marks cut into the next run."""
    text = docx_text(
        _docx(
            [("ñ", ".VnTimeH"), ("y ban nh©n d©n ", ".VnTime"), ("tỉnh Cao Bằng", "Times New Roman")],
            [("Vie", "VNI-Times"), ("ät Nam", "VNI-Times")],
        )
    )
    assert text == "Ủy ban nhân dân tỉnh Cao Bằng\nViệt Nam"


def test_a_unicode_run_in_a_legacy_font_is_not_converted_twice():
    """Text typed in Unicode (a letter past the 8-bit range) in a run named ".VnTime" or
    "VNI-Times" is already converted: it is kept."""
    assert docx_text(_docx([(MOTTO, ".VnTime")], [(MOTTO, "VNI-Times")])) == f"{MOTTO}\n{MOTTO}"


def test_the_font_comes_from_the_style_else_the_document_default():
    assert docx_text(_docx([("Céng hoµ", None)], style_font=".VnTime")) == "Cộng hoà"
    assert docx_text(_docx([("Coäng hoøa", None)], default="VNI-Times")) == "Cộng hòa"
    assert docx_text(_docx([("Céng hoµ", "Times New Roman")], default=".VnTime")) == "Céng hoµ"


SPECIMEN = (
    "UBND TỈNH CAO BẰNG\nSỞ NỘI VỤ\nSố: 12/KH-SNV\n"
    "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
    "Cao Bằng, ngày 15 tháng 6 năm 2015\nKẾ HOẠCH\nTổ chức phong trào thi đua yêu nước năm 2015\n"
    "Căn cứ Quyết định số 20/2014/QĐ-UBND ngày 10/3/2014 của Ủy ban nhân dân tỉnh;\n"
    "I. MỤC ĐÍCH, YÊU CẦU\nII. NỘI DUNG\nNơi nhận:\n- Các sở, ban, ngành;\n- Lưu: VT.\nGIÁM ĐỐC\n"
)


@pytest.mark.parametrize("encoding", [TCVN3, VNI])
def test_a_document_typed_in_an_old_font_reads_as_typed_in_unicode(tmp_path, encoding):
    unicode = read_file(build_docx(SPECIMEN, tmp_path / "u.docx")).as_json()
    legacy = read_file(build_docx(SPECIMEN, tmp_path / "l.docx", encoding)).as_json()
    assert legacy == unicode and unicode["number_symbol"] == "12/KH-SNV"


# WeasyPrint does not draw U+00AD (TCVN3's ư, a soft hyphen in Latin-1): the PDF specimen has none.
PDF_SPECIMEN = SPECIMEN.replace("phong trào thi đua yêu nước", "phong trào thi đua").replace("Lưu", "Chép")


@pytest.mark.parametrize("encoding", [TCVN3, VNI])
def test_a_pdf_printed_from_old_fonts_is_converted_chunk_by_chunk(tmp_path, encoding):
    """The PDF names its fonts "VnTime", "VnTimeH", "VNI-Times"; pypdf tells each chunk's font."""
    unicode = read_file(build_pdf(PDF_SPECIMEN, tmp_path / "u.pdf")).as_json()
    legacy_pdf = build_pdf(PDF_SPECIMEN, tmp_path / "l.pdf", encoding)
    assert "Cao Bằng, ngày 15 tháng 6 năm 2015" in pdf_text(legacy_pdf.read_bytes())
    assert read_file(legacy_pdf).as_json() == unicode


def test_a_pdf_whose_fonts_were_renamed_is_told_by_its_words(tmp_path):
    """A printer that renamed the fonts leaves no name to go by: a page whose words read as
    Vietnamese syllables only once converted is converted whole; a Unicode page is not."""
    from weasyprint import HTML

    lines = [
        "Céng hoµ x· héi chñ nghÜa ViÖt Nam",
        "§éc lËp - Tù do - H¹nh phóc",
        "Cao B»ng, ngµy 15 th¸ng 6 n¨m 2015",
    ]
    page = "".join(f"<p>{line}</p>" for line in lines)
    text = pdf_text(HTML(string=page).write_pdf())
    assert MOTTO in text and "Cao Bằng, ngày 15 tháng 6 năm 2015" in text
    unicode = HTML(string="".join(f"<p>{decode(line, TCVN3)}</p>" for line in lines)).write_pdf()
    assert MOTTO in pdf_text(unicode)


def test_unicode_text_is_never_taken_for_a_legacy_encoding():
    result = read_text(SPECIMEN)
    assert result.title == "Tổ chức phong trào thi đua yêu nước năm 2015"


def _winansi_pdf(lines: list[tuple[str, str]]) -> bytes:
    """A PDF as Word prints one: each line drawn in a TrueType font by its Windows-1252 codes
    (WinAnsiEncoding, not embedded), the font named as the old font is ("VnTime")."""
    fonts = sorted({font for _, font in lines})
    content = b"BT 12 TL 72 760 Td " + b"".join(
        b"/F%d 12 Tf (%s) ' "
        % (fonts.index(font), text.encode("cp1252").replace(b"(", b"\\(").replace(b")", b"\\)"))
        for text, font in lines
    )
    content += b"ET"
    font_refs = b" ".join(b"/F%d %d 0 R" % (i, 5 + i) for i in range(len(fonts)))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << "
        + font_refs
        + b" >> >> /Contents 4 0 R >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content),
        *(
            b"<< /Type /Font /Subtype /TrueType /BaseFont /%s /Encoding /WinAnsiEncoding >>" % font.encode()
            for font in fonts
        ),
    ]
    out = b"%PDF-1.4\n"
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return out


def test_a_pdf_printed_from_word_reads_the_tcvn3_u_with_horn():
    """TCVN3's “ư” is code 0xAD, a soft hyphen in Windows-1252, which pypdf gives as U+00AD; a
    line in the capitals font “VnTimeH” and one in Arial (Unicode codes) beside them."""
    data = _winansi_pdf(
        [
            ("céng hoµ x· héi chñ nghÜa viÖt nam", "VnTimeH"),
            ("Tr\xadêng Trung häc c¬ së Hoµ B×nh", "VnTime"),
            ("Tây Ninh", "Arial"),
        ]
    )
    assert pdf_text(data).splitlines() == [MOTTO.upper(), "Trường Trung học cơ sở Hoà Bình", "Tây Ninh"]
