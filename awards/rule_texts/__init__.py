"""Seeded award rules, one module per legal text: plain data, no Django.

The modules: ``luat_2003`` and ``luat_2022`` (the Law on Emulation and Commendation: criteria),
``nd42_2010``, ``nd91_2017``, ``nd98_2023``, ``nd152_2025`` (each decree and the rule set it anchors:
period, legal bases, rounding, prize money, vote), ``tt07_2014`` (the 15% quota), the Confederation's
regulations ``tld_1564_2014``, ``tld_1689_2019``, ``tld_999_2024`` (and ``tld_unread``, what is seeded
for an article not read), ``grading`` (the grading guidance), ``base_salary`` (the base salary decrees).
``state_forms`` and ``union_forms`` put one rule set's forms together from them; ``schema`` holds the
types and the form codes. Each law or regulation module's ``QUOTED_CASES`` are test cases quoted from
the rule's own text (``awards/tests/test_rule_texts.py``). The interpreter is ``awards/eligibility/``.

What the package exports (the awards app loads it into its models; nothing here is code that
decides anything):

* ``BASE_SALARY_PERIODS`` - the base salary (*mức lương cơ sở*) with the date each amount
  took effect. Later changes are appended as new rows; old rows are never edited.
* ``RULE_SETS`` - dated sets of rules. A decision uses the rule set whose validity covers the
  decision date (*ngày ban hành quyết định*); validity periods never overlap.
* ``AWARD_FORMS`` - one dict per award form per rule set: criteria, prerequisites, quota,
  council vote, prize-money coefficients, the article each number comes from, and whether
  that number was read in a text (``verified``).
* ``ROUNDING`` - how an amount (coefficient x base salary) is rounded.

Conventions
-----------
``verified`` is True only when every number in the entry (coefficients, years, percentages,
vote thresholds) was read in a text quoting the cited article, *and* the article is cited.
Figures that could not be confirmed are seeded only when the brief's table (``docs/award-rules.md``) gives
them, with ``verified=False`` and a ``note`` saying what to check; otherwise the figure is
``None``. A value read since carries its confidence in its source ("độ tin cậy V": read verbatim in
Vietnamese; "độ tin cậy S": read in a secondary source, a translation or a news report); where the
readings conflict or nothing was found the value stays ``None``. ``docs/award-rules.md`` lists what
was read where.

Prerequisite vocabulary (all items of ``prerequisites`` must hold; ``any_of`` needs one):

* ``{"type": "title_years", "form": code, "years": N, "consecutive": True,
  "ending": "current_year" | "previous_year", "cycle_years": C}`` - held the title/form ``form``
  N consecutive times, the last in the year under review (default) or the year before it. A title
  awarded for a cycle of C years (default 1) is held "consecutive times" when each cycle begins the
  year after the one before ends: with C = 3, 2012 and 2015.
* ``{"type": "initiative", "scope": "grassroots" | "province" | "national", "count": N}`` -
  N (default 1) initiatives / research works recognised at that scope (the dossier declares how many).
* ``{"type": "share_of_members_with_title", "form": code, "min_percent": P,
  "exclusive": bool}`` - at least P % (more than P % when ``exclusive``) of the collective's
  members hold ``form`` for the year.
* ``{"type": "members_with_title", "form": code, "count": N}`` - at least N of the collective's members
  hold ``form`` for the year ("có cá nhân đạt danh hiệu ..." is N = 1).
* ``{"type": "completed_tasks", "level": "excellent" | "good", "years": N,
  "consecutive": True}`` - yearly task-completion grade at least ``level`` (for N years,
  default 1).
* ``{"type": "any_of", "items": [...]}`` - at least one of the nested items.
* ``{"type": "manual", "text": "..."}`` - checked by a person; the engine only shows it.

``quota``: ``None`` or ``{"type": "percent_of_holders", "form": code, "max_percent": P,
"effective_from": "YYYY-MM-DD", "rounding": "down" | "up", "minimum_when_eligible": N,
"source": ..., "verified": bool}`` (in force for a year that ends on or after ``effective_from``;
the limit is P % of the holders of ``form`` rounded as said, never below N when anyone holds it). ``vote``: ``None`` or ``{"threshold_percent": P,
"of": "members" | "present", "secret_ballot": bool, "source": ..., "verified": bool}``.
``citation``: where the criteria come from, field by field (``schema.Citation``: the legal text, article,
clause, point, the text's period in force, the confidence of the reading). ``coefficient_individual`` /
``coefficient_collective``: multiples of the base salary
(``None`` = no money, or not confirmed - see ``note``); ``coefficient_is_cap`` marks "không
quá" (an upper limit). ``equivalent_to`` names the state form a union form corresponds to.
"""

from __future__ import annotations

from awards.rule_texts import (
    luat_2003,
    luat_2022,
    nd42_2010,
    nd91_2017,
    nd98_2023,
    nd152_2025,
    tld_1564_2014,
    tld_1689_2019,
)
from awards.rule_texts.base_salary import BASE_SALARY_PERIODS as BASE_SALARY_PERIODS
from awards.rule_texts.grading import grading_forms
from awards.rule_texts.schema import *  # noqa: F403
from awards.rule_texts.schema import AwardForm, QuotedCase, Rounding, RuleSet
from awards.rule_texts.state_forms import state_forms
from awards.rule_texts.union_forms import union_forms

# How an amount (coefficient x base salary) is rounded where a rule set does not say otherwise.
ROUNDING: Rounding = {
    "to": 10_000,
    "mode": "up",
    "source": "Nghị định 91/2017/NĐ-CP, Điều 68 khoản 2: 'Tiền thưởng sau khi nhân với hệ số mức "
    "lương cơ sở được làm tròn số lên hàng chục ngàn đồng tiền Việt Nam.' Nghị định "
    "98/2023/NĐ-CP, Điều 53 khoản 2: 'Tiền thưởng sau khi nhân với hệ số mức lương cơ sở được làm "
    "tròn số lên hàng chục nghìn đồng tiền Việt Nam.' (bản dịch laodong.vn: 'rounded up to tens of "
    "thousands'; độ tin cậy S)",
    "verified": True,
    "note": "Làm tròn đến HÀNG CHỤC NGHÌN (10.000 đ), không phải hàng nghìn như bảng tóm tắt ban đầu (docs/award-rules.md) giả định. "
    "'làm tròn số lên' được hiểu là làm tròn lên (trần); một số bài hỏi đáp (thuvienphapluat) "
    "lại làm tròn gần nhất (223.500 -> 220.000; 1.192.000 -> 1.190.000). Chế độ để cấu hình "
    "được. Mức lương cơ sở dùng là mức 'đang có hiệu lực vào thời điểm ban hành quyết định' "
    "(NĐ 98/2023, nguyên tắc tiền thưởng).",
}

# the decrees in the order of their rule sets' periods
DECREES = (nd42_2010, nd91_2017, nd98_2023, nd152_2025)

RULE_SETS: list[RuleSet] = [decree.RULE_SET for decree in DECREES]

AWARD_FORMS: list[AwardForm] = [
    form for decree in DECREES for form in state_forms(decree) + union_forms(decree) + grading_forms(decree)
]

QUOTED_CASES: list[QuotedCase] = [
    *luat_2003.QUOTED_CASES,
    *luat_2022.QUOTED_CASES,
    *tld_1564_2014.QUOTED_CASES,
    *tld_1689_2019.QUOTED_CASES,
]
