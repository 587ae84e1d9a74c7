"""Who signs for a unit (its signing identities: the person with authority and the organisation,
Nghị định 30/2020) and the signed PDFs of decisions, certificates, issued documents and council
minutes, each with the public code that verifies it (/xac-minh/<code>)."""

import base64
import secrets

from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.uploads import RandomName

__all__ = ["SignedPdf", "SigningIdentity", "new_verification_code"]


def new_verification_code() -> str:
    """80 random bits in base 32 (16 letters and digits), never derived from an id."""
    return base64.b32encode(secrets.token_bytes(10)).decode().lower()


class SigningIdentity(models.Model):
    """A certificate a unit signs with, and where its private key is: a PKCS#11 token (by label) or
    a PKCS#12 file under SIGNING_DIR. At most one active identity of each kind per unit."""

    class Kind(models.TextChoices):
        PERSON = "person", _("Person with authority")
        ORGANISATION = "organisation", _("Organisation")

    class Source(models.TextChoices):
        PKCS11 = "pkcs11", _("PKCS#11 token")
        PKCS12 = "pkcs12", _("PKCS#12 file")

    unit = models.ForeignKey(
        "organisations.Unit",
        on_delete=models.PROTECT,
        related_name="signing_identities",
        verbose_name=_("unit"),
    )
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    holder_name = models.CharField(_("holder"), max_length=255)
    certificate_pem = models.TextField(_("certificate"))
    fingerprint = models.CharField(_("SHA-256 fingerprint"), max_length=64)
    source = models.CharField(_("key store"), max_length=6, choices=Source.choices, default=Source.PKCS11)
    key_label = models.CharField(_("key label"), max_length=64)
    active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()
    _history_user: AbstractBaseUser | None  # the actor, set before a save for its history row

    class Meta:
        ordering = ["unit_id", "kind"]
        verbose_name = _("signing identity")
        verbose_name_plural = _("signing identities")
        constraints = [
            models.UniqueConstraint(
                fields=["unit", "kind"], condition=Q(active=True), name="signing_one_active_identity_per_kind"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.holder_name} ({self.get_kind_display()})"


class SignedPdf(models.Model):
    """The signed file of an award decision, of one certificate (one award record), of an issued
    document of the registry or of a council session's minutes, with its public verification code.
    The file is written once and never replaced: a corrected decision is a new decision with its
    own signed files."""

    class Kind(models.TextChoices):
        DECISION = "decision", _("Award decision")
        CERTIFICATE = "certificate", _("Certificate")
        DOCUMENT = "document", _("Issued document")
        MINUTES = "minutes", _("Council minutes")

    class Status(models.TextChoices):
        PENDING = "pending", _("Being signed")
        SIGNED = "signed", _("Signed")
        FAILED = "failed", _("Signing failed")

    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    code = models.CharField(_("verification code"), max_length=32, unique=True, default=new_verification_code)
    decision = models.ForeignKey(
        "awards.Decision",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="signed_pdfs",
        verbose_name=_("decision"),
    )
    document = models.ForeignKey(
        "documents.Document",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="signed_pdfs",
        verbose_name=_("document"),
    )
    session = models.ForeignKey(
        "awards.CouncilSession",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="signed_pdfs",
        verbose_name=_("council session"),
    )
    record = models.OneToOneField(
        "awards.AwardRecord",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="signed_certificate",
        verbose_name=_("award"),
    )
    status = models.CharField(_("status"), max_length=8, choices=Status.choices, default=Status.PENDING)
    file = models.FileField(_("signed file"), upload_to=RandomName("signing"), blank=True)
    sha256 = models.CharField(_("SHA-256"), max_length=64, blank=True)
    signers = models.TextField(_("signed by"), blank=True)
    error = models.TextField(_("error"), blank=True)
    signed_at = models.DateTimeField(_("signed at"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["decision_id", "kind", "record_id"]
        verbose_name = _("signed PDF")
        verbose_name_plural = _("signed PDFs")
        constraints = [
            models.UniqueConstraint(
                fields=["decision"], condition=Q(kind="decision"), name="signing_one_pdf_per_decision"
            ),
            models.UniqueConstraint(
                fields=["document"], condition=Q(kind="document"), name="signing_one_pdf_per_document"
            ),
            models.UniqueConstraint(
                fields=["session"], condition=Q(kind="minutes"), name="signing_one_pdf_per_minutes"
            ),
            # each kind names its object and nothing else
            models.CheckConstraint(
                condition=Q(
                    kind="decision",
                    decision__isnull=False,
                    record__isnull=True,
                    document__isnull=True,
                    session__isnull=True,
                )
                | Q(
                    kind="certificate",
                    decision__isnull=False,
                    record__isnull=False,
                    document__isnull=True,
                    session__isnull=True,
                )
                | Q(
                    kind="document",
                    decision__isnull=True,
                    record__isnull=True,
                    document__isnull=False,
                    session__isnull=True,
                )
                | Q(
                    kind="minutes",
                    decision__isnull=True,
                    record__isnull=True,
                    document__isnull=True,
                    session__isnull=False,
                ),
                name="signing_kind_names_its_object",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.code}"
