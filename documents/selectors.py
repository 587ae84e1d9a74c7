"""Reads of the registry shared by pages and the API: what a user may see, search and
filters, the graph of legal bases and implementing plans, and the compliance board."""

import datetime as dt
import operator
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import reduce
from typing import Any

from django.db.models import Count, Exists, F, OuterRef, Q, QuerySet
from django.utils import timezone

from accounts.permissions import managed_paths, once_per_user, scope_paths, visible_units
from documents import search
from documents.models import Document, DocumentBasis, Obligation, Recipient
from organisations.models import Unit


def _ancestor_ids(paths: list[str]) -> set[int]:
    return {int(part) for path in paths for part in path.strip("/").split("/")[:-1] if part}


def _under(field: str, paths: list[str]) -> Q:
    """`field` (a unit's path) lies in one of the subtrees."""
    query = Q(pk__in=[])
    for path in paths:
        query |= Q(**{f"{field}__startswith": path})
    return query


def _lies_under(unit: Unit | None, paths: list[str]) -> bool:
    return unit is not None and any(unit.path.startswith(path) for path in paths)


# Who reads which document --------------------------------------------------------------


@dataclass(frozen=True)
class Reach:
    """What a user's roles open on the registry: the paths of the units in scope, of those the
    user works for (admin or officer, a part of `paths`) and the ids of the units above them."""

    paths: list[str]
    managed: list[str]
    ancestors: set[int]

    @classmethod
    def of(cls, user) -> "Reach":
        paths = scope_paths(user)
        return cls(paths=paths, managed=managed_paths(user), ancestors=_ancestor_ids(paths))


@dataclass(frozen=True)
class Clause:
    """One way a document becomes readable, in the three forms the registry needs: a condition on
    a document row (`row`), the ids of the documents it opens read from an index (`ids`, one column,
    for the union; by default the documents matching `row`), and the same test on one document
    already read (`check`)."""

    name: str
    row: Callable[[Reach], Q]
    check: Callable[[Reach, Document], bool]
    ids: Callable[[Reach], QuerySet] | None = None

    def id_set(self, reach: Reach) -> QuerySet:
        if self.ids is not None:
            return self.ids(reach)
        return Document.objects.filter(self.row(reach)).order_by().values("pk")


PUBLISHED = ~Q(status=Document.Status.DRAFT)


def _published(document: Document) -> bool:
    return document.status != Document.Status.DRAFT


def _sent_to(reach: Reach) -> QuerySet[Recipient]:
    return Recipient.objects.filter(_under("unit__path", reach.paths))


# The rule, written once: a document is readable when one clause opens it. Drafts stay with their
# issuer; a published document reaches down its subtree, to the units it is sent to and, as a plan
# they implement, to the units below its issuer. In the order the forms test them: the clause
# that opens most rows first, the EXISTS on recipients last (the only one `check` asks a query for).
VISIBILITY: tuple[Clause, ...] = (
    Clause(
        "outside",  # recorded from an outside body: a public act
        row=lambda reach: Q(issuer_unit__isnull=True),
        check=lambda reach, document: document.issuer_unit_id is None,
    ),
    Clause(
        "issued_in_scope",  # published by a unit in scope
        row=lambda reach: PUBLISHED & _under("issuer_unit__path", reach.paths),
        check=lambda reach, document: _published(document) and _lies_under(document.issuer_unit, reach.paths),
    ),
    Clause(
        "worked_on",  # a draft, to those who may work on it: admins and officers of its issuer's subtree
        row=lambda reach: Q(status=Document.Status.DRAFT) & _under("issuer_unit__path", reach.managed),
        check=lambda reach, document: (
            not _published(document) and _lies_under(document.issuer_unit, reach.managed)
        ),
    ),
    Clause(
        "issued_above",  # published by a unit above one in scope: the plans it implements
        row=lambda reach: PUBLISHED & Q(issuer_unit_id__in=reach.ancestors),
        check=lambda reach, document: _published(document) and document.issuer_unit_id in reach.ancestors,
    ),
    Clause(
        "sent_to_scope",  # published and sent to a unit in scope
        row=lambda reach: Q(PUBLISHED, Exists(_sent_to(reach).filter(document=OuterRef("pk")))),
        ids=lambda reach: (
            _sent_to(reach).exclude(document__status=Document.Status.DRAFT).order_by().values("document_id")
        ),
        check=lambda reach, document: (
            _published(document) and _sent_to(reach).filter(document=document).exists()
        ),
    ),
)


# From this many units in scope, most of the registry is visible: checking each row where it is
# read (in date order, up to the page) costs less than collecting the visible ids first.
WIDE_SCOPE_UNITS = 500


def _is_wide_scope(user) -> bool:
    return once_per_user(
        user,
        "_documents_wide_scope",
        lambda: visible_units(user).values("pk")[:WIDE_SCOPE_UNITS].count() >= WIDE_SCOPE_UNITS,
    )


def visible_documents(user, *, lookup: bool = False) -> QuerySet[Document]:
    """Documents a user may read: those a clause of VISIBILITY opens — anything issued by a unit
    in scope, issued above it or sent to it, drafts of the units the user works for, and documents
    recorded from outside.

    Two forms of the same rule, so that PostgreSQL can use its indexes: over a wide scope (a
    province) one condition per row, the cheap ones first; over a narrow scope (a district) the
    union of the few visible ids, each part read from an index. `lookup=True` when the caller
    picks rows by id (a detail page): each is checked where it is read, and the scope need not
    be sized."""
    reach = Reach.of(user)
    if lookup or _is_wide_scope(user):
        return Document.objects.filter(reduce(operator.or_, (clause.row(reach) for clause in VISIBILITY)))
    first, *rest = (clause.id_set(reach) for clause in VISIBILITY)
    return Document.objects.filter(pk__in=first.union(*rest, all=True))


# What can_read_document reads of a document already read (with the id and its foreign keys).
READ_CHECK_FIELDS = ("status", "issuer_unit", "issuer_unit__path")


def can_read_document(user, document: Document) -> bool:
    """visible_documents' rule for one document already read (with its issuer unit): the
    download views print a document found by id, where checking the rule in the query cost more
    to compile than the query took to run (3.8 ms against 1.7 ms for the plain fetch). Only a
    document sent to the user's scope needs a query, for its recipients."""
    reach = Reach.of(user)
    return any(clause.check(reach, document) for clause in VISIBILITY)


def own_units(user) -> QuerySet[Unit]:
    """The units a user's admin or officer roles are given on (not their subtrees): “my units”."""
    return Unit.objects.filter(path__in=managed_paths(user))


def _own_unit_ids(user) -> list[int]:
    """The ids of own_units(user), read once per user object (the registry asks twice a page)."""
    return once_per_user(
        user, "_documents_own_unit_ids", lambda: list(own_units(user).values_list("pk", flat=True))
    )


def units_given_roles(user) -> QuerySet[Unit]:
    """The units any of the user's roles is given on (not their subtrees)."""
    return Unit.objects.filter(path__in=scope_paths(user))


def recipient_scope(user, issuer: Unit) -> QuerySet[Unit]:
    """The units a user may send a document of `issuer` to: every other unit of today in the
    user's scope (the recipients picker's scope), the nearest levels first."""
    return visible_units(user).current().exclude(pk=issuer.pk).order_by("depth", "sort_order", "sort_name")


def current_recipients(document: Document) -> list[Unit]:
    return list(Unit.objects.filter(received_documents__document=document).order_by("path"))


def issuer_units(user, selected: int | None = None) -> QuerySet[Unit]:
    """Units of the registry's issuer filter: those in scope that issued documents, down to one
    level below the user's own units (a province's districts and sector unions, not its thousands
    of grassroots unions, whose names the search box finds), and the one already chosen."""
    # The user's own units by id first: the filter below is then read from the id and parent
    # indexes, where `parent__path IN paths` joined every unit of a province to its parent (18 ms).
    own = list(units_given_roles(user).values_list("pk", flat=True))
    return (
        visible_units(user)
        .filter(Q(pk__in=own) | Q(parent_id__in=own) | Q(pk=selected))
        .filter(Exists(Document.objects.filter(issuer_unit=OuterRef("pk"))))
    )


def search_documents(queryset: QuerySet[Document], text: str) -> QuerySet[Document]:
    """Accent-insensitive search over type, number/symbol, issuer, summary, theme and body:
    every word must be a word of the document, the last one may be its beginning (“chi thi 35”
    finds Chỉ thị 35/CT-TTg), and numbers/symbols as typed (“75/KH”). See documents.search."""
    return search.search_documents(queryset, text)


# The registry (its page and the API's list) counts matches no further: past it, it says “more
# than 1,000”. Counting the 90,000 documents that say “kế hoạch” reads every one of them (each is
# checked for visibility), so an exact count grows with the registry: 140 ms at 100,000 documents,
# 520 ms at 400,000 (PostgreSQL, bench/results/latest.md), for a number nobody pages through.
COUNT_CAP = 1000


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
        documents = documents.filter(
            Q(year=filters.year) | Q(year__isnull=True, issued_on__year=filters.year)
        )
    if filters.status:
        documents = documents.filter(status=filters.status)
    if filters.sent_to_me:
        mine = units_given_roles(user).values("pk")
        documents = documents.filter(Exists(Recipient.objects.filter(document=OuterRef("pk"), unit__in=mine)))
    return documents.order_by(F("issued_on").desc(nulls_first=True), "-pk")


def current_period(today: dt.date | None = None) -> Q:
    """The obligations of the current period: those whose document was issued this year, or that
    fall due this year or later. Older ones are history (a 2015 plan is not today's work, even
    when it was never answered): shown on request, never as late work of today."""
    start = dt.date((today or timezone.localdate()).year, 1, 1)
    return Q(document__issued_on__gte=start) | Q(due_on__gte=start)


def my_open_obligations(user, *, earlier: bool = False) -> QuerySet[Obligation]:
    """What documents ask of the user's own units and is not done yet: the “to do” list of the
    current period, or (`earlier`) what earlier years left open."""
    period = current_period()
    obligations = (
        # the units' ids as values: one join fewer for PostgreSQL to plan (9-16 ms to plan the
        # subquery's two joins beside the four of the row, for 0.2 ms of execution)
        Obligation.objects.filter(unit_id__in=_own_unit_ids(user))
        .filter(Q(fulfilled_at__isnull=True) & (Q(requires_plan=True) | Q(acknowledged_at__isnull=True)))
        .filter(~period if earlier else period)
        .select_related("unit", "document__doc_type", "document__issuer_unit", "document__issuer_body")
    )
    if earlier:
        return obligations.order_by(F("due_on").desc(nulls_last=True), "-document__issued_on")
    return obligations.order_by("due_on", "-document__issued_on")


def obligation_for(user, document: Document) -> Obligation | None:
    """The obligation a document places on one of the user's own units, if any."""
    return (
        document.obligations.filter(unit__in=own_units(user).values("pk"))
        .select_related("unit", "fulfilled_by")
        .order_by("unit__path")
        .first()
    )


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
        links = (
            DocumentBasis.objects.filter(document_id__in=frontier, basis__in=visible)
            .select_related("basis__doc_type", "basis__issuer_unit", "basis__issuer_body")
            .order_by("document_id", "order", "pk")
        )
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
        children = (
            visible.filter(parent_id__in=frontier)
            .exclude(status=Document.Status.DRAFT)
            .select_related("doc_type", "issuer_unit", "issuer_body")
            .order_by("issuer_unit__path", "pk")
        )
        next_frontier: dict[int, list[Node]] = {}
        for child in children:
            node = Node(child)
            assert child.parent_id is not None  # children of the frontier
            frontier[child.parent_id].append(node)
            next_frontier[child.pk] = node.children
        frontier = next_frontier
    return roots


def cited_by(document: Document, user) -> QuerySet[Document]:
    """Documents that cite this one, other than its implementing plans (shown as the cascade)."""
    return (
        visible_documents(user)
        .filter(basis_links__basis=document)
        .exclude(parent=document)
        .select_related("doc_type", "issuer_unit", "issuer_body")
        .order_by("-issued_on", "-pk")
    )


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


def obligations_in(
    document: Document, within: Unit | None = None, user=None, state: str = ""
) -> QuerySet[Obligation]:
    """The board's rows: obligations of the units in `within`'s subtree that the user may see."""
    obligations = _scoped(document.obligations.all(), user, within)
    today = timezone.localdate()
    if state == "done":
        obligations = (
            obligations.filter(fulfilled_at__isnull=False)
            if document.requires_plan
            else obligations.filter(acknowledged_at__isnull=False)
        )
    elif state == "late":
        obligations = obligations.filter(requires_plan=True, fulfilled_at__isnull=True, due_on__lt=today)
    elif state == "acknowledged":
        obligations = obligations.filter(acknowledged_at__isnull=False, fulfilled_at__isnull=True)
    elif state == "pending":
        obligations = obligations.filter(acknowledged_at__isnull=True, fulfilled_at__isnull=True)
    return obligations.select_related("unit", "unit__unit_type", "fulfilled_by", "acknowledged_by").order_by(
        "unit__unit_type__level", "unit__unit_type__code", "unit__sort_order", "unit__name"
    )


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
    pending = figures["total"] - (
        figures["plans_issued"] if document.requires_plan else figures["acknowledged"]
    )
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
    figures: dict[int | None, Mapping[str, Any]] = {
        f["document_id"]: f
        for f in Obligation.objects.filter(document_id__in=plan_ids)
        .values("document_id")
        .annotate(
            total=Count("pk"),
            acknowledged=Count("pk", filter=Q(acknowledged_at__isnull=False)),
            plans_issued=Count("pk", filter=Q(fulfilled_at__isnull=False)),
            late=Count(
                "pk", filter=Q(requires_plan=True, fulfilled_at__isnull=True, due_on__lt=timezone.localdate())
            ),
            requires=Count("pk", filter=Q(requires_plan=True)),
        )
    }
    for row in rows:
        f = figures.get(row.obligation.fulfilled_by_id)
        if f:
            done = f["plans_issued"] if f["requires"] else f["acknowledged"]
            row.below = BoardCounts(
                total=f["total"],
                acknowledged=f["acknowledged"],
                plans_issued=f["plans_issued"],
                late=f["late"],
                pending=f["total"] - done,
            )
    return rows


def board_units(user, document: Document) -> QuerySet[Unit]:
    """Units a viewer may narrow the board to: recipients of the document in their scope, and
    the issuer when it is in their scope."""
    scope = visible_units(user).values("pk")
    return (
        Unit.objects.filter(pk__in=scope)
        .filter(Q(obligations__document=document) | Q(pk=document.issuer_unit_id))
        .distinct()
        .order_by("path")
    )


def plans_due_for_reminders(by) -> QuerySet[Document]:
    """Issued plans with an obligation not met and due by a date (or overdue)."""
    pending = Obligation.objects.filter(
        document=OuterRef("pk"), requires_plan=True, fulfilled_at__isnull=True, due_on__lte=by
    )
    return (
        Document.objects.filter(status=Document.Status.ISSUED, requires_plan=True)
        .filter(Exists(pending))
        .select_related("doc_type", "issuer_unit")
    )
