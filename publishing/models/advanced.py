"""Advanced models (điển hình tiên tiến): their figures, stages, evidence and replication by other units."""

from typing import Self, TypeVar

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from core.models import CreatedRecord, Upload
from core.text import collation_key, decimal_vi, fold, normalize, search_words
from core.uploads import RandomName

__all__ = [
    "AdvancedModel",
    "AdvancedModelManager",
    "AdvancedModelQuerySet",
    "PublishedQuerySet",
    "PublishedRecord",
    "FieldOfWork",
    "ModelEvidence",
    "ModelFigure",
    "ModelStage",
    "Movement",
    "Replication",
]

_Published = TypeVar("_Published", bound="PublishedRecord")


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


class PublishedQuerySet(models.QuerySet[_Published]):
    """The queryset of a PublishedRecord: found by every typed word, with or without accents."""

    def search(self, text: str) -> Self:
        query = Q()
        for word in search_words(text):
            query &= Q(search_text__contains=word)
        return self.filter(query)


class AdvancedModelQuerySet(PublishedQuerySet["AdvancedModel"]):
    def public(self) -> Self:
        """Models shown on the portal: recognised ones and those being replicated."""
        return self.filter(stage__in=AdvancedModel.PUBLIC_STAGES)


AdvancedModelManager = models.Manager.from_queryset(AdvancedModelQuerySet)


class PublishedRecord(models.Model):
    """What the records the portal shows (advanced models, articles) share: the award decision
    they cite, as typed, and when they were last edited (their history leaves that time out)."""

    award_decision_reference = models.CharField(
        _("award decision"),
        max_length=500,
        blank=True,
        help_text=_("Number and date of the award decision, or a link to it."),
    )
    updated_at = models.DateTimeField(auto_now=True)

    # the fields whose spaces and Unicode form are normalised on save; the subclass declares
    # `search_text` (its own length) and says what it holds in `searched_words`
    NORMALIZED_FIELDS: tuple[str, ...] = ()

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        for name in self.NORMALIZED_FIELDS:
            setattr(self, name, normalize(getattr(self, name)))
        search_text = self._meta.get_field("search_text")
        assert isinstance(search_text, models.CharField)  # each subclass declares it, with its length
        setattr(self, search_text.attname, fold(self.searched_words())[: search_text.max_length])
        super().save(*args, **kwargs)

    def searched_words(self) -> str:
        raise NotImplementedError


class AdvancedModel(CreatedRecord, PublishedRecord):
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
    NORMALIZED_FIELDS = ("title", "person_name", "person_position")
    # what its writers describe (the form takes the member by their code)
    EDITABLE_FIELDS = (
        "title",
        "kind",
        "unit",
        "member",
        "person_name",
        "person_position",
        "summary",
        "results",
        "period_start",
        "period_end",
        "movement",
        "field_of_work",
        "award_decision_reference",
    )

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
    search_text = models.CharField(max_length=600, editable=False, default="")
    # the title's Vietnamese sort key (core.text.collation_key): lists order by it on every database
    sort_name = models.CharField(max_length=1000, editable=False, default="")
    history = HistoricalRecords(excluded_fields=["search_text", "sort_name", "updated_at"])

    objects = AdvancedModelManager()

    class Meta:
        ordering = ["-period_start", "sort_name"]
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
        self.sort_name = collation_key(normalize(self.title))
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "title" in update_fields:
            kwargs["update_fields"] = {*update_fields, "sort_name"}
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("publishing:model_detail", args=[self.pk])

    def searched_words(self) -> str:
        return f"{self.title} {self.person_name} {self.summary}"

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
        return f"{self.label}: {decimal_vi(self.value)} {self.unit_of_measure}".strip()


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


class ModelEvidence(Upload):
    """A document or photo that proves a model's results; checked by content on upload."""

    model = models.ForeignKey(AdvancedModel, on_delete=models.CASCADE, related_name="evidence")
    file = models.FileField(upload_to=RandomName("publishing/evidence"))
    original_name = models.CharField(_("file name"), max_length=255)
    content_type = models.CharField(max_length=10)
    description = models.CharField(_("description"), max_length=255, blank=True)

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
