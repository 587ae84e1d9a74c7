"""Background work of signing, run by the task worker (`manage.py db_worker`; tests run it inline)."""

from django_tasks import task

from signing.issue import sign_file, sign_pending


@task()
def sign_decision(decision_id: int) -> int:
    """Sign the decision's pending files (the decision and its certificates)."""
    return sign_pending(decision_id)


@task()
def sign_one_file(signed_pdf_id: int) -> bool:
    """Sign a pending issued document or council minutes."""
    return sign_file(signed_pdf_id)
