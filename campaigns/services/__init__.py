"""Writes of the campaigns app, one verb per use case, each in a transaction; grouped by concept."""

from .campaign import *
from .clusters import *
from .criteria import *
from .outreach import *
from .registration import *
from .reviews import *
from .scoring import *
