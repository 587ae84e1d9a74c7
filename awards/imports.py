"""Import of past awards from Excel (the years before the system): every row is checked first,
then all rows are written in one transaction, or none.

Columns: Mã đoàn viên or Mã đơn vị, Hình thức, Năm, Số quyết định, Ngày quyết định, Cấp.
"""

import datetime as dt
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException

from awards.models import AwardForm, AwardRecord
from core.text import fold, normalize
from core.uploads import XLSX, check_upload
from organisations.models import Member, Unit

COLUMNS = {
    "member_code": ["ma doan vien", "ma dv", "member code"],
    "unit_code": ["ma don vi", "unit code"],
    "form": ["hinh thuc", "danh hieu", "hinh thuc khen thuong", "award form"],
    "year": ["nam", "year"],
    "decision_ref": ["so quyet dinh", "so qd", "decision number"],
    "decision_date": ["ngay quyet dinh", "ngay qd", "decision date"],
    "level": ["cap", "level"],
}
HEADERS_VI = {"member_code": "Mã đoàn viên", "unit_code": "Mã đơn vị", "form": "Hình thức", "year": "Năm",
              "decision_ref": "Số quyết định", "decision_date": "Ngày quyết định", "level": "Cấp"}
REQUIRED = ["form", "year", "decision_ref"]
LEVELS = {fold(str(label)): value for value, label in AwardForm.Level.choices} | {
    "co so": "grassroots", "cap co so": "grassroots", "tinh": "province", "cap tinh": "province",
    "tong lien doan": "confederation", "tld": "confederation", "chinh phu": "government", "nha nuoc": "state",
    "cong doan cap tren": "upper_union", "huyen": "upper_union", "cap huyen": "upper_union",
    **{value: value for value in AwardForm.Level.values}}


@dataclass
class RowError:
    row: int
    column: str
    message: str

    def as_dict(self) -> dict:
        return {"row": self.row, "column": self.column, "message": self.message}


@dataclass
class AwardImportCheck:
    records: list[AwardRecord] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    row_count: int = 0


def _date(value, row: int, errors: list[RowError]) -> dt.date | None:
    if value in (None, ""):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = normalize(str(value))
    for fmt in ("%d/%m/%Y", "%d-%m-%Y", "%Y-%m-%d", "%d.%m.%Y"):
        try:
            return dt.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    errors.append(RowError(row, HEADERS_VI["decision_date"], _("“%(value)s” is not a date (use dd/mm/yyyy).")
                           % {"value": text}))
    return None


def _forms_by_name() -> dict[str, list[AwardForm]]:
    forms: dict[str, list[AwardForm]] = {}
    for form in AwardForm.objects.select_related("rule_set").order_by("rule_set__valid_from"):
        for key in (fold(form.name), form.code):
            forms.setdefault(key, []).append(form)
    return forms


def _form_for(candidates: list[AwardForm], on: dt.date) -> AwardForm:
    """The version of the form under the rules in force on the decision date (or the year's end)."""
    for form in reversed(candidates):
        rule_set = form.rule_set
        if rule_set.valid_from <= on and (rule_set.valid_to is None or rule_set.valid_to >= on):
            return form
    return candidates[0] if on < candidates[0].rule_set.valid_from else candidates[-1]


def check_award_file(file, scope_unit: Unit) -> AwardImportCheck:
    """Read and check every row against the importer's subtree; nothing is written."""
    check_upload(file, {XLSX}, field_label=_("File"))
    try:
        workbook = load_workbook(file, read_only=True, data_only=True)
    except (InvalidFileException, KeyError, OSError, ValueError) as exc:
        raise ValidationError(_("The Excel file cannot be read (%(reason)s).") % {"reason": exc.__class__.__name__}) from exc
    rows = workbook.worksheets[0].iter_rows(values_only=True)
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
    if "member_code" not in positions and "unit_code" not in positions:
        missing.insert(0, f"{HEADERS_VI['member_code']} / {HEADERS_VI['unit_code']}")
    if missing:
        raise ValidationError(_("Missing columns: %(columns)s.") % {"columns": ", ".join(missing)})

    forms = _forms_by_name()
    units = {u.code: u for u in Unit.objects.in_subtree(scope_unit)}
    member_codes: set[str] = set()
    raw_rows = []
    for row_number, values in enumerate(rows, start=2):
        if values is None or all(v in (None, "") for v in values):
            continue
        raw_rows.append((row_number, values))
        index = positions.get("member_code")
        if index is not None and index < len(values) and values[index] not in (None, ""):
            member_codes.add(str(values[index]).strip())
    members = {m.code: m for m in Member.objects.filter(code__in=member_codes, unit__path__startswith=scope_unit.path)}
    this_year = timezone.localdate().year
    result = AwardImportCheck()
    seen: dict[tuple, int] = {}
    for row_number, values in raw_rows:
        result.row_count += 1
        errors: list[RowError] = []

        def cell(column, values=values):
            index = positions.get(column)
            if index is None or index >= len(values):
                return None
            value = values[index]
            return normalize(value) if isinstance(value, str) else value

        for column in REQUIRED:
            if cell(column) in (None, ""):
                errors.append(RowError(row_number, HEADERS_VI[column], _("This field is required.")))
        member_code, unit_code = str(cell("member_code") or "").strip(), str(cell("unit_code") or "").strip()
        member = unit = None
        if member_code and unit_code:
            errors.append(RowError(row_number, HEADERS_VI["member_code"],
                                   _("Give a member code or a unit code, not both.")))
        elif member_code:
            member = members.get(member_code)
            if member is None:
                errors.append(RowError(row_number, HEADERS_VI["member_code"],
                                       _("No member with code “%(code)s” in your units.") % {"code": member_code}))
        elif unit_code:
            unit = units.get(unit_code)
            if unit is None:
                errors.append(RowError(row_number, HEADERS_VI["unit_code"],
                                       _("No unit with code “%(code)s” in your units.") % {"code": unit_code}))
        else:
            errors.append(RowError(row_number, HEADERS_VI["member_code"], _("Give a member code or a unit code.")))
        year = cell("year")
        try:
            year = int(year) if year not in (None, "") else None
        except (TypeError, ValueError):
            errors.append(RowError(row_number, HEADERS_VI["year"], _("“%(value)s” is not a year.") % {"value": year}))
            year = None
        if year is not None and not 1950 <= year <= this_year:
            errors.append(RowError(row_number, HEADERS_VI["year"], _("The year %(year)d is not plausible.") % {"year": year}))
            year = None
        decision_date = _date(cell("decision_date"), row_number, errors)
        if decision_date and decision_date > timezone.localdate():
            errors.append(RowError(row_number, HEADERS_VI["decision_date"], _("The date %(date)s is in the future.")
                                   % {"date": decision_date.strftime("%d/%m/%Y")}))
        form = None
        form_name = str(cell("form") or "")
        if form_name:
            candidates = forms.get(fold(form_name))
            if not candidates:
                errors.append(RowError(row_number, HEADERS_VI["form"], _("“%(value)s” is not a known award form.")
                                       % {"value": form_name}))
            else:
                form = _form_for(candidates, decision_date or dt.date(year or this_year, 12, 31))
                if member is not None and not form.for_individuals:
                    errors.append(RowError(row_number, HEADERS_VI["form"], _("“%(form)s” is awarded to collectives.")
                                           % {"form": form.name}))
                if unit is not None and not form.for_collectives:
                    errors.append(RowError(row_number, HEADERS_VI["form"], _("“%(form)s” is awarded to individuals.")
                                           % {"form": form.name}))
        level = form.level if form else ""
        level_text = cell("level")
        if level_text not in (None, ""):
            level = LEVELS.get(fold(str(level_text)))
            if level is None:
                errors.append(RowError(row_number, HEADERS_VI["level"], _("“%(value)s” is not a level.")
                                       % {"value": level_text}))
        if not errors:
            key = (member_code or None, unit_code or None, form.code, year)
            if key in seen:
                errors.append(RowError(row_number, HEADERS_VI["form"], _("The same award is repeated (first at row %(first)d).")
                                       % {"first": seen[key]}))
            seen[key] = row_number
        if errors:
            result.errors.extend(errors)
            continue
        result.records.append(AwardRecord(
            member=member, unit=unit, form=form, form_code=form.code, year=year, level=level or "",
            decision_ref=str(cell("decision_ref")), decision_date=decision_date, source=AwardRecord.Source.IMPORTED))
    workbook.close()
    if result.row_count == 0:
        raise ValidationError(_("The file has no data rows."))
    _existing(result, seen)
    result.errors.sort(key=lambda e: e.row)
    return result


def _existing(result: AwardImportCheck, rows: dict[tuple, int]) -> None:
    """Rows already in the history (same holder, form and year) are errors, not silent duplicates."""
    for record in list(result.records):
        holder = {"member": record.member} if record.member is not None else {"unit": record.unit}
        if AwardRecord.objects.counting().filter(form_code=record.form_code, year=record.year, **holder).exists():
            code = record.member.code if record.member is not None else record.unit.code
            row = rows[(record.member.code if record.member else None, record.unit.code if record.unit else None,
                        record.form_code, record.year)]
            result.errors.append(RowError(row, HEADERS_VI["form"], _("%(code)s already holds “%(form)s” for %(year)d.")
                                          % {"code": code, "form": record.form.name, "year": record.year}))
            result.records.remove(record)


@transaction.atomic
def apply_award_import(records: list[AwardRecord]) -> int:
    """Write checked records, all or none."""
    for record in records:
        record.save()
    return len(records)
