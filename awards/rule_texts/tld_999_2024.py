"""Quy chế khen thưởng của tổ chức Công đoàn ban hành kèm theo Quyết định số 999/QĐ-TLĐ ngày 29/5/2024 (in
force): cited as a legal basis of the rule sets from 29/5/2024; none of its articles on criteria was read,
so its forms carry what is seeded for unread articles (tld_unread) and say so."""

from __future__ import annotations

from typing import Any

from awards.rule_texts import tld_unread
from awards.rule_texts.schema import cite, legal_text

TEXT = legal_text("QĐ 999/QĐ-TLĐ 2024", "2024-05-29")
CONFEDERATION_BANG_KHEN_CITATION = cite(TEXT, confidence="N")
PROVINCIAL_FLAG_CITATION = cite(TEXT, confidence="N")
CREATIVE_LABOUR_CITATION = cite(TEXT, confidence="N")

PROVINCIAL_FLAG_CRITERIA = tld_unread.PROVINCIAL_FLAG_CRITERIA
PROVINCIAL_FLAG_ARTICLE = tld_unread.ARTICLE_NOT_READ
CREATIVE_LABOUR_CRITERIA = tld_unread.CREATIVE_LABOUR_CRITERIA
CREATIVE_LABOUR_ARTICLE = tld_unread.ARTICLE_NOT_READ
CREATIVE_LABOUR_VERIFIED = False
CREATIVE_LABOUR_NOTE = tld_unread.CREATIVE_LABOUR_NOTE
CONFEDERATION_BANG_KHEN_CRITERIA = tld_unread.CONFEDERATION_BANG_KHEN_CRITERIA
CONFEDERATION_BANG_KHEN_PREREQUISITES: list[dict[str, Any]] = tld_unread.CONFEDERATION_BANG_KHEN_PREREQUISITES
CONFEDERATION_BANG_KHEN_NOTE = tld_unread.CONFEDERATION_BANG_KHEN_NOTE
