"""Public comment before high awards (lấy ý kiến): a nominee for an order or a state honorary
title is published on the portal for a period before the council meets, and anyone may comment.
Nothing is kept about a commenter beyond what they type (no address, no account)."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from awards.models.nominations import Nomination

__all__ = ["COMMENT_AUTHOR_MAX", "COMMENT_TEXT_MAX", "PublicComment", "PublicConsultation", "PublicHoliday"]

COMMENT_TEXT_MAX = 2000
COMMENT_AUTHOR_MAX = 100


class PublicHoliday(models.Model):
    """A day off that is not a weekend (Bộ luật Lao động 2019, Điều 112): the official days of each year
    as the government announces them (Tết Nguyên đán and Giỗ Tổ Hùng Vương follow the lunar calendar, the
    day next to 2/9 and the compensating days are chosen each year), entered by an administrator.
    The fixed solar days of Điều 112 count even when no row names them (awards.services.consultation)."""

    date = models.DateField(_("date"), unique=True)
    name = models.CharField(_("holiday"), max_length=100)
    source = models.CharField(_("source"), max_length=300, help_text=_("The notice that announces the day."))
    history = HistoricalRecords()

    class Meta:
        ordering = ["date"]
        verbose_name = _("public holiday")
        verbose_name_plural = _("public holidays")

    def __str__(self) -> str:
        return f"{self.date:%d/%m/%Y} · {self.name}"


class PublicConsultation(models.Model):
    """A nomination published for comment from `opened_on` to `closes_on` (the last day); the
    council may meet only after it."""

    nomination = models.OneToOneField(
        Nomination, on_delete=models.CASCADE, related_name="consultation", verbose_name=_("nomination")
    )
    opened_on = models.DateField(_("published on"))
    closes_on = models.DateField(_("comments until"))
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-opened_on", "pk"]
        verbose_name = _("public consultation")
        verbose_name_plural = _("public consultations")
        constraints = [
            models.CheckConstraint(
                condition=Q(closes_on__gte=models.F("opened_on")), name="consultation_closes_after_opening"
            )
        ]
        indexes = [models.Index(fields=["opened_on", "closes_on"])]

    def __str__(self) -> str:
        return f"{self.nomination} · {self.opened_on:%d/%m/%Y}–{self.closes_on:%d/%m/%Y}"


class PublicComment(models.Model):
    """What a member of the public wrote about a published nominee."""

    consultation = models.ForeignKey(
        PublicConsultation, on_delete=models.CASCADE, related_name="comments", verbose_name=_("consultation")
    )
    author = models.CharField(_("your name (optional)"), max_length=COMMENT_AUTHOR_MAX, blank=True)
    text = models.TextField(_("comment"), max_length=COMMENT_TEXT_MAX)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("public comment")
        verbose_name_plural = _("public comments")

    def __str__(self) -> str:
        return self.text[:60]
