"""Checking a member workbook: every row is read and checked before anything is written.

Built for a province's 100,000-row file: rows are streamed from the workbook, checked
against plain dicts and sets (one query for the units, one per 5,000 codes for codes already
taken), and kept as small tuples."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import NamedTuple, cast

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from core.spreadsheets import RowError, Sheet, cell, formula_errors, parse_date, without_formulas
from core.text import fold
from organisations.models import Member, Unit, leaving_date_error

__all__ = [
    "COLUMNS",
    "FILE_FIELDS",
    "HEADERS_VI",
    "ImportCheck",
    "MemberRow",
    "RowError",
    "STATUS_NAMES_VI",
    "check_member_file",
    "next_codes",
    "preview_rows",
]

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
    "status": ["trang thai", "tinh trang", "status"],
    "left_on": [
        "ngay thoi sinh hoat",
        "ngay roi cong doan",
        "ngay ra khoi cong doan",
        "left on",
        "leaving date",
    ],
}
# The Member fields the file's columns fill by name ("unit_code" fills `unit` by lookup); the member
# form, the writer and the bench generator take their field lists from here
FILE_FIELDS = tuple(column for column in COLUMNS if column != "unit_code")
REQUIRED = ["full_name", "gender"]  # an empty code is made; an empty unit is the page's unit
CODE_DIGITS = 4  # a made code: "<unit code>-0001", "<unit code>-0002"...
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
    "status": "Trạng thái",
    "left_on": "Ngày thôi sinh hoạt",
}
# values as plain str (not the choices' enum members, which a COPY would write by name)
GENDERS = {
    "nam": Member.Gender.MALE.value,
    "m": Member.Gender.MALE.value,
    "male": Member.Gender.MALE.value,
    "nu": Member.Gender.FEMALE.value,
    "f": Member.Gender.FEMALE.value,
    "female": Member.Gender.FEMALE.value,
}
CATEGORIES = {
    "can bo": Member.Category.OFFICER.value,
    "officer": Member.Category.OFFICER.value,
    "cong chuc": Member.Category.CIVIL_SERVANT.value,
    "civil servant": Member.Category.CIVIL_SERVANT.value,
    "vien chuc": Member.Category.PUBLIC_EMPLOYEE.value,
    "public employee": Member.Category.PUBLIC_EMPLOYEE.value,
    "nguoi lao dong": Member.Category.WORKER.value,
    "cong nhan": Member.Category.WORKER.value,
    "worker": Member.Category.WORKER.value,
}
# a status as the export writes it (whatever the reader's language, as genders and categories are)
STATUS_NAMES_VI = {
    Member.Status.ACTIVE.value: "Đang sinh hoạt",
    Member.Status.TRANSFERRED.value: "Đã chuyển sinh hoạt",
    Member.Status.LEFT.value: "Đã ra khỏi tổ chức",
    Member.Status.RETIRED.value: "Đã nghỉ hưu",
    Member.Status.DECEASED.value: "Đã mất",
}
STATUSES = {
    **{fold(name): value for value, name in STATUS_NAMES_VI.items()},
    **{fold(str(label)): value for value, label in Member.Status.choices},  # English names
    **{value: value for value in Member.Status.values},
    "chuyen sinh hoat": Member.Status.TRANSFERRED.value,
    "ra khoi to chuc": Member.Status.LEFT.value,
    "ra khoi cong doan": Member.Status.LEFT.value,
    "nghi huu": Member.Status.RETIRED.value,
    "tu tran": Member.Status.DECEASED.value,
    "da tu tran": Member.Status.DECEASED.value,
}
MAX_ERRORS_SHOWN = 500
CODE_MAX_LENGTH = cast(int, Member._meta.get_field("code").max_length)  # a CharField's is always set


class MemberRow(NamedTuple):
    """A checked row, ready to be written (a tuple: 100,000 of them stay small)."""

    row: int
    code: str
    full_name: str
    gender: str
    birth_date: dt.date | None
    ethnicity: str
    position: str
    category: str
    unit: Unit
    joined_on: dt.date | None
    status: str = Member.Status.ACTIVE.value
    left_on: dt.date | None = None

    def as_member(self) -> Member:
        return Member(
            code=self.code,
            full_name=self.full_name,
            gender=self.gender,
            birth_date=self.birth_date,
            ethnicity=self.ethnicity,
            position=self.position,
            category=self.category,
            unit=self.unit,
            joined_on=self.joined_on,
            status=self.status,
            left_on=self.left_on,
        )


@dataclass
class ImportCheck:
    rows: list[MemberRow] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    row_count: int = 0

    @property
    def ok(self) -> bool:
        return not self.errors and bool(self.rows)

    @property
    def member_count(self) -> int:
        return len(self.rows)

    @property
    def members(self) -> list[Member]:
        """The accepted rows as (unsaved) members; for small files and previews."""
        return [row.as_member() for row in self.rows]

    def preview(self, size: int = 20) -> list[Member]:
        return [row.as_member() for row in self.rows[:size]]


def preview_rows(checked: ImportCheck, size: int = 20) -> list[dict]:
    """The first rows as the import page shows them (kept on the batch as JSON by the check task)."""
    return [
        {"code": m.code, "full_name": m.full_name, "gender": str(m.get_gender_display()), "unit": m.unit.name}
        for m in checked.preview(size)
    ]


class _Lookup(dict):
    """A cache of a low-cardinality column's cells (gender, category): each
    distinct cell is folded and looked up once, not once per row."""

    def __init__(self, compute):
        super().__init__()
        self.compute = compute

    def __missing__(self, key):
        value = self[key] = self.compute(key)
        return value


def check_member_file(file, scope_unit: Unit) -> ImportCheck:
    """Read and check every row of an uploaded workbook against the importer's subtree. The unit
    column may be left out when the import was started from a unit that holds members (its rows go
    there); a row without a code gets the next free code of its unit (`next_codes`)."""
    holds_members = Unit.objects.filter(pk=scope_unit.pk, unit_type__may_have_members=True).exists()
    with Sheet(file, COLUMNS) as sheet:
        sheet.require(REQUIRED if holds_members else [*REQUIRED, "unit_code"], HEADERS_VI)
        result = _check_rows(sheet.rows(), sheet.positions, scope_unit)
    if result.row_count == 0:
        raise ValidationError(_("The file has no data rows."))
    existing = _existing_codes([row.code for row in result.rows if row.code])
    if existing:
        first_row = {row.code: row.row for row in result.rows if row.code in existing}
        result.rows = [row for row in result.rows if row.code not in existing]
        for code in sorted(existing):
            result.errors.append(
                RowError(
                    first_row[code],
                    HEADERS_VI["code"],
                    # as services.code_refused: the same words wherever the code's holder is
                    _(
                        "The member code “%(code)s” cannot be used for this member: check it against the "
                        "member's card, or leave it empty to have a code made."
                    )
                    % {"code": code},
                )
            )
    result.errors.sort(key=lambda e: e.row)
    if not result.errors:
        _give_codes(result)
    return result


def next_codes(unit: Unit, count: int, taken: Iterable[str] = ()) -> list[str]:
    """The codes given to `count` new members of `unit` whose code was left empty: the unit's code,
    a hyphen and a number, counting on from the highest number already used that way (in the
    database or in `taken`, the file's own codes), at least four digits: CS-A1-0001, CS-A1-0002.
    The same data always gives the same codes."""
    prefix = f"{unit.code}-"
    used = set(Member.objects.filter(code__startswith=prefix).values_list("code", flat=True))
    used |= {code for code in taken if code.startswith(prefix)}
    numbers = [int(code[len(prefix) :]) for code in used if code[len(prefix) :].isdigit()]
    start = max(numbers, default=0) + 1
    return [f"{prefix}{number:0{CODE_DIGITS}d}" for number in range(start, start + count)]


def _give_codes(result: ImportCheck) -> None:
    """Fill the empty codes of a clean file, unit by unit, in row order."""
    waiting: dict[int, list[int]] = {}
    for index, row in enumerate(result.rows):
        if not row.code:
            waiting.setdefault(row.unit.pk, []).append(index)
    if not waiting:
        return
    taken = {row.code for row in result.rows if row.code}
    for indexes in waiting.values():
        unit = result.rows[indexes[0]].unit
        for index, code in zip(indexes, next_codes(unit, len(indexes), taken), strict=True):
            if len(code) > CODE_MAX_LENGTH:
                result.errors.append(
                    RowError(
                        result.rows[index].row,
                        HEADERS_VI["code"],
                        _("The code is longer than %(max)d characters.") % {"max": CODE_MAX_LENGTH},
                    )
                )
            result.rows[index] = result.rows[index]._replace(code=code)


def _check_rows(
    rows: Iterator[tuple[int, tuple]], positions: dict[str, int], scope_unit: Unit
) -> ImportCheck:
    units = {u.code: u for u in Unit.objects.in_subtree(scope_unit).select_related("unit_type")}
    page_unit = units.get(scope_unit.code)  # rows without a unit go to the page's unit, if it holds members
    if page_unit is not None and not page_unit.unit_type.may_have_members:
        page_unit = None
    genders = _Lookup(lambda value: GENDERS.get(fold(str(value))))
    categories = _Lookup(lambda value: CATEGORIES.get(fold(str(value))))
    statuses = _Lookup(lambda value: STATUSES.get(fold(str(value))))
    today = timezone.localdate()
    at = {column: positions.get(column) for column in COLUMNS}
    labels = HEADERS_VI
    result = ImportCheck()
    seen_codes: dict[str, int] = {}
    for row_number, values in rows:
        result.row_count += 1
        errors: list[RowError] = []
        formulas = formula_errors(row_number, values, positions, labels)
        if formulas:  # reported once, then read as empty cells (not also "required")
            errors.extend(formulas.values())
            values = without_formulas(values)
        raw_code, full_name, gender = (
            cell(values, at["code"]),
            cell(values, at["full_name"]),
            cell(values, at["gender"]),
        )
        raw_unit = cell(values, at["unit_code"])
        for column, value in (
            ("full_name", full_name),
            ("gender", gender),
            *([] if page_unit else [("unit_code", raw_unit)]),
        ):
            if (value is None or value == "") and column not in formulas:
                errors.append(RowError(row_number, labels[column], _("This field is required.")))
        code = str(raw_code or "").strip()
        if len(code) > CODE_MAX_LENGTH:  # found by core/tests/test_api_fuzz.py: the database refuses it
            errors.append(
                RowError(
                    row_number,
                    labels["code"],
                    _("The code is longer than %(max)d characters.") % {"max": CODE_MAX_LENGTH},
                )
            )
        if code:
            if code in seen_codes:
                errors.append(
                    RowError(
                        row_number,
                        labels["code"],
                        _("The code “%(code)s” is repeated (first at row %(first)d).")
                        % {"code": code, "first": seen_codes[code]},
                    )
                )
            else:
                seen_codes[code] = row_number
        full_name = str(full_name or "")
        if len(full_name) > 120:
            errors.append(
                RowError(row_number, labels["full_name"], _("The name is longer than 120 characters."))
            )
        gender_value = None
        if gender is not None and gender != "":
            gender_value = genders[gender]
            if gender_value is None:
                errors.append(
                    RowError(
                        row_number,
                        labels["gender"],
                        _("“%(value)s” is not a gender (Nam or Nữ).") % {"value": gender},
                    )
                )
        category = cell(values, at["category"])
        category_value = Member.Category.WORKER.value
        if category is not None and category != "":
            category_value = categories[category]
            if category_value is None:
                errors.append(
                    RowError(
                        row_number,
                        labels["category"],
                        _("“%(value)s” is not a category (Cán bộ, Công chức, Viên chức, Người lao động).")
                        % {"value": category},
                    )
                )
        unit = None
        unit_code = str(raw_unit or "").strip()
        if not unit_code:
            unit = page_unit  # the import was started from this unit's page
        else:
            unit = units.get(unit_code)
            if unit is None:
                errors.append(
                    RowError(
                        row_number,
                        labels["unit_code"],
                        # the same answer for a code elsewhere in the tree and a code that exists nowhere
                        _("No unit with code “%(code)s” in %(unit)s or below it.")
                        % {"code": unit_code, "unit": scope_unit.name},
                    )
                )
            elif not unit.unit_type.may_have_members:
                errors.append(
                    RowError(
                        row_number,
                        labels["unit_code"],
                        _("“%(unit)s” does not hold members directly.") % {"unit": unit.name},
                    )
                )
                unit = None
            elif not unit.is_current(today):
                # an ended unit takes no new work: its members went to its successor
                errors.append(
                    RowError(
                        row_number,
                        labels["unit_code"],
                        _(
                            "“%(unit)s” ended on %(date)s and takes no new members: use the unit that took over its work."
                        )
                        % {
                            "unit": unit.name,
                            "date": unit.valid_to.strftime("%d/%m/%Y") if unit.valid_to else "",
                        },
                    )
                )
                unit = None
        birth_date = parse_date(
            cell(values, at["birth_date"]), row_number, labels["birth_date"], errors, today=today
        )
        joined_on = parse_date(
            cell(values, at["joined_on"]), row_number, labels["joined_on"], errors, today=today
        )
        if birth_date and joined_on and joined_on <= birth_date:
            errors.append(
                RowError(
                    row_number,
                    labels["joined_on"],
                    _("The union membership date must be after the birth date."),
                )
            )
        status = cell(values, at["status"])
        status_value: str | None = Member.Status.ACTIVE.value
        if status is not None and status != "":
            status_value = statuses[status]
            if status_value is None:
                errors.append(
                    RowError(
                        row_number,
                        labels["status"],
                        _("“%(value)s” is not a status (%(statuses)s).")
                        % {"value": status, "statuses": ", ".join(STATUS_NAMES_VI.values())},
                    )
                )
        left_on = parse_date(cell(values, at["left_on"]), row_number, labels["left_on"], errors, today=today)
        if left_on and status_value == Member.Status.ACTIVE:
            errors.append(
                RowError(
                    row_number,
                    labels["left_on"],
                    _(
                        "A member who is active has no leaving date: give the status in the “%(column)s” "
                        "column, or leave the date empty."
                    )
                    % {"column": labels["status"]},
                )
            )
        elif message := leaving_date_error(joined_on, left_on):
            errors.append(RowError(row_number, labels["left_on"], message))
        if errors:
            result.errors.extend(errors)
            continue
        # gender and unit are required and the status known: a row without them has errors
        assert gender_value is not None and unit is not None and status_value is not None
        result.rows.append(
            MemberRow(
                row_number,
                code,
                full_name,
                gender_value,
                birth_date,
                str(cell(values, at["ethnicity"]) or "")[:40],
                str(cell(values, at["position"]) or "")[:120],
                category_value,
                unit,
                joined_on,
                status_value,
                left_on,
            )
        )
    return result


def _existing_codes(codes: list[str], size: int = 5000) -> set[str]:
    found: set[str] = set()
    for start in range(0, len(codes), size):
        found |= set(
            Member.objects.filter(code__in=codes[start : start + size]).values_list("code", flat=True)
        )
    return found
