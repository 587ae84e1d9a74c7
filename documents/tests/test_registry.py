"""The registry's rules, each quoted from the issue and tried with bad input: a clear
Vietnamese message and nothing half-saved."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from documents import services
from documents.models import Attachment, Document, DocumentBasis, DocumentType, NumberSequence, Obligation
from documents.tests.conftest import ISSUED_ON


def _messages(error: ValidationError) -> str:
    return " ".join(error.value.messages)


# Types as data ------------------------------------------------------------------------


def test_the_document_types_are_seeded_as_data(types):
    assert {code: t.name for code, t in types.items()} == {
        "CT": "Chỉ thị",
        "KH": "Kế hoạch",
        "QĐ": "Quyết định",
        "HD": "Hướng dẫn",
        "TB": "Thông báo",
        "CV": "Công văn",
        "BC": "Báo cáo",
        "TTr": "Tờ trình",
        "NQ": "Nghị quyết",
        "NĐ": "Nghị định",
        "CTr": "Chương trình",
        "BB": "Biên bản",
    }
    assert not types["CV"].code_in_symbol
    assert types["KH"].is_plan and types["CT"].is_plan and not types["QĐ"].is_plan


# Numbers ------------------------------------------------------------------------------


def test_a_cong_van_carries_no_type_code_in_its_symbol(symbols, admin_user, types):
    """ND30: “12/LĐLĐ-CSPL” — the issuer and the drafting office, no type code."""
    letter = services.create_draft(
        actor=admin_user,
        issuer=symbols.province,
        doc_type=types["CV"],
        summary="V/v đôn đốc xây dựng kế hoạch",
        drafting_office="CSPL",
    )
    issued = services.issue_document(actor=admin_user, document=letter, issued_on=ISSUED_ON)
    assert issued.number_symbol == "01/LĐLĐ-CSPL"


def test_a_paper_document_keeps_its_number_and_the_sequence_follows_it(plan, admin_user, symbols, types):
    services.issue_document(actor=admin_user, document=plan, issued_on=ISSUED_ON, number_symbol="75/KH-LĐLĐ")
    plan.refresh_from_db()
    assert (plan.number, plan.number_symbol, plan.status) == (75, "75/KH-LĐLĐ", Document.Status.ISSUED)
    assert (
        NumberSequence.objects.get(issuer_unit=symbols.province, doc_type=types["KH"], year=2015).last_number
        == 75
    )
    following = services.create_draft(
        actor=admin_user, issuer=symbols.province, doc_type=types["KH"], summary="Sau"
    )
    assert (
        services.issue_document(
            actor=admin_user, document=following, issued_on=dt.date(2015, 6, 20)
        ).number_symbol
        == "76/KH-LĐLĐ"
    )


@pytest.mark.parametrize(
    "bad", ["75", "KH-LĐLĐ", "75/KH", "abc/KH-LĐLĐ", "0/KH-LĐLĐ", "75/QĐ-LĐLĐ", "75/KH-UBND"]
)
def test_a_malformed_or_mismatched_number_symbol_is_refused_and_nothing_is_issued(plan, admin_user, bad):
    with pytest.raises(ValidationError) as error:
        services.issue_document(actor=admin_user, document=plan, issued_on=ISSUED_ON, number_symbol=bad)
    assert "number_symbol" in error.value.message_dict
    plan.refresh_from_db()
    assert plan.status == Document.Status.DRAFT and plan.number is None
    assert not Obligation.objects.filter(document=plan).exists()


def test_a_number_already_used_is_refused_with_a_clear_message(plan, admin_user, symbols, types):
    first = services.create_draft(
        actor=admin_user, issuer=symbols.province, doc_type=types["KH"], summary="Trước"
    )
    services.issue_document(
        actor=admin_user, document=first, issued_on=dt.date(2015, 6, 1), number_symbol="75/KH-LĐLĐ"
    )
    with pytest.raises(ValidationError) as error:
        services.issue_document(
            actor=admin_user, document=plan, issued_on=ISSUED_ON, number_symbol="75/KH-LĐLĐ"
        )
    assert "đã được dùng" in _messages(error)
    plan.refresh_from_db()
    assert plan.status == Document.Status.DRAFT


def test_an_outside_document_recorded_twice_is_refused(admin_user, types, db, tree):
    body = services.outside_body("Thủ tướng Chính phủ")
    services.record_external(
        actor=admin_user,
        doc_type=types["CT"],
        number_symbol="35/CT-TTg",
        issued_on=dt.date(2014, 12, 19),
        summary="Đẩy mạnh phong trào thi đua",
        issuer_body=body,
    )
    with pytest.raises(ValidationError) as error:
        services.record_external(
            actor=admin_user,
            doc_type=types["CT"],
            number_symbol="35 / CT-TTg",
            issued_on=dt.date(2014, 12, 19),
            summary="",
            issuer_body=body,
        )
    assert "đã có trong sổ" in _messages(error)
    assert Document.objects.filter(number_symbol="35/CT-TTg").count() == 1


def test_an_outside_body_is_reused_whatever_its_accents(db):
    body = services.outside_body("Thủ tướng Chính phủ")
    assert services.outside_body("thu tuong chinh phu") == body


def test_a_party_directive_keeps_its_own_punctuation(admin_user, types, db, tree):
    body = services.outside_body("Bộ Chính trị")
    document = services.record_external(
        actor=admin_user,
        doc_type=types["CT"],
        number_symbol="34-CT/TW",
        issued_on=dt.date(2014, 4, 7),
        summary="",
        issuer_body=body,
    )
    assert document.number_symbol == "34-CT/TW" and document.status == Document.Status.RECORDED


def test_an_outside_date_in_the_future_is_refused(admin_user, types, db, tree):
    with pytest.raises(ValidationError):
        services.record_external(
            actor=admin_user,
            doc_type=types["CT"],
            number_symbol="35/CT-TTg",
            issued_on=dt.date(2099, 1, 1),
            summary="",
            issuer_body=services.outside_body("TTg"),
        )
    assert not Document.objects.exists()


# Legal bases --------------------------------------------------------------------------


def test_a_basis_that_cites_itself_directly_or_in_a_cycle_is_refused(plan, admin_user, symbols, types):
    other = services.create_draft(
        actor=admin_user, issuer=symbols.province, doc_type=types["QĐ"], summary="B"
    )
    third = services.create_draft(
        actor=admin_user, issuer=symbols.province, doc_type=types["QĐ"], summary="C"
    )
    with pytest.raises(ValidationError) as error:
        services.set_bases(actor=admin_user, document=plan, bases=[plan])
    assert "không thể tự lấy chính nó" in _messages(error)
    services.set_bases(actor=admin_user, document=other, bases=[plan])
    services.set_bases(actor=admin_user, document=third, bases=[other])
    with pytest.raises(ValidationError) as error:
        services.set_bases(actor=admin_user, document=plan, bases=[third])  # plan → third → other → plan
    assert "vòng" in _messages(error)
    assert not DocumentBasis.objects.filter(document=plan).exists()


def test_the_bases_of_an_issued_document_are_fixed(issued_plan, admin_user, symbols, types):
    other = services.create_draft(
        actor=admin_user, issuer=symbols.province, doc_type=types["QĐ"], summary="B"
    )
    with pytest.raises(ValidationError):
        services.set_bases(actor=admin_user, document=issued_plan, bases=[other])


# Issuing ------------------------------------------------------------------------------


def test_a_deadline_before_the_issue_date_is_refused_and_nothing_is_issued(plan, admin_user):
    with pytest.raises(ValidationError) as error:
        services.issue_document(actor=admin_user, document=plan, issued_on=dt.date(2015, 8, 1))
    assert error.value.message_dict["plan_deadline"] == ["Hạn nộp kế hoạch không thể trước ngày ban hành."]
    plan.refresh_from_db()
    assert plan.status == Document.Status.DRAFT and not NumberSequence.objects.exists()


def test_a_plan_asking_for_plans_needs_recipient_units(symbols, admin_user, types):
    draft = services.create_draft(
        actor=admin_user, issuer=symbols.province, doc_type=types["KH"], summary="KH", requires_plan=True
    )
    with pytest.raises(ValidationError) as error:
        services.issue_document(actor=admin_user, document=draft, issued_on=ISSUED_ON)
    assert "requires_plan" in error.value.message_dict


def test_a_unit_cannot_send_a_document_to_itself(plan, admin_user, symbols):
    with pytest.raises(ValidationError):
        services.set_recipients(actor=admin_user, document=plan, units=[symbols.province])


def test_issuing_notifies_the_officers_of_the_recipient_units(plan, admin_user, officer_a, officer_b):
    services.issue_document(actor=admin_user, document=plan, issued_on=ISSUED_ON)
    assert officer_a.notifications.get().url == f"/van-ban/{plan.pk}/"
    assert "01/KH-LĐLĐ" in officer_b.notifications.get().text


def test_an_officer_of_another_district_cannot_touch_a_draft(plan, officer_b, symbols, types):
    with pytest.raises(PermissionDenied):
        services.update_draft(actor=officer_b, document=plan, summary="Sửa")
    with pytest.raises(PermissionDenied):
        services.issue_document(actor=officer_b, document=plan)


def test_an_issued_document_is_no_longer_editable_and_cannot_be_deleted(issued_plan, admin_user):
    with pytest.raises(ValidationError):
        services.update_draft(actor=admin_user, document=issued_plan, summary="Sửa")
    with pytest.raises(ValidationError):
        services.discard_draft(actor=admin_user, document=issued_plan)


# Attachments --------------------------------------------------------------------------

PDF_BYTES = b"%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"


def test_a_pdf_is_attached_and_stored(plan, admin_user):
    attachment = services.add_attachment(
        actor=admin_user, document=plan, file=SimpleUploadedFile("ke-hoach.pdf", PDF_BYTES)
    )
    assert (attachment.kind, attachment.original_name, attachment.size) == (
        "pdf",
        "ke-hoach.pdf",
        len(PDF_BYTES),
    )
    assert attachment.file.read() == PDF_BYTES


def test_an_attachment_that_claims_to_be_pdf_but_is_not_is_refused(plan, admin_user):
    fake = SimpleUploadedFile(
        "ke-hoach.pdf", b"MZ\x90\x00 this is a program, not a PDF" * 10, content_type="application/pdf"
    )
    with pytest.raises(ValidationError) as error:
        services.add_attachment(actor=admin_user, document=plan, file=fake)
    assert "không phải loại được phép" in _messages(error)
    assert not Attachment.objects.exists()


def test_an_attachment_over_the_size_limit_is_refused(plan, admin_user, settings):
    settings.MAX_UPLOAD_MB = 1
    big = SimpleUploadedFile("lon.pdf", PDF_BYTES + b"0" * (1024 * 1024 + 1))
    with pytest.raises(ValidationError) as error:
        services.add_attachment(actor=admin_user, document=plan, file=big)
    assert "giới hạn" in _messages(error)
    assert not Attachment.objects.exists()


# The implementing plan ----------------------------------------------------------------


def test_a_recipient_reuses_the_plan_it_received(issued_plan, officer_a, symbols, types):
    obligation = Obligation.objects.get(document=issued_plan, unit=symbols.district_a)
    draft = services.start_implementing_plan(actor=officer_a, obligation=obligation)
    assert (
        draft.doc_type == types["KH"]
        and draft.parent == issued_plan
        and draft.issuer_unit == symbols.district_a
    )
    assert draft.summary == (
        "Kế hoạch thực hiện Kế hoạch số 01/KH-LĐLĐ ngày 15/06/2015 của Liên đoàn Lao động tỉnh Cao Bằng"
    )
    assert draft.body == issued_plan.body and draft.status == Document.Status.DRAFT
    assert list(draft.bases.all()) == [issued_plan]
    assert (draft.signer_authority, draft.signer_position, draft.signer_name) == ("", "", "")
    obligation.refresh_from_db()
    assert obligation.acknowledged_at is not None
    assert services.start_implementing_plan(actor=officer_a, obligation=obligation) == draft  # asked twice


def test_an_officer_cannot_start_a_plan_for_another_district(issued_plan, officer_b, symbols):
    obligation = Obligation.objects.get(document=issued_plan, unit=symbols.district_a)
    with pytest.raises(PermissionDenied):
        services.start_implementing_plan(actor=officer_b, obligation=obligation)


def test_issuing_the_implementing_plan_fulfils_the_obligation(issued_plan, officer_a, symbols):
    obligation = Obligation.objects.get(document=issued_plan, unit=symbols.district_a)
    draft = services.start_implementing_plan(actor=officer_a, obligation=obligation)
    child = services.issue_document(actor=officer_a, document=draft, issued_on=dt.date(2015, 6, 25))
    obligation.refresh_from_db()
    assert obligation.fulfilled_by == child and obligation.state == "done"
    assert child.number_symbol == "01/KH-LĐLĐ" and child.issuer_unit == symbols.district_a


def test_a_recipient_acknowledges_once(issued_plan, officer_a, officer_b, symbols):
    obligation = Obligation.objects.get(document=issued_plan, unit=symbols.district_a)
    first = services.acknowledge(actor=officer_a, obligation=obligation).acknowledged_at
    assert services.acknowledge(actor=officer_a, obligation=obligation).acknowledged_at == first
    with pytest.raises(PermissionDenied):
        services.acknowledge(actor=officer_b, obligation=obligation)


def test_type_fixture_is_the_seeded_one(types):
    assert DocumentType.objects.count() == len(types) == 12
