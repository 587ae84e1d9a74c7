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
scheduled article's time ends them like the shared state's.
"""

from __future__ import annotations

import datetime as dt
import threading
import time
import uuid
from collections import OrderedDict

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.utils import timezone

STATE_KEY = "publishing:portal:state"
GENERATION_KEY = "publishing:portal:generation"
STATE_SECONDS = 30
# pages × languages a process remembers (each a rendered page of tens of KB)
RECENT_LIMIT = 64

_recent: OrderedDict[str, tuple[float, dict, str, dict]] = OrderedDict()
_recent_lock = threading.Lock()


def recent(key: str) -> tuple[dict, str, dict] | None:
    """The state, generation and cached page entry this process served under `key` in the last
    PORTAL_LOCAL_SECONDS, while the state's own time (a scheduled article) has not come."""
    if not settings.PORTAL_LOCAL_SECONDS:
        return None
    with _recent_lock:
        found = _recent.get(key)
    if found is None:
        return None
    until, state, generation, entry = found
    if time.monotonic() >= until or (
        state["valid_until"] is not None and state["valid_until"] <= timezone.now()
    ):
        with _recent_lock:
            _recent.pop(key, None)
        return None
    return state, generation, entry


def remember(key: str, state: dict, generation: str, entry: dict) -> None:
    if not settings.PORTAL_LOCAL_SECONDS:
        return
    with _recent_lock:
        _recent[key] = (time.monotonic() + settings.PORTAL_LOCAL_SECONDS, state, generation, entry)
        _recent.move_to_end(key)
        while len(_recent) > RECENT_LIMIT:
            _recent.popitem(last=False)


def _forget_recent() -> None:
    with _recent_lock:
        _recent.clear()


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
