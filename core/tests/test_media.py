from django.core.files.base import ContentFile
from django.core.files.storage import default_storage


def test_portal_images_are_public_and_other_uploads_need_a_login(client, officer_a):
    image = default_storage.save("publishing/articles/2026/11/anh.png", ContentFile(b"\\x89PNG fake"))
    minutes = default_storage.save("awards/minutes/2015/bien-ban.pdf", ContentFile(b"%PDF-1.4 minutes"))
    assert client.get(f"/media/{image}").status_code == 200
    response = client.get(f"/media/{minutes}")
    assert response.status_code == 302 and "/dang-nhap/" in response["Location"]
    client.force_login(officer_a)
    assert b"".join(client.get(f"/media/{minutes}").streaming_content) == b"%PDF-1.4 minutes"


def test_a_path_outside_the_media_folder_is_not_served(client, officer_a):
    client.force_login(officer_a)
    assert client.get("/media/../thidua/settings.py").status_code == 404
    assert client.get("/media/missing.pdf").status_code == 404
