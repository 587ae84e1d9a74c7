"""The member import from a unit's page: a template to download, codes made for new members when
the code column is empty, and the page's unit when the file has no unit column."""

import io
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from organisations.imports import check_member_file, next_codes
from organisations.models import MemberImport
from organisations.testing import MemberFactory
from organisations.tests.test_import_export import workbook

NO_UNIT = ["Mã đoàn viên", "Họ và tên", "Giới tính", "Ngày sinh"]


def _template(client, unit):
    response = client.get(reverse("organisations:member_import_template", args=[unit.pk]))
    assert response.status_code == 200 and response["Content-Type"].startswith(
        "application/vnd.openxmlformats"
    )
    return load_workbook(io.BytesIO(b"".join(response.streaming_content)))


def _columns_the_page_names(page: str) -> list[str]:
    text = re.search(r"Các cột: ([^<]*)\.", page)
    assert text, "the import page names the columns"
    return [name.strip() for name in text.group(1).split(",")]


@pytest.mark.parametrize("where", ["grassroots_a1", "district_a"])
def test_the_template_has_every_column_the_import_page_names_and_a_file_made_from_it_imports(
    client_as, officer_a, tree, where, django_capture_on_commit_callbacks
):
    """A unit holding members and a federation alike: the page named "Mã đơn vị", the template of a
    unit holding members left it out."""
    unit = getattr(tree, where)
    client = client_as(officer_a)
    page = client.get(reverse("organisations:member_import", args=[unit.pk])).content.decode()
    assert reverse("organisations:member_import_template", args=[unit.pk]) in page
    book = _template(client, unit)
    header = [c.value for c in book["Đoàn viên"][1]]
    assert header == _columns_the_page_names(page)
    assert "Mã đơn vị" in header
    guide = {row[0]: row[1] for row in book["Hướng dẫn"].iter_rows(min_row=2, values_only=True)}
    assert set(guide) == set(header)  # each column says how it is filled

    # the officer fills the template itself, one row per member, by the header's names
    sheet = book["Đoàn viên"]
    for values in (
        {"Họ và tên": "Nông Thị Hoa", "Giới tính": "Nữ", "Ngày sinh": "12/03/1990", "Mã đơn vị": "CS-A1"},
        {
            "Họ và tên": "Lục Văn Sơn",
            "Giới tính": "Nam",
            "Ngày vào Công đoàn": "01/09/2012",
            "Mã đơn vị": "CS-A1",
        },
    ):
        sheet.append([values.get(name) for name in header])
    filled = io.BytesIO()
    book.save(filled)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("organisations:member_import", args=[unit.pk]),
            {"file": SimpleUploadedFile("mau.xlsx", filled.getvalue())},
        )
    batch = MemberImport.objects.get()
    assert response["Location"] == reverse("organisations:member_import_status", args=[batch.pk])
    assert batch.status == MemberImport.Status.CHECKED, batch.errors
    client.post(reverse("organisations:member_import_confirm", args=[batch.pk]))
    assert sorted(tree.grassroots_a1.members.values_list("full_name", "code")) == [
        ("Lục Văn Sơn", "CS-A1-0002"),
        ("Nông Thị Hoa", "CS-A1-0001"),
    ]


def test_the_guide_says_the_unit_column_is_optional_only_where_the_unit_holds_members(
    client_as, officer_a, tree
):
    client = client_as(officer_a)

    def unit_note(unit):
        rows = _template(client, unit)["Hướng dẫn"].iter_rows(min_row=2, values_only=True)
        return {row[0]: row[1] for row in rows}["Mã đơn vị"]

    assert unit_note(tree.grassroots_a1).startswith("Không bắt buộc: để trống thì dòng được nhập vào")
    assert unit_note(tree.district_a).startswith("Bắt buộc")
    guide = " ".join(
        str(c.value) for row in _template(client, tree.grassroots_a1)["Hướng dẫn"].iter_rows() for c in row
    )
    assert "CS-A1-0001" in guide  # the first code it would make


def test_a_unit_code_outside_the_page_units_subtree_is_a_row_error_naming_the_row(tree):
    """From district A, a unit of district B is refused as a code that exists nowhere is: the same words."""
    header = ["Họ và tên", "Giới tính", "Mã đơn vị"]
    rows = [["Nông Thị Hoa", "Nữ", "CS-A1"], ["Lục Văn Sơn", "Nam", "CS-B1"], ["Hà Thu", "Nữ", "KHONG-CO"]]
    result = check_member_file(workbook(rows, header=header), tree.district_a)
    assert [(e.row, e.column) for e in result.errors] == [(3, "Mã đơn vị"), (4, "Mã đơn vị")]
    assert result.errors[0].message == (
        "Không có đơn vị mã “CS-B1” trong Liên đoàn Lao động huyện Hòa An hoặc các đơn vị trực thuộc."
    )
    assert result.errors[1].message == result.errors[0].message.replace("CS-B1", "KHONG-CO")


def test_rows_without_a_unit_go_to_the_unit_the_import_was_started_from(tree):
    result = check_member_file(
        workbook([["DV-1", "Nông Thị Hoa", "Nữ", "12/03/1990"]], header=NO_UNIT), tree.grassroots_a1
    )
    assert not result.errors and result.rows[0].unit == tree.grassroots_a1


def test_a_federation_still_needs_the_unit_column(tree):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError, match="Mã đơn vị"):
        check_member_file(workbook([["DV-1", "Nông Thị Hoa", "Nữ", ""]], header=NO_UNIT), tree.district_a)


def test_empty_codes_get_the_units_code_and_the_next_free_number_in_row_order(tree):
    MemberFactory(unit=tree.grassroots_a1, code="CS-A1-0007")
    MemberFactory(unit=tree.grassroots_a1, code="CS-A1-ABC")  # not a number: not counted
    rows = [
        ["", "Nông Thị Hoa", "Nữ", ""],
        ["CS-A1-0010", "Lục Văn Sơn", "Nam", ""],  # a code the file gives itself
        ["", "Hoàng Văn Nam", "Nam", ""],
    ]
    result = check_member_file(workbook(rows, header=NO_UNIT), tree.grassroots_a1)
    assert not result.errors
    assert [r.code for r in result.rows] == ["CS-A1-0011", "CS-A1-0010", "CS-A1-0012"]
    # the rule is stable: the same data gives the same codes
    again = check_member_file(workbook(rows, header=NO_UNIT), tree.grassroots_a1)
    assert [r.code for r in again.rows] == [r.code for r in result.rows]


def test_codes_are_made_per_unit_when_the_file_names_units(tree):
    header = ["Họ và tên", "Giới tính", "Mã đơn vị"]
    rows = [["Nông Thị Hoa", "Nữ", "CS-A1"], ["Lục Văn Sơn", "Nam", "CS-A2"], ["Hà Thu", "Nữ", "CS-A1"]]
    result = check_member_file(workbook(rows, header=header), tree.district_a)
    assert [r.code for r in result.rows] == ["CS-A1-0001", "CS-A2-0001", "CS-A1-0002"]
    assert next_codes(tree.grassroots_a2, 2) == ["CS-A2-0001", "CS-A2-0002"]
