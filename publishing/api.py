"""Articles, their editorial flow and advanced models over the JSON API (/api/v1/publishing/),
with the same scope and permission predicates as the pages: ids outside the caller's units answer 404."""

from datetime import date, datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema, Status
from ninja.pagination import LimitOffsetPagination, paginate

from accounts.permissions import visible_members, visible_units
from core.schemas import CleanInput
from organisations.models import Unit
from publishing import selectors, services
from publishing.models import (
    AdvancedModel,
    Article,
    Category,
    FieldOfWork,
    ModelFigure,
    ModelStage,
    Movement,
    Replication,
)

router = Router()


# Schemas -------------------------------------------------------------------------------------


class CategoryOut(Schema):
    id: int
    name: str
    slug: str


class EventOut(Schema):
    from_status: str
    to_status: str
    actor: str | None
    at: datetime
    comment: str

    @staticmethod
    def resolve_actor(obj) -> str | None:
        return str(obj.actor) if obj.actor_id else None


class ArticleOut(Schema):
    id: int
    title: str
    slug: str
    status: Article.Status
    category_id: int
    category: str = Field(..., alias="category.name")
    unit_id: int
    unit_name: str = Field(..., alias="unit.name")
    author_id: int | None
    byline: str
    lead: str
    publish_at: datetime | None
    updated_at: datetime
    public_url: str | None = None

    @staticmethod
    def resolve_public_url(obj) -> str | None:
        return obj.get_public_url() if obj.is_public else None


class ArticleDetailOut(ArticleOut):
    body: str
    campaign_reference: str
    award_decision_reference: str
    related_unit_ids: list[int]
    advanced_model_ids: list[int]
    events: list[EventOut]

    @staticmethod
    def resolve_related_unit_ids(obj) -> list[int]:
        return [u.pk for u in obj.related_units.all()]

    @staticmethod
    def resolve_advanced_model_ids(obj) -> list[int]:
        return [m.pk for m in obj.advanced_models.all()]

    @staticmethod
    def resolve_events(obj):
        return list(obj.events.all())


class ArticleIn(CleanInput):
    text_models = (Article,)
    title: str
    category_id: int
    unit_id: int
    lead: str
    body: str
    byline: str = ""
    related_unit_ids: list[int] = []
    advanced_model_ids: list[int] = []
    campaign_reference: str = ""
    award_decision_reference: str = ""


class ArticlePatch(CleanInput):
    text_models = (Article,)
    title: str | None = None
    category_id: int | None = None
    lead: str | None = None
    body: str | None = None
    byline: str | None = None
    related_unit_ids: list[int] | None = None
    advanced_model_ids: list[int] | None = None
    campaign_reference: str | None = None
    award_decision_reference: str | None = None


class TransitionIn(CleanInput):
    comment: str = ""
    publish_at: datetime | None = None


class FigureOut(Schema):
    label: str
    value: Decimal
    unit_of_measure: str


class FigureIn(CleanInput):
    text_models = (ModelFigure,)
    label: str
    value: Decimal
    unit_of_measure: str = ""


class StageOut(Schema):
    stage: AdvancedModel.Stage
    on: date
    moved_by: str | None
    note: str

    @staticmethod
    def resolve_moved_by(obj) -> str | None:
        return str(obj.moved_by) if obj.moved_by_id else None


class ReplicationOut(Schema):
    unit_id: int
    unit_name: str = Field(..., alias="unit.name")
    adopted_on: date
    results: str


class ModelOut(Schema):
    id: int
    title: str
    kind: AdvancedModel.Kind
    unit_id: int
    unit_name: str = Field(..., alias="unit.name")
    person_name: str
    person_position: str
    period_start: date
    period_end: date | None
    movement: Movement | None
    field_of_work: FieldOfWork
    stage: AdvancedModel.Stage
    stage_changed_on: date


class ModelDetailOut(ModelOut):
    member_id: int | None
    summary: str
    results: str
    award_decision_reference: str
    figures: list[FigureOut]
    stages: list[StageOut]
    replications: list[ReplicationOut]
    article_ids: list[int]

    @staticmethod
    def resolve_figures(obj):
        return list(obj.figures.all())

    @staticmethod
    def resolve_stages(obj):
        return list(obj.stages.all())

    @staticmethod
    def resolve_replications(obj):
        return list(obj.replications.all())

    @staticmethod
    def resolve_article_ids(obj) -> list[int]:
        return [a.pk for a in obj.articles.all()]


class ModelIn(CleanInput):
    text_models = (AdvancedModel,)
    title: str
    kind: AdvancedModel.Kind = AdvancedModel.Kind.COLLECTIVE
    unit_id: int
    member_id: int | None = None
    person_name: str = ""
    person_position: str = ""
    summary: str
    results: str = ""
    period_start: date
    period_end: date | None = None
    movement: Movement | None = None
    field_of_work: FieldOfWork
    award_decision_reference: str = ""
    figures: list[FigureIn] = []


class AdvanceIn(CleanInput):
    text_models = (ModelStage,)
    on: date | None = None
    note: str = ""


class ReplicationIn(CleanInput):
    text_models = (Replication,)
    unit_id: int
    adopted_on: date
    results: str = ""


# Helpers -------------------------------------------------------------------------------------


def _units(ids: list[int]) -> list[Unit]:
    units = list(Unit.objects.filter(pk__in=set(ids)))
    if len(units) != len(set(ids)):
        raise ValidationError({"related_unit_ids": _("Some of these units do not exist.")})
    return units


def _models(user, ids: list[int]) -> list[AdvancedModel]:
    models = list(selectors.linkable_models(user).filter(pk__in=set(ids)))
    if len(models) != len(set(ids)):
        raise ValidationError(
            {"advanced_model_ids": _("Some of these advanced models do not exist or are not visible to you.")}
        )
    return models


def _category(pk: int) -> Category:
    category = Category.objects.filter(pk=pk).first()
    if category is None:
        raise ValidationError({"category_id": _("This category does not exist.")})
    return category


def _article(request, article_id: int) -> Article:
    return selectors.article_detail(request.user, article_id)


# Articles ------------------------------------------------------------------------------------


@router.get("/categories", response=list[CategoryOut], summary="News categories")
def list_categories(request):
    return Category.objects.all()


@router.get("/articles", response=list[ArticleOut], summary="Articles of my units")
@paginate(LimitOffsetPagination)
def list_articles(
    request,
    q: str = "",
    status: str = "",
    category_id: int | None = None,
    unit_id: int | None = None,
    queue: str = "",
):
    unit = get_object_or_404(visible_units(request.user), pk=unit_id) if unit_id else None
    category = get_object_or_404(Category, pk=category_id) if category_id else None
    return selectors.filter_articles(
        request.user,
        q=q,
        status=status,
        category=category,
        unit=unit,
        queue=queue if queue in ("review", "publish") else "",
        mine=queue == "mine",
    )


@router.get("/articles/{article_id}", response=ArticleDetailOut)
def get_article(request, article_id: int):
    return _article(request, article_id)


@router.post("/articles", response={201: ArticleDetailOut})
def create_article(request, payload: ArticleIn):
    unit = get_object_or_404(visible_units(request.user), pk=payload.unit_id)
    article = services.create_article(
        actor=request.user,
        unit=unit,
        category=_category(payload.category_id),
        title=payload.title,
        lead=payload.lead,
        body=payload.body,
        byline=payload.byline,
        campaign_reference=payload.campaign_reference,
        award_decision_reference=payload.award_decision_reference,
        related_units=_units(payload.related_unit_ids),
        advanced_models=_models(request.user, payload.advanced_model_ids),
    )
    return Status(201, _article(request, article.pk))


@router.patch("/articles/{article_id}", response=ArticleDetailOut)
def update_article(request, article_id: int, payload: ArticlePatch):
    article = _article(request, article_id)
    data = payload.dict(exclude_unset=True)
    fields = {
        k: v for k, v in data.items() if k not in ("category_id", "related_unit_ids", "advanced_model_ids")
    }
    if "category_id" in data:
        fields["category"] = _category(data["category_id"])
    services.update_article(
        article,
        actor=request.user,
        related_units=_units(data["related_unit_ids"]) if data.get("related_unit_ids") is not None else None,
        advanced_models=_models(request.user, data["advanced_model_ids"])
        if data.get("advanced_model_ids") is not None
        else None,
        **fields,
    )
    return _article(request, article_id)


def _transition(request, article_id: int, payload: TransitionIn, service, **extra):
    article = _article(request, article_id)
    service(article, actor=request.user, comment=payload.comment, **extra)
    return _article(request, article_id)


@router.post("/articles/{article_id}/submit", response=ArticleDetailOut, summary="Submit for approval")
def submit_article(request, article_id: int, payload: TransitionIn):
    return _transition(request, article_id, payload, services.submit_article)


@router.post("/articles/{article_id}/approve", response=ArticleDetailOut, summary="Approve")
def approve_article(request, article_id: int, payload: TransitionIn):
    return _transition(request, article_id, payload, services.approve_article)


@router.post(
    "/articles/{article_id}/return", response=ArticleDetailOut, summary="Return to the writer with a comment"
)
def return_article(request, article_id: int, payload: TransitionIn):
    return _transition(request, article_id, payload, services.return_article)


@router.post(
    "/articles/{article_id}/publish",
    response=ArticleDetailOut,
    summary="Publish to the portal (now or later)",
)
def publish_article(request, article_id: int, payload: TransitionIn):
    return _transition(request, article_id, payload, services.publish_article, publish_at=payload.publish_at)


@router.post("/articles/{article_id}/withdraw", response=ArticleDetailOut, summary="Take off the portal")
def withdraw_article(request, article_id: int, payload: TransitionIn):
    return _transition(request, article_id, payload, services.withdraw_article)


# Advanced models -----------------------------------------------------------------------------


@router.get("/models", response=list[ModelOut], summary="The registry of advanced models")
@paginate(LimitOffsetPagination)
def list_models(
    request,
    q: str = "",
    movement: str = "",
    unit_id: int | None = None,
    field_of_work: str = "",
    year: int | None = None,
    stage: str = "",
):
    unit = get_object_or_404(visible_units(request.user), pk=unit_id) if unit_id else None
    return selectors.filter_models(
        request.user, q=q, movement=movement, unit=unit, field_of_work=field_of_work, year=year, stage=stage
    )


@router.get("/models/{model_id}", response=ModelDetailOut)
def get_model(request, model_id: int):
    return selectors.model_detail(request.user, model_id)


@router.post("/models", response={201: ModelDetailOut})
def create_model(request, payload: ModelIn):
    unit = get_object_or_404(visible_units(request.user), pk=payload.unit_id)
    member = (
        get_object_or_404(visible_members(request.user), pk=payload.member_id) if payload.member_id else None
    )
    data = payload.dict(exclude={"unit_id", "member_id", "figures"})
    model = services.create_model(
        actor=request.user,
        unit=unit,
        member=member,
        figures=[(f.label, f.value, f.unit_of_measure) for f in payload.figures],
        **data,
    )
    return Status(201, selectors.model_detail(request.user, model.pk))


@router.post("/models/{model_id}/advance", response=ModelDetailOut, summary="Move to the next stage")
def advance_model(request, model_id: int, payload: AdvanceIn):
    model = selectors.model_detail(request.user, model_id)
    services.advance_model(model, actor=request.user, on=payload.on, note=payload.note)
    return selectors.model_detail(request.user, model_id)


@router.post(
    "/models/{model_id}/replications", response={201: ModelDetailOut}, summary="Record a replication"
)
def add_replication(request, model_id: int, payload: ReplicationIn):
    model = selectors.model_detail(request.user, model_id)
    unit = get_object_or_404(Unit, pk=payload.unit_id)
    services.record_replication(
        model, actor=request.user, unit=unit, adopted_on=payload.adopted_on, results=payload.results
    )
    return Status(201, selectors.model_detail(request.user, model_id))
