"""The app server's process: what it loads at start is kept out of the garbage collector's full
passes, so a busy worker does not stop for a walk over all of Django every few heavy pages."""

import gc
import importlib
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_the_objects_loaded_at_start_are_frozen_out_of_full_collections():
    gc.unfreeze()
    try:
        sys.modules.pop("thidua.wsgi", None)
        wsgi = importlib.import_module("thidua.wsgi")
        assert callable(wsgi.application)
        assert gc.get_freeze_count() > 10_000  # Django and the apps: hundreds of thousands of objects
    finally:
        gc.unfreeze()


def test_the_urlconf_and_its_views_are_loaded_before_the_freeze():
    """The first request would otherwise import them after it, and every full collection of a busy
    worker would walk them again (~75,000 objects: ~40-55 ms in one fresh dashboard)."""
    probe = (
        "import gc, sys, thidua.wsgi; "
        "views = sys.modules.get('reports.views'); "
        "print(views is not None and not any(o is views.dashboard for o in gc.get_objects()))"
    )
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "thidua.settings"}
    done = subprocess.run(
        [sys.executable, "-c", probe], env=env, cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == "True"
