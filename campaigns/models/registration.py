"""Registration (đăng ký thi đua): a unit or a member commits to targets and an aimed title by
the campaign's deadline; the level above approves it or returns it with a comment."""

from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

__all__ = ["COLLECTIVE_TITLES", "INDIVIDUAL_TITLES", "AimedTitle", "Registration", "RegistrationTarget"]


class AimedTitle(models.TextChoices):
    """Common titles units and members aim for. The awards app links them to its rules later."""

    ADVANCED_WORKER = "lao_dong_tien_tien", _("Advanced worker")
    GRASSROOTS_EMULATION_FIGHTER = "chien_si_thi_dua_co_so", _("Grassroots emulation fighter")
    EXCELLENT_MEMBER = "doan_vien_xuat_sac", _("Excellent union member")
    ADVANCED_COLLECTIVE = "tap_the_lao_dong_tien_tien", _("Advanced labour collective")
    EXCELLENT_COLLECTIVE = "tap_the_lao_dong_xuat_sac", _("Excellent labour collective")
    STRONG_GRASSROOTS_UNION = "cdcs_vung_manh", _("Strong grassroots union")
    PROVINCIAL_MERIT = "bang_khen_ldld_tinh", _("Certificate of merit of the provincial federation")
    EMULATION_FLAG = "co_thi_dua", _("Emulation flag")


# Who may aim for which title: a person, or a collective (a unit registering for itself). The provincial
# certificate of merit is given to both.
INDIVIDUAL_TITLES = [
    AimedTitle.ADVANCED_WORKER,
    AimedTitle.GRASSROOTS_EMULATION_FIGHTER,
    AimedTitle.EXCELLENT_MEMBER,
    AimedTitle.PROVINCIAL_MERIT,
]
COLLECTIVE_TITLES = [
    AimedTitle.ADVANCED_COLLECTIVE,
    AimedTitle.EXCELLENT_COLLECTIVE,
    AimedTitle.STRONG_GRASSROOTS_UNION,
    AimedTitle.PROVINCIAL_MERIT,
    AimedTitle.EMULATION_FLAG,
]


class Registration(models.Model):
    class Status(models.TextChoices):
        SUBMITTED = "submitted", _("Waiting for approval")
        APPROVED = "approved", _("Registration approved")
        RETURNED = "returned", _("Returned for changes")

    campaign = models.ForeignKey("campaigns.Campaign", on_delete=models.CASCADE, related_name="registrations")
    # The unit registering, or the member's unit for an individual registration (scopes both alike).
    unit = models.ForeignKey(
        "organisations.Unit", on_delete=models.PROTECT, related_name="+", verbose_name=_("unit")
    )
    member = models.ForeignKey(
        "organisations.Member",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="campaign_registrations",
        verbose_name=_("member"),
    )
    aimed_title = models.CharField(_("aimed title"), max_length=40, choices=AimedTitle.choices, blank=True)
    aimed_title_other = models.CharField(_("other title"), max_length=200, blank=True)
    commitments = models.TextField(_("commitments"), blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.SUBMITTED)
    submitted_at = models.DateTimeField(_("submitted at"))
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reviewed_at = models.DateTimeField(_("reviewed at"), null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    review_comment = models.TextField(_("comment"), blank=True)
    history = HistoricalRecords()
    _history_user: AbstractBaseUser | None  # the actor, set before a save for its history row

    class Meta:
        ordering = ["unit__path", "member__sort_name"]
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        constraints = [
            models.UniqueConstraint(
                fields=["campaign", "unit"],
                condition=Q(member__isnull=True),
                name="registration_once_per_unit",
            ),
            models.UniqueConstraint(
                fields=["campaign", "member"],
                condition=Q(member__isnull=False),
                name="registration_once_per_member",
            ),
            models.CheckConstraint(
                condition=~Q(status="returned") | ~Q(review_comment=""),
                name="registration_returned_with_comment",
            ),
        ]

    def __str__(self) -> str:
        return str(self.member or self.unit)

    @property
    def is_individual(self) -> bool:
        return self.member_id is not None

    @property
    def title_label(self) -> str:
        parts = [self.get_aimed_title_display() if self.aimed_title else "", self.aimed_title_other]
        return "; ".join(p for p in parts if p)


class RegistrationTarget(models.Model):
    """The value a registrant commits to for one quantitative criterion."""

    registration = models.ForeignKey(Registration, on_delete=models.CASCADE, related_name="targets")
    criterion = models.ForeignKey(
        "campaigns.Criterion", on_delete=models.PROTECT, related_name="registered_targets"
    )
    target_value = models.DecimalField(_("registered target"), max_digits=14, decimal_places=2)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["registration", "criterion"], name="registration_target_once"),
            models.CheckConstraint(condition=Q(target_value__gte=0), name="registration_target_not_negative"),
        ]

    def __str__(self) -> str:
        return f"{self.criterion_id}: {self.target_value}"
