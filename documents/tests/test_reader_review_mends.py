"""The review's findings in the reader (docs/documents.md): two steps that grew faster than the
text inside the web request (a minute on a long one), a table's own label read inside a field's
value, and a joint header's partner lost when the date line abbreviates the place's level. Each
specimen is typed here in the manner of real documents."""

from documents.reader import ReaderError, read_text
from documents.reader import register as register_module
from documents.reader.header import complete_issuer
from documents.reader.issuer_in_text import issuing_note
from documents.reader.lines import Line
from documents.reader.numbers import parse_number_symbol


def test_a_register_row_followed_by_thousands_of_lines_folds_each_line_a_bounded_number_of_times(
    monkeypatch,
):
    """Each line of a register is folded a few times, however long the text: re-folding the row as
    it grew made 5,000 short lines take 18-28 s (inside the web request). Counted, not timed."""
    folded = []
    fold = register_module.fold
    monkeypatch.setattr(register_module, "fold", lambda text: folded.append(len(text)) or fold(text))
    text = "Số hiệu Số: 1/TB\n" + "".join(f"dòng thứ {n} tiếp\n" for n in range(5000))
    try:
        read_text(text)
    except ReaderError:
        pass  # the reader may find no document in it; the work it did is what is asserted
    assert sum(folded) < 20 * len(text)


def test_an_issuing_note_left_open_names_no_issuer_and_a_closed_one_after_it_does():
    """The note is looked for up to its closing bracket (found with a search, not a pattern that
    tried every "của" of the text as the split: 69 s on eight long paragraphs after an unclosed note)."""
    paragraph = "Công đoàn cơ sở tổ chức các hoạt động thi đua của   các đơn vị " * 40
    unclosed = ["QUY CHẾ THI ĐUA", "(Ban hành kèm theo Quyết định số 12/QĐ-LĐLĐ ngày 5/5/2020 của", paragraph]
    assert issuing_note([Line(text, text) for text in unclosed]) is None
    closed = [*unclosed[:2], "Liên đoàn Lao động huyện Hòa An)", paragraph]
    assert issuing_note([Line(text, text) for text in closed]) == "Liên đoàn Lao động huyện Hòa An"


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
