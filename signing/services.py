"""Writes of signing: asking for a decision's files, an issued document or a council session's
minutes to be signed; registering a unit's certificate."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from accounts import permissions
from awards.models import CouncilSession, Decision
from core.text import fold
from documents.models import Document
from organisations.models import Unit
from signing import certificates
from signing.models import SignedPdf, SigningIdentity

__all__ = [
    "PKCS12_MAX_BYTES",
    "queue_signing",
    "register_identity",
    "request_document_signing",
    "request_minutes_signing",
    "request_signing",
]


def _queue(decision: Decision, actor) -> int:
    """Pending rows for the decision and each award not yet signed, and the task on commit."""
    wanted: list[tuple[str, int | None]] = [(SignedPdf.Kind.DECISION, None)]
    wanted += [(SignedPdf.Kind.CERTIFICATE, pk) for pk in decision.records.values_list("pk", flat=True)]
    existing: dict[tuple[str, int | None], str] = {
        (kind, record_id): status
        for kind, record_id, status in decision.signed_pdfs.values_list("kind", "record_id", "status")
    }
    queued = 0
    for kind, record_id in wanted:
        status = existing.get((kind, record_id))
        if status == SignedPdf.Status.SIGNED:
            continue
        if status is None:
            SignedPdf.objects.create(kind=kind, decision=decision, record_id=record_id, requested_by=actor)
        else:
            SignedPdf.objects.filter(decision=decision, kind=kind, record_id=record_id).update(
                status=SignedPdf.Status.PENDING, error=""
            )
        queued += 1
    if queued:
        from signing.tasks import sign_decision

        transaction.on_commit(lambda: sign_decision.enqueue(decision.pk))
    return queued


def queue_signing(*, decision: Decision, actor=None) -> int:
    """Called when a decision is issued: its files are signed in the task worker when the deciding
    unit holds a signing certificate (otherwise nothing happens, and the decision is printed
    unsigned as before)."""
    if decision.status != Decision.Status.ISSUED:
        return 0
    holds = SigningIdentity.objects.filter(
        unit_id=decision.deciding_unit_id, kind=SigningIdentity.Kind.PERSON, active=True
    ).exists()
    return _queue(decision, actor) if holds else 0


def _holds_certificate(unit: Unit) -> None:
    if not SigningIdentity.objects.filter(unit=unit, kind=SigningIdentity.Kind.PERSON, active=True).exists():
        raise ValidationError(
            _("%(unit)s holds no signing certificate: ask the administrator to register one.")
            % {"unit": unit.name}
        )


def _queue_file(kind: str, actor, **target) -> SignedPdf:
    """The one signed file of a document or minutes, pending (again, after a failure), and the task
    on commit; refused once it is signed."""
    item = SignedPdf.objects.select_for_update().filter(kind=kind, **target).first()
    if item is not None and item.status == SignedPdf.Status.SIGNED:
        raise ValidationError(_("This file is already signed; the signed file is never replaced."))
    if item is None:
        item = SignedPdf.objects.create(kind=kind, requested_by=actor, **target)
    else:
        SignedPdf.objects.filter(pk=item.pk).update(
            status=SignedPdf.Status.PENDING, error="", requested_by=actor
        )
    from signing.tasks import sign_one_file

    pk = item.pk
    transaction.on_commit(lambda: sign_one_file.enqueue(pk))
    return item


@transaction.atomic
def request_document_signing(*, actor, document: Document) -> SignedPdf:
    """Sign an issued document of the registry (a plan, a directive...) with its issuing unit's
    certificates. An award decision is signed from its decision page, with its certificates."""
    document = (
        Document.objects.select_for_update(of=("self",)).select_related("issuer_unit").get(pk=document.pk)
    )
    if not permissions.can_sign_document(actor, document):
        raise PermissionDenied
    if document.status != Document.Status.ISSUED:
        raise ValidationError(_("Only an issued document in force is signed."))
    if Decision.objects.filter(document=document).exists():
        raise ValidationError(
            _(
                "This document is an award decision: it is signed from the decision's page, with its certificates."
            )
        )
    assert document.issuer_unit is not None, "can_sign_document allows only a unit's own documents"
    _holds_certificate(document.issuer_unit)
    return _queue_file(SignedPdf.Kind.DOCUMENT, actor, document=document)


@transaction.atomic
def request_minutes_signing(*, actor, session: CouncilSession) -> SignedPdf:
    """Sign a closed council session's minutes with the deciding unit's certificates."""
    session = (
        CouncilSession.objects.select_for_update(of=("self",))
        .select_related("deciding_unit")
        .get(pk=session.pk)
    )
    if not permissions.can_sign_minutes(actor, session):
        raise PermissionDenied
    if session.status != CouncilSession.Status.CLOSED:
        raise ValidationError(_("The minutes are signed once the session is closed: close the voting first."))
    _holds_certificate(session.deciding_unit)
    return _queue_file(SignedPdf.Kind.MINUTES, actor, session=session)


@transaction.atomic
def request_signing(*, actor, decision: Decision) -> int:
    """Sign (or sign again, after a failure) what of a decision in force is not signed yet."""
    decision = Decision.objects.select_for_update(of=("self",)).get(pk=decision.pk)
    if not permissions.can_sign_decision(actor, decision.deciding_unit):
        raise PermissionDenied
    if decision.status != Decision.Status.ISSUED:
        raise ValidationError(
            _("Only a decision in force is signed; a corrected decision is signed as a new one.")
        )
    _holds_certificate(decision.deciding_unit)
    queued = _queue(decision, actor)
    if not queued:
        raise ValidationError(_("Every file of this decision is already signed."))
    return queued


PKCS12_MAX_BYTES = 64 * 1024  # a key, its certificate and a chain take a few kilobytes


def _holder_name(cert, kind: str) -> str:
    from cryptography.x509.oid import NameOID

    def first(oid) -> str:
        values = cert.subject.get_attributes_for_oid(oid)
        return str(values[0].value) if values else ""

    common, organisation = first(NameOID.COMMON_NAME), first(NameOID.ORGANIZATION_NAME)
    if kind == SigningIdentity.Kind.ORGANISATION:
        return organisation or common
    return common or organisation


def _organisation_named(cert, kind: str) -> str:
    """The organisation a certificate was issued to (its O; for an organisation's certificate
    without one, its CN), which must be the unit registering it, by its full or its short name
    (authorities print either: "Liên đoàn Lao động tỉnh Cao Bằng", "LĐLĐ tỉnh Cao Bằng")."""
    from cryptography.x509.oid import NameOID

    for oid in (NameOID.ORGANIZATION_NAME, NameOID.COMMON_NAME):
        values = cert.subject.get_attributes_for_oid(oid)
        if values:
            return str(values[0].value)
        if kind != SigningIdentity.Kind.ORGANISATION:
            return ""
    return ""


@transaction.atomic
def register_identity(
    *, actor, unit: Unit, kind: str, source: str, upload=None, passphrase: str = "", key_label: str = ""
) -> SigningIdentity:
    """Register the certificate a unit was issued: the person with authority's or the
    organisation's (in place of the seal), from a PKCS#12 file (its key then kept encrypted with
    SIGNING_PKCS12_PASSPHRASE; the passphrase typed here is not kept) or a key in the PKCS#11
    token by its label. It must be valid today and issued by a trusted authority; it replaces the
    unit's active identity of that kind (kept in history)."""
    from cryptography.hazmat.primitives import hashes, serialization

    if not permissions.can_register_signing_certificate(actor, unit):
        raise PermissionDenied
    if kind not in SigningIdentity.Kind.values:
        raise ValidationError({"kind": _("Choose whose signature the certificate makes.")})
    if source == SigningIdentity.Source.PKCS12:
        if upload is None:
            raise ValidationError({"pkcs12": _("Choose the PKCS#12 file (.p12, .pfx) of the certificate.")})
        if upload.size > PKCS12_MAX_BYTES:
            raise ValidationError(
                {
                    "pkcs12": _("The file is larger than %(kb)d KB: a PKCS#12 key file is a few kilobytes.")
                    % {"kb": PKCS12_MAX_BYTES // 1024}
                }
            )
        try:
            key, cert, chain = certificates.read_pkcs12(upload.read(), passphrase)
        except certificates.CertificateRefused as exc:
            raise ValidationError({"pkcs12": str(exc)}) from exc
        field = "pkcs12"
    elif source == SigningIdentity.Source.PKCS11:
        key_label = key_label.strip()
        if not key_label or len(key_label) > 64:
            raise ValidationError(
                {"key_label": _("Give the label of the key in the token (at most 64 characters).")}
            )
        # the token is the whole site's: a label another unit registered is that unit's key
        if SigningIdentity.objects.filter(source=source, key_label=key_label).exclude(unit=unit).exists():
            raise ValidationError(
                {
                    "key_label": _(
                        "The key labelled “%(label)s” is already registered for another unit: a unit "
                        "signs only with its own key."
                    )
                    % {"label": key_label}
                }
            )
        try:
            cert = certificates.token_certificate(key_label)
        except certificates.CertificateRefused as exc:
            raise ValidationError({"key_label": str(exc)}) from exc
        chain, field = [], "key_label"
    else:
        raise ValidationError({"source": _("Choose where the key is.")})
    if problem := certificates.certificate_problem(cert, chain):
        raise ValidationError({field: problem})
    holder = _holder_name(cert, kind)
    if not holder:
        raise ValidationError({field: _("The certificate names no person or organisation.")})
    names = {fold(name) for name in (unit.name, unit.short_name) if name}
    if (issued_to := _organisation_named(cert, kind)) and fold(issued_to) not in names:
        raise ValidationError(
            {
                field: _(
                    "The certificate was issued to %(organisation)s, not to %(unit)s: register it on "
                    "that unit's page."
                )
                % {"organisation": issued_to, "unit": unit.name}
            }
        )
    if source == SigningIdentity.Source.PKCS12:
        try:
            key_label = certificates.store_pkcs12(key, cert, chain)
        except certificates.CertificateRefused as exc:
            raise ValidationError({field: str(exc)}) from exc
    for previous in SigningIdentity.objects.select_for_update().filter(unit=unit, kind=kind, active=True):
        previous.active = False
        previous._history_user = actor
        previous.save(update_fields=["active"])
    identity = SigningIdentity(
        unit=unit,
        kind=kind,
        holder_name=holder[:255],
        certificate_pem=cert.public_bytes(serialization.Encoding.PEM).decode(),
        fingerprint=cert.fingerprint(hashes.SHA256()).hex(),
        source=source,
        key_label=key_label,
    )
    identity._history_user = actor
    identity.save()
    return identity
