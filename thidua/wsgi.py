"""
WSGI config for thidua project.

It exposes the WSGI callable as a module-level variable named ``application``.

For more information on this file, see
https://docs.djangoproject.com/en/5.2/howto/deployment/wsgi/
"""

import gc
import os

from django.core.wsgi import get_wsgi_application
from django.urls import get_resolver

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "thidua.settings")

application = get_wsgi_application()

# The URLconf and its routes, which the first request would load: every view module, the API and
# what they import (docx, openpyxl, pydantic...), ~75,000 long-lived objects. Loaded after the
# freeze below, a fresh dashboard's full collection walked them every ~11 requests (~40-55 ms
# in one request; ~12 ms loaded here). docs/scaling.md §5.4 has the measurements.
get_resolver().reverse_dict  # noqa: B018 - imports the URLconf and reads its routes

# What is loaded by now (Django, the apps, their models, the URLconf) lives as long as the worker:
# kept out of the collector's full passes, which otherwise walk it all again every ~20 fresh
# dashboards (a pause of ~140-190 ms in one request; ~40 ms frozen).
gc.freeze()
