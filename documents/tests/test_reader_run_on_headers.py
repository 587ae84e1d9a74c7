"""Failure classes the reader's sixth held-out set showed (documents/tests/corpus/): a register
whose fields are glued on one line with its date under its label, a guidance without header that
opens with its type in a sentence-case title, a superior body and the issuer on one line in
capitals, a run-on title into a ground that lost its “cứ”, a report's lettered section after a
dash under its title, and an issuer's last word wrapped onto the next line. Each specimen is typed
here in the manner of real documents, never copied from the held-out texts."""

import datetime

from documents.reader import read_text


def test_a_register_with_fields_glued_on_one_line_and_the_date_under_its_label():
    """A legal database prints “Số hiệu:512/QĐ-UBNDNgày đăng công báo:…” on one line and the
    date on the line under “Ngày ban hành:” (after the label's explanation); its own number is
    no basis."""
    result = read_text(
        "Thuộc tính văn bản Quyết định 512/QĐ-UBND\n"
        "Quyết định 512/QĐ-UBND của Ủy ban nhân dân tỉnh Phú Yên về việc tặng Cờ thi đua năm 2020\n"
        "Cơ quan ban hành: Ủy ban nhân dân tỉnh Phú Yên\n"
        "Số hiệu:512/QĐ-UBNDNgày đăng công báo:Đang cập nhật\n"
        "Loại văn bản:Quyết địnhNgười ký:Trần Văn An\n"
        "Ngày ban hành:\nNgày ban hành là ngày, tháng, năm văn bản được ký ban hành.\n12/03/2021\n"
        "Ngày hết hiệu lực:\nĐang cập nhật\n"
    )
    assert result.number_symbol == "512/QĐ-UBND"
    assert result.type == "Quyết định"
    assert result.date == datetime.date(2021, 3, 12)
    assert result.bases == []
    assert result.title == "về việc tặng Cờ thi đua năm 2020"
