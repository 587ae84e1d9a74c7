"""Criteria sets: a versioned tree of criteria with points, weights and quantitative targets.

A set belongs to a campaign, or is a template (no campaign) that campaigns copy. A version is
frozen once any score exists under it; editing then creates the next version, and scores
keep the version they were given under.
"""

from decimal import Decimal

from django.contrib.auth.base_user import AbstractBaseUser
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.models import CreatedRecord, optional_self_link
from core.text import normalize

__all__ = ["CriteriaSet", "Criterion"]


class CriteriaSet(CreatedRecord):
    campaign = models.ForeignKey(
        "campaigns.Campaign",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="criteria_sets",
        verbose_name=_("emulation campaign"),
    )
    name = models.CharField(_("name"), max_length=300)
    version = models.PositiveSmallIntegerField(_("version"), default=1)
    previous = optional_self_link(_("previous version"), related_name="+", on_delete=models.SET_NULL)
    requires_points_sum = models.BooleanField(
        _("sub-criteria points add up to their parent's"),
        default=True,
        help_text=_("The maximum points of a criterion's sub-criteria must add up to its own maximum."),
    )
    requires_weights_sum = models.BooleanField(
        _("weights add up to 100"),
        default=False,
        help_text=_("Top-level criteria carry weights that add up to 100; the total is weighted."),
    )
    frozen_at = models.DateTimeField(
        _("frozen at"),
        null=True,
        blank=True,
        help_text=_("Set when the first score is given under this version."),
    )
    history = HistoricalRecords(excluded_fields=["created_at"])
    _history_user: AbstractBaseUser | None  # the actor, set before a save for its history row

    class Meta:
        ordering = ["campaign_id", "-version"]
        verbose_name = _("criteria set")
        verbose_name_plural = _("criteria sets")
        constraints = [
            models.UniqueConstraint(
                fields=["campaign", "version"],
                condition=Q(campaign__isnull=False),
                name="criteria_set_version_unique_per_campaign",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} (v{self.version})"

    @property
    def is_template(self) -> bool:
        return self.campaign_id is None

    @property
    def is_frozen(self) -> bool:
        return self.frozen_at is not None


class Criterion(models.Model):
    """A node of the criteria tree. Only leaves are scored; a parent's score is its children's sum."""

    class Kind(models.TextChoices):
        STANDARD = "standard", _("Standard")
        BONUS = "bonus", _("Bonus points")
        PENALTY = "penalty", _("Penalty points")

    class Direction(models.TextChoices):
        HIGHER = "higher", _("Higher is better")
        LOWER = "lower", _("Lower is better")

    criteria_set = models.ForeignKey(CriteriaSet, on_delete=models.CASCADE, related_name="criteria")
    parent = optional_self_link(_("parent criterion"), related_name="children", on_delete=models.CASCADE)
    code = models.CharField(_("code"), max_length=20, help_text=_("e.g. 1, 1.2, 3.1.4"))
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    name = models.CharField(_("name"), max_length=500)
    description = models.TextField(_("description"), blank=True)
    kind = models.CharField(
        _("kind of criterion"), max_length=10, choices=Kind.choices, default=Kind.STANDARD
    )
    max_points = models.DecimalField(
        _("maximum points"),
        max_digits=7,
        decimal_places=2,
        help_text=_("For penalty points: the most that can be deducted."),
    )
    weight = models.DecimalField(_("weight (%)"), max_digits=5, decimal_places=2, null=True, blank=True)
    target_value = models.DecimalField(
        _("target"),
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=_("A quantitative target (chỉ tiêu); empty if the criterion has none."),
    )
    unit_of_measure = models.CharField(_("unit of measure"), max_length=40, blank=True)
    direction = models.CharField(
        _("direction"), max_length=10, choices=Direction.choices, default=Direction.HIGHER
    )
    evidence_required = models.BooleanField(_("evidence required"), default=False)
    # Points × factor = contribution to the total on the 100-point scale; kept by the services.
    factor = models.DecimalField(max_digits=12, decimal_places=8, default=Decimal(1), editable=False)
    history = HistoricalRecords()
    _history_user: AbstractBaseUser | None  # the actor, set before a save for its history row

    class Meta:
        ordering = ["criteria_set_id", "order", "pk"]
        verbose_name = _("criterion")
        verbose_name_plural = _("scoring criteria")
        constraints = [
            models.UniqueConstraint(fields=["criteria_set", "code"], name="criterion_code_unique_per_set"),
            models.CheckConstraint(condition=Q(max_points__gte=0), name="criterion_max_points_not_negative"),
            models.CheckConstraint(
                condition=Q(weight__isnull=True) | Q(weight__gte=0, weight__lte=100),
                name="criterion_weight_is_a_percentage",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.code}. {self.name}"

    def save(self, *args, **kwargs):
        self.name = normalize(self.name)
        self.code = self.code.strip()
        super().save(*args, **kwargs)

    @property
    def label(self) -> str:
        return f"{self.code}. {self.name}"

    @property
    def is_quantitative(self) -> bool:
        return self.target_value is not None

    @property
    def allows_penalty(self) -> bool:
        return self.kind == self.Kind.PENALTY

    @property
    def min_points(self) -> Decimal:
        return -self.max_points if self.allows_penalty else Decimal(0)

    @property
    def upper_points(self) -> Decimal:
        """The highest score: the maximum, or 0 for penalty points (they only deduct)."""
        return Decimal(0) if self.allows_penalty else self.max_points
