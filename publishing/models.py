"""Advanced models (điển hình tiên tiến), news articles (tin bài) with their editorial trail,
and issues of the internal bulletin (bản tin nội bộ)."""

from datetime import datetime
from typing import Self

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from core.models import CreatedRecord
from core.text import fold, normalize
from core.uploads import RandomName


class Movement(models.TextChoices):
    """The standing emulation movements an advanced model comes from (until the campaigns app
    gives them a table of their own)."""

    LABOUR_CREATIVITY = "lao-dong-gioi", _("Good work, creative work")
    GREEN_CLEAN_SAFE = (
        "xanh-sach-dep",
        _("Green – Clean – Beautiful, ensuring occupational safety and hygiene"),
    )
    WORK_AND_HOME = "gioi-viec-nuoc", _("Good at public work, good at housework")
    HO_CHI_MINH = "lam-theo-bac", _("Studying and following Ho Chi Minh's thought, morality and style")
    NEW_RURAL_AREAS = "nong-thon-moi", _("Cao Bằng joins hands to build new rural areas")


class FieldOfWork(models.TextChoices):
    PRODUCTION = "production", _("Production and business")
    EDUCATION = "education", _("Education and training")
    HEALTH = "health", _("Health care")
    ADMINISTRATION = "administration", _("Public administration")
    AGRICULTURE = "agriculture", _("Agriculture and rural development")
    SAFETY = "safety", _("Occupational safety and hygiene")
    SOCIAL = "social", _("Culture, society and charity")
    UNION = "union", _("Union work")


class AdvancedModelQuerySet(models.QuerySet["AdvancedModel"]):
    def public(self) -> Self:
        """Models shown on the portal: recognised ones and those being replicated."""
        return self.filter(stage__in=AdvancedModel.PUBLIC_STAGES)

    def search(self, text: str) -> Self:
        query = Q()
        for word in fold(text).split():
            query &= Q(search_text__contains=word)
        return self.filter(query)


AdvancedModelManager = models.Manager.from_queryset(AdvancedModelQuerySet)


class AdvancedModel(CreatedRecord):
    """An exemplary person or collective and the model or initiative they are an example of."""

    class Kind(models.TextChoices):
        INDIVIDUAL = "individual", _("Individual")
        COLLECTIVE = "collective", _("Collective")

    class Stage(models.TextChoices):
        FOUND = "found", _("Found")
        NURTURED = "nurtured", _("Being nurtured")
        RECOGNISED = "recognised", _("Recognised")
        REPLICATING = "replicating", _("Being replicated")

    STAGE_ORDER = [Stage.FOUND, Stage.NURTURED, Stage.RECOGNISED, Stage.REPLICATING]
    PUBLIC_STAGES = [Stage.RECOGNISED, Stage.REPLICATING]

    title = models.CharField(_("model or initiative"), max_length=255)
    kind = models.CharField(
        pgettext_lazy("advanced model", "kind"), max_length=12, choices=Kind.choices, default=Kind.COLLECTIVE
    )
    unit = models.ForeignKey(
        "organisations.Unit",
        on_delete=models.PROTECT,
        related_name="advanced_models",
        verbose_name=_("unit"),
        help_text=_("The collective, or the unit the person belongs to."),
    )
    member = models.ForeignKey(
        "organisations.Member",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="advanced_models",
        verbose_name=_("member"),
    )
    person_name = models.CharField(_("person's name"), max_length=120, blank=True)
    person_position = models.CharField(_("person's position"), max_length=120, blank=True)
    summary = models.TextField(_("what they did"))
    results = models.TextField(_("results"), blank=True)
    period_start = models.DateField(_("period from"))
    period_end = models.DateField(_("period to"), null=True, blank=True)
    # Null: not tied to a standing movement. Becomes a link to the campaigns app's movements later.
    movement = models.CharField(_("movement"), max_length=20, choices=Movement.choices, null=True, blank=True)  # noqa: DJ001
    field_of_work = models.CharField(_("field"), max_length=20, choices=FieldOfWork.choices)
    stage = models.CharField(_("stage"), max_length=12, choices=Stage.choices, default=Stage.FOUND)
    stage_changed_on = models.DateField(_("stage since"), default=timezone.localdate)
    award_decision_reference = models.CharField(
        _("award decision"),
        max_length=500,
        blank=True,
        help_text=_("Number and date of the award decision, or a link to it."),
    )
    search_text = models.CharField(max_length=600, editable=False, default="")
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords(excluded_fields=["search_text", "updated_at"])

    objects = AdvancedModelManager()

    class Meta:
        ordering = ["-period_start", "title"]
        verbose_name = _("advanced model")
        verbose_name_plural = _("advanced models")
        constraints = [
            models.CheckConstraint(
                condition=Q(period_end__isnull=True) | Q(period_end__gte=models.F("period_start")),
                name="advanced_model_period_end_after_start",
            ),
            models.CheckConstraint(
                condition=~Q(kind="individual") | ~Q(person_name=""),
                name="advanced_model_individual_has_a_name",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs):
        self.title = normalize(self.title)
        self.person_name = normalize(self.person_name)
        self.person_position = normalize(self.person_position)
        self.search_text = fold(f"{self.title} {self.person_name} {self.summary}")[:600]
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("publishing:model_detail", args=[self.pk])

    @property
    def is_public(self) -> bool:
        return self.stage in self.PUBLIC_STAGES

    @property
    def next_stage(self) -> str | None:
        index = self.STAGE_ORDER.index(self.Stage(self.stage))
        return self.STAGE_ORDER[index + 1] if index + 1 < len(self.STAGE_ORDER) else None

    @property
    def next_stage_label(self) -> str | Promise:
        return self.Stage(self.next_stage).label if self.next_stage else ""

    @property
    def stage_steps(self) -> list[tuple[str | Promise, str]]:
        """(label, "done" | "current" | "todo") for each stage, for the progress strip."""
        current = self.STAGE_ORDER.index(self.Stage(self.stage))
        return [
            (stage.label, "done" if i < current else "current" if i == current else "todo")
            for i, stage in enumerate(self.STAGE_ORDER)
        ]

    @property
    def holder(self) -> str:
        """Who the model is: the person's name or the collective's."""
        return self.person_name if self.kind == self.Kind.INDIVIDUAL else self.unit.name


class ModelFigure(models.Model):
    """A result in numbers: "Giá trị làm lợi — 1.200 triệu đồng"."""

    model = models.ForeignKey(AdvancedModel, on_delete=models.CASCADE, related_name="figures")
    label = models.CharField(_("indicator"), max_length=160)
    value = models.DecimalField(_("value"), max_digits=16, decimal_places=2)
    unit_of_measure = models.CharField(_("unit of measure"), max_length=40, blank=True)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("result in numbers")
        verbose_name_plural = _("results in numbers")

    def __str__(self) -> str:
        return f"{self.label}: {self.value} {self.unit_of_measure}".strip()


class ModelStage(models.Model):
    """One step of a model's life: found → nurtured → recognised → being replicated."""

    model = models.ForeignKey(AdvancedModel, on_delete=models.CASCADE, related_name="stages")
    stage = models.CharField(_("stage"), max_length=12, choices=AdvancedModel.Stage.choices)
    on = models.DateField(pgettext_lazy("publishing", "date"))
    moved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("by")
    )
    note = models.TextField(_("note"), blank=True)
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["on", "recorded_at", "pk"]
        verbose_name = _("stage change")
        verbose_name_plural = _("stage changes")
        constraints = [models.UniqueConstraint(fields=["model", "stage"], name="one_record_per_model_stage")]

    def __str__(self) -> str:
        return f"{self.model} · {self.get_stage_display()} · {self.on}"


class ModelEvidence(models.Model):
    """A document or photo that proves a model's results; checked by content on upload."""

    model = models.ForeignKey(AdvancedModel, on_delete=models.CASCADE, related_name="evidence")
    file = models.FileField(upload_to=RandomName("publishing/evidence"))
    original_name = models.CharField(_("file name"), max_length=255)
    content_type = models.CharField(max_length=10)
    description = models.CharField(_("description"), max_length=255, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["uploaded_at", "pk"]
        verbose_name = _("evidence")
        verbose_name_plural = _("evidence")

    def __str__(self) -> str:
        return self.original_name


class Replication(models.Model):
    """A unit that adopted the model, when, and what it achieved with it."""

    model = models.ForeignKey(AdvancedModel, on_delete=models.CASCADE, related_name="replications")
    unit = models.ForeignKey(
        "organisations.Unit",
        on_delete=models.PROTECT,
        related_name="adopted_models",
        verbose_name=_("adopting unit"),
    )
    adopted_on = models.DateField(_("adopted on"))
    results = models.TextField(_("results"), blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["adopted_on", "pk"]
        verbose_name = _("replication")
        verbose_name_plural = _("replications")
        constraints = [models.UniqueConstraint(fields=["model", "unit"], name="one_replication_per_unit")]

    def __str__(self) -> str:
        return f"{self.model} → {self.unit}"


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


class ArticleQuerySet(models.QuerySet["Article"]):
    def public(self, now: datetime | None = None) -> Self:
        """What the portal shows: published, and not scheduled for later."""
        return self.filter(status=Article.Status.PUBLISHED, publish_at__lte=now or timezone.now())

    def search(self, text: str) -> Self:
        query = Q()
        for word in fold(text).split():
            query &= Q(search_text__contains=word)
        return self.filter(query)


ArticleManager = models.Manager.from_queryset(ArticleQuerySet)


class Article(models.Model):
    """A news article. Its body is HTML sanitised on every save (publishing.sanitizer)."""

    class Status(models.TextChoices):
        DRAFT = "draft", pgettext_lazy("article status", "Draft")
        SUBMITTED = "submitted", pgettext_lazy("article status", "Submitted")
        RETURNED = "returned", pgettext_lazy("article status", "Returned")
        APPROVED = "approved", pgettext_lazy("article status", "Approved")
        PUBLISHED = "published", pgettext_lazy("article status", "Published")

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
    award_decision_reference = models.CharField(
        _("award decision"),
        max_length=500,
        blank=True,
        help_text=_("Number and date of the award decision, or a link to it."),
    )
    search_text = models.CharField(max_length=800, editable=False, default="")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords(excluded_fields=["search_text", "updated_at"])

    objects = ArticleManager()

    class Meta:
        ordering = ["-publish_at", "-created_at"]
        verbose_name = _("article")
        verbose_name_plural = _("articles")
        indexes = [models.Index(fields=["status", "publish_at"])]
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

        self.title = normalize(self.title)
        self.byline = normalize(self.byline)
        self.lead = normalize(self.lead)
        self.body = sanitize_html(self.body)
        self.search_text = fold(f"{self.title} {self.lead}")[:800]
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("publishing:article_detail", args=[self.pk])

    def get_public_url(self) -> str:
        return reverse("publishing:portal_article", args=[self.slug])

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


class ArticleImage(models.Model):
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
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)

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


class BulletinIssue(CreatedRecord):
    """An issue of a unit's internal bulletin: the published articles of a month or quarter, as a PDF."""

    class Period(models.TextChoices):
        MONTH = "month", _("Month")
        QUARTER = "quarter", _("Quarter")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Being prepared")
        QUEUED = "queued", _("PDF being generated")
        READY = "ready", _("PDF ready")
        FAILED = "failed", _("PDF generation failed")

    publisher = models.ForeignKey(
        "organisations.Unit",
        on_delete=models.PROTECT,
        related_name="bulletin_issues",
        verbose_name=_("publisher"),
    )
    title = models.CharField(_("title"), max_length=160)
    year = models.PositiveSmallIntegerField(_("year"))
    number = models.PositiveSmallIntegerField(_("issue number"))
    period_kind = models.CharField(_("period"), max_length=8, choices=Period.choices)
    period_index = models.PositiveSmallIntegerField(_("month or quarter"))
    period_start = models.DateField()
    period_end = models.DateField()
    issued_on = models.DateField(_("issue date"))
    status = models.CharField(_("status"), max_length=8, choices=Status.choices, default=Status.DRAFT)
    pdf = models.FileField(upload_to=RandomName("publishing/bulletins"), blank=True)
    page_count = models.PositiveSmallIntegerField(default=0)
    error = models.TextField(blank=True)
    rendered_at = models.DateTimeField(null=True, blank=True)
    history = HistoricalRecords(excluded_fields=["error"])

    class Meta:
        ordering = ["-year", "-number"]
        verbose_name = _("bulletin issue")
        verbose_name_plural = _("bulletin issues")
        constraints = [
            models.UniqueConstraint(
                fields=["publisher", "year", "number"], name="bulletin_number_unique_per_publisher_year"
            ),
            models.CheckConstraint(
                condition=Q(period_end__gte=models.F("period_start")), name="bulletin_period_in_order"
            ),
            models.CheckConstraint(condition=Q(number__gte=1), name="bulletin_number_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.title} · {self.period_label}"

    def get_absolute_url(self) -> str:
        return reverse("publishing:bulletin_detail", args=[self.pk])

    @property
    def period_label(self) -> str:
        """ "Số 3 · Tháng 10/2026" style label, in the active language."""
        if self.period_kind == self.Period.MONTH:
            return _("No. %(number)s · Month %(index)s/%(year)s") % {
                "number": self.number,
                "index": f"{self.period_index:02d}",
                "year": self.year,
            }
        return _("No. %(number)s · Quarter %(index)s/%(year)s") % {
            "number": self.number,
            "index": self.period_index,
            "year": self.year,
        }


class BulletinEntry(models.Model):
    """An article in a bulletin issue, at the place the editor gave it."""

    issue = models.ForeignKey(BulletinIssue, on_delete=models.CASCADE, related_name="entries")
    article = models.ForeignKey(Article, on_delete=models.PROTECT, related_name="bulletin_entries")
    position = models.PositiveSmallIntegerField()

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("bulletin article")
        verbose_name_plural = _("bulletin articles")
        constraints = [models.UniqueConstraint(fields=["issue", "article"], name="article_once_per_bulletin")]

    def __str__(self) -> str:
        return f"{self.issue} · {self.position}. {self.article}"
