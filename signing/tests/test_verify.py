"""The public verification page /xac-minh/<code>: what anyone learns from a code, and the check
of an uploaded PDF (exactly the file issued? signatures valid, and whose? does the award stand?)."""

import datetime as dt
import io

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from signing.models import SignedPdf
from signing.testing import identities, tamper
from signing.tests.conftest import issue

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _no_rate_limit(settings):
    """Every test client comes from one address: only the rate limit's own test counts uploads."""
    settings.SIGNING_VERIFY_PER_MINUTE = 10_000


def _upload(client, code, data: bytes, name="bang-khen.pdf", **extra):
    return client.post(
        reverse("signing:verify", args=[code]),
        {"file": SimpleUploadedFile(name, data, content_type="application/pdf")},
        **extra,
    )


def _blank_pdf(pages: int = 1) -> bytes:
    from pypdf import PdfWriter

    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(width=595, height=842)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _signed_by_a_stranger(pdf: bytes, tmp_path) -> bytes:
    """The PDF signed with a self-made certificate that no trusted authority issued."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import rsa
    from cryptography.x509.oid import NameOID
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import signers

    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Kẻ Mạo Danh")])
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(1)
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=30))
        .sign(key, hashes.SHA256())
    )
    (tmp_path / "k.pem").write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
    )
    (tmp_path / "c.pem").write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    signer = signers.SimpleSigner.load(str(tmp_path / "k.pem"), str(tmp_path / "c.pem"))
    out = io.BytesIO()
    signers.sign_pdf(
        IncrementalPdfFileWriter(io.BytesIO(pdf), strict=False),
        signers.PdfSignatureMetadata(field_name="Gia"),
        signer=signer,
        output=out,
    )
    return out.getvalue()


@pytest.fixture
def certificate(tree, province_officer, approved, django_capture_on_commit_callbacks):
    """A decision of one award, signed; its certificate's signed file."""
    identities(tree.province)
    with django_capture_on_commit_callbacks(execute=True):
        decision = issue(province_officer, tree, approved[:1])
    signed = decision.signed_pdfs.get(kind=SignedPdf.Kind.CERTIFICATE)
    assert signed.status == SignedPdf.Status.SIGNED, signed.error
    return signed


@pytest.fixture
def unsigned_entry(tree, province_officer, approved, django_capture_on_commit_callbacks):
    """A verification code whose stored file is a stand-in (no token needed)."""
    decision = issue(province_officer, tree, approved[:1])
    return SignedPdf.objects.create(
        kind=SignedPdf.Kind.DECISION,
        decision=decision,
        status=SignedPdf.Status.SIGNED,
        file=ContentFile(b"%PDF-1.7\n", name="d.pdf"),
        sha256="0" * 64,
    )


def test_the_page_shows_what_the_certificate_prints_and_nothing_more(client, certificate, person):
    page = client.get(reverse("signing:verify", args=[certificate.code])).content.decode()
    decision = certificate.decision
    for shown in (decision.number_symbol, "20/12/2015", decision.deciding_unit.name, person.full_name):
        assert shown in page
    assert certificate.record.form.name in page and "Còn hiệu lực" in page
    for hidden in (person.code, person.birth_date.strftime("%d/%m/%Y") if person.birth_date else "@@", "SHA"):
        assert hidden not in page


def test_the_issued_file_is_recognised_and_a_changed_or_foreign_signed_one_is_not(
    client, certificate, tmp_path
):
    with certificate.file.open("rb") as handle:
        issued = handle.read()
    page = _upload(client, certificate.code, issued).content.decode()
    assert "Đây đúng là tệp đã ban hành với mã này." in page
    assert "Chữ ký số hợp lệ của Nông Văn Quản" in page
    assert certificate.decision.deciding_unit.name in page and "Còn hiệu lực" in page

    page = _upload(client, certificate.code, tamper(issued)).content.decode()
    assert "Đây KHÔNG phải tệp đã ban hành" in page
    assert "không còn toàn vẹn" in page or "Không đọc được tệp PDF" in page

    page = _upload(client, certificate.code, _signed_by_a_stranger(_blank_pdf(), tmp_path)).content.decode()
    assert "Đây KHÔNG phải tệp đã ban hành" in page
    assert "Kẻ Mạo Danh" in page and "không do tổ chức chứng thực mà hệ thống này tin cậy cấp" in page

    # the issued file with content added after its signatures (an incremental update)
    from pyhanko.pdf_utils.generic import pdf_string
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    writer = IncrementalPdfFileWriter(io.BytesIO(issued), strict=False)
    writer.root["/Lang"] = pdf_string("en")
    writer.update_root()
    added = io.BytesIO()
    writer.write(added)
    page = _upload(client, certificate.code, added.getvalue()).content.decode()
    assert "Đây KHÔNG phải tệp đã ban hành" in page
    assert "hợp lệ, nhưng tệp đã được thêm nội dung sau khi ký" in page

    # revoked afterwards: the same file now says the award no longer stands
    from awards import services

    services.revoke_decision(
        actor=certificate.decision.created_by, decision=certificate.decision, reason="Sai"
    )
    page = _upload(client, certificate.code, issued).content.decode()
    assert "Đây đúng là tệp đã ban hành" in page and "Đã bị thu hồi" in page


def test_bad_uploads_get_a_clear_vietnamese_answer_never_an_error(client, unsigned_entry, settings):
    settings.SIGNING_VERIFY_MAX_MB = 1
    settings.SIGNING_VERIFY_MAX_PAGES = 3
    code = unsigned_entry.code
    cases = [
        (b"PK\x03\x04 a zip, not a PDF", "Tệp không phải PDF"),
        (b"%PDF-1.7\n" + b"x" * (1024 * 1024 + 10), "Tệp lớn hơn 1 MB"),
        (b"%PDF-1.7\n garbage that is no PDF at all", "Không đọc được tệp PDF"),
        (_blank_pdf(), "Tệp không có chữ ký số."),
        (_blank_pdf(pages=4), "Tệp có 4 trang"),
    ]
    for data, answer in cases:
        response = _upload(client, code, data)
        assert response.status_code == 200
        assert answer in response.content.decode(), answer
    response = client.post(reverse("signing:verify", args=[code]), {})
    assert response.status_code == 200 and "Hãy chọn tệp PDF cần kiểm tra." in response.content.decode()


def test_an_unknown_code_says_so(client):
    for code in ("aaaaaaaaaaaaaaaa", "1", "<script>"):
        response = client.get(f"/xac-minh/{code}/")
        assert response.status_code == 404
        assert "Không có quyết định hay bằng khen nào được ban hành tại đây" in response.content.decode()
    # an upload to an unknown code is answered the same, and nothing of it is kept
    response = _upload(client, "aaaaaaaaaaaaaaaa", _blank_pdf())
    assert response.status_code == 404
    assert "Không có quyết định hay bằng khen nào được ban hành tại đây" in response.content.decode()
    assert not SignedPdf.objects.exists()


def test_a_check_that_takes_too_long_is_stopped_and_said_so(client, unsigned_entry, settings, monkeypatch):
    import time

    from signing import verification

    def slow(data):
        time.sleep(1)
        return 1, []

    monkeypatch.setattr(verification, "_inspect", slow)  # a PDF crafted to keep the parser busy
    settings.SIGNING_VERIFY_SECONDS = 0.1
    response = _upload(client, unsigned_entry.code, _blank_pdf())
    assert response.status_code == 200
    assert "Kiểm tra tệp quá lâu nên đã dừng" in response.content.decode()


def test_checks_are_rate_limited_per_address(client, unsigned_entry, settings):
    settings.SIGNING_VERIFY_PER_MINUTE = 2
    statuses = [
        _upload(client, unsigned_entry.code, b"not a pdf", REMOTE_ADDR="192.0.2.7").status_code
        for _ in range(3)
    ]
    assert statuses == [200, 200, 429]
    assert _upload(client, unsigned_entry.code, b"not a pdf", REMOTE_ADDR="192.0.2.8").status_code == 200
    assert not SignedPdf.objects.exclude(pk=unsigned_entry.pk).exists()  # nothing of the visitor stored


def test_the_page_and_the_lookup_name_the_form_as_the_issuing_body_does(client, certificate, person):
    """“Bằng khen của Ban Chấp hành Liên đoàn Lao động tỉnh Cao Bằng”, as the decision prints it,
    not the rule data's generic “… tỉnh, thành phố”."""
    from awards.models import AwardForm

    AwardForm.objects.filter(pk=certificate.record.form_id).update(
        name="Bằng khen của Ban Chấp hành Liên đoàn Lao động tỉnh, thành phố", kind="commendation"
    )
    issued = "Bằng khen của Ban Chấp hành Liên đoàn Lao động tỉnh Cao Bằng"
    decision_code = certificate.decision.signed_pdfs.get(kind=SignedPdf.Kind.DECISION).code
    for code in (certificate.code, decision_code):
        page = client.get(reverse("signing:verify", args=[code])).content.decode()
        assert issued in page and "tỉnh, thành phố" not in page
    page = client.get(reverse("signing:lookup"), {"name": "nong thi hoa"}).content.decode()
    assert person.full_name in page and issued in page and "tỉnh, thành phố" not in page
