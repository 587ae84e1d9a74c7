"""Reads of the reports area: the dashboard's roll-ups by area, the records behind each figure."""

from .common import *
from .dashboard import *
from .records import *
