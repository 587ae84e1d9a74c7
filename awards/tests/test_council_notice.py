"""Issue 17: "Convening a council session notifies its members; the vote page shows each nominee's
achievement summary, evidence and a link to the dossier." """

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from awards import services
from awards.tests.conftest import BK_TINH, GIAY_KHEN, nominate, pdf
from core.models import Notification
from organisations.testing import MemberFactory


@pytest.fixture
def batch(tree, round_2015, officer_a):
    return services.create_batch(actor=officer_a, round_=round_2015, proposing_unit=tree.district_a)


def at_council(officer_a, province_officer, batch):
    services.attach_minutes(actor=officer_a, batch=batch, upload=pdf())
    services.submit_batch(actor=officer_a, batch=batch)
    batch.refresh_from_db()
    return services.forward_batch(actor=province_officer, batch=batch)


def convene(province_officer, tree, council, nominations):
    return services.open_session(
        actor=province_officer,
        deciding_unit=tree.province,
        title="Phiên họp xét khen thưởng năm 2015",
        held_on=dt.date(2015, 12, 10),
        members=council,
        nominations=nominations,
    )


def test_convening_a_session_notifies_each_member_once_with_the_date_and_a_link(
    rules, tree, batch, officer_a, province_officer, council, person
):
    nomination = nominate(officer_a, batch, rules.forms[GIAY_KHEN], member=person)
    at_council(officer_a, province_officer, batch)
    session = convene(province_officer, tree, [*council, council[0]], [nomination])
    notices = Notification.objects.filter(url=reverse("awards:session_detail", args=[session.pk]))
    assert sorted(n.user_id for n in notices) == sorted(u.pk for u in council)
    text = notices[0].text
    assert "Phiên họp xét khen thưởng năm 2015" in text and "10/12/2015" in text
    assert not Notification.objects.filter(user=province_officer).exists()  # the convener is not a member


def test_a_refused_session_notifies_nobody(rules, tree, batch, officer_a, province_officer, council, person):
    nominate(officer_a, batch, rules.forms[GIAY_KHEN], member=person)  # not sent to the council yet
    with pytest.raises(ValidationError):
        convene(province_officer, tree, council, list(batch.nominations.all()))
    assert not Notification.objects.exists()


def test_the_vote_page_shows_the_achievement_the_evidence_and_the_dossier(
    rules, tree, client_as, batch, officer_a, province_officer, council, person
):
    nomination = nominate(
        officer_a,
        batch,
        rules.forms[GIAY_KHEN],
        member=person,
        achievement="Bồi dưỡng học sinh giỏi đạt hai giải nhất cấp tỉnh.",
        evidence_links=["https://example.vn/bai-viet/hoc-sinh-gioi"],
        files=[pdf("thanh-tich-hoa.pdf")],
    )
    at_council(officer_a, province_officer, batch)
    session = convene(province_officer, tree, council, [nomination])
    page = client_as(council[0]).get(reverse("awards:session_detail", args=[session.pk])).content.decode()
    assert "Bồi dưỡng học sinh giỏi đạt hai giải nhất cấp tỉnh." in page
    assert "thanh-tich-hoa.pdf" in page and "https://example.vn/bai-viet/hoc-sinh-gioi" in page
    assert reverse("awards:nomination_detail", args=[nomination.pk]) in page
    attachment = nomination.attachments.get()
    download = client_as(council[0]).get(
        reverse("awards:nomination_attachment", args=[nomination.pk, attachment.pk])
    )
    assert download.status_code == 200  # the member may open the evidence the page links to


def test_the_vote_page_costs_the_same_queries_for_a_longer_agenda(
    rules, tree, client_as, batch, officer_a, province_officer, council
):
    def session_of(count):
        nominations = [
            nominate(
                officer_a,
                batch,
                rules.forms[GIAY_KHEN],
                member=MemberFactory(unit=tree.grassroots_a1),
                files=[pdf()],
            )
            for _ in range(count)
        ]
        return nominations

    client = client_as(council[0])
    first = session_of(2)
    second = session_of(6)
    at_council(officer_a, province_officer, batch)
    small = convene(province_officer, tree, council, first)
    large = convene(province_officer, tree, council, second)
    client.get(reverse("awards:session_detail", args=[small.pk]))
    with CaptureQueriesContext(connection) as few:
        client.get(reverse("awards:session_detail", args=[small.pk]))
    with CaptureQueriesContext(connection) as many:
        client.get(reverse("awards:session_detail", args=[large.pk]))
    assert len(many) == len(few)


def test_the_vote_page_and_the_minutes_name_the_form_as_the_issuing_body_does(
    rules, tree, client_as, batch, officer_a, province_officer, council, person
):
    """ "Bằng khen của Ban Chấp hành Liên đoàn Lao động tỉnh Cao Bằng", as the decision and /xac-minh/
    print it, not the rules' generic "… tỉnh, thành phố"."""
    from awards import printing

    form = rules.forms[BK_TINH]
    form.name = "Bằng khen của Ban Chấp hành Liên đoàn Lao động tỉnh, thành phố"
    form.save(update_fields=["name"])
    nomination = nominate(officer_a, batch, form, member=person, task_grade="excellent")
    at_council(officer_a, province_officer, batch)
    session = convene(province_officer, tree, council, [nomination])
    page = client_as(council[0]).get(reverse("awards:session_detail", args=[session.pk])).content.decode()
    assert f"Bằng khen của Ban Chấp hành {tree.province.name}" in page
    assert "tỉnh, thành phố" not in page
    minutes = "\n".join(
        line
        for section in printing.minutes_document(session).items
        for child in [section, *section.children]
        for line in child.paragraphs
    )
    assert f"Bằng khen của Ban Chấp hành {tree.province.name} năm" in minutes
    assert "tỉnh, thành phố" not in minutes
