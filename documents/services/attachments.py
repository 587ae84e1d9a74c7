"""Attachments of a document: added and removed while it is a draft."""

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import transaction

from accounts import permissions
from core.uploads import DOCX, PDF, XLSX, check_upload
from documents.models import (
    Attachment,
    Document,
)

__all__ = ["ATTACHMENT_TYPES", "add_attachment", "remove_attachment"]


ATTACHMENT_TYPES = {PDF, DOCX, XLSX}


@transaction.atomic
def add_attachment(*, actor, document: Document, file) -> Attachment:
    """File a PDF, Word or Excel file with a document; the type is decided by content."""
    if not permissions.can_edit_document(actor, document):
        raise PermissionDenied
    kind = check_upload(file, ATTACHMENT_TYPES, max_mb=settings.MAX_UPLOAD_MB, field_label=file.name)
    attachment = Attachment(
        document=document, original_name=file.name[:255], kind=kind, size=file.size, uploaded_by=actor
    )
    attachment.file.save(file.name, file, save=False)
    attachment.save()
    return attachment


@transaction.atomic
def remove_attachment(*, actor, attachment: Attachment) -> None:
    if not permissions.can_edit_document(actor, attachment.document):
        raise PermissionDenied
    attachment.file.delete(save=False)
    attachment.delete()
