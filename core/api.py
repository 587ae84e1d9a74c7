"""What the JSON API shares across apps: the CSRF-checked session authentication (tried after
the bearer token of accounts.api_auth) and its error answers (JSON, in Vietnamese, never a 500 for bad input).
thidua/api.py builds the NinjaAPI from these."""

import types
import typing
from functools import wraps
from typing import Any

import pydantic
from django.conf import settings
from django.core.exceptions import PermissionDenied, RequestDataTooBig, ValidationError
from django.http import Http404
from django.utils.translation import gettext as _
from ninja import NinjaAPI, Schema
from ninja.errors import HttpError, ValidationErrorContext
from ninja.errors import ValidationError as InputError
from ninja.pagination import LimitOffsetPagination
from ninja.security import SessionAuth
from ninja.utils import check_csrf

from core.counting import count_at_most
from core.schemas import CleanInput
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


# Input the schemas refuse (pydantic's checks: a missing field, a wrong type, a bad date) ------------

ALL_FIELDS = "__all__"  # the key of what concerns no one field, as in Django's ValidationError
SHOWN_VALUE = 60  # characters of a refused value quoted back


class ThiduaAPI(NinjaAPI):
    """The NinjaAPI whose refusals of malformed input (422) name each field by its label, so that
    `install_error_handlers` can answer them in the active language (pydantic's own are English)."""

    def validation_error_from_error_contexts(
        self, error_contexts: list[ValidationErrorContext]
    ) -> InputError:
        errors = []
        for context in error_contexts:
            model = context.model
            single = getattr(model, "__read_from_single_attr__", None)  # a body that is one schema
            for error in context.pydantic_validation_error.errors(include_url=False):
                raw = tuple(error["loc"])
                loc = model.__ninja_flatten_map_reverse__.get(raw, raw)
                path = loc[1:] if single and loc[:1] == (single,) else loc
                errors.append(
                    {
                        "type": error["type"],
                        "loc": (model.__ninja_param_source__, *loc),
                        "field": ".".join(str(part) for part in path) or ALL_FIELDS,
                        "label": _field_label(model, raw) if path else "",
                        "ctx": {k: str(v) for k, v in error.get("ctx", {}).items()},
                        "value": _shown(error.get("input")),
                    }
                )
        return InputError(errors)


def _shown(value: Any) -> str | None:
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        return None
    text = str(value)
    return text if len(text) <= SHOWN_VALUE else text[:SHOWN_VALUE] + "…"


def _field_label(model: type, loc: tuple) -> str:
    """The label of the field at `loc`: the model field's verbose name when its schema is a
    `CleanInput` (the name the 400s of core.schemas use), else the field's own name."""
    owner: Any = model
    label = str(loc[-1])
    for part in loc:
        if isinstance(part, int):  # an item of a list: the list's item type is already `owner`
            continue
        fields = getattr(owner, "model_fields", None)
        if not fields or part not in fields:
            break
        if isinstance(owner, type) and issubclass(owner, CleanInput):
            label = owner._text_field(part)[0]
        else:
            label = part
        owner = _schema_in(fields[part].annotation)
    return label


def _schema_in(annotation: Any) -> Any:
    """The schema inside an annotation (`X`, `X | None`, `list[X]`), if any."""
    if isinstance(annotation, type) and issubclass(annotation, pydantic.BaseModel):
        return annotation
    if isinstance(annotation, types.UnionType) or typing.get_origin(annotation) is not None:
        for argument in typing.get_args(annotation):
            if (found := _schema_in(argument)) is not None:
                return found
    return None


def input_error_message(error: dict) -> str:
    """One refusal of a schema, in the active language, naming the field (the kinds of pydantic error
    the API's schemas and parameters can give; any other is said in general words)."""
    kind, ctx = error["type"], error["ctx"]
    if error["field"] == ALL_FIELDS:
        if kind == "json_invalid":
            return _("The request body is not valid JSON.")
        return _("The request body is missing or is not a JSON object.")
    named = {"field": error["label"], "value": error["value"]}
    if kind == "missing":
        return _("%(field)s is required.") % named
    if kind == "string_type":
        return _("%(field)s must be text.") % named
    if kind in {"int_type", "int_parsing", "int_from_float", "int_parsing_size"}:
        return _("%(field)s must be a whole number.") % named
    if kind in {"float_type", "float_parsing"}:
        return _("%(field)s must be a number.") % named
    if kind in {"bool_type", "bool_parsing"}:
        return _("%(field)s must be true or false.") % named
    if kind.startswith("datetime_"):
        return _("%(field)s must be a date and time (ISO 8601, e.g. 2024-12-31T08:30:00+07:00).") % named
    if kind.startswith("date_"):
        if named["value"] is not None:
            return _("“%(value)s” is not a date: %(field)s is written YYYY-MM-DD (e.g. 2024-12-31).") % named
        return _("%(field)s must be a date written YYYY-MM-DD (e.g. 2024-12-31).") % named
    if kind in {"enum", "literal_error"}:
        # pydantic's "'M' or 'F'": the values stay, the English word goes
        choices = ctx.get("expected", "").replace(" or ", ", ")
        return _("%(field)s must be one of: %(choices)s.") % {**named, "choices": choices}
    if kind in {"greater_than", "greater_than_equal", "less_than", "less_than_equal"}:
        bound = {
            "greater_than": _("%(field)s must be greater than %(limit)s."),
            "greater_than_equal": _("%(field)s must be at least %(limit)s."),
            "less_than": _("%(field)s must be less than %(limit)s."),
            "less_than_equal": _("%(field)s must be at most %(limit)s."),
        }[kind]
        return bound % {**named, "limit": next(iter(ctx.values()), "")}
    if kind in {"list_type", "tuple_type", "set_type"}:
        return _("%(field)s must be a list.") % named
    if kind in {"dict_type", "model_type", "model_attributes_type"}:
        return _("%(field)s must be a JSON object.") % named
    return _("%(field)s has a value that is not accepted.") % named


def install_error_handlers(api: NinjaAPI) -> None:
    """Errors answer JSON with a Vietnamese `detail`: business-rule failures 400 by field, input the
    schemas refuse 422 by field in the same shape (`{"detail": {field: [message]}}`, the field named
    by its label: `ThiduaAPI`), a body over the size limit 413 (issue 13, finding 8: it was a 500),
    an object outside the caller's scope 404."""

    @api.exception_handler(InputError)
    def input_error(request, exc: InputError):
        detail: dict[str, list[str]] = {}
        for error in exc.errors:
            message = input_error_message(error)
            if message not in detail.setdefault(error["field"], []):
                detail[error["field"]].append(message)
        return api.create_response(request, {"detail": detail}, status=422)

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
