"""The JSON API under /api/v1/: one NinjaAPI, one router per app, the same permission
predicates as the pages. Authentication: a bearer token (no cookies, no CSRF) or the browser
session (with CSRF). The token is tried first: ninja's SessionAuth raises on a missing CSRF token
before any later authenticator runs, which made every token write a 403 (issue 13, finding 7)."""

from accounts.api_auth import TokenAuth
from core.api import SessionCsrfAuth, ThiduaAPI, clean_query_text, install_error_handlers

api = ThiduaAPI(
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


api.add_decorator(clean_query_text)
install_error_handlers(api)
