"""Writes about users: login (lockout in accounts/lockout.py), user creation, roles."""

from django.conf import settings
from django.contrib.auth import authenticate
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from accounts import lockout
from accounts.models import RoleAssignment, User
from accounts.permissions import can_manage_account, can_manage_users
from organisations.models import Unit


def log_in(request, username: str, password: str) -> User:
    """Authenticate through django-axes (accounts/lockout.py), which counts failures per
    username whether or not it exists, so the answer never tells which usernames are real,
    and per client address."""
    username = (username or "").strip()
    user = authenticate(request, username=username, password=password)
    if user is None:
        if lockout.is_locked_out(request):
            request.thidua_lockout_shown = True
            raise ValidationError(
                lockout.message(getattr(request, "thidua_lockout_reason", None)), code="locked"
            )
        raise ValidationError(_("The username or password is incorrect."), code="invalid")
    return user


@transaction.atomic
def create_user(
    *,
    actor: User,
    username: str,
    full_name: str,
    email: str,
    password: str,
    unit: Unit,
    role: str,
    position: str = "",
) -> User:
    if not can_manage_users(actor, unit):
        raise PermissionDenied(_("You may only create users for units in your scope."))
    if User.objects.filter(username__iexact=username).exists():
        raise ValidationError({"username": _("This username is already taken.")})
    user = User(username=username, full_name=full_name, email=email, position=position, home_unit=unit)
    user.set_password(password)
    user.save()
    RoleAssignment.objects.create(user=user, unit=unit, role=role)
    return user


@transaction.atomic
def grant_role(*, actor: User, user: User, unit: Unit, role: str) -> RoleAssignment:
    if not can_manage_users(actor, unit):
        raise PermissionDenied(_("You may only grant roles over units in your scope."))
    if not can_manage_account(actor, user):
        raise PermissionDenied(
            _("This user is an administrator above your scope: you may not change their roles.")
        )
    assignment, _created = RoleAssignment.objects.get_or_create(user=user, unit=unit, role=role)
    return assignment


@transaction.atomic
def revoke_role(*, actor: User, assignment: RoleAssignment) -> None:
    if not can_manage_users(actor, assignment.unit):
        raise PermissionDenied(_("You may only change roles over units in your scope."))
    if not can_manage_account(actor, assignment.user):
        raise PermissionDenied(
            _("This user is an administrator above your scope: you may not change their roles.")
        )
    assignment.delete()


@transaction.atomic
def choose_language(*, user: User, language: str) -> None:
    """Remember the interface language a user picked, on every computer they sign in from."""
    if language not in {code for code, _name in settings.LANGUAGES}:
        raise ValidationError({"language": _("Choose Vietnamese or English.")})
    if user.language != language:
        user.language = language
        user.save(update_fields=["language"])
