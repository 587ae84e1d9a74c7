"""Install thidua from scratch with deploy/install.sh and check it over HTTPS, as a user would.

Run as root by deploy/test-install.sh (from .ci/run, or alone) as `python3 -m deploy.check_install`
(__main__.py). The machine needs no systemd:
the install goes into a scratch directory (PREFIX) with its own ports, database, system user and
Redis key prefix; each systemd unit's ExecStart is started here as systemd would (the same
command line, User/Group, EnvironmentFile, WorkingDirectory and log file), Debian's nginx with
a self-signed certificate in front. Everything is torn down at the end, pass or fail.

Environment: THIDUA_TEST_HTTPS_PORT (8443), THIDUA_TEST_HTTP_PORT (8480), THIDUA_TEST_APP_PORT
(8109), THIDUA_TEST_REDIS_DB (9), THIDUA_TEST_KEEP=1 keeps the scratch install for a look.
Standard library only: it runs before the app's virtualenv exists.
"""

from .browser import *
from .checks import *
from .common import *
from .scratch import *
from .units import *
