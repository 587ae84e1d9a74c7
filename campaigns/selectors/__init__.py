"""Reads of the campaigns app that pages and the API share, grouped by concept."""

from .campaigns import *
from .progress import *
from .reach import *
from .reviews import *
from .scoring import *
