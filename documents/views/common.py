"""What every documents page shares: objects fetched through the user's scope (others'
ids answer 404) and service errors shown on forms."""

from django.http import Http404
from django.shortcuts import get_object_or_404

from accounts.permissions import visible_units
from documents import official
from documents.models import Attachment, Document, Obligation, Reading
from documents.selectors import READ_CHECK_FIELDS, can_read_document, visible_documents


def document_or_404(request, pk) -> Document:
    """The document by id, with what its pages show in the same query; documents the user may
    not read answer 404 like missing ones (selectors.can_read_document)."""
    return _readable_or_404(request, pk, "doc_type", "issuer_unit__parent", "issuer_body", "parent")


def printable_document_or_404(request, pk) -> Document:
    """document_or_404 with only what printing reads (documents.official.PRINTED_FIELDS) and what
    the check of who reads it needs (selectors.READ_CHECK_FIELDS): no parent document, whose body
    and words made the row twice as long, nor the folded search text and the unit columns the
    printed page never shows."""
    return _readable_or_404(
        request,
        pk,
        "doc_type",
        "issuer_unit__parent",
        "issuer_body",
        fields=(*official.PRINTED_FIELDS, *READ_CHECK_FIELDS),
    )


def _readable_or_404(request, pk, *related: str, fields: tuple[str, ...] = ()) -> Document:
    documents = Document.objects.select_related(*related)
    document = get_object_or_404(documents.only(*fields) if fields else documents, pk=pk)
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
