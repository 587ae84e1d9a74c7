"""The award history: confirming an import of past awards (checked again, then written whole)."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from awards.imports import apply_award_import, check_award_file
from awards.models import AwardImport

__all__ = ["confirm_award_import"]


def confirm_award_import(batch: AwardImport) -> int:
    """Import a checked workbook of past awards and return how many were imported. The file is
    checked again first; the records and the import's "done" are written in one transaction, so
    an import is never half done, nor done twice. A ValidationError's code says why it was not:
    `confirmed` (already confirmed, or has errors) or `changed` (the history changed since the check)."""
    if batch.status != AwardImport.Status.CHECKED:
        raise ValidationError(_("This import was already confirmed or has errors."), code="confirmed")
    batch.file.open("rb")
    try:
        checked = check_award_file(batch.file, batch.unit)
    finally:
        batch.file.close()
    if checked.errors:
        raise ValidationError(_("The history changed since the check; check the file again."), code="changed")
    with transaction.atomic():
        if not AwardImport.objects.filter(pk=batch.pk, status=AwardImport.Status.CHECKED).update(
            status=AwardImport.Status.DONE
        ):
            raise ValidationError(_("This import was already confirmed or has errors."), code="confirmed")
        count = apply_award_import(checked.records)
        AwardImport.objects.filter(pk=batch.pk).update(imported_count=count)
    return count
