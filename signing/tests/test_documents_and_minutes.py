"""Signing an issued document of the registry and a closed council session's minutes: in the task
worker, by those with authority, with the issuing unit's certificates; then only the signed file
is offered, and its code opens the public verification page."""

import hashlib

import pytest
from django.urls import reverse

from accounts.models import Role
from accounts.testing import user_with_role
from awards.models import CouncilSession
from signing import services
from signing.models import SignedPdf
from signing.pdf import check_signatures
from signing.testing import identities
from signing.tests.conftest import issue

pytestmark = pytest.mark.django_db


def _content(signed: SignedPdf) -> bytes:
    with signed.file.open("rb") as handle:
        return handle.read()


def _body(response) -> bytes:
    return b"".join(response.streaming_content)


def test_an_issued_plan_is_signed_by_its_issuer_and_then_only_the_signed_file_is_offered(
    tree, issued_plan, province_officer, client, django_capture_on_commit_callbacks
):
    identities(tree.province)
    viewer = user_with_role(Role.VIEWER, tree.province, username="xem.tinh")
    client.force_login(viewer)
    page = client.get(reverse("documents:detail", args=[issued_plan.pk])).content.decode()
    assert reverse("signing:sign_document", args=[issued_plan.pk]) not in page  # no button for a viewer
    assert client.post(reverse("signing:sign_document", args=[issued_plan.pk])).status_code == 403

    client.force_login(province_officer)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("signing:sign_document", args=[issued_plan.pk]))
    signed = SignedPdf.objects.get(kind=SignedPdf.Kind.DOCUMENT, document=issued_plan)
    assert signed.status == SignedPdf.Status.SIGNED, signed.error
    data = _content(signed)
    assert hashlib.sha256(data).hexdigest() == signed.sha256
    assert [(c.signer, c.valid, c.covers_whole_file) for c in check_signatures(data)] == [
        ("Nông Văn Quản", True, True),
        (tree.province.name, True, True),
    ]
    page = client.get(reverse("documents:detail", args=[issued_plan.pk])).content.decode()
    assert signed.code in page and "PDF đã ký số" in page and "Word (.docx)" not in page

    # the unsigned renderings are no longer offered: both downloads answer the signed file
    for name in ("documents:pdf", "documents:docx"):
        assert _body(client.get(reverse(name, args=[issued_plan.pk]))) == data

    # anyone with the code learns what the document is, and that it is the file issued
    client.logout()
    page = client.get(reverse("signing:verify", args=[signed.code])).content.decode()
    for shown in (issued_plan.number_symbol, "15/06/2015", tree.province.name, issued_plan.summary):
        assert shown in page
    assert "Còn hiệu lực" in page
    from django.core.files.uploadedfile import SimpleUploadedFile

    page = client.post(
        reverse("signing:verify", args=[signed.code]),
        {"file": SimpleUploadedFile("kh.pdf", data, content_type="application/pdf")},
    ).content.decode()
    assert "Đây đúng là tệp đã ban hành với mã này." in page and "Chữ ký số hợp lệ của Nông Văn Quản" in page

    # never signed twice: the signed file stays as it is
    with pytest.raises(Exception, match="đã được ký"):
        services.request_document_signing(actor=province_officer, document=issued_plan)
    signed.refresh_from_db()
    assert _content(signed) == data


def test_a_draft_or_a_unit_without_a_certificate_is_refused_by_name(
    tree, plan, issued_plan, province_officer, client
):
    client.force_login(province_officer)
    response = client.post(reverse("signing:sign_document", args=[issued_plan.pk]), follow=True)
    assert f"{tree.province.name} chưa có chứng thư số" in response.content.decode()
    assert not SignedPdf.objects.exists()
    assert _body(client.get(reverse("documents:pdf", args=[issued_plan.pk]))).startswith(b"%PDF")


def test_a_decisions_registry_entry_answers_the_signed_decision_and_is_not_signed_twice(
    tree, province_officer, approved, client, django_capture_on_commit_callbacks
):
    identities(tree.province, organisation=False)
    with django_capture_on_commit_callbacks(execute=True):
        decision = issue(province_officer, tree, approved[:1])
    signed = decision.signed_pdfs.get(kind=SignedPdf.Kind.DECISION)
    client.force_login(province_officer)
    for name in ("documents:pdf", "documents:docx"):
        assert _body(client.get(reverse(name, args=[decision.document_id]))) == _content(signed)
    response = client.post(reverse("signing:sign_document", args=[decision.document_id]), follow=True)
    assert "trang của quyết định" in response.content.decode()
    assert not SignedPdf.objects.filter(kind=SignedPdf.Kind.DOCUMENT).exists()


def test_closed_council_minutes_are_signed_and_then_offered_only_signed(
    tree, province_officer, approved, client, django_capture_on_commit_callbacks
):
    identities(tree.province, organisation=False)
    session = CouncilSession.objects.get()
    client.force_login(province_officer)
    minutes_url = reverse("awards:session_minutes", args=[session.pk])
    assert client.get(minutes_url)["Content-Disposition"].endswith('.docx"')

    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("signing:sign_minutes", args=[session.pk]))
    signed = SignedPdf.objects.get(kind=SignedPdf.Kind.MINUTES, session=session)
    assert signed.status == SignedPdf.Status.SIGNED, signed.error
    data = _content(signed)
    assert [(c.signer, c.valid) for c in check_signatures(data)] == [("Nông Văn Quản", True)]
    response = client.get(minutes_url)
    assert _body(response) == data and response["Content-Disposition"].endswith('.pdf"')
    page = client.get(reverse("awards:session_detail", args=[session.pk])).content.decode()
    assert signed.code in page and "Biên bản (PDF đã ký số)" in page

    # the public page names the meeting, not its votes
    client.logout()
    page = client.get(reverse("signing:verify", args=[signed.code])).content.decode()
    assert session.title in page and "10/12/2015" in page and tree.province.name in page
    assert "Nông Thị Hoa" not in page and "đồng ý" not in page


def test_an_open_session_and_a_council_member_are_refused(tree, province_officer, approved, council):
    from django.core.exceptions import PermissionDenied, ValidationError

    identities(tree.province, organisation=False)
    session = CouncilSession.objects.get()
    with pytest.raises(PermissionDenied):
        services.request_minutes_signing(actor=council[0], session=session)
    CouncilSession.objects.filter(pk=session.pk).update(status=CouncilSession.Status.OPEN)
    with pytest.raises(ValidationError, match="đóng phiên"):
        services.request_minutes_signing(actor=province_officer, session=session)
    assert not SignedPdf.objects.exists()
