"""Reads shared by the management pages, the portal and the API. Query counts do not grow with
the number of rows: relations are joined or prefetched once."""

import hashlib

from django.db.models import Count, Max, Min, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.utils import timezone

from accounts.permissions import (
    article_publish_scope,
    article_review_scope,
    can_view_article,
    editing_paths,
    visible_units,
    writing_units,
)
from organisations.models import Unit
from publishing.models import (
    AdvancedModel,
    AdvancedModelQuerySet,
    Article,
    ArticleEvent,
    ArticleImage,
    ArticleQuerySet,
    BulletinIssue,
    Category,
)

Status = Article.Status


def _images() -> Prefetch:
    return Prefetch("images", queryset=ArticleImage.objects.order_by("position", "pk"))


# Management ----------------------------------------------------------------------------------


def visible_articles(user) -> ArticleQuerySet:
    """Articles of the units in the user's scope (others answer 404)."""
    return Article.objects.filter(unit__in=visible_units(user).values("pk"))


def _last_event(field: str):
    return Subquery(
        ArticleEvent.objects.filter(article=OuterRef("pk")).order_by("-at", "-pk").values(field)[:1]
    )


def filter_articles(
    user,
    *,
    q: str = "",
    status: str = "",
    category: Category | None = None,
    unit: Unit | None = None,
    queue: str = "",
    mine: bool = False,
) -> QuerySet[Article]:
    """The article list: filters, the work queues ("review", "publish") and the last editorial comment."""
    articles = visible_articles(user)
    if q:
        articles = articles.search(q)
    if status:
        articles = articles.filter(status=status)
    if category is not None:
        articles = articles.filter(category=category)
    if unit is not None:
        articles = articles.filter(unit__path__startswith=unit.path)
    if mine:
        articles = articles.filter(author=user)
    if queue == "review":
        articles = articles.filter(article_review_scope(user), status=Status.SUBMITTED)
    elif queue == "publish":
        articles = articles.filter(article_publish_scope(user), status=Status.APPROVED)
    return (
        articles.select_related("category", "unit", "author")
        .annotate(last_comment=_last_event("comment"))
        .order_by("-updated_at", "-pk")
    )


def returned_to(user) -> QuerySet[Article]:
    """The user's articles that an editor sent back, with the editor's comment: shown first."""
    return (
        Article.objects.filter(author=user, status=Status.RETURNED)
        .select_related("category", "unit")
        .annotate(last_comment=_last_event("comment"), returned_at=_last_event("at"))
        .order_by("-updated_at")
    )


def work_counts(user) -> dict:
    """How many articles wait for the user: to review, to publish, returned to them."""
    scoped = visible_articles(user)
    return scoped.aggregate(
        review=Count("pk", filter=Q(article_review_scope(user), status=Status.SUBMITTED)),
        publish=Count("pk", filter=Q(article_publish_scope(user), status=Status.APPROVED)),
        returned=Count("pk", filter=Q(author=user, status=Status.RETURNED)),
    )


def article_detail(user, pk: int) -> Article:
    from django.shortcuts import get_object_or_404

    return get_object_or_404(
        visible_articles(user)
        .select_related("category", "unit__unit_type", "author")
        .prefetch_related(
            _images(),
            "related_units",
            "advanced_models",
            Prefetch("events", queryset=ArticleEvent.objects.select_related("actor")),
        ),
        pk=pk,
    )


def writable_units(user) -> QuerySet[Unit]:
    """Units the user may write for, in tree order."""
    return writing_units(user).current().order_by("path")


# Advanced models -----------------------------------------------------------------------------


def visible_models(user) -> AdvancedModelQuerySet:
    return AdvancedModel.objects.filter(unit__in=visible_units(user).values("pk"))


def linkable_models(user) -> QuerySet[AdvancedModel]:
    """Models an article may link to: those of the user's units, and every public one."""
    return AdvancedModel.objects.filter(
        Q(unit__in=visible_units(user).values("pk")) | Q(stage__in=AdvancedModel.PUBLIC_STAGES)
    ).order_by("sort_name", "pk")


def filter_models(
    user,
    *,
    q: str = "",
    movement: str = "",
    unit: Unit | None = None,
    field_of_work: str = "",
    year: int | None = None,
    stage: str = "",
) -> QuerySet[AdvancedModel]:
    """The registry: accent-insensitive search, movement, unit subtree, field, year (the model's period
    overlaps it) and stage."""
    models = visible_models(user)
    if q:
        models = models.search(q)
    if movement:
        models = models.filter(movement=movement)
    if unit is not None:
        models = models.filter(unit__path__startswith=unit.path)
    if field_of_work:
        models = models.filter(field_of_work=field_of_work)
    if year:
        models = models.filter(period_start__year__lte=year).filter(
            Q(period_end__isnull=True) | Q(period_end__year__gte=year)
        )
    if stage:
        models = models.filter(stage=stage)
    return (
        models.select_related("unit")
        .annotate(replication_count=Count("replications", distinct=True))
        .order_by("-period_start", "sort_name", "pk")
    )


def model_detail(user, pk: int) -> AdvancedModel:
    from django.shortcuts import get_object_or_404

    return get_object_or_404(
        visible_models(user)
        .select_related("unit__unit_type", "member", "created_by")
        .prefetch_related(
            "figures",
            "evidence",
            "stages__moved_by",
            "replications__unit",
            Prefetch("articles", queryset=Article.objects.select_related("category")),
        ),
        pk=pk,
    )


# Bulletins -----------------------------------------------------------------------------------


def visible_bulletins(user) -> QuerySet[BulletinIssue]:
    return (
        BulletinIssue.objects.filter(publisher__in=visible_units(user).values("pk"))
        .select_related("publisher")
        .annotate(article_count=Count("entries"))
    )


def bulletin_publishers(user) -> QuerySet[Unit]:
    """The units whose bulletin the user makes: where they hold an editor or administrator role."""
    paths = editing_paths(user)
    return Unit.objects.filter(path__in=paths).order_by("path")


# The public portal ---------------------------------------------------------------------------


def may_see_article_image(user, name: str) -> bool:
    """/media/ asks whether `user` may see the stored file `name`: only when it is an image (or
    thumbnail) of an article `can_view_article` lets the user see."""
    image = (
        ArticleImage.objects.filter(Q(image=name) | Q(thumbnail=name)).select_related("article__unit").first()
    )
    return image is not None and can_view_article(user, image.article)


def public_articles(now=None) -> QuerySet[Article]:
    return (
        Article.objects.public(now)
        .select_related("category", "unit")
        .prefetch_related(_images())
        .order_by("-publish_at", "-pk")
    )


def public_models() -> QuerySet[AdvancedModel]:
    return (
        AdvancedModel.objects.public()
        .select_related("unit")
        .annotate(replication_count=Count("replications", distinct=True))
        .order_by("-stage_changed_on", "-pk")
    )


def portal_state(now=None) -> dict:
    """What every portal page depends on: when the last visible article appeared or changed, how
    many there are, when a public model or an award decision last changed. A scheduled article
    changes it the moment it becomes visible, with no write at all: `valid_until` is that moment
    (publishing.portal_cache keeps the state until then, or until a change)."""
    now = now or timezone.now()
    articles = Article.objects.public(now).aggregate(
        latest=Max("publish_at"), changed=Max("updated_at"), count=Count("pk")
    )
    scheduled = Article.objects.filter(status=Article.Status.PUBLISHED, publish_at__gt=now).aggregate(
        next=Min("publish_at")
    )
    models = AdvancedModel.objects.public().aggregate(changed=Max("updated_at"), count=Count("pk"))
    decisions = public_decisions_state()
    moments = [
        m
        for m in (articles["latest"], articles["changed"], models["changed"], decisions["changed"])
        if m is not None
    ]
    last_modified = max(moments) if moments else None
    fingerprint = "|".join(
        str(v)
        for v in (
            articles["latest"],
            articles["changed"],
            articles["count"],
            models["changed"],
            models["count"],
            decisions["changed"],
            decisions["revoked"],
            decisions["count"],
        )
    )
    return {
        "last_modified": last_modified,
        "etag": hashlib.sha256(fingerprint.encode()).hexdigest()[:32],
        "valid_until": scheduled["next"],
    }


def public_decisions(limit: int = 5):
    """Award decisions in force, for the portal: number, date, summary, the deciding unit and
    how many were commended, never the names (those are in the signed decision itself)."""
    from awards.models import Decision

    return (
        Decision.objects.filter(status=Decision.Status.ISSUED)
        .select_related("document", "deciding_unit")
        .annotate(awardee_count=Count("records"))
        .order_by("-decided_on", "-pk")[:limit]
    )


def public_decisions_state() -> dict:
    from awards.models import Decision

    return Decision.objects.aggregate(
        changed=Max("created_at"),
        revoked=Max("revoked_at"),
        count=Count("pk", filter=Q(status=Decision.Status.ISSUED)),
    )
