"""The registry of advanced models (điển hình) lists models of the same period in Vietnamese
alphabetical order ("Đ…" after "D…", before "Z…"; tones after the base letter), on SQLite and
PostgreSQL alike."""

import datetime as dt

from publishing import services
from publishing.models import AdvancedModel

TITLES = [
    "Zalo nhóm tổ công đoàn",
    "Đường điện thắp sáng",
    "Dân vận khéo",
    "Cá sạch",
    "Ca đoàn công nhân",
    "Cà phê sáng",
]
ORDER = [
    "Ca đoàn công nhân",
    "Cà phê sáng",
    "Cá sạch",
    "Dân vận khéo",
    "Đường điện thắp sáng",
    "Zalo nhóm tổ công đoàn",
]


def _model(actor, unit, title) -> AdvancedModel:
    return services.create_model(
        actor=actor,
        unit=unit,
        title=title,
        summary="Vận động đoàn viên.",
        period_start=dt.date(2025, 3, 1),
        field_of_work="agriculture",
        found_on=dt.date(2025, 4, 1),
    )


def test_the_registry_lists_models_of_a_period_in_vietnamese_alphabetical_order(tree, officer_a, client_as):
    for title in TITLES:
        _model(officer_a, tree.grassroots_a1, title)
    page = client_as(officer_a).get("/dien-hinh/")
    assert [m.title for m in page.context["page_obj"].object_list] == ORDER


def test_a_renamed_model_takes_its_new_place(tree, officer_a):
    first = _model(officer_a, tree.grassroots_a1, "Zô ta")
    _model(officer_a, tree.grassroots_a1, "Dân vận khéo")
    first.title = "Đảm đang"
    first.save()
    assert [m.title for m in AdvancedModel.objects.order_by("sort_name")] == ["Dân vận khéo", "Đảm đang"]
