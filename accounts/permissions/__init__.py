"""Every permission in thidua is decided here.

A user holds roles over units (`RoleAssignment`); a role over a unit covers its whole
subtree. Views, templates and the API ask these predicates and scope their querysets
with `visible_units`; objects outside the scope answer 404, so ids of other units reveal
nothing.
"""

from .awards import *
from .campaigns import *
from .documents import *
from .organisations import *
from .publishing import *
from .reports import *
from .roles import *
