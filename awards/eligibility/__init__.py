"""The eligibility engine: for a nominee, an award form and a year, every check with its result
(passed / failed / needs a human look) and the reason in the user's language.

The rules are data (AwardForm.prerequisites, .quota); this package only knows the vocabulary of
awards/rule_texts/. History is the nominee's AwardRecords that still count (a revoked decision's awards
do not), under any rule set (matched by form code), including records imported for years before
the system; a unit's history includes the units merged into it.
"""

from awards.eligibility.context import *  # noqa: F403
from awards.eligibility.engine import *  # noqa: F403
from awards.eligibility.nominee import *  # noqa: F403
from awards.eligibility.prerequisites import *  # noqa: F403
from awards.eligibility.suggestions import *  # noqa: F403
