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
