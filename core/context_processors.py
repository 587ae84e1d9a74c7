from django.conf import settings


def navigation(request):
    """What the base layout needs on every page: the organisation's name and the active area."""
    match = getattr(request, "resolver_match", None)
    user = getattr(request, "user", None)
    return {
        "organisation_name": settings.THIDUA_ORGANISATION_NAME,
        "active_area": match.app_name if match else "",
        "unread_notifications": _unread(user),
        "nav_path": nav_path(request.path_info),
    }


def nav_path(path: str) -> str:
    """What of the address decides which sidebar entry is current, so that the sidebar is kept for
    a few dozen addresses rather than one per unit or document: the entries are at most two
    segments deep (core.templatetags.thidua.NAV_DEPTH), so a longer address counts by its first
    two segments, marked as longer (it equals no entry)."""
    parts = path.split("/")
    head = "/".join(parts[:3])
    return path if path in (head, head + "/") else head + "/…"


def _unread(user):
    """Read with the user when accounts.auth loaded them; else lazy: counted only when a template shows it."""
    if user is None or not user.is_authenticated:
        return 0
    if hasattr(user, "_unread_notifications"):
        return user._unread_notifications
    from core.models import Notification

    return lambda: Notification.objects.filter(user=user, read_at__isnull=True).count()
