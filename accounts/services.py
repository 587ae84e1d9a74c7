"""Writes about users: login with lockout, user creation, roles."""

import ipaddress
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import authenticate
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import LoginFailure, RoleAssignment, User
from accounts.permissions import can_manage_users
from organisations.models import Unit


def is_locked_out(username: str) -> bool:
    since = timezone.now() - timedelta(minutes=settings.LOGIN_LOCKOUT_MINUTES)
    return LoginFailure.objects.filter(username__iexact=username, at__gte=since).count() >= settings.LOGIN_FAILURE_LIMIT


def client_ip(request) -> str | None:
    """The client's address: REMOTE_ADDR, or the header named by CLIENT_IP_HEADER when a
    reverse proxy in front sets it (otherwise every client would share the proxy's address)."""
    candidates = []
    if settings.CLIENT_IP_HEADER:
        candidates.append(request.META.get(settings.CLIENT_IP_HEADER, "").split(",")[0].strip())
    candidates.append(request.META.get("REMOTE_ADDR", ""))
    for candidate in candidates:
        try:
            return str(ipaddress.ip_address(candidate))
        except ValueError:
            continue
    return None


def is_throttled(ip_address: str | None) -> bool:
    """Too many failures from one address, whatever the usernames (password spraying)."""
    if not ip_address:
        return False
    since = timezone.now() - timedelta(minutes=settings.LOGIN_LOCKOUT_MINUTES)
    return LoginFailure.objects.filter(ip_address=ip_address, at__gte=since).count() >= settings.LOGIN_IP_FAILURE_LIMIT


def log_in(request, username: str, password: str) -> User:
    """Authenticate, counting failures per username whether or not it exists, so the
    answer never tells which usernames are real, and per client address."""
    username = (username or "").strip()
    ip_address = client_ip(request)
    if is_throttled(ip_address):
        raise ValidationError(
            _("Too many failed attempts from your address. Try again in %(minutes)d minutes.")
            % {"minutes": settings.LOGIN_LOCKOUT_MINUTES},
            code="throttled",
        )
    if is_locked_out(username):
        raise ValidationError(
            _("Too many failed attempts. This account is locked for %(minutes)d minutes.")
            % {"minutes": settings.LOGIN_LOCKOUT_MINUTES},
            code="locked",
        )
    user = authenticate(request, username=username, password=password)
    if user is None:
        LoginFailure.objects.create(username=username[:150], ip_address=ip_address)
        raise ValidationError(_("The username or password is incorrect."), code="invalid")
    LoginFailure.objects.filter(username__iexact=username).delete()
    return user


@transaction.atomic
def create_user(*, actor: User, username: str, full_name: str, email: str, password: str,
                unit: Unit, role: str, position: str = "") -> User:
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
    assignment, _created = RoleAssignment.objects.get_or_create(user=user, unit=unit, role=role)
    return assignment


@transaction.atomic
def revoke_role(*, actor: User, assignment: RoleAssignment) -> None:
    if not can_manage_users(actor, assignment.unit):
        raise PermissionDenied(_("You may only change roles over units in your scope."))
    assignment.delete()
