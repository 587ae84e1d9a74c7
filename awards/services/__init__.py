"""Writes of the commendation area, one verb per use case, each in a transaction; one module per
concept."""

from awards.services.consultation import *  # noqa: F403
from awards.services.council import *  # noqa: F403
from awards.services.decisions import *  # noqa: F403
from awards.services.history import *  # noqa: F403
from awards.services.nominations import *  # noqa: F403
from awards.services.rules import *  # noqa: F403
from awards.services.suggestions import *  # noqa: F403
