"""Test helpers of signing: identities in the test process's own SoftHSM2 token (made once per
process under its SIGNING_DIR, a temporary folder: thidua/settings.py)."""

from __future__ import annotations

from organisations.models import Unit
from signing import keys
from signing.models import SigningIdentity


def identities(
    unit: Unit,
    *,
    person_name: str = "Nông Văn Quản",
    organisation: bool = True,
    source: str = SigningIdentity.Source.PKCS11,
) -> tuple[SigningIdentity, SigningIdentity | None]:
    """The unit's person-with-authority identity and, unless told otherwise, its organisation's."""
    keys.ensure_demo_ca()
    keys.ensure_token()
    person = keys.issue_identity(
        unit=unit, kind=SigningIdentity.Kind.PERSON, holder_name=person_name, source=source
    )
    org = (
        keys.issue_identity(
            unit=unit, kind=SigningIdentity.Kind.ORGANISATION, holder_name=unit.name, source=source
        )
        if organisation
        else None
    )
    return person, org


def tamper(pdf: bytes) -> bytes:
    """The PDF with one byte of its signed content changed (inside the first content stream)."""
    at = pdf.index(b"stream\n", pdf.index(b"/Length")) + 40
    return pdf[:at] + bytes([pdf[at] ^ 0x01]) + pdf[at + 1 :]


def pkcs12_file(
    holder: str,
    organisation: str,
    passphrase: str,
    *,
    expired: bool = False,
    trusted: bool = True,
    mismatched: bool = False,
    for_signing: bool = True,
) -> bytes:
    """A PKCS#12 file as a certification authority hands it out: a key and its certificate, from
    the demo CA (trusted) or from a self-made authority, valid today or expired; `mismatched` puts
    another key beside the certificate; `for_signing=False` leaves out the key usage a signature needs."""
    import datetime as dt

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import rsa
    from cryptography.hazmat.primitives.serialization import pkcs12
    from cryptography.x509.oid import NameOID

    ca_cert, ca_key = keys.ensure_demo_ca()
    if not trusted:
        ca_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    now = dt.datetime.now(dt.UTC)
    start, end = (now - dt.timedelta(days=400), now - dt.timedelta(days=2)) if expired else (now, now)
    cert = (
        x509.CertificateBuilder()
        .subject_name(
            x509.Name(
                [
                    x509.NameAttribute(NameOID.COUNTRY_NAME, "VN"),
                    x509.NameAttribute(NameOID.ORGANIZATION_NAME, organisation),
                    x509.NameAttribute(NameOID.COMMON_NAME, holder),
                ]
            )
        )
        .issuer_name(ca_cert.subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(start - dt.timedelta(days=1))
        .not_valid_after(end + dt.timedelta(days=365) if not expired else end)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(
            keys.signer_key_usage(for_signing=for_signing),
            critical=True,
        )
        .sign(ca_key, hashes.SHA256())
    )
    encryption = serialization.BestAvailableEncryption(passphrase.encode())
    if mismatched:  # another key, the certificate beside it (not bound to it, as exporters leave it)
        other = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        return pkcs12.serialize_key_and_certificates(b"ca-issued", other, None, [cert], encryption)
    return pkcs12.serialize_key_and_certificates(b"ca-issued", key, cert, None, encryption)
