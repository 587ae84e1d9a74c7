"""The council: a session, its members, one agenda item per nomination, and the votes (one per
member and item, kept apart from the ballot when it is secret)."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from awards.models.nominations import Nomination, NominationRound

__all__ = ["AgendaItem", "Ballot", "BallotCast", "CouncilMember", "CouncilSession"]


class CouncilSession(models.Model):
    """A meeting of the Hội đồng Thi đua – Khen thưởng of the deciding unit."""

    class Status(models.TextChoices):
        OPEN = "open", _("Voting open")
        CLOSED = "closed", _("Closed")

    deciding_unit = models.ForeignKey(
        "organisations.Unit",
        on_delete=models.PROTECT,
        related_name="council_sessions",
        verbose_name=_("deciding unit"),
    )
    round = models.ForeignKey(
        NominationRound,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="council_sessions",
        verbose_name=_("round"),
    )
    title = models.CharField(_("title"), max_length=255)
    held_on = models.DateField(_("meeting date"))
    place = models.CharField(_("place"), max_length=255, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.OPEN)
    chair = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("chair"),
    )
    closed_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["-held_on", "-pk"]
        verbose_name = _("council session")
        verbose_name_plural = _("council sessions")

    def __str__(self) -> str:
        return self.title

    @property
    def is_open(self) -> bool:
        return self.status == self.Status.OPEN


class CouncilMember(models.Model):
    session = models.ForeignKey(CouncilSession, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="council_memberships"
    )
    present = models.BooleanField(_("present"), default=True)

    class Meta:
        ordering = ["pk"]
        constraints = [models.UniqueConstraint(fields=["session", "user"], name="council_member_once")]

    def __str__(self) -> str:
        return str(self.user)


class AgendaItem(models.Model):
    """A nomination on a session's agenda, with the vote rule it is judged by and its result."""

    class Result(models.TextChoices):
        PENDING = "pending", _("Not decided yet")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Not approved")

    class Base(models.TextChoices):
        MEMBERS = "members", _("of all council members")
        PRESENT = "present", _("of members present")

    session = models.ForeignKey(CouncilSession, on_delete=models.CASCADE, related_name="items")
    nomination = models.ForeignKey(Nomination, on_delete=models.PROTECT, related_name="agenda_items")
    secret_ballot = models.BooleanField(_("secret ballot"), default=False)
    threshold_percent = models.DecimalField(_("threshold (%)"), max_digits=5, decimal_places=2)
    threshold_strict = models.BooleanField(default=False, help_text="more than the threshold, not at least")
    threshold_of = models.CharField(max_length=10, choices=Base.choices, default=Base.PRESENT)
    vote_source = models.TextField(blank=True)
    yes = models.PositiveSmallIntegerField(default=0)
    no = models.PositiveSmallIntegerField(default=0)
    abstain = models.PositiveSmallIntegerField(default=0)
    base_count = models.PositiveSmallIntegerField(default=0)
    result = models.CharField(_("result"), max_length=10, choices=Result.choices, default=Result.PENDING)
    order = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["order", "pk"]
        constraints = [models.UniqueConstraint(fields=["session", "nomination"], name="agenda_item_once")]

    def __str__(self) -> str:
        return f"{self.session} · {self.nomination}"


class Ballot(models.Model):
    """One vote. For a secret ballot `voter` is empty: who voted is kept in BallotCast only."""

    class Choice(models.TextChoices):
        YES = "yes", _("Agree")
        NO = "no", _("Disagree")
        ABSTAIN = "abstain", _("Abstain")

    item = models.ForeignKey(AgendaItem, on_delete=models.CASCADE, related_name="ballots")
    voter = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    choice = models.CharField(max_length=10, choices=Choice.choices)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["item", "voter"], condition=Q(voter__isnull=False), name="one_open_ballot_per_voter"
            ),
        ]

    def __str__(self) -> str:
        return self.get_choice_display()


class BallotCast(models.Model):
    """That a member has voted on an item (not how): one vote per member, secret or not."""

    item = models.ForeignKey(AgendaItem, on_delete=models.CASCADE, related_name="casts")
    voter = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["item", "voter"], name="one_vote_per_member_and_item")]

    def __str__(self) -> str:
        return f"{self.voter} · {self.item_id}"
