"""The subtree tallies (core/subtree_tallies.py) follow every write of what they count — an article
published, re-dated, withdrawn or deleted, alone or in bulk; a campaign launched or deleted; a unit
moved under another parent — so the dashboard's trends, which read them, never drift from the
records; `check_subtree_tallies` finds a row that did drift and `rebuild_subtree_tallies` repairs it."""

import datetime as dt

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from campaigns.models import Campaign, Participant, ParticipationSubtreeTally
from organisations import services as unit_services
from organisations import subtree_tallies
from organisations.testing import make_unit
from publishing.models import Article, ArticleSubtreeTally
from reports.tests import world as worlds

pytestmark = pytest.mark.django_db


@pytest.fixture
def tree():
    province = make_unit("province", name="Liên đoàn Lao động tỉnh Cao Bằng", code="PT")
    district_a = make_unit("district", province, name="Liên đoàn Lao động huyện Hòa An")
    district_b = make_unit("district", province, name="Liên đoàn Lao động huyện Bảo Lạc")
    school = make_unit("grassroots", district_a, name="Công đoàn Trường THCS Hòa An")
    return province, district_a, district_b, school


def _published(unit, year: int) -> int:
    row = ArticleSubtreeTally.objects.filter(unit=unit, year=year).first()
    return row.published if row else 0


def _participations(unit, year: int) -> int:
    row = ParticipationSubtreeTally.objects.filter(unit=unit, year=year).first()
    return row.participations if row else 0


def _no_drift() -> None:
    for model in subtree_tallies.tally_models():
        assert subtree_tallies.differences(model) == [], model._meta.label


def _at(year: int, month: int = 5) -> dt.datetime:
    return timezone.make_aware(dt.datetime(year, month, 10, 9))


def test_an_article_counts_in_its_units_and_every_ancestors_row_only_while_published(tree):
    province, district_a, district_b, school = tree
    article = worlds.article(school, 1, published_on=None, status=Article.Status.DRAFT)
    assert ArticleSubtreeTally.objects.filter(published__gt=0).count() == 0

    article.status, article.publish_at = Article.Status.PUBLISHED, _at(2024)
    article.save()
    assert [_published(u, 2024) for u in (province, district_a, district_b, school)] == [1, 1, 0, 1]

    article.publish_at = _at(2023)  # re-dated: it moves to the other year
    article.save()
    assert [_published(u, 2024) for u in (province, school)] == [0, 0]
    assert [_published(u, 2023) for u in (province, district_a, school)] == [1, 1, 1]

    article.status = Article.Status.RETURNED  # withdrawn from the portal
    article.save(update_fields=["status"])
    assert _published(province, 2023) == 0
    _no_drift()


def test_bulk_writes_of_articles_keep_the_tally(tree):
    province, district_a, district_b, school = tree
    made = Article.objects.bulk_create(
        [
            Article(
                title=f"Tin {n}",
                slug=f"tin-{n}",
                unit=unit,
                lead="Tóm tắt",
                body="<p>Nội dung</p>",
                status=Article.Status.PUBLISHED,
                publish_at=_at(2025),
                category=worlds.article(province, 100 + n, published_on=None, status="draft").category,
            )
            for n, unit in enumerate([school, district_b, district_b])
        ]
    )
    assert [_published(u, 2025) for u in (province, district_a, district_b, school)] == [3, 1, 2, 1]
    Article.objects.filter(pk=made[1].pk).update(unit=district_a)
    assert [_published(u, 2025) for u in (district_a, district_b)] == [2, 1]
    Article.objects.filter(unit=district_b).delete()
    assert _published(province, 2025) == 2
    made[0].delete()
    assert [_published(u, 2025) for u in (province, district_a, school)] == [1, 1, 0]
    _no_drift()


def test_launching_a_campaign_counts_its_participants_and_deleting_it_takes_them_out(tree):
    province, district_a, district_b, school = tree
    campaign = worlds.campaign(province, [district_a, district_b, school], year=2024)  # launched
    assert [_participations(u, 2024) for u in (province, district_a, district_b, school)] == [3, 2, 1, 1]

    draft = Campaign.objects.create(
        name="Đợt thi đua năm 2025",
        theme="Lao động giỏi",
        starts_on=dt.date(2025, 3, 1),
        ends_on=dt.date(2025, 12, 31),
        organiser=province,
        root_unit=province,
        status=Campaign.Status.DRAFT,
    )
    Participant.objects.create(campaign=draft, unit=school, joined_on=dt.date(2025, 3, 1))
    assert _participations(province, 2025) == 0  # a draft's participants count once it is launched
    draft.status = Campaign.Status.LAUNCHED
    draft.save(update_fields=["status"])
    assert [_participations(u, 2025) for u in (province, district_a, school)] == [1, 1, 1]

    campaign.delete()
    assert _participations(province, 2024) == 0
    _no_drift()


def test_moving_a_unit_carries_its_subtree_rows_to_the_new_ancestors(tree):
    province, district_a, district_b, school = tree
    worlds.article(school, 1, published_on=dt.date(2024, 5, 1))
    worlds.campaign(province, [district_a, school], year=2024)

    unit_services.move_unit(school, district_b)

    assert [_published(u, 2024) for u in (province, district_a, district_b)] == [1, 0, 1]
    assert [_participations(u, 2024) for u in (province, district_a, district_b)] == [2, 1, 1]
    _no_drift()


def test_the_check_finds_a_drifted_row_and_the_rebuild_repairs_it(tree, capsys):
    province, district_a, district_b, school = tree
    worlds.article(school, 1, published_on=dt.date(2024, 5, 1))
    call_command("check_subtree_tallies")
    ArticleSubtreeTally.objects.filter(unit=district_a, year=2024).update(published=7)
    with pytest.raises(CommandError, match="1 dòng sai khác"):
        call_command("check_subtree_tallies")
    assert (
        f"cây đơn vị {district_a.pk}, năm 2024: lưu (published) (7,), đếm được (1,)"
        in capsys.readouterr().err
    )
    call_command("rebuild_subtree_tallies")
    call_command("check_subtree_tallies")
    assert _published(district_a, 2024) == 1


def test_bulk_creating_over_conflicts_is_refused_rather_than_miscounted(tree):
    province, _a, _b, school = tree
    campaign = worlds.campaign(province, [school], year=2024)
    with pytest.raises(TypeError, match="over conflicts"):
        Participant.objects.bulk_create(
            [Participant(campaign=campaign, unit=school, joined_on=dt.date(2024, 6, 1))],
            ignore_conflicts=True,
        )
    assert _participations(province, 2024) == 1
