"""The request a view behind `login_required` receives (typed as healthchecks types its views)."""

from django.http import HttpRequest

from accounts.models import User


class AuthenticatedHttpRequest(HttpRequest):
    """A request whose user has signed in: `request.user` is a `User`, never `AnonymousUser`."""

    user: User
