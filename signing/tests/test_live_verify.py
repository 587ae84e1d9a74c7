"""The verification page and the lookup of awards over real HTTP, CSRF enforced, as a visitor
without an account uses them."""

import pytest

from signing.models import SignedPdf
from signing.testing import identities, tamper
from signing.tests.conftest import issue

pytestmark = [pytest.mark.live, pytest.mark.django_db(transaction=True)]


def test_a_visitor_checks_a_certificate_over_http(live_client, tree, province_officer, approved):
    identities(tree.province, organisation=False)
    decision = issue(province_officer, tree, approved[:1])  # committed: signed in the (inline) worker
    signed = decision.signed_pdfs.get(kind=SignedPdf.Kind.CERTIFICATE)
    assert signed.status == SignedPdf.Status.SIGNED, signed.error
    with signed.file.open("rb") as handle:
        issued = handle.read()
    path = f"/xac-minh/{signed.code}/"
    visitor = live_client()

    page = visitor.get(path)
    assert page.status_code == 200 and decision.number_symbol in page.text

    refused = visitor.post_form(path, {}, csrf=False, files={"file": ("a.pdf", issued, "application/pdf")})
    assert refused.status_code == 403

    for data, answer in [
        (issued, "Đây đúng là tệp đã ban hành với mã này."),
        (tamper(issued), "Đây KHÔNG phải tệp đã ban hành"),
        (b"GIF89a not a pdf", "Tệp không phải PDF"),
    ]:
        response = visitor.post_form(path, {}, files={"file": ("bang-khen.pdf", data, "application/pdf")})
        assert response.status_code == 200 and answer in response.text, answer

    unknown = visitor.get("/xac-minh/khongcoma0000000/")
    assert unknown.status_code == 404 and "Mã xác minh không tồn tại" in unknown.text

    # the portal's lookup of awards finds the award without diacritics and leads to this page
    found = visitor.get("/tra-cuu-khen-thuong/?name=nong+thi+hoa")
    assert found.status_code == 200 and "Nông Thị Hoa" in found.text and path in found.text
    bad = visitor.get("/tra-cuu-khen-thuong/?name=hoa%00")
    assert bad.status_code == 200 and "chứa ký tự không được phép" in bad.text
