"""Checks on uploaded files: size and type decided by content, never by the name alone."""

import io
import os
import re
import secrets
import shutil
import zipfile
from pathlib import PurePosixPath

from django.conf import settings
from django.core.exceptions import SuspiciousFileOperation, ValidationError
from django.utils.deconstruct import deconstructible
from django.utils.text import get_valid_filename
from django.utils.translation import gettext as _

PDF = "pdf"
DOCX = "docx"
XLSX = "xlsx"
PNG = "png"
JPEG = "jpeg"
GIF = "gif"
WEBP = "webp"
TXT = "txt"

_LABELS = {
    PDF: "PDF",
    DOCX: "Word (.docx)",
    XLSX: "Excel (.xlsx)",
    PNG: "PNG",
    JPEG: "JPEG",
    GIF: "GIF",
    WEBP: "WebP",
    TXT: "TXT",
}


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
            prefix
            + _("The file is %(size).1f MB; the limit is %(limit)d MB.")
            % {"size": size / 1024 / 1024, "limit": max_mb}
        )
    file.seek(0)
    head = file.read(2048)
    file.seek(0)
    kind = sniff(head, file)
    if kind == "ole" and (DOCX in allowed or XLSX in allowed):
        raise ValidationError(
            prefix
            + _(
                "The file is an old Office format or is password-protected. Save it as an unprotected .docx or .xlsx and try again."
            )
        )
    if kind not in allowed:
        expected = ", ".join(_LABELS[a] for a in sorted(allowed))
        raise ValidationError(
            prefix + _("The file's content is not an allowed type (%(expected)s).") % {"expected": expected}
        )
    return kind


# Stored names -----------------------------------------------------------------------------

TOKEN_BYTES = 24  # 192 bits: a stored name cannot be guessed or enumerated


@deconstructible
class RandomName:
    """`upload_to` of every FileField: `<prefix>/<random token>/<original name>`. The token makes
    the stored name unguessable; the original name stays readable for the download's filename."""

    def __init__(self, prefix: str):
        self.prefix = prefix.strip("/")

    def __call__(self, instance, filename: str) -> str:
        return f"{self.prefix}/{secrets.token_urlsafe(TOKEN_BYTES)}/{_base_name(filename)}"

    def __eq__(self, other) -> bool:
        return isinstance(other, RandomName) and other.prefix == self.prefix


def _base_name(filename: str) -> str:
    try:
        return get_valid_filename(PurePosixPath(filename.replace("\\", "/")).name)
    except SuspiciousFileOperation:  # "", "." or ".."
        return "file"


def is_random_name(name: str, prefix: str) -> bool:
    """Whether `name` already has the shape RandomName gives (so moving it again is skipped)."""
    return bool(re.fullmatch(re.escape(prefix.strip("/")) + r"/[A-Za-z0-9_-]{32,}/[^/]+", name or ""))


def move_to_random_names(apps, schema_editor, targets, *, body_models=()) -> None:
    """Data migration: give every stored file of `targets` ((app_label, model, field, prefix), ...)
    a RandomName and update its row (and the rows of the model's history that named the same
    file). The new name is a hard link (or a copy) of the old file; the old name is deleted once
    the migration's transaction has committed, so a failed migration loses nothing. Rows already
    moved are skipped: running it again does nothing. `body_models` ((app_label, model, field), ...)
    are text fields where the old URL is replaced by the new one (images inserted in articles)."""
    from django.core.files.storage import default_storage
    from django.db import transaction

    renamed: dict[str, str] = {}
    for app_label, model_name, field_name, prefix in targets:
        model = apps.get_model(app_label, model_name)
        try:
            history = apps.get_model(app_label, f"Historical{model_name}")
        except LookupError:
            history = None
        rows = model.objects.exclude(**{field_name: ""}).exclude(**{f"{field_name}__isnull": True})
        for pk, old in rows.values_list("pk", field_name):
            if is_random_name(old, prefix):
                continue
            if not default_storage.exists(old):
                continue  # nothing to move; the row keeps its (dead) name
            new = RandomName(prefix)(None, old)
            _link_or_copy(default_storage, old, new)
            model.objects.filter(pk=pk).update(**{field_name: new})
            if history is not None:
                history.objects.filter(**{field_name: old}).update(**{field_name: new})
            renamed[old] = new
    if renamed and body_models:
        from django.conf import settings

        base = settings.MEDIA_URL if settings.MEDIA_URL.startswith("/") else "/" + settings.MEDIA_URL
        for app_label, model_name, field_name in body_models:
            model = apps.get_model(app_label, model_name)
            for old, new in renamed.items():
                for pk, text in model.objects.filter(**{f"{field_name}__contains": base + old}).values_list(
                    "pk", field_name
                ):
                    model.objects.filter(pk=pk).update(**{field_name: text.replace(base + old, base + new)})
    olds = list(renamed)

    def delete_old_names() -> None:
        for old in olds:
            default_storage.delete(old)

    transaction.on_commit(delete_old_names)


def _link_or_copy(storage, old: str, new: str) -> None:
    try:
        source, target = storage.path(old), storage.path(new)
    except NotImplementedError:  # a storage without local paths
        with storage.open(old, "rb") as handle:
            storage.save(new, handle)
        return
    os.makedirs(os.path.dirname(target), exist_ok=True)
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)
