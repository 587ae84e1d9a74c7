"""Thông tư 07/2014/TT-BNV (29/8/2014, in force 15/10/2014), guidance on NĐ 42/2010: the 15% ceiling of
Chiến sĩ thi đua cơ sở against the holders of Lao động tiên tiến."""

from __future__ import annotations

from typing import Any

from awards.rule_texts.schema import LDTT

CSTD_CS_QUOTA: dict[str, Any] = {
    "type": "percent_of_holders",
    "form": LDTT,
    "max_percent": 15,
    "effective_from": "2014-10-15",
    # "không quá" is a ceiling, so round down; the text is silent on small units: at least one
    "rounding": "down",
    "minimum_when_eligible": 1,
    "source": "Thông tư 07/2014/TT-BNV, Điều 5: tỷ lệ 'không quá 15% tổng số cá nhân đạt danh hiệu "
    'danh hiệu "Lao động tiên tiến", "Chiến sĩ tiên tiến"\' (hiệu lực 15/10/2014)',
    "verified": True,
}
