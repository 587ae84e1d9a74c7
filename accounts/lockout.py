"""Login lockout with django-axes, enforced where authentication happens.

`axes.backends.AxesStandaloneBackend` sits first in AUTHENTICATION_BACKENDS, so every caller of
`django.contrib.auth.authenticate` — the app's login page, the admin site's login, the password
change form, any later one — is counted and refused alike. Failures are counted separately per
username (the lock) and per client address (the throttle, whatever the usernames: password
spraying); the limits and the window come from the environment (settings LOGIN_*). The functions
here are the hooks the AXES_* settings name.
"""

import ipaddress
from datetime import timedelta

from axes.handlers.database import AxesDatabaseHandler
from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Sum
from django.utils.translation import gettext as _

LOCKED, THROTTLED = "locked", "throttled"


def client_ip(request) -> str | None:
    """The client's address: REMOTE_ADDR, or the header named by CLIENT_IP_HEADER when a
    reverse proxy in front sets it (otherwise every client would share the proxy's address).
    An unparsable header falls back to the socket's address."""
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


def username_of(request, credentials) -> str | None:
    """The username counted: as typed, trimmed and lower-cased, so "Admin" counts for "admin"."""
    field = getattr(settings, "AXES_USERNAME_FORM_FIELD", "username")  # axes' own default when unset
    username = (credentials or {}).get(field)
    if username is None and request is not None and hasattr(request, "POST"):
        username = request.POST.get(field)
    return username.strip().lower()[:150] if isinstance(username, str) else None


def failure_limit(request, credentials) -> int:
    return settings.LOGIN_FAILURE_LIMIT


def cool_off(request=None) -> timedelta:
    return timedelta(minutes=settings.LOGIN_LOCKOUT_MINUTES)


def message(reason: str | None) -> str:
    if reason == THROTTLED:
        return _("Too many failed attempts from your address. Try again in %(minutes)d minutes.") % {
            "minutes": settings.LOGIN_LOCKOUT_MINUTES
        }
    return _("Too many failed attempts. This account is locked for %(minutes)d minutes.") % {
        "minutes": settings.LOGIN_LOCKOUT_MINUTES
    }


class LockoutHandler(AxesDatabaseHandler):
    """Axes' database handler with two limits: LOGIN_FAILURE_LIMIT per username and
    LOGIN_IP_FAILURE_LIMIT per client address (axes itself compares the larger of the two
    counts with a single limit), and a successful login clears the failures of its username
    only, never those of the address (a spraying client that also owns an account must not
    reset its own throttle)."""

    def get_failures(self, request, credentials=None) -> int:
        by_username, by_address = (
            attempts.aggregate(n=Sum("failures_since_start"))["n"] or 0
            for attempts in self.get_user_attempts(request, credentials)
        )
        throttled = by_address >= settings.LOGIN_IP_FAILURE_LIMIT
        locked = by_username >= settings.LOGIN_FAILURE_LIMIT
        request.thidua_lockout_reason = THROTTLED if throttled else (LOCKED if locked else None)
        return max(by_username, settings.LOGIN_FAILURE_LIMIT if throttled else 0)

    def user_logged_in(self, sender, request, user, **kwargs):
        super().user_logged_in(sender, request, user, **kwargs)
        AccessAttempt.objects.filter(
            username=username_of(request, {"username": user.get_username()})
        ).delete()


def is_locked_out(request) -> bool:
    """After a failed `authenticate(request, ...)`: was it refused (or did it end) in a lockout?"""
    return bool(getattr(request, "axes_locked_out", False))
