"""PAdES signatures with pyHanko, and their check.

`sign_pdf` signs with the person with authority's key and then, where the unit holds one, the
organisation's (Nghị định 30/2020, Phụ lục I: the organisation's signature stands where the seal
would, over the left third of the person's). Each signature is visible: the signer, the
organisation and the time; the person's also carries the QR code and the verification code. The
person's signature goes where the signer's name is printed (the space for the handwritten
signature), or at the foot of the last page when the name cannot be found.

`check_signatures` validates every signature of an uploaded PDF against the trust roots, without
fetching anything from the network."""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.utils import timezone

from signing.keys import SigningUnavailable, check_pkcs12_passphrase, open_session, pkcs12_path, trust_roots
from signing.models import SigningIdentity

__all__ = ["SignatureCheck", "check_signatures", "page_count", "sign_pdf"]

FONT_CANDIDATES = (
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
)
BOX_WIDTH, BOX_HEIGHT = 215, 62
ORGANISATION_WIDTH = 150  # narrow enough to leave the certificate's decision line at its left alone


def _font() -> str:
    """A font with Vietnamese letters at 1000 units per em: pyHanko writes glyph widths in font
    units where PDF expects thousandths, so a 2048-unit TrueType font (DejaVu, Liberation) comes
    out with its letters spread apart. The system font is rescaled once, into SIGNING_DIR."""
    scaled = Path(settings.SIGNING_DIR) / "fonts" / "stamp-1000upem.ttf"
    if scaled.exists():
        return str(scaled)
    for path in FONT_CANDIDATES:
        if Path(path).exists():
            from fontTools.ttLib import TTFont
            from fontTools.ttLib.scaleUpem import scale_upem

            font = TTFont(path)
            scale_upem(font, 1000)
            scaled.parent.mkdir(parents=True, exist_ok=True)
            font.save(str(scaled))
            return str(scaled)
    raise SigningUnavailable("no font with Vietnamese letters for the signature appearance")


def _load_cert(identity: SigningIdentity):
    from asn1crypto import pem, x509

    _type, _headers, der = pem.unarmor(identity.certificate_pem.encode())
    return x509.Certificate.load(der)


def _ca_chain():
    from asn1crypto import x509 as asn1_x509
    from cryptography.hazmat.primitives import serialization

    return [asn1_x509.Certificate.load(c.public_bytes(serialization.Encoding.DER)) for c in trust_roots()]


def _signer(identity: SigningIdentity, session):
    from pyhanko.sign import signers
    from pyhanko.sign.pkcs11 import PKCS11Signer

    if identity.source == SigningIdentity.Source.PKCS12:
        path = pkcs12_path(identity)
        check_pkcs12_passphrase(path)
        signer = signers.SimpleSigner.load_pkcs12(
            str(path), passphrase=settings.SIGNING_PKCS12_PASSPHRASE.encode()
        )
        if signer is None:
            raise SigningUnavailable(f"cannot read the PKCS#12 file of {identity}")
        return signer
    return PKCS11Signer(
        session,
        key_label=identity.key_label,
        signing_cert=_load_cert(identity),
        ca_chain=_ca_chain(),
    )


def _name_box(pdf: bytes, name: str) -> tuple[int, tuple[int, int, int, int]]:
    """The page (from 0) and box for the person's signature: just above the last place the
    signer's name is printed, else at the foot of the last page."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(pdf)
    try:
        last = len(document) - 1
        if name:
            for index in range(last, -1, -1):
                page = document[index]
                text = page.get_textpage()
                searcher = text.search(name, match_case=False)
                found = searcher.get_next()
                if found is not None:
                    left, _bottom, _right, top = text.get_charbox(found[0])
                    right = text.get_charbox(found[0] + found[1] - 1)[2]
                    width = page.get_width()
                    centre = (left + right) / 2
                    x1 = int(max(10, min(centre - BOX_WIDTH / 2, width - BOX_WIDTH - 10)))
                    y1 = int(top + 4)
                    return index, (x1, y1, x1 + BOX_WIDTH, y1 + BOX_HEIGHT)
        page = document[last]
        width = page.get_width()
        return last, (int(width - BOX_WIDTH - 30), 30, int(width - 30), 30 + BOX_HEIGHT)
    finally:
        document.close()


@dataclass(frozen=True)
class Appearance:
    organisation: str
    position: str = ""  # the signer's title as printed ("CHỦ TỊCH")
    location: str = ""


def _sign_once(
    pdf: bytes,
    identity: SigningIdentity,
    session,
    *,
    field_name: str,
    page: int,
    box: tuple[int, int, int, int],
    appearance: Appearance,
    url: str = "",
    code: str = "",
) -> bytes:
    from pyhanko.pdf_utils.font.opentype import GlyphAccumulatorFactory
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.pdf_utils.text import TextBoxStyle
    from pyhanko.sign import fields, signers
    from pyhanko.stamp import QRStampStyle, TextStampStyle

    font = TextBoxStyle(font=GlyphAccumulatorFactory(_font(), font_size=7), font_size=7, leading=9)
    signed_at = timezone.localtime()
    when = signed_at.strftime("%d/%m/%Y %H:%M:%S") + " " + signed_at.strftime("%z")[:3] + ":00"
    if identity.kind == SigningIdentity.Kind.ORGANISATION:
        lines = [f"Cơ quan ký: {identity.holder_name}", f"Thời gian ký: {when}"]
    else:
        lines = [
            f"Ký bởi: {identity.holder_name}",
            f"Cơ quan: {appearance.organisation}",
            f"Thời gian ký: {when}",
        ]
    if code:
        lines.append(f"Mã xác minh: {code}")
    text = "\n".join(line.replace("%", "%%") for line in lines)
    style: TextStampStyle
    if url:
        style = QRStampStyle(border_width=1, background=None, text_box_style=font, stamp_text=text)
    else:
        style = TextStampStyle(border_width=1, background=None, text_box_style=font, stamp_text=text)
    meta = signers.PdfSignatureMetadata(
        field_name=field_name,
        md_algorithm="sha256",
        subfilter=fields.SigSeedSubFilter.PADES,
        reason=appearance.position or None,
        location=appearance.location or None,
        name=identity.holder_name,
    )
    writer = IncrementalPdfFileWriter(io.BytesIO(pdf), strict=False)
    out = io.BytesIO()
    signers.PdfSigner(
        meta,
        signer=_signer(identity, session),
        stamp_style=style,
        new_field_spec=fields.SigFieldSpec(field_name, on_page=page, box=box),
    ).sign_pdf(
        writer,
        output=out,
        appearance_text_params={"url": url} if url else None,
    )
    return out.getvalue()


def sign_pdf(
    pdf: bytes,
    *,
    person: SigningIdentity,
    organisation: SigningIdentity | None,
    appearance: Appearance,
    signer_name: str,
    code: str,
    url: str,
) -> bytes:
    """The PDF signed by the person (with the QR code) and then, if given, the organisation."""
    from pkcs11.exceptions import PKCS11Error

    needs_token = any(
        i is not None and i.source == SigningIdentity.Source.PKCS11 for i in (person, organisation)
    )
    session = open_session() if needs_token else None
    try:
        page, box = _name_box(pdf, signer_name)
        signed = _sign_once(
            pdf,
            person,
            session,
            field_name="ChuKyNguoiCoThamQuyen",
            page=page,
            box=box,
            appearance=appearance,
            url=url,
            code=code,
        )
        if organisation is not None:
            # Where the seal would be: left of the person's signature, at its height (no seal
            # image is kept, so the box stands beside it rather than over its left third).
            x1, y1, _x2, y2 = box
            seal_x = max(5, x1 - ORGANISATION_WIDTH - 4)
            signed = _sign_once(
                signed,
                organisation,
                session,
                field_name="ChuKyCoQuan",
                page=page,
                box=(seal_x, y1 + 6, seal_x + ORGANISATION_WIDTH, y2 - 6),
                appearance=Appearance(organisation=appearance.organisation),
            )
        return signed
    except PKCS11Error as exc:
        raise SigningUnavailable(f"the token refused to sign: {exc!r}") from exc
    finally:
        if session is not None:
            session.close()


def page_count(pdf: bytes) -> int:
    from pyhanko.pdf_utils.reader import PdfFileReader

    reader = PdfFileReader(io.BytesIO(pdf), strict=False)
    return int(reader.root["/Pages"]["/Count"])


@dataclass(frozen=True)
class SignatureCheck:
    """One signature of an uploaded PDF, as a visitor is told about it."""

    signer: str  # the certificate's subject, as the certificate names it
    organisation: str
    signed_at: dt.datetime | None
    intact: bool  # the signed bytes are unchanged
    trusted: bool  # the certificate chains to a configured trust root
    covers_whole_file: bool  # nothing was added after this signature but further signatures

    @property
    def valid(self) -> bool:
        return self.intact and self.trusted


def check_signatures(pdf: bytes) -> list[SignatureCheck]:
    """Every embedded signature, validated against the trust roots (nothing fetched)."""
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko_certvalidator import ValidationContext

    context = ValidationContext(trust_roots=_ca_chain(), allow_fetching=False, revocation_mode="soft-fail")
    reader = PdfFileReader(io.BytesIO(pdf), strict=False)
    result = []
    for embedded in reader.embedded_signatures:
        status = validate_pdf_signature(embedded, context, skip_diff=False)
        subject = status.signing_cert.subject.native if status.signing_cert is not None else {}
        coverage = getattr(status, "coverage", None)
        modification = getattr(status, "modification_level", None)
        from pyhanko.sign.validation.status import SignatureCoverageLevel

        whole = coverage == SignatureCoverageLevel.ENTIRE_FILE or (
            coverage == SignatureCoverageLevel.ENTIRE_REVISION
            and modification is not None
            and modification.name in ("NONE", "LTA_UPDATES", "FORM_FILLING")
        )
        result.append(
            SignatureCheck(
                signer=str(subject.get("common_name", "")),
                organisation=str(subject.get("organization_name", "")),
                signed_at=status.signer_reported_dt,
                intact=bool(status.intact and status.valid),
                trusted=bool(status.trusted),
                covers_whole_file=bool(whole),
            )
        )
    return result
