"""Registering a certificate a unit was issued: a key in the PKCS#11 token by its label, or a
PKCS#12 file uploaded with its passphrase. Each is checked before anything is kept (trusted issuer,
validity, key usage, key and certificate matching); a PKCS#12 file is sent by anyone with a unit's
administrator role, so its key derivation rounds and certificate count are bounded and it is opened
in a child process with a time and CPU limit (`signing/pkcs12_child.py`)."""

from __future__ import annotations

import datetime as dt
import secrets
import subprocess
from pathlib import Path

from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from django.conf import settings
from django.utils.translation import gettext as _

from core.text import group_digits
from signing.keys import SigningUnavailable, open_session, signing_dir, trust_roots, write_private

__all__ = [
    "PKCS12_MAX_CERTIFICATES",
    "PKCS12_MAX_ROUNDS",
    "PKCS12_OPEN_SECONDS",
    "CertificateRefused",
    "certificate_problem",
    "read_pkcs12",
    "store_pkcs12",
    "token_certificate",
]


class CertificateRefused(Exception):
    """A certificate offered for registration that cannot sign here: the message says why."""


def _public_der(public_key) -> bytes:
    return public_key.public_bytes(
        serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
    )


def _issued_by(cert: x509.Certificate, issuer: x509.Certificate) -> bool:
    try:
        cert.verify_directly_issued_by(issuer)
    except (ValueError, TypeError, InvalidSignature):
        return False
    return True


def _signs_documents(cert: x509.Certificate) -> bool:
    """The key usage a PDF signature's validation asks of the signer's certificate (pyHanko's own
    constraints, so registration and verification agree)."""
    from asn1crypto import x509 as asn1_x509
    from pyhanko.sign.validation.status import PdfSignatureStatus
    from pyhanko_certvalidator.errors import InvalidCertificateError

    constraints = PdfSignatureStatus.default_usage_constraints()
    try:
        constraints.validate(asn1_x509.Certificate.load(cert.public_bytes(serialization.Encoding.DER)))
    except InvalidCertificateError:
        return False
    return True


def certificate_problem(cert: x509.Certificate, chain: list[x509.Certificate] | None = None) -> str:
    """Why the certificate cannot sign here ("" when it can): not yet valid, expired, or not issued
    (through the chain given) by one of the trust roots, so signatures would show as untrusted."""
    now = dt.datetime.now(dt.UTC)
    if cert.not_valid_before_utc > now:
        return _("The certificate is valid only from %(date)s.") % {
            "date": cert.not_valid_before_utc.strftime("%d/%m/%Y")
        }
    if cert.not_valid_after_utc < now:
        return _("The certificate expired on %(date)s: ask the certification authority to renew it.") % {
            "date": cert.not_valid_after_utc.strftime("%d/%m/%Y")
        }
    if not _signs_documents(cert):
        return _(
            "The certificate is not issued for signing documents (its key usage lacks non-repudiation): "
            "its signatures would not be recognised."
        )
    roots = trust_roots()
    current, pool = cert, [c for c in chain or [] if c != cert]
    for _step in range(len(pool) + 1):
        if any(_issued_by(current, root) for root in roots):
            return ""
        parent = next((c for c in pool if _issued_by(current, c)), None)
        if parent is None:
            break
        pool.remove(parent)
        current = parent
    return _(
        "The certificate was not issued by a certification authority this site trusts "
        "(SIGNING_TRUST_ROOTS): its signatures would not be recognised."
    )


def _is_ca(cert: x509.Certificate) -> bool:
    try:
        return bool(cert.extensions.get_extension_for_class(x509.BasicConstraints).value.ca)
    except x509.ExtensionNotFound:
        return False


PKCS12_MAX_ROUNDS = 1_000_000  # per key derivation; exporters use 2,000 to 600,000 (PBKDF2)
PKCS12_MAX_CERTIFICATES = 10  # the certificate and its chain up to the authority
PKCS12_OPEN_SECONDS = 5  # wall-clock and CPU limit of the child process that opens the file


def _derivation_rounds(data: bytes) -> list[int]:
    """The rounds of every key derivation a PKCS#12 file asks for that can be read before
    decrypting it (its MAC, its encrypted safes, its encrypted keys). Raises ValueError for what is
    not a PKCS#12 file, or uses a derivation this site does not know."""
    from asn1crypto import pkcs12 as asn1_pkcs12

    try:
        pfx = asn1_pkcs12.Pfx.load(data, strict=True)
        rounds = [int(pfx["mac_data"]["iterations"].native)] if pfx["mac_data"].native else []
        for info in pfx.authenticated_safe:
            kind = info["content_type"].native
            if kind == "encrypted_data":
                algorithm = info["content"]["encrypted_content_info"]["content_encryption_algorithm"]
                rounds.append(int(algorithm.kdf_iterations))
            elif kind == "data":
                pending = list(asn1_pkcs12.SafeContents.load(info["content"].native))
                while pending:
                    bag = pending.pop()
                    if bag["bag_id"].native == "pkcs8_shrouded_key_bag":
                        rounds.append(int(bag["bag_value"]["encryption_algorithm"].kdf_iterations))
                    elif bag["bag_id"].native == "safe_contents":
                        pending.extend(bag["bag_value"])
            else:
                raise ValueError(f"unsupported content {kind}")
    except (ValueError, TypeError, KeyError, AttributeError, OverflowError) as exc:
        raise ValueError(str(exc)) from exc
    return rounds


def _too_slow() -> CertificateRefused:
    return CertificateRefused(
        _(
            "Opening the PKCS#12 file took longer than %(seconds)d seconds: export it again with the usual "
            "settings."
        )
        % {"seconds": PKCS12_OPEN_SECONDS}
    )


def _open_pkcs12(data: bytes, passphrase: str) -> dict:
    """Open the file in a child process bounded in time and CPU (signing.pkcs12_child)."""
    import base64
    import json
    import sys

    request = json.dumps({"data": base64.b64encode(data).decode(), "passphrase": passphrase})
    try:
        done = subprocess.run(
            [
                sys.executable,
                "-I",
                str(Path(__file__).with_name("pkcs12_child.py")),
                str(PKCS12_OPEN_SECONDS),
            ],
            input=request.encode(),
            capture_output=True,
            timeout=PKCS12_OPEN_SECONDS + 2,
            check=False,
        )
    except subprocess.TimeoutExpired as exc:
        raise _too_slow() from exc
    if done.returncode < 0:  # killed by its CPU limit
        raise _too_slow()
    if done.returncode != 0:
        return {"refused": True}
    return json.loads(done.stdout)


def read_pkcs12(
    data: bytes, passphrase: str
) -> tuple[rsa.RSAPrivateKey, x509.Certificate, list[x509.Certificate]]:
    """The key, certificate and chain of a PKCS#12 file, each problem told in Vietnamese. The rounds
    of key derivation the file asks for are bounded before it is opened, and it is opened in a
    child process with a time limit: the sender chooses them, and 2^31 rounds cost an hour of CPU."""
    import base64

    not_pkcs12 = _("The passphrase is wrong, or the file is not a PKCS#12 file (.p12, .pfx).")
    try:
        rounds = _derivation_rounds(data)
    except ValueError as exc:
        raise CertificateRefused(not_pkcs12) from exc
    if rounds and max(rounds) > PKCS12_MAX_ROUNDS:
        raise CertificateRefused(
            _(
                "The PKCS#12 file asks for %(rounds)s rounds of key derivation (at most %(max)s here): "
                "export it again with the usual settings."
            )
            % {"rounds": group_digits(max(rounds)), "max": group_digits(PKCS12_MAX_ROUNDS)}
        )
    opened = _open_pkcs12(data, passphrase)
    if opened.get("refused"):
        raise CertificateRefused(not_pkcs12)
    chain = [x509.load_der_x509_certificate(base64.b64decode(c)) for c in opened["chain"]]
    cert = x509.load_der_x509_certificate(base64.b64decode(opened["cert"])) if opened["cert"] else None
    if len(chain) + (cert is not None) > PKCS12_MAX_CERTIFICATES:
        raise CertificateRefused(
            _(
                "The file holds %(count)d certificates (at most %(max)d: the certificate and its chain "
                "up to the certification authority)."
            )
            % {"count": len(chain) + (cert is not None), "max": PKCS12_MAX_CERTIFICATES}
        )
    key = (
        serialization.load_der_private_key(
            base64.b64decode(opened["key"]), password=None, unsafe_skip_rsa_key_validation=True
        )  # the child checked it, within its limit
        if opened["key"]
        else None
    )
    if cert is None:  # some exporters leave the certificate unbound to its key: the one that is no CA's
        cert = next((c for c in chain if not _is_ca(c)), None)
        chain = [c for c in chain if c is not cert]
    if key is None or cert is None:
        raise CertificateRefused(_("The file holds no private key with its certificate."))
    if not isinstance(key, rsa.RSAPrivateKey):
        raise CertificateRefused(_("The key in the file is not an RSA key, which this site signs with."))
    if _public_der(key.public_key()) != _public_der(cert.public_key()):
        raise CertificateRefused(_("The certificate in the file does not match its private key."))
    return key, cert, list(chain)


def store_pkcs12(key: rsa.RSAPrivateKey, cert: x509.Certificate, chain: list[x509.Certificate]) -> str:
    """Keep the key under SIGNING_DIR/keys, encrypted with SIGNING_PKCS12_PASSPHRASE (the passphrase
    typed at registration is not kept); the label it is found by."""
    if not settings.SIGNING_PKCS12_PASSPHRASE:
        raise CertificateRefused(
            _(
                "The passphrase of the PKCS#12 key files (SIGNING_PKCS12_PASSPHRASE) is empty: the "
                "administrator sets it in the environment file first."
            )
        )
    label = f"thidua-{secrets.token_hex(6)}"
    folder = signing_dir() / "keys"
    folder.mkdir(exist_ok=True)
    write_private(
        folder / f"{label}.p12",
        pkcs12.serialize_key_and_certificates(
            label.encode(),
            key,
            cert,
            chain or None,
            serialization.BestAvailableEncryption(settings.SIGNING_PKCS12_PASSPHRASE.encode()),
        ),
    )
    return label


def token_certificate(label: str) -> x509.Certificate:
    """The certificate stored in the token under `label`, checked against the private key there."""
    from pkcs11 import Attribute, ObjectClass
    from pkcs11.exceptions import PKCS11Error

    try:
        session = open_session()
    except SigningUnavailable as exc:
        raise CertificateRefused(str(exc)) from exc
    try:
        keys = list(session.get_objects({Attribute.CLASS: ObjectClass.PRIVATE_KEY, Attribute.LABEL: label}))
        certs = list(session.get_objects({Attribute.CLASS: ObjectClass.CERTIFICATE, Attribute.LABEL: label}))
        if not keys:
            raise CertificateRefused(
                _("The token %(token)s holds no private key labelled “%(label)s”.")
                % {"token": settings.SIGNING_TOKEN_LABEL, "label": label}
            )
        if not certs:
            raise CertificateRefused(
                _("The token %(token)s holds no certificate labelled “%(label)s”.")
                % {"token": settings.SIGNING_TOKEN_LABEL, "label": label}
            )
        cert = x509.load_der_x509_certificate(bytes(certs[0][Attribute.VALUE]))
        modulus = int.from_bytes(bytes(keys[0][Attribute.MODULUS]), "big")
    except PKCS11Error as exc:
        raise CertificateRefused(_("The token could not be read: %(error)s") % {"error": repr(exc)}) from exc
    finally:
        session.close()
    public = cert.public_key()
    if not isinstance(public, rsa.RSAPublicKey) or public.public_numbers().n != modulus:
        raise CertificateRefused(
            _("The certificate in the token does not match the private key labelled “%(label)s”.")
            % {"label": label}
        )
    return cert
