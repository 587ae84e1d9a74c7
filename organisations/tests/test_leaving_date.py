"""A member cannot leave the union before joining it (`models.leaving_date_error`): the form (see
test_member_form.py), the import, the API and the database itself refuse a leaving date before the
union membership date; migration 0014 cleared the stored dates that broke the rule."""

import datetime as dt

import pytest
from django.db import IntegrityError, connection, transaction
from django.db.migrations.executor import MigrationExecutor

from accounts.models import ApiToken
from organisations.imports import apply_member_import, check_member_file
from organisations.models import Member, MemberTally
from organisations.testing import MemberFactory
from organisations.tests.test_import_export import workbook

HEADER = ["Mã đoàn viên", "Họ và tên", "Giới tính", "Ngày vào Công đoàn", "Trạng thái", "Ngày thôi sinh hoạt"]


# The database ---------------------------------------------------------------------------------------


def test_the_database_refuses_a_bulk_write_of_a_member_who_left_before_joining(tree):
    member = Member(
        code="DV1",
        full_name="Nông Thị Hoa",
        gender="F",
        unit=tree.grassroots_a1,
        joined_on=dt.date(2020, 1, 1),
        status=Member.Status.LEFT,
        left_on=dt.date(2019, 12, 31),
    )
    with pytest.raises(IntegrityError), transaction.atomic():
        Member.objects.bulk_create([member])
    assert not Member.objects.exists()


def test_the_database_refuses_an_update_that_puts_the_leaving_date_before_joining(tree):
    member = MemberFactory(unit=tree.grassroots_a1, joined_on=dt.date(2020, 1, 1), status=Member.Status.LEFT)
    with pytest.raises(IntegrityError), transaction.atomic():
        Member.objects.filter(pk=member.pk).update(left_on=dt.date(2019, 12, 31))
    Member.objects.filter(pk=member.pk).update(left_on=dt.date(2020, 1, 1))  # the day of joining is fine
    member.refresh_from_db()
    assert member.left_on == dt.date(2020, 1, 1)


@pytest.mark.django_db(transaction=True)
def test_migration_0014_clears_a_leaving_date_before_joining_and_records_it_in_the_history(tree):
    executor = MigrationExecutor(connection)
    try:
        executor.migrate([("organisations", "0013_member_period_indexes")])  # before the constraint
        broken = MemberFactory(
            unit=tree.grassroots_a1, joined_on=dt.date(2020, 1, 1), status=Member.Status.RETIRED
        )
        fine = MemberFactory(
            unit=tree.grassroots_a1, joined_on=dt.date(2020, 1, 1), status=Member.Status.RETIRED
        )
        Member.objects.filter(pk=broken.pk).update(
            left_on=dt.date(2019, 6, 30)
        )  # as the admin's bulk edit could
        Member.objects.filter(pk=fine.pk).update(left_on=dt.date(2021, 6, 30))
        executor = MigrationExecutor(connection)
        executor.migrate([("organisations", "0014_member_left_after_joined")])
    finally:
        executor = MigrationExecutor(connection)
        executor.migrate(executor.loader.graph.leaf_nodes())
    broken.refresh_from_db()
    fine.refresh_from_db()
    assert broken.left_on is None and broken.status == Member.Status.RETIRED
    assert fine.left_on == dt.date(2021, 6, 30)
    last = broken.history.first()
    assert last.history_type == "~" and last.left_on is None and last.history_user is None
    assert last.history_change_reason == "Ngày thôi sinh hoạt 30/06/2019 trước ngày vào Công đoàn: đã xoá"
    assert fine.history.count() == 1  # untouched: only its creation


# The import -----------------------------------------------------------------------------------------


def test_the_import_reads_the_status_and_the_leaving_date_and_writes_them(tree):
    rows = [
        ["DV1", "Nông Thị Hoa", "Nữ", "01/09/2012", "Đã nghỉ hưu", "30/06/2024"],
        ["DV2", "Lục Văn Sơn", "Nam", "01/09/2012", "", ""],
        ["DV3", "Hà Thu", "Nữ", "01/09/2012", "Đã chuyển sinh hoạt", "01/09/2012"],  # the same day: fine
    ]
    result = check_member_file(workbook(rows, header=HEADER), tree.grassroots_a1)
    assert result.errors == []
    apply_member_import(result.rows)
    written = {m.code: (m.status, m.left_on) for m in Member.objects.all()}
    assert written == {
        "DV1": ("retired", dt.date(2024, 6, 30)),
        "DV2": ("active", None),
        "DV3": ("transferred", dt.date(2012, 9, 1)),
    }
    assert MemberTally.objects.get(unit=tree.grassroots_a1).active == 1  # only DV2 is active


def test_the_import_refuses_a_leaving_date_before_joining_an_active_leaver_and_an_unknown_status(tree):
    rows = [
        ["DV1", "Nông Thị Hoa", "Nữ", "01/09/2012", "Đã nghỉ hưu", "31/08/2012"],
        ["DV2", "Lục Văn Sơn", "Nam", "01/09/2012", "", "30/06/2024"],
        ["DV3", "Hà Thu", "Nữ", "01/09/2012", "Bỏ đi", ""],
    ]
    result = check_member_file(workbook(rows, header=HEADER), tree.grassroots_a1)
    assert [(e.row, e.column, e.message) for e in result.errors] == [
        (2, "Ngày thôi sinh hoạt", "Ngày thôi sinh hoạt không được trước ngày vào Công đoàn (01/09/2012)."),
        (
            3,
            "Ngày thôi sinh hoạt",
            "Đoàn viên đang sinh hoạt thì không có ngày thôi sinh hoạt: hãy ghi trạng thái ở cột “Trạng thái”, "
            "hoặc để trống ngày này.",
        ),
        (
            4,
            "Trạng thái",
            "“Bỏ đi” không phải trạng thái hợp lệ (Đang sinh hoạt, Đã chuyển sinh hoạt, Đã ra khỏi tổ chức, "
            "Đã nghỉ hưu, Đã mất).",
        ),
    ]
    assert result.rows == []


def test_an_export_imports_back_with_its_statuses_and_leaving_dates(tree, officer_a, client_as):
    """The export writes the import's own columns, the status in Vietnamese whatever the language."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    MemberFactory(unit=tree.grassroots_a1, code="DV1", status=Member.Status.LEFT, left_on=dt.date(2023, 3, 1))
    MemberFactory(unit=tree.grassroots_a1, code="DV2")
    response = client_as(officer_a).get(f"/to-chuc/doan-vien/?unit={tree.grassroots_a1.pk}&export=xlsx")
    Member.objects.all().delete()
    result = check_member_file(SimpleUploadedFile("xuat.xlsx", response.getvalue()), tree.district_a)
    assert result.errors == []
    assert sorted((r.code, r.status, r.left_on) for r in result.rows) == [
        ("DV1", "left", dt.date(2023, 3, 1)),
        ("DV2", "active", None),
    ]


# The API --------------------------------------------------------------------------------------------


@pytest.fixture
def api(client, officer_a):
    _, key = ApiToken.issue(officer_a, "test")

    def call(method, path, payload=None):
        kwargs = {"content_type": "application/json"} if payload is not None else {}
        return getattr(client, method)(
            f"/api/v1/organisations{path}", payload, HTTP_AUTHORIZATION=f"Bearer {key}", **kwargs
        )

    return call


def _member(tree, **changes):
    return {
        "code": "API1",
        "full_name": "Lý Văn An",
        "gender": "M",
        "unit_id": tree.grassroots_a1.pk,
        "joined_on": "2020-01-01",
        **changes,
    }


def test_the_api_writes_and_reads_the_status_and_the_leaving_date(tree, api):
    response = api("post", "/members", _member(tree, status="retired", left_on="2024-06-30"))
    assert response.status_code == 201
    assert response.json()["status"] == "retired" and response.json()["left_on"] == "2024-06-30"
    read = api("get", f"/members/{response.json()['id']}").json()
    assert read["left_on"] == "2024-06-30"
    assert Member.objects.get(code="API1").left_on == dt.date(2024, 6, 30)


def test_the_api_refuses_a_leaving_date_before_joining_naming_the_field(tree, api):
    response = api("post", "/members", _member(tree, status="left", left_on="2019-12-31"))
    assert response.status_code == 400
    assert response.json() == {
        "detail": {"left_on": ["Ngày thôi sinh hoạt không được trước ngày vào Công đoàn (01/01/2020)."]}
    }
    assert not Member.objects.exists()


def test_the_api_drops_an_active_members_leaving_date_as_the_form_does(tree, api):
    response = api("post", "/members", _member(tree, left_on="2019-12-31"))
    assert response.status_code == 201 and response.json()["left_on"] is None
