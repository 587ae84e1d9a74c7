"""Fixtures shared by every app's tests: a small province tree and users in it."""

from dataclasses import dataclass

import pytest
from hypothesis import HealthCheck, settings

from accounts.models import Role
from accounts.testing import user_with_role
from organisations.testing import MemberFactory, make_unit

# Generated inputs are judged on what they find, not on how fast a loaded 2-core CI machine makes
# them: no deadline, no "too slow" health check (a property test once failed CI on that alone).
settings.register_profile("thidua", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("thidua")

pytest_plugins = [
    "core.testing.skips",  # a skip whose reason is not allowed for the engine fails the run
    "core.testing.live",  # real HTTP against a live server with CSRF enforced: `live_client`, `bearer_client`
]


@dataclass
class Tree:
    province: object
    district_a: object
    district_b: object
    grassroots_a1: object
    grassroots_a2: object
    grassroots_b1: object
    sector: object
    grassroots_s1: object


@pytest.fixture
def tree(db) -> Tree:
    """LĐLĐ tỉnh → two district federations (A with two CĐCS, B with one) and a sector union."""
    province = make_unit("province", name="Liên đoàn Lao động tỉnh Cao Bằng", code="LDLD-CB")
    district_a = make_unit("district", province, name="Liên đoàn Lao động huyện Hòa An", code="LDLD-HOAAN")
    district_b = make_unit("district", province, name="Liên đoàn Lao động huyện Bảo Lạc", code="LDLD-BLAC")
    sector = make_unit("sector", province, name="Công đoàn Giáo dục tỉnh", code="CDGD")
    return Tree(
        province=province,
        district_a=district_a,
        district_b=district_b,
        grassroots_a1=make_unit("grassroots", district_a, name="CĐCS Trường Tiểu học Nước Hai", code="CS-A1"),
        grassroots_a2=make_unit("grassroots", district_a, name="CĐCS UBND xã Dân Chủ", code="CS-A2"),
        grassroots_b1=make_unit("grassroots", district_b, name="CĐCS Trường THCS Bảo Lạc", code="CS-B1"),
        sector=sector,
        grassroots_s1=make_unit("grassroots", sector, name="CĐCS Trường THPT Chuyên", code="CS-S1"),
    )


@pytest.fixture
def admin_user(tree):
    return user_with_role(Role.ADMIN, tree.province, username="admin")


@pytest.fixture
def officer_a(tree):
    """An officer of district federation A (Hòa An)."""
    return user_with_role(Role.OFFICER, tree.district_a, username="canbo.a")


@pytest.fixture
def officer_b(tree):
    return user_with_role(Role.OFFICER, tree.district_b, username="canbo.b")


@pytest.fixture
def viewer(tree):
    return user_with_role(Role.VIEWER, tree.province, username="xem")


@pytest.fixture
def members(tree):
    """Three members in A1, two in B1."""
    return {
        "a1": MemberFactory.create_batch(3, unit=tree.grassroots_a1),
        "b1": MemberFactory.create_batch(2, unit=tree.grassroots_b1),
    }


@pytest.fixture
def client_as(client):
    """Log the test client in as a user: `client_as(user)`."""

    def login(user):
        client.force_login(user)
        return client

    return login


@pytest.fixture(autouse=True)
def _vietnamese_at_the_start_of_each_test():
    """Each test starts in the default language, whatever an earlier test in the process activated."""
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def _no_signed_in_user_kept_from_an_earlier_test():
    """A rolled-back test's user ids come back (SQLite reuses them): no test reads a signed-in user
    another test left in the cache (core.signed_in)."""
    from core.signed_in import forget_everyone

    forget_everyone()


@pytest.fixture(scope="session", autouse=True)
def _redis_cache_keys_removed_at_the_end():
    """With CACHE_URL=redis://… each worker's keys live under its own prefix: remove them after the run."""
    yield
    from django.conf import settings
    from django.core.cache import cache

    if settings.CACHES["default"]["BACKEND"] == "core.cache.RedisCache":
        cache.clear()
