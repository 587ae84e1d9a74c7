"""The member import from a unit's page: a template to download, codes made for new members when
the code column is empty, and the page's unit when the file has no unit column."""

import io

from django.urls import reverse
from openpyxl import load_workbook

from organisations.imports import check_member_file, next_codes
from organisations.testing import MemberFactory
from organisations.tests.test_import_export import workbook

NO_UNIT = ["Mã đoàn viên", "Họ và tên", "Giới tính", "Ngày sinh"]


def test_the_import_page_offers_a_template_without_the_unit_column_for_a_unit_holding_members(
    client_as, officer_a, tree
):
    client = client_as(officer_a)
    page = client.get(reverse("organisations:member_import", args=[tree.grassroots_a1.pk])).content.decode()
    link = reverse("organisations:member_import_template", args=[tree.grassroots_a1.pk])
    assert link in page
    response = client.get(link)
    assert response.status_code == 200 and response["Content-Type"].startswith(
        "application/vnd.openxmlformats"
    )
    book = load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    header = [c.value for c in book["Đoàn viên"][1]]
    assert header[:3] == ["Mã đoàn viên", "Họ và tên", "Giới tính"] and "Mã đơn vị" not in header
    guide = " ".join(str(c.value) for row in book["Hướng dẫn"].iter_rows() for c in row)
    assert "CS-A1-0001" in guide  # the first code it would make


def test_the_template_of_a_federation_asks_for_the_unit_column(client_as, officer_a, tree):
    response = client_as(officer_a).get(
        reverse("organisations:member_import_template", args=[tree.district_a.pk])
    )
    book = load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    assert "Mã đơn vị" in [c.value for c in book["Đoàn viên"][1]]


def test_rows_without_a_unit_go_to_the_unit_the_import_was_started_from(tree):
    result = check_member_file(
        workbook([["DV-1", "Nông Thị Hoa", "Nữ", "12/03/1990"]], header=NO_UNIT), tree.grassroots_a1
    )
    assert not result.errors and result.rows[0].unit == tree.grassroots_a1


def test_a_federation_still_needs_the_unit_column(tree):
    import pytest
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
