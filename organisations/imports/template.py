"""The empty member workbook offered for download on a unit's import page."""

from __future__ import annotations

from django.utils.translation import gettext as _

from organisations.imports.checking import COLUMNS, HEADERS_VI, STATUS_NAMES_VI, next_codes
from organisations.models import Member, Unit

__all__ = ["template_workbook"]


def template_workbook(unit: Unit) -> bytes:
    """An empty member workbook with every column the import reads (those the import page names,
    `imports.COLUMNS`), and a sheet that says how each is filled for `unit`'s import page: the unit
    column is optional when the unit holds members itself (an empty cell puts the row there) and
    required when it does not."""
    from openpyxl.styles import Font

    from core.spreadsheets import WorkbookWriter

    columns = list(COLUMNS)
    holds_members = unit.unit_type.may_have_members
    writer = WorkbookWriter()
    sheet = writer.sheet("Đoàn viên")
    writer.append(sheet, [HEADERS_VI[c] for c in columns], font=Font(bold=True))
    for index, column in enumerate(columns, start=1):
        sheet.column_dimensions[sheet.cell(1, index).column_letter].width = (
            22 if column != "full_name" else 30
        )
    guide = writer.sheet("Hướng dẫn")
    writer.append(guide, [_("Column"), _("How to fill it")], font=Font(bold=True))
    notes = {
        "code": _("Leave empty for new members: the code %(example)s and the next ones are made.")
        % {"example": next_codes(unit, 1)[0] if holds_members else f"{unit.code}-0001"},
        "full_name": _("Required. Family, middle and given names."),
        "gender": _("Required. Nam or Nữ."),
        "birth_date": _("dd/mm/yyyy, or a date cell."),
        "ethnicity": _("Optional."),
        "position": _("Optional."),
        "category": _("Cán bộ, Công chức, Viên chức or Người lao động (the default)."),
        "unit_code": (
            _(
                "Optional: left empty, the row goes to %(unit)s; or the code of a unit below it that "
                "holds members."
            )
            if holds_members
            else _("Required: the code of a unit below %(unit)s that holds members.")
        )
        % {"unit": unit.name},
        "joined_on": _("dd/mm/yyyy, after the birth date."),
        "status": _("Optional: %(statuses)s; empty is %(active)s.")
        % {"statuses": ", ".join(STATUS_NAMES_VI.values()), "active": STATUS_NAMES_VI[Member.Status.ACTIVE]},
        "left_on": _(
            "dd/mm/yyyy, only for a member who is no longer active; not before the union membership date."
        ),
    }
    for column in columns:
        writer.append(guide, [HEADERS_VI[column], str(notes[column])])
    guide.column_dimensions["A"].width = 24
    guide.column_dimensions["B"].width = 90
    return writer.save()
