"""Member import from Excel: every row is checked before anything is written, and the
import is applied in one transaction or not at all.

Built for a province's 100,000-row file: rows are streamed from the workbook, checked
against plain dicts and sets (one query for the units, one per 5,000 codes for codes already
taken), kept as small tuples, and written with COPY on PostgreSQL (executemany on SQLite),
each member with its history row."""

from .checking import *
from .template import *
from .writing import *
