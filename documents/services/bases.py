"""Legal bases: the documents a document rests on, never in a loop."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from accounts import permissions
from documents.models import (
    Document,
    DocumentBasis,
)

__all__ = ["add_basis", "remove_basis", "set_bases"]


def _reachable_bases(start_ids: set[int]) -> set[int]:
    """Every document reachable through bases from `start_ids` (breadth first, one query per level)."""
    seen: set[int] = set()
    frontier = set(start_ids)
    while frontier:
        seen |= frontier
        frontier = (
            set(DocumentBasis.objects.filter(document_id__in=frontier).values_list("basis_id", flat=True))
            - seen
        )
    return seen


@transaction.atomic
def set_bases(*, actor, document: Document, bases: list[Document]) -> None:
    """Replace a document's legal bases, refusing a basis that leads back to the document."""
    if not permissions.can_edit_document(actor, document):
        raise PermissionDenied
    if document.status == Document.Status.ISSUED:
        raise ValidationError({"bases": _("The legal bases of an issued document cannot change.")})
    ids = [b.pk for b in bases]
    if document.pk in ids:
        raise ValidationError({"bases": _("A document cannot cite itself as its legal basis.")})
    if document.pk in _reachable_bases(set(ids)):
        raise ValidationError(
            {"bases": _("These bases form a cycle: one of them already rests on this document.")}
        )
    DocumentBasis.objects.filter(document=document).delete()
    DocumentBasis.objects.bulk_create(
        [DocumentBasis(document=document, basis=b, order=i) for i, b in enumerate(bases)]
    )


def add_basis(*, actor, document: Document, basis: Document) -> None:
    current = [link.basis for link in document.basis_links.select_related("basis")]
    if basis.pk in {b.pk for b in current}:
        return
    set_bases(actor=actor, document=document, bases=[*current, basis])


def remove_basis(*, actor, document: Document, basis: Document) -> None:
    current = [link.basis for link in document.basis_links.select_related("basis")]
    set_bases(actor=actor, document=document, bases=[b for b in current if b.pk != basis.pk])
