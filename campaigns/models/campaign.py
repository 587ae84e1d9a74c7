"""Movements (standing) and campaigns (by period, theme, or special), their content items,
the units taking part, grade bands and the tie rules of their rankings."""

from collections.abc import Mapping, Sequence

from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser
from django.db import models
from django.db.models import Count, F, Q
from django.db.models.functions import ExtractYear
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.models import CreatedRecord
from core.text import collation_key, decimal_vi, normalize
from organisations.subtree_tallies import SubtreeTally, TalliedQuerySet, TalliedRecord

__all__ = [
    "Campaign",
    "ContentItem",
    "GradeBand",
    "Movement",
    "Participant",
    "ParticipationSubtreeTally",
    "TieBreaker",
]


class Movement(models.Model):
    """A standing movement (phong trào thường xuyên) that campaigns are linked to. Data, seeded
    by a migration; the federation adds more."""

    name = models.CharField(_("name"), max_length=255, unique=True)
    code = models.SlugField(_("code"), max_length=60, unique=True)
    description = models.TextField(_("description"), blank=True)
    is_standing = models.BooleanField(_("standing movement"), default=True)
    is_active = models.BooleanField(_("in use"), default=True)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("movement")
        verbose_name_plural = _("movements")

    def __str__(self) -> str:
        return self.name


class TieBreaker(models.TextChoices):
    """What decides between units with the same total, in the order the federation sets."""

    CRITERIA_AT_MAX = "criteria_at_max", _("More criteria at their maximum")
    CRITERION = "criterion", _("Higher score on a named criterion")
    EARLIER_SUBMISSION = "earlier_submission", _("Earlier submission of the score sheet")


def default_tie_breakers() -> list[str]:
    return [TieBreaker.CRITERIA_AT_MAX.value, TieBreaker.EARLIER_SUBMISSION.value]


class Campaign(CreatedRecord, TalliedRecord):
    """An emulation campaign (đợt thi đua) run by every unit of a subtree, launched by a plan. Its
    participants count into `ParticipationSubtreeTally` once it is launched: writing its status or
    start moves them."""

    TALLY = "campaigns.ParticipationSubtreeTally"
    TALLIED_FIELDS = frozenset({"status", "starts_on"})

    objects = TalliedQuerySet.as_manager()

    class Kind(models.TextChoices):
        PERIODIC = "periodic", _("By period")
        THEMATIC = "thematic", _("By theme")
        SPECIAL = "special", _("Special")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft, not launched")
        LAUNCHED = "launched", _("Launched")
        CLOSED = "closed", _("Closed")

    name = models.CharField(_("name"), max_length=300)
    kind = models.CharField(_("kind of campaign"), max_length=20, choices=Kind.choices, default=Kind.SPECIAL)
    theme = models.TextField(_("theme"))
    slogan = models.CharField(_("slogan"), max_length=300, blank=True)
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"))
    registration_deadline = models.DateField(_("registration deadline"), null=True, blank=True)
    organiser = models.ForeignKey(
        "organisations.Unit",
        on_delete=models.PROTECT,
        related_name="organised_campaigns",
        verbose_name=_("organising unit"),
    )
    root_unit = models.ForeignKey(
        "organisations.Unit",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("participating subtree"),
        help_text=_("Every unit of the included types under this unit takes part."),
    )
    included_unit_types = models.ManyToManyField(
        "organisations.UnitType", related_name="+", verbose_name=_("unit types taking part")
    )
    movements = models.ManyToManyField(
        Movement, blank=True, related_name="campaigns", verbose_name=_("linked movements")
    )
    launching_document = models.ForeignKey(
        "documents.Document",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="launched_campaigns",
        verbose_name=_("launching plan"),
    )
    reach_threshold = models.PositiveSmallIntegerField(
        _("reach threshold (%)"),
        default=80,
        help_text=_("Units whose dissemination reach is below this share are highlighted."),
    )
    tie_breakers = models.JSONField(_("tie-breakers"), default=default_tie_breakers, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.DRAFT)
    launched_at = models.DateTimeField(_("launched at"), null=True, blank=True)
    launched_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # the name's Vietnamese sort key (core.text.collation_key): lists of names order by it on every database
    sort_name = models.CharField(max_length=1000, editable=False, default="")
    history = HistoricalRecords(excluded_fields=["created_at", "sort_name"])
    _history_user: AbstractBaseUser | None  # the actor, set before a save for its history row

    class Meta:
        ordering = ["-starts_on", "sort_name", "-pk"]
        verbose_name = _("emulation campaign")
        verbose_name_plural = _("emulation campaigns")
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=F("starts_on")), name="campaign_ends_after_start"
            ),
            models.CheckConstraint(
                condition=Q(reach_threshold__gte=1, reach_threshold__lte=100),
                name="campaign_reach_threshold_is_a_percentage",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        self.name = normalize(self.name)
        self.slogan = normalize(self.slogan)
        self.sort_name = collation_key(self.name)
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "name" in update_fields:
            kwargs["update_fields"] = {*update_fields, "sort_name"}
        super().save(*args, **kwargs)

    @property
    def year(self) -> int:
        return self.starts_on.year

    @classmethod
    def tally_cells(cls, queryset: models.QuerySet) -> dict[tuple[int, int], tuple[int, ...]]:
        """The participations of the campaigns of `queryset` (Participant.tally_cells' rule)."""
        return Participant.tally_cells(Participant.objects.filter(campaign__in=queryset.values("pk")))

    @property
    def is_draft(self) -> bool:
        return self.status == self.Status.DRAFT

    @property
    def is_launched(self) -> bool:
        return self.status == self.Status.LAUNCHED


class ContentItem(models.Model):
    """One of a campaign's main contents (nội dung chủ yếu), in order."""

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="content_items")
    order = models.PositiveSmallIntegerField(_("order"))
    title = models.CharField(_("title"), max_length=300)
    text = models.TextField(_("text"), blank=True)

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("content item")
        verbose_name_plural = _("content items")
        constraints = [
            models.UniqueConstraint(fields=["campaign", "order"], name="content_item_order_unique")
        ]

    def __str__(self) -> str:
        return f"{self.order}. {self.title}"


class Participant(TalliedRecord):
    """A unit taking part in a launched campaign: it registers, disseminates, is scored and reports.
    Every write keeps `ParticipationSubtreeTally`."""

    TALLY = "campaigns.ParticipationSubtreeTally"
    TALLIED_FIELDS = frozenset({"campaign", "campaign_id", "unit", "unit_id"})

    objects = TalliedQuerySet.as_manager()

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="participants")
    unit = models.ForeignKey(
        "organisations.Unit", on_delete=models.PROTECT, related_name="campaign_participations"
    )
    joined_on = models.DateField(_("joined on"))

    # Not fields: the reach figures campaigns.selectors.reach sets on the participants it reads.
    unit_scope: int
    unit_reported: int
    unit_reached: int
    unit_sessions: int
    unit_below: int
    reach_ratio: float

    class Meta:
        ordering = ["unit__path"]
        verbose_name = _("participating unit")
        verbose_name_plural = _("participating units")
        constraints = [models.UniqueConstraint(fields=["campaign", "unit"], name="participant_once")]

    def __str__(self) -> str:
        return f"{self.campaign_id}: {self.unit_id}"

    @classmethod
    def tally_cells(cls, queryset: models.QuerySet) -> dict[tuple[int, int], tuple[int, ...]]:
        """Participations in launched (or closed) campaigns by unit and the year the campaign starts."""
        rows = (
            queryset.exclude(campaign__status=Campaign.Status.DRAFT)
            .order_by()
            .values_list("unit_id", ExtractYear("campaign__starts_on"))
            .annotate(n=Count("pk"))
        )
        return {(unit, year): (n,) for unit, year, n in rows}


class ParticipationSubtreeTally(SubtreeTally):
    """How many participations in launched (or closed) campaigns starting in a year a unit's whole
    subtree has, kept by every write of a participant or a campaign (`core.models.TalliedRecord`):
    the dashboard's trends read a row a year. `manage.py check_subtree_tallies` compares it."""

    COUNTS = ("participations",)

    participations = models.PositiveIntegerField(default=0)

    @classmethod
    def counted_unit_cells(cls) -> Mapping[tuple[int, int], Sequence[int]]:
        return Participant.tally_cells(Participant.objects.all())


class GradeBand(models.Model):
    """A grade (xuất sắc, tốt, khá, trung bình) from a minimum score on the 100-point scale."""

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="grade_bands")
    name = models.CharField(_("grade"), max_length=60)
    min_score = models.DecimalField(_("from score"), max_digits=5, decimal_places=2)

    class Meta:
        ordering = ["-min_score"]
        verbose_name = _("grade band")
        verbose_name_plural = _("grade bands")
        constraints = [
            models.UniqueConstraint(fields=["campaign", "name"], name="grade_band_name_unique"),
            models.UniqueConstraint(fields=["campaign", "min_score"], name="grade_band_min_unique"),
            models.CheckConstraint(
                condition=Q(min_score__gte=0, min_score__lte=100), name="grade_band_min_in_range"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} ≥ {decimal_vi(self.min_score)}"
