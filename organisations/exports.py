"""Excel exports of the organisation: members of a subtree, in the import's own columns."""

from openpyxl.styles import Font, PatternFill

from core.spreadsheets import WorkbookWriter
from organisations.imports import HEADERS_VI, STATUS_NAMES_VI
from organisations.models import Member

HEADER_FILL = PatternFill("solid", fgColor="1F4E79")


def members_workbook(members, *, include_personal_data: bool) -> bytes:
    """An .xlsx of members; birth date and ethnicity only when the reader may see them.
    Streams rows in write-only mode so a subtree of 100,000 members stays small in memory."""
    columns = list(HEADERS_VI)  # the import's own columns, in its order
    if not include_personal_data:
        columns = [c for c in columns if c not in ("birth_date", "ethnicity")]
    writer = WorkbookWriter(write_only=True)
    sheet = writer.sheet("Đoàn viên")
    labels = {**HEADERS_VI, "unit_name": "Đơn vị"}
    writer.append(
        sheet,
        [labels[c] for c in [*columns, "unit_name"]],
        font=Font(bold=True, color="FFFFFF"),
        fill=HEADER_FILL,
    )
    genders = {Member.Gender.MALE: "Nam", Member.Gender.FEMALE: "Nữ"}
    categories = {
        Member.Category.OFFICER: "Cán bộ",
        Member.Category.CIVIL_SERVANT: "Công chức",
        Member.Category.PUBLIC_EMPLOYEE: "Viên chức",
        Member.Category.WORKER: "Người lao động",
    }
    for member in members.select_related("unit").iterator(chunk_size=5000):
        values = {
            "code": member.code,
            "full_name": member.full_name,
            "gender": genders.get(member.gender, ""),
            "birth_date": member.birth_date,
            "ethnicity": member.ethnicity,
            "position": member.position,
            "category": categories.get(member.category, ""),
            "unit_code": member.unit.code,
            "joined_on": member.joined_on,
            "status": STATUS_NAMES_VI.get(member.status, member.status),
            "left_on": member.left_on,
            "unit_name": member.unit.name,
        }
        writer.append(sheet, [values[c] for c in [*columns, "unit_name"]])
    return writer.save()
