"""What the task worker does to sign a decision: render each pending file (the decision, then one
certificate per award), sign it with the deciding unit's identities, store it and its SHA-256.

Each file ends signed or failed on its own, with the reason kept; a signed file is never signed
or written again."""

from __future__ import annotations

import hashlib
import logging

from django.conf import settings
from django.core.files.base import ContentFile
from django.utils import timezone

from awards import printing
from awards.models import Decision
from signing.keys import SigningUnavailable
from signing.models import SignedPdf, SigningIdentity
from signing.pdf import Appearance, sign_pdf

logger = logging.getLogger(__name__)

__all__ = ["sign_pending", "verification_url"]


def verification_url(code: str) -> str:
    return f"{settings.SITE_URL.rstrip('/')}/xac-minh/{code}/"


def _identities(decision: Decision) -> tuple[SigningIdentity, SigningIdentity | None]:
    active = {i.kind: i for i in SigningIdentity.objects.filter(unit=decision.deciding_unit, active=True)}
    person = active.get(SigningIdentity.Kind.PERSON)
    if person is None:
        raise SigningUnavailable(f"{decision.deciding_unit} holds no signing certificate")
    return person, active.get(SigningIdentity.Kind.ORGANISATION)


def _certificate_pdfs(decision: Decision) -> dict[int, bytes]:
    """Each certificate alone, as printed in the decision's run (same serial numbers)."""
    from documents.rendering import render_certificates_pdf

    template = decision.certificate_template.html if decision.certificate_template is not None else None
    # printing.certificates numbers the records in this order (awards.printing._records)
    records = decision.records.order_by("form__sort_order", "pk").values_list("pk", flat=True)
    return {
        record_id: render_certificates_pdf([certificate], template)
        for record_id, certificate in zip(records, printing.certificates(decision), strict=True)
    }


def sign_pending(decision_id: int) -> int:
    """Sign the decision's pending files; the number signed."""
    decision = Decision.objects.select_related("document", "deciding_unit").get(pk=decision_id)
    pending = list(decision.signed_pdfs.filter(status=SignedPdf.Status.PENDING).order_by("kind", "record_id"))
    if not pending:
        return 0
    try:
        person, organisation = _identities(decision)
    except SigningUnavailable as exc:
        SignedPdf.objects.filter(pk__in=[p.pk for p in pending]).update(
            status=SignedPdf.Status.FAILED, error=str(exc)
        )
        return 0
    document = decision.document
    appearance = Appearance(
        organisation=decision.deciding_unit.name,
        position=document.signer_position,
        location=document.place,
    )
    certificates = (
        _certificate_pdfs(decision) if any(p.kind == SignedPdf.Kind.CERTIFICATE for p in pending) else {}
    )
    signed = 0
    for item in pending:
        unsigned = (
            printing.decision_pdf(decision)
            if item.kind == SignedPdf.Kind.DECISION
            else certificates[item.record_id]  # type: ignore[index]  # a certificate names its record
        )
        try:
            data = sign_pdf(
                unsigned,
                person=person,
                organisation=organisation,
                appearance=appearance,
                signer_name=document.signer_name,
                code=item.code,
                url=verification_url(item.code),
            )
        except SigningUnavailable as exc:
            logger.warning("signing %s of decision %s failed: %s", item.kind, decision.pk, exc)
            SignedPdf.objects.filter(pk=item.pk).update(status=SignedPdf.Status.FAILED, error=str(exc))
            continue
        name = f"{item.kind}-{item.code}.pdf"
        item.file.save(name, ContentFile(data), save=False)
        item.sha256 = hashlib.sha256(data).hexdigest()
        item.signers = ", ".join(i.holder_name for i in (person, organisation) if i is not None)
        item.status = SignedPdf.Status.SIGNED
        item.signed_at = timezone.now()
        item.error = ""
        item.save(update_fields=["file", "sha256", "signers", "status", "signed_at", "error"])
        signed += 1
    return signed
