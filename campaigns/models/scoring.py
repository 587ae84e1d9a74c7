"""Scoring: a unit's score sheet per campaign, its self-scores with evidence, peers' scores in
its cluster and the confirmed score that locks each one.

Every score row copies its criterion's bounds (frozen with the criteria version), so the
database itself refuses a score above the maximum, or negative where penalties are not allowed.
"""

from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.models import UploadedFile
from core.uploads import RandomName

__all__ = ["PeerScore", "Score", "ScoreEvidence", "ScoreSheet"]


class ScoreSheet(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Self-scoring")
        SUBMITTED = "submitted", _("Submitted for review")

    campaign = models.ForeignKey("campaigns.Campaign", on_delete=models.CASCADE, related_name="score_sheets")
    unit = models.ForeignKey(
        "organisations.Unit", on_delete=models.PROTECT, related_name="+", verbose_name=_("unit")
    )
    criteria_set = models.ForeignKey(
        "campaigns.CriteriaSet",
        on_delete=models.PROTECT,
        related_name="sheets",
        verbose_name=_("criteria version"),
    )
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.DRAFT)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    history = HistoricalRecords()
    _history_user: AbstractBaseUser | None  # the actor, set before a save for its history row

    class Meta:
        verbose_name = _("score sheet")
        verbose_name_plural = _("score sheets")
        constraints = [models.UniqueConstraint(fields=["campaign", "unit"], name="score_sheet_once_per_unit")]

    def __str__(self) -> str:
        return f"{self.campaign_id}: {self.unit_id}"


def _bounded(field: str) -> Q:
    return Q(**{f"{field}__isnull": True}) | Q(
        **{f"{field}__lte": F("max_points"), f"{field}__gte": F("min_points")}
    )


def _not_negative_unless_penalty(field: str) -> Q:
    return Q(allows_penalty=True) | Q(**{f"{field}__isnull": True}) | Q(**{f"{field}__gte": 0})


class Score(models.Model):
    class Status(models.TextChoices):
        SELF_SCORED = "self_scored", _("Self-scored")
        CONFIRMED = "confirmed", _("Confirmed")

    sheet = models.ForeignKey(ScoreSheet, on_delete=models.CASCADE, related_name="scores")
    criterion = models.ForeignKey("campaigns.Criterion", on_delete=models.PROTECT, related_name="scores")
    max_points = models.DecimalField(max_digits=7, decimal_places=2, editable=False)
    min_points = models.DecimalField(max_digits=7, decimal_places=2, editable=False)
    allows_penalty = models.BooleanField(default=False, editable=False)
    actual_value = models.DecimalField(
        _("result achieved"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    self_points = models.DecimalField(_("self-score"), max_digits=7, decimal_places=2, null=True, blank=True)
    self_note = models.TextField(_("explanation"), blank=True)
    scored_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    scored_at = models.DateTimeField(null=True, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.SELF_SCORED)
    confirmed_points = models.DecimalField(
        _("confirmed score"), max_digits=7, decimal_places=2, null=True, blank=True
    )
    confirm_reason = models.TextField(_("reason for the difference"), blank=True)
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True)
    history = HistoricalRecords()
    _history_user: AbstractBaseUser | None  # the actor, set before a save for its history row

    class Meta:
        ordering = ["criterion__order", "criterion_id"]
        verbose_name = _("score")
        verbose_name_plural = _("scores")
        constraints = [
            models.UniqueConstraint(fields=["sheet", "criterion"], name="score_once_per_criterion"),
            models.CheckConstraint(
                condition=Q(min_points__lte=0, max_points__gte=0), name="score_bounds_around_zero"
            ),
            models.CheckConstraint(
                condition=_bounded("self_points") & _bounded("confirmed_points"),
                name="score_within_criterion_bounds",
            ),
            models.CheckConstraint(
                condition=_not_negative_unless_penalty("self_points")
                & _not_negative_unless_penalty("confirmed_points"),
                name="score_not_negative_unless_penalty",
            ),
            models.CheckConstraint(
                condition=~Q(status="confirmed") | Q(confirmed_points__isnull=False),
                name="confirmed_score_has_points",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.criterion_id}: {self.self_points} / {self.confirmed_points}"

    @property
    def is_confirmed(self) -> bool:
        return self.status == self.Status.CONFIRMED

    @property
    def differs(self) -> bool:
        return self.confirmed_points is not None and self.confirmed_points != self.self_points


class ScoreEvidence(UploadedFile):
    """A file backing a self-score (minutes, photos, spreadsheets), type checked by content."""

    score = models.ForeignKey(Score, on_delete=models.CASCADE, related_name="evidence")
    file = models.FileField(upload_to=RandomName("campaigns/evidence"))


class PeerScore(models.Model):
    """The score another unit of the same cluster gives (chấm chéo)."""

    score = models.ForeignKey(Score, on_delete=models.CASCADE, related_name="peer_scores")
    scorer_unit = models.ForeignKey(
        "organisations.Unit", on_delete=models.PROTECT, related_name="+", verbose_name=_("scoring unit")
    )
    max_points = models.DecimalField(max_digits=7, decimal_places=2, editable=False)
    min_points = models.DecimalField(max_digits=7, decimal_places=2, editable=False)
    allows_penalty = models.BooleanField(default=False, editable=False)
    points = models.DecimalField(_("points"), max_digits=7, decimal_places=2)
    note = models.TextField(_("note"), blank=True)
    scored_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    scored_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()
    _history_user: AbstractBaseUser | None  # the actor, set before a save for its history row

    class Meta:
        verbose_name = _("peer score")
        verbose_name_plural = _("peer scores")
        constraints = [
            models.UniqueConstraint(fields=["score", "scorer_unit"], name="peer_score_once_per_scorer"),
            models.CheckConstraint(condition=_bounded("points"), name="peer_score_within_criterion_bounds"),
            models.CheckConstraint(
                condition=_not_negative_unless_penalty("points"),
                name="peer_score_not_negative_unless_penalty",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.scorer_unit_id}: {self.points}"
