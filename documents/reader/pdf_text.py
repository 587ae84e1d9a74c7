"""The text of a PDF: its text layer (pypdf), or, for a scan with no text layer, what
Tesseract reads in its page images with the Vietnamese language data (pytesseract, the
pages rendered by pypdfium2). Every way a PDF cannot be read ends in a ReaderError whose
Vietnamese message says what to do, within a bounded time: files longer than MAX_PAGES
are refused before any page is read, and OCR stops at OCR_MAX_PAGES and OCR_SECONDS."""

import io
import logging
import shutil
import time

from django.utils.translation import gettext as _

from documents.reader.errors import ReaderError
from documents.reader.legacy_fonts import decode, decode_runs, pdf_font_encoding, text_encoding

# An official document, its list of recipients included, fits in far fewer pages; longer
# files are compilations (a decision with its 200-page list of names) the reader cannot use.
MAX_PAGES = 30
# A scan is read page by page through OCR; past these, the officer is asked to send fewer pages.
OCR_MAX_PAGES = 6
# The text operators of a long official document take a few hundred KB; parsing them costs about
# a quarter of a second per MB.
MAX_CONTENT_MB = 4
OCR_SECONDS = 90
OCR_DPI = 300
OCR_LANGUAGES = "vie"
# Fewer letters than this per page: the page is an image (a scan), not text.
_MIN_LETTERS = 40

logging.getLogger("pypdf").setLevel(logging.ERROR)


class OcrUnavailable(ReaderError):
    """Tesseract or its Vietnamese data is not installed on the server."""


def _open(data: bytes):
    """The PDF's reader and its page count; ReaderError for what cannot be read."""
    from pypdf import PdfReader

    if not data.lstrip()[:5] == b"%PDF-":
        raise ReaderError(_("The file is not a valid PDF file."))
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not _opens_without_password(reader):
            raise ReaderError(
                _("The PDF file has a password: open it, save a copy without the password and try again.")
            )
        count = len(reader.pages)
    except ReaderError:
        raise
    except Exception as exc:  # a damaged file fails in many ways inside pypdf
        raise ReaderError(_("The PDF file is damaged: its content cannot be read.")) from exc
    if count == 0:
        raise ReaderError(_("The PDF file has no pages."))
    if count > MAX_PAGES:
        raise ReaderError(
            _(
                "The PDF file has %(count)s pages; documents of up to %(max)s pages are read. Keep only the "
                "document to enter (leave out annexes and attached lists) and try again."
            )
            % {"count": count, "max": MAX_PAGES}
        )
    return reader, count


def _content_bytes(reader) -> int:
    """The size of the pages' content streams once inflated, counted per page (a stream shared by
    pages is parsed once for each): what reading the text layer will parse."""
    total = 0
    for page in reader.pages:
        contents = page.get_contents()
        total += len(contents.get_data()) if contents is not None else 0
        if total > MAX_CONTENT_MB * 1024 * 1024:
            break
    return total


def _text_layer(reader, count: int) -> str | None:
    """The text of every page, or None when the pages are images (a scan). The pages' content is
    bounded first: a 20 KB file whose 30 pages share one 4 MB stream cost minutes of CPU."""
    try:
        content = _content_bytes(reader)
    except Exception as exc:
        raise ReaderError(_("The PDF file is damaged: its content cannot be read.")) from exc
    if content > MAX_CONTENT_MB * 1024 * 1024:
        raise ReaderError(
            _(
                "The pages of the PDF file are too large (over %(max)s MB unpacked): this is no ordinary "
                "document. Print the document to PDF again or enter the Word file."
            )
            % {"max": MAX_CONTENT_MB}
        )
    try:
        pages = [_page_text(page) for page in reader.pages]
    except Exception as exc:
        raise ReaderError(_("The PDF file is damaged: its content cannot be read.")) from exc
    if sum(_letters(page) for page in pages) >= _MIN_LETTERS * count:
        return "\n".join(pages)
    return None


def _page_text(page) -> str:
    """A page's text, what it draws in a legacy 8-bit font converted to Unicode: chunk by chunk
    where the page names such a font (pypdf tells each chunk's font), else the whole page when its
    words read as a legacy encoding (a printer that renamed the fonts)."""
    if not any(pdf_font_encoding(name) for name in _font_names(page)):
        text = page.extract_text() or ""
        encoding = text_encoding(text)
        return decode(text, encoding) if encoding else text
    chunks: list[tuple[str, str | None]] = []

    def visit(text: str, cm, tm, font, size) -> None:
        chunks.append((text, pdf_font_encoding(font.get("/BaseFont")) if font else None))

    text = page.extract_text(visitor_text=visit) or ""
    if "".join(chunk for chunk, _ in chunks) != text:
        return text  # the chunks do not make up the text: keep it as printed
    return decode_runs(chunks)


def _font_names(page) -> list[str]:
    """The names of the fonts a page's resources hold; none where they cannot be read (the text
    layer is still read, as before)."""
    try:
        fonts = page["/Resources"].get_object()["/Font"].get_object()
        return [str(font.get_object().get("/BaseFont", "")) for font in fonts.values()]
    except Exception:
        return []


def scanned_pages(data: bytes) -> int:
    """0 for a PDF with a text layer, else its number of pages; checks first what can be
    told at once (a password, too many pages, a scan longer than OCR reads, no Tesseract), so
    that the slow OCR can be left to the task worker with nothing left to refuse but the OCR."""
    reader, count = _open(data)
    if _text_layer(reader, count) is not None:
        return 0
    _check_ocr(count)
    return count


def pdf_text(data: bytes) -> str:
    """All text of a PDF, one line per line; ReaderError if it cannot be read."""
    reader, count = _open(data)
    text = _text_layer(reader, count)
    if text is not None:
        return _clean(text)
    return _clean(ocr_pdf(data, count))


def _opens_without_password(reader) -> bool:
    """A PDF protected only against editing opens with the empty user password."""
    try:
        return bool(reader.decrypt(""))
    except Exception:
        return False


def _letters(text: str) -> int:
    return sum(1 for c in text if c.isalpha())


def ocr_available() -> bool:
    if shutil.which("tesseract") is None:
        return False
    try:
        import pytesseract

        return OCR_LANGUAGES in pytesseract.get_languages(config="")
    except Exception:
        return False


def _check_ocr(count: int) -> None:
    if not ocr_available():
        raise OcrUnavailable(
            _(
                "This PDF file is a scan (pictures) with no text layer. The server does not have the Tesseract "
                "text recognition with Vietnamese data installed, so it cannot be read: enter a Word file or a "
                "PDF with a text layer, or ask the system administrator to install it (make install)."
            )
        )
    if count > OCR_MAX_PAGES:
        raise ReaderError(
            _(
                "The PDF file is a scan of %(count)s pages; text is recognised in scans of up to %(max)s pages. "
                "Send only the document's pages (leave out annexes and attached lists) and try again."
            )
            % {"count": count, "max": OCR_MAX_PAGES}
        )


def ocr_pdf(data: bytes, count: int) -> str:
    """Read a scanned PDF through OCR, page by page, within the page and time limits."""
    _check_ocr(count)
    import pypdfium2
    import pytesseract

    deadline = time.monotonic() + OCR_SECONDS
    document = pypdfium2.PdfDocument(data)
    texts = []
    try:
        for index in range(len(document)):
            left = deadline - time.monotonic()
            if left <= 0:
                raise ReaderError(_ocr_too_long())
            image = document[index].render(scale=OCR_DPI / 72).to_pil().convert("L")
            try:
                texts.append(
                    pytesseract.image_to_string(image, lang=OCR_LANGUAGES, config="--psm 4", timeout=left)
                )
            except RuntimeError as exc:  # pytesseract's timeout
                raise ReaderError(_ocr_too_long()) from exc
    finally:
        document.close()
    return "\n".join(texts)


def _ocr_too_long() -> str:
    return _(
        "Recognising the scan's text took too long. Send a scan with fewer or sharper pages, "
        "or a Word file or a PDF with a text layer."
    )


def page_image(data: bytes, index: int, dpi: int = 100):
    """A page of a PDF as an image (PIL), to show beside what was read; None past the last."""
    import pypdfium2

    document = pypdfium2.PdfDocument(data)
    try:
        if not 0 <= index < len(document):
            return None
        return document[index].render(scale=dpi / 72).to_pil()
    finally:
        document.close()


def _clean(text: str) -> str:
    """Drop the form feeds between pages."""
    return text.replace("\f", "\n")
