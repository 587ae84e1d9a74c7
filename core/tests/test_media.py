"""/media/ serves portal images and nothing else (issue 13, findings 1 and 2).

The tricks below each answered 200 with a council's minutes or a member workbook when /media/
decided "public" on the raw path ("publishing/articles/...") and resolved ".." only after."""

import io
import re

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from accounts.models import Role
from accounts.testing import user_with_role
from core.views import media_name

MINUTES = b"%PDF-1.4 council minutes of district B"


def _jpeg() -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", (400, 300), (30, 90, 160)).save(buffer, "JPEG")
    return SimpleUploadedFile("anh.jpg", buffer.getvalue(), content_type="image/jpeg")


@pytest.fixture
def private_file(settings, tmp_path):
    """A council's minutes where the old code stored them (a guessable name)."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return default_storage.save("awards/minutes/2015/bien-ban.pdf", ContentFile(MINUTES))


@pytest.fixture
def articles(tree, settings, tmp_path):
    from publishing import services
    from publishing.models import Category

    settings.MEDIA_ROOT = tmp_path / "media"
    category = Category.objects.get(slug="nguoi-tot-viec-tot")
    writer = user_with_role(Role.OFFICER, tree.grassroots_a1, username="writer")
    editor = user_with_role(Role.EDITOR, tree.province, username="bientap")

    def article(title):
        return services.create_article(
            actor=writer,
            unit=tree.grassroots_a1,
            category=category,
            title=title,
            lead="Sa-pô.",
            body="<p>Nội dung.</p>",
            image=_jpeg(),
        )

    published = article("Bài đã đăng")
    published = services.publish_article(
        services.approve_article(services.submit_article(published, actor=writer), actor=editor), actor=editor
    )
    return {"published": published.images.get(), "draft": article("Bài nháp").images.get()}


def _body(response) -> bytes:
    return b"".join(response.streaming_content)


TRICKS = [
    "publishing/articles/..%2f..%2f{name}",
    "publishing/articles/%2e%2e/%2e%2e/{name}",
    "publishing/articles/%2e%2e%2f%2e%2e%2f{name}",
    "publishing/articles/../../{name}",
    "publishing/articles/%252e%252e%252f%252e%252e%252f{name}",
    "publishing/articles/%25252e%25252e%25252f%25252e%25252e%25252f{name}",
    "publishing/articles/..%5c..%5c{name}",
    "publishing/articles/..\\..\\{name}",
    "publishing/articles/./../../{name}",
    "publishing/articles//../../{name}",
    "publishing/articles/x%00/../../{name}",
    "{name}%00.jpg",
    "%2f{name}",
    "/{name}",
    "{name}",
]


@pytest.mark.parametrize("trick", TRICKS)
def test_no_path_trick_reaches_a_private_file(client, tree, private_file, trick):
    url = "/media/" + trick.format(name=private_file)
    assert client.get(url).status_code == 404
    client.force_login(user_with_role(Role.ADMIN, tree.province, username="root"))
    assert client.get(url).status_code == 404


def test_a_signed_in_officer_gets_no_stored_file_by_its_url(client, officer_a, officer_b, private_file):
    """Finding 2: any signed-in user read any unit's uploads at /media/<name>."""
    for user in (officer_a, officer_b):
        client.force_login(user)
        assert client.get(f"/media/{private_file}").status_code == 404


def test_an_absolute_path_is_not_served(client, tree, settings, tmp_path):
    client.force_login(user_with_role(Role.ADMIN, tree.province, username="root"))
    outside = tmp_path / "secret.txt"
    outside.write_text("secret")
    assert client.get(f"/media/{outside}").status_code == 404
    assert client.get("/media/../thidua/settings.py").status_code == 404
    assert client.get("/media/missing.pdf").status_code == 404


@pytest.mark.parametrize(
    "path",
    [
        "a/../b",
        "a/./b",
        "a//b",
        "/a",
        "a\\b",
        "a\x00b",
        "a/%2e%2e/b",
        "a/%252e%252e/b",
        "C:/x",
        "a/\x1fb",
        "",
        "a/" + "%25" * 1 + "252525252e",
    ],
)
def test_media_names_are_refused_unless_plain(path):
    assert media_name(path) is None


def test_a_plain_name_is_kept():
    assert media_name("publishing/articles/abc/anh.jpg") == "publishing/articles/abc/anh.jpg"


def test_an_image_of_a_published_article_is_public(client, articles):
    image = articles["published"]
    for name in (image.image.name, image.thumbnail.name):
        response = client.get(f"/media/{name}")
        assert response.status_code == 200
        assert _body(response) == default_storage.open(name).read()


def test_an_image_of_an_unpublished_article_only_to_those_who_may_see_the_article(
    client, tree, officer_a, officer_b, articles
):
    url = f"/media/{articles['draft'].image.name}"
    assert client.get(url).status_code == 404
    client.force_login(officer_b)
    assert client.get(url).status_code == 404
    client.force_login(officer_a)
    response = client.get(url)
    assert response.status_code == 200
    assert "private" in response["Cache-Control"]


def test_a_file_stored_beside_the_images_is_not_served(client, articles):
    """Only names that are an article's image: a file dropped under publishing/articles/ is not."""
    name = default_storage.save("publishing/articles/2026/11/bang-tinh.xlsx", ContentFile(b"PK\x03\x04"))
    assert client.get(f"/media/{name}").status_code == 404


def test_stored_names_are_random(articles):
    name = articles["published"].image.name
    assert re.fullmatch(r"publishing/articles/[A-Za-z0-9_-]{32}/[^/]+\.jpg", name), name
    assert articles["published"].image.name.split("/")[2] != articles["draft"].image.name.split("/")[2]
