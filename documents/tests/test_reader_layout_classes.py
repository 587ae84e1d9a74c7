"""The classes the widened layout check (tests/test_reader_layouts.py; docs/documents.md) showed:
a number typed with spaces beside a date whose day is left blank for the signing, the blank date's
place taken from the number's last letter. Each specimen is
typed here in the manner of real documents, never copied from the corpus texts."""

from documents.reader import read_text


def _plan(header: str) -> str:
    return (
        f"{header}\n"
        "KẾ HOẠCH\n"
        "Tổ chức Hội thi cán bộ nữ công giỏi năm 2021\n"
        "Thực hiện chương trình công tác năm 2021, Ban Thường vụ xây dựng kế hoạch như sau:\n"
        "1. Mục đích: động viên cán bộ nữ công học tập.\n"
        "2. Thời gian: tháng 10 năm 2021.\n"
    )


def test_a_spaced_number_beside_a_date_left_blank_keeps_its_last_letter():
    result = read_text(
        _plan(
            "HỘI LIÊN HIỆP PHỤ NỮ TỈNH NAM ĐỊNH\n"
            "BAN THƯỜNG VỤ\n"
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
            "Độc lập - Tự do - Hạnh phúc\n"
            "Số 41 /KH-BTV Nam Định, ngày tháng 9 năm 2021"
        )
    )
    assert result.number_symbol == "41/KH-BTV"

