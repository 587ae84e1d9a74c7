"""Campaigns starting the same day, and the campaigns a nomination round may belong to, are listed
in Vietnamese alphabetical order ("Đ…" after "D…", before "Z…"; tones after the base letter), on
SQLite and PostgreSQL alike."""

from awards.selectors import round_campaigns
from campaigns.tests.conftest import make_campaign

NAMES = ["Zích zắc về đích", "Đợt thi đua đặc biệt", "Dân vận khéo", "Ca khúc công nhân", "Cá nhân xuất sắc"]
ORDER = ["Ca khúc công nhân", "Cá nhân xuất sắc", "Dân vận khéo", "Đợt thi đua đặc biệt", "Zích zắc về đích"]


def test_campaigns_of_the_same_start_are_listed_in_vietnamese_alphabetical_order(
    tree, admin_user, plan_type, client_as
):
    for name in NAMES:
        make_campaign(admin_user, tree.province, plan_type, launch=False, name=name)
    page = client_as(admin_user).get("/phong-trao/")
    assert [c.name for c in page.context["campaigns"]] == ORDER
    assert [c.name for c in round_campaigns(admin_user)] == ORDER
