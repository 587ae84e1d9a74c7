"""Pick, do not type codes — several at once: a province's clusters are chosen among dozens of
district federations, so the member units, the lead and the deputy are pickers (core.pickers),
not a wall of checkboxes; without JavaScript several names are typed, separated by semicolons."""

import datetime as dt

import pytest

from campaigns.models import Cluster
from organisations.testing import make_unit

NAMES = [f"LĐLĐ huyện Số {n:02d}" for n in range(1, 23)]


@pytest.fixture
def many_districts(tree):
    return [
        make_unit("district", tree.province, name=name, code=f"D-{n:02d}") for n, name in enumerate(NAMES, 1)
    ]


def _url(campaign):
    return f"/phong-trao/{campaign.pk}/cum/them/"


def _page(client, campaign):
    response = client.get(_url(campaign))
    assert response.status_code == 200
    return response.content.decode()


def test_the_member_units_are_a_picker_when_there_are_many(client_as, admin_user, many_districts, campaign):
    page = _page(client_as(admin_user), campaign)
    assert 'name="units_text"' in page and "data-picker-multi" in page
    assert 'type="checkbox" name="units"' not in page  # nothing ticked yet, no wall of boxes
    assert 'name="lead_unit_text"' in page and 'name="deputy_unit_text"' in page
    assert NAMES[0] not in page


def test_typed_names_without_javascript_make_the_cluster_in_the_order_typed(
    client_as, admin_user, many_districts, campaign
):
    response = client_as(admin_user).post(
        _url(campaign),
        {
            "name": "Cụm 1",
            "kind": Cluster.Kind.CLUSTER,
            "scoring_mode": Cluster.ScoringMode.choices[0][0],
            "units_text": "so 03; Số 01;  ",
            "units": [str(many_districts[4].pk)],  # ticked after a pick
            "lead_unit_text": "so 03",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    cluster = Cluster.objects.get()
    assert [m.unit for m in cluster.memberships.order_by("rotation_order")] == [
        many_districts[4],
        many_districts[2],
        many_districts[0],
    ]
    assert cluster.lead_unit == many_districts[2]


def test_a_name_matching_nothing_or_several_is_named_and_stays_in_its_box(
    client_as, admin_user, many_districts, campaign
):
    response = client_as(admin_user).post(
        _url(campaign),
        {
            "name": "Cụm 1",
            "kind": Cluster.Kind.CLUSTER,
            "scoring_mode": Cluster.ScoringMode.choices[0][0],
            "units": [str(many_districts[0].pk)],
            "units_text": "Hà Nội; so 1",
        },
    )
    page = response.content.decode()
    assert response.status_code == 200 and Cluster.objects.count() == 0
    assert "“Hà Nội”" in page  # nothing matches it
    assert "“so 1”" in page and NAMES[9] in page  # several: Số 10, 11…
    assert 'value="Hà Nội; so 1"' in page
    # the unit ticked before stays ticked
    assert f'name="units" value="{many_districts[0].pk}" checked' in page and NAMES[0] in page


def test_an_ended_unit_or_one_outside_the_campaign_is_refused(
    client_as, admin_user, many_districts, campaign, tree
):
    ended = many_districts[5]
    ended.valid_to = dt.date(2025, 7, 1)
    ended.save()
    for forged in (ended.pk, tree.grassroots_a1.pk):
        response = client_as(admin_user).post(
            _url(campaign),
            {
                "name": "Cụm 1",
                "kind": Cluster.Kind.CLUSTER,
                "scoring_mode": Cluster.ScoringMode.choices[0][0],
                "units": [str(many_districts[0].pk), str(forged)],
            },
        )
        assert response.status_code == 200 and Cluster.objects.count() == 0
        assert "Lựa chọn này không thuộc phạm vi của bạn" in response.content.decode()
    response = client_as(admin_user).post(
        _url(campaign),
        {
            "name": "Cụm 1",
            "kind": Cluster.Kind.CLUSTER,
            "scoring_mode": Cluster.ScoringMode.choices[0][0],
            "units_text": NAMES[5],
        },
    )
    assert response.status_code == 200 and Cluster.objects.count() == 0
    assert f"khớp với “{NAMES[5]}”" in response.content.decode()


def test_few_units_stay_ticked_boxes(client_as, admin_user, campaign, tree):
    page = _page(client_as(admin_user), campaign)
    assert f'type="checkbox" name="units" value="{tree.district_a.pk}"' in page
    assert 'name="units_text"' not in page
