"""Background work of the reports area: generating a review report (a PDF of a large subtree
takes WeasyPrint a while)."""

import logging
from collections.abc import Callable

from django.core.files.base import ContentFile
from django.utils import timezone, translation
from django_tasks import task

from reports.models import ReportJob
from reports.review import ReviewFigures, review_docx, review_figures, review_pdf, review_xlsx

logger = logging.getLogger(__name__)

RENDERERS: dict[str, Callable[[ReviewFigures], bytes]] = {
    ReportJob.Format.DOCX: review_docx,
    ReportJob.Format.PDF: review_pdf,
    ReportJob.Format.XLSX: review_xlsx,
}


@task()
def generate_report(job_id: int) -> None:
    job = ReportJob.objects.select_related("unit").get(pk=job_id)
    if job.status == ReportJob.Status.READY:
        return
    ReportJob.objects.filter(pk=job.pk).update(status=ReportJob.Status.RUNNING)
    try:
        # an official document's content is Vietnamese whatever the requester's interface language
        with translation.override("vi"):
            figures = review_figures(job.unit, job.date_from, job.date_to, job.kind)
            content = RENDERERS[job.format](figures)
    except Exception as exc:  # noqa: BLE001 - recorded on the job, shown to the user
        logger.exception("review report %s failed", job.pk)
        ReportJob.objects.filter(pk=job.pk).update(
            status=ReportJob.Status.FAILED, error=str(exc)[:2000], finished_at=timezone.now()
        )
        return
    job.file.save(job.filename, ContentFile(content), save=False)
    job.status = ReportJob.Status.READY
    job.finished_at = timezone.now()
    job.save(update_fields=["file", "status", "finished_at"])
