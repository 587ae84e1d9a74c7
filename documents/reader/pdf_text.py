"""The text of a PDF: its text layer (pypdf), or, for a scan with no text layer, what
Tesseract reads in its page images with the Vietnamese language data (pytesseract, the
pages rendered by pypdfium2). Every way a PDF cannot be read ends in a ReaderError whose
Vietnamese message says what to do, within a bounded time: files longer than MAX_PAGES
are refused before any page is read, and OCR stops at OCR_MAX_PAGES and OCR_SECONDS."""

import io
import logging
import shutil
import time

from documents.reader.errors import ReaderError

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
        raise ReaderError("Tệp không phải là tệp PDF hợp lệ.")
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not _opens_without_password(reader):
            raise ReaderError(
                "Tệp PDF được đặt mật khẩu: hãy mở tệp, lưu lại bản không có mật khẩu rồi thử lại."
            )
        count = len(reader.pages)
    except ReaderError:
        raise
    except Exception as exc:  # a damaged file fails in many ways inside pypdf
        raise ReaderError("Tệp PDF bị hỏng, không đọc được nội dung.") from exc
    if count == 0:
        raise ReaderError("Tệp PDF không có trang nào.")
    if count > MAX_PAGES:
        raise ReaderError(
            f"Tệp PDF có {count} trang; hệ thống chỉ đọc văn bản dài đến {MAX_PAGES} trang. "
            "Hãy tách riêng văn bản cần nhập (bỏ phụ lục, danh sách kèm theo) rồi thử lại."
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
        raise ReaderError("Tệp PDF bị hỏng, không đọc được nội dung.") from exc
    if content > MAX_CONTENT_MB * 1024 * 1024:
        raise ReaderError(
            f"Nội dung các trang của tệp PDF quá lớn (hơn {MAX_CONTENT_MB} MB khi giải nén): đây không phải "
            "một văn bản thông thường. Hãy in lại văn bản ra PDF hoặc nhập tệp Word."
        )
    try:
        pages = [page.extract_text() or "" for page in reader.pages]
    except Exception as exc:
        raise ReaderError("Tệp PDF bị hỏng, không đọc được nội dung.") from exc
    if sum(_letters(page) for page in pages) >= _MIN_LETTERS * count:
        return "\n".join(pages)
    return None


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
            "Tệp PDF này là bản scan (ảnh chụp), không có lớp chữ. Máy chủ chưa cài phần mềm nhận dạng chữ "
            "Tesseract với dữ liệu tiếng Việt nên không đọc được: hãy nhập tệp Word hoặc PDF có lớp chữ, "
            "hoặc báo quản trị hệ thống cài đặt (make install)."
        )
    if count > OCR_MAX_PAGES:
        raise ReaderError(
            f"Tệp PDF là bản scan {count} trang; hệ thống chỉ nhận dạng chữ được bản scan đến {OCR_MAX_PAGES} "
            "trang. Hãy chỉ gửi các trang của văn bản (bỏ phụ lục, danh sách kèm theo) rồi thử lại."
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
                raise ReaderError(_OCR_TOO_LONG)
            image = document[index].render(scale=OCR_DPI / 72).to_pil().convert("L")
            try:
                texts.append(
                    pytesseract.image_to_string(image, lang=OCR_LANGUAGES, config="--psm 4", timeout=left)
                )
            except RuntimeError as exc:  # pytesseract's timeout
                raise ReaderError(_OCR_TOO_LONG) from exc
    finally:
        document.close()
    return "\n".join(texts)


_OCR_TOO_LONG = (
    "Nhận dạng chữ bản scan mất quá nhiều thời gian. Hãy gửi bản scan ít trang hơn hoặc rõ nét hơn, "
    "hoặc tệp Word/PDF có lớp chữ."
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
