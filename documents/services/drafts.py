"""Drafts: created, edited and discarded by whoever may write for the issuing unit."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from accounts import permissions
from core.text import normalize
from documents.models import (
    Document,
    DocumentType,
)
from organisations.models import Unit

__all__ = ["EDITABLE_FIELDS", "create_draft", "discard_draft", "update_draft"]


EDITABLE_FIELDS = {
    "doc_type",
    "summary",
    "theme",
    "body",
    "place",
    "signer_authority",
    "signer_position",
    "signer_name",
    "recipients_text",
    "requires_plan",
    "plan_deadline",
    "parent",
    "drafting_office",
}


@transaction.atomic
def create_draft(*, actor, issuer: Unit, doc_type: DocumentType, summary: str, **fields) -> Document:
    if not permissions.can_manage_documents(actor, issuer):
        raise PermissionDenied(_("You may only draft documents for units in your scope."))
    unknown = set(fields) - EDITABLE_FIELDS
    if unknown:
        raise TypeError(f"not editable: {unknown}")
    document = Document(doc_type=doc_type, issuer_unit=issuer, summary=summary, created_by=actor, **fields)
    _check_draft(document)
    document.save()
    return document


@transaction.atomic
def update_draft(*, actor, document: Document, **fields) -> Document:
    document = Document.objects.select_for_update().get(pk=document.pk)
    if not permissions.can_manage_documents(actor, document.issuer_unit):
        raise PermissionDenied
    if not document.is_editable:
        raise ValidationError(_("An issued document cannot be edited; issue a new one that replaces it."))
    for key, value in fields.items():
        if key not in EDITABLE_FIELDS:
            raise TypeError(f"not editable: {key}")
        setattr(document, key, value)
    _check_draft(document)
    document.save()
    return document


@transaction.atomic
def discard_draft(*, actor, document: Document) -> None:
    """Delete a draft that was never issued, with its links and attachments."""
    document = Document.objects.select_for_update().get(pk=document.pk)
    if not permissions.can_manage_documents(actor, document.issuer_unit):
        raise PermissionDenied
    if not document.is_editable:
        raise ValidationError(_("Only a draft can be deleted; an issued document stays in the registry."))
    for attachment in document.attachments.all():
        attachment.file.delete(save=False)
    document.delete()


def _check_draft(document: Document, summary_required: bool = True) -> None:
    if summary_required and not normalize(document.summary):
        raise ValidationError({"summary": _("The summary (trích yếu) is required.")})
    parent = document.parent
    if parent is None:
        return
    if not Document.objects.filter(pk=parent.pk, status=Document.Status.ISSUED).exists():  # the stored truth
        raise ValidationError({"parent": _("A plan can only implement an issued plan.")})
    if document.issuer_unit_id and not parent.obligations.filter(unit_id=document.issuer_unit_id).exists():
        raise ValidationError({"parent": _("Your unit is not a recipient of that plan.")})
