"""Numbers as Vietnamese readers write them: 12.345 and 85,3%."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from reports.figures import DECIMAL, INT, PERCENT, TEXT


def integer(value: Any) -> str:
    if value is None or value == "":
        return "—"
    return f"{int(value):,}".replace(",", ".")


def percent(value: Any, digits: int = 1) -> str:
    """A share (0.853) as "85,3%"."""
    if value is None or value == "":
        return "—"
    return f"{float(value) * 100:.{digits}f}%".replace(".", ",")


def decimal(value: Any, digits: int = 2) -> str:
    if value is None or value == "":
        return "—"
    text = f"{float(value):,.{digits}f}"
    return text.replace(",", "\u2009").replace(".", ",").replace("\u2009", ".")


def display(value: Any, kind: str) -> str:
    if kind == TEXT:
        return "" if value is None else str(value)
    if kind == INT:
        return integer(value)
    if kind == PERCENT:
        return percent(value)
    if kind == DECIMAL:
        return decimal(value)
    if isinstance(value, (int, float, Decimal)):
        return integer(value)
    return str(value)
