"""Reading an existing document: upload or paste, review the prefilled form, save. A file or
text the reader cannot read gives a clear Vietnamese message and nothing is kept."""

import datetime as dt
import io
import re
import time
from pathlib import Path

import docx
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from documents import reading as reading_service
from documents import scans, services
from documents.models import Document, ExternalBody, Obligation, Reading

FIXTURES = Path(__file__).parent / "fixtures"
SEED_TEXT = (Path(__file__).parents[1] / "demo_data" / "seed_plan.txt").read_text(encoding="utf-8")
HOA_AN_TEXT = (FIXTURES / "hoa_an_plan.txt").read_text(encoding="utf-8")
READ_URL = "/van-ban/doc-van-ban/"


def _docx(text: str) -> bytes:
    document = docx.Document()
    for line in text.splitlines():
        document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def review_data(reading, user, **overrides) -> dict:
    """What the review form posts when the officer accepts every value read."""
    proposal = reading_service.proposal(reading, user)
    initial = dict(proposal["initial"])
    data = {
        key: value
        for key, value in initial.items()
        if key not in ("recipient_units", "requires_plan", "issued_on", "doc_type") and value is not None
    }
    data["doc_type"] = initial["doc_type"] or ""
    data["issued_on"] = initial["issued_on"].isoformat() if initial["issued_on"] else ""
    data["recipient_units"] = [str(pk) for pk in initial["recipient_units"]]
    if initial["requires_plan"]:
        data["requires_plan"] = "on"
    bases = proposal["bases"]
    data.update(
        {
            "bases-TOTAL_FORMS": len(bases),
            "bases-INITIAL_FORMS": len(bases),
            "bases-MIN_NUM_FORMS": 0,
            "bases-MAX_NUM_FORMS": 1000,
        }
    )
    for i, basis in enumerate(bases):
        data.update(
            {
                f"bases-{i}-include": "on",
                f"bases-{i}-doc_type": basis["doc_type"],
                f"bases-{i}-number_symbol": basis["number_symbol"],
                f"bases-{i}-issued_on": basis["issued_on"].isoformat() if basis["issued_on"] else "",
                f"bases-{i}-issuer_name": basis["issuer_name"],
                f"bases-{i}-match": basis["match"] or "",
            }
        )
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


# Reading --------------------------------------------------------------------------------


def test_the_seed_plan_pasted_by_the_province_is_read_and_prefilled(cao_bang, client_as, types):
    client = client_as(cao_bang.admin)
    response = client.post(READ_URL, {"text": SEED_TEXT})
    reading = Reading.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/van-ban/doc-van-ban/{reading.pk}/"

    proposal = reading_service.proposal(reading, cao_bang.admin)
    initial = proposal["initial"]
    assert initial["doc_type"] == types["KH"].pk
    assert initial["summary"].startswith(
        "Thực hiện Chỉ thị số 08/CT-UBND ngày 25/5/2015 của UBND tỉnh Cao Bằng"
    )
    assert initial["theme"].startswith("Đảng bộ, chính quyền và nhân dân tỉnh Cao Bằng ra sức thi đua")
    assert (
        initial["issuer"] == f"unit:{cao_bang.province.pk}"
    )  # “Ban Thường vụ Liên đoàn Lao động tỉnh Cao Bằng”
    assert [b["number_symbol"] for b in proposal["bases"]] == [
        "08/CT-UBND",
        "01/KH-LĐLĐ",
        "34-CT/TW",
        "35/CT-TTg",
        "05/KH-TLĐ",
    ]
    body = initial["body"].splitlines()
    assert body[0].startswith("Tiếp tục thực hiện Kế hoạch số 01/KH-LĐLĐ")  # the preamble comes first
    assert [line[:2] for line in body if line[:1].isdigit()] == ["1.", "2.", "3.", "4.", "5."]
    assert initial["recipients_text"].splitlines()[4:7] == [
        "LĐLĐ các huyện, thành phố",
        "CĐ ngành, CĐVC tỉnh",
        "CĐCS trực thuộc",
    ]
    expected = {
        *cao_bang.districts,
        *cao_bang.sectors,
        cao_bang.civil_servants,
        *cao_bang.direct,
        *cao_bang.central,
    }
    assert set(initial["recipient_units"]) == {u.pk for u in expected}
    assert initial["requires_plan"] is True

    page = client.get(f"/van-ban/doc-van-ban/{reading.pk}/").content.decode()
    assert "Đã nhận ra cơ quan ban hành là đơn vị Liên đoàn Lao động tỉnh Cao Bằng" in page


def test_a_decision_s_submissions_are_listed_apart_and_not_recorded_as_bases(cao_bang, client_as, types):
    client = client_as(cao_bang.admin)
    client.post(READ_URL, {"text": (FIXTURES / "province_decision.txt").read_text(encoding="utf-8")})
    reading = Reading.objects.get()
    proposal = reading_service.proposal(reading, cao_bang.admin)
    assert [b["number_symbol"] for b in proposal["bases"]] == [
        "06/2022/QH15",
        "98/2023/NĐ-CP",
        "12/2023/QĐ-UBND",
    ]
    assert [p["number_symbol"] for p in proposal["proposals"]] == ["456/TTr-SNV"]

    page = client.get(f"/van-ban/doc-van-ban/{reading.pk}/").content.decode()
    assert "Văn bản đề nghị (tờ trình…)" in page and "456/TTr-SNV" in page

    client.post(f"/van-ban/doc-van-ban/{reading.pk}/", review_data(reading, cao_bang.admin))
    decision = Document.objects.get(number_symbol="1234/QĐ-UBND")
    assert sorted(decision.bases.values_list("number_symbol", flat=True)) == [
        "06/2022/QH15",
        "12/2023/QĐ-UBND",
        "98/2023/NĐ-CP",
    ]
    assert not Document.objects.filter(number_symbol="456/TTr-SNV").exists()


def test_a_basis_cited_inside_another_says_where_on_review(cao_bang, client_as, types):
    client = client_as(cao_bang.admin)
    client.post(READ_URL, {"text": SEED_TEXT})
    page = client.get(f"/van-ban/doc-van-ban/{Reading.objects.get().pk}/").content.decode()
    assert "được trích trong 01/KH-LĐLĐ" in page


def test_saving_the_reviewed_seed_plan_issues_it_with_its_bases_and_its_cascade(cao_bang, client_as, types):
    client = client_as(cao_bang.admin)
    ttg = services.outside_body("Thủ tướng Chính phủ")
    directive = services.record_external(
        actor=cao_bang.admin,
        doc_type=types["CT"],
        number_symbol="35/CT-TTg",
        issued_on=dt.date(2014, 12, 19),
        summary="Đẩy mạnh thi đua",
        issuer_body=ttg,
    )
    client.post(READ_URL, {"text": SEED_TEXT})
    reading = Reading.objects.get()
    data = review_data(
        reading,
        cao_bang.admin,
        number_symbol="75/KH-LĐLĐ",
        issued_on="2015-06-15",
        plan_deadline="2015-07-15",
        signer_authority="TM. BAN THƯỜNG VỤ",
    )

    response = client.post(f"/van-ban/doc-van-ban/{reading.pk}/", data)

    plan = Document.objects.get(number_symbol="75/KH-LĐLĐ")
    assert response.status_code == 302 and response["Location"] == f"/van-ban/{plan.pk}/"
    assert (plan.status, plan.issuer_unit, plan.issued_on) == (
        Document.Status.ISSUED,
        cao_bang.province,
        dt.date(2015, 6, 15),
    )
    bases = {b.number_symbol: b for b in plan.bases.select_related("issuer_unit", "issuer_body")}
    assert bases["35/CT-TTg"] == directive  # matched, not recorded twice
    assert bases["01/KH-LĐLĐ"].issuer_unit == cao_bang.province and bases["01/KH-LĐLĐ"].status == "recorded"
    assert bases["34-CT/TW"].issuer_body.name == "Bộ Chính trị"
    assert bases["08/CT-UBND"].issuer_body.name == "UBND tỉnh Cao Bằng"
    assert bases["05/KH-TLĐ"].issuer_unit == cao_bang.national  # a unit above ours, recorded
    assert Obligation.objects.filter(document=plan, requires_plan=True).count() == 8
    assert (
        plan.source_file.read().decode("utf-8") == SEED_TEXT.strip()
    )  # the upload is kept with the document
    assert not Reading.objects.exists()
    assert len(plan.recipients_text.splitlines()) == 9


def test_a_district_officer_enters_its_own_plan_from_a_word_file(symbols, officer_a, client_as):
    client = client_as(officer_a)
    upload = SimpleUploadedFile("ke-hoach-15.docx", _docx(HOA_AN_TEXT))
    client.post(READ_URL, {"file": upload})
    reading = Reading.objects.get()
    proposal = reading_service.proposal(reading, officer_a)
    assert proposal["initial"]["issuer"] == f"unit:{symbols.district_a.pk}"
    assert set(proposal["initial"]["recipient_units"]) == {symbols.grassroots_a1.pk, symbols.grassroots_a2.pk}
    page = client.get(f"/van-ban/doc-van-ban/{reading.pk}/").content.decode()
    assert re.search(r'<input[^>]*name="place"[^>]*value="Hòa An"', page)
    assert (
        proposal["initial"]["requires_plan"] is False
    )  # it builds its own plan, asks none of its recipients

    client.post(f"/van-ban/doc-van-ban/{reading.pk}/", review_data(reading, officer_a))

    plan = Document.objects.get(issuer_unit=symbols.district_a)
    assert (plan.number_symbol, plan.issued_on, plan.status) == ("15/KH-LĐLĐ", dt.date(2015, 6, 10), "issued")
    assert plan.place == "Hòa An"  # printed before its date; the form was filled with it
    assert set(Obligation.objects.filter(document=plan).values_list("unit__code", flat=True)) == {
        "CS-A1",
        "CS-A2",
    }
    assert plan.source_file.name.endswith(".docx")
    basis = plan.bases.get(number_symbol="12/KH-LĐLĐ")
    assert basis.issuer_unit == symbols.province and basis.status == Document.Status.RECORDED


def test_a_plan_without_a_number_is_saved_as_a_draft(symbols, officer_a, client_as):
    client = client_as(officer_a)
    client.post(READ_URL, {"text": HOA_AN_TEXT})
    reading = Reading.objects.get()
    client.post(f"/van-ban/doc-van-ban/{reading.pk}/", review_data(reading, officer_a, number_symbol=""))
    plan = Document.objects.get(issuer_unit=symbols.district_a)
    assert plan.status == Document.Status.DRAFT and plan.number is None


def test_a_document_of_an_outside_body_is_recorded_with_a_new_body(tree, admin_user, client_as):
    client = client_as(admin_user)
    client.post(READ_URL, {"text": (FIXTURES / "tld_guidance.txt").read_text(encoding="utf-8")})
    reading = Reading.objects.get()
    assert reading_service.proposal(reading, admin_user)["initial"]["issuer"] == "new"
    client.post(f"/van-ban/doc-van-ban/{reading.pk}/", review_data(reading, admin_user))
    guidance = Document.objects.get(number_symbol="12/HD-TLĐ")
    assert guidance.status == Document.Status.RECORDED and guidance.doc_type.code == "HD"
    assert guidance.issuer_body.name == "TỔNG LIÊN ĐOÀN LAO ĐỘNG VIỆT NAM"
    assert not Obligation.objects.filter(document=guidance).exists()


# Bad input --------------------------------------------------------------------------------


def _refused(client, payload) -> str:
    response = client.post(READ_URL, payload)
    assert response.status_code == 200
    assert not Reading.objects.exists() and not Document.objects.exists()
    return response.content.decode()


def test_a_corrupt_docx_is_refused_with_a_clear_message_and_nothing_is_kept(tree, admin_user, client_as):
    corrupt = SimpleUploadedFile("ke-hoach.docx", b"PK\x03\x04" + b"\x00garbage" * 200)
    assert "bị hỏng" in _refused(client_as(admin_user), {"file": corrupt})


def test_a_docx_whose_xml_is_broken_is_refused(tree, admin_user, client_as):
    data = bytearray(_docx("KẾ HOẠCH\n1. Một"))
    broken = bytes(data[: len(data) // 2])  # cut in the middle: the zip's directory is gone
    assert "hỏng" in _refused(client_as(admin_user), {"file": SimpleUploadedFile("cut.docx", broken)})


def test_a_password_protected_docx_is_refused_with_a_clear_message(tree, admin_user, client_as):
    protected = SimpleUploadedFile("mat-khau.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 4096)
    assert "mật khẩu" in _refused(client_as(admin_user), {"file": protected})


def test_a_pasted_text_with_no_structure_is_refused(tree, admin_user, client_as):
    page = _refused(client_as(admin_user), {"text": "Hôm nay trời đẹp, chúng tôi đi chơi công viên cả ngày."})
    assert "Không nhận ra cấu trúc văn bản" in page


def test_an_empty_form_asks_for_a_file_or_text(tree, admin_user, client_as):
    assert "dán nội dung văn bản" in _refused(client_as(admin_user), {"text": "  "})


def test_a_file_and_pasted_text_together_are_refused_naming_both_boxes(tree, admin_user, client_as):
    """Either would be read on its own (the seed plan); together, neither is: the officer chooses."""
    client = client_as(admin_user)
    upload = SimpleUploadedFile("ke-hoach.docx", _docx(SEED_TEXT))
    page = _refused(client, {"file": upload, "text": HOA_AN_TEXT})
    message = re.search(r'id="id_text_error"><p class="error">([^<]*)<', page)  # beside the text box
    assert message, page
    assert "Tệp Word (.docx), PDF hoặc văn bản (.txt)" in message.group(1)
    assert "…hoặc dán nội dung văn bản" in message.group(1)
    assert "chọn một trong hai" in message.group(1)
    assert HOA_AN_TEXT.splitlines()[0] in page  # the pasted text stays in its box


def test_the_reading_page_says_before_sending_that_one_of_the_two_is_read(tree, admin_user, client_as):
    page = client_as(admin_user).get(READ_URL).content.decode()
    assert "Chỉ dùng khi không chọn tệp ở trên" in page


def test_a_bad_number_on_review_saves_nothing(symbols, officer_a, client_as):
    client = client_as(officer_a)
    client.post(READ_URL, {"text": HOA_AN_TEXT})
    reading = Reading.objects.get()
    bodies = ExternalBody.objects.count()

    response = client.post(
        f"/van-ban/doc-van-ban/{reading.pk}/", review_data(reading, officer_a, number_symbol="15-KH/LĐLĐ/x")
    )

    assert response.status_code == 200
    assert "không phải số/ký hiệu hợp lệ" in response.content.decode()
    assert not Document.objects.exists() and ExternalBody.objects.count() == bodies
    assert Reading.objects.filter(pk=reading.pk).exists()  # the officer can correct and save again


def test_a_reading_cites_itself_is_refused(symbols, officer_a, client_as):
    client = client_as(officer_a)
    client.post(READ_URL, {"text": HOA_AN_TEXT})
    reading = Reading.objects.get()
    data = review_data(
        reading,
        officer_a,
        **{
            "bases-0-number_symbol": "15/KH-LĐLĐ",
            "bases-0-match": "",
            "bases-0-issuer_name": "Liên đoàn Lao động huyện Hòa An",
        },
    )
    response = client.post(f"/van-ban/doc-van-ban/{reading.pk}/", data)
    assert "không thể tự lấy chính nó làm căn cứ" in response.content.decode()
    assert not Document.objects.exists()


def test_another_users_reading_answers_404(symbols, officer_a, officer_b, client_as):
    client_as(officer_a).post(READ_URL, {"text": HOA_AN_TEXT})
    reading = Reading.objects.get()
    client = client_as(officer_b)
    assert client.get(f"/van-ban/doc-van-ban/{reading.pk}/").status_code == 404
    assert client.post(f"/van-ban/doc-van-ban/{reading.pk}/huy/").status_code == 404


def test_a_viewer_cannot_enter_documents(tree, viewer, client_as):
    assert client_as(viewer).get(READ_URL).status_code == 403


@pytest.mark.parametrize(
    "name, expected",
    [
        ("Ban Thường vụ Liên đoàn Lao động tỉnh Cao Bằng", "lien doan lao dong tinh cao bang"),
        ("LĐLĐ tỉnh Cao Bằng", "lien doan lao dong tinh cao bang"),
        ("Liên đoàn Lao động (LĐLĐ) tỉnh Cao Bằng", "lien doan lao dong tinh cao bang"),
        ("UBND tỉnh Cao Bằng", "uy ban nhan dan tinh cao bang"),
    ],
)
def test_names_compare_without_organ_accents_or_abbreviations(name, expected):
    assert reading_service.name_key(name) == expected


def test_readings_nobody_saved_are_forgotten_after_a_day(symbols, officer_a, officer_b, client_as):
    import datetime as _dt

    from django.utils import timezone

    client_as(officer_a).post(READ_URL, {"file": SimpleUploadedFile("cu.docx", _docx(HOA_AN_TEXT))})
    stale = Reading.objects.get()
    Reading.objects.filter(pk=stale.pk).update(created_at=timezone.now() - _dt.timedelta(days=2))
    client_as(officer_b).post(READ_URL, {"text": HOA_AN_TEXT})
    assert not Reading.objects.filter(pk=stale.pk).exists()
    assert not stale.file.storage.exists(stale.file.name)


# PDF and scans -----------------------------------------------------------------------------


def _pdf(pages: int = 1, password: str = "") -> bytes:
    from pypdf import PdfWriter

    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(width=595, height=842)
    if password:
        writer.encrypt(password)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def test_an_empty_file_is_refused_with_a_clear_message(tree, admin_user, client_as):
    assert "Tập tin được gửi là rỗng" in _refused(
        client_as(admin_user), {"file": SimpleUploadedFile("trong.pdf", b"")}
    )


def test_a_password_protected_pdf_is_refused_with_a_clear_message(tree, admin_user, client_as):
    page = _refused(
        client_as(admin_user), {"file": SimpleUploadedFile("mat-khau.pdf", _pdf(password="bi-mat"))}
    )
    assert "Tệp PDF được đặt mật khẩu" in page


def test_a_300_page_pdf_is_refused_at_once(tree, admin_user, client_as):
    client = client_as(admin_user)
    started = time.monotonic()
    page = _refused(client, {"file": SimpleUploadedFile("tuyen-tap.pdf", _pdf(pages=300))})
    assert time.monotonic() - started < 10
    assert "Tệp PDF có 300 trang" in page and "30 trang" in page


def test_a_pdf_is_read_and_shown_beside_what_was_found(symbols, officer_a, client_as, tmp_path):
    from documents.tests.corpus_files import build_pdf

    client = client_as(officer_a)
    pdf = build_pdf(HOA_AN_TEXT, tmp_path / "ke-hoach.pdf")
    client.post(READ_URL, {"file": SimpleUploadedFile("ke-hoach.pdf", pdf.read_bytes())})
    reading = Reading.objects.get()
    assert reading.extraction["number_symbol"] == "15/KH-LĐLĐ"
    page = client.get(f"/van-ban/doc-van-ban/{reading.pk}/").content.decode()
    assert f"/van-ban/doc-van-ban/{reading.pk}/trang-1.png" in page  # the page beside the form
    assert 'name="summary"' in page and "15/KH-LĐLĐ" in page  # the correction form stays
    image = client.get(f"/van-ban/doc-van-ban/{reading.pk}/trang-1.png")
    assert image.status_code == 200 and image["Content-Type"] == "image/png"
    assert image.content[:8] == b"\x89PNG\r\n\x1a\n"
    assert client.get(f"/van-ban/doc-van-ban/{reading.pk}/trang-9.png").status_code == 404
    original = client.get(f"/van-ban/doc-van-ban/{reading.pk}/ban-goc/")
    assert b"".join(original.streaming_content) == pdf.read_bytes()


def test_a_scan_is_read_by_the_task_worker_and_its_page_waits(
    symbols, officer_a, client_as, tmp_path, django_capture_on_commit_callbacks
):
    from documents.tests.corpus_files import build_pdf, build_scan

    client = client_as(officer_a)
    scan = build_scan(build_pdf(HOA_AN_TEXT, tmp_path / "ke-hoach.pdf"), tmp_path / "scan.pdf")
    with django_capture_on_commit_callbacks() as callbacks:
        response = client.post(READ_URL, {"file": SimpleUploadedFile("scan.pdf", scan.read_bytes())})
    reading = Reading.objects.get()
    assert response.status_code == 302 and reading.status == Reading.Status.READING
    page = client.get(f"/van-ban/doc-van-ban/{reading.pk}/").content.decode()
    assert "là bản scan" in page and 'http-equiv="refresh"' in page

    for callback in callbacks:  # the worker's turn (the immediate backend of the tests)
        callback()
    reading.refresh_from_db()
    assert reading.status == Reading.Status.READY
    assert reading.extraction["number_symbol"] == "15/KH-LĐLĐ"
    assert "Kế hoạch" in client.get(f"/van-ban/doc-van-ban/{reading.pk}/").content.decode()


def test_a_scan_that_fails_in_the_worker_is_told_and_nothing_is_kept(
    symbols, officer_a, client_as, monkeypatch
):
    from documents.reader import ReaderError

    reading = Reading.objects.create(
        original_name="scan.pdf", created_by=officer_a, status=Reading.Status.READING
    )
    reading.file.save("scan.pdf", io.BytesIO(_pdf()), save=True)

    def too_long(data):
        raise ReaderError("Nhận dạng chữ bản scan mất quá nhiều thời gian.")

    monkeypatch.setattr(scans, "pdf_text", too_long)
    stored = reading.file.name
    scans.read_scan(reading)
    assert not reading.file and not reading.file.storage.exists(stored)  # the upload is gone
    page = client_as(officer_a).get(f"/van-ban/doc-van-ban/{reading.pk}/").content.decode()
    assert (
        "Không đọc được văn bản" in page
        and "mất quá nhiều thời gian" in page
        and "Chưa có gì được lưu" in page
    )
    assert not Reading.objects.exists() and not Document.objects.exists()


def test_a_scan_without_tesseract_is_refused_at_upload(tree, admin_user, client_as, monkeypatch, tmp_path):
    from documents.reader import pdf_text as pdf_module
    from documents.tests.corpus_files import build_pdf, build_scan

    scan = build_scan(build_pdf(HOA_AN_TEXT, tmp_path / "ke-hoach.pdf"), tmp_path / "scan.pdf")
    monkeypatch.setattr(pdf_module.shutil, "which", lambda name: None)
    page = _refused(client_as(admin_user), {"file": SimpleUploadedFile("scan.pdf", scan.read_bytes())})
    assert "chưa cài phần mềm nhận dạng chữ Tesseract" in page


def test_a_type_the_registry_does_not_list_is_said_on_review_not_guessed(cao_bang, client_as, types):
    # The reader knows a ministry's Thông tư; the registry's list may not hold it (administrators
    # keep the list): the officer is told which type was read and what to do.
    circular = (
        "BỘ GIÁO DỤC VÀ ĐÀO TẠO | CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM |\n"
        "Số: 07/2012/TT-BGDĐT | Hà Nội, ngày 17 tháng 02 năm 2012 |\n"
        "THÔNG TƯ\n"
        "Hướng dẫn tiêu chuẩn, quy trình xét tặng danh hiệu Nhà giáo Nhân dân\n"
        "Điều 1. Phạm vi điều chỉnh\n"
        "Điều 2. Đối tượng áp dụng\n"
    )
    client = client_as(cao_bang.admin)
    client.post(READ_URL, {"text": circular})
    page = client.get(f"/van-ban/doc-van-ban/{Reading.objects.get().pk}/").content.decode()
    assert "đọc được là “Thông tư”" in page
    client.post(READ_URL, {"text": SEED_TEXT})
    seed_page = client.get(f"/van-ban/doc-van-ban/{Reading.objects.latest('pk').pk}/").content.decode()
    assert "không có trong danh mục loại văn bản" not in seed_page
