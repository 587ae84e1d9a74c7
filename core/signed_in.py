"""The signed-in user of a request, kept in the cache between requests.

Every signed-in request needs the user, their roles (every permission predicate reads them) and
the number of unread notifications (the bell of the base layout). accounts.auth reads the three
in one query; this module keeps that answer in the cache (Redis in production) so that a request
reads it with one round trip to the cache instead.

A kept identity must never outlive a change that matters (a role removed, a user deactivated, a
password changed, a unit moved, a notification sent or read). Each answer is stamped with two
version tokens read *before* the database was: a global one and the user's own. Every such change
replaces the user's token (`forget_signed_in`) or the global one (`forget_everyone`), at once and
again when its transaction commits (a request that read the new token before the commit may have
read the old rows). A token is random, never a counter: a token evicted from the cache never
matches an older answer again. The answers expire after `LIFETIME` whatever happens.

The pickled user holds the password hash (the session check needs it), so the cache must be as
private as the database: Redis on the app server or the database cache.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable
from typing import Any

from django.core.cache import cache
from django.db import connection, transaction

__all__ = ["LIFETIME", "forget_everyone", "forget_signed_in", "remembered"]

LIFETIME = 600  # seconds an answer is kept at most
_GLOBAL = "signed-in:v"


def _version_key(user_id: Any) -> str:
    return f"signed-in:v:{user_id}"


def _answer_key(user_id: Any) -> str:
    return f"signed-in:{user_id}"


def _bump(keys: list[str]) -> None:
    cache.set_many({key: uuid.uuid4().hex for key in keys}, timeout=None)


def _bump_now_and_on_commit(keys: list[str]) -> None:
    _bump(keys)
    if connection.in_atomic_block:
        transaction.on_commit(lambda: _bump(keys))


def forget_signed_in(user_ids: Iterable[Any]) -> None:
    """The next request of each of these users reads them from the database again. Call it after
    a bulk `.update()`/`bulk_create()` that changes a user, their roles or their notifications
    (saving or deleting a model instance does it through the signals of core.apps)."""
    keys = [_version_key(user_id) for user_id in {*user_ids} if user_id is not None]
    if keys:
        _bump_now_and_on_commit(keys)


def forget_everyone() -> None:
    """Every user's next request reads them from the database again (a unit moved: the paths of
    the roles' units changed; a restored backup)."""
    _bump_now_and_on_commit([_GLOBAL])


def _current_tokens(user_id: Any, answer: bool) -> tuple[str | None, str | None, Any]:
    keys = [_GLOBAL, _version_key(user_id)] + ([_answer_key(user_id)] if answer else [])
    found = cache.get_many(keys)
    return found.get(_GLOBAL), found.get(_version_key(user_id)), found.get(_answer_key(user_id))


def _token(key: str) -> str:
    cache.add(key, uuid.uuid4().hex, timeout=None)
    return cache.get(key) or ""


def remembered(user_id: Any, load: Callable[[], Any]) -> Any:
    """What `load()` answers for this user, from the cache when no change since made it stale.
    `load()` answering None (no such user) is not kept."""
    global_token, user_token, kept = _current_tokens(user_id, answer=True)
    if global_token and user_token and kept is not None and kept[0] == (global_token, user_token):
        return kept[1]
    global_token = global_token or _token(_GLOBAL)
    user_token = user_token or _token(_version_key(user_id))
    value = load()
    if value is not None:
        cache.set(_answer_key(user_id), ((global_token, user_token), value), timeout=LIFETIME)
    return value
