"""Writes of the publishing area, one verb per use case, each in one transaction:
articles and their editorial flow, advanced models, bulletin issues."""

from .advanced_models import *
from .articles import *
from .bulletins import *
