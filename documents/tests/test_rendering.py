"""Rendering official documents in the layout of Nghị định 30/2020/NĐ-CP.

Pure tests: no database. The seed plan (Kế hoạch 75/KH-LĐLĐ of the Cao Bằng Provincial
Labour Federation, 2015) is rendered to PDF and DOCX and read back the way a reader would:
pdftotext for the PDF, python-docx for the DOCX.
"""

import datetime
import re
import shutil
import subprocess
import time
import unicodedata
from io import BytesIO

import docx
import pytest
from docx.shared import Mm

from documents.rendering import (
    Annex,
    Certificate,
    OfficialDocument,
    Section,
    render_certificates_pdf,
    render_docx,
    render_pdf,
    render_pdf_many,
    validate_certificate_template,
    vietnamese_date_line,
)

needs_poppler = pytest.mark.skipif(
    not (shutil.which("pdftotext") and shutil.which("pdfinfo")), reason="poppler-utils not installed"
)

SUMMARY = (
    "Thực hiện Chỉ thị số 08/CT-UBND ngày 25/5/2015 của UBND tỉnh Cao Bằng\n"
    "phát động phong trào thi đua đặc biệt chào mừng Đại hội Đảng bộ các cấp,\n"
    "Đại hội Thi đua yêu nước tỉnh Cao Bằng lần thứ IV"
)
PREAMBLE = [
    (
        'Tiếp tục thực hiện Kế hoạch số 01/KH-LĐLĐ ngày 30/01/2015 của Liên đoàn Lao động (LĐLĐ) '
        'tỉnh Cao Bằng về việc thực hiện Chỉ thị 34-CT/TW ngày 07/4/2014 của Bộ Chính trị về “Tiếp '
        'tục đổi mới công tác thi đua, khen thưởng”; Thực hiện Chỉ thị số 35/CT-TTg, ngày '
        '19/12/2014 của Thủ tướng Chính phủ “Về việc đẩy mạnh phong trào thi đua yêu nước chào mừng'
        ' Đại hội Đảng các cấp tiến tới Đại hội Đảng toàn quốc lần thứ XII, Đại hội Thi đua yêu '
        'nước toàn quốc lần thứ IX và các ngày lễ lớn trong năm 2015”; Căn cứ Kế hoạch số 05/KH-TLĐ'
        ' ngày 21/01/2015 của Tổng Liên đoàn Lao động Việt Nam và Chỉ thị số 08/CT-UBND ngày '
        '25/5/2015 của UBND tỉnh Cao Bằng phát động phong trào thi đua đặc biệt chào mừng Đại hội '
        'Đảng các cấp, Đại hội Thi đua yêu nước tỉnh Cao Bằng lần thứ IV.'
    ),
    (
        'Ban Thường vụ Liên đoàn Lao động tỉnh Cao Bằng đề nghị các cấp Công đoàn trong tỉnh xây '
        'dựng kế hoạch phát động đợt thi đua đặc biệt chào mừng Đại hội Đảng các cấp, Đại hội Thi '
        'đua yêu nước tỉnh Cao Bằng lần thứ IV trong cán bộ, đoàn viên, công chức, viên chức, người'
        ' lao động với với chủ đề: “Đảng bộ, chính quyền và nhân dân tỉnh Cao Bằng ra sức thi đua, '
        'đoàn kết - sáng tạo - vượt khó, lập thành tích xuất sắc chào mừng Đại hội Đảng các cấp, '
        'Đại hội Thi đua yêu nước tỉnh Cao Bằng lần thứ IV”. Trong đó tập trung các nội dung chủ '
        'yếu sau:'
    ),
]
ITEMS = [
    Section('1.', [
        (
            'Tổ chức quán triệt, triển khai, tuyên truyền có hiệu quả nội dung Chỉ thị 35/CT-TTg của '
            'Thủ tướng Chính phủ đến toàn thể cán bộ, đoàn viên, công chức, viên chức, người lao động '
            'thông qua các cuộc họp, các buổi sinh hoạt định kỳ của cơ quan, đơn vị. Tranh thủ sự lãnh '
            'đạo, chỉ đạo của cấp ủy Đảng, phối hợp với chính quyền, đoàn thể và thủ trưởng cơ quan '
            'trong việc tham mưu triển khai các nội dung của Chỉ thị, gắn với việc thực hiện nhiệm vụ '
            'công tác năm 2015.'
        ),
    ]),
    Section('2.', [
        (
            'Tiếp tục thực hiện Kế hoạch số 01/KH-LĐLĐ ngày 30/01/2015 của LĐLĐ tỉnh Cao Bằng về việc '
            'thực hiện Chỉ thị 34-CT/TW của Bộ Chính trị về việc “Tiếp tục đổi mới công tác thi đua, '
            'khen thưởng”. Tạo sự chuyển biến mạnh mẽ về nhận thức và trách nhiệm của các cấp Công đoàn'
            ' trong tổ chức thực hiện các phong trào thi đua yêu nước và công tác khen thưởng; đưa công'
            ' tác thi đua, khen thưởng thực sự trở thành động lực to lớn thúc đẩy phong trào công nhân '
            'viên chức, lao động và hoạt động Công đoàn, góp phần tích cực thực hiện thắng lợi nhiệm vụ'
            ' phát triển kinh tế - xã hội, xây dựng và bảo vệ Tổ quốc.'
        ),
    ]),
    Section('3.', [
        (
            'Tổ chức phát động đợt thi đua đặc biệt theo hướng thiết thực, hiệu quả nhằm phát huy sức '
            'mạnh của cả hệ thống chính trị, phấn đấu hoàn thành nhiệm vụ chính trị năm 2015, kế hoạch '
            '5 năm 2011-2015 và các đề án, chương trình trọng tâm theo Nghị quyết Đại hội Đảng các cấp,'
            ' các Nghị quyết của Quốc hội, của Tỉnh ủy, HĐND và UBND tỉnh.'
        ),
        (
            'Các phong trào thi đua cần xác định rõ chủ đề, nội dung và biện pháp tổ chức thực hiện; '
            'tiêu chí đánh giá thi đua phải bám sát mục tiêu, chỉ tiêu phát triển KT- XH của tỉnh, của '
            'địa phương; gắn phong trào thi đua với đẩy mạnh “Học tập và làm theo tấm gương đạo đức Hồ '
            'Chí Minh”; chú trọng phát hiện, bồi dưỡng, tổng kết và nhân rộng các điển hình tiên tiến. '
            'Đặc biệt, các phong trào thi đua cần được phát động rộng rãi, có sức lan tỏa, tạo không '
            'khí thi đua sôi nổi, cổ vũ các tập thể, cá nhân phát huy tinh thần sáng tạo, dám nghĩ, dám'
            ' làm quyết tâm phấn đấu hoàn thành nhiệm vụ chính trị của đơn vị, địa phương.'
        ),
    ]),
    Section('4.', [
        (
            'Đề cao vai trò, trách nhiệm của các cấp ủy Đảng, chính quyền, đoàn thể và người đứng đầu '
            'trong việc tổ chức các phong trào thi đua và thực hiện chính sách, pháp luật về thi đua, '
            'khen thưởng. Nâng cao chất lượng các phong trào thi đua yêu nước, trọng tâm là phong trào '
            '“Cao Bằng chung sức xây dựng nông thôn mới”. Tiếp tục phối hợp huy động nhiều nguồn lực để'
            ' đầu tư xây dựng kết cấu hạ tầng KT-XH ở nông thôn, phấn đấu hoàn thành thắng lợi mục tiêu'
            ' xây dựng nông thôn mới giai đoạn 2011-2015, tạo tiền đề quan trọng để triển khai phong '
            'trào trong giai đoạn tiếp theo.'
        ),
    ]),
    Section('5.', [
        (
            'Tăng cường và nâng cao hiệu quả công tác tuyên truyền, nhân rộng điển hình tiên tiến qua '
            'các phong trào thi đua. Các cấp Công đoàn tích cực viết các tin, bài về người tốt, việc '
            'tốt, các mô hình, điển hình tiên tiến trên các phương tiện thông tin đại chúng hoặc trên '
            'Bản tin nội bộ, cổng thông tin điện tử của LĐLĐ tỉnh…để tuyên truyền những thành quả của '
            'các phong trào thi đua trên các lĩnh vực của đời sống, xã hội và biểu dương, nêu gương các'
            ' tập thể, cá nhân điển hình tiên tiến. Thường xuyên đánh giá, rút kinh nghiệm và đề ra '
            'nhiệm vụ, giải pháp thực hiện trong những năm tiếp theo.'
        ),
    ]),
]
RECIPIENTS = [
    '- Ban CSKT-XH và TĐKT TLĐ;',
    '- Ban Dân vận Tỉnh ủy;',
    '- Thường trực LĐLĐ tỉnh;',
    '- Ban Thi đua - Khen thưởng tỉnh;',
    '- LĐLĐ các huyện, thành phố;',
    '- CĐ ngành, CĐVC tỉnh;',
    '- CĐCS trực thuộc;',
    '- CĐ ngành TW tại địa phương;',
    '- Lưu: CS-PL, VT.',
]


def seed_plan(**changes) -> OfficialDocument:
    fields = {
        "superior_body": "TỔNG LĐLĐ VIỆT NAM",
        "issuer": "LĐLĐ TỈNH CAO BẰNG",
        "number_symbol": "75/KH-LĐLĐ",
        "place": "Cao Bằng",
        "date": datetime.date(2015, 6, 15),
        "type_name": "KẾ HOẠCH",
        "summary": SUMMARY,
        "preamble": PREAMBLE,
        "items": ITEMS,
        "closing": [],
        "recipients": RECIPIENTS,
        "signer_authority": "TM. BAN THƯỜNG VỤ",
        "signer_position": "CHỦ TỊCH",
        "signer_name": "Nguyễn Văn Minh",
        "annexes": [],
    }
    fields.update(changes)
    return OfficialDocument(**fields)
