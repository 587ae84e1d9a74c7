"""What the awards services share."""

import datetime as dt


def _d(value: dt.date) -> str:
    """A date as the messages write it (dd/mm/yyyy)."""
    return value.strftime("%d/%m/%Y")
