"""Read a document from a file, whatever its name says: plain text (UTF-8, perhaps with a
BOM, or UTF-16 from old Windows tools), Word (.docx) or PDF (its text layer, or OCR for a
scan), recognised by its content."""

from pathlib import Path
from typing import IO

from django.utils.translation import gettext as _

from documents.reader.docx_text import OLE_SIGNATURE
from documents.reader.errors import ReaderError
from documents.reader.extract import Extraction, read_docx, read_pdf, read_text

__all__ = ["read_file"]


def decode_text(data: bytes) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ReaderError(_("A text file must be saved in the UTF-8 encoding.")) from exc


def file_bytes(source: str | Path | bytes | IO[bytes]) -> bytes:
    if isinstance(source, bytes | bytearray):
        return bytes(source)
    if isinstance(source, str | Path):
        try:
            return Path(source).read_bytes()
        except OSError as exc:
            raise ReaderError(
                _("Cannot open the file “%(file)s”: %(reason)s.") % {"file": source, "reason": exc.strerror}
            ) from exc
    return source.read()


def name_of(source: object, name: str = "") -> str:
    return (name or (str(source) if isinstance(source, str | Path) else "")).lower()


def read_file(source: str | Path | bytes | IO[bytes], name: str = "") -> Extraction:
    """Read a .txt, .docx or .pdf file (a path, its bytes or an open binary file)."""
    data = file_bytes(source)
    if not data.strip():
        raise ReaderError(_("The file is empty: there is nothing to read."))
    if data.lstrip()[:5] == b"%PDF-" or name_of(source, name).endswith(".pdf"):
        return read_pdf(data)
    name = name_of(source, name)
    if data.startswith((b"PK", OLE_SIGNATURE)) or name.endswith((".docx", ".doc")):
        return read_docx(data)
    return read_text(decode_text(data))
