"""English words, Vietnamese dates and numbers: the same input and display as in Vietnamese."""

from thidua.formats.vi.formats import (  # noqa: F401  # read by Django's get_format
    DATE_INPUT_FORMATS,
    DATETIME_INPUT_FORMATS,
    DECIMAL_SEPARATOR,
    SHORT_DATE_FORMAT,
    SHORT_DATETIME_FORMAT,
    THOUSAND_SEPARATOR,
)

DATE_FORMAT = "d/m/Y"
DATETIME_FORMAT = "d/m/Y H:i"
NUMBER_GROUPING = 0  # as Vietnamese: counts are grouped by core.text.group_digits
