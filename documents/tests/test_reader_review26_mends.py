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


_GRADED = (
    "UBND HUYỆN ĐÔNG ANH\n"
    "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO\n"
    "Đông Anh, ngày 20 tháng 5 năm 2023\n"
    "THÔNG BÁO\n"
    "Kết quả xếp loại thi đua năm học 2022-2023\n"
    "Phòng Giáo dục và Đào tạo thông báo kết quả xếp loại như sau:\n"
    "A- Xuất sắc: 5 trường\n"
    "B- Tốt: 10 trường\n"
    "I. CÁC TRƯỜNG ĐẠT XUẤT SẮC\n"
    "1. Trường Tiểu học Kim Đồng\n"
    "II. CÁC TRƯỜNG ĐẠT TỐT\n"
    "1. Trường THCS Nguyễn Du\n"
)


def test_grades_lettered_with_a_dash_one_under_the_next_are_no_parts():
    items = read_text(_GRADED).items
    assert [item.split("\n")[0] for item in items] == ["I. CÁC TRƯỜNG ĐẠT XUẤT SẮC", "II. CÁC TRƯỜNG ĐẠT TỐT"]


def test_names_lettered_with_a_dash_one_under_the_next_are_no_parts():
    names = _GRADED.replace(
        "A- Xuất sắc: 5 trường\nB- Tốt: 10 trường\n", "A- Nguyễn Văn An\nB- Trần Thị Bình\n"
    )
    assert read_text(names).items[0].startswith("I. CÁC TRƯỜNG")


def test_parts_lettered_with_a_dash_over_what_they_head_stay_parts():
    parts = _GRADED.replace("A- Xuất sắc: 5 trường\nB- Tốt: 10 trường\n", "A- \nKết quả chung:\n").replace(
        "II. CÁC TRƯỜNG ĐẠT TỐT\n", "B- Phương hướng năm học tới\nII. CÁC TRƯỜNG ĐẠT TỐT\n"
    )
    assert [item.split("\n")[0] for item in read_text(parts).items] == ["A-", "B- Phương hướng năm học tới"]


def test_a_lone_letter_with_a_dash_is_no_part():
    lone = _GRADED.replace(
        "A- Xuất sắc: 5 trường\nB- Tốt: 10 trường\n", "A- Tập thể: Trường Tiểu học Kim Đồng\n"
    )
    assert read_text(lone).items[0].startswith("I. CÁC TRƯỜNG")
