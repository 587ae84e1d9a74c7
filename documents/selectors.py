"""Reads of the registry shared by pages and the API: search, the cascade and the board."""

from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from accounts.permissions import visible_units
from core.text import fold
from documents.models import Document, Obligation
from organisations.models import Unit


def visible_documents(user) -> QuerySet[Document]:
    """Documents a user may read: issued by a unit in scope, sent to a unit in scope, or recorded
    outside documents (legal bases), which are public acts."""
    units = visible_units(user).values("pk")
    return Document.objects.filter(
        Q(issuer_unit__in=units) | Q(recipients__unit__in=units) | Q(issuer_unit__isnull=True)
    ).distinct()


def search_documents(queryset: QuerySet[Document], text: str) -> QuerySet[Document]:
    """Accent-insensitive search over type, number/symbol, summary, theme and body."""
    for word in fold(text).split():
        queryset = queryset.filter(search_text__contains=word)
    return queryset


@dataclass
class BoardCounts:
    total: int
    acknowledged: int
    plans_issued: int
    late: int
    pending: int


def obligations_in(document: Document, within: Unit | None = None) -> QuerySet[Obligation]:
    obligations = document.obligations.select_related("unit", "unit__unit_type", "fulfilled_by")
    if within is not None:
        obligations = obligations.filter(unit__path__startswith=within.path)
    return obligations.order_by("unit__path")


def board_counts(document: Document, within: Unit | None = None) -> BoardCounts:
    """The compliance board's figures in one aggregate query."""
    today = timezone.localdate()
    obligations = document.obligations.all()
    if within is not None:
        obligations = obligations.filter(unit__path__startswith=within.path)
    figures = obligations.aggregate(
        total=Count("pk"),
        acknowledged=Count("pk", filter=Q(acknowledged_at__isnull=False)),
        plans_issued=Count("pk", filter=Q(fulfilled_at__isnull=False)),
        late=Count("pk", filter=Q(requires_plan=True, fulfilled_at__isnull=True, due_on__lt=today)),
    )
    pending = figures["total"] - (figures["plans_issued"] if document.requires_plan else figures["acknowledged"])
    return BoardCounts(pending=pending, **figures)
