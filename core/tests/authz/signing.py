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
        side.signed_decision = SignedPdf.objects.create(
            kind=SignedPdf.Kind.DECISION,
            decision=side.decision,
            status=SignedPdf.Status.SIGNED,
            file=ContentFile(b"%PDF-1.7\n% signed decision\n", name="decision.pdf"),
            sha256="0" * 64,
            signed_at=timezone.now(),
        )
        side.signed_certificate = SignedPdf.objects.create(
            kind=SignedPdf.Kind.CERTIFICATE,
            decision=side.decision,
            record=side.record,
            status=SignedPdf.Status.SIGNED,
            file=ContentFile(b"%PDF-1.7\n% signed certificate\n", name="certificate.pdf"),
            sha256="1" * 64,
            signed_at=timezone.now(),
        )
        side.signed_document = SignedPdf.objects.create(
            kind=SignedPdf.Kind.DOCUMENT,
            document=side.plan,
            status=SignedPdf.Status.SIGNED,
            file=ContentFile(b"%PDF-1.7\n% signed plan\n", name="plan.pdf"),
            sha256="2" * 64,
            signed_at=timezone.now(),
        )
        side.signed_minutes = SignedPdf.objects.create(
            kind=SignedPdf.Kind.MINUTES,
            session=side.closed_session,
            status=SignedPdf.Status.SIGNED,
            file=ContentFile(b"%PDF-1.7\n% signed minutes\n", name="minutes.pdf"),
            sha256="3" * 64,
            signed_at=timezone.now(),
        )


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
