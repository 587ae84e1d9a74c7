"""Error handlers of the pages (the API answers its own errors in thidua/api.py)."""

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.http import HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.defaults import bad_request as django_bad_request


def bad_request(request, exception, template_name="400.html"):
    """A form over DATA_UPLOAD_MAX_MEMORY_SIZE answers 413 with a page saying so, not a bare 400."""
    if isinstance(exception, RequestDataTooBig):
        mb = settings.DATA_UPLOAD_MAX_MEMORY_SIZE // (1024 * 1024)
        return render(request, "413.html", {"mb": mb}, status=413)
    return django_bad_request(request, exception, template_name)


def csrf_failure(request, reason=""):
    """CSRF_FAILURE_VIEW: a form sent with a stale or missing token (the page was open past the
    session, or the officer signed in or out in another tab) answers 403 saying what to do, in the
    page's language, instead of Django's English page; an htmx request gets the one sentence."""
    if getattr(request, "htmx", False):
        message = _("The page was open too long or you signed in elsewhere: reload the page and try again.")
        return HttpResponse(message, status=403, content_type="text/plain; charset=utf-8")
    return render(request, "403_csrf.html", status=403)
