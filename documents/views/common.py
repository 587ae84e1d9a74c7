"""What every documents page shares: objects fetched through the user's scope (others'
ids answer 404) and service errors shown on forms."""

from django.http import Http404
from django.shortcuts import get_object_or_404

from accounts.permissions import visible_units
from documents.models import Attachment, Document, Obligation, Reading
from documents.selectors import can_read_document, visible_documents


def document_or_404(request, pk) -> Document:
    """The document by id, with what its pages show in the same query; documents the user may
    not read answer 404 like missing ones (selectors.can_read_document)."""
    return _readable_or_404(request, pk, "doc_type", "issuer_unit__parent", "issuer_body", "parent")


def printable_document_or_404(request, pk) -> Document:
    """document_or_404 with only what the printed header needs (documents.official): the
    downloads need no parent document, whose body and words made the row twice as long."""
    return _readable_or_404(request, pk, "doc_type", "issuer_unit__parent", "issuer_body")


def _readable_or_404(request, pk, *related: str) -> Document:
    document = get_object_or_404(Document.objects.select_related(*related), pk=pk)
    if not can_read_document(request.user, document):
        raise Http404
    return document


def obligation_or_404(request, pk) -> Obligation:
    return get_object_or_404(
        Obligation.objects.filter(unit__in=visible_units(request.user).values("pk")).select_related(
            "unit", "document__doc_type"
        ),
        pk=pk,
    )


def attachment_or_404(request, pk) -> Attachment:
    return get_object_or_404(
        Attachment.objects.filter(document__in=visible_documents(request.user, lookup=True)).select_related(
            "document"
        ),
        pk=pk,
    )


def reading_or_404(request, pk) -> Reading:
    return get_object_or_404(Reading.objects.filter(created_by=request.user), pk=pk)
