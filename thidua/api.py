"""The JSON API under /api/v1/: one NinjaAPI, one router per app, the same permission
predicates as the pages. Authentication: the browser session (with CSRF) or a bearer token."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import NinjaAPI
from ninja.security import HttpBearer, SessionAuth

from accounts.models import ApiToken


class TokenAuth(HttpBearer):
    def authenticate(self, request, token):
        api_token = ApiToken.objects.select_related("user").filter(key_hash=ApiToken.hash_key(token)).first()
        if api_token is None or not api_token.user.is_active:
            return None
        ApiToken.objects.filter(pk=api_token.pk).update(last_used_at=timezone.now())
        request.user = api_token.user
        return api_token.user


api = NinjaAPI(
    title="thidua API",
    version="1",
    description="Thi đua, khen thưởng — API của hệ thống. Xác thực: phiên đăng nhập hoặc `Authorization: Bearer <token>`.",
    auth=[SessionAuth(), TokenAuth()],
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
