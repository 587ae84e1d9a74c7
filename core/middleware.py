"""Middleware every page shares: security headers, and clear answers instead of a 500 when
the database is away or the disk is full, or a 413 when a request body is too large."""

import errno
import logging
import re

from django.db import DatabaseError, InterfaceError, OperationalError
from django.http import HttpResponse, JsonResponse
from django.template.loader import render_to_string
from django.urls import Resolver404, resolve
from django.utils.html import format_html
from django.utils.translation import gettext as _

CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "frame-ancestors 'none'",
        "form-action 'self'",
        "base-uri 'self'",
        "object-src 'none'",
    ]
)


class SecurityHeadersMiddleware:
    """Adds the content security policy: no inline scripts, nothing from other origins."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        response.headers.setdefault("Permissions-Policy", "camera=(), microphone=(), geolocation=()")
        return response


class DatabaseUnavailableMiddleware:
    """Answers 503 with a plain page when the database cannot be reached, instead of a 500."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, (OperationalError, InterfaceError)) and _looks_like_connection_error(
            exception
        ):
            body = render_to_string("core/503.html", request=None)
            response = HttpResponse(body, status=503)
            response["Retry-After"] = "30"
            return response
        return None


def _looks_like_connection_error(exc: DatabaseError | InterfaceError) -> bool:
    text = str(exc).lower()
    return any(
        marker in text
        for marker in ("connection", "could not connect", "server closed", "unable to open", "terminating")
    )


STORAGE_FULL_ERRNOS = {errno.ENOSPC, errno.EDQUOT}


class StorageFullMiddleware:
    """A file that cannot be written because the disk (or quota) is full answers 507 with a
    message the user understands, and is logged for the administrator, instead of a 500."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, OSError) or exception.errno not in STORAGE_FULL_ERRNOS:
            return None
        logging.getLogger("thidua.storage").error(
            "storage full while handling %s %s: %s", request.method, request.path, exception
        )
        message = _(
            "The file could not be saved because the server's storage is full. "
            "Please tell the system administrator and try again later."
        )
        if request.path.startswith("/api/"):
            return JsonResponse({"detail": message}, status=507)
        body = format_html(
            '<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>{}</title></head>'
            "<body><h1>{}</h1><p>{}</p></body></html>",
            _("Storage full"),
            _("Storage full"),
            message,
        )
        return HttpResponse(body, status=507)


class RequestBodyLimitMiddleware:
    """A request body larger than the upload limit plus room for the form's other fields
    (REQUEST_MAX_MB) answers 413 with a message the user understands, before the body is parsed
    or stored. A file just over MAX_UPLOAD_MB still reaches its form, which names the field.

    The body is drained (read and dropped) first: a proxy in front (nginx) still sending it
    would otherwise see the connection closed under it and answer 502 instead of our 413."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        from django.conf import settings

        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if length <= settings.REQUEST_MAX_MB * 1024 * 1024:
            return self.get_response(request)
        stream, remaining = request.META.get("wsgi.input"), length
        while stream is not None and remaining > 0:
            chunk = stream.read(min(remaining, 64 * 1024))
            if not chunk:
                break
            remaining -= len(chunk)
        message = _(
            "The file is too large: uploads are limited to %(limit)d MB. "
            "Choose a smaller file, or split it, and try again."
        ) % {"limit": settings.MAX_UPLOAD_MB}
        if request.path.startswith("/api/"):
            return JsonResponse({"detail": message}, status=413)
        title = _("File too large")
        body = format_html(
            '<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>{}</title></head>'
            "<body><h1>{}</h1><p>{}</p></body></html>",
            title,
            title,
            message,
        )
        return HttpResponse(body, status=413)


# Integers beyond this cannot be ids, years, limits or offsets; the databases overflow on them
# (SQLite: "Python int too large", "datatype mismatch"), so they are refused at the door.
LARGEST_NUMBER = 2**53
_INTEGER = re.compile(r"^[+-]?\d+$")


class ApiNumberRangeMiddleware:
    """API requests carrying an integer out of any sensible range, in the path or the query
    string, answer 400 instead of reaching a query that would fail with a 500."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path.startswith("/api/") and self._has_huge_number(request):
            return JsonResponse({"detail": _("A number in the request is out of range.")}, status=400)
        return self.get_response(request)

    def process_exception(self, request, exception):
        # the same in a JSON body: the driver cannot bind the number
        if request.path.startswith("/api/") and isinstance(exception, OverflowError):
            return JsonResponse({"detail": _("A number in the request is out of range.")}, status=400)
        return None

    @staticmethod
    def _has_huge_number(request) -> bool:
        values = [part for part in request.path.split("/") if part]
        values += [value for _name, values_ in request.GET.lists() for value in values_]
        if any(
            _INTEGER.match(value.strip()) and abs(int(value)) > LARGEST_NUMBER
            for value in values
            if len(value) <= 4300
        ):  # int() refuses longer digit strings
            return True
        # a year filter becomes dates, and dates end at 9999 (Django's __year lookup raises)
        years = [
            value
            for name, values_ in request.GET.lists()
            if name == "year" or name.endswith("_year")
            for value in values_
            if _INTEGER.match(value.strip()) and len(value) <= 20
        ]
        return any(not 1 <= int(year) <= 9999 for year in years)


class ApiPathMiddleware:
    """Under /api/ every answer is JSON. A path that resolves to nothing answers a JSON 404 here,
    before CommonMiddleware's APPEND_SLASH would redirect it (a POST cannot be redirected: a 500
    in debug mode, a lost body otherwise; issue 13, finding 11); a method the path does not take
    answers a JSON 405 instead of ninja's empty one."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path_info.startswith("/api/"):
            return self.get_response(request)
        try:
            resolve(request.path_info)
        except Resolver404:
            detail = _(
                "There is no such API path. Paths are written exactly as in the API documentation "
                "(/api/v1/docs)."
            )
            other = request.path_info[:-1] if request.path_info.endswith("/") else request.path_info + "/"
            try:
                resolve(other)
            except Resolver404:
                pass
            else:
                detail = _("There is no such API path; did you mean %(path)s?") % {"path": other}
            return JsonResponse({"detail": detail}, status=404)
        response = self.get_response(request)
        if response.status_code == 405 and not response.get("Content-Type", "").startswith(
            "application/json"
        ):
            allowed = response.get("Allow", "")
            response = JsonResponse(
                {
                    "detail": _("This API path does not take %(method)s; it takes %(allowed)s.")
                    % {"method": request.method, "allowed": allowed}
                },
                status=405,
            )
            response["Allow"] = allowed
        return response


class LanguageMiddleware:
    """Vietnamese first, whatever the browser says: the language never follows Accept-Language (a
    browser set to English is common on office computers). It is the signed-in user's saved choice,
    else the language cookie set by the switch, else `settings.LANGUAGE_CODE` (vi). Stands where
    django.middleware.locale.LocaleMiddleware would, after authentication so the user is known."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        from django.utils import translation

        language = chosen_language(request)
        translation.activate(language)
        request.LANGUAGE_CODE = language
        try:
            response = self.get_response(request)
        finally:
            # the thread goes back to the default: nothing done after this request (another app's
            # code, a test) inherits this user's language
            translation.deactivate()
        response.headers.setdefault("Content-Language", language)
        return response


def chosen_language(request) -> str:
    """The language a request is answered in (see LanguageMiddleware)."""
    from django.conf import settings

    known = {code for code, _name in settings.LANGUAGES}
    user = getattr(request, "user", None)
    try:
        saved = getattr(user, "language", "") if user is not None and user.is_authenticated else ""
    except DatabaseError:
        # the user cannot be loaded: the view meets the same error and answers 503
        # (DatabaseUnavailableMiddleware) in the cookie's or the default language
        saved = ""
    if saved in known:
        return saved
    cookie = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")
    return cookie if cookie in known else settings.LANGUAGE_CODE
