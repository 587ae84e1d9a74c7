"""The public check of an uploaded PDF against a verification code: is it exactly the file issued
(SHA-256), are its signatures valid and whose (against the trust roots), does the award stand.

Bounded: the size (SIGNING_VERIFY_MAX_MB), the pages (SIGNING_VERIFY_MAX_PAGES) and the time
(SIGNING_VERIFY_SECONDS: past it the visitor is told so; the check runs in a worker thread and
its result is dropped). Nothing of the upload is stored."""

from __future__ import annotations

import concurrent.futures
import hashlib
from dataclasses import dataclass, field

from django.conf import settings
from django.utils.translation import gettext as _

from signing.models import SignedPdf
from signing.pdf import SignatureCheck, check_signatures, page_count

__all__ = ["UploadCheck", "check_upload"]

_pool = concurrent.futures.ThreadPoolExecutor(max_workers=2, thread_name_prefix="verify")


@dataclass
class UploadCheck:
    error: str = ""  # the upload could not be checked: why
    identical: bool = False  # byte for byte the file issued
    signatures: list[SignatureCheck] = field(default_factory=list)

    @property
    def all_valid(self) -> bool:
        return bool(self.signatures) and all(s.valid and s.covers_whole_file for s in self.signatures)


def _inspect(data: bytes) -> tuple[int, list[SignatureCheck]]:
    pages = page_count(data)
    if pages > settings.SIGNING_VERIFY_MAX_PAGES:
        return pages, []  # not worth validating: nothing issued here is that long
    return pages, check_signatures(data)


def check_upload(signed: SignedPdf, data: bytes) -> UploadCheck:
    limit = settings.SIGNING_VERIFY_MAX_MB * 1024 * 1024
    if len(data) > limit:
        return UploadCheck(
            error=_(
                "The file is larger than %(limit)d MB: no certificate or decision issued here is that large."
            )
            % {"limit": settings.SIGNING_VERIFY_MAX_MB}
        )
    if not data.lstrip()[:5] == b"%PDF-":
        return UploadCheck(
            error=_("The file is not a PDF. Choose the PDF file of the decision or certificate.")
        )
    result = UploadCheck(identical=bool(signed.sha256) and hashlib.sha256(data).hexdigest() == signed.sha256)
    future = _pool.submit(_inspect, data)
    try:
        pages, signatures = future.result(timeout=settings.SIGNING_VERIFY_SECONDS)
    except concurrent.futures.TimeoutError:
        future.cancel()
        result.error = _("Checking the file took too long; it was stopped. Is it really the file issued?")
        return result
    except Exception:  # a malformed PDF raises anything from the parser: the visitor is told so
        result.error = _("The file could not be read as a PDF: it is damaged or not a PDF.")
        return result
    if pages > settings.SIGNING_VERIFY_MAX_PAGES:
        result.error = _(
            "The file has %(pages)d pages, more than any decision issued here; it was not checked."
        ) % {"pages": pages}
        return result
    result.signatures = signatures
    return result
