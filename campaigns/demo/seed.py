"""The seed plan's campaign as data: its dates, theme, content items, criteria and clusters, and the draft built from them."""

import datetime as dt
from decimal import Decimal
from typing import Any

from django.utils import timezone

from campaigns import services
from campaigns.models import (
    Campaign,
    Cluster,
    Criterion,
    Movement,
)
from documents.models import Document
from organisations.models import Unit, UnitType

__all__ = [
    "CLUSTERS",
    "CONTENT_ITEMS",
    "CRITERIA",
    "ENDS_ON",
    "MOVEMENTS",
    "NAME",
    "PARTICIPATING_TYPES",
    "REGISTRATION_DEADLINE",
    "SLOGAN",
    "STARTS_ON",
    "THEME",
    "seed_campaign",
    "seed_criteria",
]


STARTS_ON = dt.date(2015, 6, 15)
ENDS_ON = dt.date(2015, 12, 31)
REGISTRATION_DEADLINE = dt.date(2015, 7, 15)
NAME = (
    "Đợt thi đua đặc biệt chào mừng Đại hội Đảng bộ các cấp, Đại hội Thi đua yêu nước tỉnh Cao Bằng "
    "lần thứ IV"
)
THEME = (
    "Đảng bộ, chính quyền và nhân dân tỉnh Cao Bằng ra sức thi đua, đoàn kết - sáng tạo - vượt khó, lập thành "
    "tích xuất sắc chào mừng Đại hội Đảng các cấp, Đại hội Thi đua yêu nước tỉnh Cao Bằng lần thứ IV"
)
SLOGAN = "Đoàn kết - sáng tạo - vượt khó"
CONTENT_ITEMS = [
    (
        "Quán triệt, tuyên truyền Chỉ thị 35/CT-TTg đến toàn thể cán bộ, đoàn viên, CNVCLĐ",
        "Tổ chức quán triệt, triển khai, tuyên truyền có hiệu quả nội dung Chỉ thị 35/CT-TTg của Thủ tướng Chính phủ "
        "đến toàn thể cán bộ, đoàn viên, công chức, viên chức, người lao động thông qua các cuộc họp, các buổi sinh "
        "hoạt định kỳ của cơ quan, đơn vị; gắn với việc thực hiện nhiệm vụ công tác năm 2015.",
    ),
    (
        "Tiếp tục đổi mới công tác thi đua, khen thưởng theo Kế hoạch 01/KH-LĐLĐ",
        "Tiếp tục thực hiện Kế hoạch số 01/KH-LĐLĐ ngày 30/01/2015 về thực hiện Chỉ thị 34-CT/TW của Bộ Chính trị; "
        "tạo chuyển biến mạnh mẽ về nhận thức và trách nhiệm của các cấp Công đoàn trong tổ chức các phong trào thi "
        "đua yêu nước và công tác khen thưởng.",
    ),
    (
        "Phát động đợt thi đua thiết thực; tiêu chí bám sát chỉ tiêu KT-XH; nhân rộng điển hình tiên tiến",
        "Các phong trào thi đua cần xác định rõ chủ đề, nội dung và biện pháp tổ chức thực hiện; tiêu chí đánh giá "
        "thi đua phải bám sát mục tiêu, chỉ tiêu phát triển KT-XH của tỉnh, của địa phương; gắn với “Học tập và làm "
        "theo tấm gương đạo đức Hồ Chí Minh”; chú trọng phát hiện, bồi dưỡng, tổng kết và nhân rộng các điển hình "
        "tiên tiến.",
    ),
    (
        "Trách nhiệm người đứng đầu; phong trào “Cao Bằng chung sức xây dựng nông thôn mới”",
        "Đề cao vai trò, trách nhiệm của các cấp ủy Đảng, chính quyền, đoàn thể và người đứng đầu; nâng cao chất "
        "lượng các phong trào thi đua yêu nước, trọng tâm là phong trào “Cao Bằng chung sức xây dựng nông thôn mới”.",
    ),
    (
        "Tuyên truyền điển hình tiên tiến, người tốt việc tốt; thường xuyên đánh giá, rút kinh nghiệm",
        "Các cấp Công đoàn tích cực viết các tin, bài về người tốt, việc tốt, các mô hình, điển hình tiên tiến trên "
        "các phương tiện thông tin đại chúng, Bản tin nội bộ, cổng thông tin điện tử của LĐLĐ tỉnh; thường xuyên "
        "đánh giá, rút kinh nghiệm.",
    ),
]
PARTICIPATING_TYPES = ["ldld-huyen", "cd-nganh-tinh", "cd-vien-chuc", "cd-nganh-tw", "cdcs"]
MOVEMENTS = ["hoc-tap-lam-theo-ho-chi-minh", "cao-bang-nong-thon-moi", "lao-dong-gioi-sang-tao"]
# code, name, max points, parent code, extra fields
CRITERIA: list[tuple[str, str, int, str | None, dict[str, Any]]] = [
    ("1", "Quán triệt, tuyên truyền Chỉ thị 35/CT-TTg", 25, None, {}),
    (
        "1.1",
        "Tỷ lệ cán bộ, đoàn viên, CNVCLĐ được quán triệt",
        15,
        "1",
        {"target_value": Decimal(100), "unit_of_measure": "%"},
    ),
    ("1.2", "Hình thức tuyên truyền phong phú, thiết thực", 10, "1", {"evidence_required": True}),
    ("2", "Đổi mới công tác thi đua, khen thưởng", 20, None, {}),
    ("2.1", "Xây dựng, ban hành kế hoạch phát động đúng hạn", 10, "2", {"evidence_required": True}),
    (
        "2.2",
        "Tỷ lệ đơn vị, đoàn viên đăng ký thi đua",
        10,
        "2",
        {"target_value": Decimal(100), "unit_of_measure": "%"},
    ),
    ("3", "Tổ chức phong trào gắn với chỉ tiêu phát triển KT-XH", 30, None, {}),
    ("3.1", "Hoàn thành các chỉ tiêu đăng ký", 15, "3", {}),
    (
        "3.2",
        "Điển hình tiên tiến được phát hiện, bồi dưỡng, nhân rộng",
        15,
        "3",
        {"target_value": Decimal(3), "unit_of_measure": "điển hình"},
    ),
    ("4", "Tham gia phong trào “Cao Bằng chung sức xây dựng nông thôn mới”", 10, None, {}),
    (
        "5",
        "Tin, bài về người tốt, việc tốt, điển hình tiên tiến",
        15,
        None,
        {"target_value": Decimal(10), "unit_of_measure": "tin, bài"},
    ),
    (
        "6",
        "Điểm thưởng: sáng kiến, mô hình mới được cấp trên công nhận",
        5,
        None,
        {"kind": Criterion.Kind.BONUS},
    ),
    ("7", "Điểm trừ: báo cáo chậm, vi phạm chế độ thông tin", 5, None, {"kind": Criterion.Kind.PENALTY}),
]
CLUSTERS = [
    (
        "Cụm thi đua số 1 - các LĐLĐ huyện, thành phố phía Đông",
        ["HOAAN", "TPCB", "HQUANG", "TKHANH", "HLANG"],
        Cluster.ScoringMode.PEER_MEAN,
    ),
    (
        "Cụm thi đua số 2 - các LĐLĐ huyện phía Tây",
        ["NBINH", "BLAC", "BLAM", "QHOA", "TAN"],
        Cluster.ScoringMode.REVIEWER,
    ),
]


def seed_campaign(
    *,
    actor,
    province: Unit,
    plan: Document,
    starts_on=STARTS_ON,
    ends_on=ENDS_ON,
    registration_deadline=REGISTRATION_DEADLINE,
    unit_types=None,
) -> Campaign:
    """The seed plan's campaign as a draft, ready to launch (the demo and the browser test use it)."""
    types = (
        unit_types if unit_types is not None else list(UnitType.objects.filter(code__in=PARTICIPATING_TYPES))
    )
    return services.create_campaign(
        actor=actor,
        organiser=province,
        name=NAME,
        theme=THEME,
        slogan=SLOGAN,
        kind=Campaign.Kind.SPECIAL,
        starts_on=starts_on,
        ends_on=ends_on,
        registration_deadline=registration_deadline,
        included_unit_types=types,
        launching_document=plan,
        movements=list(Movement.objects.filter(code__in=MOVEMENTS)),
        content_items=CONTENT_ITEMS,
    )


def seed_criteria(*, actor, campaign: Campaign, template_actor=None):
    """The criteria as a shared template, copied into the campaign (template_actor: an administrator)."""
    template_actor = template_actor or actor
    template = services.create_criteria_set(
        actor=template_actor, name="Mẫu tiêu chí chấm điểm đợt thi đua chuyên đề"
    )
    created: dict[str, Criterion] = {}
    for order, (code, name, max_points, parent, extra) in enumerate(CRITERIA, start=1):
        created[code] = services.add_criterion(
            actor=template_actor,
            criteria_set=template,
            code=code,
            name=name,
            max_points=Decimal(max_points),
            parent=created.get(parent) if parent else None,
            order=order,
            **extra,
        )
    return services.copy_criteria_template(actor=actor, template=template, campaign=campaign)


def _at(day: dt.date, hour: int = 9, minute: int = 0):
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour, minute)))


def _day(rng, start: dt.date, spread: int) -> dt.date:
    return start + dt.timedelta(days=rng.randint(0, spread))
