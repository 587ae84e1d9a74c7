"""Attacks from outside on signing's pages, over real HTTP with CSRF enforced (run on SQLite and
PostgreSQL): hostile certificate files on a unit's certificate page, the sign endpoints, the signed
downloads and the public pages with other units' ids and path tricks. Every answer is a refusal
(302 to the login page, 403, 404, 405) or the form with its message; never a 500, never another
unit's data, never a stored key nobody registered."""

from __future__ import annotations

import re
import time

import pytest
from asn1crypto import cms
from asn1crypto import pkcs12 as asn1_pkcs12
from django.urls import reverse

from accounts.models import Role
from accounts.testing import user_with_role
from signing import keys
from signing.models import SignedPdf, SigningIdentity
from signing.testing import identities, pkcs12_file

pytestmark = [pytest.mark.live, pytest.mark.django_db(transaction=True)]

PASSPHRASE = "mat-khau-cua-tep"
SECONDS = 10  # the page answers a hostile file well within this, on a loaded 2-core machine


def with_mac_rounds(data: bytes, rounds: int) -> bytes:
    """The PKCS#12 file with its integrity check (MAC) asking for `rounds` of key derivation."""
    pfx = asn1_pkcs12.Pfx.load(data)
    pfx["mac_data"]["iterations"] = rounds
    return pfx.dump(force=True)


def without_mac_key_rounds(data: bytes, rounds: int) -> bytes:
    """The PKCS#12 file without its (optional) MAC, its key encrypted under `rounds` of PBKDF2."""
    pfx = asn1_pkcs12.Pfx.load(data)
    safes = []
    for info in pfx.authenticated_safe:
        if info["content_type"].native == "data":
            bags = asn1_pkcs12.SafeContents.load(info["content"].native)
            for bag in bags:
                if bag["bag_id"].native == "pkcs8_shrouded_key_bag":
                    kdf = bag["bag_value"]["encryption_algorithm"]["parameters"]["key_derivation_func"]
                    kdf["parameters"]["iteration_count"] = rounds
            content = asn1_pkcs12.SafeContents(list(bags)).dump(force=True)
            info = cms.ContentInfo({"content_type": "data", "content": content})
        safes.append(info)
    auth = asn1_pkcs12.AuthenticatedSafe(safes).dump(force=True)
    return asn1_pkcs12.Pfx(
        {"version": "v3", "auth_safe": cms.ContentInfo({"content_type": "data", "content": auth})}
    ).dump()


def with_many_certificates(holder: str, organisation: str, count: int) -> bytes:
    """A valid key and certificate, and `count` more certificates in its chain."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.serialization import pkcs12

    key, cert, _chain = pkcs12.load_key_and_certificates(
        pkcs12_file(holder, organisation, PASSPHRASE), PASSPHRASE.encode()
    )
    assert key is not None and cert is not None
    return pkcs12.serialize_key_and_certificates(
        b"many",
        key,  # type: ignore[arg-type]
        cert,
        [cert] * count,
        serialization.BestAvailableEncryption(PASSPHRASE.encode()),
    )


def _stored_keys() -> set[str]:
    folder = keys.signing_dir() / "keys"
    return {p.name for p in folder.iterdir()} if folder.exists() else set()


def test_hostile_certificate_files_are_refused_in_bounded_time_naming_the_field_and_nothing_is_kept(
    live_client, tree, admin_user
):
    identities(tree.province, organisation=False)  # a key in the token (district A may not take it)
    in_token = SigningIdentity.objects.get(unit=tree.province, kind="person")
    name = tree.province.name
    good = pkcs12_file("LĐLĐ tỉnh Cao Bằng", name, PASSPHRASE)
    district_admin = user_with_role(Role.ADMIN, tree.district_a, username="quantri.a")
    cases = [
        ("pkcs12", {"pkcs12": with_mac_rounds(good, 2**31 - 1)}, "vòng dẫn xuất khóa"),
        ("pkcs12", {"pkcs12": without_mac_key_rounds(good, 2**31 - 1)}, "vòng dẫn xuất khóa"),
        ("pkcs12", {"pkcs12": with_many_certificates("A", name, 50)}, "chứng thư (tối đa"),
        ("pkcs12", {"pkcs12": b"\x30" + b"\0" * (64 * 1024)}, "Tệp lớn hơn 64 KB"),
        ("pkcs12", {"pkcs12": b"\x30\x82" + b"\xff" * (64 * 1024 - 2)}, "không phải tệp PKCS#12"),
        ("pkcs12", {"pkcs12": b"PK\x03\x04" + b"\0" * 200}, "không phải tệp PKCS#12"),
        ("pkcs12", {"pkcs12": b"%PDF-1.7\n%\xe2\xe3\n1 0 obj<<>>endobj"}, "không phải tệp PKCS#12"),
        ("pkcs12", {"pkcs12": b""}, ""),
        ("passphrase", {"pkcs12": good, "passphrase": PASSPHRASE + "\0"}, "ký tự null"),
        ("pkcs12", {"pkcs12": good, "passphrase": "x" * 10_000}, "Mật khẩu sai"),
        ("pkcs12", {"pkcs12": good, "passphrase": "\x1b[31m\x07\x08"}, "Mật khẩu sai"),
        ("pkcs12", {"pkcs12": pkcs12_file("A", "Công ty TNHH Khác", PASSPHRASE)}, "không phải cho"),
        ("pkcs12", {"pkcs12": pkcs12_file("A", name, PASSPHRASE, for_signing=False)}, "để ký văn bản"),
        ("key_label", {"source": "pkcs11", "key_label": "thidua\0"}, "ký tự null"),
        ("key_label", {"source": "pkcs11", "key_label": "x" * 10_000}, "Hãy nhập nhãn của khóa"),
        ("key_label", {"source": "pkcs11", "key_label": "\x1b\x07"}, "không có khóa bí mật mang nhãn"),
    ]
    browser = live_client()
    browser.login(admin_user.username)
    path = reverse("signing:unit_identities", args=[tree.province.pk])
    before = (list(SigningIdentity.objects.values_list("pk", "active")), _stored_keys())
    for field, data, answer in cases:
        form = {"kind": "organisation", "source": "pkcs12", "passphrase": PASSPHRASE}
        files = {}
        for key, value in data.items():
            if isinstance(value, bytes):
                files[key] = ("chung-thu.p12", value, "application/x-pkcs12")
            else:
                form[key] = value
        started = time.monotonic()
        response = browser.post_form(path, form, files=files)
        took = time.monotonic() - started
        assert response.status_code == 200, (answer, response.status_code)
        assert took < SECONDS, (answer, took)
        told = re.findall(r'class="(?:errorlist|field-error|error)[^"]*"[^>]*>(.*?)</', response.text, re.S)
        assert answer in response.text, (answer, told)
        at = response.text.index(f'name="{field}"')
        assert 'class="field has-error"' in response.text[max(0, at - 2000) : at], answer  # beside it
    assert (list(SigningIdentity.objects.values_list("pk", "active")), _stored_keys()) == before

    # another unit's administrator cannot take the province's key in the shared token by its label
    intruder = live_client()
    intruder.login(district_admin.username)
    taken = intruder.post_form(
        reverse("signing:unit_identities", args=[tree.district_a.pk]),
        {"kind": "person", "source": "pkcs11", "key_label": in_token.key_label},
    )
    assert taken.status_code == 200 and "đã được đăng ký cho đơn vị khác" in taken.text
    assert not SigningIdentity.objects.filter(unit=tree.district_a).exists()


def test_signing_urls_refuse_other_units_odd_ids_path_tricks_and_wrong_methods(
    live_client, tree, admin_user, officer_a, officer_b, province_officer, approved
):
    from signing.tests.conftest import issue

    identities(tree.province, organisation=False)
    decision = issue(province_officer, tree, approved[:1])
    certificate = decision.signed_pdfs.get(kind=SignedPdf.Kind.CERTIFICATE)
    assert certificate.status == SignedPdf.Status.SIGNED, certificate.error
    district_admin_b = user_with_role(Role.ADMIN, tree.district_b, username="quantri.b")
    council_b = user_with_role(Role.COUNCIL, tree.district_b, username="hoidong.b")
    editor_b = user_with_role(Role.EDITOR, tree.district_b, username="bientap.b")
    viewer_a = user_with_role(Role.VIEWER, tree.district_a, username="xem.a")
    province = tree.province.pk
    post_only = [
        f"/khen-thuong/quyet-dinh/{decision.pk}/ky-so/",
        f"/khen-thuong/hoi-dong/{decision.pk}/ky-so/",
        f"/van-ban/{decision.document_id}/ky-so/",
    ]
    own = [
        f"/to-chuc/don-vi/{province}/chung-thu-so/",
        f"/khen-thuong/ban-ky-so/{certificate.pk}/",
        reverse("awards:decision_pdf", args=[decision.pk]),  # the signed decision, once signed
    ]
    tricks = ["99999999999999999999", "²", "-1", "0", f"{province}%2f..%2f", f"..%2f{province}", "%2e%2e",
              f"{province}%252f", f"{province}junk", f"{province};x", f"{province}%00"]  # fmt: skip
    pdf_marker = b"%PDF"
    anonymous = live_client()
    for url in own + post_only:
        for method in ("GET", "POST", "PUT", "DELETE"):
            answer = anonymous.request(method, url, headers={"Referer": anonymous.base_url + url})
            assert answer.status_code in (302, 403, 405), (method, url, answer.status_code)
            if answer.status_code == 302:
                assert reverse("accounts:login") in answer.headers["Location"]
    for user in (district_admin_b, officer_b, council_b, editor_b, viewer_a, officer_a):
        browser = live_client()
        browser.login(user.username)
        browser.get("/")
        for url in own:
            answer = browser.get(url)
            allowed = not url.startswith("/to-chuc/") and user in (officer_a, viewer_a)
            if allowed:  # district A proposed the award: its roles read the decision and its files
                assert answer.status_code == 200
            else:
                assert answer.status_code in (403, 404), (user.username, url, answer.status_code)
                assert not answer.content.startswith(pdf_marker)
            for method in ("PUT", "DELETE"):
                assert browser.request(method, url).status_code in (403, 404, 405), (method, url)
        for url in post_only:
            assert browser.get(url).status_code == 405, url
            refused = browser.post_form(url, {})
            assert refused.status_code in (403, 404), (user.username, url, refused.status_code)
        for trick in tricks:
            for pattern in ("/to-chuc/don-vi/{}/chung-thu-so/", "/khen-thuong/ban-ky-so/{}/"):
                url = pattern.format(trick)
                answer = browser.get(url)
                assert answer.status_code in (301, 302, 400, 403, 404), (url, answer.status_code)
                assert not answer.content.startswith(pdf_marker), url
    assert SignedPdf.objects.filter(status=SignedPdf.Status.PENDING).count() == 0  # nothing queued

    # the signed files are never reachable under /media/, whoever asks and however
    stored = certificate.file.name
    for who in (anonymous, live_client()):
        for url in (f"/media/{stored}", f"/media/publishing/articles/..%2f..%2f{stored}"):
            assert who.get(url).status_code == 404, url

    # the public pages: no stack trace, odd codes answer 404, the lookup shows no personal data
    visitor = live_client()
    for code in ("²²²", "a" * 33, "..%2f..%2fetc", "%00", "' OR 1=1 --", certificate.code.upper()):
        answer = visitor.get(f"/xac-minh/{code}/")
        assert answer.status_code in (200, 404), (code, answer.status_code)
        assert "Traceback" not in answer.text
    member = approved[0].member
    found = visitor.get("/tra-cuu-khen-thuong/?name=" + member.full_name)
    assert found.status_code == 200 and member.full_name in found.text
    for private in (member.code, member.birth_date.strftime("%d/%m/%Y") if member.birth_date else None):
        if private:
            assert private not in found.text, private
