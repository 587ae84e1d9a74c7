"""Loading the award rules from `awards/rule_texts/` (one module per legal text) into RuleSet, AwardForm and BaseSalary.

Idempotent: rule sets and forms are updated in place by code (they are configuration), base
salary rows are only ever added (an existing date keeps its amount; a different amount for an
existing date is reported, never written).
"""

import datetime as dt
import importlib
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db import transaction

from awards.models import AwardForm, BaseSalary, RuleSet

FORM_FIELDS = (
    "name",
    "kind",
    "recipient",
    "level",
    "decided_here",
    "criteria_text",
    "prerequisites",
    "quota",
    "vote",
    "coefficient_is_cap",
    "source",
    "verified",
    "note",
)


@dataclass
class LoadReport:
    rule_sets: int = 0
    forms: int = 0
    salaries_added: int = 0
    conflicts: list[str] = field(default_factory=list)


def rules_module(name: str = "awards.rule_texts"):
    return importlib.import_module(name)


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def _decimal(value) -> Decimal | None:
    return None if value is None else Decimal(str(value))


def _rounding(data: dict[str, Any] | None, default: dict[str, Any] | None) -> dict[str, Any]:
    rounding = data or default or {}
    return {
        "rounding_to": int(rounding.get("to", 1000)),
        "rounding_mode": rounding.get("mode", RuleSet.RoundingMode.UP),
        "rounding_source": rounding.get("source", ""),
    }


def _citation(citation: dict[str, Any] | None) -> dict[str, Any]:
    """The form's fields of its citation (the text, article, clause, point, period, confidence)."""
    if not citation:
        return {}
    return {
        "legal_text": citation["legal_text"],
        "article": citation["article"],
        "clause": citation["clause"],
        "point": citation["point"],
        "effective_from": _date(citation["effective_from"]),
        "effective_to": _date(citation["effective_to"]),
        "confidence": citation["confidence"],
    }


MONEY_CITATION_FIELDS = (
    "money_legal_text",
    "money_article",
    "money_clause",
    "money_point",
    "money_effective_from",
    "money_effective_to",
    "money_confidence",
    "collective_money_article",
    "collective_money_clause",
    "collective_money_point",
    "collective_money_confidence",
)


def _money_citation(citation: dict[str, Any] | None, collective: dict[str, Any] | None) -> dict[str, Any]:
    """The form's fields of its prize money's citation; the collective's clause is the individual's
    unless the data names another (a form without money: every field empty)."""
    if not citation:
        return {
            "money_legal_text": "",
            "money_article": None,
            "money_clause": None,
            "money_point": "",
            "money_effective_from": None,
            "money_effective_to": None,
            "money_confidence": "N",
            "collective_money_article": None,
            "collective_money_clause": None,
            "collective_money_point": "",
            "collective_money_confidence": "N",
        }
    collective = collective or citation
    return {
        "money_legal_text": citation["legal_text"],
        "money_article": citation["article"],
        "money_clause": citation["clause"],
        "money_point": citation["point"],
        "money_effective_from": _date(citation["effective_from"]),
        "money_effective_to": _date(citation["effective_to"]),
        "money_confidence": citation["confidence"],
        "collective_money_article": collective["article"],
        "collective_money_clause": collective["clause"],
        "collective_money_point": collective["point"],
        "collective_money_confidence": collective["confidence"],
    }


@transaction.atomic
def load_award_rules(module=None) -> LoadReport:
    data = module or rules_module()
    report = LoadReport()
    default_rounding = getattr(data, "ROUNDING", None)
    rule_sets: dict[str, RuleSet] = {}
    for spec in data.RULE_SETS:
        rule_set, _created = RuleSet.objects.update_or_create(
            code=spec["code"],
            defaults={
                "name": spec["name"],
                "valid_from": dt.date.fromisoformat(spec["valid_from"]),
                "valid_to": _date(spec.get("valid_to")),
                "legal_basis": list(spec.get("legal_basis", [])),
                "verified": bool(spec.get("verified", False)),
                "note": spec.get("note", ""),
                **_rounding(spec.get("rounding"), default_rounding),
            },
        )
        rule_sets[rule_set.code] = rule_set
        report.rule_sets += 1
    for order, spec in enumerate(data.AWARD_FORMS):
        defaults = {key: spec.get(key) for key in FORM_FIELDS if key in spec}
        defaults["prerequisites"] = defaults.get("prerequisites") or []
        defaults.update(_citation(spec.get("citation")))
        defaults.update(_money_citation(spec.get("money_citation"), spec.get("collective_money_citation")))
        defaults["coefficient_is_cap"] = bool(spec.get("coefficient_is_cap", False))
        defaults.update(
            coefficient_individual=_decimal(spec.get("coefficient_individual")),
            coefficient_collective=_decimal(spec.get("coefficient_collective")),
            equivalent_to=spec.get("equivalent_to") or "",
            sort_order=order,
            note=spec.get("note", "") or "",
            criteria_text=spec.get("criteria_text", "") or "",
            source=spec.get("source", "") or "",
        )
        entered = AwardForm.objects.filter(
            rule_set=rule_sets[spec["rule_set"]], code=spec["code"], money_entered_by__isnull=False
        ).first()
        if entered is not None:
            # an administrator entered this form's prize money from the text in hand: keep it
            for key in ("coefficient_individual", "coefficient_collective", "source", "verified") + (
                MONEY_CITATION_FIELDS
            ):
                seeded = defaults.pop(key, None)
                if (
                    key in ("coefficient_individual", "coefficient_collective")
                    and getattr(entered, key) != seeded
                ):
                    report.conflicts.append(
                        f"{spec['rule_set']} {spec['code']}: {key} entered by an administrator "
                        f"kept ({getattr(entered, key)}; the data says {seeded})"
                    )
        AwardForm.objects.update_or_create(
            rule_set=rule_sets[spec["rule_set"]], code=spec["code"], defaults=defaults
        )
        report.forms += 1
    existing = {row.effective_from: row for row in BaseSalary.objects.all()}
    for spec in data.BASE_SALARY_PERIODS:
        effective_from = dt.date.fromisoformat(spec["effective_from"])
        amount = int(spec.get("amount_vnd") or spec.get("amount"))
        row = existing.get(effective_from)
        if row is None:
            BaseSalary.objects.create(
                effective_from=effective_from,
                amount=amount,
                source=spec.get("source", ""),
                verified=bool(spec.get("verified", False)),
                note=spec.get("note", "") or "",
            )
            report.salaries_added += 1
        elif row.amount != amount:
            report.conflicts.append(
                f"{effective_from:%d/%m/%Y}: {row.amount} in the database, {amount} in the data (not changed)"
            )
    return report
