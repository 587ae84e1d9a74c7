"""Background work every app shares, run by the task worker (`manage.py db_worker`)."""

from django.apps import apps
from django_tasks import task

from core.import_checks import resolve, run_check


@task()
def check_import(model_label: str, batch_id: int, check: str, preview: str) -> str:
    """The full row-by-row check of an uploaded import (core.import_checks.run_check)."""
    return run_check(apps.get_model(model_label), batch_id, resolve(check), resolve(preview))
