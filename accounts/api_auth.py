"""The API's bearer-token authentication: an account's own key, tried before the session."""

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja.errors import HttpError
from ninja.security import HttpBearer

from accounts.lockout import client_ip
from accounts.models import ApiToken


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
