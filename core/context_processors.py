from django.conf import settings


def navigation(request):
    """What the base layout needs on every page: the organisation's name and the active area."""
    match = getattr(request, "resolver_match", None)
    return {
        "organisation_name": settings.THIDUA_ORGANISATION_NAME,
        "active_area": match.app_name if match else "",
    }
