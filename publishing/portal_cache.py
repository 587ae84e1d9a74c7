"""The portal's state, kept in Django's cache (shared by every app server) so a cached portal page
costs one cache round trip instead of the aggregates over every article.

The state (`selectors.portal_state`) is stored with the generation it was computed under. Every
committed change to what the portal shows (articles and their images, categories, advanced
models, award decisions) sets a new generation, so the next request on any server computes the
state afresh; a scheduled article refreshes it when its time comes (`valid_until`), with no write
at all. `STATE_SECONDS` bounds how long a change made around the ORM (raw SQL, a bulk update)
can go unseen.

On top of the shared cache, each process remembers the pages it served for
`settings.PORTAL_LOCAL_SECONDS` (`recent`/`remember`): under load the cache round trip was most of a
cached page's cost. A change this process makes forgets them at once (and again at commit); another
process's change shows within those seconds, well inside the 60 s the pages let proxies keep them; a
scheduled article's time ends them like the shared state's. With a page, the memory keeps the whole
answer an anonymous visitor was given (`keep_answer`), which publishing.middleware serves to the next
anonymous visitors before the rest of the request's work, under the same times.
"""

from __future__ import annotations

import datetime as dt
import threading
import time
import uuid
from collections import Counter, OrderedDict
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.utils import timezone

STATE_KEY = "publishing:portal:state"
GENERATION_KEY = "publishing:portal:generation"
STATE_SECONDS = 30
# pages × languages a process remembers (each a rendered page of tens of KB)
RECENT_LIMIT = 64

# (path, query string, language): a page as one language shows it
LocalKey = tuple[str, str, str]


@dataclass(eq=False, slots=True)
class Remembered:
    """A page this process served, with the state and generation it was made under; `answer`, once
    an anonymous visitor was given it, is the whole answer (body and headers) as it left the view and
    the middleware inside publishing.middleware."""

    until: float
    state: dict
    generation: str
    entry: dict
    answer: tuple[bytes, dict[str, str]] | None = None


_recent: OrderedDict[LocalKey, Remembered] = OrderedDict()
# the paths in _recent, with how many of its keys hold each: the middleware's first, cheapest test
_recent_paths: Counter[str] = Counter()
_recent_lock = threading.Lock()


def local_key(path: str, query_string: str, language: str) -> LocalKey:
    return (path, query_string, language)


def has_path(path: str) -> bool:
    """Whether this process remembers any page at `path` (read without the lock: a stale answer
    only sends a request the longer way)."""
    return path in _recent_paths


def recent(key: LocalKey) -> Remembered | None:
    """The page this process served under `key` in the last PORTAL_LOCAL_SECONDS, while the
    state's own time (a scheduled article) has not come."""
    if not settings.PORTAL_LOCAL_SECONDS:
        return None
    with _recent_lock:
        found = _recent.get(key)
    if found is None:
        return None
    if time.monotonic() >= found.until or (
        found.state["valid_until"] is not None and found.state["valid_until"] <= timezone.now()
    ):
        with _recent_lock:
            if _recent.get(key) is found:
                _drop(key)
        return None
    return found


def remember(key: LocalKey, state: dict, generation: str, entry: dict) -> Remembered | None:
    if not settings.PORTAL_LOCAL_SECONDS:
        return None
    kept = Remembered(time.monotonic() + settings.PORTAL_LOCAL_SECONDS, state, generation, entry)
    with _recent_lock:
        if key in _recent:
            _drop(key)
        _recent[key] = kept
        _recent_paths[key[0]] += 1
        while len(_recent) > RECENT_LIMIT:
            _drop(next(iter(_recent)))
    return kept


def keep_answer(key: LocalKey, kept: Remembered, content: bytes, headers: dict[str, str]) -> None:
    """The whole answer an anonymous visitor was given for the page `kept`, if this process still
    remembers that very page under `key` (not one remembered since, under a newer state)."""
    with _recent_lock:
        if _recent.get(key) is kept:
            kept.answer = (content, headers)


def _drop(key: LocalKey) -> None:
    """Under the lock."""
    del _recent[key]
    _recent_paths[key[0]] -= 1
    if not _recent_paths[key[0]]:
        del _recent_paths[key[0]]


def _forget_recent() -> None:
    with _recent_lock:
        _recent.clear()
        _recent_paths.clear()


def current_state(extra_keys: tuple[str, ...] = ()) -> tuple[dict, str, dict]:
    """The portal's state, its generation, and the cache entries of `extra_keys` read in the
    same round trip."""
    from publishing import selectors

    found = cache.get_many([STATE_KEY, GENERATION_KEY, *extra_keys])
    now = timezone.now()
    # no generation yet, or culled from a full cache: a constant, so that a missing key does not
    # invalidate every cached page on each request until something sets one
    generation = found.get(GENERATION_KEY, "0")
    entry = found.get(STATE_KEY)
    if (
        entry is None
        or entry["generation"] != generation
        or (entry["state"]["valid_until"] is not None and entry["state"]["valid_until"] <= now)
    ):
        entry = {"generation": generation, "state": selectors.portal_state(now)}
        cache.set(STATE_KEY, entry, STATE_SECONDS)
    return entry["state"], generation, {key: found[key] for key in extra_keys if key in found}


def _new_generation() -> str:
    """“<unix seconds>.<random>”: its time moves the pages' Last-Modified along with their ETag."""
    return f"{int(timezone.now().timestamp())}.{uuid.uuid4().hex[:16]}"


def generation_time(generation: str) -> dt.datetime | None:
    """When a generation was set (None for the constant used before any change)."""
    seconds, dot, _rest = generation.partition(".")
    if not dot or not seconds.isdigit():
        return None
    return dt.datetime.fromtimestamp(int(seconds), tz=dt.UTC)


def forget_state() -> None:
    """A new generation: now, for this request's own next read, and again once the change is
    committed, so that a state computed by another request in between is not kept."""
    _forget_recent()
    cache.set(GENERATION_KEY, _new_generation(), None)
    transaction.on_commit(_new_generation_committed)


def _new_generation_committed() -> None:
    _forget_recent()
    cache.set(GENERATION_KEY, _new_generation(), None)


def _changed(sender, **kwargs) -> None:
    forget_state()


def connect() -> None:
    """Called from PublishingConfig.ready()."""
    from django.apps import apps
    from django.db.models.signals import m2m_changed, post_delete, post_save

    from publishing.models import AdvancedModel, Article, ArticleImage, Category

    senders = [Article, ArticleImage, AdvancedModel, Category]
    if apps.is_installed("awards"):
        senders.append(apps.get_model("awards", "Decision"))
    for sender in senders:
        post_save.connect(_changed, sender=sender, dispatch_uid=f"portal-state-save-{sender._meta.label}")
        post_delete.connect(_changed, sender=sender, dispatch_uid=f"portal-state-delete-{sender._meta.label}")
    for through in (Article.related_units.through, Article.advanced_models.through):
        m2m_changed.connect(_changed, sender=through, dispatch_uid=f"portal-state-m2m-{through._meta.label}")
