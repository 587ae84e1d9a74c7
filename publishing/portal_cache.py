"""The portal's state, kept in Django's cache (shared by every app server) so a cached portal page
costs one cache round trip instead of the aggregates over every article.

The state (`selectors.portal_state`) is stored with the generation it was computed under. Every
committed change to what the portal shows (articles and their images, categories, advanced
models, award decisions) sets a new generation, so the next request on any server computes the
state afresh; a scheduled article refreshes it when its time comes (`valid_until`), with no write
at all. `STATE_SECONDS` bounds how long a change made around the ORM (raw SQL, a bulk update)
can go unseen.
"""

from __future__ import annotations

import datetime as dt
import uuid

from django.core.cache import cache
from django.db import transaction
from django.utils import timezone

STATE_KEY = "publishing:portal:state"
GENERATION_KEY = "publishing:portal:generation"
STATE_SECONDS = 30


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
    cache.set(GENERATION_KEY, _new_generation(), None)
    transaction.on_commit(lambda: cache.set(GENERATION_KEY, _new_generation(), None))


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
