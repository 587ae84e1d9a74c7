"""Article images under unguessable names, moved there by the migration; bodies and the bulletin
may carry only the article's own images (issue 13, findings 1-2 and their siblings)."""

import importlib
import re

from django.apps import apps
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from publishing.bulletin import _inline_images
from publishing.models import Article
from publishing.sanitizer import sanitize_html
from publishing.tests.conftest import image_upload

MIGRATION = importlib.import_module("publishing.migrations.0003_random_file_names")
NAME = re.compile(r"publishing/articles/[A-Za-z0-9_-]{32}/[^/]+")


def test_the_migration_moves_images_and_the_bodies_that_show_them(
    client, settings, tmp_path, make_article, django_capture_on_commit_callbacks
):
    settings.MEDIA_ROOT = tmp_path / "media"
    article = make_article(Article.Status.PUBLISHED, image=image_upload())
    image = article.images.get()
    content = image.image.read()
    old = default_storage.save("publishing/articles/2026/11/anh.jpg", ContentFile(content))
    type(image).objects.filter(pk=image.pk).update(image=old)
    Article.objects.filter(pk=article.pk).update(body=f'<p>Ảnh</p><img src="/media/{old}" alt="">')
    assert client.get(f"/media/{old}").status_code == 200  # the old name was public, and guessable

    with django_capture_on_commit_callbacks(execute=True):
        MIGRATION.move_stored_files(apps, None)
    image.refresh_from_db()
    article.refresh_from_db()
    new = image.image.name
    assert NAME.fullmatch(new) and new.endswith("/anh.jpg")
    assert client.get(f"/media/{old}").status_code == 404
    response = client.get(f"/media/{new}")
    assert response.status_code == 200 and b"".join(response.streaming_content) == content
    assert f'src="/media/{new}"' in article.body and old not in article.body
    assert not default_storage.exists(old)

    with django_capture_on_commit_callbacks(execute=True):
        MIGRATION.move_stored_files(apps, None)  # again: nothing moves
    image.refresh_from_db()
    assert image.image.name == new


def test_a_body_may_show_only_article_images():
    for src in (
        "/media/publishing/evidence/abc/bien-ban.png",
        "/media/publishing/bulletins/abc/ban-tin.pdf",
        "/media/publishing/articles/%2e%2e/%2e%2e/awards/minutes/abc/bien-ban.pdf",
        "/media/awards/minutes/abc/bien-ban.pdf",
    ):
        assert "src=" not in sanitize_html(f'<p>x</p><img src="{src}" alt="">'), src
    assert 'src="/media/publishing/articles/abc/a.jpg"' in sanitize_html(
        '<img src="/media/publishing/articles/abc/a.jpg">'
    )


def test_the_bulletin_inlines_only_the_articles_own_images(settings, tmp_path):
    """A body naming another stored file (another article's image, a model's evidence stored in an
    older body) must not carry it into the PDF."""
    settings.MEDIA_ROOT = tmp_path / "media"
    own = default_storage.save("publishing/articles/own/anh.jpg", ContentFile(b"\xff\xd8\xff own"))
    other = default_storage.save("publishing/articles/other/anh.jpg", ContentFile(b"\xff\xd8\xff other"))
    evidence = default_storage.save("publishing/evidence/x/bien-ban.png", ContentFile(b"\x89PNG secret"))
    body = "".join(f'<img src="/media/{name}">' for name in (own, other, evidence))
    inlined = _inline_images(body, {own})
    assert inlined.count('src="data:') == 1 and inlined.count('src=""') == 2
