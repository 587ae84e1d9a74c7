"""Fixtures of the publishing tests: editors at each level, writers, and articles in any state
(brought there through the services, as a user would)."""

import datetime as dt
import io
from types import SimpleNamespace

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image

from accounts.models import Role
from accounts.testing import user_with_role
from publishing import services
from publishing.models import Article, Category


@pytest.fixture
def editors(tree):
    return SimpleNamespace(
        province=user_with_role(Role.EDITOR, tree.province, username="bientap"),
        district_a=user_with_role(Role.EDITOR, tree.district_a, username="bientap.a"),
        district_b=user_with_role(Role.EDITOR, tree.district_b, username="bientap.b"),
        grassroots_a1=user_with_role(Role.EDITOR, tree.grassroots_a1, username="bientap.a1"),
    )


@pytest.fixture
def writer_a1(tree):
    """An officer of a grassroots union (CĐCS) under district A."""
    return user_with_role(Role.OFFICER, tree.grassroots_a1, username="canbo.a1", full_name="Đàm Văn Long")


@pytest.fixture
def category(db):
    return Category.objects.get(slug="nguoi-tot-viec-tot")


def jpeg_bytes(width=800, height=600, color=(30, 90, 160), exif=None) -> bytes:
    buffer = io.BytesIO()
    image = Image.new("RGB", (width, height), color)
    if exif is not None:
        image.save(buffer, "JPEG", exif=exif)
    else:
        image.save(buffer, "JPEG")
    return buffer.getvalue()


def image_upload(name="anh.jpg", **kwargs) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, jpeg_bytes(**kwargs), content_type="image/jpeg")


@pytest.fixture
def make_article(tree, editors, writer_a1, category):
    """`make_article(status, unit=..., title=...)`: an article brought to `status` through the services."""

    def make(
        status=Article.Status.DRAFT,
        *,
        unit=None,
        writer=None,
        title="Người tốt việc tốt ở Hòa An",
        publish_at=None,
        cat=None,
        **fields,
    ):
        unit = unit or tree.grassroots_a1
        writer = writer or writer_a1
        article = services.create_article(
            actor=writer,
            unit=unit,
            category=cat or category,
            title=title,
            lead=fields.pop("lead", "Cô giáo Nông Thị Hoa dắt học trò qua suối mỗi sáng."),
            body=fields.pop("body", "<p>Mỗi sáng, cô đi bộ <strong>5 km</strong> đón học trò.</p>"),
            **fields,
        )
        if status == Article.Status.DRAFT:
            return article
        article = services.submit_article(article, actor=writer)
        if status == Article.Status.SUBMITTED:
            return article
        if status == Article.Status.RETURNED:
            return services.return_article(
                article,
                actor=editors.district_a if unit.path.startswith(tree.district_a.path) else editors.province,
                comment="Bổ sung ảnh và số liệu.",
            )
        article = services.approve_article(article, actor=editors.province)
        if status == Article.Status.APPROVED:
            return article
        return services.publish_article(article, actor=editors.province, publish_at=publish_at)

    return make


@pytest.fixture
def an_hour_later():
    return timezone.now() + dt.timedelta(hours=1)


@pytest.fixture
def every_state(make_article, an_hour_later):
    """One article in each state, one of them published for later (the portal's tests)."""
    Status = Article.Status
    return {
        "draft": make_article(Status.DRAFT, title="Bản nháp chưa gửi"),
        "submitted": make_article(Status.SUBMITTED, title="Bài đang chờ duyệt"),
        "returned": make_article(Status.RETURNED, title="Bài bị trả lại"),
        "approved": make_article(Status.APPROVED, title="Bài đã duyệt chưa đăng"),
        "scheduled": make_article(Status.PUBLISHED, title="Bài hẹn giờ đăng", publish_at=an_hour_later),
        "published": make_article(Status.PUBLISHED, title="Cô giáo Bảo Lạc dắt học trò qua suối"),
    }
