"""Users, the roles they hold over a unit's subtree and API tokens (login failures: django-axes)."""

import hashlib
import secrets

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.text import person_sort_key


class User(AbstractUser):
    full_name = models.CharField(_("full name"), max_length=120, blank=True)
    position = models.CharField(_("position"), max_length=120, blank=True)
    home_unit = models.ForeignKey(
        "organisations.Unit",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("home unit"),
        help_text=_("The unit whose dashboard opens after login."),
    )
    language = models.CharField(
        _("language"),
        max_length=8,
        blank=True,
        choices=settings.LANGUAGES,
        help_text=_("The interface language the user picked; empty: Vietnamese."),
    )
    # the Vietnamese order of people (core.text.person_sort_key): given name, then family and middle
    # names; a user without a full name sorts by login name
    sort_name = models.CharField(max_length=1000, editable=False, default="")
    history = HistoricalRecords(excluded_fields=["password", "last_login", "sort_name"])

    # Not fields: set on the request's user by accounts.auth when it is read (see core.context_processors).
    _unread_notifications: int

    def __str__(self) -> str:
        return self.full_name or self.username

    def save(self, *args, **kwargs):
        self.sort_name = person_sort_key(self.full_name or self.username)
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and {"full_name", "username"} & set(update_fields):
            kwargs["update_fields"] = {*update_fields, "sort_name"}
        super().save(*args, **kwargs)


class Role(models.TextChoices):
    ADMIN = "admin", _("Federation administrator")
    OFFICER = "officer", _("Union officer")
    COUNCIL = "council", _("Emulation & commendation council member")
    EDITOR = "editor", _("Editor")
    VIEWER = "viewer", _("Viewer")


class RoleAssignment(models.Model):
    """A user holds a role over a unit and everything below it."""

    user = models.ForeignKey(
        User, on_delete=models.CASCADE, related_name="role_assignments", verbose_name=_("user")
    )
    unit = models.ForeignKey(
        "organisations.Unit",
        on_delete=models.CASCADE,
        related_name="role_assignments",
        verbose_name=_("unit"),
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("role assignment")
        verbose_name_plural = _("role assignments")
        constraints = [
            models.UniqueConstraint(fields=["user", "unit", "role"], name="unique_role_per_user_unit")
        ]

    def __str__(self) -> str:
        return f"{self.user} · {self.get_role_display()} · {self.unit}"


class ApiToken(models.Model):
    """A bearer token for the JSON API. Only its hash is stored."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(_("name"), max_length=80)
    key_hash = models.CharField(max_length=64, unique=True)
    prefix = models.CharField(max_length=8)
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    @staticmethod
    def hash_key(key: str) -> str:
        return hashlib.sha256(key.encode()).hexdigest()

    @classmethod
    def issue(cls, user: User, name: str) -> tuple["ApiToken", str]:
        key = secrets.token_urlsafe(32)
        token = cls.objects.create(user=user, name=name, key_hash=cls.hash_key(key), prefix=key[:8])
        return token, key
