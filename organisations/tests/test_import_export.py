import datetime as dt
import io
import unicodedata

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook, load_workbook

from organisations.imports import check_member_file
from organisations.models import Member, MemberImport

HEADER = [
    "Mã đoàn viên",
    "Họ và tên",
    "Giới tính",
    "Ngày sinh",
    "Dân tộc",
    "Chức vụ",
    "Đối tượng",
    "Mã đơn vị",
    "Ngày vào Công đoàn",
]


def workbook(rows, header=HEADER) -> SimpleUploadedFile:
    book = Workbook()
    sheet = book.active
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return SimpleUploadedFile("doan-vien.xlsx", buffer.getvalue())


GOOD = ["DV1", "Nông Thị Hoa", "Nữ", "12/03/1990", "Tày", "Giáo viên", "Viên chức", "CS-A1", "01/09/2012"]


def test_a_clean_file_is_read_fully(tree):
    result = check_member_file(
        workbook(
            [
                GOOD,
                ["DV2", "Lục Văn Sơn", "Nam", dt.date(1985, 1, 2), "Nùng", "", "Người lao động", "CS-A2", ""],
            ]
        ),
        tree.district_a,
    )
    assert result.errors == []
    assert [m.full_name for m in result.members] == ["Nông Thị Hoa", "Lục Văn Sơn"]
    assert result.members[0].category == Member.Category.PUBLIC_EMPLOYEE


def test_every_bad_row_is_reported_with_row_column_and_a_vietnamese_message(tree):
    rows = [
        GOOD,
        ["DV1", "Trùng mã", "Nam", "", "", "", "", "CS-A1", ""],  # duplicate code in the file
        ["DV3", "", "X", "31/02/1990", "", "", "Sinh viên", "CS-B1", ""],  # many problems
        ["DV4", "Sinh tương lai", "Nam", "01/01/2090", "", "", "", "CS-A1", ""],
    ]
    result = check_member_file(workbook(rows), tree.district_a)
    problems = {(e.row, e.column) for e in result.errors}
    assert (3, "Mã đoàn viên") in problems
    assert {
        (4, "Họ và tên"),
        (4, "Giới tính"),
        (4, "Ngày sinh"),
        (4, "Đối tượng"),
        (4, "Mã đơn vị"),
    } <= problems
    assert (5, "Ngày sinh") in problems
    messages = " ".join(e.message for e in result.errors)
    assert "lặp lại" in messages and "tương lai" in messages  # Vietnamese, not English


def test_a_formula_is_refused_naming_row_and_column_not_taken_for_an_empty_cell(tree):
    """A formula's value depends on the program that last computed it (a file written by a script
    holds none): it was reported as "Không được để trống"."""
    rows = [GOOD, ["DV2", "=1+1", '=HYPERLINK("http://x","Nam")', *GOOD[3:]]]
    result = check_member_file(workbook(rows), tree.district_a)
    assert [(e.row, e.column, e.message) for e in result.errors] == [
        (3, "Họ và tên", "Ô B3 chứa công thức (=1+1): không nhận công thức, hãy gõ trực tiếp giá trị vào ô."),
        (
            3,
            "Giới tính",
            'Ô C3 chứa công thức (=HYPERLINK("http://x","Nam")): không nhận công thức, hãy gõ trực tiếp '
            "giá trị vào ô.",
        ),
    ]


def test_a_unit_outside_the_importers_subtree_is_refused(tree):
    result = check_member_file(workbook([[*GOOD[:7], "CS-B1", ""]]), tree.district_a)
    assert result.errors and result.errors[0].column == "Mã đơn vị"


def test_an_ended_unit_takes_no_new_members_and_the_row_says_so(tree):
    tree.grassroots_a2.valid_to = dt.date(2025, 7, 1)
    tree.grassroots_a2.save()
    result = check_member_file(workbook([GOOD, ["DV2", *GOOD[1:7], "CS-A2", ""]]), tree.district_a)
    (error,) = result.errors
    assert (error.row, error.column) == (3, "Mã đơn vị")
    assert "đã kết thúc ngày 01/07/2025" in error.message and tree.grassroots_a2.name in error.message


def test_a_code_already_in_the_database_is_refused(tree, members):
    existing = members["a1"][0].code
    result = check_member_file(workbook([[existing, *GOOD[1:]]]), tree.district_a)
    assert [e.row for e in result.errors] == [2]


def test_wrong_type_empty_and_oversized_files_get_clear_messages(tree, settings):
    with pytest.raises(ValidationError, match="không phải|not an allowed"):
        check_member_file(SimpleUploadedFile("x.xlsx", b"%PDF-1.4 not a workbook"), tree.district_a)
    with pytest.raises(ValidationError, match="rỗng|empty"):
        check_member_file(SimpleUploadedFile("x.xlsx", b""), tree.district_a)
    settings.MAX_UPLOAD_MB = 1
    with pytest.raises(ValidationError, match="MB"):
        check_member_file(
            SimpleUploadedFile("x.xlsx", b"PK\x03\x04" + b"0" * (2 * 1024 * 1024)), tree.district_a
        )
    with pytest.raises(ValidationError):
        check_member_file(workbook([]), tree.district_a)


def test_nfd_names_are_stored_as_nfc(tree):
    nfd = unicodedata.normalize("NFD", "Hoàng Thị Thuỷ")
    result = check_member_file(workbook([["DV9", nfd, "Nữ", "", "", "", "", "CS-A1", ""]]), tree.district_a)
    assert result.members[0].full_name == unicodedata.normalize("NFC", "Hoàng Thị Thuỷ")


def _upload(client, tree, file, capture):
    """Post a workbook to the import page, run the check task it queues on commit, and give the response."""
    with capture(execute=True):
        return client.post(f"/to-chuc/don-vi/{tree.district_a.pk}/nhap-doan-vien/", {"file": file})


def test_import_through_the_pages_is_all_or_nothing(
    tree, officer_a, client_as, django_capture_on_commit_callbacks
):
    client = client_as(officer_a)
    bad = workbook([GOOD, ["DV2", "Thiếu đơn vị", "Nam", "", "", "", "", "", ""]])
    response = _upload(client, tree, bad, django_capture_on_commit_callbacks)
    batch = MemberImport.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/to-chuc/nhap-doan-vien/{batch.pk}/"
    page = client.get(response["Location"]).content.decode()
    assert "Mã đơn vị" in page and "xac-nhan" not in page
    assert Member.objects.count() == 0

    response = _upload(client, tree, workbook([GOOD]), django_capture_on_commit_callbacks)
    batch = MemberImport.objects.get(status=MemberImport.Status.CHECKED)
    page = client.get(response["Location"]).content.decode()
    assert "Nông Thị Hoa" in page and "Nữ" in page and f"/to-chuc/nhap-doan-vien/{batch.pk}/xac-nhan/" in page
    assert Member.objects.count() == 0  # nothing written before confirmation
    response = client.post(f"/to-chuc/nhap-doan-vien/{batch.pk}/xac-nhan/")
    assert response.status_code == 302
    batch.refresh_from_db()
    assert batch.status == MemberImport.Status.DONE
    assert Member.objects.get().history.count() == 1  # the import is in the history


def test_the_request_does_not_read_the_rows_the_worker_does(
    tree, officer_a, client_as, settings, django_capture_on_commit_callbacks
):
    """Issue 13, finding 6: the row-by-row check runs in the task worker, not in the request."""
    from unittest import mock

    from django_tasks_db.models import DBTaskResult

    from core.tasks import check_import

    settings.TASKS = {
        "default": {"BACKEND": "django_tasks_db.DatabaseBackend"}
    }  # a worker that has not run yet
    client = client_as(officer_a)
    with mock.patch("organisations.imports.check_member_file") as check:
        response = _upload(client, tree, workbook([GOOD]), django_capture_on_commit_callbacks)
    check.assert_not_called()
    batch = MemberImport.objects.get()
    assert batch.status == MemberImport.Status.CHECKING and batch.check_task_id
    page = client.get(response["Location"]).content.decode()
    assert "Đang kiểm tra tệp…" in page and 'hx-trigger="every 2s"' in page and 'http-equiv="refresh"' in page
    assert "xac-nhan" not in page
    # the worker runs the task: the verdict, the row count and the preview are stored on the batch
    task = DBTaskResult.objects.get(id=batch.check_task_id)
    assert check_import.call(*task.args_kwargs["args"]) == MemberImport.Status.CHECKED
    batch.refresh_from_db()
    assert batch.status == MemberImport.Status.CHECKED and batch.row_count == 1 and batch.errors == []
    assert batch.preview == [
        {"code": "DV1", "full_name": "Nông Thị Hoa", "gender": "Nữ", "unit": "CĐCS Trường Tiểu học Nước Hai"}
    ]
    page = client.get(response["Location"]).content.decode()
    assert "Nông Thị Hoa" in page and f"/to-chuc/nhap-doan-vien/{batch.pk}/xac-nhan/" in page
    assert "hx-trigger" not in page


def test_a_check_that_fails_marks_the_batch_invalid_with_a_vietnamese_message(
    tree, officer_a, client_as, django_capture_on_commit_callbacks
):
    from unittest import mock

    client = client_as(officer_a)
    with mock.patch("organisations.imports.check_member_file", side_effect=RuntimeError("worker fault")):
        response = _upload(client, tree, workbook([GOOD]), django_capture_on_commit_callbacks)
    assert MemberImport.objects.get().status == MemberImport.Status.INVALID
    assert "Không kiểm tra được tệp (lỗi ngoài dự kiến)" in client.get(response["Location"]).content.decode()


@pytest.mark.parametrize("how", ["lost", "failed", "too long"])
def test_a_stale_check_is_marked_failed_and_the_file_can_be_uploaded_again(
    tree, officer_a, client_as, settings, how, django_capture_on_commit_callbacks
):
    from datetime import timedelta

    from django.utils import timezone
    from django_tasks import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}  # no worker running
    client = client_as(officer_a)
    response = _upload(client, tree, workbook([GOOD]), django_capture_on_commit_callbacks)
    batch = MemberImport.objects.get()
    assert "Đang kiểm tra tệp…" in client.get(response["Location"]).content.decode()  # not stale yet
    task = DBTaskResult.objects.filter(id=batch.check_task_id)
    if how == "lost":
        task.delete()  # the worker restarted with an emptied queue
        message = "Việc kiểm tra tệp này đã bị mất"
    elif how == "failed":
        task.update(status=TaskResultStatus.FAILED)
        message = "Việc kiểm tra tệp này đã dừng mà không có kết quả"
    else:
        MemberImport.objects.filter(pk=batch.pk).update(
            check_started_at=timezone.now() - timedelta(minutes=31)
        )
        settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
        message = "Việc kiểm tra tệp này không xong trong 30 phút"
    page = client.get(response["Location"]).content.decode()
    batch.refresh_from_db()
    assert batch.status == MemberImport.Status.INVALID and message in page
    assert f"/to-chuc/don-vi/{tree.district_a.pk}/nhap-doan-vien/" in page  # upload again
    assert "Đang kiểm tra tệp…" not in page and Member.objects.count() == 0
    # a late run of the lost task keeps the verdict and writes nothing
    from core.import_checks import run_check
    from organisations.imports import check_member_file, preview_rows

    assert run_check(MemberImport, batch.pk, check_member_file, preview_rows) == MemberImport.Status.INVALID
    batch.refresh_from_db()
    assert batch.status == MemberImport.Status.INVALID and message in batch.errors[0]["message"]


def test_export_hides_personal_data_from_viewers(tree, members, viewer, officer_a, client_as):
    client = client_as(viewer)
    response = client.get(f"/to-chuc/doan-vien/?unit={tree.province.pk}&export=xlsx")
    header = [
        c.value for c in next(load_workbook(io.BytesIO(response.getvalue())).active.iter_rows(max_row=1))
    ]
    assert "Ngày sinh" not in header and "Dân tộc" not in header
    client = client_as(officer_a)
    response = client.get(f"/to-chuc/doan-vien/?unit={tree.district_a.pk}&export=xlsx")
    sheet = load_workbook(io.BytesIO(response.getvalue())).active
    rows = list(sheet.iter_rows(values_only=True))
    assert "Ngày sinh" in rows[0]
    assert len(rows) == 1 + 3  # only district A's members


def test_hostile_workbooks_are_refused_by_the_import_page_with_a_vietnamese_message(
    tree, officer_a, client_as, django_capture_on_commit_callbacks
):
    """Issue 13, finding 6: a 5 KB sheet reaching XFD1048576 and a zip bomb cost nothing. The bomb
    is refused by the request itself (the zip's declared sizes); the far corner by the worker's check."""
    from core.testing.hostile_xlsx import bomb, far_corner

    client = client_as(officer_a)
    response = _upload(
        client,
        tree,
        SimpleUploadedFile("doan-vien.xlsx", bomb([HEADER, GOOD])),
        django_capture_on_commit_callbacks,
    )
    assert response.status_code == 200
    assert "Tệp Excel khi giải nén sẽ chiếm 300 MB (phần xl/sharedStrings.xml)" in response.content.decode()
    assert not MemberImport.objects.exists()
    response = _upload(
        client,
        tree,
        SimpleUploadedFile("doan-vien.xlsx", far_corner([HEADER, GOOD])),
        django_capture_on_commit_callbacks,
    )
    assert MemberImport.objects.get().status == MemberImport.Status.INVALID
    assert (
        "Trang tính còn tiếp sau dòng 100001; một tệp có tối đa 100000 dòng dữ liệu."
        in client.get(response["Location"]).content.decode()
    )
    assert not Member.objects.exists()


# An import whose worker died (issue 13, finding 10) -------------------------------------------------


@pytest.fixture
def no_worker(settings):
    """The database task backend with no worker running: a confirmed import stays queued, as it
    did when the worker died."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def _confirmed(client, tree) -> MemberImport:
    from core.import_checks import run_check
    from organisations.imports import check_member_file, preview_rows

    client.post(f"/to-chuc/don-vi/{tree.district_a.pk}/nhap-doan-vien/", {"file": workbook([GOOD])})
    batch = MemberImport.objects.get()
    run_check(MemberImport, batch.pk, check_member_file, preview_rows)  # what the worker does first
    client.post(f"/to-chuc/nhap-doan-vien/{batch.pk}/xac-nhan/")
    batch.refresh_from_db()
    return batch


def test_an_import_whose_task_was_lost_is_marked_failed_and_can_be_retried(
    tree, officer_a, client_as, no_worker, settings
):
    from django_tasks_db.models import DBTaskResult

    client = client_as(officer_a)
    batch = _confirmed(client, tree)
    assert batch.status == MemberImport.Status.QUEUED and batch.attempt == 1
    page = client.get(f"/to-chuc/nhap-doan-vien/{batch.pk}/").content.decode()
    assert "Đang chờ xử lý" in page and "thu-lai" not in page  # still waiting: not stale yet

    DBTaskResult.objects.filter(id=batch.task_id).delete()  # the worker restarted with an emptied queue
    page = client.get(f"/to-chuc/nhap-doan-vien/{batch.pk}/").content.decode()
    batch.refresh_from_db()
    assert batch.status == MemberImport.Status.FAILED
    assert "Tác vụ nền của lần nhập này đã bị mất" in page and "Không có dữ liệu nào được nhập" in page
    assert f"/to-chuc/nhap-doan-vien/{batch.pk}/thu-lai/" in page
    assert Member.objects.count() == 0

    settings.TASKS = {
        "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}
    }  # a worker again
    response = client.post(f"/to-chuc/nhap-doan-vien/{batch.pk}/thu-lai/")
    assert response.status_code == 302
    batch.refresh_from_db()
    assert batch.status == MemberImport.Status.DONE and batch.attempt == 2 and batch.errors == []
    assert Member.objects.filter(code="DV1").count() == 1
    # a second retry of a finished import writes nothing more
    client.post(f"/to-chuc/nhap-doan-vien/{batch.pk}/thu-lai/")
    assert Member.objects.count() == 1


def test_an_import_whose_task_failed_is_marked_failed(tree, officer_a, client_as, no_worker):
    from django_tasks import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    client = client_as(officer_a)
    batch = _confirmed(client, tree)
    DBTaskResult.objects.filter(id=batch.task_id).update(status=TaskResultStatus.FAILED)
    page = client.get(f"/to-chuc/nhap-doan-vien/{batch.pk}/").content.decode()
    assert "Tác vụ nền của lần nhập này bị lỗi" in page
    assert MemberImport.objects.get().status == MemberImport.Status.FAILED


def test_an_import_queued_past_the_limit_is_marked_failed_and_confirming_again_says_so(
    tree, officer_a, client_as, no_worker
):
    from datetime import timedelta

    from django.utils import timezone

    client = client_as(officer_a)
    batch = _confirmed(client, tree)
    MemberImport.objects.filter(pk=batch.pk).update(queued_at=timezone.now() - timedelta(minutes=31))
    response = client.post(f"/to-chuc/nhap-doan-vien/{batch.pk}/xac-nhan/", follow=True)
    page = response.content.decode()
    assert "Lần nhập này đã dừng và được đánh dấu thất bại; bạn có thể thử lại." in page
    assert "Lần nhập không hoàn tất trong 30 phút" in page
    assert MemberImport.objects.get().status == MemberImport.Status.FAILED


def test_a_late_run_of_an_expired_attempt_writes_nothing(tree, officer_a, client_as, no_worker):
    from unittest import mock

    from organisations import tasks

    client = client_as(officer_a)
    batch = _confirmed(client, tree)
    MemberImport.objects.filter(pk=batch.pk).update(status=MemberImport.Status.FAILED)  # expired meanwhile
    assert tasks.import_members.call(batch.pk, 1) == 0
    assert Member.objects.count() == 0
    # expired while the worker was writing: the writes are undone with the import's own transaction
    MemberImport.objects.filter(pk=batch.pk).update(status=MemberImport.Status.QUEUED)
    real_apply = tasks.apply_member_import

    def apply_then_expire(rows, actor=None):
        written = real_apply(rows, actor=actor)
        MemberImport.objects.filter(pk=batch.pk).update(attempt=2)  # retried elsewhere
        return written

    with mock.patch.object(tasks, "apply_member_import", side_effect=apply_then_expire):
        assert tasks.import_members.call(batch.pk, 1) == 0
    assert Member.objects.count() == 0


def test_the_export_keeps_dates_as_dates_excel_shows_day_first(tree, members, officer_a, client_as):
    member = members["a1"][0]
    member.birth_date, member.joined_on = dt.date(1990, 3, 12), dt.date(2012, 9, 1)
    member.save(update_fields=["birth_date", "joined_on"])
    response = client_as(officer_a).get(f"/to-chuc/doan-vien/?unit={tree.district_a.pk}&export=xlsx")
    sheet = load_workbook(io.BytesIO(response.getvalue())).active
    header = [c.value for c in sheet[1]]
    row = next(r for r in sheet.iter_rows(min_row=2) if r[0].value == member.code)
    born, joined = row[header.index("Ngày sinh")], row[header.index("Ngày vào Công đoàn")]
    assert born.value.date() == dt.date(1990, 3, 12) and born.number_format == "dd/mm/yyyy"
    assert joined.value.date() == dt.date(2012, 9, 1) and joined.number_format == "dd/mm/yyyy"
