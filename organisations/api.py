"""Units and members over the JSON API, with the same scope and predicates as the pages."""

from datetime import date

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from ninja import Field, Router, Schema, Status
from ninja.pagination import LimitOffsetPagination, paginate

from accounts.permissions import can_manage_members, can_view_personal_data, visible_members, visible_units
from core.api import CappedCountPagination
from core.schemas import CleanInput
from organisations import selectors, services
from organisations.models import Member

router = Router()


class MemberPagination(CappedCountPagination):
    """`count` exact up to 10,000: counting a province's 500,000 members on every page costs more
    than the page."""

    @property
    def cap(self) -> int:  # read when counting: the app's cap, as set at that moment
        return selectors.COUNT_CAP


class UnitOut(Schema):
    id: int
    name: str
    short_name: str
    code: str
    unit_type: str = Field(..., alias="unit_type.name")
    parent_id: int | None
    depth: int
    valid_from: date | None
    valid_to: date | None
    merged_into_id: int | None


class MemberOut(Schema):
    id: int
    code: str
    full_name: str
    gender: str
    category: str
    position: str
    unit_id: int
    status: str
    joined_on: date | None
    left_on: date | None
    # personal data: present only for those who may see it
    birth_date: date | None = None
    ethnicity: str | None = None

    @staticmethod
    def resolve_birth_date(obj, context):
        return obj.birth_date if can_view_personal_data(context["request"].user, obj.unit) else None

    @staticmethod
    def resolve_ethnicity(obj, context):
        return obj.ethnicity if can_view_personal_data(context["request"].user, obj.unit) else None


class MemberIn(CleanInput):
    text_models = (Member,)
    code: str
    full_name: str
    gender: Member.Gender
    category: Member.Category = Member.Category.WORKER
    position: str = ""
    unit_id: int
    birth_date: date | None = None
    ethnicity: str = ""
    joined_on: date | None = None
    # an active member has no leaving date (dropped); none before joined_on (400 naming left_on)
    status: Member.Status = Member.Status.ACTIVE
    left_on: date | None = None


@router.get("/units", response=list[UnitOut], summary="Units in my scope")
@paginate(LimitOffsetPagination)
def list_units(request, q: str = "", parent_id: int | None = None, current: bool = True):
    units = visible_units(request.user).select_related("unit_type")
    if q:
        units = units.search(q)
    if parent_id is not None:
        units = units.filter(parent_id=parent_id)
    if current:
        units = units.current()
    return units.order_by("path")


@router.get("/units/{unit_id}", response=UnitOut)
def get_unit(request, unit_id: int):
    return get_object_or_404(visible_units(request.user).select_related("unit_type"), pk=unit_id)


@router.get("/members", response=list[MemberOut], summary="Members in my scope")
@paginate(MemberPagination)
def list_members(request, unit_id: int | None = None, q: str = "", status: str = ""):
    unit = get_object_or_404(visible_units(request.user), pk=unit_id) if unit_id else None
    return selectors.filter_members(request.user, unit=unit, q=q, status=status)


@router.get("/members/{member_id}", response=MemberOut)
def get_member(request, member_id: int):
    return get_object_or_404(visible_members(request.user).select_related("unit"), pk=member_id)


@router.post("/members", response={201: MemberOut})
def create_member(request, payload: MemberIn):
    unit = get_object_or_404(visible_units(request.user).select_related("unit_type"), pk=payload.unit_id)
    if not can_manage_members(request.user, unit):
        raise PermissionDenied
    member = services.save_member(Member(**payload.dict()))
    return Status(201, member)
