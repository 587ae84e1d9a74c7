"""documents: the registry's entries of the authorisation matrix (see core/tests/authz).

Own side: district A drafts a plan and has issued one to its grassroots union A1 (an
obligation), with an attachment, a source file and a reading by A's officer. Foreign side:
the same for district B. Drafts are seen by every role over their issuer; issuing, bases,
recipients and attachments are for managers; a reading belongs to the officer who made it.

`core/tests/authz/documents.py` re-exports ENTRIES and build from here."""

import datetime as dt

from django.core.files.base import ContentFile

from core.tests.authz import ANY_ROLE, ANY_USER, MANAGERS, OFFICER, Api, Page

ISSUED_ON = dt.date(2015, 6, 15)


def _blank_pdf() -> bytes:
    """A one-page PDF, the kind of upload whose pages the review shows."""
    import io

    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def build(world) -> None:
    from accounts.models import Role
    from accounts.testing import user_with_role
    from documents import services
    from documents.models import Attachment, Reading
    from documents.tests.conftest import seed_types

    tree = world.tree
    for unit in (tree.province, tree.district_a, tree.district_b):
        unit.doc_symbol = "LĐLĐ"
        unit.save()
    types = seed_types()
    clerk = user_with_role(Role.ADMIN, tree.province, username="van-thu.tinh")
    basis = services.record_external(
        actor=clerk,
        doc_type=types["CT"],
        number_symbol="35/CT-TTg",
        issued_on=dt.date(2014, 12, 19),
        summary="Đẩy mạnh phong trào thi đua",
        issuer_body=services.outside_body("Thủ tướng Chính phủ"),
    )
    world.extra["document_types"] = types
    for name, side in (("own", world.own), ("foreign", world.foreign)):
        letter = name[0].upper()
        side.draft = services.create_draft(
            actor=clerk,
            issuer=side.district,
            doc_type=types["KH"],
            summary=f"Dự thảo kế hoạch kín của huyện {letter}",
            body="1. Quán triệt.\n2. Đăng ký thi đua.",
        )
        services.set_bases(actor=clerk, document=side.draft, bases=[basis])
        side.draft.source_file.save(f"goc-{letter}.txt", ContentFile("KẾ HOẠCH".encode()), save=True)
        side.basis = basis
        side.attachment = Attachment(
            document=side.draft, original_name=f"phu-luc-{letter}.pdf", kind="pdf", size=16, uploaded_by=clerk
        )
        side.attachment.file.save(f"phu-luc-{letter}.pdf", ContentFile(b"%PDF-1.4\n%%EOF\n"), save=True)
        plan = services.create_draft(
            actor=clerk,
            issuer=side.district,
            doc_type=types["KH"],
            summary=f"Kế hoạch đã ban hành của huyện {letter}",
            requires_plan=True,
            plan_deadline=dt.date(2015, 7, 15),
        )
        services.set_recipients(actor=clerk, document=plan, units=[side.grassroots])
        side.plan = services.issue_document(actor=clerk, document=plan, issued_on=ISSUED_ON)
        side.obligation = side.plan.obligations.get()
        reader = world.users[OFFICER] if name == "own" else side.colleague
        side.reading = Reading.objects.create(
            original_name="ke-hoach.pdf",
            created_by=reader,
            extraction={"type": "Kế hoạch", "title": "Kế hoạch", "bases": [], "items": [], "recipients": []},
        )
        side.reading.file.save("ke-hoach.pdf", ContentFile(_blank_pdf()), save=True)
    world.foreign.markers.append("Dự thảo kế hoạch kín của huyện F")


def _draft(side):
    return {"pk": side.draft.pk}


def _plan(side):
    return {"pk": side.plan.pk}


def _draft_body(world, side):
    return {"issuer_unit_id": side.district.pk, "doc_type_code": "KH", "summary": "Kế hoạch qua API"}


ENTRIES = [
    # The registry
    Page("documents:index", allow=ANY_USER, scoped=False, note="only documents the user may read"),
    Page(
        "documents:index", query=lambda s: {"q": "ke hoach", "sent_to_me": "on"}, allow=ANY_USER, scoped=False
    ),
    Page("documents:create", allow=MANAGERS, scoped=False, note="needs a unit to draft for"),
    Page(
        "documents:create",
        method="post",
        allow=MANAGERS,
        scoped=False,
        data=lambda w, s: {
            "issuer": s.district.pk,
            "doc_type": w.extra["document_types"]["KH"].pk,
            "summary": "Kế hoạch mới",
        },
    ),
    Page(
        "documents:detail",
        kwargs=_draft,
        allow=MANAGERS,
        note="a draft is seen only by those who may work on it",
    ),
    Page("documents:detail", kwargs=_plan, allow=ANY_ROLE, note="once issued, by every role of the subtree"),
    Page("documents:edit", kwargs=_draft, allow=MANAGERS),
    Page("documents:delete", kwargs=_draft, method="post", allow=MANAGERS),
    Page("documents:bases", kwargs=_draft, allow=MANAGERS),
    Page(
        "documents:bases",
        kwargs=_draft,
        method="post",
        allow=MANAGERS,
        data=lambda w, s: {"basis": s.basis.pk},
    ),
    Page("documents:basis_record", kwargs=_draft, allow=MANAGERS),
    Page(
        "documents:basis_remove",
        kwargs=lambda s: {"pk": s.draft.pk, "basis_pk": s.basis.pk},
        method="post",
        allow=MANAGERS,
    ),
    Page("documents:recipients", kwargs=_draft, allow=MANAGERS),
    Page("documents:attachment_add", kwargs=_draft, method="post", allow=MANAGERS),
    Page("documents:attachment_download", kwargs=lambda s: {"pk": s.attachment.pk}, allow=MANAGERS),
    Page(
        "documents:attachment_delete", kwargs=lambda s: {"pk": s.attachment.pk}, method="post", allow=MANAGERS
    ),
    Page("documents:source", kwargs=_draft, allow=MANAGERS),
    Page("documents:issue", kwargs=_draft, allow=MANAGERS),
    Page(
        "documents:issue",
        kwargs=_draft,
        method="post",
        allow=MANAGERS,
        data=lambda w, s: {"issued_on": "2015-06-20"},
    ),
    Page("documents:docx", kwargs=_plan, allow=ANY_ROLE),
    Page("documents:pdf", kwargs=_draft, allow=MANAGERS),
    # The cascade
    Page("documents:board", kwargs=_plan, allow=ANY_ROLE),
    Page("documents:remind", kwargs=_plan, method="post", allow=MANAGERS, note="officers of the issuer"),
    Page(
        "documents:remind",
        kwargs=_plan,
        method="post",
        allow=MANAGERS,
        data=lambda w, s: {"chosen": "1", "unit": [s.grassroots.pk]},
        note="the board's checklist: only the ticked units",
    ),
    Page("documents:acknowledge", kwargs=lambda s: {"pk": s.obligation.pk}, method="post", allow=MANAGERS),
    Page("documents:implement", kwargs=lambda s: {"pk": s.obligation.pk}, method="post", allow=MANAGERS),
    # Reading existing documents: a reading is its officer's own
    Page("documents:read", allow=MANAGERS, scoped=False),
    Page("documents:review", kwargs=lambda s: {"pk": s.reading.pk}, allow=frozenset({OFFICER})),
    Page(
        "documents:reading_discard",
        kwargs=lambda s: {"pk": s.reading.pk},
        method="post",
        allow=frozenset({OFFICER}),
    ),
    Page(
        "documents:reading_page", kwargs=lambda s: {"pk": s.reading.pk, "page": 1}, allow=frozenset({OFFICER})
    ),
    Page("documents:reading_original", kwargs=lambda s: {"pk": s.reading.pk}, allow=frozenset({OFFICER})),
    # API
    Api("GET", "/api/v1/documents/types", allow=ANY_USER, scoped=False),
    Api("GET", "/api/v1/documents/", allow=ANY_USER, scoped=False),
    Api("POST", "/api/v1/documents/", body=_draft_body, allow=MANAGERS),
    Api(
        "GET", "/api/v1/documents/{document_id}", params=lambda s: {"document_id": s.draft.pk}, allow=MANAGERS
    ),
    Api(
        "POST",
        "/api/v1/documents/{document_id}/issue",
        params=lambda s: {"document_id": s.draft.pk},
        body=lambda w, s: {"issued_on": "2015-06-20"},
        allow=MANAGERS,
    ),
    Api(
        "GET",
        "/api/v1/documents/{document_id}/board",
        params=lambda s: {"document_id": s.plan.pk},
        allow=ANY_ROLE,
    ),
    Api(
        "POST",
        "/api/v1/documents/obligations/{obligation_id}/acknowledge",
        params=lambda s: {"obligation_id": s.obligation.pk},
        allow=MANAGERS,
    ),
]
