"""The app server's process: what it loads at start is kept out of the garbage collector's full
passes, so a busy worker does not stop for a walk over all of Django every few heavy pages."""

import gc
import importlib
import sys


def test_the_objects_loaded_at_start_are_frozen_out_of_full_collections():
    gc.unfreeze()
    try:
        sys.modules.pop("thidua.wsgi", None)
        wsgi = importlib.import_module("thidua.wsgi")
        assert callable(wsgi.application)
        assert gc.get_freeze_count() > 10_000  # Django and the apps: hundreds of thousands of objects
    finally:
        gc.unfreeze()
