"""Every page and API operation, for every role, on own and foreign objects, and without login.

The data is in core/tests/authz/<app>.py (see its package docstring). A URL pattern or an
API operation without an entry fails `test_every_*_has_an_entry` with its name."""

import io
import json
import logging
import re
from urllib.parse import urlencode

import pytest
from django.conf import settings
from django.db import transaction
from django.shortcuts import resolve_url
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from openpyxl import load_workbook

from accounts.models import ApiToken
from core.tests import authz
from core.tests.authz import ADMIN, OFFICER, ROLES, USERS, Api, Page, admin_site, files

EXCLUDED_PREFIXES = (
    "quan-tri-he-thong/",  # the admin site: test_the_admin_site_lets_in_only_superusers_and_staff
    "static/",
    "media/",
    "i18n/",
    "^media/",
    "^static/",
)
DENIED = {403, 404}
ENTRIES_WITH_APPS = authz.entries_with_apps()
ENTRIES = [entry for _app, entry in ENTRIES_WITH_APPS]
APP_OF = {id(entry): app for app, entry in ENTRIES_WITH_APPS}


# Enumeration ------------------------------------------------------------------------


def _walk(patterns, prefix="", namespace=""):
    for pattern in patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            ns = pattern.namespace
            yield from _walk(
                pattern.url_patterns, route, f"{namespace}:{ns}" if namespace and ns else (ns or namespace)
            )
        elif isinstance(pattern, URLPattern):
            name = f"{namespace}:{pattern.name}" if namespace and pattern.name else (pattern.name or route)
            yield name, route


def _route_as_openapi(route: str) -> str:
    return "/" + re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", route)


def api_operations() -> set[str]:
    from thidua.api import api

    schema = api.get_openapi_schema()
    methods = {"get", "post", "put", "patch", "delete"}
    return {
        f"{method.upper()} {path}"
        for path, item in schema["paths"].items()
        for method in item
        if method in methods
    }


def url_patterns() -> dict[str, str]:
    """Namespaced name -> route of every page, without the admin, static/media, i18n and the
    API operations (those are enumerated from the OpenAPI document)."""
    operation_paths = {key.split(" ", 1)[1] for key in api_operations()}
    found = {}
    for name, route in _walk(get_resolver().url_patterns):
        if route.startswith(EXCLUDED_PREFIXES) or name == "set_language":
            continue
        if _route_as_openapi(route) in operation_paths:
            continue
        found[name] = route
    return found


def test_every_url_pattern_has_an_entry():
    covered = {e.key for e in ENTRIES if isinstance(e, Page)}
    missing = sorted(f"{name} ({route})" for name, route in url_patterns().items() if name not in covered)
    assert not missing, "URL patterns without an entry in core/tests/authz/<app>.py:\n  " + "\n  ".join(
        missing
    )


def test_every_api_operation_has_an_entry():
    covered = {e.key for e in ENTRIES if isinstance(e, Api)}
    missing = sorted(api_operations() - covered)
    assert not missing, "API operations without an entry in core/tests/authz/<app>.py:\n  " + "\n  ".join(
        missing
    )


def test_every_entry_names_a_real_pattern_or_operation():
    pages, operations = set(url_patterns()), api_operations()
    stale = sorted(
        {e.key for e in ENTRIES if (e.key not in pages if isinstance(e, Page) else e.key not in operations)}
    )
    assert not stale, "entries for patterns or operations that do not exist:\n  " + "\n  ".join(stale)


# The matrix -------------------------------------------------------------------------


@pytest.fixture
def world(tree, settings, tmp_path):
    """The world of core/tests/authz, with a bearer token per user and a copy of its files
    (a request that deletes an object's file is rolled back in the database, not on disk)."""
    settings.MEDIA_ROOT = tmp_path / "media"
    world = authz.build_world(tree)
    world.extra["tokens"] = {name: ApiToken.issue(user, "matrix")[1] for name, user in world.users.items()}
    world.extra["media"] = {
        path: path.read_bytes() for path in (tmp_path / "media").rglob("*") if path.is_file()
    }
    return world


def _restore_media(world) -> None:
    for path, content in world.extra["media"].items():
        if not path.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(content)


def _url(entry, side) -> str:
    if isinstance(entry, Page):
        url = reverse(entry.name, kwargs=entry.kwargs(side) if entry.kwargs else None)
    else:
        url = entry.path.format(**(entry.params(side) if entry.params else {}))
    if entry.query:
        url += "?" + urlencode(entry.query(side))
    return url


def _send(world, entry, user_name, side_name, method=None):
    """One request, its writes rolled back so every request sees the same world."""
    app_world = world.apps.get(APP_OF.get(id(entry)), world)
    side = app_world.side(side_name)
    client = Client(raise_request_exception=False)
    headers = {}
    user = world.users.get(user_name) if user_name else None
    if user is not None:
        if isinstance(entry, Page):
            client.force_login(user)
        else:
            token = world.extra.get("tokens", {}).get(user_name) or ApiToken.issue(user, "matrix")[1]
            headers["HTTP_AUTHORIZATION"] = f"Bearer {token}"
    method = method or entry.method.lower()
    url = _url(entry, side)
    with transaction.atomic():
        if isinstance(entry, Api) and entry.body and entry.multipart:
            response = getattr(client, method)(url, data=entry.body(app_world, side), **headers)
        elif isinstance(entry, Api) and entry.body:
            response = getattr(client, method)(
                url, data=json.dumps(entry.body(app_world, side)), content_type="application/json", **headers
            )
        elif method == "post":
            data = entry.data(app_world, side) if isinstance(entry, Page) and entry.data else {}
            response = client.post(url, data, **headers)
        else:
            response = getattr(client, method)(url, **headers)
        transaction.set_rollback(True)
    return url, response


def _leaks(world, response) -> list[str]:
    content_type = response.headers.get("Content-Type", "")
    if not content_type.startswith(("text/", "application/json")) or getattr(response, "streaming", False):
        return []
    body = response.content.decode("utf-8", "replace")
    return [marker for marker in world.foreign.markers if marker in body]


def _judge(world, entry, user_name, side_name, method=None) -> str | None:
    """None when the answer is the expected one, else a line saying what went wrong."""
    url, response = _send(world, entry, user_name, side_name, method)
    status = response.status_code
    method = (method or entry.method).upper()
    who = f"{user_name or 'anonymous'} on {side_name} {method} {url}"
    if user_name is None:
        if entry.anonymous == authz.PUBLIC:
            return None if status < 400 else f"{who}: expected public access, got {status}"
        if entry.anonymous == authz.REFUSED:
            return None if status in {401, *DENIED} else f"{who}: expected 401/403/404, got {status}"
        if isinstance(entry, Api):
            return None if status == 401 else f"{who}: expected 401, got {status}"
        login = resolve_url(settings.LOGIN_URL)
        if status == 302 and response["Location"].startswith(login):
            return None
        return f"{who}: expected a redirect to {login}, got {status} {response.get('Location', '')}"
    allowed_users = entry.allow if side_name == "own" else entry.foreign
    if method == entry.method.upper() and user_name in allowed_users:
        if not 200 <= status < 400:
            return f"{who}: expected 2xx/3xx, got {status}"
        leaks = _leaks(world, response)
        return f"{who}: shows foreign data {leaks}" if leaks else None
    denied = DENIED | ({405} if method != entry.method.upper() else set())
    return None if status in denied else f"{who}: expected 403/404, got {status}"


def _check(world, entry) -> list[str]:
    problems = []
    sides = ("own", "foreign") if entry.scoped else ("own",)
    for side_name in sides:
        for user_name in USERS:
            problems.append(_judge(world, entry, user_name, side_name))
            denied = user_name not in (entry.allow if side_name == "own" else entry.foreign)
            if isinstance(entry, Page) and entry.method == "get" and denied:
                # a denied user must not get through by posting either
                problems.append(_judge(world, entry, user_name, side_name, method="post"))
    problems.append(_judge(world, entry, None, "own"))
    return [p for p in problems if p]


def _chunks(size=15):
    """Entries by app, a few per test: one world is built per test (a few seconds), every
    request of the test runs in a savepoint of it."""
    by_app: dict[str, list] = {}
    for app, entry in ENTRIES_WITH_APPS:
        by_app.setdefault(app, []).append(entry)
    return [
        (app, start, entries[start : start + size])
        for app, entries in by_app.items()
        for start in range(0, len(entries), size)
    ]


CHUNKS = _chunks()


@pytest.mark.parametrize(
    "app, start, entries",
    CHUNKS,
    ids=[f"{app}-{start}-{start + len(entries) - 1}" for app, start, entries in CHUNKS],
)
def test_matrix(world, app, start, entries):
    report = []
    for entry in entries:
        problems = _check(world, entry)
        _restore_media(world)
        if problems:
            report.append(f"{entry.key} ({entry.note or 'no note'}):\n    " + "\n    ".join(problems))
    assert not report, "\n".join(report)


def test_the_matrix_covers_every_role():
    assert set(USERS) == {*ROLES, "norole"}
    assert len(ROLES) == 5


# Personal data ----------------------------------------------------------------------

MANAGERS = {ADMIN, OFFICER}


def test_personal_data_on_the_member_page_only_for_managers(world):
    for role in ROLES:
        client = Client()
        client.force_login(world.users[role])
        body = client.get(reverse("organisations:member_detail", args=[world.own.member.pk])).content.decode()
        assert ("12/03/1985" in body) == (role in MANAGERS), role
        assert ("Tày" in body) == (role in MANAGERS), role


def test_personal_data_in_the_api_only_for_managers(world):
    for role in ROLES:
        client = Client(HTTP_AUTHORIZATION=f"Bearer {world.extra['tokens'][role]}")
        one = client.get(f"/api/v1/organisations/members/{world.own.member.pk}").json()
        listed = client.get("/api/v1/organisations/members", {"unit_id": world.own.grassroots.pk}).json()[
            "items"
        ]
        for record in [one, *listed]:
            assert (record["birth_date"] is not None) == (role in MANAGERS), (role, record)
            assert (record["ethnicity"] is not None) == (role in MANAGERS), (role, record)


def test_member_export_has_personal_columns_only_for_managers_and_is_logged(world, caplog):
    for role in ROLES:
        caplog.clear()
        client = Client()
        client.force_login(world.users[role])
        with caplog.at_level(logging.INFO, logger="thidua.exports"):
            response = client.get(
                reverse("organisations:member_list"), {"unit": world.own.grassroots.pk, "export": "xlsx"}
            )
        assert response.status_code == 200
        sheet = load_workbook(io.BytesIO(response.getvalue()), read_only=True).worksheets[0]
        rows = list(sheet.iter_rows(values_only=True))
        assert ("Ngày sinh" in rows[0]) == (role in MANAGERS), role
        assert ("Dân tộc" in rows[0]) == (role in MANAGERS), role
        assert world.own.member.code in [row[0] for row in rows[1:]]
        assert world.foreign.member.code not in [row[0] for row in rows[1:]]
        logged = [r for r in caplog.records if r.name == "thidua.exports"]
        assert len(logged) == 1, role
        assert world.users[role].username in logged[0].getMessage()
        assert f"personal data: {role in MANAGERS}" in logged[0].getMessage()


def test_an_export_without_a_unit_never_has_personal_columns(world, caplog):
    client = Client()
    client.force_login(world.users[OFFICER])
    with caplog.at_level(logging.INFO, logger="thidua.exports"):
        response = client.get(reverse("organisations:member_list"), {"export": "xlsx"})
    header = next(
        load_workbook(io.BytesIO(response.getvalue()), read_only=True)
        .worksheets[0]
        .iter_rows(values_only=True)
    )
    assert "Ngày sinh" not in header
    assert any(r.name == "thidua.exports" for r in caplog.records)


def test_a_user_cannot_delete_someone_elses_api_token(world):
    victim = ApiToken.objects.get(user=world.foreign.colleague)
    for user_name in authz.USERS:
        client = Client()
        client.force_login(world.users[user_name])
        client.post(reverse("accounts:api_tokens"), {"delete": victim.pk})
    assert ApiToken.objects.filter(pk=victim.pk).exists()


# Stored files (core/tests/authz/files.py) -------------------------------------------


def _file_fields() -> set[str]:
    from django.apps import apps
    from django.db import models

    return {
        f"{model._meta.app_label}.{model.__name__}.{field.name}"
        for model in apps.get_models()
        if not model.__name__.startswith("Historical")
        for field in model._meta.get_fields()
        if isinstance(field, models.FileField)
    }


def test_every_stored_file_kind_has_an_entry():
    covered = {entry.field for entry in files.FILES}
    missing = sorted(_file_fields() - covered)
    assert not missing, "file fields without an entry in core/tests/authz/files.py:\n  " + "\n  ".join(
        missing
    )
    assert not covered - _file_fields(), (
        f"entries for fields that do not exist: {sorted(covered - _file_fields())}"
    )


def test_every_stored_file_gets_an_unguessable_name():
    from django.apps import apps

    from core.uploads import RandomName

    for key in _file_fields():
        app_label, model_name, field_name = key.split(".")
        field = apps.get_model(app_label, model_name)._meta.get_field(field_name)
        assert isinstance(field.upload_to, RandomName), f"{key}: upload_to={field.upload_to!r}"


def test_a_file_with_personal_data_is_downloaded_only_by_who_may_see_personal_data():
    pages = {entry.name: entry for entry in ENTRIES if isinstance(entry, Page)}
    for entry in files.FILES:
        if entry.personal and entry.view:
            page = pages[entry.view]
            assert page.allow <= MANAGERS and not page.foreign, entry.key
        assert not entry.personal or not entry.media_public, entry.key
        assert entry.view is None or entry.view in pages, f"{entry.key}: no Page entry {entry.view}"


def _content(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


def _file_problems(world, entry) -> list[str]:
    pages = {e.name: e for e in ENTRIES if isinstance(e, Page) and e.kwargs is not None}
    app_world = world.apps[entry.app]
    problems = []
    for side_name in ("own", "foreign"):
        side = app_world.side(side_name)
        stored = entry.file(side)
        assert stored and stored.storage.exists(stored.name), (
            f"{entry.key}: the world has no file on {side_name}"
        )
        with stored.storage.open(stored.name, "rb") as handle:
            content = handle.read()
        for user_name in (*USERS, None):
            client = Client(raise_request_exception=False)
            if user_name:
                client.force_login(world.users[user_name])
            who = f"{entry.key} ({entry.note or 'no note'}) as {user_name or 'anonymous'} on {side_name}"
            may_media = entry.media_public or (side_name == "own" and user_name in entry.media_own)
            for trick in files.TRICKS:
                url = "/media/" + trick.format(name=stored.name)
                response = client.get(url)
                expected = may_media and trick == "{name}"
                if expected and (response.status_code != 200 or _content(response) != content):
                    problems.append(f"{who}: GET {url} expected the file, got {response.status_code}")
                elif not expected and response.status_code != 404:
                    problems.append(f"{who}: GET {url} expected 404, got {response.status_code}")
            if entry.view is None:
                continue
            page = pages[entry.view]
            url = _url(page, side)
            response = client.get(url)
            allowed = user_name in (page.allow if side_name == "own" else page.foreign)
            if user_name is None:
                if response.status_code != 302 or not response["Location"].startswith(
                    resolve_url(settings.LOGIN_URL)
                ):
                    problems.append(
                        f"{who}: GET {url} expected a redirect to the login page, got {response.status_code}"
                    )
            elif allowed:
                if response.status_code != 200 or _content(response) != content:
                    problems.append(f"{who}: GET {url} expected the file, got {response.status_code}")
                elif not response.get("Content-Disposition", "").startswith("attachment"):
                    problems.append(f"{who}: GET {url} is not sent as an attachment")
            elif response.status_code not in DENIED:
                problems.append(f"{who}: GET {url} expected 403/404, got {response.status_code}")
    return problems


def test_stored_files_by_role_side_and_door(world):
    """Every kind of stored file x every user (and anonymous) x own/foreign, at /media/ by its name
    and through path tricks, and through the view of the object it belongs to."""
    report = []
    for entry in files.FILES:
        report += _file_problems(world, entry)
    assert not report, "\n".join(report)


# The Django admin site ----------------------------------------------------------------


def _admin_site_users(tree):
    from accounts.models import Role
    from accounts.testing import UserFactory, user_with_role

    users = {
        role: user_with_role(Role(role), tree.district_a, username=f"admin-site-{role}") for role in ROLES
    }
    users["norole"] = UserFactory(username="admin-site-norole")
    users[admin_site.STAFF] = UserFactory(username="admin-site-staff", is_staff=True)
    users[admin_site.SUPERUSER] = UserFactory(username="admin-site-root", is_staff=True, is_superuser=True)
    return users


def _row_counts():
    from django.contrib import admin

    return {
        model._meta.label: model._default_manager.count()
        for model in admin.site._registry
        if model._meta.label != "axes.AccessLog"
    }  # each force_login writes one


def _sent_to_admin_login(response) -> bool:
    return response.status_code == 302 and response["Location"].startswith(admin_site.LOGIN_URL)


def test_every_admin_url_pattern_is_covered(tree):
    from django.urls import resolve

    covered = {resolve(u.url).route.replace("^", "") for u in admin_site.admin_urls()}
    patterns = {
        route.replace("^", "")
        for _name, route in _walk(get_resolver().url_patterns)
        if route.startswith("quan-tri-he-thong/")
    }
    missing = sorted(patterns - covered)
    assert not missing, (
        "admin URL patterns without a URL in core/tests/authz/admin_site.py:\n  " + "\n  ".join(missing)
    )


def test_the_admin_site_lets_in_only_superusers_and_staff(tree):
    users = _admin_site_users(tree)
    urls = admin_site.admin_urls()
    before = _row_counts()
    problems = []
    for user_name in (None, *users):
        client = Client(raise_request_exception=False)
        if user_name:
            client.force_login(users[user_name])
        for entry in urls:
            who = f"{user_name or 'anonymous'} {entry.url}"
            response = client.get(entry.url)
            status = response.status_code
            if entry.kind == "login":
                ok = status == 200 or (
                    user_name in (admin_site.STAFF, admin_site.SUPERUSER) and status == 302
                )
            elif (
                entry.kind == "shortcut"
            ):  # contenttypes' redirect to an object's own page: never the object itself
                ok = status in (302, 404)
            elif entry.kind == "logout":  # no logout by GET; others are sent to the index, then to the login
                ok = (
                    status == 405
                    if user_name in (admin_site.STAFF, admin_site.SUPERUSER)
                    else (status == 302 and response["Location"] in (admin_site.PREFIX, admin_site.LOGIN_URL))
                )
            elif user_name == admin_site.SUPERUSER or (
                user_name == admin_site.STAFF and entry.kind == "catchall"
            ):
                ok = status < 500 and not _sent_to_admin_login(response)
            elif (
                user_name == admin_site.STAFF
            ):  # staff without any model permission: the index, no model page
                ok = {
                    "index": status == 200,
                    "site": status in (200, 302, 403),
                    "model": status in (302, 403, 404),
                }[entry.kind] and not _sent_to_admin_login(response)
            else:
                ok = _sent_to_admin_login(response)
                if ok:
                    posted = client.post(entry.url, {"post": "yes", "name": "x"})
                    ok = _sent_to_admin_login(posted)
                    who += "" if ok else " (POST)"
            if not ok:
                problems.append(f"{who}: {status} {response.get('Location', '')}")
    assert not problems, "\n".join(problems)
    assert _row_counts() == before
