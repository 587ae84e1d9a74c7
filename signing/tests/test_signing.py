"""Signing award decisions and their certificates in the task worker (tests run tasks inline),
with keys in a real PKCS#11 token (SoftHSM2) or a PKCS#12 file, certified by the demo CA."""

import hashlib
import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from awards import services as awards_services
from signing import services
from signing.models import SignedPdf, SigningIdentity
from signing.pdf import check_signatures
from signing.testing import identities
from signing.tests.conftest import issue

pytestmark = pytest.mark.django_db


def _content(signed: SignedPdf) -> bytes:
    with signed.file.open("rb") as handle:
        return handle.read()


def _body(response) -> bytes:
    return b"".join(response.streaming_content)


def test_an_issued_decision_and_each_certificate_are_signed_by_the_person_and_the_organisation(
    tree, province_officer, approved, client, django_capture_on_commit_callbacks
):
    identities(tree.province)
    with django_capture_on_commit_callbacks(execute=True):
        decision = issue(province_officer, tree, approved)

    files = list(decision.signed_pdfs.order_by("kind", "record_id"))
    assert [f.kind for f in files] == ["certificate", "certificate", "decision"]
    assert {f.status for f in files} == {SignedPdf.Status.SIGNED}, [f.error for f in files]
    assert len({f.code for f in files}) == 3
    for signed in files:
        data = _content(signed)
        assert hashlib.sha256(data).hexdigest() == signed.sha256
        checks = check_signatures(data)
        assert [(c.signer, c.valid, c.covers_whole_file) for c in checks] == [
            ("Nông Văn Quản", True, True),
            (tree.province.name, True, True),
        ]
        assert checks[0].organisation == tree.province.name

    # once signed, the unsigned PDF and DOCX are no longer offered: both answer the signed file
    client.force_login(province_officer)
    decision_file = _content(files[-1])
    for name in ("awards:decision_pdf", "awards:decision_docx"):
        response = client.get(reverse(name, args=[decision.pk]))
        assert _body(response) == decision_file
    page = client.get(reverse("awards:decision_detail", args=[decision.pk])).content.decode()
    assert "DOCX" not in page and files[-1].code in page
    archive = zipfile.ZipFile(
        io.BytesIO(_body(client.get(reverse("awards:decision_certificates", args=[decision.pk]))))
    )
    assert sorted(archive.read(n) for n in archive.namelist()) == sorted(_content(f) for f in files[:2])


def test_a_pkcs12_file_signs_as_well_and_without_an_organisation_certificate_one_signature(
    tree, province_officer, approved, django_capture_on_commit_callbacks
):
    identities(
        tree.province, person_name="Lục Thị Hà", organisation=False, source=SigningIdentity.Source.PKCS12
    )
    with django_capture_on_commit_callbacks(execute=True):
        decision = issue(province_officer, tree, approved[:1])
    signed = decision.signed_pdfs.get(kind=SignedPdf.Kind.DECISION)
    assert signed.status == SignedPdf.Status.SIGNED, signed.error
    assert [(c.signer, c.valid) for c in check_signatures(_content(signed))] == [("Lục Thị Hà", True)]


def test_a_corrected_decision_leaves_the_signed_original_untouched_and_the_new_one_is_signed(
    tree, province_officer, approved, client, django_capture_on_commit_callbacks
):
    identities(tree.province, organisation=False)
    with django_capture_on_commit_callbacks(execute=True):
        original = issue(province_officer, tree, approved[:1])
    signed = original.signed_pdfs.get(kind=SignedPdf.Kind.DECISION)
    before = (_content(signed), signed.sha256, signed.file.name)
    certificate = original.signed_pdfs.get(kind=SignedPdf.Kind.CERTIFICATE)
    certificate_before = (_content(certificate), certificate.sha256, certificate.file.name)

    with django_capture_on_commit_callbacks(execute=True):
        new = awards_services.correct_decision(
            actor=province_officer,
            decision=original,
            nominations=approved[:1],
            decided_on=original.decided_on,
            reason="Sửa tên đơn vị",
            signer_name="Nông Văn Quản",
        )
    signed.refresh_from_db()
    assert (_content(signed), signed.sha256, signed.file.name) == before
    replacement = new.signed_pdfs.get(kind=SignedPdf.Kind.DECISION)
    assert replacement.status == SignedPdf.Status.SIGNED and replacement.code != signed.code
    # the original certificate too stays as signed; the new decision's certificate is a new signed file
    certificate.refresh_from_db()
    assert (_content(certificate), certificate.sha256, certificate.file.name) == certificate_before
    new_certificate = new.signed_pdfs.get(kind=SignedPdf.Kind.CERTIFICATE)
    assert new_certificate.status == SignedPdf.Status.SIGNED and new_certificate.code != certificate.code
    assert _content(new_certificate) != certificate_before[0]

    page = client.get(reverse("signing:verify", args=[signed.code])).content.decode()
    assert "Đã được đính chính" in page and new.number_symbol in page

    # the corrected one is never signed again
    with pytest.raises(ValidationError):
        services.request_signing(actor=province_officer, decision=original)


def test_without_a_certificate_nothing_is_signed_and_asking_names_the_unit(
    tree, province_officer, approved, client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        decision = issue(province_officer, tree, approved[:1])
    assert not decision.signed_pdfs.exists()
    client.force_login(province_officer)
    response = client.post(reverse("signing:sign_decision", args=[decision.pk]), follow=True)
    assert tree.province.name in response.content.decode()
    assert _body(client.get(reverse("awards:decision_pdf", args=[decision.pk]))).startswith(b"%PDF")


def test_a_key_missing_from_the_token_fails_that_file_with_its_reason_and_can_be_retried(
    tree, province_officer, approved, client, django_capture_on_commit_callbacks
):
    person, _org = identities(tree.province, organisation=False)
    SigningIdentity.objects.filter(pk=person.pk).update(key_label="not-in-the-token")
    with django_capture_on_commit_callbacks(execute=True):
        decision = issue(province_officer, tree, approved[:1])
    failed = decision.signed_pdfs.get(kind=SignedPdf.Kind.DECISION)
    assert failed.status == SignedPdf.Status.FAILED and failed.error and not failed.file

    client.force_login(province_officer)
    assert (
        "không ký được" in client.get(reverse("awards:decision_detail", args=[decision.pk])).content.decode()
    )
    SigningIdentity.objects.filter(pk=person.pk).update(key_label=person.key_label)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("signing:sign_decision", args=[decision.pk]))
    failed.refresh_from_db()
    assert failed.status == SignedPdf.Status.SIGNED


def test_verification_codes_carry_80_random_bits_and_are_not_sequential():
    from signing.models import new_verification_code

    codes = [new_verification_code() for _ in range(200)]
    assert len(set(codes)) == 200
    assert all(len(c) == 16 and c.isalnum() and c == c.lower() for c in codes)  # 16 base-32 letters = 80 bits


@pytest.mark.parametrize("source", [SigningIdentity.Source.PKCS11, SigningIdentity.Source.PKCS12])
def test_an_empty_or_wrong_pin_or_passphrase_is_refused_in_vietnamese_naming_the_setting(
    source, tree, province_officer, approved, client, settings, django_capture_on_commit_callbacks
):
    identities(tree.province, organisation=False, source=source)
    setting = "SIGNING_PIN" if source == SigningIdentity.Source.PKCS11 else "SIGNING_PKCS12_PASSPHRASE"
    right = getattr(settings, setting)
    client.force_login(province_officer)
    decision = None
    for value, answer in (("", "để trống"), ("sai-" + right, "sai")):
        setattr(settings, setting, value)
        with django_capture_on_commit_callbacks(execute=True):
            if decision is None:
                decision = issue(province_officer, tree, approved[:1])
            else:
                client.post(reverse("signing:sign_decision", args=[decision.pk]))
        failed = decision.signed_pdfs.get(kind=SignedPdf.Kind.DECISION)
        assert failed.status == SignedPdf.Status.FAILED and not failed.file
        assert f"({setting})" in failed.error and answer in failed.error, failed.error
        page = client.get(reverse("awards:decision_detail", args=[decision.pk])).content.decode()
        assert f"({setting})" in page

    setattr(settings, setting, right)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("signing:sign_decision", args=[decision.pk]))
    assert decision.signed_pdfs.get(kind=SignedPdf.Kind.DECISION).status == SignedPdf.Status.SIGNED


def test_a_revoked_decision_keeps_its_signed_files_untouched_and_is_never_signed_again(
    tree, province_officer, approved, client, django_capture_on_commit_callbacks
):
    identities(tree.province, organisation=False)
    with django_capture_on_commit_callbacks(execute=True):
        decision = issue(province_officer, tree, approved[:1])
    files = list(decision.signed_pdfs.order_by("kind"))
    assert [f.status for f in files] == [SignedPdf.Status.SIGNED] * 2
    before = [(_content(f), f.sha256, f.file.name, f.code) for f in files]

    awards_services.revoke_decision(
        actor=province_officer, decision=decision, reason="Hồ sơ không trung thực"
    )
    for f in files:
        f.refresh_from_db()
    assert [(_content(f), f.sha256, f.file.name, f.code) for f in files] == before
    with pytest.raises(ValidationError):
        services.request_signing(actor=province_officer, decision=decision)
    assert decision.signed_pdfs.count() == 2

    # the signed original is still what the decision's download answers, and its codes say revoked
    client.force_login(province_officer)
    assert _body(client.get(reverse("awards:decision_pdf", args=[decision.pk]))) == before[1][0]
    for f in files:
        page = client.get(reverse("signing:verify", args=[f.code])).content.decode()
        assert "Đã bị thu hồi" in page and "Hồ sơ không trung thực" not in page  # no reason shown
