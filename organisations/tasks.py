"""Background work of the organisation area, run by the task worker (`manage.py db_worker`)."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django_tasks import task

from organisations.imports import apply_member_import, check_member_file
from organisations.models import MemberImport


@task()
def import_members(import_id: int) -> int:
    """Check the stored file again (the data may have changed since the preview) and
    apply it in one transaction; the import record says how it ended."""
    batch = MemberImport.objects.select_related("unit", "created_by").get(pk=import_id)
    try:
        with batch.file.open("rb") as handle:
            checked = check_member_file(handle, batch.unit)
        if checked.errors:
            raise ValidationError("invalid")
        with transaction.atomic():
            count = apply_member_import(checked.rows, actor=batch.created_by)
            MemberImport.objects.filter(pk=batch.pk).update(
                status=MemberImport.Status.DONE, imported_count=count, finished_at=timezone.now()
            )
        return count
    except ValidationError as exc:
        errors = [e.as_dict() for e in checked.errors] if "checked" in locals() and checked.errors else [
            {"row": 0, "column": "", "message": m} for m in exc.messages
        ]
        MemberImport.objects.filter(pk=batch.pk).update(
            status=MemberImport.Status.FAILED, errors=errors, finished_at=timezone.now()
        )
        return 0
