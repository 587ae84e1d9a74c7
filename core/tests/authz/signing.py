"""signing: the public verification page and lookup of awards, asking for a decision to be signed, and one signed
certificate's download (the signed decision itself is downloaded through awards:decision_pdf)."""

from django.core.files.base import ContentFile
from django.utils import timezone

from core.tests.authz import ANY_ROLE, ANY_USER, MANAGERS, PUBLIC, Page


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
]
