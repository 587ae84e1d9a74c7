"""The classes the twenty-third round fixed on the scored corpus (docs/documents.md): a headerless
notice whose first line is its body announcing ("<body> thông báo:") over its summary ("Về việc …"),
which the notice rule missed because that line is read as the header, not the preamble; and a
letter's place-and-date line typed with wide gaps between its figures ("Hà Nội, ngày  7   tháng  4
năm 2016"), whose gaps were taken for column breaks, so the date's pieces ran on into the V/v
summary and no date was read. Each specimen is typed here in the manner of real documents, never
copied from the corpus texts; the guards check that the rules leave ordinary documents alone."""

import datetime

from documents.reader import read_text

_ANNOUNCING_NOTICE = (
    "Sở Nội vụ tỉnh Bình Định thông báo:\n"
    "Về việc lấy ý kiến nhân dân đối với tập thể đề nghị tặng Cờ thi đua của Chính phủ\n"
    "Căn cứ Nghị định số 98/2023/NĐ-CP ngày 31/12/2023 của Chính phủ quy định chi tiết thi hành "
    "một số điều của Luật Thi đua, khen thưởng, Sở Nội vụ lấy ý kiến nhân dân đối với tập thể sau.\n"
    "Ý kiến phản hồi gửi về Ban Thi đua - Khen thưởng tỉnh trước ngày 15/10/2024.\n"
)


def test_a_headerless_notice_announcing_on_its_first_line_is_typed_and_titled():
    result = read_text(_ANNOUNCING_NOTICE)
    assert result.type == "Thông báo"
    assert result.title.startswith("Về việc lấy ý kiến nhân dân")
    assert result.issuer == "Sở Nội vụ tỉnh Bình Định"


def test_a_notice_summary_wrapped_by_a_pdf_is_read_whole():
    wrapped = _ANNOUNCING_NOTICE.replace(
        "tặng Cờ thi đua của Chính phủ\n", "tặng Cờ thi\nđua của Chính phủ\n"
    )
    result = read_text(wrapped)
    assert result.title == "Về việc lấy ý kiến nhân dân đối với tập thể đề nghị tặng Cờ thi đua của Chính phủ"


def test_a_first_line_reporting_a_notice_sent_before_makes_no_notice():
    reported = _ANNOUNCING_NOTICE.replace(
        "Sở Nội vụ tỉnh Bình Định thông báo:\n",
        "Sở Nội vụ tỉnh Bình Định thông báo tới các đơn vị lịch tiếp dân.\n",
    )
    assert read_text(reported).type != "Thông báo"


def test_a_plan_whose_preamble_mentions_a_notice_stays_a_plan():
    plan = (
        "LIÊN ĐOÀN LAO ĐỘNG TỈNH BÌNH ĐỊNH     CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Độc lập - Tự do - Hạnh phúc\n"
        "Số: 14/KH-LĐLĐ     Quy Nhơn, ngày 3 tháng 5 năm 2024\n"
        "KẾ HOẠCH\n"
        "Tổ chức Tháng Công nhân năm 2024\n"
        "Thực hiện Thông báo số 12/TB-TLĐ ngày 2/4/2024 của Tổng Liên đoàn Lao động Việt Nam, "
        "Liên đoàn Lao động tỉnh thông báo: các cấp công đoàn tổ chức Tháng Công nhân như sau:\n"
        "1. Tuyên truyền rộng rãi trong công nhân, lao động.\n"
        "2. Tổ chức thăm hỏi công nhân có hoàn cảnh khó khăn.\n"
    )
    result = read_text(plan)
    assert result.type == "Kế hoạch"
    assert result.title == "Tổ chức Tháng Công nhân năm 2024"


_GAPPED_LETTER = (
    "TỔNG LIÊN ĐOÀN LAO ĐỘNG VIỆT NAM\n"
    "CÔNG ĐOÀN NGÀNH XÂY DỰNG VIỆT NAM\n"
    "Số:  52  /CĐXD\n"
    "V/v hưởng ứng quyên góp ủng hộ đồng bào vùng lũ miền Trung\n"
    "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "Độc lập - Tự do - Hạnh phúc\n"
    "Hà Nội, ngày  12   tháng  10    năm 2020\n"
    "Kính gửi: Công đoàn các đơn vị trực thuộc\n"
    "Thực hiện chỉ đạo của Tổng Liên đoàn, Công đoàn ngành đề nghị các đơn vị quyên góp ủng hộ.\n"
)


def test_a_date_typed_with_wide_gaps_is_read_and_kept_out_of_the_summary():
    result = read_text(_GAPPED_LETTER)
    assert result.type == "Công văn"
    assert result.title == "hưởng ứng quyên góp ủng hộ đồng bào vùng lũ miền Trung"
    assert result.date == datetime.date(2020, 10, 12)


def test_a_blank_day_with_wide_gaps_is_no_date():
    # The gaps are closed only between figures: a day left blank for the signing stays blank.
    blank = _GAPPED_LETTER.replace("ngày  12   tháng  10    năm 2020", "ngày      tháng  10    năm 2020")
    assert read_text(blank).date is None
