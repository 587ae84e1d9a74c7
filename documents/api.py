"""The document registry over the JSON API (/api/v1/documents/), with the same scope,
predicates and services as the pages. Broken rules answer 400 with the messages by field
(thidua/api.py), other units' ids 404."""

from datetime import date, datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema
from ninja.pagination import paginate
from ninja.responses import Status

from accounts import permissions
from core.api import CappedCountPagination
from core.schemas import CleanInput
from documents import selectors, services
from documents.models import Document, DocumentType, Obligation

router = Router()


class RegistryPagination(CappedCountPagination):
    """`count` exact up to 1,000, as the registry page says “more than 1,000” (selectors.COUNT_CAP
    says why)."""

    @property
    def cap(self) -> int:  # read when counting: the app's cap, as set at that moment
        return selectors.COUNT_CAP


class DocumentTypeOut(Schema):
    id: int
    name: str
    code: str
    is_plan: bool


class DocumentOut(Schema):
    id: int
    doc_type: str = Field(..., alias="doc_type.name")
    doc_type_code: str = Field(..., alias="doc_type.code")
    status: str
    number_symbol: str
    issued_on: date | None
    summary: str
    issuer_unit_id: int | None
    issuer_body_id: int | None
    issuer_name: str
    parent_id: int | None
    requires_plan: bool
    plan_deadline: date | None


class BasisOut(Schema):
    id: int
    doc_type: str = Field(..., alias="doc_type.name")
    number_symbol: str
    issued_on: date | None
    issuer_name: str


class DocumentDetailOut(DocumentOut):
    theme: str
    body: str
    place: str
    signer_authority: str
    signer_position: str
    signer_name: str
    recipients_text: str
    bases: list[BasisOut]
    recipient_unit_ids: list[int]

    @staticmethod
    def resolve_bases(obj):
        return [
            link.basis
            for link in obj.basis_links.select_related(
                "basis__doc_type", "basis__issuer_unit", "basis__issuer_body"
            )
        ]

    @staticmethod
    def resolve_recipient_unit_ids(obj):
        return list(obj.recipients.values_list("unit_id", flat=True))


class DraftIn(CleanInput):
    text_models = (Document,)
    issuer_unit_id: int
    doc_type_code: str
    summary: str
    theme: str = ""
    body: str = ""
    place: str = ""
    requires_plan: bool = False
    plan_deadline: date | None = None
    parent_id: int | None = None
    signer_authority: str = ""
    signer_position: str = ""
    signer_name: str = ""
    recipients_text: str = ""
    recipient_unit_ids: list[int] = []
    basis_ids: list[int] = []


class IssueIn(CleanInput):
    text_models = (Document,)
    issued_on: date | None = None
    number_symbol: str = ""


class ObligationOut(Schema):
    id: int
    unit_id: int
    unit: str = Field(..., alias="unit.name")
    state: str
    requires_plan: bool
    due_on: date | None
    acknowledged_at: datetime | None
    fulfilled_by_id: int | None
    fulfilled_by: str | None = None
    reminder_count: int

    @staticmethod
    def resolve_fulfilled_by(obj):
        return obj.fulfilled_by.number_symbol if obj.fulfilled_by_id else None


class BoardOut(Schema):
    document_id: int
    total: int
    acknowledged: int
    plans_issued: int
    late: int
    pending: int
    obligations: list[ObligationOut]


def _document(request, document_id: int) -> Document:
    return get_object_or_404(
        selectors.visible_documents(request.user, lookup=True).select_related(
            "doc_type", "issuer_unit", "issuer_body"
        ),
        pk=document_id,
    )


@router.get("/types", response=list[DocumentTypeOut], summary="Document types")
def list_types(request):
    return DocumentType.objects.all()


@router.get("/", response=list[DocumentOut], summary="Documents I may read")
@paginate(RegistryPagination)
def list_documents(
    request,
    q: str = "",
    type: str = "",
    issuer_unit_id: int | None = None,
    year: int | None = None,
    status: str = "",
    sent_to_me: bool = False,
):
    doc_type = DocumentType.objects.filter(code=type).first() if type else None
    filters = selectors.DocumentFilters(
        q=q,
        doc_type=doc_type.pk if doc_type else (-1 if type else None),
        issuer_unit=issuer_unit_id,
        year=year,
        status=status,
        sent_to_me=sent_to_me,
    )
    return selectors.filter_documents(request.user, filters)


@router.get("/{int:document_id}", response=DocumentDetailOut)
def get_document(request, document_id: int):
    return _document(request, document_id)


@router.post("/", response={201: DocumentDetailOut}, summary="Create a draft")
def create_document(request, payload: DraftIn):
    issuer = get_object_or_404(permissions.visible_units(request.user), pk=payload.issuer_unit_id)
    doc_type = get_object_or_404(DocumentType, code=payload.doc_type_code)
    parent = _document(request, payload.parent_id) if payload.parent_id else None
    with transaction.atomic():
        document = services.create_draft(
            actor=request.user,
            issuer=issuer,
            doc_type=doc_type,
            summary=payload.summary,
            theme=payload.theme,
            body=payload.body,
            place=payload.place,
            requires_plan=payload.requires_plan,
            plan_deadline=payload.plan_deadline,
            parent=parent,
            signer_authority=payload.signer_authority,
            signer_position=payload.signer_position,
            signer_name=payload.signer_name,
            recipients_text=payload.recipients_text,
        )
        if payload.recipient_unit_ids:
            units = list(permissions.visible_units(request.user).filter(pk__in=payload.recipient_unit_ids))
            if len(units) != len(set(payload.recipient_unit_ids)):
                raise ValidationError(
                    {"recipient_unit_ids": _("Some recipient units are not in your scope.")}
                )
            services.set_recipients(actor=request.user, document=document, units=units)
        if payload.basis_ids:
            bases = list(
                selectors.visible_documents(request.user, lookup=True).filter(pk__in=payload.basis_ids)
            )
            if len(bases) != len(set(payload.basis_ids)):
                raise ValidationError({"basis_ids": _("Some legal bases are not in the registry.")})
            services.set_bases(actor=request.user, document=document, bases=bases)
    return Status(201, document)


@router.post("/{int:document_id}/issue", response=DocumentDetailOut, summary="Issue a draft")
def issue_document(request, document_id: int, payload: IssueIn):
    document = _document(request, document_id)
    return services.issue_document(
        actor=request.user,
        document=document,
        issued_on=payload.issued_on,
        number_symbol=payload.number_symbol,
    )


@router.get("/{int:document_id}/board", response=BoardOut, summary="Compliance board of a plan")
def board(request, document_id: int, unit_id: int | None = None):
    document = _document(request, document_id)
    within = get_object_or_404(permissions.visible_units(request.user), pk=unit_id) if unit_id else None
    counts = selectors.board_counts(document, within=within, user=request.user)
    return {
        "document_id": document.pk,
        "total": counts.total,
        "acknowledged": counts.acknowledged,
        "plans_issued": counts.plans_issued,
        "late": counts.late,
        "pending": counts.pending,
        "obligations": list(selectors.obligations_in(document, within=within, user=request.user)),
    }


@router.post("/obligations/{int:obligation_id}/acknowledge", response=ObligationOut)
def acknowledge(request, obligation_id: int):
    obligation = get_object_or_404(
        Obligation.objects.filter(unit__in=permissions.visible_units(request.user).values("pk")),
        pk=obligation_id,
    )
    if not permissions.can_act_for_unit(request.user, obligation.unit):
        raise PermissionDenied
    obligation = services.acknowledge(actor=request.user, obligation=obligation)
    return Obligation.objects.select_related("unit", "fulfilled_by").get(pk=obligation.pk)
