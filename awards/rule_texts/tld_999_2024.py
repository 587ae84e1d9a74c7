"""Quy chế khen thưởng của tổ chức Công đoàn ban hành kèm theo Quyết định số 999/QĐ-TLĐ ngày 29/5/2024 (in
force): cited as a legal basis of the rule sets from 29/5/2024; none of its articles on criteria was read,
so its forms carry what is seeded for unread articles (tld_unread) and say so."""

from __future__ import annotations

from awards.rule_texts.schema import legal_text

TEXT = legal_text(
    "QĐ 999/QĐ-TLĐ 2024",
    "2024-05-29",
    dates_confidence="N",
    dates_source="luatvietnam.vn, thuộc tính văn bản: 'Ngày ban hành: 29/05/2024', 'Ngày hết hiệu lực: Đang "
    "cập nhật'; điều hiệu lực của Quyết định chưa đọc: giả định hiệu lực từ ngày ký.",
)
