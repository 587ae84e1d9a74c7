"""The shape of the rule data (types, form codes, the one builder of a form) shared by the modules of
the legal texts. Plain data, no Django."""

from __future__ import annotations

import copy
from typing import Any, Literal, NotRequired, TypedDict, TypeVar

Kind = Literal["title", "commendation", "union", "grading"]
Recipient = Literal["individual", "collective", "both"]
Level = Literal["grassroots", "upper_union", "province", "confederation", "government", "state"]


class BaseSalaryPeriod(TypedDict):
    effective_from: str
    amount_vnd: int
    source: str
    verified: bool
    note: NotRequired[str]


class Coefficients(TypedDict):
    """Prize money as multiples of the base salary: `ci` for an individual, `cc` for a collective."""

    ci: float | None
    cc: float | None


class CappedCoefficients(Coefficients):
    cap: bool  # the coefficient is a maximum ("không quá"), not the amount


class Rounding(TypedDict):
    to: int
    mode: Literal["up", "nearest"]
    source: str
    verified: bool
    note: str


class RuleSet(TypedDict):
    code: str
    name: str
    valid_from: str
    valid_to: str | None
    legal_basis: list[str]
    rounding: Rounding
    verified: bool
    note: str


Confidence = Literal["V", "S", "N"]  # read verbatim in Vietnamese / in a secondary source / not read


class LegalText(TypedDict):
    """A legal text (a law, a decree, a regulation of the Confederation), its period in force, and where
    those dates were read and how surely (`dates_confidence`: V its own "có hiệu lực" clause or the
    replacing text's read verbatim; S a secondary source; N no source read: a date assumed or unknown)."""

    name: str
    effective_from: str | None
    effective_to: str | None  # the last day in force; None while in force
    dates_confidence: Confidence
    dates_source: str


class Citation(TypedDict):
    """Where a rule comes from, as separate fields: the text, its article, clause and point (None / ""
    where not verified), the text's period in force, and how sure the reading is."""

    legal_text: str
    article: int | None
    clause: int | None
    point: str
    effective_from: str | None
    effective_to: str | None
    confidence: Confidence


def legal_text(
    name: str,
    effective_from: str | None,
    effective_to: str | None = None,
    *,
    dates_confidence: Confidence,
    dates_source: str,
) -> LegalText:
    return {
        "name": name,
        "effective_from": effective_from,
        "effective_to": effective_to,
        "dates_confidence": dates_confidence,
        "dates_source": dates_source,
    }


def cite(
    text: LegalText,
    article: int | None = None,
    clause: int | None = None,
    point: str = "",
    *,
    confidence: Confidence,
) -> Citation:
    """The citation of a rule in `text` (an article None: its number is not verified)."""
    return {
        "legal_text": text["name"],
        "article": article,
        "clause": clause,
        "point": point,
        "effective_from": text["effective_from"],
        "effective_to": text["effective_to"],
        "confidence": "N" if article is None and confidence == "V" else confidence,
    }


def article_text(article: int | None, clause: int | None, point: str) -> str:
    """'Điều 23 khoản 1 điểm a' ('' when the article's number is not verified)."""
    if article is None:
        return ""
    parts = [f"Điều {article}"]
    if clause is not None:
        parts.append(f"khoản {clause}")
    if point:
        parts.append(f"điểm {point}")
    return " ".join(parts)


def citation_text(citation: Citation) -> str:
    """The citation as an office writes it: 'Luật …, Điều 23 khoản 1 điểm a'."""
    article = article_text(citation["article"], citation["clause"], citation["point"])
    return (
        f"{citation['legal_text']}, {article}"
        if article
        else f"{citation['legal_text']} (số điều chưa xác minh)"
    )


class AwardForm(TypedDict):
    rule_set: str
    code: str
    name: str
    kind: Kind
    recipient: Recipient
    level: Level
    decided_here: bool
    criteria_text: str
    prerequisites: list[dict[str, Any]]
    quota: dict[str, Any] | None
    vote: dict[str, Any] | None
    coefficient_individual: float | None
    coefficient_collective: float | None
    coefficient_is_cap: bool
    equivalent_to: str | None
    source: str
    verified: bool
    note: str
    citation: Citation
    money_citation: Citation | None  # where the prize money comes from; None: a form without money
    collective_money_citation: Citation | None  # the collective's amount, when another clause sets it


class Collective(TypedDict):
    """A collective nominee of a quoted case: how many active members it has and how many of them hold
    each title in the year of the case."""

    members: int
    holding: dict[str, int]


class QuotedCase(TypedDict):
    """A test case quoted from a rule's own text (``awards/tests/test_rule_texts.py`` runs each through
    the eligibility engine under every rule set named): a nominee whose history and declaration match the
    quote passes every prerequisite; with ``missing`` applied (it replaces ``history``, ``collective``
    and/or keys of ``declared``) the nominee misses the quote and a prerequisite is refused.

    ``history``: the titles and forms held, as ``(code, year)``; ``declared``: what the dossier declares
    (``task_grade``, ``initiative``, ``initiative_scope``, ``initiative_count``, ``has_evidence``);
    ``collective``: set when the nominee is a collective (its members and their titles), else a member."""

    form: str
    rule_sets: list[str]
    article: str
    quote: str
    year: int
    history: list[tuple[str, int]]
    declared: dict[str, Any]
    missing: dict[str, Any]
    collective: NotRequired[Collective]


def quoted_case(
    form: str,
    rule_sets: list[str],
    article: str,
    quote: str,
    *,
    year: int,
    declared: dict[str, Any],
    missing: dict[str, Any],
    history: list[tuple[str, int]] | None = None,
    collective: Collective | None = None,
) -> QuotedCase:
    """One quoted case (plain data): the form, the rule sets it is run under, the article and its words."""
    case: QuotedCase = {
        "form": form,
        "rule_sets": rule_sets,
        "article": article,
        "quote": quote,
        "year": year,
        "history": list(history or []),
        "declared": declared,
        "missing": missing,
    }
    if collective is not None:
        case["collective"] = collective
    return case


def of_ten_members(holding: dict[str, int] | None = None) -> Collective:
    """A collective of ten members, `holding` of them holding each title named in the case's year."""
    return {"members": 10, "holding": dict(holding or {})}


def initiative(
    scope: Literal["grassroots", "province", "national"], text: str, count: int = 1
) -> dict[str, Any]:
    """What a dossier declares for an initiative recognised at `scope`, with its evidence."""
    return {"initiative": text, "initiative_scope": scope, "initiative_count": count, "has_evidence": True}


# How sure a reading is (docs/award-rules.md, "Confidence").
CONF_S = "độ tin cậy S: đọc qua nguồn thứ cấp (bản dịch, báo, hỏi đáp), chưa đọc nguyên văn"
CONF_V = "độ tin cậy V: đọc nguyên văn tiếng Việt (văn bản trích dẫn điều khoản)"

LDTT = "lao-dong-tien-tien"
CSTD_CS = "chien-si-thi-dua-co-so"
CSTD_TINH = "chien-si-thi-dua-cap-tinh"
CSTD_TQ = "chien-si-thi-dua-toan-quoc"
TTLDTT = "tap-the-lao-dong-tien-tien"
TTLDXS = "tap-the-lao-dong-xuat-sac"
CO_TINH = "co-thi-dua-cap-tinh"
CO_CP = "co-thi-dua-chinh-phu"
GIAY_KHEN = "giay-khen"
BK_TINH = "bang-khen-cap-tinh"
BK_TTG = "bang-khen-thu-tuong"
HCLD3 = "huan-chuong-lao-dong-hang-ba"
HC_SAO_VANG = "huan-chuong-sao-vang"
CO_TLD = "co-thi-dua-tong-lien-doan"
BK_TLD = "bang-khen-tong-lien-doan"
CO_LDLD = "co-thi-dua-ldld-tinh"
BK_LDLD = "bang-khen-ldld-tinh"
GK_CD = "giay-khen-cong-doan-cap-tren"
GK_XA = "giay-khen-chu-tich-ubnd-cap-xa"
KNC_CD = "ky-niem-chuong-cong-doan"
BANG_LDST = "bang-lao-dong-sang-tao"
DV_XS = "doan-vien-cong-doan-xuat-sac"
CDCS_HTXS = "cdcs-hoan-thanh-xuat-sac-nhiem-vu"
CDCS_HTT = "cdcs-hoan-thanh-tot-nhiem-vu"
CDCS_HT = "cdcs-hoan-thanh-nhiem-vu"
CDCS_KHT = "cdcs-khong-hoan-thanh-nhiem-vu"
CDCS_VM = "cdcs-vung-manh"
CDCS_KHA = "cdcs-kha"
CDCS_TB = "cdcs-trung-binh"
CDCS_YEU = "cdcs-yeu"


def award_form(
    rule_set: str,
    code: str,
    name: str,
    kind: Kind,
    recipient: Recipient,
    level: Level,
    decided_here: bool,
    criteria_text: str,
    source: str,
    verified: bool,
    *,
    citation: Citation,
    prerequisites: list[dict[str, Any]] | None = None,
    quota: dict[str, Any] | None = None,
    vote: dict[str, Any] | None = None,
    ci: float | None = None,
    cc: float | None = None,
    cap: bool = False,
    equivalent_to: str | None = None,
    note: str = "",
    money_citation: Citation | None = None,
    collective_money_citation: Citation | None = None,
) -> AwardForm:
    """Build one award-form dict (plain data; rules shared between texts are copied, never aliased)."""
    return {
        "rule_set": rule_set,
        "code": code,
        "name": name,
        "kind": kind,
        "recipient": recipient,
        "level": level,
        "decided_here": decided_here,
        "criteria_text": criteria_text,
        "prerequisites": copy.deepcopy(prerequisites or []),
        "quota": copy.deepcopy(quota),
        "vote": vote,
        "coefficient_individual": ci,
        "coefficient_collective": cc,
        "coefficient_is_cap": cap,
        "equivalent_to": equivalent_to,
        "source": source,
        "verified": verified,
        "note": note,
        "citation": citation,
        "money_citation": money_citation,
        "collective_money_citation": collective_money_citation,
    }


T = TypeVar("T")


def per_title(
    *, ldtt: T, cstd_cs: T, cstd_tinh: T, cstd_tq: T, ttldtt: T, ttldxs: T, co_tinh: T, co_cp: T
) -> dict[str, T]:
    """One value for each of the eight emulation titles, named by keyword (a decree's table of titles)."""
    return {
        LDTT: ldtt,
        CSTD_CS: cstd_cs,
        CSTD_TINH: cstd_tinh,
        CSTD_TQ: cstd_tq,
        TTLDTT: ttldtt,
        TTLDXS: ttldxs,
        CO_TINH: co_tinh,
        CO_CP: co_cp,
    }


def title_coefficients(
    individual: tuple[float | None, float | None, float | None, float | None],
    collective: tuple[float | None, float | None, float | None, float | None],
) -> dict[str, tuple[float | None, float | None]]:
    """A decree's prize money for the titles, as multiples of the base salary: ``individual`` for Lao động
    tiên tiến, Chiến sĩ thi đua cơ sở, cấp tỉnh, toàn quốc; ``collective`` for Tập thể lao động tiên
    tiến, xuất sắc, Cờ thi đua cấp tỉnh, của Chính phủ (each as ``(individual, collective)`` by code)."""
    ldtt, cstd_cs, cstd_tinh, cstd_tq = ((ci, None) for ci in individual)
    ttldtt, ttldxs, co_tinh, co_cp = ((None, cc) for cc in collective)
    return per_title(
        ldtt=ldtt,
        cstd_cs=cstd_cs,
        cstd_tinh=cstd_tinh,
        cstd_tq=cstd_tq,
        ttldtt=ttldtt,
        ttldxs=ttldxs,
        co_tinh=co_tinh,
        co_cp=co_cp,
    )


def money(
    ci: float | None,
    cc: float | None,
    source: str,
    *,
    citation: Citation,
    verified: bool,
    note: str = "",
    collective_citation: Citation | None = None,
) -> Money:
    """A form's prize money under one decree: the individual's and the collective's coefficients (None:
    not read), its citation (the decree, article, clause, point), the quote read and what is left to
    check. ``collective_citation``: the collective's amount comes from another clause (None: the same)."""
    return {
        "ci": ci,
        "cc": cc,
        "source": source,
        "citation": citation,
        "collective_citation": collective_citation,
        "verified": verified,
        "note": note,
    }


class Money(TypedDict):
    """A form's prize money under one decree: coefficients, the article read and what is left to check."""

    ci: float | None
    cc: float | None
    source: str
    citation: Citation
    collective_citation: Citation | None
    verified: bool
    note: str
