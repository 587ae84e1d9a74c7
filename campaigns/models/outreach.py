"""Dissemination (quán triệt, tuyên truyền): the meetings and sessions a unit holds, with the
people they reached by category. Reach is measured against the unit's members of the campaign's period
(organisations.selectors.member_of_period)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.text import normalize

__all__ = ["DisseminationSession"]

# The participant columns, in the order forms and tables show them.
CATEGORY_FIELDS = ("officers", "members", "civil_servants", "public_employees", "workers")


class DisseminationSession(models.Model):
    class Form(models.TextChoices):
        MEETING = "meeting", _("Meeting")
        REGULAR_SESSION = "regular_session", _("Regular session")
        CONFERENCE = "conference", _("Conference")
        ONLINE = "online", _("Online")
        MEDIA = "media", _("Loudspeaker, radio or other media")
        OTHER = "other", _("Other")

    campaign = models.ForeignKey("campaigns.Campaign", on_delete=models.CASCADE, related_name="sessions")
    unit = models.ForeignKey(
        "organisations.Unit", on_delete=models.PROTECT, related_name="+", verbose_name=_("unit")
    )
    held_on = models.DateField(_("date held"))
    form = models.CharField(_("form"), max_length=20, choices=Form.choices, default=Form.MEETING)
    topic = models.CharField(_("topic"), max_length=300)
    documents = models.ManyToManyField(
        "documents.Document",
        blank=True,
        related_name="dissemination_sessions",
        verbose_name=_("documents discussed"),
    )
    officers = models.PositiveIntegerField(_("officers"), default=0)
    members = models.PositiveIntegerField(
        _("union members"),
        default=0,
        help_text=_("Members not counted as officers, civil servants, public employees or workers."),
    )
    civil_servants = models.PositiveIntegerField(_("civil servants"), default=0)
    public_employees = models.PositiveIntegerField(_("public employees"), default=0)
    workers = models.PositiveIntegerField(_("workers"), default=0)
    note = models.TextField(_("note"), blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-held_on", "-pk"]
        verbose_name = _("dissemination session")
        verbose_name_plural = _("dissemination sessions")
        indexes = [models.Index(fields=["campaign", "unit"])]

    def __str__(self) -> str:
        return f"{self.held_on:%d/%m/%Y} {self.topic}"

    def save(self, *args, **kwargs):
        self.topic = normalize(self.topic)
        super().save(*args, **kwargs)

    @property
    def participants(self) -> int:
        return sum(getattr(self, name) for name in CATEGORY_FIELDS)
