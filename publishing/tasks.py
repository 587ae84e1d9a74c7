"""Background work of the publishing area, run by the task worker (`manage.py db_worker`)."""

from django.utils import translation
from django_tasks import task

from publishing.bulletin import generate_bulletin_pdf


@task()
def generate_bulletin_pdf_task(issue_id: int) -> int:
    """Print a bulletin issue (WeasyPrint takes seconds for a large issue: not in the request)."""
    with translation.override("vi"):
        return generate_bulletin_pdf(issue_id)
