"""Factories for the tests of every app: users, and users with a role over a unit; counting a
signed-in page's queries."""

import factory
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from factory.django import DjangoModelFactory

from accounts.auth import RequestUserBackend
from accounts.models import RoleAssignment, User
from organisations.models import Unit

__all__ = ["UserFactory", "page_queries", "signed_in_client", "user_with_role"]


class UserFactory(DjangoModelFactory[User]):
    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    full_name = factory.Sequence(lambda n: f"Cán bộ {n}")
    password = factory.PostGenerationMethodCall("set_password", "demo12345")

    @factory.post_generation
    def saved(obj: User, create: bool, extracted, **kwargs) -> None:
        if create:
            obj.save()


def user_with_role(role: str, unit: Unit, **fields) -> User:
    user = UserFactory.create(home_unit=unit, **fields)
    RoleAssignment.objects.create(user=user, unit=unit, role=role)
    return user


def page_queries(client, url: str) -> int:
    """The queries of one GET of `url` (answered 200) by a signed-in test client, with the user's
    signed-in state (user, roles, bell count: core.signed_in) already in the cache, as on any request
    but the first after a change to them. A test comparing counts at two sizes of data would
    otherwise count that load on one side only: a write between them that notifies the user, or the
    client's first request, reloads it."""
    user_id = client.session.get("_auth_user_id")
    if user_id is not None:
        RequestUserBackend().get_user(user_id)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def signed_in_client(user) -> Client:
    """A test client of its own, signed in as `user`: a session apart from the `client` fixture's
    (two sessions of one user, a user beside another)."""
    client = Client()
    client.force_login(user)
    return client
