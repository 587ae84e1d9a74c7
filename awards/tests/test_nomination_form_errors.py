"""A refused nomination says why under each field, under the id its input is described by."""

from django.urls import reverse

from awards.models import Nomination, NominationBatch
from core.testing.pages import missing_descriptions


def test_every_description_of_a_refused_nomination_is_on_the_page(
    client_as, rules, tree, round_2015, officer_a
):
    batch = NominationBatch.objects.create(
        round=round_2015, proposing_unit=tree.district_a, at_unit=tree.district_a, created_by=officer_a
    )
    response = client_as(officer_a).post(
        reverse("awards:nomination_create", args=[batch.pk]),
        {"form": "", "achievement": "", "task_grade": "x", "member_text": "khong ai co ten nay"},
    )
    page = response.content.decode()

    assert response.status_code == 200 and not Nomination.objects.exists()
    assert page.count('aria-invalid="true"') >= 2
    assert missing_descriptions(page) == []
