"""The pages and the API as a user meets them: scope (other districts' ids answer 404), htmx voting,
downloads, the Excel history import and query counts that do not grow with the data."""

import datetime as dt
import io
import shutil
import subprocess

import pytest
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from accounts.testing import page_queries
from awards import services
from awards.models import AwardImport, AwardRecord, Ballot, CertificateTemplate, Nomination
from awards.tests.conftest import BK_TINH, CSTD_TINH, GIAY_KHEN, LDTT, approve_all, nominate, pdf, record
from organisations.testing import MemberFactory


@pytest.fixture
def scenario(rules, tree, round_2015, officer_a, province_officer, council, person, members):
    """District A nominated two people; the council approved; decision 01/QĐ-LĐLĐ was issued."""
    tree.province.doc_symbol = "LĐLĐ"
    tree.province.save()
    for year in (2013, 2014, 2015):
        record(rules.forms["chien-si-thi-dua-co-so"], year, member=person)
    batch = services.create_batch(actor=officer_a, round_=round_2015, proposing_unit=tree.district_a)
    nominations = [
        nominate(
            officer_a,
            batch,
            rules.forms[CSTD_TINH],
            member=person,
            task_grade="excellent",
            initiative="Đề tài cấp tỉnh",
            initiative_scope="province",
            evidence_links=["https://x.example/a"],
        ),
        nominate(officer_a, batch, rules.forms[BK_TINH], unit=tree.grassroots_a1, task_grade="excellent"),
    ]
    services.attach_minutes(actor=officer_a, batch=batch, upload=pdf())
    services.submit_batch(actor=officer_a, batch=batch)
    session = approve_all(province_officer, council, tree, nominations)
    decision = services.issue_decision(
        actor=province_officer,
        deciding_unit=tree.province,
        nominations=nominations,
        decided_on=dt.date(2015, 12, 20),
        signer_position="CHỦ TỊCH",
        signer_name="Nông Văn Quản",
    )
    return {"batch": batch, "nominations": nominations, "session": session, "decision": decision}


def test_the_pages_open_for_the_province_officer(client_as, province_officer, scenario, person, tree):
    client = client_as(province_officer)
    decision, batch, session = scenario["decision"], scenario["batch"], scenario["session"]
    for url in [
        reverse("awards:index"),
        reverse("awards:round_detail", args=[batch.round_id]),
        reverse("awards:batch_detail", args=[batch.pk]),
        reverse("awards:nomination_list"),
        reverse("awards:nomination_detail", args=[scenario["nominations"][0].pk]),
        reverse("awards:session_detail", args=[session.pk]),
        reverse("awards:decision_list"),
        reverse("awards:decision_detail", args=[decision.pk]),
        reverse("awards:history"),
        reverse("awards:member_history", args=[person.pk]),
        reverse("awards:unit_history", args=[tree.grassroots_a1.pk]),
        reverse("awards:rules"),
        reverse("awards:certificate_templates"),
        reverse("awards:history_import"),
        reverse("awards:round_create"),
        reverse("awards:session_create"),
    ]:
        assert client.get(url).status_code == 200, url
    page = client.get(reverse("awards:decision_detail", args=[decision.pk])).content.decode()
    assert "01/QĐ-LĐLĐ" in page and "3.450.000" in page


def test_another_districts_officer_gets_404_on_pages_and_api(client_as, officer_b, scenario, person):
    client = client_as(officer_b)
    batch, nomination, decision = scenario["batch"], scenario["nominations"][0], scenario["decision"]
    for url in [
        reverse("awards:batch_detail", args=[batch.pk]),
        reverse("awards:nomination_detail", args=[nomination.pk]),
        reverse("awards:nomination_cut", args=[nomination.pk]),
        reverse("awards:decision_detail", args=[decision.pk]),
        reverse("awards:decision_pdf", args=[decision.pk]),
        reverse("awards:session_detail", args=[scenario["session"].pk]),
        reverse("awards:member_history", args=[person.pk]),
    ]:
        assert client.get(url).status_code == 404, url
    assert client.post(reverse("awards:batch_forward", args=[batch.pk])).status_code == 404
    assert (
        client.post(reverse("awards:nomination_cut", args=[nomination.pk]), {"reason": "x"}).status_code
        == 404
    )
    assert (
        client.post(reverse("awards:decision_revoke", args=[decision.pk]), {"reason": "x"}).status_code == 404
    )
    for url in [
        f"/api/v1/awards/batches/{batch.pk}/nominations",
        f"/api/v1/awards/nominations/{nomination.pk}",
        f"/api/v1/awards/decisions/{decision.pk}",
        f"/api/v1/awards/history?member_id={person.pk}",
        f"/api/v1/awards/eligibility?form={LDTT}&member_id={person.pk}&year=2015",
    ]:
        assert client.get(url).status_code == 404, url
    response = client.post(
        f"/api/v1/awards/nominations/{nomination.pk}/cut", {"reason": "x"}, content_type="application/json"
    )
    assert response.status_code == 404
    assert Nomination.objects.get(pk=nomination.pk).status == Nomination.Status.AWARDED
    assert "Nông Thị Hoa" not in client.get(reverse("awards:nomination_list")).content.decode()


def test_eligibility_api_returns_the_checks(client_as, officer_a, rules, person):
    record(rules.forms["chien-si-thi-dua-co-so"], 2013, member=person)
    record(rules.forms["chien-si-thi-dua-co-so"], 2015, member=person)
    response = client_as(officer_a).get(
        f"/api/v1/awards/eligibility?form={CSTD_TINH}&member_id={person.pk}&year=2015"
    )
    assert response.status_code == 200
    data = response.json()
    assert data["overall"] == "failed" and data["rule_set"] == "T-2010"
    failed = [c for c in data["checks"] if c["status"] == "failed"]
    assert any("2014" in c["reason"] for c in failed)


def test_nominating_through_the_api(client_as, officer_a, rules, tree, round_2015, person, members):
    batch = services.create_batch(actor=officer_a, round_=round_2015, proposing_unit=tree.district_a)
    client = client_as(officer_a)
    url = f"/api/v1/awards/batches/{batch.pk}/nominations"
    response = client.post(
        url,
        {
            "form": LDTT,
            "member_id": person.pk,
            "achievement": "Hoàn thành tốt nhiệm vụ",
            "task_grade": "good",
        },
        content_type="application/json",
    )
    assert response.status_code == 201, response.content
    again = client.post(
        url,
        {"form": LDTT, "member_id": person.pk, "achievement": "Lần hai", "task_grade": "good"},
        content_type="application/json",
    )
    assert again.status_code == 400 and "2015" in str(again.json()["detail"])
    outsider = client.post(
        url,
        {"form": LDTT, "member_id": members["b1"][0].pk, "achievement": "x"},
        content_type="application/json",
    )
    assert outsider.status_code == 404


def test_voting_with_htmx_and_after_closing(
    client_as, rules, tree, round_2015, officer_a, province_officer, council, person
):
    batch = services.create_batch(actor=officer_a, round_=round_2015, proposing_unit=tree.district_a)
    nomination = nominate(officer_a, batch, rules.forms[GIAY_KHEN], member=person)
    services.attach_minutes(actor=officer_a, batch=batch, upload=pdf())
    services.submit_batch(actor=officer_a, batch=batch)
    services.forward_batch(actor=province_officer, batch=batch)
    session = services.open_session(
        actor=province_officer,
        deciding_unit=tree.province,
        title="Phiên họp",
        held_on=dt.date(2015, 12, 1),
        members=council,
        nominations=[nomination],
    )
    item = session.items.get()
    client = client_as(council[0])
    response = client.post(reverse("awards:vote", args=[item.pk]), {"choice": "yes"}, HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    assert f'id="item-{item.pk}"' in response.content.decode() and "vote-done" in response.content.decode()
    services.close_session(actor=province_officer, session=session)
    late = client_as(council[1]).post(
        reverse("awards:vote", args=[item.pk]), {"choice": "no"}, HTTP_HX_REQUEST="true"
    )
    assert late.status_code == 200 and 'role="alert"' in late.content.decode()
    assert Ballot.objects.filter(item=item).count() == 1
    page = client_as(council[1]).get(reverse("awards:session_detail", args=[session.pk])).content.decode()
    session.refresh_from_db()
    refusal = services.vote_refusal(session)
    assert refusal is not None and 'id="refusal"' in page  # the member who opens it is told at once
    assert "Phiên họp đã kết thúc" in page and tree.province.display_name in page  # who issues the decision
    assert 'name="choice"' not in page


def test_the_officer_walks_a_batch_through_the_pages(client_as, rules, tree, round_2015, officer_a, person):
    client = client_as(officer_a)
    response = client.post(
        reverse("awards:batch_create", args=[round_2015.pk]), {"proposing_unit": tree.district_a.pk}
    )
    batch_url = response["Location"]
    response = client.post(
        batch_url + "de-nghi/",
        {
            "form": rules.forms[CSTD_TINH].pk,
            "member": person.pk,
            "achievement": "Thành tích",
            "task_grade": "excellent",
        },
    )
    assert response.status_code == 200  # refused: failed prerequisites need a justification
    assert "override_justification" in response.context["form"].errors
    response = client.post(
        batch_url + "de-nghi/",
        {
            "form": rules.forms[LDTT].pk,
            "member": person.pk,
            "achievement": "Hoàn thành tốt nhiệm vụ",
            "task_grade": "good",
        },
    )
    assert response.status_code == 302
    client.post(batch_url + "bien-ban/", {"minutes": pdf()})
    client.post(batch_url + "gui/", {"comment": "Kính gửi"})
    assert Nomination.objects.get().batch.at_unit == tree.province


def test_decision_downloads(client_as, province_officer, scenario, tmp_path):
    client = client_as(province_officer)
    decision = scenario["decision"]
    docx = client.get(reverse("awards:decision_docx", args=[decision.pk]))
    assert docx.status_code == 200 and docx.getvalue()[:2] == b"PK"
    pdf = client.get(reverse("awards:decision_pdf", args=[decision.pk])).getvalue()
    assert pdf.startswith(b"%PDF")
    certificates = client.get(reverse("awards:decision_certificates", args=[decision.pk])).getvalue()
    assert certificates.startswith(b"%PDF")
    minutes = client.get(reverse("awards:session_minutes", args=[scenario["session"].pk]))
    assert minutes.getvalue()[:2] == b"PK"
    if shutil.which("pdfinfo") and shutil.which("pdftotext"):
        path = tmp_path / "c.pdf"
        path.write_bytes(certificates)
        info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True).stdout
        assert "Pages:           2" in info  # one page per awardee
        text = subprocess.run(["pdftotext", "-layout", "-", "-"], input=pdf, capture_output=True).stdout
        text = text.decode()
        assert "01/QĐ-LĐLĐ" in text and "3.450.000" in text and "DANH SÁCH" in text


def test_certificate_template_upload_names_the_unknown_placeholder(client_as, province_officer, scenario):
    response = client_as(province_officer).post(
        reverse("awards:certificate_templates"),
        {"name": "Mẫu mới", "html": "<h1>{{ recipient_name }}</h1><p>{{ tien_thuong }}</p>"},
    )
    assert response.status_code == 200
    assert "tien_thuong" in response.content.decode()
    assert not CertificateTemplate.objects.exists()


def _workbook(rows) -> io.BytesIO:
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["Mã đoàn viên", "Mã đơn vị", "Hình thức", "Năm", "Số quyết định", "Ngày quyết định", "Cấp"])
    for row in rows:
        sheet.append(row)
    content = io.BytesIO()
    workbook.save(content)
    content.seek(0)
    content.name = "lich-su.xlsx"
    return content


def _upload(client, file, capture):
    """Post a workbook to the history import, run the check task it queues on commit."""
    with capture(execute=True):
        return client.post(reverse("awards:history_import"), {"file": file})


def test_history_import_is_all_or_nothing(
    client_as, province_officer, rules, person, tree, django_capture_on_commit_callbacks
):
    client = client_as(province_officer)
    bad = _workbook(
        [
            [person.code, "", "Lao động tiên tiến", 2012, "12/QĐ-CĐCS", "28/12/2012", "Cơ sở"],
            ["KHONG-CO", "", "Lao động tiên tiến", 2012, "12/QĐ-CĐCS", "28/12/2012", ""],
            [person.code, "", "Danh hiệu lạ", "năm ngoái", "", "31/02/2012", ""],
        ]
    )
    response = _upload(client, bad, django_capture_on_commit_callbacks)
    batch = AwardImport.objects.get()
    assert response["Location"] == reverse("awards:history_import_status", args=[batch.pk])
    messages = {(e["row"], e["column"]) for e in batch.errors}
    assert (3, "Mã đoàn viên") in messages and (4, "Hình thức") in messages and (4, "Năm") in messages
    assert (4, "Số quyết định") in messages and (4, "Ngày quyết định") in messages
    page = client.get(response["Location"]).content.decode()
    assert "KHONG-CO" in page and "xac-nhan" not in page
    assert not AwardRecord.objects.exists()
    good = _workbook(
        [
            [person.code, "", "Lao động tiên tiến", 2012, "12/QĐ-CĐCS", "28/12/2012", "Cơ sở"],
            ["", tree.grassroots_a1.code, "Tập thể lao động xuất sắc", 2012, "05/QĐ-LĐLĐ", "30/12/2012", ""],
        ]
    )
    response = _upload(client, good, django_capture_on_commit_callbacks)
    batch = AwardImport.objects.get(status=AwardImport.Status.CHECKED)
    assert batch.row_count == 2 and batch.preview[0] == {
        "year": 2012,
        "holder": person.full_name,
        "form": "Lao động tiên tiến",
        "decision_ref": "12/QĐ-CĐCS",
    }
    page = client.get(response["Location"]).content.decode()
    assert person.full_name in page and reverse("awards:history_import_confirm", args=[batch.pk]) in page
    response = client.post(reverse("awards:history_import_confirm", args=[batch.pk]))  # the task runs inline
    assert response["Location"] == reverse("awards:history_import_status", args=[batch.pk])
    batch.refresh_from_db()
    assert batch.status == AwardImport.Status.DONE and batch.imported_count == 2
    assert AwardRecord.objects.filter(source="imported").count() == 2
    assert AwardRecord.objects.get(member=person).level == "grassroots"
    assert "Đã nhập 2 khen thưởng các năm trước." in client.get(response["Location"]).content.decode()


def test_a_formula_in_the_history_import_is_refused_naming_the_cell(client_as, rules, person, tree):
    from awards.imports import check_award_file

    rows = [[person.code, "", "Lao động tiên tiến", "=2011+1", "12/QĐ-CĐCS", "28/12/2012", ""]]
    result = check_award_file(_workbook(rows), tree.province)
    assert [(e.row, e.column, e.message) for e in result.errors] == [
        (2, "Năm", "Ô D2 chứa công thức (=2011+1): không nhận công thức, hãy gõ trực tiếp giá trị vào ô.")
    ]


def test_the_history_import_checks_the_rows_in_the_worker(
    client_as, province_officer, rules, person, settings, django_capture_on_commit_callbacks
):
    """Issue 13, finding 6: the request stores the upload as "checking"; the task gives the verdict."""
    from unittest import mock

    from django_tasks_db.models import DBTaskResult

    from core.tasks import check_import

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}  # the worker has not run yet
    client = client_as(province_officer)
    good = _workbook([[person.code, "", "Lao động tiên tiến", 2012, "12/QĐ-CĐCS", "28/12/2012", "Cơ sở"]])
    with mock.patch("awards.imports.check_award_file") as check:
        response = _upload(client, good, django_capture_on_commit_callbacks)
    check.assert_not_called()
    batch = AwardImport.objects.get()
    assert batch.status == AwardImport.Status.CHECKING
    page = client.get(response["Location"]).content.decode()
    assert "Đang kiểm tra tệp…" in page and "xac-nhan" not in page
    task = DBTaskResult.objects.get(id=batch.check_task_id)
    assert check_import.call(*task.args_kwargs["args"]) == AwardImport.Status.CHECKED
    page = client.get(response["Location"]).content.decode()
    assert person.full_name in page and reverse("awards:history_import_confirm", args=[batch.pk]) in page


def test_history_search_is_diacritics_insensitive_and_exports(client_as, province_officer, rules, person):
    record(rules.forms[LDTT], 2014, member=person)
    client = client_as(province_officer)
    page = client.get(reverse("awards:history"), {"q": "nong thi hoa"}).content.decode()
    assert "Nông Thị Hoa" in page
    export = client.get(reverse("awards:history"), {"q": "hoa", "export": "xlsx"})
    sheet = load_workbook(io.BytesIO(export.getvalue())).active
    rows = list(sheet.values)
    assert rows[0][0] == "Mã đoàn viên" and rows[1][0] == person.code and rows[1][5] == 2014


def test_a_members_and_a_collectives_history_export_only_their_own_awards(
    client_as, province_officer, rules, person, tree
):
    record(rules.forms[LDTT], 2014, member=person)
    record(rules.forms[GIAY_KHEN], 2016, unit=tree.grassroots_a1)
    client = client_as(province_officer)
    for holder, name, year in [
        (person, "awards:member_history", 2014),
        (tree.grassroots_a1, "awards:unit_history", 2016),
    ]:
        export = client.get(reverse(name, args=[holder.pk]), {"export": "xlsx"})
        assert f"khen-thuong-{holder.code}.xlsx" in export["Content-Disposition"]
        rows = list(load_workbook(io.BytesIO(export.getvalue())).active.values)
        assert len(rows) == 2 and year in rows[1]


def _queries(client, url) -> int:
    return page_queries(client, url)


def test_nomination_list_query_count_does_not_grow(
    client_as, province_officer, rules, tree, round_2015, officer_a
):
    batch = services.create_batch(actor=officer_a, round_=round_2015, proposing_unit=tree.district_a)
    client = client_as(province_officer)
    for member in MemberFactory.create_batch(3, unit=tree.grassroots_a1):
        nominate(officer_a, batch, rules.forms[GIAY_KHEN], member=member)
    few = _queries(client, reverse("awards:nomination_list"))
    few_batch = _queries(client, reverse("awards:batch_detail", args=[batch.pk]))
    for member in MemberFactory.create_batch(9, unit=tree.grassroots_a2):
        nominate(officer_a, batch, rules.forms[GIAY_KHEN], member=member)
    nominate(officer_a, batch, rules.forms[BK_TINH], unit=tree.grassroots_a1, task_grade="excellent")
    assert _queries(client, reverse("awards:nomination_list")) == few
    assert _queries(client, reverse("awards:batch_detail", args=[batch.pk])) == few_batch


def test_history_pages_query_count_does_not_grow(client_as, province_officer, rules, person, tree):
    client = client_as(province_officer)
    record(rules.forms[LDTT], 2010, member=person)
    record(rules.forms[GIAY_KHEN], 2010, unit=tree.grassroots_a1)
    urls = [
        reverse("awards:history"),
        reverse("awards:member_history", args=[person.pk]),
        reverse("awards:unit_history", args=[tree.grassroots_a1.pk]),
    ]
    before = [_queries(client, url) for url in urls]
    for year in range(2011, 2020):
        record(rules.forms[LDTT], year, member=person)
        record(rules.forms[GIAY_KHEN], year, unit=tree.grassroots_a1)
        record(rules.forms[LDTT], year, member=MemberFactory(unit=tree.grassroots_a2))
    assert [_queries(client, url) for url in urls] == before


def test_decisions_and_statistics_over_the_api(client_as, province_officer, scenario):
    client = client_as(province_officer)
    listed = client.get("/api/v1/awards/decisions").json()["items"]
    # 3,0 × 1.150.000 + a collective Bằng khen 2,0 × 1.150.000
    assert listed[0]["number_symbol"] == "01/QĐ-LĐLĐ" and listed[0]["total_amount"] == 3_450_000 + 2_300_000
    detail = client.get(f"/api/v1/awards/decisions/{scenario['decision'].pk}").json()
    assert detail["rule_set"] == "T-2010" and len(detail["records"]) == 2
    stats = client.get("/api/v1/awards/statistics").json()
    assert {row["form_code"] for row in stats["by_form"]} >= {CSTD_TINH, BK_TINH}


def test_hostile_workbooks_are_refused_by_the_history_import(
    client_as, province_officer, rules, django_capture_on_commit_callbacks
):
    """Issue 13, finding 6, for the award-history import."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from core.testing.hostile_xlsx import bomb, far_corner

    header = ["Mã đoàn viên", "Mã đơn vị", "Hình thức", "Năm", "Số quyết định", "Ngày quyết định", "Cấp"]
    client = client_as(province_officer)
    response = client.post(
        reverse("awards:history_import"),
        {"file": SimpleUploadedFile("x.xlsx", bomb([header], part="xl/worksheets/sheet1.xml"))},
    )
    assert "Tệp Excel khi giải nén sẽ chiếm 300 MB" in response.content.decode()  # refused by the request
    assert not AwardImport.objects.exists()
    response = _upload(
        client,
        SimpleUploadedFile(
            "x.xlsx", far_corner([header, ["DV1", "", "Lao động tiên tiến", 2012, "", "", ""]])
        ),
        django_capture_on_commit_callbacks,
    )  # refused by the worker's check
    assert AwardImport.objects.get().status == AwardImport.Status.INVALID
    assert "Trang tính còn tiếp sau dòng 100001" in client.get(response["Location"]).content.decode()


def test_a_history_import_that_dies_while_writing_leaves_nothing_and_can_be_retried(
    client_as, province_officer, rules, person, tree, django_capture_on_commit_callbacks
):
    """Issue 13, finding 10 for the award-history import: its records and its "done" are one
    transaction, in the task worker (finding 6)."""
    from unittest import mock

    from awards.services import history as award_history

    client = client_as(province_officer)
    good = _workbook([[person.code, "", "Lao động tiên tiến", 2012, "12/QĐ-CĐCS", "28/12/2012", "Cơ sở"]])
    _upload(client, good, django_capture_on_commit_callbacks)
    batch = AwardImport.objects.get()
    real_apply = award_history.apply_award_import

    def write_then_die(records):
        real_apply(records)
        raise RuntimeError("the worker process was killed")

    with mock.patch.object(award_history, "apply_award_import", side_effect=write_then_die):
        response = client.post(reverse("awards:history_import_confirm", args=[batch.pk]))
    batch.refresh_from_db()
    assert batch.status == AwardImport.Status.FAILED and not AwardRecord.objects.exists()
    page = client.get(response["Location"]).content.decode()
    assert "Lần nhập dừng do một lỗi ngoài dự kiến" in page
    assert reverse("awards:history_import_retry", args=[batch.pk]) in page
    client.post(reverse("awards:history_import_retry", args=[batch.pk]))
    client.post(reverse("awards:history_import_retry", args=[batch.pk]))  # twice: imported once
    client.post(reverse("awards:history_import_confirm", args=[batch.pk]))
    batch.refresh_from_db()
    assert batch.status == AwardImport.Status.DONE and batch.attempt == 2
    assert AwardRecord.objects.filter(source="imported").count() == 1


@pytest.fixture
def no_worker(settings):
    """The database task backend with no worker running: a confirmed import stays queued."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def _checked_award_import(client, person) -> AwardImport:
    """An uploaded workbook, checked as the worker checks it (the worker is not running)."""
    from awards.imports import check_award_file, history_import_preview
    from core.import_checks import run_check

    good = _workbook([[person.code, "", "Lao động tiên tiến", 2012, "12/QĐ-CĐCS", "28/12/2012", "Cơ sở"]])
    client.post(reverse("awards:history_import"), {"file": good})
    batch = AwardImport.objects.get()
    run_check(AwardImport, batch.pk, check_award_file, history_import_preview)
    batch.refresh_from_db()
    assert batch.status == AwardImport.Status.CHECKED
    return batch


def test_confirming_a_history_import_queues_it_and_writes_nothing_in_the_request(
    client_as, province_officer, rules, person, no_worker
):
    """Issue 13, finding 6: the confirmation's check and writes run in the task worker."""
    from django_tasks_db.models import DBTaskResult

    from awards.tasks import import_awards

    client = client_as(province_officer)
    batch = _checked_award_import(client, person)
    response = client.post(reverse("awards:history_import_confirm", args=[batch.pk]))
    assert response["Location"] == reverse("awards:history_import_status", args=[batch.pk])
    batch.refresh_from_db()
    assert batch.status == AwardImport.Status.QUEUED and batch.attempt == 1
    assert not AwardRecord.objects.exists()
    page = client.get(response["Location"]).content.decode()
    assert "Đang nhập dữ liệu ở chế độ nền" in page and 'hx-trigger="every 2s"' in page
    assert "xac-nhan" not in page
    task = DBTaskResult.objects.get(id=batch.task_id)
    assert import_awards.call(*task.args_kwargs["args"]) == 1  # what the worker does
    batch.refresh_from_db()
    assert batch.status == AwardImport.Status.DONE and AwardRecord.objects.filter(member=person).count() == 1
    page = client.get(response["Location"]).content.decode()
    assert "Đã nhập 1 khen thưởng các năm trước." in page and "every 2s" not in page
    # confirming again queues nothing more
    client.post(reverse("awards:history_import_confirm", args=[batch.pk]))
    assert DBTaskResult.objects.filter(task_path__endswith="import_awards").count() == 1


def test_a_stale_history_import_is_marked_failed_and_can_be_retried(
    client_as, province_officer, rules, person, no_worker, settings
):
    from datetime import timedelta

    from django.utils import timezone
    from django_tasks_db.models import DBTaskResult

    client = client_as(province_officer)
    batch = _checked_award_import(client, person)
    client.post(reverse("awards:history_import_confirm", args=[batch.pk]))
    batch.refresh_from_db()
    status_url = reverse("awards:history_import_status", args=[batch.pk])
    assert "thu-lai" not in client.get(status_url).content.decode()  # still waiting: not stale yet

    DBTaskResult.objects.filter(id=batch.task_id).delete()  # the worker restarted with an emptied queue
    page = client.get(status_url).content.decode()
    batch.refresh_from_db()
    assert batch.status == AwardImport.Status.FAILED
    assert "Tác vụ nền của lần nhập này đã bị mất" in page
    assert reverse("awards:history_import_retry", args=[batch.pk]) in page
    assert not AwardRecord.objects.exists()

    client.post(reverse("awards:history_import_retry", args=[batch.pk]))  # queued again, still no worker
    batch.refresh_from_db()
    assert batch.status == AwardImport.Status.QUEUED and batch.attempt == 2 and batch.errors == []
    AwardImport.objects.filter(pk=batch.pk).update(queued_at=timezone.now() - timedelta(minutes=31))
    page = client.post(
        reverse("awards:history_import_confirm", args=[batch.pk]), follow=True
    ).content.decode()
    assert "Lần nhập này đã dừng và được đánh dấu thất bại; bạn có thể thử lại." in page
    assert "Lần nhập không hoàn tất trong 30 phút" in page

    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}  # a worker
    client.post(reverse("awards:history_import_retry", args=[batch.pk]))
    batch.refresh_from_db()
    assert batch.status == AwardImport.Status.DONE and batch.attempt == 3
    assert AwardRecord.objects.filter(source="imported").count() == 1


def test_a_late_run_of_an_expired_history_import_attempt_writes_nothing(
    client_as, province_officer, rules, person, no_worker
):
    from unittest import mock

    from awards import tasks
    from awards.services import history as award_history

    client = client_as(province_officer)
    batch = _checked_award_import(client, person)
    client.post(reverse("awards:history_import_confirm", args=[batch.pk]))
    AwardImport.objects.filter(pk=batch.pk).update(status=AwardImport.Status.FAILED)  # expired meanwhile
    assert tasks.import_awards.call(batch.pk, 1) == 0
    assert not AwardRecord.objects.exists()
    # expired while the worker was writing: the writes are undone with the import's own transaction
    AwardImport.objects.filter(pk=batch.pk).update(status=AwardImport.Status.QUEUED)
    real_apply = award_history.apply_award_import

    def apply_then_expire(records):
        written = real_apply(records)
        AwardImport.objects.filter(pk=batch.pk).update(attempt=2)  # retried elsewhere
        return written

    with mock.patch.object(award_history, "apply_award_import", side_effect=apply_then_expire):
        assert tasks.import_awards.call(batch.pk, 1) == 0
    assert not AwardRecord.objects.exists()
    assert AwardImport.objects.get().status == AwardImport.Status.QUEUED


def test_a_viewer_is_not_offered_the_import_of_past_awards_an_officer_is(client_as, viewer, officer_a):
    """Seen in Chromium (issue 17): the viewer's awards page offered "Nhập khen thưởng các năm trước",
    which answered "not allowed" once clicked."""
    link = reverse("awards:history_import")
    assert link not in client_as(viewer).get(reverse("awards:index")).content.decode()
    assert link in client_as(officer_a).get(reverse("awards:index")).content.decode()
    assert client_as(viewer).get(link).status_code == 403


def test_the_overview_lists_running_rounds_and_folds_past_years_away(
    client_as, province_officer, round_2015, tree, rules
):
    """An officer opening Khen thưởng in 2026 met the 2015 round first under "Đợt xét khen thưởng":
    running rounds (this year or last, open) are listed; older ones are under "Các đợt …trước"."""
    this_year = dt.date.today().year
    running = services.open_round(
        actor=province_officer,
        deciding_unit=tree.province,
        title=f"Khen thưởng năm {this_year}",
        year=this_year,
        deadline=dt.date(this_year + 1, 3, 1),
        campaign_label="Phong trào thi đua",
        rule_set=rules.old,
    )
    page = client_as(province_officer).get(reverse("awards:index")).content.decode()
    current, _, past = page.partition('class="past-rounds"')
    assert running.title in current and round_2015.title not in current
    assert round_2015.title in past and running.title not in past
