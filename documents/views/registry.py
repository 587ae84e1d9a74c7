"""The registry: list and search, detail with the graph, drafts, legal bases, recipients,
attachments, issuing and the official DOCX/PDF."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import QuerySet
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts import permissions
from core.counting import count_up_to
from core.forms import filter_status
from core.text import is_id
from core.view_helpers import DOCX, PDF, apply_errors, download, error_text
from documents import official, recipient_groups, selectors, services
from documents.forms import (
    AttachmentForm,
    DocumentFilterForm,
    DraftForm,
    IssueForm,
    RecipientsForm,
    RecordForm,
)
from documents.models import Document, ExternalBody
from documents.numbering import compose_symbol
from documents.views.common import attachment_or_404, document_or_404, printable_document_or_404
from organisations.models import Unit
from signing import selectors as signing_selectors
from signing.models import SignedPdf

PAGE_SIZE = 25
COUNT_CAP = selectors.COUNT_CAP  # past it, the list says “more than 1,000”


class CappedPaginator(Paginator):
    """A paginator that counts no further than `cap` rows and pages through those."""

    object_list: QuerySet

    def __init__(self, object_list: QuerySet, per_page, cap: int):
        super().__init__(object_list, per_page)
        self.cap = cap

    @cached_property
    def counted(self) -> int:
        return count_up_to(self.object_list, self.cap)

    @cached_property
    def count(self) -> int:
        return min(self.counted, self.cap)

    @property
    def is_capped(self) -> bool:
        return self.counted > self.cap


def _manageable_units(user):
    """Units the user may issue for, their own first. Ended units stay, so a district
    federation closed in 2025 can still record the plans it issued before."""
    return (
        permissions.managed_units(user).select_related("unit_type").order_by("depth", "valid_to", "sort_name")
    )


# List --------------------------------------------------------------------------------


def _chosen_unit(request) -> int | None:
    """The unit id of `?issuer=unit:<id>`, kept among the filter's choices even when it is deep."""
    kind, _sep, pk = request.GET.get("issuer", "").partition(":")
    return int(pk) if kind == "unit" and is_id(pk) else None


@login_required
def index(request):
    units = selectors.issuer_units(request.user, selected=_chosen_unit(request))
    bodies = ExternalBody.objects.filter(documents__isnull=False).distinct()
    form = DocumentFilterForm(request.GET or None, units=units, bodies=bodies)
    filters = selectors.DocumentFilters()
    if form.is_valid():
        data = form.cleaned_data
        kind, _sep, pk = (data["issuer"] or "").partition(":")
        filters = selectors.DocumentFilters(
            q=data["q"],
            doc_type=data["doc_type"].pk if data["doc_type"] else None,
            issuer_unit=int(pk) if kind == "unit" else None,
            issuer_body=int(pk) if kind == "body" else None,
            year=data["year"],
            status=data["status"],
            sent_to_me=data["sent_to_me"],
        )
    documents = selectors.filter_documents(request.user, filters)
    page = CappedPaginator(documents, PAGE_SIZE, COUNT_CAP).get_page(request.GET.get("page"))
    context = {"form": form, "page_obj": page, "documents": page.object_list}
    if request.htmx and request.htmx.target == "document-results":
        return render(request, "documents/partials/document_results.html", context)
    earlier = request.GET.get("obligations") == "earlier"
    context.update(
        obligations=selectors.my_open_obligations(request.user, earlier=earlier)[:20],
        obligations_earlier=earlier,
        this_year=timezone.localdate().year,
        # the other list's size, for the link between this period's work and what earlier years left
        obligations_other=selectors.my_open_obligations(request.user, earlier=not earlier).count(),
        can_draft=_manageable_units(request.user).exists(),
        can_read=permissions.can_record_documents(request.user),
    )
    return render(request, "documents/document_list.html", context, status=filter_status(form))


# Detail ------------------------------------------------------------------------------


@login_required
def detail(request, pk):
    document = document_or_404(request, pk)
    user = request.user
    can_edit = permissions.can_edit_document(user, document)
    can_manage = document.issuer_unit_id is not None and permissions.can_manage_documents(
        user, document.issuer_unit
    )
    context = {
        "document": document,
        "bases": selectors.basis_tree(document, user),
        "cited_by": selectors.cited_by(document, user),
        "cascade": selectors.cascade_tree(document, user),
        "recipients": Unit.objects.filter(received_documents__document=document)
        .select_related("unit_type")
        .order_by("path"),
        "attachments": document.attachments.all(),
        "obligation": selectors.obligation_for(user, document),
        "counts": selectors.board_counts(document, user=user)
        if document.status == Document.Status.ISSUED
        else None,
        "can_edit": can_edit,
        "can_manage_draft": can_manage and document.is_editable,
        "can_remind": permissions.can_remind(user, document),
        "recipient_lines": official.recipient_lines(document.recipients_text)
        if document.recipients_text
        else [],
        "attachment_form": AttachmentForm() if can_edit else None,
        "signed_file": signing_selectors.signed_file(document, SignedPdf.Kind.DOCUMENT),
        "can_sign": document.status == Document.Status.ISSUED
        and not hasattr(document, "award_decision")
        and permissions.can_sign_document(user, document),
    }
    return render(request, "documents/document_detail.html", context)


# Drafts ------------------------------------------------------------------------------


@login_required
def create(request):
    units = _manageable_units(request.user)
    if not units.exists():
        raise PermissionDenied
    initial = {"issuer": request.user.home_unit_id} if getattr(request.user, "home_unit_id", None) else {}
    form = DraftForm(request.POST or None, units=units, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        issuer = data.pop("issuer")
        try:
            document = services.create_draft(actor=request.user, issuer=issuer, **data)
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(
                request, _("The draft was saved. Add its legal bases and recipients, then issue it.")
            )
            return redirect("documents:detail", document.pk)
    return render(request, "documents/document_form.html", {"form": form})


def _draft_or_404(request, pk) -> Document:
    document = document_or_404(request, pk)
    if document.issuer_unit_id is None or not permissions.can_manage_documents(
        request.user, document.issuer_unit
    ):
        raise PermissionDenied
    return document


@login_required
def edit(request, pk):
    document = _draft_or_404(request, pk)
    if not document.is_editable:
        messages.error(request, _("An issued document cannot be edited; issue a new one that replaces it."))
        return redirect("documents:detail", document.pk)
    form = DraftForm(request.POST or None, instance=document, units=_manageable_units(request.user))
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        data.pop("issuer", None)
        try:
            services.update_draft(actor=request.user, document=document, **data)
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("The draft was saved."))
            return redirect("documents:detail", document.pk)
    return render(request, "documents/document_form.html", {"form": form, "document": document})


@login_required
@require_POST
def delete(request, pk):
    document = _draft_or_404(request, pk)
    try:
        services.discard_draft(actor=request.user, document=document)
    except ValidationError as exc:
        messages.error(request, error_text(exc))
        return redirect("documents:detail", document.pk)
    messages.success(request, _("The draft was deleted."))
    return redirect("documents:index")


# Legal bases -------------------------------------------------------------------------


def _editable_or_404(request, pk) -> Document:
    document = document_or_404(request, pk)
    if not permissions.can_edit_document(request.user, document):
        raise PermissionDenied
    return document


def _basis_candidates(request, document: Document, q: str):
    candidates = (
        selectors.visible_documents(request.user)
        .exclude(pk=document.pk)
        .exclude(status=Document.Status.DRAFT)
        .select_related("doc_type", "issuer_unit", "issuer_body")
    )
    if q.strip():
        candidates = selectors.search_documents(candidates, q)
    return candidates.order_by("-issued_on", "-pk")[:15]  # without a query: the latest, to pick from


@login_required
def bases(request, pk):
    document = _editable_or_404(request, pk)
    q = request.GET.get("q", "")
    if request.method == "POST":
        basis = get_object_or_404(
            selectors.visible_documents(request.user, lookup=True), pk=request.POST.get("basis")
        )
        try:
            services.add_basis(actor=request.user, document=document, basis=basis)
        except ValidationError as exc:
            messages.error(request, error_text(exc))
        else:
            messages.success(
                request, _("%(doc)s was added as a legal basis.") % {"doc": basis.number_symbol or basis}
            )
        return redirect("documents:bases", document.pk)
    context = {
        "document": document,
        "links": document.basis_links.select_related(
            "basis__doc_type", "basis__issuer_unit", "basis__issuer_body"
        ),
        "q": q,
        "candidates": _basis_candidates(request, document, q),
        "record_form": RecordForm(),
    }
    if request.htmx and request.htmx.target == "basis-candidates":
        return render(request, "documents/partials/basis_candidates.html", context)
    return render(request, "documents/document_bases.html", context)


@login_required
@require_POST
def basis_remove(request, pk, basis_pk):
    document = _editable_or_404(request, pk)
    basis = get_object_or_404(Document, pk=basis_pk, cited_by=document)
    try:
        services.remove_basis(actor=request.user, document=document, basis=basis)
    except ValidationError as exc:
        messages.error(request, error_text(exc))
    return redirect("documents:bases", document.pk)


@login_required
def basis_record(request, pk):
    """Record a document issued elsewhere and cite it as a basis, in one step."""
    document = _editable_or_404(request, pk)
    form = RecordForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            with transaction.atomic():
                body = services.outside_body(data["issuer_name"])
                basis = services.record_external(
                    actor=request.user,
                    doc_type=data["doc_type"],
                    number_symbol=data["number_symbol"],
                    issued_on=data["issued_on"],
                    summary=data["summary"],
                    issuer_body=body,
                )
                services.add_basis(actor=request.user, document=document, basis=basis)
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(
                request, _("%(doc)s was recorded and added as a legal basis.") % {"doc": basis.number_symbol}
            )
            return redirect("documents:bases", document.pk)
    context = {
        "document": document,
        "record_form": form,
        "q": "",
        "candidates": [],
        "links": document.basis_links.select_related("basis__doc_type", "basis__issuer_body"),
    }
    return render(request, "documents/document_bases.html", context)


# Recipients --------------------------------------------------------------------------


@login_required
def recipients(request, pk):
    document = _draft_or_404(request, pk)
    if not document.is_editable:
        raise PermissionDenied
    issuer = document.issuer_unit
    assert issuer is not None  # _draft_or_404 refused a document without one
    groups = recipient_groups.available_groups(issuer)
    current = selectors.current_recipients(document)
    form = RecipientsForm(
        request.POST or None,
        groups=groups,
        units=selectors.recipient_scope(request.user, issuer),
        initial=RecipientsForm.initial_for(document, current),
    )
    if request.method == "POST" and form.is_valid():
        try:
            chosen = services.choose_recipients(
                actor=request.user,
                document=document,
                units=form.chosen_units(),
                groups=form.chosen_groups(),
                recipients_text=form.cleaned_data["recipients_text"],
            )
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("%(n)d recipient units were saved.") % {"n": len(chosen)})
            return redirect("documents:detail", document.pk)
    return render(
        request,
        "documents/document_recipients.html",
        {
            "document": document,
            "form": form,
            "groups": groups,
            "current": current,
        },
    )


# Attachments -------------------------------------------------------------------------


@login_required
@require_POST
def attachment_add(request, pk):
    document = _editable_or_404(request, pk)
    form = AttachmentForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.add_attachment(actor=request.user, document=document, file=form.cleaned_data["file"])
        except ValidationError as exc:
            messages.error(request, error_text(exc))
        else:
            messages.success(request, _("The file was attached."))
    else:
        messages.error(request, _("Choose a file to attach."))
    return redirect("documents:detail", document.pk)


@login_required
def attachment_download(request, pk):
    attachment = attachment_or_404(request, pk)
    return FileResponse(attachment.file.open("rb"), as_attachment=True, filename=attachment.original_name)


@login_required
@require_POST
def attachment_delete(request, pk):
    attachment = attachment_or_404(request, pk)
    document = attachment.document
    services.remove_attachment(actor=request.user, attachment=attachment)
    messages.success(request, _("The attachment was removed."))
    return redirect("documents:detail", document.pk)


@login_required
def source(request, pk):
    document = document_or_404(request, pk)
    if not document.source_file.name:
        raise Http404
    name = document.source_file.name.rsplit("/", 1)[-1]
    return FileResponse(document.source_file.open("rb"), as_attachment=True, filename=name)


# Issuing -----------------------------------------------------------------------------


@login_required
def issue(request, pk):
    document = _draft_or_404(request, pk)
    if not document.is_editable:
        messages.info(
            request, _("This document has already been issued as %(ns)s.") % {"ns": document.number_symbol}
        )
        return redirect("documents:detail", document.pk)
    form = IssueForm(request.POST or None, initial={"issued_on": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        try:
            document = services.issue_document(
                actor=request.user,
                document=document,
                issued_on=form.cleaned_data["issued_on"],
                number_symbol=form.cleaned_data["number_symbol"],
            )
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(
                request,
                _("Issued as %(ns)s; %(n)d recipient units were notified.")
                % {"ns": document.number_symbol, "n": document.obligations.count()},
            )
            return redirect("documents:detail", document.pk)
    recipients = Unit.objects.filter(received_documents__document=document).order_by("path")
    assert document.issuer_unit is not None  # _draft_or_404 refused a document without one
    return render(
        request,
        "documents/document_issue.html",
        {
            "document": document,
            "form": form,
            "recipients": recipients,
            "next_symbol": "/"
            + compose_symbol(document.doc_type, document.issuer_unit, document.drafting_office),
        },
    )


# Official output ---------------------------------------------------------------------


def _signed_download(document: Document) -> FileResponse | None:
    """Once the document is signed, only the signed file is offered (signing/)."""
    signed = signing_selectors.signed_document_file(document)
    if signed is None:
        return None
    return download(signed.file.open("rb"), f"{official.file_stem(document)}.pdf", PDF)


@login_required
def download_docx(request, pk):
    document = printable_document_or_404(request, pk)
    if (signed := _signed_download(document)) is not None:
        return signed
    return download(official.document_docx(document), f"{official.file_stem(document)}.docx", DOCX)


@login_required
def download_pdf(request, pk):
    document = printable_document_or_404(request, pk)
    if (signed := _signed_download(document)) is not None:
        return signed
    return download(
        official.document_pdf(document),
        f"{official.file_stem(document)}.pdf",
        PDF,
        inline=bool(request.GET.get("xem")),
    )
