"""Public comment before high awards. NĐ 98/2023/NĐ-CP, Điều 46 khoản 2: whoever proposes a huân
chương or a state honorary title "có trách nhiệm công khai danh sách cá nhân, tập thể trên các
phương tiện truyền thông … ít nhất 10 ngày làm việc trước khi họp hội đồng thi đua – khen thưởng"."""

import datetime as dt

import pytest
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from awards import services
from awards.form_kinds import needs_public_comment
from awards.models import AwardForm, PublicComment, PublicConsultation, PublicHoliday
from awards.tests.conftest import BK_TINH, GIAY_KHEN, nominate, pdf
from awards.views.public import COMMENTS_PER_HOUR

ACHIEVEMENT = "Ba mươi năm giảng dạy vùng cao, xây dựng điểm trường Nước Hai đạt chuẩn quốc gia."


@pytest.fixture(autouse=True)
def fresh_counters():
    """The per-address comment counters live in the cache, which outlives a test."""
    cache.clear()


@pytest.fixture
def order(rules):
    return AwardForm.objects.create(
        rule_set=rules.old,
        code="huan-chuong-lao-dong-hang-ba",
        name="Huân chương Lao động hạng Ba",
        kind="commendation",
        recipient="both",
        level="state",
        decided_here=False,
        sort_order=40,
    )


@pytest.fixture
def published(tree, round_2015, officer_a, province_officer, order, person):
    """Nông Thị Hoa proposed for the Huân chương, her batch sent to the province's council."""
    batch = services.create_batch(actor=officer_a, round_=round_2015, proposing_unit=tree.district_a)
    nomination = nominate(officer_a, batch, order, member=person, achievement=ACHIEVEMENT)
    services.attach_minutes(actor=officer_a, batch=batch, upload=pdf())
    services.submit_batch(actor=officer_a, batch=batch)
    batch.refresh_from_db()
    services.forward_batch(actor=province_officer, batch=batch)
    return nomination


def test_orders_and_state_titles_need_public_comment_and_nothing_else(rules, order):
    state_title = AwardForm(name="Nhà giáo nhân dân", kind="title", level="state")
    assert needs_public_comment(order) and needs_public_comment(state_title)
    assert not needs_public_comment(rules.forms[BK_TINH]) and not needs_public_comment(rules.forms[GIAY_KHEN])
    prime_minister = AwardForm(
        name="Bằng khen của Thủ tướng Chính phủ", kind="commendation", level="government"
    )
    assert not needs_public_comment(prime_minister)


@pytest.mark.django_db
def test_ten_working_days_skip_the_weekends():
    assert services.add_working_days(dt.date(2026, 12, 4), 10) == dt.date(2026, 12, 18)  # a Friday
    assert services.add_working_days(dt.date(2026, 12, 5), 10) == dt.date(2026, 12, 18)  # a Saturday


@pytest.mark.django_db
def test_ten_working_days_skip_tet_nguyen_dan():
    """Tết Bính Ngọ is 17/2/2026; the days off announced run from Monday 16/2 to Friday 20/2."""
    assert services.add_working_days(dt.date(2026, 2, 13), 10) == dt.date(2026, 3, 6)


@pytest.mark.django_db
def test_ten_working_days_skip_gio_to_hung_vuong_and_30_4_1_5():
    """10/3 âm lịch 2026 is Sunday 26/4, so Monday 27/4 is off (Điều 112 khoản 3); 30/4 and 1/5 are fixed."""
    assert services.add_working_days(dt.date(2026, 4, 24), 10) == dt.date(2026, 5, 13)


@pytest.mark.django_db
def test_the_fixed_days_count_in_a_year_not_yet_entered_and_an_entered_day_is_added():
    # 2027: no row yet; 2/9 is off by the law itself
    assert services.add_working_days(dt.date(2027, 8, 27), 10) == dt.date(2027, 9, 13)
    PublicHoliday.objects.create(
        date=dt.date(2027, 9, 3), name="Quốc khánh (ngày liền kề)", source="Thông báo của Bộ Nội vụ"
    )
    assert services.add_working_days(dt.date(2027, 8, 27), 10) == dt.date(2027, 9, 14)


def test_the_administrators_enter_the_holidays_in_the_admin_site(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("quan-tri", "qt@example.vn", "x-Secret-9"))
    page = client.get("/quan-tri-he-thong/awards/publicholiday/?date__year=2026").content.decode()
    assert "Tết Nguyên đán Bính Ngọ" in page and "Giỗ Tổ Hùng Vương" in page
    assert client.get("/quan-tri-he-thong/awards/publicholiday/add/").status_code == 200


def test_reaching_the_council_publishes_the_nominee_for_ten_working_days(published, client):
    consultation = PublicConsultation.objects.get(nomination=published)
    today = timezone.localdate()
    assert consultation.opened_on == today
    assert consultation.closes_on == services.add_working_days(today, 10)
    page = client.get(reverse("awards:consultation_list")).content.decode()
    assert "Nông Thị Hoa" in page and "Huân chương Lao động hạng Ba" in page
    detail = client.get(reverse("awards:consultation_detail", args=[consultation.pk])).content.decode()
    assert ACHIEVEMENT in detail and "CĐCS Trường Tiểu học Nước Hai" in detail
    assert published.member.code not in detail  # name, unit, achievement: nothing more


def test_the_council_cannot_meet_before_the_period_ends_and_the_page_says_so_first(
    published, tree, province_officer, council, client_as
):
    consultation = PublicConsultation.objects.get(nomination=published)
    page = client_as(province_officer).get(reverse("awards:session_create")).content.decode()
    assert consultation.closes_on.strftime("%d/%m/%Y") in page
    with pytest.raises(ValidationError) as error:
        services.open_session(
            actor=province_officer,
            deciding_unit=tree.province,
            title="Phiên họp sớm",
            held_on=consultation.closes_on,
            members=council,
            nominations=[published],
        )
    assert "held_on" in error.value.message_dict
    assert (consultation.closes_on + dt.timedelta(days=1)).strftime("%d/%m/%Y") in str(error.value)
    session = services.open_session(
        actor=province_officer,
        deciding_unit=tree.province,
        title="Phiên họp",
        held_on=consultation.closes_on + dt.timedelta(days=1),
        members=council,
        nominations=[published],
    )
    assert session.items.count() == 1


def test_a_comment_reaches_the_dossier_and_the_council(published, client, client_as, officer_a):
    consultation = PublicConsultation.objects.get(nomination=published)
    url = reverse("awards:consultation_detail", args=[consultation.pk])
    response = client.post(
        url, {"text": "Cô Hoa đã giúp con tôi học chữ.\nXin đồng ý.", "author": "Phụ huynh"}
    )
    assert response.status_code == 302
    comment = PublicComment.objects.get()
    assert comment.author == "Phụ huynh" and "\n" in comment.text
    dossier = (
        client_as(officer_a).get(reverse("awards:nomination_detail", args=[published.pk])).content.decode()
    )
    assert "Cô Hoa đã giúp con tôi học chữ." in dossier


def test_bad_comments_are_refused_with_a_message_and_nothing_stored(published, client):
    consultation = PublicConsultation.objects.get(nomination=published)
    url = reverse("awards:consultation_detail", args=[consultation.pk])
    for data in (
        {"text": "x" * 2001},
        {"text": "Có ký tự \x00 lạ"},
        {"text": "Ý kiến", "author": "A" * 101},
        {"text": "   "},
    ):
        response = client.post(url, data)
        assert response.status_code == 200, data
        assert 'class="error"' in response.content.decode(), data
    assert not PublicComment.objects.exists()


def test_comments_are_rate_limited_by_address(published, client):
    consultation = PublicConsultation.objects.get(nomination=published)
    url = reverse("awards:consultation_detail", args=[consultation.pk])
    for i in range(COMMENTS_PER_HOUR):
        assert client.post(url, {"text": f"Ý kiến số {i}"}).status_code == 302
    response = client.post(url, {"text": "Một ý kiến nữa"})
    assert response.status_code == 200
    assert PublicComment.objects.count() == COMMENTS_PER_HOUR


def test_a_period_not_running_is_not_on_the_portal(published, client):
    consultation = PublicConsultation.objects.get(nomination=published)
    consultation.closes_on = consultation.opened_on
    consultation.opened_on = consultation.opened_on - dt.timedelta(days=20)
    consultation.closes_on = consultation.opened_on + dt.timedelta(days=14)
    consultation.save()
    assert client.get(reverse("awards:consultation_detail", args=[consultation.pk])).status_code == 404
    with pytest.raises(ValidationError):
        services.add_public_comment(consultation=consultation, text="Muộn")


@pytest.mark.live
def test_a_real_browser_comments_with_csrf_and_a_forged_post_is_refused(live_client, published):
    consultation = PublicConsultation.objects.get(nomination=published)
    path = reverse("awards:consultation_detail", args=[consultation.pk])
    forged = live_client()
    assert forged.post_form(path, {"text": "Không có mã CSRF"}, csrf=False).status_code == 403
    visitor = live_client()
    for data, stored in (
        ({"text": "Đồng ý đề nghị."}, True),
        ({"text": "y" * 5000}, False),
        ({"text": "nul\x00byte"}, False),
    ):
        response = visitor.post_form(path, data)
        assert response.status_code == (302 if stored else 200), data
    assert list(PublicComment.objects.values_list("text", flat=True)) == ["Đồng ý đề nghị."]
