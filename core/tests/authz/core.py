"""core: the start page, notifications, the health check, and the API's own pages."""

from core.tests.authz import ANY_USER, NOBODY, PUBLIC, REFUSED, Page


def build(world):
    from core.models import Notification

    # another user's notification must never show in anyone else's list
    Notification.objects.create(user=world.foreign.colleague, text="Thông báo riêng NOTE-FOREIGN-B")
    world.foreign.markers.append("NOTE-FOREIGN-B")


ENTRIES = [
    Page("core:home", allow=ANY_USER, scoped=False, note="redirects to the dashboard"),
    Page("core:healthz", allow=ANY_USER, anonymous=PUBLIC, scoped=False),
    Page("core:notifications", allow=ANY_USER, scoped=False, note="each user sees only their own"),
    Page("core:notifications_read", method="post", allow=ANY_USER, scoped=False),
    # The OpenAPI document and its viewer describe the API, they hold no data.
    Page("api:openapi-json", allow=ANY_USER, anonymous=PUBLIC, scoped=False),
    Page("api:openapi-view", allow=ANY_USER, anonymous=PUBLIC, scoped=False),
    Page("api:api-root", allow=NOBODY, anonymous=REFUSED, scoped=False, note="ninja's root answers 404"),
]
