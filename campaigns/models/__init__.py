"""Campaign models, one module per concept: the campaign itself, its criteria, registration,
dissemination, scoring, clusters and periodic reviews."""

from .campaign import *
from .clusters import *
from .criteria import *
from .outreach import *
from .registration import *
from .reviews import *
from .scoring import *
