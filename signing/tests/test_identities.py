"""A unit's administrator registers the certificates the unit was issued (the organisation's, in
place of the seal, or the person with authority's): a PKCS#12 file uploaded with its passphrase,
or a key in the PKCS#11 token by its label. A wrong passphrase, an expired, untrusted or
mismatched certificate, a huge or wrong file are refused in Vietnamese, naming the field, and
nothing is registered. Once the unit holds an organisation certificate, both signatures appear."""

import pytest
from cryptography.hazmat.primitives.serialization import pkcs12
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from accounts.models import Role
from accounts.testing import user_with_role
from signing.keys import pkcs12_path
from signing.models import SignedPdf, SigningIdentity
from signing.pdf import check_signatures
from signing.testing import identities, pkcs12_file
from signing.tests.conftest import issue

pytestmark = pytest.mark.django_db

PASSPHRASE = "mat-khau-cua-tep"


def _register(client, unit, **data):
    data.setdefault("kind", SigningIdentity.Kind.ORGANISATION)
    data.setdefault("source", SigningIdentity.Source.PKCS12)
    if isinstance(data.get("pkcs12"), bytes):
        data["pkcs12"] = SimpleUploadedFile(
            "chung-thu.p12", data["pkcs12"], content_type="application/x-pkcs12"
        )
    return client.post(reverse("signing:unit_identities", args=[unit.pk]), data)


def test_the_administrator_registers_the_organisation_certificate_and_both_signatures_appear(
    tree, admin_user, province_officer, approved, client, settings, django_capture_on_commit_callbacks
):
    identities(tree.province, organisation=False)
    client.force_login(province_officer)
    assert (
        reverse("signing:unit_identities", args=[tree.province.pk])
        not in client.get(reverse("organisations:unit_detail", args=[tree.province.pk])).content.decode()
    )
    assert _register(client, tree.province).status_code == 403

    client.force_login(admin_user)
    detail = client.get(reverse("organisations:unit_detail", args=[tree.province.pk])).content.decode()
    assert reverse("signing:unit_identities", args=[tree.province.pk]) in detail
    data = pkcs12_file("LĐLĐ tỉnh Cao Bằng", tree.province.name, PASSPHRASE)
    response = _register(client, tree.province, pkcs12=data, passphrase=PASSPHRASE)
    assert response.status_code == 302
    organisation = SigningIdentity.objects.get(unit=tree.province, kind="organisation", active=True)
    assert organisation.holder_name == tree.province.name and organisation.source == "pkcs12"
    assert organisation.history.get().history_user == admin_user
    page = client.get(response["Location"]).content.decode()
    assert "Đã đăng ký chứng thư số của" in page and "Chữ ký số của cơ quan" in page

    # the passphrase typed is not kept: the stored key opens with the environment's only
    stored = pkcs12_path(organisation).read_bytes()
    assert pkcs12.load_key_and_certificates(stored, settings.SIGNING_PKCS12_PASSPHRASE.encode())[0]
    with pytest.raises(ValueError):
        pkcs12.load_key_and_certificates(stored, PASSPHRASE.encode())

    with django_capture_on_commit_callbacks(execute=True):
        decision = issue(province_officer, tree, approved[:1])
    signed = decision.signed_pdfs.get(kind=SignedPdf.Kind.DECISION)
    with signed.file.open("rb") as handle:
        checks = check_signatures(handle.read())
    assert [(c.signer, c.valid, c.covers_whole_file) for c in checks] == [
        ("Nông Văn Quản", True, True),
        ("LĐLĐ tỉnh Cao Bằng", True, True),
    ]

    # a new certificate replaces the old one, which stays in history as retired
    _register(
        client,
        tree.province,
        pkcs12=pkcs12_file("Mới", tree.province.name, PASSPHRASE),
        passphrase=PASSPHRASE,
    )
    organisation.refresh_from_db()
    assert not organisation.active
    assert organisation.history.filter(active=False, history_user=admin_user).exists()
    assert SigningIdentity.objects.filter(unit=tree.province, kind="organisation", active=True).count() == 1


def test_bad_certificates_are_refused_in_vietnamese_naming_the_field_and_nothing_is_kept(
    tree, admin_user, client, settings
):
    identities(tree.province, organisation=False)
    client.force_login(admin_user)
    name = tree.province.name
    cases = [
        ({"pkcs12": pkcs12_file("A", name, PASSPHRASE), "passphrase": "sai"}, "Mật khẩu sai"),
        (
            {"pkcs12": pkcs12_file("A", name, PASSPHRASE, expired=True), "passphrase": PASSPHRASE},
            "đã hết hạn ngày",
        ),
        (
            {"pkcs12": pkcs12_file("A", name, PASSPHRASE, trusted=False), "passphrase": PASSPHRASE},
            "không do tổ chức chứng thực mà hệ thống này tin cậy cấp",
        ),
        (
            {"pkcs12": pkcs12_file("A", name, PASSPHRASE, for_signing=False), "passphrase": PASSPHRASE},
            "không được cấp để ký văn bản",
        ),
        (
            {"pkcs12": pkcs12_file("A", name, PASSPHRASE, mismatched=True), "passphrase": PASSPHRASE},
            "không khớp với khóa bí mật",
        ),
        ({"pkcs12": b"\x30" + b"\0" * (64 * 1024), "passphrase": PASSPHRASE}, "Tệp lớn hơn 64 KB"),
        ({"pkcs12": b"%PDF-1.7\n not a key file", "passphrase": PASSPHRASE}, "không phải tệp PKCS#12"),
        ({"passphrase": PASSPHRASE}, "Hãy chọn tệp PKCS#12"),
        ({"source": "pkcs11", "key_label": "khong-co-trong-token"}, "không có khóa bí mật mang nhãn"),
        ({"source": "pkcs11", "key_label": ""}, "Hãy nhập nhãn của khóa"),
    ]
    before = list(SigningIdentity.objects.values_list("pk", "active"))
    for data, answer in cases:
        response = _register(client, tree.province, **data)
        assert response.status_code == 200, answer
        page = response.content.decode()
        assert answer in page, answer
        assert 'class="field has-error"' in page, answer  # told beside the field
    assert list(SigningIdentity.objects.values_list("pk", "active")) == before

    settings.SIGNING_PKCS12_PASSPHRASE = ""
    response = _register(
        client, tree.province, pkcs12=pkcs12_file("A", name, PASSPHRASE), passphrase=PASSPHRASE
    )
    assert "(SIGNING_PKCS12_PASSPHRASE)" in response.content.decode()
    assert list(SigningIdentity.objects.values_list("pk", "active")) == before


def test_a_key_in_the_token_is_registered_by_its_label(tree, admin_user, client):
    # a key and certificate the authority put in the token for the province, registered nowhere yet
    in_token, _org = identities(tree.province, person_name="Hoàng Văn Ba", organisation=False)
    label, fingerprint = in_token.key_label, in_token.fingerprint
    in_token.delete()
    client.force_login(admin_user)
    response = _register(client, tree.province, kind="person", source="pkcs11", key_label=label)
    assert response.status_code == 302
    registered = SigningIdentity.objects.get(unit=tree.province, kind="person", active=True)
    assert (registered.holder_name, registered.fingerprint) == ("Hoàng Văn Ba", fingerprint)
    viewer = user_with_role(Role.VIEWER, tree.province, username="xem.tinh")
    client.force_login(viewer)
    assert client.get(reverse("signing:unit_identities", args=[tree.province.pk])).status_code == 403


def test_a_file_that_takes_too_long_to_open_is_refused_at_the_time_limit(
    tree, admin_user, client, monkeypatch
):
    """The rounds a file asks for that can be read are bounded first; what cannot be read before
    decrypting (a key inside an encrypted safe) is bounded by the child process's time limit."""
    import time

    from signing import certificates
    from signing.tests.test_live_signing_attacks import without_mac_key_rounds

    monkeypatch.setattr(certificates, "PKCS12_MAX_ROUNDS", 10**10)  # as if the count were hidden
    monkeypatch.setattr(certificates, "PKCS12_OPEN_SECONDS", 1)
    client.force_login(admin_user)
    slow = without_mac_key_rounds(pkcs12_file("A", tree.province.name, PASSPHRASE), 10**9)
    started = time.monotonic()
    response = _register(client, tree.province, pkcs12=slow, passphrase=PASSPHRASE)
    assert time.monotonic() - started < 5
    assert "Mở tệp PKCS#12 mất quá 1 giây" in response.content.decode()
    assert not SigningIdentity.objects.filter(unit=tree.province, kind="organisation").exists()


def test_a_certificate_naming_the_unit_by_its_short_name_is_accepted_another_unit_refused(
    tree, admin_user, client
):
    """Authorities print the organisation either way; a name that is neither the unit's full nor
    its short name (ignoring case and marks) belongs to another organisation and is refused."""
    identities(tree.province, organisation=False)
    tree.province.short_name = "LĐLĐ tỉnh Cao Bằng"
    tree.province.save()
    client.force_login(admin_user)
    response = _register(
        client,
        tree.province,
        pkcs12=pkcs12_file("A", tree.district_b.name, PASSPHRASE),
        passphrase=PASSPHRASE,
    )
    assert "không phải" in response.content.decode()
    assert not SigningIdentity.objects.filter(unit=tree.province, kind="organisation").exists()

    response = _register(
        client,
        tree.province,
        pkcs12=pkcs12_file("A", "LDLD TINH CAO BANG", PASSPHRASE),
        passphrase=PASSPHRASE,
    )
    assert response.status_code == 302
    assert SigningIdentity.objects.filter(unit=tree.province, kind="organisation", active=True).exists()
