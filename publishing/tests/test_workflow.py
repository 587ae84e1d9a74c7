"""The editorial flow, rule by rule: who may write, submit, approve, return and publish at each level."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from accounts.models import Role
from accounts.testing import user_with_role
from publishing import selectors, services
from publishing.models import Article, ArticleEvent

Status = Article.Status


# Writing ------------------------------------------------------------------------------------


def test_an_officer_of_a_grassroots_union_writes_for_their_union(make_article, writer_a1, tree):
    article = make_article()
    assert (
        article.status == Status.DRAFT and article.author == writer_a1 and article.unit == tree.grassroots_a1
    )
    assert list(article.events.values_list("from_status", "to_status")) == [("", Status.DRAFT)]


def test_nobody_writes_for_a_unit_outside_their_scope(make_article, tree):
    with pytest.raises(PermissionDenied):
        make_article(unit=tree.grassroots_b1)


def test_a_viewer_does_not_write_articles(make_article, viewer, tree):
    with pytest.raises(PermissionDenied):
        make_article(writer=viewer, unit=tree.province)


# Approval depends on the level -------------------------------------------------------------------


def test_a_grassroots_article_goes_to_an_editor_of_its_federation(make_article, editors):
    """ "an article of a grassroots union goes to an editor of its nearest ancestor federation"."""
    article = make_article(Status.SUBMITTED)
    article = services.approve_article(article, actor=editors.district_a)
    assert article.status == Status.APPROVED
    event = article.events.last()
    assert (event.actor, event.from_status, event.to_status) == (
        editors.district_a,
        Status.SUBMITTED,
        Status.APPROVED,
    )


def test_an_editor_of_another_district_may_not_approve(make_article, editors):
    article = make_article(Status.SUBMITTED)
    with pytest.raises(PermissionDenied):
        services.approve_article(article, actor=editors.district_b)
    article.refresh_from_db()
    assert article.status == Status.SUBMITTED


def test_an_editor_of_the_grassroots_union_itself_may_not_approve_its_article(make_article, editors):
    article = make_article(Status.SUBMITTED)
    with pytest.raises(PermissionDenied):
        services.approve_article(article, actor=editors.grassroots_a1)


def test_a_provincial_editor_may_approve_any_article_below(make_article, editors):
    assert (
        services.approve_article(make_article(Status.SUBMITTED), actor=editors.province).status
        == Status.APPROVED
    )


def test_a_district_article_is_approved_by_the_district_editor(make_article, editors, tree):
    writer = user_with_role(Role.OFFICER, tree.district_a)
    article = make_article(Status.SUBMITTED, unit=tree.district_a, writer=writer)
    assert services.approve_article(article, actor=editors.district_a).status == Status.APPROVED


def test_nobody_approves_their_own_article(make_article, editors, tree):
    article = make_article(Status.SUBMITTED, unit=tree.district_a, writer=editors.district_a)
    with pytest.raises(PermissionDenied):
        services.approve_article(article, actor=editors.district_a)
    assert services.approve_article(article, actor=editors.province).status == Status.APPROVED


def test_an_officer_without_the_editor_role_may_not_approve(make_article, officer_a):
    with pytest.raises(PermissionDenied):
        services.approve_article(make_article(Status.SUBMITTED), actor=officer_a)


def test_only_a_submitted_article_can_be_approved(make_article, editors):
    with pytest.raises(ValidationError):
        services.approve_article(make_article(Status.DRAFT), actor=editors.district_a)


# Publishing to the provincial portal ------------------------------------------------------------------


def test_an_article_approved_at_district_level_is_published_only_by_a_provincial_editor(
    make_article, editors
):
    article = services.approve_article(make_article(Status.SUBMITTED), actor=editors.district_a)
    with pytest.raises(PermissionDenied):
        services.publish_article(article, actor=editors.district_a)
    article = services.publish_article(article, actor=editors.province)
    assert article.status == Status.PUBLISHED and article.publish_at is not None and article.is_public


def test_an_administrator_may_publish(make_article, admin_user):
    assert (
        services.publish_article(make_article(Status.APPROVED), actor=admin_user).status == Status.PUBLISHED
    )


@pytest.mark.parametrize("status", [Status.DRAFT, Status.SUBMITTED, Status.RETURNED])
def test_publishing_without_approval_is_refused_with_a_clear_message(make_article, editors, status):
    article = make_article(status)
    with pytest.raises(ValidationError) as error:
        services.publish_article(article, actor=editors.province)
    assert "phê duyệt" in " ".join(error.value.messages)
    article.refresh_from_db()
    assert article.status == status and article.publish_at is None


def test_a_scheduled_article_is_published_but_not_yet_public(make_article, an_hour_later):
    article = make_article(Status.PUBLISHED, publish_at=an_hour_later)
    assert article.status == Status.PUBLISHED and article.is_scheduled and not article.is_public


def test_a_provincial_editor_takes_an_article_off_the_portal_saying_why(make_article, editors):
    article = make_article(Status.PUBLISHED)
    with pytest.raises(ValidationError):
        services.withdraw_article(article, actor=editors.province, comment="")
    with pytest.raises(PermissionDenied):
        services.withdraw_article(article, actor=editors.district_a, comment="Sai số liệu")
    article = services.withdraw_article(article, actor=editors.province, comment="Sai số liệu")
    assert article.status == Status.APPROVED and not article.is_public


# Returning with a comment -------------------------------------------------------------------------


def test_returning_needs_a_comment_and_the_writer_sees_it(make_article, editors, writer_a1):
    article = make_article(Status.SUBMITTED)
    with pytest.raises(ValidationError) as error:
        services.return_article(article, actor=editors.district_a, comment="  ")
    assert "comment" in error.value.message_dict
    services.return_article(article, actor=editors.district_a, comment="Thêm tên trường và ảnh.")
    returned = list(selectors.returned_to(writer_a1))
    assert [a.pk for a in returned] == [article.pk]
    assert returned[0].last_comment == "Thêm tên trường và ảnh."
    assert selectors.work_counts(writer_a1)["returned"] == 1


def test_the_writer_fixes_a_returned_article_and_submits_it_again(make_article, editors, writer_a1):
    article = make_article(Status.RETURNED)
    article = services.update_article(article, actor=writer_a1, lead="Cô giáo Hoa, Trường Tiểu học Nước Hai.")
    article = services.submit_article(article, actor=writer_a1)
    assert article.status == Status.SUBMITTED
    assert list(article.events.values_list("to_status", flat=True)) == [
        Status.DRAFT,
        Status.SUBMITTED,
        Status.RETURNED,
        Status.SUBMITTED,
    ]


def test_a_submitted_article_is_no_longer_editable_by_its_writer_but_by_its_reviewer(
    make_article, editors, writer_a1
):
    article = make_article(Status.SUBMITTED)
    with pytest.raises(PermissionDenied):
        services.update_article(article, actor=writer_a1, title="Đổi tên")
    article = services.update_article(article, actor=editors.district_a, title="Cô giáo vùng cao")
    assert article.title == "Cô giáo vùng cao"


def test_every_step_is_recorded_with_who_when_and_comment(make_article, editors, writer_a1):
    article = make_article(Status.PUBLISHED)
    steps = list(
        ArticleEvent.objects.filter(article=article).values_list(
            "actor__username", "from_status", "to_status"
        )
    )
    assert steps == [
        (writer_a1.username, "", Status.DRAFT),
        (writer_a1.username, Status.DRAFT, Status.SUBMITTED),
        (editors.province.username, Status.SUBMITTED, Status.APPROVED),
        (editors.province.username, Status.APPROVED, Status.PUBLISHED),
    ]
    assert article.history.count() >= 4


def test_the_work_queues_show_what_waits_for_each_editor(make_article, editors, tree):
    submitted = make_article(Status.SUBMITTED, title="Chờ duyệt")
    approved = make_article(Status.APPROVED, title="Chờ đăng")
    assert [a.pk for a in selectors.filter_articles(editors.district_a, queue="review")] == [submitted.pk]
    assert [a.pk for a in selectors.filter_articles(editors.district_b, queue="review")] == []
    assert [a.pk for a in selectors.filter_articles(editors.province, queue="publish")] == [approved.pk]
    assert [a.pk for a in selectors.filter_articles(editors.district_a, queue="publish")] == []
    assert selectors.work_counts(editors.province) == {"review": 1, "publish": 1, "returned": 0}


# Slugs ----------------------------------------------------------------------------------------


def test_the_slug_is_clean_vietnamese_and_collisions_get_a_number(make_article):
    titles = ["Người tốt việc tốt ở Hòa An"] * 3
    slugs = [make_article(title=t).slug for t in titles]
    assert slugs == [
        "nguoi-tot-viec-tot-o-hoa-an",
        "nguoi-tot-viec-tot-o-hoa-an-2",
        "nguoi-tot-viec-tot-o-hoa-an-3",
    ]


def test_slugs_never_take_the_feed_address_or_come_out_empty(make_article):
    assert make_article(title="Feed").slug == "feed-2"
    assert make_article(title="!!! ???").slug == "bai-viet"
    long = make_article(title="Đoàn viên " * 25)
    assert len(long.slug) <= 100
    again = make_article(title="Đoàn viên " * 25)
    assert again.slug == long.slug + "-2" and len(again.slug) <= 100


def test_a_title_that_is_too_long_is_refused_clearly(make_article):
    with pytest.raises(ValidationError) as error:
        make_article(title="Đoàn viên " * 40)
    assert "255" in " ".join(error.value.message_dict["title"])


def test_the_slug_follows_the_title_until_publication_then_stays(make_article, editors, writer_a1):
    article = make_article()
    article = services.update_article(article, actor=writer_a1, title="Mái ấm Công đoàn cho chị Lục Thị Hoa")
    assert article.slug == "mai-am-cong-doan-cho-chi-luc-thi-hoa"
    published = make_article(Status.PUBLISHED, title="Sáng kiến tiết kiệm xi măng")
    services.update_article(published, actor=editors.province, title="Sáng kiến tiết kiệm 300 tấn xi măng")
    published.refresh_from_db()
    assert published.slug == "sang-kien-tiet-kiem-xi-mang"


# Bad input: nothing half-saved ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "body, words",
    [
        ("<p>Tin</p><script>alert(1)</script>", "<script>"),
        ('<p>Ảnh <img src="/media/publishing/a.jpg" onerror="alert(1)"></p>', "onerror"),
        ('<p><a href="javascript:alert(1)">Bấm vào đây</a></p>', "javascript:"),
        ('<iframe src="https://www.youtube.com/embed/x"></iframe>', "<iframe>"),
    ],
)
def test_unsafe_bodies_are_refused_with_a_clear_message_and_nothing_is_saved(make_article, body, words):
    with pytest.raises(ValidationError) as error:
        make_article(body=body)
    messages = " ".join(error.value.message_dict["body"]).lower()
    assert words in messages and "không" in messages  # Vietnamese: "... không được phép ..."
    assert Article.objects.count() == 0 and ArticleEvent.objects.count() == 0


def test_an_image_of_40_mb_is_refused_and_nothing_is_saved(make_article):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from publishing.tests.conftest import jpeg_bytes

    big = SimpleUploadedFile("lon.jpg", jpeg_bytes() + b"\0" * (40 * 1024 * 1024), content_type="image/jpeg")
    with pytest.raises(ValidationError) as error:
        make_article(image=big)
    assert "10 MB" in " ".join(error.value.message_dict["image"])
    assert Article.objects.count() == 0


def test_styles_and_unknown_tags_are_quietly_removed_on_save(make_article):
    article = make_article(
        body='<p style="color:red" class="MsoNormal"><font face="Arial">Chữ</font> <b>đậm</b></p>'
    )
    assert article.body == "<p>Chữ <b>đậm</b></p>"


def test_a_provincial_officer_approves_the_provincial_federations_articles_and_only_those(make_article, tree):
    provincial_officer = user_with_role(Role.OFFICER, tree.province, username="canbo.tinh")
    writer = user_with_role(Role.OFFICER, tree.province, username="phongvien.tinh")
    provincial = make_article(Status.SUBMITTED, unit=tree.province, writer=writer)
    assert services.approve_article(provincial, actor=provincial_officer).status == Status.APPROVED
    district = make_article(
        Status.SUBMITTED, unit=tree.district_a, writer=user_with_role(Role.OFFICER, tree.district_a)
    )
    with pytest.raises(PermissionDenied):
        services.approve_article(district, actor=provincial_officer)
    queue = selectors.filter_articles(provincial_officer, queue="review")
    assert list(queue) == []  # the provincial one is approved; the district one is not theirs
    again = make_article(Status.SUBMITTED, unit=tree.province, writer=writer, title="Bài thứ hai của tỉnh")
    assert list(selectors.filter_articles(provincial_officer, queue="review")) == [again]


def test_the_editor_sees_who_approves_the_article_at_each_level(make_article, editors, writer_a1, client_as):
    from accounts.permissions import article_reviewers

    article = make_article(Status.SUBMITTED)
    levels = [(unit.name, [u.username for u in users]) for unit, users in article_reviewers(article)]
    assert levels == [
        ("Liên đoàn Lao động huyện Hòa An", ["bientap.a"]),
        ("Liên đoàn Lao động tỉnh Cao Bằng", ["bientap"]),
    ]
    page = client_as(writer_a1).get(f"/tin-bai/{article.pk}/").content.decode()
    box = page[page.index("Người duyệt bài") :]
    assert str(editors.district_a) in box[:800] and str(editors.province) in box[:800]
