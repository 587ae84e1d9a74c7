"""Reads of signing: a decision's signed files, and what the public verification page shows."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from awards.models import AwardRecord, Decision
from signing.models import SignedPdf

__all__ = [
    "PublicFacts",
    "certificates_zip",
    "decision_signing",
    "public_facts",
    "signed_certificates",
    "signed_decision",
    "verification",
]


def signed_decision(decision: Decision) -> SignedPdf | None:
    """The signed file of the decision, once there is one (then the unsigned one is not offered)."""
    return decision.signed_pdfs.filter(kind=SignedPdf.Kind.DECISION, status=SignedPdf.Status.SIGNED).first()


def signed_certificates(decision: Decision) -> list[SignedPdf]:
    return list(
        decision.signed_pdfs.filter(kind=SignedPdf.Kind.CERTIFICATE, status=SignedPdf.Status.SIGNED)
        .select_related("record__member", "record__unit", "record__form")
        .order_by("record__form__sort_order", "record_id")
    )


def certificates_zip(signed: list[SignedPdf]) -> bytes:
    """The signed certificates, one PDF each, named by the awardee."""
    import io
    import zipfile

    from core.text import slugify_vi

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive:
        for index, item in enumerate(signed, start=1):
            assert item.record is not None, "a certificate names its record (a database constraint)"
            with item.file.open("rb") as handle:
                archive.writestr(f"{index:03d}-{slugify_vi(item.record.holder_name)}.pdf", handle.read())
    return buffer.getvalue()


def decision_signing(decision: Decision) -> dict:
    """What the decision page says about signing: the files by status, and the verification codes."""
    rows = list(decision.signed_pdfs.select_related("record__member", "record__unit", "record__form"))
    return {
        "decision_pdf": next((r for r in rows if r.kind == SignedPdf.Kind.DECISION), None),
        "certificates": [r for r in rows if r.kind == SignedPdf.Kind.CERTIFICATE],
        "signed": sum(1 for r in rows if r.status == SignedPdf.Status.SIGNED),
        "pending": sum(1 for r in rows if r.status == SignedPdf.Status.PENDING),
        "failed": [r for r in rows if r.status == SignedPdf.Status.FAILED],
    }


def verification(code: str) -> SignedPdf | None:
    if not code.isalnum() or len(code) > 32:
        return None
    return (
        SignedPdf.objects.select_related(
            "decision__document", "decision__deciding_unit", "record__member", "record__unit", "record__form"
        )
        .filter(code=code.lower())
        .first()
    )


@dataclass(frozen=True)
class PublicFacts:
    """What anyone may learn about a signed decision or certificate: nothing personal beyond the
    name as the decision prints it."""

    kind: str
    number_symbol: str
    decided_on: object
    issuer: str
    awardees: list[tuple[str, str]] = field(default_factory=list)  # (name as printed, form or title)
    state: str = "in_force"  # in_force | corrected | revoked
    state_label: str = ""
    replaced_by: str = ""


def _holder(record: AwardRecord) -> str:
    return record.holder_name


def public_facts(signed: SignedPdf) -> PublicFacts:
    decision = signed.decision
    if signed.record is not None:
        awardees = [(_holder(signed.record), signed.record.form.name)]
        withdrawn = signed.record.revoked_at is not None
    else:
        awardees = [
            (_holder(r), r.form.name)
            for r in decision.records.select_related("member", "unit", "form").order_by(
                "form__sort_order", "pk"
            )
        ]
        withdrawn = False
    replaced_by = ""
    if decision.status == Decision.Status.REVOKED:
        state, label = "revoked", _("Revoked: the award no longer stands")
    elif decision.status == Decision.Status.REPLACED:
        state, label = "corrected", _("Corrected by a later decision: this one no longer stands")
        newer = Decision.objects.filter(replaces=decision).select_related("document").first()
        replaced_by = newer.number_symbol if newer is not None else ""
    elif withdrawn:
        state, label = "revoked", _("Revoked: the award no longer stands")
    else:
        state, label = "in_force", _("In force: the award stands")
    return PublicFacts(
        kind=signed.kind,
        number_symbol=decision.number_symbol,
        decided_on=decision.decided_on,
        issuer=decision.deciding_unit.name,
        awardees=awardees,
        state=state,
        state_label=label,
        replaced_by=replaced_by,
    )
