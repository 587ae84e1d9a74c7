"""What every documents page shares: objects fetched through the user's scope (others'
ids answer 404) and service errors shown on forms."""

from django.shortcuts import get_object_or_404

from accounts.permissions import visible_units
from documents.models import Attachment, Document, Obligation, Reading
from documents.selectors import visible_documents


def document_or_404(request, pk) -> Document:
    return get_object_or_404(
        visible_documents(request.user, lookup=True).select_related(
            "doc_type", "issuer_unit__parent", "issuer_body", "parent"
        ),
        pk=pk,
    )


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
