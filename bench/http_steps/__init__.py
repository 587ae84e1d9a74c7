"""The steps that load app servers over HTTP: pages against the ceiling, the two-server check,
the mixed soak, the officers one server sustains, and the fresh dashboard at each size for the
growth line."""

from .common import *
from .mixed import *
from .officers import *
from .pages import *
from .scale_out import *
