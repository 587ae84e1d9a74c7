"""Counting a page's queries in tests."""

from django.db import connection
from django.test.utils import CaptureQueriesContext


def page_queries(client, url: str) -> int:
    """The queries of one GET of `url` (answered 200) by a signed-in test client, with the user's
    signed-in state (user, roles, bell count: core.signed_in) already in the cache, as on any request
    but the first after a change to them. A test comparing counts at two sizes of data would
    otherwise count that load on one side only: a write between them that notifies the user, or the
    client's first request, reloads it."""
    from accounts.auth import RequestUserBackend

    user_id = client.session.get("_auth_user_id")
    if user_id is not None:
        RequestUserBackend().get_user(user_id)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)
