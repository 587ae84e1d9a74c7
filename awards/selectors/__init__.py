"""Reads of the commendation area that pages, the API and dashboards share, one module per
concept. Every list is scoped by the user's units and loads its relations up front, so query
counts do not grow with the data."""

from awards.selectors.consultation import *  # noqa: F403
from awards.selectors.council import *  # noqa: F403
from awards.selectors.decisions import *  # noqa: F403
from awards.selectors.duplicates import *  # noqa: F403
from awards.selectors.history import *  # noqa: F403
from awards.selectors.nominations import *  # noqa: F403
from awards.selectors.rules import *  # noqa: F403
from awards.selectors.suggestions import *  # noqa: F403
