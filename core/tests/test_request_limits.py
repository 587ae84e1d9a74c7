"""A request body over the limit is refused by the app with a Vietnamese 413, before it is read."""

from django.core.files.uploadedfile import SimpleUploadedFile

from core.tests.authz import member_workbook


def test_a_body_over_the_request_limit_gets_a_vietnamese_413(client, officer_a, tree, settings):
    settings.MAX_UPLOAD_MB = 1
    settings.REQUEST_MAX_MB = 2
    client.force_login(officer_a)
    url = f"/to-chuc/don-vi/{tree.grassroots_a1.pk}/nhap-doan-vien/"
    content = member_workbook(tree.grassroots_a1.code) + b"\0" * (2 * 1024 * 1024 + 10)
    response = client.post(url, {"file": SimpleUploadedFile("doan-vien.xlsx", content)})
    assert response.status_code == 413
    page = response.content.decode()
    assert "Tệp quá lớn" in page and "1 MB" in page
    assert "frame-ancestors 'none'" in response.headers["Content-Security-Policy"]
    api = client.post(
        "/api/v1/members/import", data=b"x" * (2 * 1024 * 1024 + 10), content_type="application/octet-stream"
    )
    assert api.status_code == 413 and "1 MB" in api.json()["detail"]


def test_a_file_just_over_the_upload_limit_still_reaches_its_form(client, officer_a, tree, settings):
    settings.MAX_UPLOAD_MB = 1
    settings.REQUEST_MAX_MB = 2
    client.force_login(officer_a)
    content = member_workbook(tree.grassroots_a1.code) + b"\0" * (1024 * 1024 + 10)
    response = client.post(
        f"/to-chuc/don-vi/{tree.grassroots_a1.pk}/nhap-doan-vien/",
        {"file": SimpleUploadedFile("doan-vien.xlsx", content)},
    )
    assert response.status_code == 200
    assert "vượt giới hạn 1 MB" in response.content.decode()
