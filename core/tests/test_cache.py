"""The cache: the database cache by default, Redis when CACHE_URL says so, one key prefix per test worker."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.core.cache import cache

from core.cache import RedisCache

BASE_DIR = Path(__file__).resolve().parents[2]
ON_REDIS = settings.CACHES["default"]["BACKEND"] == "core.cache.RedisCache"
SETTINGS_PROBE = (
    "import django, json; django.setup(); from django.conf import settings as s; "
    "print(json.dumps([s.CACHES['default']['BACKEND'], s.SESSION_ENGINE]))"
)


def settings_in(env_extra: dict) -> list:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTEST", "CACHE_URL", "DJANGO_ALLOW"))}
    env.update(DJANGO_SETTINGS_MODULE="thidua.settings", SECRET_KEY="x" * 50, **env_extra)
    result = subprocess.run(
        [sys.executable, "-c", SETTINGS_PROBE],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    import json

    return json.loads(result.stdout.strip().splitlines()[-1])


def test_zero_setup_default_is_the_database_cache_and_production_uses_redis():
    assert settings_in({"THIDUA_ENV": "development"}) == [
        "django.core.cache.backends.db.DatabaseCache",
        "django.contrib.sessions.backends.db",
    ]
    assert settings_in({"THIDUA_ENV": "production"}) == [
        "core.cache.RedisCache",
        "django.contrib.sessions.backends.cached_db",
    ]
    assert (
        settings_in({"THIDUA_ENV": "production", "CACHE_URL": "db"})[0]
        == "django.core.cache.backends.db.DatabaseCache"
    )


@pytest.mark.skipif(not ON_REDIS, reason="needs CACHE_URL=redis://… (the PostgreSQL half of .ci/run sets it)")
def test_each_test_worker_has_its_own_prefix_and_clear_leaves_other_prefixes_alone():
    prefix = settings.CACHES["default"]["KEY_PREFIX"]
    assert os.environ.get("PYTEST_XDIST_WORKER", "main") in prefix and str(os.getpid()) in prefix
    neighbour = RedisCache(settings.CACHES["default"]["LOCATION"], {"KEY_PREFIX": f"neighbour-{os.getpid()}"})
    neighbour.set("portal", "theirs", 60)
    cache.set("portal", "ours", 60)
    assert cache.get("portal") == "ours" and neighbour.get("portal") == "theirs"
    cache.clear()
    assert cache.get("portal") is None
    assert neighbour.get("portal") == "theirs"
    neighbour.clear()
    assert neighbour.get("portal") is None


@pytest.mark.skipif(not ON_REDIS, reason="needs CACHE_URL=redis://… (the PostgreSQL half of .ci/run sets it)")
def test_a_login_session_lives_in_redis_and_in_the_database(client, officer_a):
    from django.contrib.sessions.models import Session

    client.force_login(officer_a)
    key = client.session.session_key
    assert Session.objects.filter(session_key=key).exists()
    assert cache.get("django.contrib.sessions.cached_db" + key) is not None
    # the cached copy expires with the login (SESSION_COOKIE_AGE), by Redis's own clock
    ttl = cache._cache.get_client().ttl(
        cache.make_and_validate_key("django.contrib.sessions.cached_db" + key)
    )
    assert settings.SESSION_COOKIE_AGE - 60 < ttl <= settings.SESSION_COOKIE_AGE
    assert client.get("/bao-cao/").status_code == 200
