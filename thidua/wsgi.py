"""
WSGI config for thidua project.

It exposes the WSGI callable as a module-level variable named ``application``.

For more information on this file, see
https://docs.djangoproject.com/en/5.2/howto/deployment/wsgi/
"""

import gc
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "thidua.settings")

application = get_wsgi_application()

# What is loaded by now (Django, the apps, their models) lives as long as the worker: kept out of
# the collector's full passes, which otherwise walk it all again every ~20 fresh dashboards (a pause
# of ~140-190 ms in one request; ~40 ms frozen). docs/scaling.md §5.4 has the measurements.
gc.freeze()
