"""Real HTTP against a live server, with CSRF enforced — the layer the Django test client cannot
give: the test client skips CSRF checks, so a page or API that refuses every real browser or
program still passes there (it hid issue 13's finding 7).

Fixtures (registered by the root conftest.py):

- ``live_client()``: a new ``LiveClient`` (its own cookie jar) talking to pytest-django's
  ``live_server``. The database is transactional (the server runs in another thread) and rolled
  back by serialisation, so data that migrations load (document types, award rules) survives.
- ``bearer_client(user)``: logs ``user`` in through the login form, creates a token on the
  "API tokens" page as a person would, and returns a cookie-less client that sends only
  ``Authorization: Bearer <token>`` (``.token`` holds the key).

Users made by the factories have the password ``FACTORY_PASSWORD``. Every request is made with
``allow_redirects=False`` so a test sees a redirect as a redirect.
"""

from __future__ import annotations

import html
import re

import pytest
import requests
from django.urls import reverse

FACTORY_PASSWORD = "demo12345"  # accounts.testing.UserFactory
_NEW_TOKEN = re.compile(r'<code class="token">([^<]+)</code>')


class LiveClient:
    """An HTTP client with its own cookies; CSRF is never bypassed: a form POST carries the
    ``csrfmiddlewaretoken`` read from the csrftoken cookie only when ``csrf`` is true."""

    def __init__(self, base_url: str, token: str | None = None):
        self.base_url = base_url.rstrip("/")
        self.session = requests.Session()
        self.token = token

    # plain HTTP -------------------------------------------------------------------------------
    def request(self, method: str, path: str, **kwargs) -> requests.Response:
        kwargs.setdefault("allow_redirects", False)
        kwargs.setdefault("timeout", 60)
        return self.session.request(method, self.base_url + path, **kwargs)

    def get(self, path: str, **kwargs) -> requests.Response:
        return self.request("GET", path, **kwargs)

    @property
    def csrftoken(self) -> str | None:
        return self.session.cookies.get("csrftoken")

    # pages ------------------------------------------------------------------------------------
    def post_form(self, path: str, data: dict, *, csrf: bool = True, files=None) -> requests.Response:
        """POST a form as a browser does: GET the page first (it sets the csrftoken cookie)."""
        if self.csrftoken is None:
            self.get(path)
        data = dict(data)
        if csrf:
            data["csrfmiddlewaretoken"] = self.csrftoken
        return self.request("POST", path, data=data, files=files, headers={"Referer": self.base_url + path})

    def login(self, username: str, password: str = FACTORY_PASSWORD) -> requests.Response:
        """Sign in through the login page; asserts it worked (a redirect away from the form)."""
        url = reverse("accounts:login")
        page = self.get(url)
        assert page.status_code == 200, page.status_code
        response = self.post_form(url, {"username": username, "password": password})
        assert response.status_code == 302, f"login as {username} answered {response.status_code}"
        return response

    def create_token(self, name: str = "live test") -> str:
        """Create an API token on the "API tokens" page; returns the key shown once."""
        url = reverse("accounts:api_tokens")
        response = self.post_form(url, {"name": name})
        assert response.status_code == 200, response.status_code
        match = _NEW_TOKEN.search(response.text)
        assert match, "the new token is not on the page"
        return html.unescape(match.group(1)).strip()

    # the JSON API -----------------------------------------------------------------------------
    def api(
        self, method: str, path: str, json=None, *, csrf: bool = True, headers: dict | None = None, **kwargs
    ) -> requests.Response:
        """Call /api/v1/<path>. A session client sends X-CSRFToken when ``csrf``; a token
        client sends its bearer header."""
        headers = dict(headers or {})
        if self.token:
            headers["Authorization"] = f"Bearer {self.token}"
        if csrf and self.csrftoken:
            headers["X-CSRFToken"] = self.csrftoken
            headers.setdefault("Referer", self.base_url + "/")
        if json is not None:
            kwargs["json"] = json
        return self.request(method, "/api/v1" + path, headers=headers, **kwargs)


@pytest.fixture
def live_client(live_server, django_db_serialized_rollback, monkeypatch):
    """``live_client()`` → a new LiveClient on the live server (CSRF enforced). /media/ goes to the
    app (core.views.media) as in production: Django's live server would otherwise serve every
    stored file from disk to anyone (its private ``_MediaFilesHandler``)."""

    from django.core.cache import cache
    from django.test.testcases import _MediaFilesHandler

    monkeypatch.setattr(_MediaFilesHandler, "_should_handle", lambda self, path: False)

    cache.clear()  # counters of wrong tokens and logins start from nothing

    def make(token: str | None = None) -> LiveClient:
        return LiveClient(live_server.url, token=token)

    yield make
    cache.clear()


@pytest.fixture
def bearer_client(live_client):
    """``bearer_client(user)`` → a cookie-less client using a token made on the tokens page."""

    def make(user, password: str = FACTORY_PASSWORD) -> LiveClient:
        browser = live_client()
        browser.login(user.username, password)
        return live_client(token=browser.create_token())

    return make
