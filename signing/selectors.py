"""Reads of signing: a decision's signed files, and what the public verification page shows."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Case, CharField, F, OuterRef, Q, QuerySet, Subquery, When
from django.db.models.functions import Left, Length
from django.utils.translation import gettext as _

from awards.models import AwardRecord, Decision
from awards.printing import issued_form_name
from core.text import search_words
from signing.models import SignedPdf, SigningIdentity

__all__ = [
    "PublicFacts",
    "certificates_zip",
    "decision_signing",
    "signed_document_file",
    "unit_identities",
    "public_awards",
    "public_facts",
    "signed_certificates",
    "signed_file",
    "verification",
]


def signed_file(target, kind: str, *, signed_only: bool = False) -> SignedPdf | None:
    """The file of `kind` made for `target` (a decision, an issued document, a council session): in
    any status, for a page that says how it stands; or `signed_only`, once there is one, for a
    download that then offers the signed file in place of the unsigned rendering."""
    files = target.signed_pdfs.filter(kind=kind)
    if signed_only:
        files = files.filter(status=SignedPdf.Status.SIGNED)
    return files.first()


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


def signed_document_file(document) -> SignedPdf | None:
    """The signed file that stands for a document of the registry once there is one: its own, or,
    for an award decision, the decision's (then the unsigned renderings are not offered)."""
    return (
        SignedPdf.objects.filter(status=SignedPdf.Status.SIGNED)
        .filter(
            Q(kind=SignedPdf.Kind.DOCUMENT, document=document)
            | Q(kind=SignedPdf.Kind.DECISION, decision__document=document)
        )
        .first()
    )


@dataclass(frozen=True)
class IdentityRow:
    identity: SigningIdentity
    subject: str
    issuer: str
    valid_until: object


def unit_identities(unit) -> list[IdentityRow]:
    """The unit's active signing certificates, with what the certificate itself says."""
    from cryptography import x509

    rows = []
    for identity in SigningIdentity.objects.filter(unit=unit, active=True).order_by("kind"):
        cert = x509.load_pem_x509_certificate(identity.certificate_pem.encode())
        rows.append(
            IdentityRow(
                identity=identity,
                subject=cert.subject.rfc4514_string(),
                issuer=cert.issuer.rfc4514_string(),
                valid_until=cert.not_valid_after_utc,
            )
        )
    return rows


def verification(code: str) -> SignedPdf | None:
    if not code.isalnum() or len(code) > 32:
        return None
    return (
        SignedPdf.objects.select_related(
            "decision__document",
            "decision__deciding_unit",
            "record__member",
            "record__unit",
            "record__form",
            "document__doc_type",
            "document__issuer_unit",
            "session__deciding_unit",
        )
        .filter(code=code.lower())
        .first()
    )


@dataclass(frozen=True)
class PublicFacts:
    """What anyone may learn about a signed file: for a decision or certificate, nothing personal
    beyond the name as the decision prints it; for a document, its number, date, issuer and
    summary; for council minutes, the meeting (the votes stay in the file)."""

    kind: str
    number_symbol: str
    decided_on: object
    issuer: str
    awardees: list[tuple[str, str]] = field(default_factory=list)  # (name as printed, form or title)
    subject: str = ""  # a document's type and summary, a council session's title
    state: str = "in_force"  # in_force | corrected | revoked
    state_label: str = ""
    replaced_by: str = ""


def _holder(record: AwardRecord) -> str:
    return record.holder_name


def _document_facts(signed: SignedPdf) -> PublicFacts:
    from documents.models import Document

    document = signed.document
    assert document is not None and document.issuer_unit is not None, "only issued documents are signed"
    if document.status == Document.Status.REVOKED:
        state, label = "revoked", _("Revoked: the document no longer stands")
    else:
        state, label = "in_force", _("Issued and in force")
    return PublicFacts(
        kind=signed.kind,
        number_symbol=document.number_symbol,
        decided_on=document.issued_on,
        issuer=document.issuer_unit.name,
        subject=f"{document.doc_type.name}: {document.summary}",
        state=state,
        state_label=label,
    )


def _minutes_facts(signed: SignedPdf) -> PublicFacts:
    session = signed.session
    assert session is not None, "minutes name their session (a database constraint)"
    return PublicFacts(
        kind=signed.kind,
        number_symbol="",
        decided_on=session.held_on,
        issuer=session.deciding_unit.name,
        subject=session.title,
        state="in_force",
        state_label=_("Minutes of a closed council session, as signed"),
    )


def public_facts(signed: SignedPdf) -> PublicFacts:
    if signed.kind == SignedPdf.Kind.DOCUMENT:
        return _document_facts(signed)
    if signed.kind == SignedPdf.Kind.MINUTES:
        return _minutes_facts(signed)
    decision = signed.decision
    assert decision is not None, "a decision or certificate names its decision (a database constraint)"
    issuer = decision.deciding_unit
    # the form as the decision prints it: the issuing body's own name for it
    if signed.record is not None:
        awardees = [(_holder(signed.record), issued_form_name(signed.record.form, issuer))]
        withdrawn = signed.record.revoked_at is not None
    else:
        awardees = [
            (_holder(r), issued_form_name(r.form, issuer))
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
        issuer=issuer.name,
        awardees=awardees,
        state=state,
        state_label=label,
        replaced_by=replaced_by,
    )


LOOKUP_WORDS = 8  # more words than a name and a unit ever need


def _words_match(field: str, text: str) -> Q:
    """Every word of the folded text starts a word of the folded field ("hoa an" finds "Hòa An")."""
    query = Q()
    for word in search_words(text)[:LOOKUP_WORDS]:
        query &= Q(**{f"{field}__startswith": word}) | Q(**{f"{field}__contains": f" {word}"})
    return query


def public_awards(*, name: str = "", unit: str = "") -> QuerySet[AwardRecord]:
    """The public lookup of awards (tra cứu khen thưởng): the awards of decisions in force, signed
    (each row links to its verification page), of deciding units that publish their awards, and
    not revoked; found by the awardee's name (the member's name, never their code: a code typed
    finds nothing) and by unit (the member's unit, or the collective). Each row carries only what
    the verification page shows, and the code of that page (the certificate's, else the
    decision's)."""
    signed = SignedPdf.objects.filter(status=SignedPdf.Status.SIGNED)
    records = (
        AwardRecord.objects.filter(
            decision__status=Decision.Status.ISSUED,
            decision__deciding_unit__publishes_awards=True,
            revoked_at__isnull=True,
        )
        .annotate(
            decision_code=Subquery(
                signed.filter(kind=SignedPdf.Kind.DECISION, decision=OuterRef("decision")).values("code")[:1]
            ),
            certificate_code=Subquery(
                signed.filter(kind=SignedPdf.Kind.CERTIFICATE, record=OuterRef("pk")).values("code")[:1]
            ),
            # the member's folded name: their search text without its last word, the member code
            holder_folded=Case(
                When(
                    member__isnull=False,
                    then=Left(
                        "member__search_text", Length("member__search_text") - Length("member__code") - 1
                    ),
                ),
                default=F("unit__search_text"),
                output_field=CharField(),
            ),
        )
        .filter(decision_code__isnull=False)
    )
    if name.strip():
        records = records.filter(_words_match("holder_folded", name))
    if unit.strip():
        records = records.filter(
            _words_match("member__unit__search_text", unit) | _words_match("unit__search_text", unit)
        )
    return records.select_related(
        "member", "unit", "form", "decision__document", "decision__deciding_unit"
    ).order_by("-decision__decided_on", "-decision_id", "form__sort_order", "pk")
