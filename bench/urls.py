"""The app's URLs plus the framework's ceiling (a bare view behind the same middleware) and the
floor of a signed-in page (the session, the user and the base layout, nothing else). Selected
only by the bench's gunicorn (ROOT_URLCONF=bench.urls)."""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.template import engines
from django.urls import path

from thidua.urls import urlpatterns as app_urlpatterns

_BODY = b'<!DOCTYPE html><html lang="vi"><head><title>ceiling</title></head><body>ok</body></html>'
_LAYOUT = engines["django"].from_string('{% extends "base.html" %}{% block content %}<p>ok</p>{% endblock %}')


def ceiling(request):
    """Does nothing: what Django, the middleware and gunicorn cost for one request."""
    return HttpResponse(_BODY)


@login_required
def layout(request):
    """An empty signed-in page: what every signed-in page costs before its own work."""
    return HttpResponse(_LAYOUT.render({}, request))


urlpatterns = [
    path("__bench__/ceiling", ceiling, name="bench_ceiling"),
    path("__bench__/layout", layout, name="bench_layout"),
    *app_urlpatterns,
]
