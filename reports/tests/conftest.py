"""Fixtures of the reports tests: generated worlds (reports/tests/world.py) and users in them."""

import pytest
from django.utils import translation

from accounts.models import Role
from accounts.testing import user_with_role
from reports.tests import world as worlds


@pytest.fixture
def world(db):
    return worlds.build(seed=7, units=24)


@pytest.fixture
def federation_officer(world):
    return user_with_role(Role.OFFICER, world.province, username="canbo.tinh")


@pytest.fixture
def english():
    with translation.override("en"):
        yield
