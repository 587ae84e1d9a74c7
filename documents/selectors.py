"""Reads of the registry shared by pages and the API: what a user may see, search and
filters, the graph of legal bases and implementing plans, and the compliance board."""

from dataclasses import dataclass, field

from django.db.models import Count, Exists, F, OuterRef, Q, QuerySet
from django.utils import timezone

from accounts.permissions import MANAGE_ROLES, scope_paths, visible_units
from core.text import fold
from documents.models import Document, DocumentBasis, Obligation, Recipient
from organisations.models import Unit


def _ancestor_ids(paths: list[str]) -> set[int]:
    return {int(part) for path in paths for part in path.strip("/").split("/")[:-1] if part}


def visible_documents(user) -> QuerySet[Document]:
    """Documents a user may read: anything issued or drafted by a unit in scope; issued
    documents sent to a unit in scope or issued by a unit above it (the plans it implements);
    and documents recorded from outside, which are public acts. Drafts stay with their issuer."""
    units = visible_units(user).values("pk")
    published = ~Q(status=Document.Status.DRAFT)
    sent_to_scope = Exists(Recipient.objects.filter(document=OuterRef("pk"), unit__in=units))
    managed = visible_units(user, MANAGE_ROLES).values("pk")
    return Document.objects.filter(
        (published & Q(issuer_unit__in=units))
        | Q(issuer_unit__in=managed)  # drafts only to those who may work on them
        | (published & sent_to_scope)
        | (published & Q(issuer_unit_id__in=_ancestor_ids(scope_paths(user))))
        | Q(issuer_unit__isnull=True)
    )


def own_units(user, roles=MANAGE_ROLES) -> QuerySet[Unit]:
    """The units a user's roles are given on (not their subtrees): “my units”."""
    return Unit.objects.filter(path__in=scope_paths(user, roles))


def search_documents(queryset: QuerySet[Document], text: str) -> QuerySet[Document]:
    """Accent-insensitive search over type, number/symbol, issuer, summary, theme and body:
    every word must appear (“chi thi 35” finds Chỉ thị 35/CT-TTg). PostgreSQL answers the
    LIKEs from a trigram index (migration 0004); SQLite scans."""
    for word in fold(text).split():
        queryset = queryset.filter(search_text__contains=word)
    return queryset


@dataclass
class DocumentFilters:
    q: str = ""
    doc_type: int | None = None
    issuer_unit: int | None = None
    issuer_body: int | None = None
    year: int | None = None
    status: str = ""
    sent_to_me: bool = False


def filter_documents(user, filters: DocumentFilters) -> QuerySet[Document]:
    """The registry list: visible documents narrowed by the filters, with what a row shows
    loaded in the same query."""
    documents = visible_documents(user).select_related("doc_type", "issuer_unit", "issuer_body")
    if filters.q:
        documents = search_documents(documents, filters.q)
    if filters.doc_type:
        documents = documents.filter(doc_type_id=filters.doc_type)
    if filters.issuer_unit:
        documents = documents.filter(issuer_unit_id=filters.issuer_unit)
    if filters.issuer_body:
        documents = documents.filter(issuer_body_id=filters.issuer_body)
    if filters.year:
        documents = documents.filter(Q(year=filters.year) | Q(year__isnull=True, issued_on__year=filters.year))
    if filters.status:
        documents = documents.filter(status=filters.status)
    if filters.sent_to_me:
        mine = own_units(user, roles=set(MANAGE_ROLES) | {"viewer", "council", "editor"}).values("pk")
        documents = documents.filter(Exists(Recipient.objects.filter(document=OuterRef("pk"), unit__in=mine)))
    return documents.order_by(F("issued_on").desc(nulls_first=True), "-pk")


def my_open_obligations(user) -> QuerySet[Obligation]:
    """What documents ask of the user's own units and is not done yet: the “to do” list."""
    obligations = (Obligation.objects.filter(unit__in=own_units(user).values("pk"))
                   .filter(Q(fulfilled_at__isnull=True) & (Q(requires_plan=True) | Q(acknowledged_at__isnull=True)))
                   .select_related("unit", "document__doc_type", "document__issuer_unit", "document__issuer_body"))
    return obligations.order_by("due_on", "-document__issued_on")


def obligation_for(user, document: Document) -> Obligation | None:
    """The obligation a document places on one of the user's own units, if any."""
    return (document.obligations.filter(unit__in=own_units(user).values("pk"))
            .select_related("unit", "fulfilled_by").order_by("unit__path").first())


# The graph: legal bases and implementing plans ------------------------------------------

@dataclass
class Node:
    document: Document
    children: list["Node"] = field(default_factory=list)
    repeated: bool = False  # already shown higher up (a basis cited twice in the chain)


def basis_tree(document: Document, user, depth: int = 4) -> list[Node]:
    """The document's legal bases, their own bases, and so on: one query per level."""
    visible = visible_documents(user)
    seen = {document.pk}
    roots: list[Node] = []
    frontier: dict[int, list[Node]] = {document.pk: roots}
    for _ in range(depth):
        if not frontier:
            break
        links = (DocumentBasis.objects.filter(document_id__in=frontier, basis__in=visible)
                 .select_related("basis__doc_type", "basis__issuer_unit", "basis__issuer_body")
                 .order_by("document_id", "order", "pk"))
        next_frontier: dict[int, list[Node]] = {}
        for link in links:
            node = Node(link.basis, repeated=link.basis_id in seen)
            frontier[link.document_id].append(node)
            if not node.repeated:
                seen.add(link.basis_id)
                next_frontier[link.basis_id] = node.children
        frontier = next_frontier
    return roots


def cascade_tree(document: Document, user, depth: int = 4) -> list[Node]:
    """The implementing plans issued under the document, and theirs below: one query per level."""
    visible = visible_documents(user)
    roots: list[Node] = []
    frontier: dict[int, list[Node]] = {document.pk: roots}
    for _ in range(depth):
        if not frontier:
            break
        children = (visible.filter(parent_id__in=frontier).exclude(status=Document.Status.DRAFT)
                    .select_related("doc_type", "issuer_unit", "issuer_body").order_by("issuer_unit__path", "pk"))
        next_frontier: dict[int, list[Node]] = {}
        for child in children:
            node = Node(child)
            frontier[child.parent_id].append(node)
            next_frontier[child.pk] = node.children
        frontier = next_frontier
    return roots


def cited_by(document: Document, user) -> QuerySet[Document]:
    """Documents that cite this one, other than its implementing plans (shown as the cascade)."""
    return (visible_documents(user).filter(basis_links__basis=document).exclude(parent=document)
            .select_related("doc_type", "issuer_unit", "issuer_body").order_by("-issued_on", "-pk"))


# The compliance board --------------------------------------------------------------------

@dataclass
class BoardCounts:
    total: int
    acknowledged: int
    plans_issued: int
    late: int
    pending: int

    @property
    def done(self) -> int:
        return self.total - self.pending

    @property
    def progress(self) -> float:
        return self.done / self.total if self.total else 0.0

    @property
    def percent(self) -> int:
        return round(self.progress * 100)


def _scoped(obligations: QuerySet[Obligation], user=None, within: Unit | None = None) -> QuerySet[Obligation]:
    if within is not None:
        obligations = obligations.filter(unit__path__startswith=within.path)
    if user is not None:
        obligations = obligations.filter(unit__in=visible_units(user).values("pk"))
    return obligations


STATES = ("done", "acknowledged", "late", "pending")


def obligations_in(document: Document, within: Unit | None = None, user=None, state: str = "") -> QuerySet[Obligation]:
    """The board's rows: obligations of the units in `within`'s subtree that the user may see."""
    obligations = _scoped(document.obligations.all(), user, within)
    today = timezone.localdate()
    if state == "done":
        obligations = obligations.filter(fulfilled_at__isnull=False) if document.requires_plan else \
            obligations.filter(acknowledged_at__isnull=False)
    elif state == "late":
        obligations = obligations.filter(requires_plan=True, fulfilled_at__isnull=True, due_on__lt=today)
    elif state == "acknowledged":
        obligations = obligations.filter(acknowledged_at__isnull=False, fulfilled_at__isnull=True)
    elif state == "pending":
        obligations = obligations.filter(acknowledged_at__isnull=True, fulfilled_at__isnull=True)
    return (obligations.select_related("unit", "unit__unit_type", "fulfilled_by", "acknowledged_by")
            .order_by("unit__unit_type__level", "unit__unit_type__code", "unit__sort_order", "unit__name"))


def board_counts(document: Document, within: Unit | None = None, user=None) -> BoardCounts:
    """The compliance board's figures in one aggregate query."""
    today = timezone.localdate()
    obligations = _scoped(document.obligations.all(), user, within)
    figures = obligations.aggregate(
        total=Count("pk"),
        acknowledged=Count("pk", filter=Q(acknowledged_at__isnull=False)),
        plans_issued=Count("pk", filter=Q(fulfilled_at__isnull=False)),
        late=Count("pk", filter=Q(requires_plan=True, fulfilled_at__isnull=True, due_on__lt=today)),
    )
    pending = figures["total"] - (figures["plans_issued"] if document.requires_plan else figures["acknowledged"])
    return BoardCounts(pending=pending, **figures)


@dataclass
class BoardRow:
    obligation: Obligation
    # How the unit's own plan is doing with its recipients, when it has issued one.
    below: BoardCounts | None = None


def board_rows(obligations: QuerySet[Obligation]) -> list[BoardRow]:
    """The rows with, for each implementing plan, its own recipients' progress: one more query."""
    rows = [BoardRow(o) for o in obligations]
    plan_ids = [row.obligation.fulfilled_by_id for row in rows if row.obligation.fulfilled_by_id]
    if not plan_ids:
        return rows
    figures = {
        f["document_id"]: f
        for f in Obligation.objects.filter(document_id__in=plan_ids).values("document_id").annotate(
            total=Count("pk"),
            acknowledged=Count("pk", filter=Q(acknowledged_at__isnull=False)),
            plans_issued=Count("pk", filter=Q(fulfilled_at__isnull=False)),
            late=Count("pk", filter=Q(requires_plan=True, fulfilled_at__isnull=True,
                                      due_on__lt=timezone.localdate())),
            requires=Count("pk", filter=Q(requires_plan=True)),
        )
    }
    for row in rows:
        f = figures.get(row.obligation.fulfilled_by_id)
        if f:
            done = f["plans_issued"] if f["requires"] else f["acknowledged"]
            row.below = BoardCounts(total=f["total"], acknowledged=f["acknowledged"],
                                    plans_issued=f["plans_issued"], late=f["late"], pending=f["total"] - done)
    return rows


def board_units(user, document: Document) -> QuerySet[Unit]:
    """Units a viewer may narrow the board to: recipients of the document in their scope, and
    the issuer when it is in their scope."""
    scope = visible_units(user).values("pk")
    return (Unit.objects.filter(pk__in=scope)
            .filter(Q(obligations__document=document) | Q(pk=document.issuer_unit_id))
            .distinct().order_by("path"))


def plans_due_for_reminders(by) -> QuerySet[Document]:
    """Issued plans with an obligation not met and due by a date (or overdue)."""
    pending = Obligation.objects.filter(document=OuterRef("pk"), requires_plan=True, fulfilled_at__isnull=True,
                                        due_on__lte=by)
    return (Document.objects.filter(status=Document.Status.ISSUED, requires_plan=True).filter(Exists(pending))
            .select_related("doc_type", "issuer_unit"))
