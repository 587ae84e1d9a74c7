"""Factories for the tests of every app: users, and users with a role over a unit."""

import factory
from factory.django import DjangoModelFactory

from accounts.models import RoleAssignment, User
from organisations.models import Unit

__all__ = ["UserFactory", "user_with_role"]


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
