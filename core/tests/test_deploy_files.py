"""The production files in deploy/ agree with the settings and with docs/operations.md.
(deploy/test-install.sh brings them up for real; this catches drift in a second.)"""

import re
from pathlib import Path

from django.conf import settings

BASE_DIR = Path(__file__).resolve().parents[2]
DEPLOY = BASE_DIR / "deploy"


def test_the_environment_template_sets_every_documented_variable():
    table = (BASE_DIR / "docs/operations.md").read_text().split("## Configuration", 1)[1].split("\n## ", 1)[0]
    documented = {
        name
        for row in table.splitlines()
        if row.startswith("| `")
        for name in re.findall(r"`([A-Z][A-Z0-9_]+)`", row.split("|")[1])
    }
    template = (DEPLOY / "thidua.env.template").read_text()
    set_there = set(re.findall(r"^([A-Z][A-Z0-9_]+)=", template, re.M))
    assert len(documented) >= 25
    assert documented - set_there == set()
    assert "CLIENT_IP_HEADER=HTTP_X_FORWARDED_FOR" in template and "THIDUA_ENV=production" in template


def test_nginx_passes_the_client_on_and_never_serves_media_from_disk():
    site = (DEPLOY / "nginx/thidua.conf").read_text()
    code = "\n".join(line.split("#", 1)[0] for line in site.splitlines())
    assert "proxy_set_header X-Forwarded-For $remote_addr;" in code  # replaced, not appended
    assert "$proxy_add_x_forwarded_for" not in code
    assert "proxy_set_header X-Forwarded-Proto $scheme;" in code
    assert not re.search(r"location\s+[^{]*/media", code)
    assert not re.search(r"location\s+[^{]*/static", code)  # static files: WhiteNoise (docs/install.md)
    assert sorted(line.strip() for line in code.splitlines() if re.match(r"\s*(root|alias)\s", line)) == [
        "alias @ERRORS_DIR@/;",
        "root @ACME_ROOT@;",
    ]


def test_nginx_accepts_more_than_the_app_so_the_app_answers_its_own_413():
    install = (DEPLOY / "install.sh").read_text()
    assert "REQUEST_MAX_MB=$(( MAX_UPLOAD_MB + 1 ))" in install
    assert "CLIENT_MAX_BODY_MB=$(( MAX_UPLOAD_MB + 5 ))" in install
    assert settings.REQUEST_MAX_MB == settings.MAX_UPLOAD_MB + 1
    assert "client_max_body_size @CLIENT_MAX_BODY_MB@m;" in (DEPLOY / "nginx/thidua.conf").read_text()
    for page in (DEPLOY / "nginx/errors").glob("*.html"):
        assert 'lang="vi"' in page.read_text()


def test_each_unit_runs_as_the_system_user_with_the_environment_file():
    for name in ["thidua-web.service", "thidua-worker.service", "thidua-backup.service"]:
        unit = (DEPLOY / "systemd" / name).read_text()
        assert (
            "User=@USER@" in unit and "EnvironmentFile=@ENV_FILE@" in unit and "ProtectSystem=strict" in unit
        )
    assert "manage.py db_worker" in (DEPLOY / "systemd/thidua-worker.service").read_text()
    assert "manage.py backup" in (DEPLOY / "systemd/thidua-backup.service").read_text()
    assert "OnCalendar=" in (DEPLOY / "systemd/thidua-backup.timer").read_text()
