"""Keys and certificates: the demo certificate authority, the PKCS#11 token, and the signing
identities of units.

In production the keys are in the token a Vietnamese CA issued (a USB token or an HSM, reached
through its PKCS#11 module, SIGNING_PKCS11_LIB) and its certificate is registered as a
`SigningIdentity`. The demo and the tests use SoftHSM2, a real PKCS#11 token whose configuration
and files live under SIGNING_DIR (never /etc, never $HOME), and a demo CA made here with
`cryptography`: `ensure_demo_ca()` and `ensure_token()` are idempotent; `issue_identity` makes a
key pair, has the demo CA certify it and puts the private key in the token (or a PKCS#12 file)."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import secrets
import subprocess
from functools import cache
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID
from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext as _

from organisations.models import Unit
from signing.models import SigningIdentity

__all__ = [
    "SigningUnavailable",
    "check_pkcs12_passphrase",
    "ensure_demo_ca",
    "ensure_token",
    "issue_identity",
    "open_session",
    "pkcs12_path",
    "signer_key_usage",
    "signing_dir",
    "trust_roots",
    "write_private",
]

CA_NAME = "thidua Demo CA (không dùng cho văn bản thật)"


class SigningUnavailable(Exception):
    """The token, its PIN or a key cannot be reached: nothing is signed, and the reason is kept."""


def signing_dir() -> Path:
    return _dir()


def _dir() -> Path:
    path = Path(settings.SIGNING_DIR)
    path.mkdir(parents=True, exist_ok=True)
    return path


def _ca_paths() -> tuple[Path, Path]:
    return _dir() / "demo-ca.pem", _dir() / "demo-ca-key.pem"


def _name(common: str, organisation: str = "") -> x509.Name:
    parts = [x509.NameAttribute(NameOID.COUNTRY_NAME, "VN")]
    if organisation:
        parts.append(x509.NameAttribute(NameOID.ORGANIZATION_NAME, organisation[:64]))
    parts.append(x509.NameAttribute(NameOID.COMMON_NAME, common[:64]))
    return x509.Name(parts)


def write_private(path: Path, data: bytes) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)


def ensure_demo_ca() -> tuple[x509.Certificate, rsa.RSAPrivateKey]:
    """The demo CA under SIGNING_DIR, made the first time (a 10-year self-signed RSA root)."""
    cert_path, key_path = _ca_paths()
    if cert_path.exists() and key_path.exists():
        cert = x509.load_pem_x509_certificate(cert_path.read_bytes())
        key = serialization.load_pem_private_key(key_path.read_bytes(), password=None)
        assert isinstance(key, rsa.RSAPrivateKey), "the demo CA key is RSA (made below)"
        return cert, key
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = _name(CA_NAME, "thidua")
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=3650))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=False,
                content_commitment=False,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=True,
                crl_sign=True,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .sign(key, hashes.SHA256())
    )
    write_private(
        key_path,
        key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        ),
    )
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    return cert, key


def trust_roots() -> list[x509.Certificate]:
    """The roots a signature is checked against: SIGNING_TRUST_ROOTS, or the demo CA when unset."""
    paths = [Path(p) for p in settings.SIGNING_TRUST_ROOTS] or [_ca_paths()[0]]
    roots = []
    for path in paths:
        if path.exists():
            roots.extend(x509.load_pem_x509_certificates(path.read_bytes()))
    return roots


def _softhsm() -> bool:
    return "softhsm" in settings.SIGNING_PKCS11_LIB


def _softhsm_conf() -> Path:
    tokens = _dir() / "tokens"
    tokens.mkdir(exist_ok=True)
    conf = _dir() / "softhsm2.conf"
    text = f"directories.tokendir = {tokens}\nobjectstore.backend = file\nlog.level = ERROR\n"
    if not conf.exists() or conf.read_text() != text:
        conf.write_text(text)
    return conf


@cache
def _library():
    """The PKCS#11 module, loaded once per process (SoftHSM2 reads its configuration then)."""
    import pkcs11

    if _softhsm():
        os.environ["SOFTHSM2_CONF"] = str(_softhsm_conf())
    return pkcs11.lib(settings.SIGNING_PKCS11_LIB)


def _token():
    from pkcs11.exceptions import PKCS11Error

    try:
        return _library().get_token(token_label=settings.SIGNING_TOKEN_LABEL)
    except (PKCS11Error, RuntimeError, OSError) as exc:
        raise SigningUnavailable(f"no token labelled {settings.SIGNING_TOKEN_LABEL!r}: {exc!r}") from exc


def ensure_token() -> None:
    """Initialise the SoftHSM2 token the first time (a real token is initialised by its CA)."""
    if not _softhsm():
        return
    conf = _softhsm_conf()
    tokens = conf.parent / "tokens"
    if any(tokens.iterdir()):
        return
    subprocess.run(
        [
            "softhsm2-util",
            "--init-token",
            "--free",
            "--label",
            settings.SIGNING_TOKEN_LABEL,
            "--pin",
            settings.SIGNING_PIN,
            "--so-pin",
            settings.SIGNING_SO_PIN,
        ],
        check=True,
        capture_output=True,
        env={**os.environ, "SOFTHSM2_CONF": str(conf)},
    )
    _library.cache_clear()  # a module loaded before the token existed does not see it


def open_session(*, write: bool = False):
    """A logged-in session on the token (the caller closes it)."""
    if not settings.SIGNING_PIN:
        raise SigningUnavailable(
            _(
                "The PIN of the signing token (SIGNING_PIN) is empty: the administrator sets it in the "
                "environment file, then asks for the signing again."
            )
        )
    from pkcs11.exceptions import PinIncorrect, PinInvalid, PinLenRange, PKCS11Error

    token = _token()
    try:
        return token.open(rw=write, user_pin=settings.SIGNING_PIN)
    except (PinIncorrect, PinInvalid, PinLenRange) as exc:
        raise SigningUnavailable(
            _(
                "The signing token refused its PIN (SIGNING_PIN): the PIN is wrong. The administrator "
                "corrects it in the environment file, then asks for the signing again."
            )
        ) from exc
    except PKCS11Error as exc:
        raise SigningUnavailable(
            _("Cannot log in to the signing token: %(error)s") % {"error": repr(exc)}
        ) from exc


def check_pkcs12_passphrase(path: Path) -> None:
    """Refuse, naming the setting, an empty or wrong passphrase of a PKCS#12 key file (pyHanko
    only answers None)."""
    if not settings.SIGNING_PKCS12_PASSPHRASE:
        raise SigningUnavailable(
            _(
                "The passphrase of the PKCS#12 key files (SIGNING_PKCS12_PASSPHRASE) is empty: the "
                "administrator sets it in the environment file, then asks for the signing again."
            )
        )
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise SigningUnavailable(
            _("The PKCS#12 key file %(file)s is missing.") % {"file": path.name}
        ) from exc
    try:
        pkcs12.load_key_and_certificates(data, settings.SIGNING_PKCS12_PASSPHRASE.encode())
    except ValueError as exc:
        raise SigningUnavailable(
            _(
                "The PKCS#12 key file %(file)s refused its passphrase (SIGNING_PKCS12_PASSPHRASE): the "
                "passphrase is wrong or the file is damaged."
            )
            % {"file": path.name}
        ) from exc


def pkcs12_path(identity: SigningIdentity) -> Path:
    return _dir() / "keys" / f"{identity.key_label}.p12"


def signer_key_usage(*, for_signing: bool = True) -> x509.KeyUsage:
    """A signer's key usage: signatures that bind their signer (content commitment); with
    `for_signing=False`, a key for encryption instead, which a signature must not be made with."""
    return x509.KeyUsage(
        digital_signature=True,
        content_commitment=for_signing,
        key_encipherment=not for_signing,
        data_encipherment=False,
        key_agreement=False,
        key_cert_sign=False,
        crl_sign=False,
        encipher_only=False,
        decipher_only=False,
    )


def _certify(key: rsa.RSAPrivateKey, subject: x509.Name, years: int = 3) -> x509.Certificate:
    ca_cert, ca_key = ensure_demo_ca()
    now = dt.datetime.now(dt.UTC)
    return (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(ca_cert.subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=365 * years))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(
            signer_key_usage(),
            critical=True,
        )
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.EMAIL_PROTECTION]), critical=False)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()), critical=False
        )
        .sign(ca_key, hashes.SHA256())
    )


def _import_into_token(key: rsa.RSAPrivateKey, cert: x509.Certificate, label: str) -> None:
    from pkcs11 import Attribute, KeyType, ObjectClass
    from pkcs11.util.rsa import decode_rsa_private_key
    from pkcs11.util.x509 import decode_x509_certificate

    der_key = key.private_bytes(
        serialization.Encoding.DER,
        serialization.PrivateFormat.TraditionalOpenSSL,
        serialization.NoEncryption(),
    )
    key_id = hashlib.sha256(label.encode()).digest()[:8]
    session = open_session(write=True)
    try:
        attrs = decode_rsa_private_key(der_key)
        attrs.update(
            {
                Attribute.CLASS: ObjectClass.PRIVATE_KEY,
                Attribute.KEY_TYPE: KeyType.RSA,
                Attribute.TOKEN: True,
                Attribute.PRIVATE: True,
                Attribute.SENSITIVE: True,
                Attribute.EXTRACTABLE: False,
                Attribute.SIGN: True,
                Attribute.LABEL: label,
                Attribute.ID: key_id,
            }
        )
        session.create_object(attrs)
        cert_attrs = decode_x509_certificate(cert.public_bytes(serialization.Encoding.DER))
        cert_attrs.update({Attribute.TOKEN: True, Attribute.LABEL: label, Attribute.ID: key_id})
        session.create_object(cert_attrs)
    finally:
        session.close()


@transaction.atomic
def issue_identity(
    *,
    unit: Unit,
    kind: str,
    holder_name: str,
    source: str = SigningIdentity.Source.PKCS11,
) -> SigningIdentity:
    """A new key pair certified by the demo CA, its private key in the token (or a PKCS#12 file),
    registered as the unit's active identity of that kind (the previous one is retired)."""
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    if kind == SigningIdentity.Kind.ORGANISATION:
        subject = _name(unit.name, unit.name)
    else:
        subject = _name(holder_name, unit.name)
    cert = _certify(key, subject)
    label = f"thidua-{secrets.token_hex(6)}"
    identity = SigningIdentity(
        unit=unit,
        kind=kind,
        holder_name=holder_name,
        certificate_pem=cert.public_bytes(serialization.Encoding.PEM).decode(),
        fingerprint=cert.fingerprint(hashes.SHA256()).hex(),
        source=source,
        key_label=label,
    )
    if source == SigningIdentity.Source.PKCS11:
        ensure_token()
        _import_into_token(key, cert, label)
    else:
        path = pkcs12_path(identity)
        path.parent.mkdir(exist_ok=True)
        ca_cert, _key = ensure_demo_ca()
        write_private(
            path,
            pkcs12.serialize_key_and_certificates(
                label.encode(),
                key,
                cert,
                [ca_cert],
                serialization.BestAvailableEncryption(settings.SIGNING_PKCS12_PASSPHRASE.encode()),
            ),
        )
    SigningIdentity.objects.filter(unit=unit, kind=kind, active=True).update(active=False)
    identity.save()
    return identity
