"""The deploy test from start to end: python3 -m deploy.check_install (deploy/test-install.sh)."""

import os
import pwd
import signal
import sys
import time
import urllib.parse

from deploy.check_install.browser import Browser, logged_in
from deploy.check_install.checks import (
    check_backup_unit,
    check_body_limits,
    check_deploy_checks,
    check_import_through_the_worker,
    check_logrotate,
    check_media_goes_to_the_app,
    check_redirect_and_headers,
    check_roles,
    check_static,
    check_throttle_sees_the_client,
    check_upload_download,
)
from deploy.check_install.common import APP_PORT, APP_USER, PREFIX, RUN, START, check, log, passed, run
from deploy.check_install.scratch import (
    ensure_services,
    install,
    make_certificate,
    show_logs,
    start_nginx,
    teardown,
    verify_units,
)
from deploy.check_install.units import start_unit, stop_unit, wait_for_port


def main() -> int:
    if os.geteuid() != 0:
        print(
            "deploy/test-install.sh runs as root (it creates a system user and starts nginx)", file=sys.stderr
        )
        return 2
    os.chmod(PREFIX, 0o755)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    try:
        ensure_services()
        make_certificate()
        install(first=True)
        verify_units()
        check_deploy_checks()
        # a demo province to log into (a real one starts with create_first_admin: docs/install.md)
        log("load_demo (a small province: units, users, documents) through sudo thidua-manage")
        demo = run(
            [
                str(PREFIX / "usr/local/bin/thidua-manage"),
                "load_demo",
                "--units",
                "8",
                "--members",
                "60",
                "--only",
                "organisations.demo",
                "accounts.demo",
                "documents.demo",
            ],
            capture_output=True,
            check=False,
        )
        check("thidua-manage load_demo", demo.returncode == 0, demo.stdout[-500:] + demo.stderr[-1500:])
        whoami = run(
            [
                str(PREFIX / "usr/local/bin/thidua-manage"),
                "shell",
                "-c",
                "import os; from django.conf import settings; print(os.getuid(), settings.MEDIA_ROOT)",
            ],
            capture_output=True,
        ).stdout.split()
        check(
            "thidua-manage runs manage.py as the system user, with the environment file",
            whoami[-2:] == [str(pwd.getpwnam(APP_USER).pw_uid), str(PREFIX / "var/lib/thidua/media")],
            whoami,
        )
        start_unit("thidua-web.service")
        start_unit("thidua-worker.service")
        wait_for_port(APP_PORT)
        start_nginx()
        check_redirect_and_headers()
        pages = check_roles()
        check_static(pages, Browser())
        admin = Browser()
        check("admin logs in again", logged_in(admin.log_in("admin")))
        check_upload_download(admin)
        check_media_goes_to_the_app(admin)
        officer = Browser()
        check("an officer logs in", logged_in(officer.log_in("canbo.cdcs")))
        check_import_through_the_worker(officer)
        check_body_limits(officer)
        check_throttle_sees_the_client()
        check_backup_unit()
        check_logrotate()
        # the same command again is an upgrade: nothing lost, the restarted app serves the same data
        install(first=False)
        stop_unit("thidua-web.service")
        start_unit("thidua-web.service")
        wait_for_port(APP_PORT)
        again = Browser()
        check(
            "after the upgrade and a restart, the officer logs in again",
            logged_in(again.log_in("canbo.cdcs")),
        )
        members = again.get(f"/to-chuc/doan-vien/?q={urllib.parse.quote('Triển Khai')}")
        check("... and the imported member is still there", f"Hoàng Thị Triển Khai {RUN}" in members.text)
    except BaseException as error:
        print(f"\nFAILED: {error}", file=sys.stderr)
        show_logs()
        teardown()
        log(f"deploy test FAILED after {len(passed)} checks, in {time.monotonic() - START:.0f} s")
        return 1
    teardown()
    log(f"deploy test passed: {len(passed)} checks in {time.monotonic() - START:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
