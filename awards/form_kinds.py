"""What a form is, read from its own attributes (kind, level, name), for the rules that concern
forms as a class rather than one form: which forms rank on one ladder (the duplicate-award guard)
and which need public comment before the council (docs/award-rules.md)."""

from __future__ import annotations

from awards.models import AwardForm
from core.text import fold

__all__ = ["LEVEL_RANK", "ladder", "needs_public_comment"]


# Levels from the lowest to the highest issuer (AwardForm.Level keeps this order).
LEVEL_RANK: dict[str, int] = {level: rank for rank, level in enumerate(AwardForm.Level.values)}

# Forms given for an achievement, by the words their names start with: the same ladder at two
# levels rewards the same achievement twice (the principle "không tặng thưởng nhiều hình thức
# khen thưởng cho một thành tích"; its article is not verified, docs/award-rules.md). Titles are
# not on it: a higher title rests on the lower one by design.
_LADDERS = {
    "giay khen": "commendation",
    "bang khen": "commendation",
    "huan chuong": "commendation",
    "co thi dua": "flag",
}


def ladder(form: AwardForm) -> tuple[str, int] | None:
    """(ladder, rank) of a form given for an achievement, or None (titles, gradings, medals for
    years of service): two forms of one ladder for one holder and achievement are a duplicate."""
    if form.kind == AwardForm.Kind.GRADING:
        return None
    name = fold(form.name)
    for prefix, name_of_ladder in _LADDERS.items():
        if name.startswith(prefix):
            return name_of_ladder, LEVEL_RANK[form.level]
    return None


def needs_public_comment(form: AwardForm) -> bool:
    """Whether nominees for the form are published for public comment before the council meets.

    Nghị định 98/2023/NĐ-CP, Điều 46 khoản 2: whoever proposes a huân chương or a state honorary
    title "có trách nhiệm công khai danh sách cá nhân, tập thể trên các phương tiện truyền thông …
    ít nhất 10 ngày làm việc trước khi họp hội đồng thi đua – khen thưởng" (docs/award-rules.md).
    Orders are the state's forms of commendation named "Huân chương"; state honorary titles are
    the state's titles (Anh hùng, Nhà giáo nhân dân …)."""
    if form.level != AwardForm.Level.STATE:
        return False
    if form.kind == AwardForm.Kind.TITLE:
        return True
    return form.kind == AwardForm.Kind.COMMENDATION and fold(form.name).startswith("huan chuong")
