"""The JSON API under /api/v1/: one NinjaAPI, one router per app, the same permission
predicates as the pages. Authentication: a bearer token (no cookies, no CSRF) or the browser
session (with CSRF). The token is tried first: ninja's SessionAuth raises on a missing CSRF token
before any later authenticator runs, which made every token write a 403 (issue 13, finding 7)."""

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import PermissionDenied, RequestDataTooBig, ValidationError
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import NinjaAPI
from ninja.errors import HttpError
from ninja.security import HttpBearer, SessionAuth
from ninja.utils import check_csrf

from accounts.models import ApiToken
from accounts.services import client_ip


class TokenAuth(HttpBearer):
    """`Authorization: Bearer <key>` only (never a query string). Wrong keys are counted per
    client address: past API_TOKEN_FAILURE_LIMIT within the window the address gets 429."""

    def authenticate(self, request, token):
        address_key = f"api-token-failures:{client_ip(request)}"
        if cache.get(address_key, 0) >= settings.API_TOKEN_FAILURE_LIMIT:
            raise HttpError(429, _("Too many wrong API tokens from this address. Try again later."))
        api_token = ApiToken.objects.select_related("user").filter(key_hash=ApiToken.hash_key(token)).first()
        if api_token is None or not api_token.user.is_active:
            cache.add(address_key, 0, timeout=settings.API_TOKEN_FAILURE_WINDOW_MINUTES * 60)
            try:
                cache.incr(address_key)
            except ValueError:  # expired between add and incr
                cache.set(address_key, 1, timeout=settings.API_TOKEN_FAILURE_WINDOW_MINUTES * 60)
            return None
        ApiToken.objects.filter(pk=api_token.pk).update(last_used_at=timezone.now())
        request.user = api_token.user
        return api_token.user


class SessionCsrfAuth(SessionAuth):
    """The browser session, CSRF-checked whenever a session cookie comes with the request (a
    request without one is simply not authenticated: 401, not a CSRF 403)."""

    def _get_key(self, request):
        key = request.COOKIES.get(self.param_name)
        if key and check_csrf(request):
            raise HttpError(403, _("CSRF check failed: send the X-CSRFToken header with the csrftoken cookie's value."))
        return key


api = NinjaAPI(
    title="thidua API",
    version="1",
    description="Thi đua, khen thưởng — API của hệ thống. Xác thực: phiên đăng nhập hoặc `Authorization: Bearer <token>`.",
    auth=[TokenAuth(), SessionCsrfAuth()],
    openapi_url="/openapi.json",
    docs_url="/docs",
    urls_namespace="api",
)

# Each app owns its router; the order here is the order of the OpenAPI document.
API_ROUTERS = [
    ("organisations", "organisations.api"),
    ("documents", "documents.api"),
    ("campaigns", "campaigns.api"),
    ("awards", "awards.api"),
    ("publishing", "publishing.api"),
    ("reports", "reports.api"),
]
for prefix, module in API_ROUTERS:
    api.add_router(f"/{prefix}/", f"{module}.router", tags=[prefix])


@api.exception_handler(ValidationError)
def validation_error(request, exc: ValidationError):
    """Business-rule failures from services answer 400 with the Vietnamese messages by field."""
    detail = exc.message_dict if hasattr(exc, "error_dict") else {"__all__": exc.messages}
    return api.create_response(request, {"detail": detail}, status=400)


@api.exception_handler(PermissionDenied)
def permission_denied(request, exc: PermissionDenied):
    return api.create_response(request, {"detail": str(exc) or _("You may not do this.")}, status=403)


@api.exception_handler(RequestDataTooBig)
def request_too_big(request, exc: RequestDataTooBig):
    """A body over DATA_UPLOAD_MAX_MEMORY_SIZE (Django refuses to read it) answers 413, not 500.
    Files go as multipart uploads, whose file parts do not count against this limit."""
    return api.create_response(request, {"detail": too_big_message()}, status=413)


@api.exception_handler(Http404)
def not_found(request, exc: Http404):
    return api.create_response(request, {"detail": _("Not found, or outside your scope.")}, status=404)


def too_big_message() -> str:
    return _("The request is too large: at most %(mb)s MB of data besides files. Send files as "
             "multipart uploads (multipart/form-data).") % {"mb": settings.DATA_UPLOAD_MAX_MEMORY_SIZE // (1024 * 1024)}
