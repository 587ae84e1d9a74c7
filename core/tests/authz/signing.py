"""signing: the public verification page and lookup of awards, asking for a decision, an issued document or a
council session's minutes to be signed, one signed certificate's download (the signed decision, document and
minutes are downloaded through awards:decision_pdf, documents:pdf/docx and awards:session_minutes), and a
unit's signing certificates (its administrators)."""

from django.core.files.base import ContentFile
from django.utils import timezone

from core.tests.authz import ADMINS, ANY_ROLE, ANY_USER, MANAGERS, PUBLIC, Page


def build(world) -> None:
    from signing.models import SignedPdf

    for side in (world.own, world.foreign):
        # the side's attribute, the kind of file, what it was made for, and its name
        signed = [
            ("signed_decision", SignedPdf.Kind.DECISION, {"decision": side.decision}, "decision"),
            (
                "signed_certificate",
                SignedPdf.Kind.CERTIFICATE,
                {"decision": side.decision, "record": side.record},
                "certificate",
            ),
            ("signed_document", SignedPdf.Kind.DOCUMENT, {"document": side.plan}, "plan"),
            ("signed_minutes", SignedPdf.Kind.MINUTES, {"session": side.closed_session}, "minutes"),
        ]
        for index, (attribute, kind, made_for, name) in enumerate(signed):
            pdf = SignedPdf.objects.create(
                kind=kind,
                status=SignedPdf.Status.SIGNED,
                file=ContentFile(f"%PDF-1.7\n% signed {name}\n".encode(), name=f"{name}.pdf"),
                sha256=str(index) * 64,
                signed_at=timezone.now(),
                **made_for,
            )
            setattr(side, attribute, pdf)


ENTRIES = [
    Page(
        "signing:verify",
        kwargs=lambda s: {"code": s.signed_certificate.code},
        allow=ANY_USER,
        foreign=ANY_USER,
        anonymous=PUBLIC,
        note="public: what the certificate prints, nothing more",
    ),
    Page(
        "signing:lookup",
        scoped=False,
        allow=ANY_USER,
        anonymous=PUBLIC,
        # the empty form: searches are rate-limited per address, and every request here comes from one
        note="public: the lookup of awards on the portal (signing/tests/test_lookup.py)",
    ),
    Page(
        "signing:sign_decision",
        kwargs=lambda s: {"pk": s.decision.pk},
        method="post",
        allow=MANAGERS,
        note="those who issue the decision; a unit without a certificate is told so",
    ),
    Page("signing:certificate_file", kwargs=lambda s: {"pk": s.signed_certificate.pk}, allow=ANY_ROLE),
    Page(
        "signing:sign_document",
        kwargs=lambda s: {"pk": s.plan.pk},
        method="post",
        allow=MANAGERS,
        note="those who issue the unit's documents; an already signed one is told so",
    ),
    Page(
        "signing:sign_minutes",
        kwargs=lambda s: {"pk": s.closed_session.pk},
        method="post",
        allow=MANAGERS,
        note="those who run the unit's council sessions",
    ),
    Page("signing:unit_identities", kwargs=lambda s: {"pk": s.grassroots.pk}, allow=ADMINS),
    Page(
        "signing:unit_identities",
        kwargs=lambda s: {"pk": s.grassroots.pk},
        method="post",
        allow=ADMINS,
        data=lambda w, s: {"kind": "organisation", "source": "pkcs11", "key_label": ""},
        note="the unit's administrators; an empty label is refused by name",
    ),
]
