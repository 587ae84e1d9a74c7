"""Award history as an Excel workbook (columns as the import reads them, so it can go back in)."""

from core.spreadsheets import GROUPED, WorkbookWriter

HEADERS = [
    "Mã đoàn viên",
    "Mã đơn vị",
    "Tập thể, cá nhân",
    "Đơn vị",
    "Hình thức",
    "Năm",
    "Cấp",
    "Số quyết định",
    "Ngày quyết định",
    "Tiền thưởng (đồng)",
    "Nguồn",
    "Thu hồi",
]


# Money grouped by thousands (Excel shows "1.500.000" to a Vietnamese reader); the year stays plain.
MONEY_COLUMN = [GROUPED if header == "Tiền thưởng (đồng)" else None for header in HEADERS]


def history_workbook(records) -> bytes:
    writer = WorkbookWriter(write_only=True)
    sheet = writer.sheet("Khen thưởng")
    writer.append(sheet, HEADERS)
    for record in records:
        member, unit = record.member, record.unit
        writer.append(
            sheet,
            [
                member.code if member else "",
                unit.code if unit else "",
                record.holder_name,
                member.unit.name if member else (unit.name if unit else ""),
                record.form.name,
                record.year,
                record.get_level_display(),
                record.decision_ref,
                record.decision_date,
                record.amount,
                record.get_source_display(),
                record.revoked_reason or ("x" if record.revoked_at else ""),
            ],
            number_formats=MONEY_COLUMN,
        )
    return writer.save()


__all__ = ["history_workbook"]
