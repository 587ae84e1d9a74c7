"""The public portal's pages for anonymous visitors, answered from this process's memory before the
rest of the request's work.

A portal page this process served in the last PORTAL_LOCAL_SECONDS is kept with the whole answer an
anonymous visitor was given (publishing.portal_cache.keep_answer): body and headers as they left the
view and the middleware listed after this one. The next anonymous visitor asking for it, in the same
language, gets that answer again here, without URL resolving, the session, CSRF, authentication and
the rest of the middleware: for a GET without a session cookie none of them changes the answer (no
user to find, no cookie to set, nothing to check; CommonMiddleware's PREPEND_WWW and
DISALLOWED_USER_AGENTS are not set in thidua/settings.py, and the Host is checked here). The page's own rules still hold, since its memory
is the view's: another server's change shows within those seconds, this process's own at once, and a
scheduled article when its time comes.

Everything else takes the usual way: a request with a session cookie (a signed-in user has their own
language), other methods, conditional GETs (the view answers 304), a Host the site does not serve.
"""

from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.http import HttpResponse

from core.middleware import chosen_language
from publishing import portal_cache


class PortalPagesMiddleware:
    """Listed after the security headers' middleware (they still add their headers to every answer)
    and before the session's."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        key = _anonymous_key(request)
        if key is None:
            return self.get_response(request)
        kept = portal_cache.recent(key)
        if kept is not None and kept.answer is not None and _served_host(request):
            content, headers = kept.answer
            return HttpResponse(content, headers=headers)
        response = self.get_response(request)
        served = getattr(request, "_portal_remembered", None)
        if (
            served is not None
            and response.status_code == 200
            and not response.streaming
            and not response.cookies
        ):
            portal_cache.keep_answer(key, served, response.content, dict(response.headers))
        return response


def _anonymous_key(request) -> portal_cache.LocalKey | None:
    """The memory's key of an anonymous GET of a path this process remembers a page at, else None."""
    if request.method != "GET" or not portal_cache.has_path(request.path):
        return None
    meta = request.META
    if (
        settings.SESSION_COOKIE_NAME in request.COOKIES
        or "HTTP_IF_NONE_MATCH" in meta
        or "HTTP_IF_MODIFIED_SINCE" in meta
    ):
        return None
    # no user: the language cookie's choice, else Vietnamese (core.middleware.LanguageMiddleware)
    return portal_cache.local_key(request.path, meta.get("QUERY_STRING", ""), chosen_language(request))


def _served_host(request) -> bool:
    """The Host is one of ALLOWED_HOSTS (else the usual way answers 400)."""
    try:
        request.get_host()
    except DisallowedHost:
        return False
    return True
