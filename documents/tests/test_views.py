"""The registry's pages, used like a user would with the test client, as different users."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from accounts.testing import page_queries
from documents import services
from documents.models import Attachment, Document, Obligation
from documents.tests.conftest import ISSUED_ON
from organisations.testing import make_unit


def _draft_of(unit, user, types, summary="Kế hoạch của huyện"):
    return services.create_draft(actor=user, issuer=unit, doc_type=types["KH"], summary=summary)


# Scope from outside ------------------------------------------------------------------------


def test_an_officer_of_district_b_opening_district_as_draft_by_id_gets_404(
    symbols, officer_a, officer_b, types, client_as
):
    draft = _draft_of(symbols.district_a, officer_a, types)
    client = client_as(officer_b)
    for url in (
        f"/van-ban/{draft.pk}/",
        f"/van-ban/{draft.pk}/sua/",
        f"/van-ban/{draft.pk}/ban-hanh/",
        f"/van-ban/{draft.pk}/can-cu/",
        f"/van-ban/{draft.pk}/noi-nhan/",
        f"/van-ban/{draft.pk}/tai-ve.pdf",
        f"/van-ban/{draft.pk}/tai-ve.docx",
    ):
        assert client.get(url).status_code == 404, url
    assert client.post(f"/van-ban/{draft.pk}/ban-hanh/", {"issued_on": "2015-06-15"}).status_code == 404
    assert client.post(f"/van-ban/{draft.pk}/xoa/").status_code == 404
    draft.refresh_from_db()
    assert draft.status == Document.Status.DRAFT


def test_a_draft_is_not_shown_to_its_recipients_before_it_is_issued(plan, officer_a, admin_user, client_as):
    client = client_as(officer_a)
    assert client.get(f"/van-ban/{plan.pk}/").status_code == 404
    services.issue_document(actor=admin_user, document=plan, issued_on=ISSUED_ON)
    assert client.get(f"/van-ban/{plan.pk}/").status_code == 200


def test_the_list_shows_only_what_the_user_may_read(
    symbols, officer_a, officer_b, admin_user, types, client_as
):
    own = _draft_of(symbols.district_a, officer_a, types, "Dự thảo của Hòa An")
    other = _draft_of(symbols.district_b, officer_b, types, "Dự thảo của Bảo Lạc")
    page = client_as(officer_a).get("/van-ban/").content.decode()
    assert own.summary in page and other.summary not in page
    page = client_as(admin_user).get("/van-ban/").content.decode()
    assert own.summary in page and other.summary in page


def test_a_viewer_reads_but_cannot_draft(issued_plan, viewer, client_as):
    client = client_as(viewer)
    assert client.get(f"/van-ban/{issued_plan.pk}/").status_code == 200
    assert client.get("/van-ban/soan-thao/").status_code == 403
    assert client.get(f"/van-ban/{issued_plan.pk}/theo-doi/").status_code == 200
    assert client.post(f"/van-ban/{issued_plan.pk}/nhac-nho/").status_code == 403


def test_an_obligation_of_another_district_answers_404(issued_plan, officer_b, symbols, client_as):
    obligation = Obligation.objects.get(document=issued_plan, unit=symbols.district_a)
    client = client_as(officer_b)
    assert client.post(f"/van-ban/nghia-vu/{obligation.pk}/da-nhan/").status_code == 404
    assert client.post(f"/van-ban/nghia-vu/{obligation.pk}/xay-dung-ke-hoach/").status_code == 404
    obligation.refresh_from_db()
    assert obligation.acknowledged_at is None


# Drafting and issuing -------------------------------------------------------------------------


def test_an_officer_drafts_chooses_recipients_and_issues_a_plan(
    symbols, officer_a, types, client_as, members
):
    client = client_as(officer_a)
    response = client.post(
        "/van-ban/soan-thao/",
        {
            "issuer": symbols.district_a.pk,
            "doc_type": types["KH"].pk,
            "summary": "Kế hoạch phát động thi đua",
            "place": "Hòa An",
            "body": "1. Quán triệt.\n2. Đăng ký thi đua.",
            "requires_plan": "",
            "signer_authority": "TM. BAN THƯỜNG VỤ",
        },
    )
    draft = Document.objects.get(summary="Kế hoạch phát động thi đua")
    assert response.status_code == 302 and draft.issuer_unit == symbols.district_a

    response = client.post(
        f"/van-ban/{draft.pk}/noi-nhan/",
        {"units": [str(symbols.grassroots_a1.pk)], "units_text": "dan chu", "recipients_text": ""},
    )
    assert response.status_code == 302
    assert set(draft.recipients.values_list("unit__code", flat=True)) == {"CS-A1", "CS-A2"}
    draft.refresh_from_db()
    assert draft.recipients_text.splitlines()[-1] == "Lưu: VT"

    page = client.get(f"/van-ban/{draft.pk}/ban-hanh/").content.decode()
    assert "/KH-LĐLĐ" in page  # the confirmation shows the symbol it will get
    response = client.post(f"/van-ban/{draft.pk}/ban-hanh/", {"issued_on": "2015-06-20"})
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.number_symbol == "01/KH-LĐLĐ" and Obligation.objects.filter(document=draft).count() == 2


def test_the_recipients_picker_refuses_a_unit_outside_the_scope_typed_or_forged(
    symbols, officer_a, types, client_as
):
    draft = _draft_of(symbols.district_a, officer_a, types)
    client = client_as(officer_a)
    response = client.post(f"/van-ban/{draft.pk}/noi-nhan/", {"units_text": "THCS Bảo Lạc"})
    assert response.status_code == 200
    assert "Không có kết quả nào trong phạm vi của bạn khớp với “THCS Bảo Lạc”" in response.content.decode()
    response = client.post(f"/van-ban/{draft.pk}/noi-nhan/", {"units": [str(symbols.grassroots_b1.pk)]})
    assert (
        response.status_code == 200
        and "Lựa chọn này không thuộc phạm vi của bạn" in response.content.decode()
    )
    assert not draft.recipients.exists()


def test_an_ended_unit_is_not_offered_and_the_service_refuses_it_by_name(
    symbols, officer_a, types, client_as
):
    ended = symbols.grassroots_a2
    ended.valid_to = dt.date(2025, 7, 1)
    ended.save()
    draft = _draft_of(symbols.district_a, officer_a, types)
    page = client_as(officer_a).get(f"/van-ban/{draft.pk}/noi-nhan/").content.decode()
    assert symbols.grassroots_a1.name in page and ended.name not in page
    with pytest.raises(ValidationError) as refused:
        services.choose_recipients(actor=officer_a, document=draft, units=[ended], groups=[])
    assert f"CS-A2 ({ended.name}) đã kết thúc" in str(refused.value.message_dict["units"])
    assert not draft.recipients.exists()


def test_a_province_sends_to_a_grassroots_union_it_finds_by_typing_part_of_its_name(
    symbols, admin_user, types, client_as
):
    for n in range(25):  # more than a select holds: the recipients are a type-ahead picker
        make_unit("grassroots", symbols.province, name=f"CĐCS Công ty số {n}", code=f"CS-P{n:02d}")
    draft = _draft_of(symbols.province, admin_user, types)
    client = client_as(admin_user)
    page = client.get(f"/van-ban/{draft.pk}/noi-nhan/").content.decode()
    assert 'name="units_text"' in page and "/to-chuc/chon/don-vi/" in page
    response = client.post(
        f"/van-ban/{draft.pk}/noi-nhan/", {"units_text": "nuoc hai; Dân Chủ", "recipients_text": ""}
    )
    assert response.status_code == 302
    assert set(draft.recipients.values_list("unit__code", flat=True)) == {"CS-A1", "CS-A2"}
    page = client.get(f"/van-ban/{draft.pk}/noi-nhan/").content.decode()
    assert f'value="{symbols.grassroots_a1.pk}" checked' in page  # the chosen ones come back ticked


def test_issuing_with_a_deadline_before_the_date_shows_the_message_on_the_form(plan, admin_user, client_as):
    response = client_as(admin_user).post(f"/van-ban/{plan.pk}/ban-hanh/", {"issued_on": "2015-08-01"})
    assert response.status_code == 200
    assert "Hạn nộp kế hoạch không thể trước ngày ban hành." in response.content.decode()
    plan.refresh_from_db()
    assert plan.status == Document.Status.DRAFT


def test_issuing_twice_shows_the_number_already_given(issued_plan, admin_user, client_as):
    response = client_as(admin_user).post(
        f"/van-ban/{issued_plan.pk}/ban-hanh/", {"issued_on": "2015-06-16"}, follow=True
    )
    assert "đã được ban hành với số 01/KH-LĐLĐ" in response.content.decode()


def test_bases_are_found_by_number_and_cited(plan, admin_user, types, client_as):
    directive = services.record_external(
        actor=admin_user,
        doc_type=types["CT"],
        number_symbol="35/CT-TTg",
        issued_on=dt.date(2014, 12, 19),
        summary="Đẩy mạnh thi đua",
        issuer_body=services.outside_body("Thủ tướng Chính phủ"),
    )
    client = client_as(admin_user)
    found = client.get(
        f"/van-ban/{plan.pk}/can-cu/",
        {"q": "35/ct"},
        HTTP_HX_REQUEST="true",
        HTTP_HX_TARGET="basis-candidates",
    ).content.decode()
    assert "35/CT-TTg" in found
    client.post(f"/van-ban/{plan.pk}/can-cu/", {"basis": directive.pk})
    assert list(plan.bases.all()) == [directive]


def test_an_outside_basis_is_recorded_and_cited_in_one_step(plan, admin_user, types, client_as):
    response = client_as(admin_user).post(
        f"/van-ban/{plan.pk}/can-cu/ghi-nhan/",
        {
            "doc_type": types["CT"].pk,
            "number_symbol": "34-CT/TW",
            "issued_on": "2014-04-07",
            "issuer_name": "Bộ Chính trị",
            "summary": "Tiếp tục đổi mới công tác thi đua, khen thưởng",
        },
    )
    assert response.status_code == 302
    assert plan.bases.get().issuer_body.name == "Bộ Chính trị"


def test_a_malformed_outside_number_is_shown_and_nothing_is_recorded(plan, admin_user, types, client_as):
    response = client_as(admin_user).post(
        f"/van-ban/{plan.pk}/can-cu/ghi-nhan/",
        {"doc_type": types["CT"].pk, "number_symbol": "CT 34", "issuer_name": "Bộ Chính trị"},
    )
    assert "không phải số/ký hiệu hợp lệ" in response.content.decode()
    assert Document.objects.count() == 1 and not plan.bases.exists()


def test_a_basis_cycle_is_refused_on_the_page(plan, admin_user, symbols, types, client_as):
    other = services.create_draft(
        actor=admin_user, issuer=symbols.province, doc_type=types["QĐ"], summary="QĐ"
    )
    services.set_bases(actor=admin_user, document=other, bases=[plan])
    services.issue_document(actor=admin_user, document=other, issued_on=ISSUED_ON)
    response = client_as(admin_user).post(f"/van-ban/{plan.pk}/can-cu/", {"basis": other.pk}, follow=True)
    assert "vòng lặp" in response.content.decode()
    assert not plan.bases.exists()


def test_attachments_are_checked_by_content_and_served_only_in_scope(
    issued_plan, admin_user, officer_b, symbols, types, client_as, officer_a
):
    client = client_as(admin_user)
    client.post(
        f"/van-ban/{issued_plan.pk}/dinh-kem/",
        {"file": SimpleUploadedFile("ban-ky.pdf", b"%PDF-1.4\n%%EOF\n")},
    )
    response = client.post(
        f"/van-ban/{issued_plan.pk}/dinh-kem/",
        {"file": SimpleUploadedFile("gia.pdf", b"<html>not a pdf</html>")},
        follow=True,
    )
    assert "không phải loại được phép" in response.content.decode()
    attachment = Attachment.objects.get()
    assert client.get(f"/van-ban/dinh-kem/{attachment.pk}/").status_code == 200
    own_draft = _draft_of(symbols.district_a, officer_a, types)
    client_as(officer_a).post(
        f"/van-ban/{own_draft.pk}/dinh-kem/",
        {"file": SimpleUploadedFile("du-thao.pdf", b"%PDF-1.4\n%%EOF\n")},
    )
    private = Attachment.objects.get(document=own_draft)
    assert client_as(officer_b).get(f"/van-ban/dinh-kem/{private.pk}/").status_code == 404


# The cascade --------------------------------------------------------------------------------


def test_a_district_creates_its_implementing_plan_from_the_obligation(
    issued_plan, officer_a, symbols, client_as
):
    obligation = Obligation.objects.get(document=issued_plan, unit=symbols.district_a)
    client = client_as(officer_a)
    page = client.get("/van-ban/?obligations=earlier").content.decode()
    assert "Xây dựng kế hoạch thực hiện" in page  # on the list of what earlier years left open
    response = client.post(f"/van-ban/nghia-vu/{obligation.pk}/xay-dung-ke-hoach/")
    draft = Document.objects.get(parent=issued_plan)
    assert response.status_code == 302 and response["Location"] == f"/van-ban/{draft.pk}/sua/"
    form = client.get(response["Location"]).content.decode()
    assert "Kế hoạch thực hiện Kế hoạch số 01/KH-LĐLĐ" in form
    assert draft.body == issued_plan.body


def _todo(page: str) -> str:
    start = page.index('id="my-obligations"')
    return page[start : page.index("</section>", start)]


def test_the_work_of_my_units_is_this_years_and_earlier_years_are_history(
    issued_plan, officer_a, admin_user, symbols, types, client_as
):
    today = timezone.localdate()
    this_year = services.create_draft(
        actor=admin_user,
        issuer=symbols.province,
        doc_type=types["KH"],
        summary="Triển khai phong trào thi đua của năm",
        requires_plan=True,
        plan_deadline=today + dt.timedelta(days=30),
    )
    services.set_recipients(actor=admin_user, document=this_year, units=[symbols.district_a])
    this_year = services.issue_document(actor=admin_user, document=this_year, issued_on=today)
    client = client_as(officer_a)

    todo = _todo(client.get("/van-ban/").content.decode())
    assert f"Việc đơn vị tôi cần làm năm {today.year}" in todo
    assert f"/van-ban/{this_year.pk}/" in todo
    assert f"/van-ban/{issued_plan.pk}/" not in todo and "15/07/2015" not in todo  # 2015 is not late today
    assert "1 việc còn tồn từ các năm trước" in todo

    earlier = _todo(client.get("/van-ban/?obligations=earlier").content.decode())
    assert f"/van-ban/{issued_plan.pk}/" in earlier and f"/van-ban/{this_year.pk}/" not in earlier
    assert "Quay lại việc của năm nay" in earlier


def test_acknowledging_from_the_detail_page(issued_plan, officer_a, symbols, client_as):
    obligation = Obligation.objects.get(document=issued_plan, unit=symbols.district_a)
    client = client_as(officer_a)
    assert "Xác nhận đã nhận" in client.get(f"/van-ban/{issued_plan.pk}/").content.decode()
    client.post(f"/van-ban/nghia-vu/{obligation.pk}/da-nhan/", {"next": "https://evil.example/"})
    obligation.refresh_from_db()
    assert obligation.acknowledged_by == officer_a


def test_the_board_shows_who_acknowledged_issued_or_is_late(
    issued_plan, officer_a, symbols, admin_user, client_as
):
    obligation = Obligation.objects.get(document=issued_plan, unit=symbols.district_a)
    draft = services.start_implementing_plan(actor=officer_a, obligation=obligation)
    child = services.issue_document(actor=officer_a, document=draft, issued_on=dt.date(2015, 6, 25))
    page = client_as(admin_user).get(f"/van-ban/{issued_plan.pk}/theo-doi/").content.decode()
    assert f"/van-ban/{child.pk}/" in page and "Đã ban hành kế hoạch" in page
    assert "Chậm" in page  # Bảo Lạc: the deadline of 15/7/2015 has passed
    assert "50%" in page


def test_the_board_of_a_district_officer_shows_only_their_subtree(issued_plan, officer_a, client_as, symbols):
    page = client_as(officer_a).get(f"/van-ban/{issued_plan.pk}/theo-doi/").content.decode()
    assert "Hòa An" in page and "Bảo Lạc" not in page


def test_the_board_narrows_to_a_subtree_in_scope_only(issued_plan, officer_a, admin_user, client_as, symbols):
    client = client_as(admin_user)
    page = client.get(
        f"/van-ban/{issued_plan.pk}/theo-doi/", {"unit": symbols.district_b.pk}
    ).content.decode()
    assert "Bảo Lạc" in page and "LĐLĐ Hòa An" not in page.split("<tbody>")[1]
    assert (
        client_as(officer_a)
        .get(f"/van-ban/{issued_plan.pk}/theo-doi/", {"unit": symbols.district_b.pk})
        .status_code
        == 404
    )


# Query counts ---------------------------------------------------------------------------------


def _count_queries(client, url) -> int:
    return page_queries(client, url)


def test_the_document_list_does_not_grow_with_rows(symbols, admin_user, types, client_as, officer_a):
    client = client_as(admin_user)
    for n in range(3):
        _draft_of(symbols.province, admin_user, types, f"Văn bản {n}")
    few = _count_queries(client, "/van-ban/")
    for n in range(20):
        document = _draft_of(symbols.province, admin_user, types, f"Văn bản thêm {n}")
        services.set_recipients(actor=admin_user, document=document, units=[symbols.district_a])
        services.issue_document(actor=admin_user, document=document, issued_on=ISSUED_ON)
    assert _count_queries(client, "/van-ban/") == few
    assert (
        _count_queries(client_as(officer_a), "/van-ban/") <= few + 2
    )  # officer_a also has obligations listed


def test_the_board_does_not_grow_with_rows(admin_user, types, client_as, symbols):
    def plan_with(units, implemented):
        document = _draft_of(symbols.province, admin_user, types, "Kế hoạch")
        services.update_draft(actor=admin_user, document=document, requires_plan=True)
        services.set_recipients(actor=admin_user, document=document, units=units)
        document = services.issue_document(actor=admin_user, document=document, issued_on=ISSUED_ON)
        for unit in implemented:  # these issued their plans, which have recipients of their own
            obligation = Obligation.objects.get(document=document, unit=unit)
            draft = services.start_implementing_plan(actor=admin_user, obligation=obligation)
            services.set_recipients(
                actor=admin_user,
                document=draft,
                units=[make_unit("grassroots", unit, code=f"G{document.pk}-{unit.pk}")],
            )
            services.issue_document(actor=admin_user, document=draft, issued_on=ISSUED_ON)
        return document

    small = plan_with([symbols.district_a, symbols.district_b], implemented=[symbols.district_a])
    many = [make_unit("district", symbols.province, name=f"LĐLĐ huyện {n}", code=f"H{n}") for n in range(25)]
    big = plan_with([symbols.district_a, symbols.district_b, *many], implemented=many[:10])
    client = client_as(admin_user)
    assert _count_queries(client, f"/van-ban/{big.pk}/theo-doi/") == _count_queries(
        client, f"/van-ban/{small.pk}/theo-doi/"
    )


@pytest.mark.parametrize("url", ["/van-ban/", "/van-ban/soan-thao/", "/van-ban/doc-van-ban/"])
def test_pages_render_for_the_province_admin(url, symbols, admin_user, client_as):
    assert client_as(admin_user).get(url).status_code == 200


# The list at scale ---------------------------------------------------------------------------


def test_past_the_cap_the_list_says_more_than_and_pages_through_the_newest(
    symbols, admin_user, types, client_as, monkeypatch
):
    from documents.views import registry

    monkeypatch.setattr(registry, "COUNT_CAP", 3)
    for n in range(5):
        _draft_of(symbols.province, admin_user, types, f"Kế hoạch số {n}")
    response = client_as(admin_user).get("/van-ban/", {"q": "ke hoach"})
    page = response.content.decode()
    assert "Hơn 3 văn bản" in page and "5 văn bản" not in page
    assert len(response.context["documents"]) == 3
    response = client_as(admin_user).get("/van-ban/", {"q": "ke hoach so 4"})
    assert "1 văn bản" in response.content.decode()  # under the cap, the exact count


def test_the_issuer_filter_lists_units_down_to_one_level_below_ones_own(
    symbols, admin_user, types, client_as
):
    """A province's thousands of grassroots unions are not listed: their names are found by the
    search box, which covers the issuer; one chosen by a link stays selectable."""
    for unit in (symbols.province, symbols.district_a, symbols.grassroots_a1):
        _draft_of(unit, admin_user, types, f"Kế hoạch của {unit.name}")
    client = client_as(admin_user)
    choices = dict(client.get("/van-ban/").context["form"].fields["issuer"].choices)
    ours = {
        value for value, _label in next(group for label, group in choices.items() if isinstance(group, list))
    }
    assert ours == {f"unit:{symbols.province.pk}", f"unit:{symbols.district_a.pk}"}
    found = client.get("/van-ban/", {"q": "cdcs truong tieu hoc nuoc hai"}).context["documents"]
    assert [d.issuer_unit for d in found] == [symbols.grassroots_a1]
    chosen = client.get("/van-ban/", {"issuer": f"unit:{symbols.grassroots_a1.pk}"}).context["documents"]
    assert [d.issuer_unit for d in chosen] == [symbols.grassroots_a1]
