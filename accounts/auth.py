"""The signed-in user of a request, loaded with what every page asks next.

Every signed-in page needs the user, their roles (every permission predicate reads them) and the
number of unread notifications (the bell in the base layout). Django's ModelBackend loads the user
alone, and the roles and the count follow as two more queries; here one query over the user's
role assignments brings all three. A user without any role falls back to the plain user query.
The answer is kept in the cache between requests (core.signed_in says when it is forgotten).
"""

from django.contrib.auth.backends import ModelBackend
from django.db.models import Count, F, IntegerField, OuterRef, Subquery

from accounts.models import RoleAssignment
from accounts.permissions import remember_scopes
from core.models import Notification
from core.signed_in import remembered


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
        kept = remembered(user_id, lambda: self._load(user_id))
        if kept is None:
            return None
        user, scopes, unread = kept
        if not self.user_can_authenticate(user):
            return None
        remember_scopes(user, scopes)
        user._unread_notifications = unread
        return user

    def _load(self, user_id):
        """(user, their (role, unit path) pairs, unread notifications), or None."""
        assignments = list(
            RoleAssignment.objects.filter(user_id=user_id)
            .select_related("user")
            .annotate(unit_path=F("unit__path"), unread=_unread_count())
        )
        if assignments:
            return (
                assignments[0].user,
                [(a.role, a.unit_path) for a in assignments],
                assignments[0].unread or 0,
            )
        user = super().get_user(user_id)
        if user is None:
            return None
        return user, [], Notification.objects.filter(user=user, read_at__isnull=True).count()
