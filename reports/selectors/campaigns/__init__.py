"""Campaigns in numbers: those of the year and in progress, then, for one campaign, the
dissemination reach, registration and scoring under each child unit, and the clusters'
rankings.

Built on the campaigns app's own roll-ups (`campaign_progress`, `reach_by_child`,
`leaderboards`): the rules of reach (capped at the people in scope), registration and ranking
live there; this package only arranges their figures and the links to the records behind them.
"""

from .common import *
from .rankings import *
from .reach import *
from .records import *
from .registration import *
from .sections import *
from .year import *
