"""The signed-in user of a request, loaded with what every page asks next.

Every signed-in page needs the user, their roles (every permission predicate reads them) and the
number of unread notifications (the bell in the base layout). Django's ModelBackend loads the user
alone, and the roles and the count follow as two more queries; here one query over the user's
role assignments brings all three. A user without any role falls back to the plain user query.
"""

from django.contrib.auth.backends import ModelBackend
from django.db.models import Count, F, IntegerField, OuterRef, Subquery

from accounts.models import RoleAssignment
from accounts.permissions import remember_scopes
from core.models import Notification


def _unread_count():
    unread = (
        Notification.objects.filter(user=OuterRef("user_id"), read_at__isnull=True)
        .order_by()
        .values("user")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Subquery(unread, output_field=IntegerField())


class RequestUserBackend(ModelBackend):
    """ModelBackend (same passwords, same checks) whose get_user also reads the roles and the
    unread notifications count in the same query."""

    def get_user(self, user_id):
        assignments = list(
            RoleAssignment.objects.filter(user_id=user_id)
            .select_related("user")
            .annotate(unit_path=F("unit__path"), unread=_unread_count())
        )
        if not assignments:
            return super().get_user(user_id)
        user = assignments[0].user
        if not self.user_can_authenticate(user):
            return None
        remember_scopes(user, [(a.role, a.unit_path) for a in assignments])
        user._unread_notifications = assignments[0].unread or 0
        return user
