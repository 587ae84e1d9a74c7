"""Checks on uploaded files: size and type decided by content, never by the name alone."""

import io
import zipfile

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

PDF = "pdf"
DOCX = "docx"
XLSX = "xlsx"
PNG = "png"
JPEG = "jpeg"
GIF = "gif"
WEBP = "webp"
TXT = "txt"

_LABELS = {PDF: "PDF", DOCX: "Word (.docx)", XLSX: "Excel (.xlsx)", PNG: "PNG", JPEG: "JPEG", GIF: "GIF", WEBP: "WebP", TXT: "TXT"}


def sniff(head: bytes, file=None) -> str | None:
    """The real type of a file from its first bytes (and, for Office files, its zip parts)."""
    if head.startswith(b"%PDF-"):
        return PDF
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if head.startswith(b"\xff\xd8\xff"):
        return JPEG
    if head[:6] in (b"GIF87a", b"GIF89a"):
        return GIF
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return WEBP
    if head.startswith(b"PK\x03\x04") and file is not None:
        try:
            file.seek(0)
            with zipfile.ZipFile(file) as archive:
                names = set(archive.namelist())
        except (zipfile.BadZipFile, OSError):
            return None
        finally:
            file.seek(0)
        if "word/document.xml" in names:
            return DOCX
        if "xl/workbook.xml" in names:
            return XLSX
        return None
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        return "ole"  # old .doc/.xls, or an encrypted (password-protected) Office file
    try:
        head.decode("utf-8")
    except UnicodeDecodeError:
        # the head may cut a multi-byte character: try again without the last bytes
        try:
            head[:-3].decode("utf-8")
        except UnicodeDecodeError:
            return None
    return TXT if b"\x00" not in head else None


def check_upload(file, allowed: set[str], *, max_mb: int | None = None, field_label: str = "") -> str:
    """Raise a clear ValidationError unless `file` is non-empty, small enough and of an
    allowed type by content. Returns the detected type."""
    max_mb = max_mb or settings.MAX_UPLOAD_MB
    prefix = f"{field_label}: " if field_label else ""
    size = getattr(file, "size", None)
    if size is None:
        file.seek(0, io.SEEK_END)
        size = file.tell()
    if size == 0:
        raise ValidationError(prefix + _("The file is empty."))
    if size > max_mb * 1024 * 1024:
        raise ValidationError(
            prefix + _("The file is %(size).1f MB; the limit is %(limit)d MB.") % {"size": size / 1024 / 1024, "limit": max_mb}
        )
    file.seek(0)
    head = file.read(2048)
    file.seek(0)
    kind = sniff(head, file)
    if kind == "ole" and (DOCX in allowed or XLSX in allowed):
        raise ValidationError(
            prefix + _("The file is an old Office format or is password-protected. Save it as an unprotected .docx or .xlsx and try again.")
        )
    if kind not in allowed:
        expected = ", ".join(_LABELS[a] for a in sorted(allowed))
        raise ValidationError(prefix + _("The file's content is not an allowed type (%(expected)s).") % {"expected": expected})
    return kind
