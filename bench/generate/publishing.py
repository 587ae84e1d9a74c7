"""Articles at scale: news from the province's units, most of them published over ten years,
the rest in the editorial flow. Bodies are short sanitised HTML, as the editor saves them."""

from __future__ import annotations

import datetime as dt
import itertools
import random

from django.utils import timezone

from core.text import fold
from organisations.models import Unit
from publishing.models import Article, Category

from .documents import THEMES
from .tables import Table, indexes_dropped, next_id

TITLES = [
    "{u} tổ chức hội nghị tổng kết phong trào “{t}”",
    "{u} trao tặng Mái ấm Công đoàn cho đoàn viên khó khăn",
    "Sôi nổi hội thao chào mừng Tháng Công nhân tại {u}",
    "{u} tuyên dương điển hình “{t}”",
    "Đoàn viên {u} hưởng ứng phong trào “{t}”",
    "{u} ký kết giao ước thi đua năm {y}",
]
BODY = (
    "<p>Ngày {d}, {u} đã tổ chức hội nghị với sự tham dự của đông đảo đoàn viên, người lao động.</p>"
    "<p>Phong trào “{t}” được triển khai sâu rộng, thu hút nhiều đoàn viên tham gia, có nhiều cách làm sáng tạo, "
    "hiệu quả, góp phần hoàn thành nhiệm vụ chính trị của đơn vị.</p>"
    "<p>Dịp này, Ban Chấp hành đã khen thưởng các tập thể, cá nhân có thành tích xuất sắc.</p>"
)


def generate_articles(province: Unit, total: int, rng: random.Random, log) -> int:
    if total <= 0:
        return 0
    categories = list(Category.objects.order_by("pk").values_list("pk", flat=True))
    if not categories:
        categories = [Category.objects.create(name="Tin hoạt động", slug="tin-hoat-dong").pk]
    units = list(
        Unit.objects.in_subtree(province)
        .filter(valid_to__isnull=True)
        .order_by("pk")
        .values_list("pk", "name")
    )
    from django.contrib.auth import get_user_model

    author = get_user_model().objects.filter(username="bientap").values_list("pk", flat=True).first()
    ids = itertools.count(next_id(Article))
    statuses = ["published"] * 17 + ["draft", "submitted", "approved"]

    def rows():
        for _ in range(total):
            pk = next(ids)
            unit_id, unit_name = units[rng.randrange(len(units))]
            theme = THEMES[rng.randrange(len(THEMES))]
            year = 2016 + rng.randrange(10)
            day = dt.date(year, 1 + rng.randrange(12), 1 + rng.randrange(28))
            title = TITLES[rng.randrange(len(TITLES))].format(u=unit_name, t=theme, y=year)[:255]
            lead = f"Phong trào “{theme}” tại {unit_name} năm {year} đạt nhiều kết quả nổi bật."
            status = statuses[rng.randrange(len(statuses))]
            publish_at = (
                timezone.make_aware(dt.datetime.combine(day, dt.time(7 + rng.randrange(12))))
                if status == "published"
                else None
            )
            yield (
                pk,
                title,
                f"bai-{pk}",
                categories[rng.randrange(len(categories))],
                unit_id,
                author,
                "Ban Tuyên giáo",
                lead,
                BODY.format(d=day.strftime("%d/%m/%Y"), u=unit_name, t=theme),
                status,
                publish_at,
                fold(f"{title} {lead}")[:800],
            )

    table = Table(
        Article,
        [
            "id",
            "title",
            "slug",
            "category_id",
            "unit_id",
            "author_id",
            "byline",
            "lead",
            "body",
            "status",
            "publish_at",
            "search_text",
        ],
    )
    with indexes_dropped(Article):
        table.write(rows())
    log(f"    articles: +{table.count}")
    return table.count
