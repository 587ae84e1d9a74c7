"""What the JSON API shares across apps: the CSRF-checked session authentication (tried after
the bearer token of accounts.api_auth) and its error answers (JSON, in Vietnamese, never a 500 for bad input).
thidua/api.py builds the NinjaAPI from these."""

from functools import wraps
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, RequestDataTooBig, ValidationError
from django.http import Http404
from django.utils.translation import gettext as _
from ninja import NinjaAPI, Schema
from ninja.errors import HttpError
from ninja.pagination import LimitOffsetPagination
from ninja.security import SessionAuth
from ninja.utils import check_csrf

from core.counting import count_at_most
from core.text import clean_text

# A query parameter with no model field behind it (a search word, a code) is still bounded.
QUERY_TEXT_LIMIT = 1000


class CappedCountPagination(LimitOffsetPagination):
    """limit/offset pages of a list too long to count on every page: `count` is exact up to `cap`
    (a subclass gives its app's) and `count_is_exact` says whether it is. Page on until a page
    comes back shorter than `limit`."""

    class Output(Schema):
        items: list[Any]
        count: int
        count_is_exact: bool

    @property
    def cap(self) -> int:
        raise NotImplementedError

    def paginate_queryset(self, queryset, pagination, request, **params):
        offset, limit = pagination.offset, min(pagination.limit, self.max_limit)
        count, exact = count_at_most(queryset, self.cap)
        return {"items": queryset[offset : offset + limit], "count": count, "count_is_exact": exact}


class SessionCsrfAuth(SessionAuth):
    """The browser session, CSRF-checked whenever a session cookie comes with the request (a
    request without one is simply not authenticated: 401, not a CSRF 403)."""

    def _get_key(self, request):
        key = request.COOKIES.get(self.param_name)
        if key and check_csrf(request):
            raise HttpError(
                403, _("CSRF check failed: send the X-CSRFToken header with the csrftoken cookie's value.")
            )
        return key


def too_big_message() -> str:
    return _(
        "The request is too large: at most %(mb)s MB of data besides files. Send files as multipart "
        "uploads (multipart/form-data)."
    ) % {"mb": settings.DATA_UPLOAD_MAX_MEMORY_SIZE // (1024 * 1024)}


def install_error_handlers(api: NinjaAPI) -> None:
    """Errors answer JSON with a Vietnamese `detail`: business-rule failures 400 by field, a body
    over the size limit 413 (issue 13, finding 8: it was a 500), an object outside the caller's
    scope 404."""

    @api.exception_handler(ValidationError)
    def validation_error(request, exc: ValidationError):
        detail = exc.message_dict if hasattr(exc, "error_dict") else {"__all__": exc.messages}
        return api.create_response(request, {"detail": detail}, status=400)

    @api.exception_handler(PermissionDenied)
    def permission_denied(request, exc: PermissionDenied):
        return api.create_response(request, {"detail": str(exc) or _("You may not do this.")}, status=403)

    @api.exception_handler(RequestDataTooBig)
    def request_too_big(request, exc: RequestDataTooBig):
        return api.create_response(request, {"detail": too_big_message()}, status=413)

    @api.exception_handler(Http404)
    def not_found(request, exc: Http404):
        return api.create_response(request, {"detail": _("Not found, or outside your scope.")}, status=404)


def clean_query_text(view_func):
    """Every text argument of an operation (query and path parameters; bodies are schemas, cleaned
    by core.schemas.CleanInput) goes through `core.text.clean_text`: a NUL or other control
    character is refused by name with 400 instead of reaching the database (PostgreSQL cannot hold
    NUL in text: it was a 500). Installed on the whole API by thidua/api.py."""

    @wraps(view_func)
    def view(request, *args, **kwargs):
        errors: dict[str, list[str]] = {}
        for name, value in kwargs.items():
            if isinstance(value, str):
                try:
                    kwargs[name] = clean_text(value, label=name, max_length=QUERY_TEXT_LIMIT)
                except ValidationError as exc:
                    errors[name] = exc.messages
        if errors:
            raise ValidationError(errors)
        return view_func(request, *args, **kwargs)

    return view
