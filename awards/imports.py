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

from awards.models import AwardForm, AwardRecord
from core.spreadsheets import RowError, Sheet, cell, formula_errors, parse_date, without_formulas
from core.text import fold
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
HEADERS_VI = {
    "member_code": "Mã đoàn viên",
    "unit_code": "Mã đơn vị",
    "form": "Hình thức",
    "year": "Năm",
    "decision_ref": "Số quyết định",
    "decision_date": "Ngày quyết định",
    "level": "Cấp",
}
REQUIRED = ["form", "year", "decision_ref"]
LEVELS = {fold(str(label)): value for value, label in AwardForm.Level.choices} | {
    "co so": "grassroots",
    "cap co so": "grassroots",
    "tinh": "province",
    "cap tinh": "province",
    "tong lien doan": "confederation",
    "tld": "confederation",
    "chinh phu": "government",
    "nha nuoc": "state",
    "cong doan cap tren": "upper_union",
    "huyen": "upper_union",
    "cap huyen": "upper_union",
    **{value: value for value in AwardForm.Level.values},
}


@dataclass
class AwardImportCheck:
    records: list[AwardRecord] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    row_count: int = 0
    seen: dict[tuple, int] = field(default_factory=dict, repr=False)  # (holder, form, year) -> first row


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
    with Sheet(file, COLUMNS) as sheet:
        either = (
            []
            if "member_code" in sheet.positions or "unit_code" in sheet.positions
            else [f"{HEADERS_VI['member_code']} / {HEADERS_VI['unit_code']}"]
        )
        sheet.require(REQUIRED, HEADERS_VI, extra_missing=either)
        result = _check_rows(list(sheet.rows()), sheet.positions, scope_unit)
    if result.row_count == 0:
        raise ValidationError(_("The file has no data rows."))
    _existing(result, result.seen)
    result.errors.sort(key=lambda e: e.row)
    return result


def _check_rows(
    raw_rows: list[tuple[int, tuple]], positions: dict[str, int], scope_unit: Unit
) -> AwardImportCheck:
    forms = _forms_by_name()
    units = {u.code: u for u in Unit.objects.in_subtree(scope_unit)}
    member_codes: set[str] = set()
    for _row_number, values in raw_rows:
        index = positions.get("member_code")
        if index is not None and index < len(values) and values[index] not in (None, ""):
            member_codes.add(str(values[index]).strip())
    members = {
        m.code: m
        for m in Member.objects.filter(code__in=member_codes, unit__path__startswith=scope_unit.path)
    }
    this_year = timezone.localdate().year
    result = AwardImportCheck()
    seen = result.seen
    for row_number, values in raw_rows:
        result.row_count += 1
        errors: list[RowError] = []
        formulas = formula_errors(row_number, values, positions, HEADERS_VI)
        if formulas:  # reported once, then read as empty cells (not also "required")
            errors.extend(formulas.values())
            values = without_formulas(values)

        def cell_of(column, values=values):
            return cell(values, positions.get(column))

        for column in REQUIRED:
            if cell_of(column) in (None, "") and column not in formulas:
                errors.append(RowError(row_number, HEADERS_VI[column], _("This field is required.")))
        member_code, unit_code = (
            str(cell_of("member_code") or "").strip(),
            str(cell_of("unit_code") or "").strip(),
        )
        member = unit = None
        if member_code and unit_code:
            errors.append(
                RowError(
                    row_number, HEADERS_VI["member_code"], _("Give a member code or a unit code, not both.")
                )
            )
        elif member_code:
            member = members.get(member_code)
            if member is None:
                errors.append(
                    RowError(
                        row_number,
                        HEADERS_VI["member_code"],
                        _("No member with code “%(code)s” in your units.") % {"code": member_code},
                    )
                )
        elif unit_code:
            unit = units.get(unit_code)
            if unit is None:
                errors.append(
                    RowError(
                        row_number,
                        HEADERS_VI["unit_code"],
                        _("No unit with code “%(code)s” in your units.") % {"code": unit_code},
                    )
                )
        elif not formulas.keys() & {"member_code", "unit_code"}:
            errors.append(
                RowError(row_number, HEADERS_VI["member_code"], _("Give a member code or a unit code."))
            )
        year = cell_of("year")
        try:
            year = int(year) if year not in (None, "") else None
        except (TypeError, ValueError):
            errors.append(
                RowError(row_number, HEADERS_VI["year"], _("“%(value)s” is not a year.") % {"value": year})
            )
            year = None
        if year is not None and not 1950 <= year <= this_year:
            errors.append(
                RowError(
                    row_number, HEADERS_VI["year"], _("The year %(year)d is not plausible.") % {"year": year}
                )
            )
            year = None
        decision_date = parse_date(
            cell_of("decision_date"), row_number, HEADERS_VI["decision_date"], errors, earliest_year=None
        )
        form = None
        form_name = str(cell_of("form") or "")
        if form_name:
            candidates = forms.get(fold(form_name))
            if not candidates:
                errors.append(
                    RowError(
                        row_number,
                        HEADERS_VI["form"],
                        _("“%(value)s” is not a known award form.") % {"value": form_name},
                    )
                )
            else:
                form = _form_for(candidates, decision_date or dt.date(year or this_year, 12, 31))
                if member is not None and not form.for_individuals:
                    errors.append(
                        RowError(
                            row_number,
                            HEADERS_VI["form"],
                            _("“%(form)s” is awarded to collectives.") % {"form": form.name},
                        )
                    )
                if unit is not None and not form.for_collectives:
                    errors.append(
                        RowError(
                            row_number,
                            HEADERS_VI["form"],
                            _("“%(form)s” is awarded to individuals.") % {"form": form.name},
                        )
                    )
        level: str | None = form.level if form else ""
        level_text = cell_of("level")
        if level_text not in (None, ""):
            level = LEVELS.get(fold(str(level_text)))
            if level is None:
                errors.append(
                    RowError(
                        row_number,
                        HEADERS_VI["level"],
                        _("“%(value)s” is not a level.") % {"value": level_text},
                    )
                )
        if not errors:
            assert form is not None, "the form is required: an empty cell is an error above"
            key = (member_code or None, unit_code or None, form.code, year)
            if key in seen:
                errors.append(
                    RowError(
                        row_number,
                        HEADERS_VI["form"],
                        _("The same award is repeated (first at row %(first)d).") % {"first": seen[key]},
                    )
                )
            seen[key] = row_number
        if errors:
            result.errors.extend(errors)
            continue
        assert form is not None, "the form is required: an empty cell is an error above"
        result.records.append(
            AwardRecord.imported(
                form=form,
                year=year,
                member=member,
                unit=unit,
                level=level or "",
                decision_ref=str(cell_of("decision_ref")),
                decision_date=decision_date,
            )
        )
    return result


def _existing(result: AwardImportCheck, rows: dict[tuple, int]) -> None:
    """Rows already in the history (same holder, form and year) are errors, not silent duplicates."""
    for record in list(result.records):
        holder = {"member": record.member} if record.member is not None else {"unit": record.unit}
        if (
            AwardRecord.objects.counting()
            .filter(form_code=record.form_code, year=record.year, **holder)
            .exists()
        ):
            if record.member is not None:
                code = record.member.code
            else:
                assert record.unit is not None, "every row names a member or a unit (checked above)"
                code = record.unit.code
            row = rows[
                (
                    record.member.code if record.member else None,
                    record.unit.code if record.unit else None,
                    record.form_code,
                    record.year,
                )
            ]
            result.errors.append(
                RowError(
                    row,
                    HEADERS_VI["form"],
                    _("%(code)s already holds “%(form)s” for %(year)d.")
                    % {"code": code, "form": record.form.name, "year": record.year},
                )
            )
            result.records.remove(record)


@transaction.atomic
def apply_award_import(records: list[AwardRecord]) -> int:
    """Write checked records, all or none."""
    for record in records:
        record.save()
    return len(records)


def history_import_preview(checked: AwardImportCheck) -> list[dict]:
    """The first records as the status page shows them (kept on the batch by the check task)."""
    return [
        {"year": r.year, "holder": _holder_name(r), "form": r.form.name, "decision_ref": r.decision_ref}
        for r in checked.records[:20]
    ]


def _holder_name(record: AwardRecord) -> str:
    if record.member is not None:
        return record.member.full_name
    assert record.unit is not None, "a record is held by a member or a unit (a check constraint)"
    return record.unit.name
