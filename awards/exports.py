"""Award history as an Excel workbook (columns as the import reads them, so it can go back in)."""

from core.spreadsheets import WorkbookWriter

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
                record.decision_date.strftime("%d/%m/%Y") if record.decision_date else "",
                record.amount,
                record.get_source_display(),
                record.revoked_reason or ("x" if record.revoked_at else ""),
            ],
        )
    return writer.save()


__all__ = ["history_workbook"]
