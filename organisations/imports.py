"""Member import from Excel: every row is checked before anything is written, and the
import is applied in one transaction or not at all."""

import datetime as dt
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException
from simple_history.utils import bulk_create_with_history

from core.text import fold, normalize
from core.uploads import XLSX, check_upload
from organisations.models import Member, Unit

# Column key -> accepted header texts (compared folded, so accents and case do not matter).
COLUMNS = {
    "code": ["ma doan vien", "ma dv", "member code"],
    "full_name": ["ho va ten", "ho ten", "full name"],
    "gender": ["gioi tinh", "gender"],
    "birth_date": ["ngay sinh", "birth date"],
    "ethnicity": ["dan toc", "ethnicity"],
    "position": ["chuc vu", "position"],
    "category": ["doi tuong", "category"],
    "unit_code": ["ma don vi", "unit code"],
    "joined_on": ["ngay vao cong doan", "ngay ket nap", "union membership date"],
}
REQUIRED = ["code", "full_name", "gender", "unit_code"]
HEADERS_VI = {
    "code": "Mã đoàn viên",
    "full_name": "Họ và tên",
    "gender": "Giới tính",
    "birth_date": "Ngày sinh",
    "ethnicity": "Dân tộc",
    "position": "Chức vụ",
    "category": "Đối tượng",
    "unit_code": "Mã đơn vị",
    "joined_on": "Ngày vào Công đoàn",
}
GENDERS = {"nam": Member.Gender.MALE, "m": Member.Gender.MALE, "male": Member.Gender.MALE,
           "nu": Member.Gender.FEMALE, "f": Member.Gender.FEMALE, "female": Member.Gender.FEMALE}
CATEGORIES = {
    "can bo": Member.Category.OFFICER, "officer": Member.Category.OFFICER,
    "cong chuc": Member.Category.CIVIL_SERVANT, "civil servant": Member.Category.CIVIL_SERVANT,
    "vien chuc": Member.Category.PUBLIC_EMPLOYEE, "public employee": Member.Category.PUBLIC_EMPLOYEE,
    "nguoi lao dong": Member.Category.WORKER, "cong nhan": Member.Category.WORKER, "worker": Member.Category.WORKER,
}
MAX_ERRORS_SHOWN = 500
CODE_MAX_LENGTH = Member._meta.get_field("code").max_length


@dataclass
class RowError:
    row: int
    column: str
    message: str

    def as_dict(self) -> dict:
        return {"row": self.row, "column": self.column, "message": self.message}


@dataclass
class ImportCheck:
    members: list[Member] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    row_count: int = 0

    @property
    def ok(self) -> bool:
        return not self.errors and bool(self.members)


def _parse_date(value, column: str, row: int, errors: list[RowError]) -> dt.date | None:
    if value in (None, ""):
        return None
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        parsed = value
    else:
        text = normalize(str(value))
        parsed = None
        for fmt in ("%d/%m/%Y", "%d-%m-%Y", "%Y-%m-%d", "%d.%m.%Y"):
            try:
                parsed = dt.datetime.strptime(text, fmt).date()
                break
            except ValueError:
                continue
        if parsed is None:
            errors.append(RowError(row, column, _("“%(value)s” is not a date (use dd/mm/yyyy).") % {"value": text}))
            return None
    if parsed > timezone.localdate():
        errors.append(RowError(row, column, _("The date %(date)s is in the future.") % {"date": parsed.strftime("%d/%m/%Y")}))
        return None
    if parsed.year < 1900:
        errors.append(RowError(row, column, _("The year %(year)d is not plausible.") % {"year": parsed.year}))
        return None
    return parsed


def check_member_file(file, scope_unit: Unit) -> ImportCheck:
    """Read and check every row of an uploaded workbook against the importer's subtree."""
    check_upload(file, {XLSX}, field_label=_("File"))
    try:
        workbook = load_workbook(file, read_only=True, data_only=True)
    except (InvalidFileException, KeyError, OSError, ValueError) as exc:
        raise ValidationError(_("The Excel file cannot be read (%(reason)s).") % {"reason": exc.__class__.__name__}) from exc
    sheet = workbook.worksheets[0]
    rows = sheet.iter_rows(values_only=True)
    header = next(rows, None)
    if header is None:
        raise ValidationError(_("The file has no header row."))
    positions: dict[str, int] = {}
    for index, title in enumerate(header):
        key = fold(str(title or ""))
        for column, names in COLUMNS.items():
            if key in names and column not in positions:
                positions[column] = index
    missing = [HEADERS_VI[c] for c in REQUIRED if c not in positions]
    if missing:
        raise ValidationError(_("Missing columns: %(columns)s.") % {"columns": ", ".join(missing)})

    units = {u.code: u for u in Unit.objects.in_subtree(scope_unit).select_related("unit_type")}
    result = ImportCheck()
    seen_codes: dict[str, int] = {}
    for row_number, values in enumerate(rows, start=2):
        if values is None or all(v in (None, "") for v in values):
            continue
        result.row_count += 1
        errors: list[RowError] = []

        def cell(column, values=values):
            index = positions.get(column)
            if index is None or index >= len(values):
                return None
            value = values[index]
            return normalize(value) if isinstance(value, str) else value

        data = {}
        for column in REQUIRED:
            if cell(column) in (None, ""):
                errors.append(RowError(row_number, HEADERS_VI[column], _("This field is required.")))
        code = str(cell("code") or "").strip()
        if len(code) > CODE_MAX_LENGTH:  # found by core/tests/test_api_fuzz.py: the database refuses it
            errors.append(RowError(row_number, HEADERS_VI["code"],
                                   _("The code is longer than %(max)d characters.") % {"max": CODE_MAX_LENGTH}))
        if code:
            if code in seen_codes:
                errors.append(RowError(row_number, HEADERS_VI["code"],
                                       _("The code “%(code)s” is repeated (first at row %(first)d).") % {"code": code, "first": seen_codes[code]}))
            else:
                seen_codes[code] = row_number
            data["code"] = code
        data["full_name"] = str(cell("full_name") or "")
        if len(data["full_name"]) > 120:
            errors.append(RowError(row_number, HEADERS_VI["full_name"], _("The name is longer than 120 characters.")))
        gender = cell("gender")
        if gender not in (None, ""):
            data["gender"] = GENDERS.get(fold(str(gender)))
            if data["gender"] is None:
                errors.append(RowError(row_number, HEADERS_VI["gender"], _("“%(value)s” is not a gender (Nam or Nữ).") % {"value": gender}))
        category = cell("category")
        data["category"] = Member.Category.WORKER
        if category not in (None, ""):
            data["category"] = CATEGORIES.get(fold(str(category)))
            if data["category"] is None:
                errors.append(RowError(row_number, HEADERS_VI["category"],
                                       _("“%(value)s” is not a category (Cán bộ, Công chức, Viên chức, Người lao động).") % {"value": category}))
        unit_code = str(cell("unit_code") or "").strip()
        if unit_code:
            unit = units.get(unit_code)
            if unit is None:
                errors.append(RowError(row_number, HEADERS_VI["unit_code"],
                                       _("No unit with code “%(code)s” in your units.") % {"code": unit_code}))
            elif not unit.unit_type.may_have_members:
                errors.append(RowError(row_number, HEADERS_VI["unit_code"],
                                       _("“%(unit)s” does not hold members directly.") % {"unit": unit.name}))
            else:
                data["unit"] = unit
        data["birth_date"] = _parse_date(cell("birth_date"), HEADERS_VI["birth_date"], row_number, errors)
        data["joined_on"] = _parse_date(cell("joined_on"), HEADERS_VI["joined_on"], row_number, errors)
        if data["birth_date"] and data["joined_on"] and data["joined_on"] <= data["birth_date"]:
            errors.append(RowError(row_number, HEADERS_VI["joined_on"], _("The union membership date must be after the birth date.")))
        data["ethnicity"] = str(cell("ethnicity") or "")[:40]
        data["position"] = str(cell("position") or "")[:120]
        if errors:
            result.errors.extend(errors)
        else:
            result.members.append(Member(**data))
    workbook.close()

    if result.row_count == 0:
        raise ValidationError(_("The file has no data rows."))
    existing = _existing_codes([m.code for m in result.members])
    if existing:
        result.members = [m for m in result.members if m.code not in existing]
        for code in sorted(existing):
            result.errors.append(RowError(seen_codes[code], HEADERS_VI["code"],
                                          _("The member code “%(code)s” already exists.") % {"code": code}))
    result.errors.sort(key=lambda e: e.row)
    return result


def _existing_codes(codes: list[str], size: int = 5000) -> set[str]:
    found: set[str] = set()
    for start in range(0, len(codes), size):
        found |= set(Member.objects.filter(code__in=codes[start:start + size]).values_list("code", flat=True))
    return found


@transaction.atomic
def apply_member_import(members: list[Member]) -> int:
    """Write checked members, all or none."""
    for member in members:
        member.search_text = fold(f"{member.full_name} {member.code}")
    bulk_create_with_history(members, Member, batch_size=2000)
    return len(members)
