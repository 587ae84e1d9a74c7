"""What every app's views share: a service's ValidationError shown on a form or as messages, and
file downloads."""

from __future__ import annotations

import io

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse
from django.utils.text import get_valid_filename

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PDF = "application/pdf"


def apply_errors(form, exc: ValidationError) -> None:
    """Put a service's ValidationError on the form's fields (at the top when it names no field of
    the form), so the officer sees each message beside what it is about."""
    if hasattr(exc, "error_dict"):
        for field, errors in exc.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, exc)


def error_text(exc: ValidationError) -> str:
    """A ValidationError as one line (for htmx fragments and flash messages)."""
    return " ".join(exc.messages)


def message_errors(request, exc: ValidationError) -> None:
    """A ValidationError as flash messages, one per message (for actions without a form)."""
    for message in exc.messages:
        messages.error(request, message)


def download(
    content, filename: str, content_type: str | None = None, *, inline: bool = False
) -> FileResponse:
    """A file to save (or, `inline`, to show in the browser): bytes or an open file, with its name
    given to the browser in both the ASCII and the UTF-8 form (FileResponse does both)."""
    if isinstance(content, bytes | bytearray):
        content = io.BytesIO(content)
    response = FileResponse(content, as_attachment=not inline, filename=filename or get_valid_filename("tep"))
    if content_type:
        response["Content-Type"] = content_type
    return response
