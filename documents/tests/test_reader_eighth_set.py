"""Failure classes the reader's eighth held-out set showed (documents/tests/corpus/): a header
name broken in the middle of a compound (“ỦY BAN NHÂN” / “DÂN”), a register printed as a table
with two fields a row (“Số hiệu: | … | Loại văn bản: | … |”), and a register's heading naming its
issuer in small letters after the first word (“của Tổng liên đoàn Lao động …”) with the site's
“thuộc tính …” line under it. Each specimen is typed here in the manner of real documents,
never copied from the held-out texts."""

import datetime

import pytest

from documents.reader import read_text


@pytest.mark.parametrize(
    ("first", "second", "issuer"),
    [
        ("UỶ BAN NHÂN", "DÂN", "UỶ BAN NHÂN DÂN TỈNH HÀ NAM"),
        ("LIÊN ĐOÀN LAO", "ĐỘNG", "LIÊN ĐOÀN LAO ĐỘNG TỈNH HÀ NAM"),
    ],
)
def test_a_header_name_broken_inside_a_compound_is_one_name(first, second, issuer):
    """A narrow cell breaks “ỦY BAN NHÂN DÂN” after “NHÂN”: “DÂN” goes back to it, and the place
    under it completes the name, rather than “DÂN TỈNH HÀ NAM”."""
    result = read_text(
        f"{first}\n{second}\nTỈNH HÀ NAM\n--------\n"
        "CỘNG HÒA XÃ\nHỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
        "Số:\n215/KH-UBND\nHà Nam, ngày\n04 tháng 5 năm 2019\n"
        "KẾ HOẠCH\nTHỰC HIỆN THÁNG HÀNH ĐỘNG VỀ AN TOÀN, VỆ SINH LAO ĐỘNG NĂM 2019\n"
        "Căn cứ Chỉ thị số 29-CT/TW ngày 18/11/2013 của Ban Bí thư;\n"
        "I. MỤC ĐÍCH, YÊU CẦU\n"
    )
    assert result.issuer == issuer
    assert result.number_symbol == "215/KH-UBND"


@pytest.mark.parametrize("bar", [" | ", " "])
def test_a_register_printed_as_a_table_gives_its_fields(bar):
    """“Số hiệu: | 45/2019/QH14 | Loại văn bản: | Luật |”: a row of two label-and-value pairs,
    also when a copy loses the table's bars (“Số hiệu: 45/2019/QH14 Loại văn bản: Luật”)."""
    rows = (
        "Số hiệu: | 45/2019/QH14 | Loại văn bản: | Luật |\n"
        "Nơi ban hành: | Quốc hội | Người ký: | Nguyễn Thị Kim Ngân |\n"
        "Ngày ban hành: | 20/11/2019 | Ngày hiệu lực: | 01/01/2021 |\n"
        "Ngày công báo: | 10/12/2019 | Số công báo: | Từ số 951 đến số 952 |\n"
    )
    result = read_text(
        "Điều 3 Bộ luật Lao động 2019: Giải thích từ ngữ\n"
        + rows.replace(" | ", bar).replace(" |\n", "\n")
        + "Trong Bộ luật này, các từ ngữ dưới đây được hiểu như sau:\n"
        "1. Người lao động là người làm việc cho người sử dụng lao động theo thỏa thuận.\n"
        "2. Người sử dụng lao động là doanh nghiệp, cơ quan, tổ chức thuê mướn người lao động.\n"
    )
    assert result.number_symbol == "45/2019/QH14"
    assert result.type == "Luật"
    assert result.date == datetime.date(2019, 11, 20)
    assert result.issuer == "Quốc hội"
    assert not result.bases


def test_a_register_heading_naming_its_issuer_in_small_letters():
    """“… của Tổng liên đoàn Lao động Việt Nam về việc …”: the issuer is the whole name, not
    “Tổng”; the title is the heading's “về việc …”, without the site's “thuộc tính …” line."""
    result = read_text(
        "Quyết định 1230/QĐ-TLĐ của Tổng liên đoàn Lao động Việt Nam về việc khen thưởng "
        "phong trào thi đua năm 2020\n"
        "thuộc tính Quyết định 1230/QĐ-TLĐ\n"
        "Cơ quan ban hành: | Tổng Liên đoàn Lao động Việt Nam | Số công báo: | Đang cập nhật |\n"
        "Số hiệu: | 1230/QĐ-TLĐ | Ngày đăng công báo: | Đang cập nhật |\n"
        "Loại văn bản: | Quyết định | Người ký: | Trần Thanh Hải |\n"
        "Ngày ban hành: | 15/01/2021 | Ngày hết hiệu lực: | Đang cập nhật |\n"
    )
    assert result.issuer == "Tổng liên đoàn Lao động Việt Nam"
    assert result.title == "về việc khen thưởng phong trào thi đua năm 2020"
    assert result.number_symbol == "1230/QĐ-TLĐ"
    assert result.date == datetime.date(2021, 1, 15)


def test_a_party_number_typed_with_a_space_after_its_hyphen_cited_inside_a_citation():
    """“Chỉ thị số 22- CT/TW” cited inside a conclusion cited inside a basis is 22-CT/TW, under
    the conclusion it was cited in."""
    result = read_text(
        "ỦY BAN NHÂN DÂN TỈNH NAM ĐỊNH\n"
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Độc lập - Tự do - Hạnh phúc\n"
        "Số: 08/CT-UBND\n"
        "Nam Định, ngày 12 tháng 6 năm 2016\n"
        "CHỈ THỊ\n"
        "Về việc tăng cường quan hệ lao động hài hòa trong doanh nghiệp\n"
        "Thực hiện Nghị quyết số 97/NQ-CP ngày 26/12/2014 của Chính phủ triển khai Kết luận số "
        "96-KL/TW ngày 07/4/2014 của Ban Bí thư về tiếp tục thực hiện Chỉ thị số 22- CT/TW ngày "
        "05/6/2008 của Ban Bí thư khóa X về xây dựng quan hệ lao động hài hòa;\n"
        "1. Các sở, ngành tăng cường kiểm tra việc thực hiện pháp luật lao động.\n"
    )
    vias = {(basis.number_symbol, basis.via) for basis in result.bases}
    assert ("22-CT/TW", "96-KL/TW") in vias
