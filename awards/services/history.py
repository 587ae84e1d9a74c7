"""The award history: writing a confirmed import of past awards (checked again, then written whole).

The confirmation itself is queued (awards.tasks.queue_award_import); the task worker calls
`write_award_import` for the attempt it was queued for."""

from django.db import transaction
from django.utils import timezone

from awards.imports import apply_award_import, check_award_file
from awards.models import AwardImport
from core.import_checks import MAX_ERRORS_KEPT

__all__ = ["ImportRejected", "ImportSuperseded", "write_award_import"]


class ImportRejected(Exception):
    """The file has errors now (the history changed since the check): nothing was written."""

    def __init__(self, errors: list[dict], count: int):
        super().__init__(f"{count} errors")
        self.errors, self.count = errors, count


class ImportSuperseded(Exception):
    """The import stopped being this attempt's while it ran (expired as stale, or retried): its
    writes were undone."""


def write_award_import(batch: AwardImport, attempt: int) -> int:
    """Check the stored file again and write its records, and the import's "done", in one
    transaction, for the queued `attempt` only; return how many records were written. Raises
    ImportRejected (row errors) or ValidationError (a file that cannot be read) and writes nothing;
    raises ImportSuperseded, its writes undone, when the attempt is no longer the import's."""
    with batch.file.open("rb") as handle:
        checked = check_award_file(handle, batch.unit)
    if checked.errors:
        raise ImportRejected([e.as_dict() for e in checked.errors[:MAX_ERRORS_KEPT]], len(checked.errors))
    with transaction.atomic():
        count = apply_award_import(checked.records)
        if not AwardImport.objects.filter(
            pk=batch.pk, status=AwardImport.Status.QUEUED, attempt=attempt
        ).update(status=AwardImport.Status.DONE, imported_count=count, finished_at=timezone.now()):
            raise ImportSuperseded
    return count
