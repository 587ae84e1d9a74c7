"""The app's URLs plus the framework's ceiling: a bare view behind the same middleware.
Selected only by the bench's gunicorn (ROOT_URLCONF=bench.urls)."""

from django.http import HttpResponse
from django.urls import path

from thidua.urls import urlpatterns as app_urlpatterns

_BODY = b"<!DOCTYPE html><html lang=\"vi\"><head><title>ceiling</title></head><body>ok</body></html>"


def ceiling(request):
    """Does nothing: what Django, the middleware and gunicorn cost for one request."""
    return HttpResponse(_BODY)


urlpatterns = [path("__bench__/ceiling", ceiling, name="bench_ceiling"), *app_urlpatterns]
