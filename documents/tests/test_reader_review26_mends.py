"""The review of the twenty-sixth round (docs/documents.md): where its rules reached past the texts
they were fitted to, narrowed. Each specimen is typed in the manner of real documents, never copied
from the corpus texts; each guard fails without its narrowing."""

import datetime

from documents.reader import read_text

_GUIDANCE = (
    "SỞ NỘI VỤ TỈNH BẮC GIANG\n"
    "BAN THI ĐUA - KHEN THƯỞNG\n"
    "HƯỚNG DẪN\n"
    "Thực hiện Quy chế thi đua, khen thưởng của tỉnh\n"
    "(Ban hành kèm theo Quyết định số 10/2021/QĐ-UBND ngày 12 tháng 4 năm 2021 của UBND tỉnh)\n"
    "I. QUY ĐỊNH CHUNG\n"
    "II. HỒ SƠ ĐỀ NGHỊ\n"
)


def test_a_guidance_under_the_note_of_the_regulation_it_carries_out_is_not_dated_by_it():
    # The note under "Thực hiện Quy chế …" is the regulation's; the guidance prints no day of its own.
    assert read_text(_GUIDANCE).date is None


def test_a_plan_annexed_to_another_plan_is_not_dated_by_its_note():
    plan = (
        "UBND HUYỆN TÂN PHÚ\n"
        "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO\n"
        "KẾ HOẠCH\n"
        "Tổ chức phong trào thi đua năm học 2023-2024\n"
        "(Ban hành kèm theo Kế hoạch số 120/KH-UBND ngày 05 tháng 9 năm 2023 của UBND huyện)\n"
        "I. MỤC ĐÍCH, YÊU CẦU\n"
        "II. NỘI DUNG\n"
    )
    assert read_text(plan).date is None


def test_an_untyped_form_prescribed_by_a_guidance_is_not_dated_by_it():
    form = (
        "Phụ lục\n"
        "BIỂU TỔNG HỢP KẾT QUẢ CHẤM ĐIỂM THI ĐUA\n"
        "(Ban hành kèm theo Hướng dẫn số 05/HD-TĐKT ngày 10 tháng 01 năm 2022 của Ban Thi đua)\n"
        "TT Đơn vị Điểm\n"
        "1 Trường Tiểu học Kim Đồng 95\n"
    )
    assert read_text(form).date is None


_AMENDING = (
    "UBND TỈNH QUẢNG NAM\n"
    "QUY ĐỊNH\n"
    "Sửa đổi, bổ sung một số điều của Quy định về công tác thi đua, khen thưởng (Ban hành kèm theo "
    "Quyết định số 20/2018/QĐ-UBND ngày 01 tháng 6 năm 2018 của UBND tỉnh)\n"
    "Điều 1. Sửa đổi Điều 3\n"
    "Điều 2. Hiệu lực thi hành\n"
)


def test_a_note_inside_an_amending_regulations_title_is_the_amended_ones():
    assert read_text(_AMENDING).date is None


def test_a_regulations_own_note_on_its_line_still_dates_it():
    own = _AMENDING.replace(
        "của UBND tỉnh)\n",
        "của UBND tỉnh)\n(Ban hành kèm theo Quyết định số 07/2022/QĐ-UBND ngày 09 tháng 3 năm 2022 của UBND tỉnh)\n",
    )
    assert read_text(own).date == datetime.date(2022, 3, 9)
