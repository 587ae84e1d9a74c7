"""Which pages the HTTP benchmark loads on this database, and a session to load them with.

Pages of apps still being built are found by their URL names when they exist; a page that is
not there yet is listed with the reason, so the results say what was not measured.
Usage: python -m bench.steps.pages OUT.json
"""

from __future__ import annotations

import json
import sys

from bench.common import OFFICER, setup_django


def _reverse(*candidates, args=()):
    from django.urls import NoReverseMatch, reverse

    for name in candidates:
        try:
            return reverse(name, args=args)
        except NoReverseMatch:
            continue
    return None


def session_cookie(username: str) -> str:
    """A session for the user, made the way django.contrib.auth.login makes it."""
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY, get_user_model
    from django.contrib.sessions.backends.db import SessionStore
    from django.utils.module_loading import import_string

    user = get_user_model().objects.get(username=username)
    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    # the backend that signs users in (axes' own, listed first, only guards the login and loads no user)
    session[BACKEND_SESSION_KEY] = next(
        path for path in settings.AUTHENTICATION_BACKENDS if hasattr(import_string(path), "get_user")
    )
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.create()
    return session.session_key


def discover() -> dict:
    from django.apps import apps

    pages, missing = [], []

    def add(name, path, kind, note=""):
        if path:
            pages.append({"name": name, "path": path, "kind": kind, "note": note})
        else:
            missing.append({"name": name, "reason": note or "no such page yet"})

    dashboard = _reverse("reports:dashboard")
    add(
        "dashboard",
        dashboard or "/",
        "signed_in",
        "" if dashboard else "reports:dashboard missing: the home page instead",
    )
    campaign_path, note = None, ""
    try:
        Campaign = apps.get_model("campaigns", "Campaign")
        campaign = Campaign.objects.order_by("pk").first()
        if campaign is None:
            note = "no campaign in the data (campaigns' demo loader or generator missing)"
        else:
            campaign_path = getattr(campaign, "get_absolute_url", lambda: None)() or _reverse(
                "campaigns:detail", "campaigns:campaign_detail", "campaigns:campaign", args=[campaign.pk]
            )
            if not campaign_path:
                note = "campaigns has no campaign page yet"
    except LookupError:
        note = "no campaigns app models"
    add("campaign page", campaign_path, "signed_in", note)
    add("member list", _reverse("organisations:member_list"), "signed_in")
    documents = _reverse("documents:index", "documents:document_list")
    add(
        "document search",
        f"{documents}?q=ke+hoach+thi+dua+lao+dong+gioi" if documents else None,
        "signed_in",
        "" if documents else "documents has no registry page yet",
    )
    add(
        "portal home",
        _reverse("publishing:portal_home"),
        "public",
        "" if _reverse("publishing:portal_home") else "publishing has no portal yet",
    )
    article_path, note = None, ""
    try:
        Article = apps.get_model("publishing", "Article")
        public = (
            Article.objects.public()
            if hasattr(Article.objects, "public")
            else Article.objects.filter(status="published")
        )
        article = public.order_by("-publish_at", "-pk").first()
        if article is None:
            note = "no published article in the data"
        else:
            article_path = article.get_public_url() if hasattr(article, "get_public_url") else None
    except LookupError:
        note = "no publishing models"
    add("article page", article_path, "public", note)
    add("API member list", "/api/v1/organisations/members?limit=50", "signed_in")
    return {"pages": pages, "missing": missing, "cookie": session_cookie(OFFICER)}


if __name__ == "__main__":
    setup_django()
    with open(sys.argv[1], "w") as handle:
        json.dump(discover(), handle, ensure_ascii=False, indent=1)
