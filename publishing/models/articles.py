"""News articles (tin bài): categories, images and the editorial trail."""

from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Self

from django.conf import settings
from django.db import models
from django.db.models import Count, Q
from django.db.models.functions import ExtractYear
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from core.models import Upload
from core.uploads import RandomName
from organisations.subtree_tallies import SubtreeTally, TalliedQuerySet, TalliedRecord
from publishing.models.advanced import AdvancedModel, PublishedQuerySet, PublishedRecord

__all__ = [
    "Article",
    "ArticleEvent",
    "ArticleImage",
    "ArticleManager",
    "ArticleQuerySet",
    "ArticleSubtreeTally",
    "Category",
]


class Category(models.Model):
    """A news category (data: "Người tốt, việc tốt", "Hoạt động công đoàn"...)."""

    name = models.CharField(_("name"), max_length=120, unique=True)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    description = models.CharField(_("description"), max_length=255, blank=True)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = pgettext_lazy("news", "category")
        verbose_name_plural = pgettext_lazy("news", "categories")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("publishing:portal_category", args=[self.slug])


class ArticleQuerySet(PublishedQuerySet["Article"], TalliedQuerySet):  # type: ignore[override]  # two bases, one as_manager
    def public(self, now: datetime | None = None) -> Self:
        """What the portal shows: published, and not scheduled for later."""
        return self.filter(status=Article.Status.PUBLISHED, publish_at__lte=now or timezone.now())


ArticleManager = models.Manager.from_queryset(ArticleQuerySet)


class Article(PublishedRecord, TalliedRecord):
    """A news article. Its body is HTML sanitised on every save (publishing.sanitizer). Every write
    keeps the published articles' subtree tally (`ArticleSubtreeTally`)."""

    TALLY = "publishing.ArticleSubtreeTally"
    TALLIED_FIELDS = frozenset({"status", "publish_at", "unit", "unit_id"})

    class Status(models.TextChoices):
        DRAFT = "draft", pgettext_lazy("article status", "Draft")
        SUBMITTED = "submitted", pgettext_lazy("article status", "Submitted")
        RETURNED = "returned", pgettext_lazy("article status", "Returned")
        APPROVED = "approved", pgettext_lazy("article status", "Approved")
        PUBLISHED = "published", pgettext_lazy("article status", "Published")

    NORMALIZED_FIELDS = ("title", "byline", "lead")

    title = models.CharField(_("title"), max_length=255)
    slug = models.SlugField(pgettext_lazy("web", "address"), max_length=100, unique=True)
    category = models.ForeignKey(
        Category,
        on_delete=models.PROTECT,
        related_name="articles",
        verbose_name=pgettext_lazy("news", "category"),
    )
    unit = models.ForeignKey(
        "organisations.Unit",
        on_delete=models.PROTECT,
        related_name="articles",
        verbose_name=_("unit"),
        help_text=_("The unit this article comes from."),
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="articles",
        verbose_name=_("author"),
    )
    byline = models.CharField(
        _("byline"),
        max_length=160,
        blank=True,
        help_text=_("As printed under the article, e.g. “Bài, ảnh: Đàm Văn Long”."),
    )
    lead = models.TextField(_("lead"))
    body = models.TextField(_("body"))
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.DRAFT)
    publish_at = models.DateTimeField(_("published at"), null=True, blank=True, db_index=True)
    related_units = models.ManyToManyField(
        "organisations.Unit",
        blank=True,
        related_name="mentioned_in_articles",
        verbose_name=_("units mentioned"),
    )
    advanced_models = models.ManyToManyField(
        AdvancedModel, blank=True, related_name="articles", verbose_name=_("advanced models")
    )
    campaign_reference = models.CharField(
        _("campaign"), max_length=500, blank=True, help_text=_("The campaign or movement, as text or a link.")
    )
    search_text = models.CharField(max_length=800, editable=False, default="")
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords(excluded_fields=["search_text", "updated_at"])

    objects = ArticleManager()

    class Meta:
        ordering = ["-publish_at", "-created_at"]
        verbose_name = _("article")
        verbose_name_plural = _("articles")
        # the unit included: the reports count a subtree's published articles by date from the
        # index alone (PostgreSQL; an index-only scan instead of reading every article's row)
        indexes = [
            models.Index(
                fields=["status", "publish_at"], include=["unit"], name="article_status_publish_unit"
            )
        ]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status="published") | Q(publish_at__isnull=False),
                name="published_article_has_a_publication_time",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs):
        from publishing.sanitizer import sanitize_html

        self.body = sanitize_html(self.body)
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("publishing:article_detail", args=[self.pk])

    @classmethod
    def tally_cells(cls, queryset: models.QuerySet) -> dict[tuple[int, int], tuple[int, ...]]:
        """The published articles (scheduled ones too) by unit and year of publication, local time."""
        rows = (
            queryset.filter(status=cls.Status.PUBLISHED, publish_at__isnull=False)
            .order_by()
            .values_list("unit_id", ExtractYear("publish_at"))
            .annotate(n=Count("pk"))
        )
        return {(unit, year): (n,) for unit, year, n in rows}

    def get_public_url(self) -> str:
        return reverse("publishing:portal_article", args=[self.slug])

    def searched_words(self) -> str:
        return f"{self.title} {self.lead}"

    @property
    def is_public(self) -> bool:
        return (
            self.status == self.Status.PUBLISHED
            and self.publish_at is not None
            and self.publish_at <= timezone.now()
        )

    @property
    def is_scheduled(self) -> bool:
        return (
            self.status == self.Status.PUBLISHED
            and self.publish_at is not None
            and self.publish_at > timezone.now()
        )


class ArticleImage(Upload):
    """An image of an article, re-encoded on upload (max 1600 px wide, no EXIF) with a 400 px thumbnail."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="images")
    # indexed: /media/ looks every image request up by its stored name
    image = models.ImageField(
        upload_to=RandomName("publishing/articles"), width_field="width", height_field="height", db_index=True
    )
    thumbnail = models.ImageField(upload_to=RandomName("publishing/articles"), db_index=True)
    width = models.PositiveIntegerField(default=0)
    height = models.PositiveIntegerField(default=0)
    caption = models.CharField(_("caption"), max_length=255, blank=True)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("image")
        verbose_name_plural = _("images")

    def __str__(self) -> str:
        return self.caption or self.image.name or ""


class ArticleEvent(models.Model):
    """One step of the editorial trail: who moved the article from which status to which, and why."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="events")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("by")
    )
    at = models.DateTimeField(_("at"), default=timezone.now)
    from_status = models.CharField(_("from"), max_length=12, choices=Article.Status.choices, blank=True)
    to_status = models.CharField(_("to"), max_length=12, choices=Article.Status.choices)
    comment = models.TextField(_("comment"), blank=True)

    class Meta:
        ordering = ["at", "pk"]
        verbose_name = _("editorial step")
        verbose_name_plural = _("editorial steps")

    def __str__(self) -> str:
        return f"{self.article} · {self.from_status} → {self.to_status}"


class ArticleSubtreeTally(SubtreeTally):
    """The articles published by a unit's whole subtree in a year (local time; those scheduled for
    later in it too: a figure takes away the few not out yet), kept by every write of an article
    (`core.models.TalliedRecord`): the dashboard's trends read a row a year instead of joining the
    province's articles to its units. `manage.py check_subtree_tallies` compares it with the articles."""

    COUNTS = ("published",)

    published = models.PositiveIntegerField(default=0)

    @classmethod
    def counted_unit_cells(cls) -> Mapping[tuple[int, int], Sequence[int]]:
        return Article.tally_cells(Article.objects.all())
