"""A batch's meeting minutes and a nomination's evidence: downloaded only through their views,
by those who may see the batch; never at /media/ (issue 13, finding 2)."""

import importlib
import re

import pytest
from django.apps import apps
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from awards import services
from awards.models import NominationAttachment

MIGRATION = importlib.import_module("awards.migrations.0004_random_file_names")


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def batch_b(media, tree, round_2015, officer_b):
    """District B's batch, with the minutes of B's meeting."""
    batch = services.create_batch(actor=officer_b, round_=round_2015, proposing_unit=tree.district_b)
    upload = SimpleUploadedFile(
        "bien-ban-hop-huyen-b.pdf", b"%PDF-1.4\n% minutes of B\n", content_type="application/pdf"
    )
    return services.attach_minutes(actor=officer_b, batch=batch, upload=upload)


def _body(response) -> bytes:
    return b"".join(response.streaming_content)


def test_an_officer_cannot_download_another_districts_minutes(client_as, officer_a, batch_b):
    client = client_as(officer_a)
    assert client.get(reverse("awards:batch_minutes_file", args=[batch_b.pk])).status_code == 404
    assert client.get(f"/media/{batch_b.minutes.name}").status_code == 404


def test_the_districts_own_officer_downloads_its_minutes_under_their_own_name(client_as, officer_b, batch_b):
    response = client_as(officer_b).get(reverse("awards:batch_minutes_file", args=[batch_b.pk]))
    assert response.status_code == 200
    assert _body(response) == b"%PDF-1.4\n% minutes of B\n"
    assert response["Content-Disposition"].startswith("attachment")
    assert "bien-ban-hop-huyen-b.pdf" in response["Content-Disposition"]
    # and the page links the view, not the stored file
    page = client_as(officer_b).get(reverse("awards:batch_detail", args=[batch_b.pk])).content.decode()
    assert reverse("awards:batch_minutes_file", args=[batch_b.pk]) in page
    assert batch_b.minutes.name not in page


def test_the_minutes_are_stored_under_a_random_name(batch_b):
    assert re.fullmatch(r"awards/minutes/[A-Za-z0-9_-]{32}/bien-ban-hop-huyen-b\.pdf", batch_b.minutes.name)


def test_nomination_evidence_only_through_its_view(client_as, officer_a, officer_b, batch_b, rules, members):
    nomination = services.nominate(
        actor=officer_b,
        batch=batch_b,
        form=rules.forms["giay-khen"],
        member=members["b1"][0],
        achievement="Hoàn thành tốt nhiệm vụ",
    )
    attachment = NominationAttachment(
        nomination=nomination, original_name="bang-diem.pdf", kind="pdf", size=9
    )
    attachment.file.save("bang-diem.pdf", ContentFile(b"%PDF-1.4\n"), save=True)
    url = reverse("awards:nomination_attachment", args=[nomination.pk, attachment.pk])
    assert client_as(officer_a).get(url).status_code == 404
    assert client_as(officer_a).get(f"/media/{attachment.file.name}").status_code == 404
    response = client_as(officer_b).get(url)
    assert response.status_code == 200 and _body(response) == b"%PDF-1.4\n"
    page = (
        client_as(officer_b).get(reverse("awards:nomination_detail", args=[nomination.pk])).content.decode()
    )
    assert url in page and attachment.file.name not in page


def test_the_migration_moves_minutes_stored_under_guessable_names(
    client_as, officer_b, batch_b, django_capture_on_commit_callbacks
):
    old = default_storage.save("awards/minutes/2015/bien-ban.pdf", ContentFile(b"%PDF-1.4 old minutes"))
    type(batch_b).objects.filter(pk=batch_b.pk).update(minutes=old)
    batch_b.history.filter(minutes=batch_b.minutes.name).update(minutes=old)
    with django_capture_on_commit_callbacks(execute=True):
        MIGRATION.move_stored_files(apps, None)
    batch_b.refresh_from_db()
    new = batch_b.minutes.name
    assert re.fullmatch(r"awards/minutes/[A-Za-z0-9_-]{32}/bien-ban\.pdf", new)
    assert not default_storage.exists(old)
    assert default_storage.open(new).read() == b"%PDF-1.4 old minutes"
    assert set(batch_b.history.exclude(minutes="").values_list("minutes", flat=True)) == {new}
    client = client_as(officer_b)
    assert client.get(f"/media/{old}").status_code == 404
    assert (
        _body(client.get(reverse("awards:batch_minutes_file", args=[batch_b.pk]))) == b"%PDF-1.4 old minutes"
    )
    with django_capture_on_commit_callbacks(execute=True):
        MIGRATION.move_stored_files(apps, None)  # again: nothing moves
    batch_b.refresh_from_db()
    assert batch_b.minutes.name == new and default_storage.exists(new)
