"""The review's findings in the reader (docs/documents.md): two steps that grew faster than the
text inside the web request (a minute on a long one), a table's own label read inside a field's
value, and a joint header's partner lost when the date line abbreviates the place's level. Each
specimen is typed here in the manner of real documents."""

import time

from documents.reader import ReaderError, read_text
from documents.reader.header import complete_issuer
from documents.reader.numbers import parse_number_symbol

# Seconds a long text may take (each took 14 s or more before its mend, under 1 s after).
_QUICK = 5


def _seconds_to_read(text: str) -> float:
    started = time.monotonic()
    try:
        read_text(text)
    except ReaderError:
        pass  # the reader may find no document in it; how long it takes is what is asserted
    return time.monotonic() - started


def test_a_register_row_followed_by_thousands_of_lines_in_small_letters_is_read_quickly():
    text = "Số hiệu Số: 1/TB\n" + "".join(f"dòng thứ {n} tiếp\n" for n in range(5000))
    assert _seconds_to_read(text) < _QUICK


def test_long_paragraphs_after_an_unclosed_issuing_note_are_read_quickly():
    paragraph = ("Công đoàn cơ sở tổ chức các hoạt động thi đua của   các đơn vị " * 750).strip()
    text = (
        "QUY CHẾ THI ĐUA\n(Ban hành kèm theo Quyết định số 12/QĐ-LĐLĐ ngày 5/5/2020 của\n"
        + f"{paragraph}\n" * 8
    )
    assert _seconds_to_read(text) < _QUICK


def test_a_table_label_inside_a_register_field_value_stays_in_the_value():
    result = read_text(
        "Số hiệu: 15/KH-UBND\n"
        "Cơ quan ban hành: UBND tỉnh Nam Định\n"
        "Ngày ban hành: 10/03/2021\n"
        "Trích yếu Kế hoạch tuyên truyền về mô tả công việc trong phạm vi toàn tỉnh\n"
    )
    assert result.type == "Kế hoạch"
    assert result.title == "tuyên truyền về mô tả công việc trong phạm vi toàn tỉnh"


def test_a_joint_header_is_completed_when_the_date_line_abbreviates_the_city():
    number = parse_number_symbol("02/QC-UBND-LĐLĐ")
    text = "ỦY BAN NHÂN DÂN -\nTP. Cần Thơ, ngày 5 tháng 3 năm 2020\nQUY CHẾ phối hợp\n"
    assert (
        complete_issuer("ỦY BAN NHÂN DÂN -", "TP. Cần Thơ", text, number)
        == "Ủy ban nhân dân và Liên đoàn Lao động thành phố Cần Thơ"
    )
    # the full place as before
    assert (
        complete_issuer("ỦY BAN NHÂN DÂN -", "Cần Thơ", text.replace("TP. ", ""), number)
        == "Ủy ban nhân dân và Liên đoàn Lao động tỉnh Cần Thơ"
    )
