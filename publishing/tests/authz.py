"""publishing in the authorisation matrix (core/tests/test_authorization_matrix.py): every page
and API operation of the app, for every role, on district A's objects and on district B's.

`core/tests/authz/publishing.py` takes these with `from publishing.tests.authz import ENTRIES, build`.
In the matrix world the roles are held over district A: its editor reviews A's grassroots articles
but, not being a provincial editor, never publishes; its administrator may do both."""

import datetime as dt
import io

from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image

from core.tests.authz import ADMINS, ANY_ROLE, ANY_USER, PUBLIC, Api, Page

WRITERS = frozenset({"admin", "officer", "editor"})  # can_write_article, can_manage_models
REVIEWERS = frozenset({"admin", "editor"})  # can_review_article (A's editor is above A1), can_make_bulletin
PUBLISHERS = ADMINS  # can_publish_article: A's editor is not a provincial editor


def _jpeg(name="anh.jpg") -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", (400, 300), (30, 90, 160)).save(buffer, "JPEG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/jpeg")


def build(world) -> None:
    from accounts.models import Role
    from accounts.testing import user_with_role
    from publishing import services
    from publishing.models import AdvancedModel, BulletinIssue, Category

    category = Category.objects.get(slug="nguoi-tot-viec-tot")
    provincial_editor = user_with_role(Role.EDITOR, world.tree.province, username="bientap.matrix")
    world.extra["category"] = category
    for name in ("own", "foreign"):
        side = world.side(name)
        suffix = "A" if name == "own" else "B"
        writer = user_with_role(Role.OFFICER, side.grassroots, username=f"writer.{suffix.lower()}")

        def article(title, *, writer=writer, side=side, suffix=suffix, **extra):
            return services.create_article(
                actor=writer,
                unit=side.grassroots,
                category=category,
                title=f"{title} {suffix}",
                lead="Sa-pô.",
                body="<p>Nội dung.</p>",
                **extra,
            )

        side.draft = article("Bản nháp ma trận", image=_jpeg())
        side.image = side.draft.images.get()
        side.submitted = services.submit_article(article("Bài chờ duyệt ma trận"), actor=writer)
        side.approved = services.approve_article(
            services.submit_article(article("Bài đã duyệt ma trận"), actor=writer), actor=provincial_editor
        )
        side.published = services.publish_article(
            services.approve_article(
                services.submit_article(article("Bài đã đăng ma trận", image=_jpeg()), actor=writer),
                actor=provincial_editor,
            ),
            actor=provincial_editor,
        )
        side.published_image = side.published.images.get()
        side.model = services.create_model(
            actor=writer,
            unit=side.grassroots,
            title=f"Mô hình ma trận {suffix}",
            summary="Tóm tắt",
            period_start=dt.date(2025, 1, 1),
            field_of_work="union",
            found_on=dt.date(2025, 2, 1),
        )
        for _ in range(2):
            side.model = services.advance_model(side.model, actor=writer, on=dt.date(2025, 3, 1))
        assert side.model.stage == AdvancedModel.Stage.RECOGNISED
        side.evidence = services.add_evidence(
            side.model,
            actor=writer,
            description=f"Biên bản mật {suffix}",
            file=SimpleUploadedFile("bien-ban.pdf", b"%PDF-1.4\n%%EOF"),
        )
        today = timezone.localdate()
        side.bulletin = services.create_bulletin(
            actor=provincial_editor,
            publisher=side.district,
            period_kind="month",
            year=today.year,
            period_index=today.month,
        )
        side.bulletin.pdf.save("ban-tin.pdf", ContentFile(b"%PDF-1.4\n%%EOF"), save=False)
        side.bulletin.status = BulletinIssue.Status.READY
        side.bulletin.save()
        side.entry = side.bulletin.entries.get()
        if name == "foreign":
            # what B keeps to itself; published articles and recognised models are public by design
            side.markers += [
                side.draft.title,
                side.submitted.title,
                side.approved.title,
                side.evidence.description,
            ]


def _article_form(world, side) -> dict:
    return {
        "title": "Bài mới qua ma trận",
        "category": world.extra["category"].pk,
        "unit": side.grassroots.pk,
        "lead": "Sa-pô.",
        "body": "Nội dung.",
    }


def _model_form(world, side) -> dict:
    return {
        "title": "Mô hình mới",
        "kind": "collective",
        "unit": side.grassroots.pk,
        "summary": "Tóm tắt",
        "period_start": "2025-01-01",
        "field_of_work": "union",
        "figures-TOTAL_FORMS": "0",
        "figures-INITIAL_FORMS": "0",
        "figures-MIN_NUM_FORMS": "0",
        "figures-MAX_NUM_FORMS": "12",
    }


def _bulletin_form(world, side) -> dict:
    today = timezone.localdate()
    return {
        "publisher": side.district.pk,
        "period_kind": "month",
        "period_index": today.month,
        "year": today.year,
    }


def _transition(action: str, state: str, allow, comment: str = "") -> list:
    return [
        Page(
            "publishing:article_transition",
            kwargs=lambda s: {"pk": getattr(s, state).pk, "action": action},
            method="post",
            allow=allow,
            data=lambda w, s: {"comment": comment},
        ),
        Api(
            "POST",
            f"/api/v1/publishing/articles/{{article_id}}/{action}",
            params=lambda s: {"article_id": getattr(s, state).pk},
            allow=allow,
            body=lambda w, s: {"comment": comment},
        ),
    ]


API = "/api/v1/publishing"

ENTRIES = [
    # Articles
    Page(
        "publishing:article_list", allow=ANY_USER, scoped=False, note="only the articles of the user's scope"
    ),
    Page("publishing:article_list", query=lambda s: {"queue": "review"}, allow=ANY_USER, scoped=False),
    Page("publishing:article_create", allow=WRITERS, scoped=False),
    Page(
        "publishing:article_create",
        method="post",
        allow=WRITERS,
        data=_article_form,
        scoped=False,
        note="a unit outside the scope is not among the choices",
    ),
    Page("publishing:article_detail", kwargs=lambda s: {"pk": s.draft.pk}, allow=ANY_ROLE),
    Page("publishing:article_edit", kwargs=lambda s: {"pk": s.draft.pk}, allow=WRITERS),
    Page(
        "publishing:article_edit",
        kwargs=lambda s: {"pk": s.draft.pk},
        method="post",
        allow=WRITERS,
        data=_article_form,
    ),
    Page("publishing:article_history", kwargs=lambda s: {"pk": s.draft.pk}, allow=ADMINS),
    Page(
        "publishing:article_image_add",
        kwargs=lambda s: {"pk": s.draft.pk},
        method="post",
        allow=WRITERS,
        data=lambda w, s: {"image": _jpeg(), "caption": "Ảnh"},
    ),
    Page(
        "publishing:article_image_delete",
        kwargs=lambda s: {"pk": s.draft.pk, "image_pk": s.image.pk},
        method="post",
        allow=WRITERS,
    ),
    *_transition("submit", "draft", WRITERS),
    *_transition("approve", "submitted", REVIEWERS),
    *_transition("return", "submitted", REVIEWERS, comment="Bổ sung số liệu."),
    *_transition("publish", "approved", PUBLISHERS),
    *_transition("withdraw", "published", PUBLISHERS, comment="Cần kiểm tra lại."),
    # Advanced models
    Page("publishing:model_list", allow=ANY_USER, scoped=False),
    Page("publishing:model_list", query=lambda s: {"q": "ma tran"}, allow=ANY_USER, scoped=False),
    Page("publishing:model_create", allow=WRITERS, scoped=False),
    Page("publishing:model_create", method="post", allow=WRITERS, data=_model_form, scoped=False),
    Page("publishing:model_detail", kwargs=lambda s: {"pk": s.model.pk}, allow=ANY_ROLE),
    Page("publishing:model_edit", kwargs=lambda s: {"pk": s.model.pk}, allow=WRITERS),
    Page("publishing:model_history", kwargs=lambda s: {"pk": s.model.pk}, allow=ADMINS),
    Page(
        "publishing:model_advance",
        kwargs=lambda s: {"pk": s.model.pk},
        method="post",
        allow=WRITERS,
        data=lambda w, s: {"on": timezone.localdate().isoformat()},
    ),
    Page(
        "publishing:model_evidence_add",
        kwargs=lambda s: {"pk": s.model.pk},
        method="post",
        allow=WRITERS,
        data=lambda w, s: {
            "file": SimpleUploadedFile("bb.pdf", b"%PDF-1.4\n%%EOF"),
            "description": "Biên bản",
        },
    ),
    Page(
        "publishing:model_evidence",
        kwargs=lambda s: {"pk": s.model.pk, "evidence_pk": s.evidence.pk},
        allow=ANY_ROLE,
    ),
    Page(
        "publishing:model_replication_add",
        kwargs=lambda s: {"pk": s.model.pk},
        method="post",
        allow=WRITERS,
        data=lambda w, s: {"unit": s.district.pk, "adopted_on": timezone.localdate().isoformat()},
    ),
    # The internal bulletin
    Page("publishing:bulletin_list", allow=ANY_USER, scoped=False),
    Page("publishing:bulletin_create", allow=REVIEWERS, scoped=False),
    Page("publishing:bulletin_create", method="post", allow=REVIEWERS, data=_bulletin_form, scoped=False),
    Page("publishing:bulletin_detail", kwargs=lambda s: {"pk": s.bulletin.pk}, allow=ANY_ROLE),
    Page(
        "publishing:bulletin_entry_up",
        kwargs=lambda s: {"pk": s.bulletin.pk, "entry_pk": s.entry.pk},
        method="post",
        allow=REVIEWERS,
    ),
    Page(
        "publishing:bulletin_entry_down",
        kwargs=lambda s: {"pk": s.bulletin.pk, "entry_pk": s.entry.pk},
        method="post",
        allow=REVIEWERS,
    ),
    Page(
        "publishing:bulletin_entry_remove",
        kwargs=lambda s: {"pk": s.bulletin.pk, "entry_pk": s.entry.pk},
        method="post",
        allow=REVIEWERS,
    ),
    Page(
        "publishing:bulletin_generate", kwargs=lambda s: {"pk": s.bulletin.pk}, method="post", allow=REVIEWERS
    ),
    Page("publishing:bulletin_pdf", kwargs=lambda s: {"pk": s.bulletin.pk}, allow=ANY_ROLE),
    # The public portal: the same for everybody, signed in or not
    Page("publishing:portal_home", allow=ANY_USER, anonymous=PUBLIC, scoped=False),
    Page("publishing:portal_articles", allow=ANY_USER, anonymous=PUBLIC, scoped=False),
    Page("publishing:portal_search", allow=ANY_USER, anonymous=PUBLIC, scoped=False),
    Page(
        "publishing:portal_category",
        kwargs=lambda s: {"slug": "nguoi-tot-viec-tot"},
        allow=ANY_USER,
        anonymous=PUBLIC,
        scoped=False,
    ),
    Page(
        "publishing:portal_unit",
        kwargs=lambda s: {"pk": s.district.pk},
        allow=ANY_USER,
        anonymous=PUBLIC,
        scoped=False,
    ),
    Page(
        "publishing:portal_article",
        kwargs=lambda s: {"slug": s.published.slug},
        allow=ANY_USER,
        anonymous=PUBLIC,
        scoped=False,
    ),
    Page(
        "publishing:portal_model",
        kwargs=lambda s: {"pk": s.model.pk},
        allow=ANY_USER,
        anonymous=PUBLIC,
        scoped=False,
    ),
    Page("publishing:feed_rss", allow=ANY_USER, anonymous=PUBLIC, scoped=False),
    Page("publishing:feed_atom", allow=ANY_USER, anonymous=PUBLIC, scoped=False),
    # API
    Api("GET", f"{API}/categories", allow=ANY_USER, scoped=False),
    Api("GET", f"{API}/articles", allow=ANY_USER, scoped=False),
    Api("GET", f"{API}/articles/{{article_id}}", params=lambda s: {"article_id": s.draft.pk}, allow=ANY_ROLE),
    Api(
        "POST",
        f"{API}/articles",
        allow=WRITERS,
        body=lambda w, s: {
            "title": "Bài API",
            "category_id": w.extra["category"].pk,
            "unit_id": s.grassroots.pk,
            "lead": "Sa-pô.",
            "body": "<p>Nội dung.</p>",
        },
    ),
    Api(
        "PATCH",
        f"{API}/articles/{{article_id}}",
        params=lambda s: {"article_id": s.draft.pk},
        allow=WRITERS,
        body=lambda w, s: {"title": "Tên mới"},
    ),
    Api("GET", f"{API}/models", allow=ANY_USER, scoped=False),
    Api("GET", f"{API}/models/{{model_id}}", params=lambda s: {"model_id": s.model.pk}, allow=ANY_ROLE),
    Api(
        "POST",
        f"{API}/models",
        allow=WRITERS,
        body=lambda w, s: {
            "title": "Mô hình API",
            "unit_id": s.grassroots.pk,
            "summary": "Tóm tắt",
            "period_start": "2025-01-01",
            "field_of_work": "union",
        },
    ),
    Api(
        "POST",
        f"{API}/models/{{model_id}}/advance",
        params=lambda s: {"model_id": s.model.pk},
        allow=WRITERS,
        body=lambda w, s: {},
    ),
    Api(
        "POST",
        f"{API}/models/{{model_id}}/replications",
        params=lambda s: {"model_id": s.model.pk},
        allow=WRITERS,
        body=lambda w, s: {"unit_id": s.district.pk, "adopted_on": timezone.localdate().isoformat()},
    ),
]
