"""What the task worker does to sign: render each pending file (a decision, then one certificate
per award; an issued document; a council session's minutes), sign it with the identities of the
unit that issues it, store it and its SHA-256.

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
from organisations.models import Unit
from signing.keys import SigningUnavailable
from signing.models import SignedPdf, SigningIdentity
from signing.pdf import Appearance, sign_pdf

logger = logging.getLogger(__name__)

__all__ = ["sign_file", "sign_pending", "verification_url"]


def verification_url(code: str) -> str:
    return f"{settings.SITE_URL.rstrip('/')}/xac-minh/{code}/"


def _identities(unit: Unit) -> tuple[SigningIdentity, SigningIdentity | None]:
    active = {i.kind: i for i in SigningIdentity.objects.filter(unit=unit, active=True)}
    person = active.get(SigningIdentity.Kind.PERSON)
    if person is None:
        raise SigningUnavailable(f"{unit} holds no signing certificate")
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


def _fail(items: list[SignedPdf], reason: str) -> None:
    SignedPdf.objects.filter(pk__in=[i.pk for i in items]).update(
        status=SignedPdf.Status.FAILED, error=reason
    )


def _sign_and_store(
    item: SignedPdf,
    unsigned: bytes,
    identities: tuple[SigningIdentity, SigningIdentity | None],
    appearance: Appearance,
    signer_name: str,
) -> bool:
    """Sign one file and keep it with its hash; a refusal marks it failed with the reason."""
    person, organisation = identities
    try:
        data = sign_pdf(
            unsigned,
            person=person,
            organisation=organisation,
            appearance=appearance,
            signer_name=signer_name,
            code=item.code,
            url=verification_url(item.code),
        )
    except SigningUnavailable as exc:
        logger.warning("signing %s %s failed: %s", item.kind, item.pk, exc)
        _fail([item], str(exc))
        return False
    item.file.save(f"{item.kind}-{item.code}.pdf", ContentFile(data), save=False)
    item.sha256 = hashlib.sha256(data).hexdigest()
    item.signers = ", ".join(i.holder_name for i in (person, organisation) if i is not None)
    item.status = SignedPdf.Status.SIGNED
    item.signed_at = timezone.now()
    item.error = ""
    item.save(update_fields=["file", "sha256", "signers", "status", "signed_at", "error"])
    return True


def sign_pending(decision_id: int) -> int:
    """Sign the decision's pending files; the number signed."""
    decision = Decision.objects.select_related("document", "deciding_unit").get(pk=decision_id)
    pending = list(decision.signed_pdfs.filter(status=SignedPdf.Status.PENDING).order_by("kind", "record_id"))
    if not pending:
        return 0
    try:
        identities = _identities(decision.deciding_unit)
    except SigningUnavailable as exc:
        _fail(pending, str(exc))
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
        signed += _sign_and_store(item, unsigned, identities, appearance, document.signer_name)
    return signed


def sign_file(signed_pdf_id: int) -> bool:
    """Sign a pending issued document or council minutes (one file each)."""
    from documents import official

    item = SignedPdf.objects.select_related(
        "document__issuer_unit", "document__doc_type", "session__deciding_unit", "session__chair"
    ).get(pk=signed_pdf_id)
    if item.status != SignedPdf.Status.PENDING:
        return False
    if item.document is not None:
        document = item.document
        assert document.issuer_unit is not None, "only a unit's own issued documents are signed"
        unit = document.issuer_unit
        appearance = Appearance(
            organisation=unit.name, position=document.signer_position, location=document.place
        )
        signer_name = document.signer_name
        unsigned = official.document_pdf(document)
    else:
        session = item.session
        assert session is not None, "minutes name their session (a database constraint)"
        unit = session.deciding_unit
        appearance = Appearance(
            organisation=unit.name, position="CHỦ TỊCH HỘI ĐỒNG", location=session.place or unit.name
        )
        signer_name = session.chair.full_name if session.chair is not None else ""
        unsigned = printing.minutes_pdf(session)
    try:
        identities = _identities(unit)
    except SigningUnavailable as exc:
        _fail([item], str(exc))
        return False
    return _sign_and_store(item, unsigned, identities, appearance, signer_name)
