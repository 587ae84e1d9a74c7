"""The page step every Excel import shares: upload, check every row, keep the file and the
verdict as a batch record, show the errors or a preview. Writing happens only when the
officer confirms the batch, in the importing app's own view."""

from collections.abc import Callable
from typing import Any

from django.core.exceptions import ValidationError

MAX_ERRORS_KEPT = 500


# batch_model: an import batch model (`objects`, a `Status` with CHECKED and INVALID); no common base yet
def upload_and_check(request, *, unit, form, check: Callable[[Any, Any], Any], batch_model: Any,
                     preview: Callable[[Any], list]) -> dict:
    """Handle a posted import form: `check(file, unit)` reads the file (raising ValidationError
    for a file that cannot be read at all), a `batch_model` row records the upload as checked or
    invalid. Returns the template context: form and unit, plus batch, checked and preview when a
    file was checked."""
    context = {"form": form, "unit": unit}
    if request.method != "POST" or not form.is_valid():
        return context
    upload = form.cleaned_data["file"]
    try:
        checked = check(upload, unit)
    except ValidationError as exc:
        form.add_error("file", exc.messages)
        return context
    batch = batch_model.objects.create(
        unit=unit, file=upload, original_name=upload.name[:255], row_count=checked.row_count,
        status=batch_model.Status.INVALID if checked.errors else batch_model.Status.CHECKED,
        errors=[e.as_dict() for e in checked.errors[:MAX_ERRORS_KEPT]], created_by=request.user,
    )
    context.update(batch=batch, checked=checked, preview=preview(checked))
    return context
