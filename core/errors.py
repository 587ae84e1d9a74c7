"""Error handlers of the pages (the API answers its own errors in thidua/api.py)."""

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.shortcuts import render
from django.views.defaults import bad_request as django_bad_request


def bad_request(request, exception, template_name="400.html"):
    """A form over DATA_UPLOAD_MAX_MEMORY_SIZE answers 413 with a page saying so, not a bare 400."""
    if isinstance(exception, RequestDataTooBig):
        mb = settings.DATA_UPLOAD_MAX_MEMORY_SIZE // (1024 * 1024)
        return render(request, "413.html", {"mb": mb}, status=413)
    return django_bad_request(request, exception, template_name)
