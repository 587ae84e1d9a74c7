"""Emulation clusters and blocks (cụm, khối thi đua): peer units grouped for a year, led by a
unit that rotates, scoring each other and proposing the cluster's emulation flag."""

from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.models import optional_self_link

__all__ = ["Cluster", "ClusterFlagProposal", "ClusterMembership"]


class Cluster(models.Model):
    class Kind(models.TextChoices):
        CLUSTER = "cluster", _("Emulation cluster")
        BLOCK = "block", _("Emulation block")

    class ScoringMode(models.TextChoices):
        PEER_MEAN = "peer_mean", _("Mean of the peers' scores")
        REVIEWER = "reviewer", _("The reviewer's score")

    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("cluster or block"), max_length=10, choices=Kind.choices, default=Kind.CLUSTER)
    year = models.PositiveSmallIntegerField(_("year"))
    organiser = models.ForeignKey(
        "organisations.Unit",
        on_delete=models.PROTECT,
        related_name="organised_clusters",
        verbose_name=_("organised by"),
    )
    lead_unit = models.ForeignKey(
        "organisations.Unit",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("lead unit"),
    )
    deputy_unit = models.ForeignKey(
        "organisations.Unit",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("deputy lead unit"),
    )
    scoring_mode = models.CharField(
        _("confirmed score"), max_length=20, choices=ScoringMode.choices, default=ScoringMode.PEER_MEAN
    )
    previous = optional_self_link(_("last year's cluster"), related_name="+", on_delete=models.SET_NULL)
    history = HistoricalRecords()
    _history_user: AbstractBaseUser | None  # the actor, set before a save for its history row

    class Meta:
        ordering = ["-year", "kind", "name"]
        verbose_name = _("cluster")
        verbose_name_plural = _("clusters")
        constraints = [
            models.UniqueConstraint(
                fields=["organiser", "year", "name"], name="cluster_name_unique_per_year"
            ),
            models.CheckConstraint(
                condition=Q(lead_unit__isnull=True) | ~Q(lead_unit=F("deputy_unit")),
                name="cluster_lead_is_not_deputy",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.year})"


class ClusterMembership(models.Model):
    cluster = models.ForeignKey(Cluster, on_delete=models.CASCADE, related_name="memberships")
    unit = models.ForeignKey(
        "organisations.Unit", on_delete=models.PROTECT, related_name="cluster_memberships"
    )
    rotation_order = models.PositiveSmallIntegerField(_("rotation order"))

    class Meta:
        ordering = ["rotation_order"]
        constraints = [
            models.UniqueConstraint(fields=["cluster", "unit"], name="cluster_member_once"),
            models.UniqueConstraint(
                fields=["cluster", "rotation_order"], name="cluster_rotation_order_unique"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.cluster_id}: {self.unit_id} ({self.rotation_order})"


class ClusterFlagProposal(models.Model):
    """The lead unit's proposal of the unit to receive the cluster's emulation flag (Cờ thi đua).
    The awards app consumes proposed records."""

    class Status(models.TextChoices):
        PROPOSED = "proposed", _("Proposal open")
        WITHDRAWN = "withdrawn", _("Withdrawn")
        ACCEPTED = "accepted", _("Accepted")
        DECLINED = "declined", _("Declined")

    cluster = models.ForeignKey(Cluster, on_delete=models.CASCADE, related_name="flag_proposals")
    campaign = models.ForeignKey(
        "campaigns.Campaign", on_delete=models.CASCADE, related_name="flag_proposals"
    )
    unit = models.ForeignKey(
        "organisations.Unit", on_delete=models.PROTECT, related_name="+", verbose_name=_("unit")
    )
    reason = models.TextField(_("reason"))
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.PROPOSED)
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    proposed_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()
    _history_user: AbstractBaseUser | None  # the actor, set before a save for its history row

    class Meta:
        ordering = ["-proposed_at"]
        verbose_name = _("emulation flag proposal")
        verbose_name_plural = _("emulation flag proposals")
        constraints = [
            models.UniqueConstraint(
                fields=["cluster", "campaign"],
                condition=Q(status="proposed"),
                name="one_open_flag_proposal_per_cluster",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.cluster_id}: {self.unit_id} ({self.status})"
