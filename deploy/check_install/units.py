"""systemd units, started as systemd would: ExecStart as User/Group, with the EnvironmentFile."""

import grp
import os
import pwd
import re
import shlex
import signal
import socket
import subprocess
import time
from pathlib import Path

from deploy.check_install.common import UNIT_DIR, VENV, log, processes, run

__all__ = [
    "as_app",
    "read_environment_file",
    "read_unit",
    "start_unit",
    "stop_unit",
    "unit_command",
    "wait_for_port",
]


def read_unit(name: str) -> dict[str, list[str]]:
    """The [Service] (or [Timer]) keys of a rendered unit: key -> values in order."""
    keys: dict[str, list[str]] = {}
    for line in (UNIT_DIR / name).read_text().splitlines():
        line = line.strip()
        if not line or line.startswith(("#", ";", "[")):
            continue
        key, _, value = line.partition("=")
        keys.setdefault(key.strip(), []).append(value.strip())
    return keys


def systemd_unescape(value: str) -> str:
    """What systemd does to an ExecStart before splitting it: %% -> %, $$ -> $ (no other
    specifier or variable is used in our units, which is checked)."""
    if re.search(r"%[^%]", value.replace("%%", "")) or re.search(r"\$[^$]", value.replace("$$", "")):
        raise AssertionError(f"unexpected specifier or variable in {value!r}")
    return value.replace("%%", "%").replace("$$", "$")


def read_environment_file(path: Path) -> dict[str, str]:
    env = {}
    for line in path.read_text().splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        key, _, value = line.partition("=")
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
            value = value[1:-1]
        env[key.strip()] = value
    return env


def unit_command(name: str) -> tuple[list[str], dict, dict]:
    unit = read_unit(name)
    (exec_start,) = unit["ExecStart"]
    argv = shlex.split(systemd_unescape(exec_start))
    user = pwd.getpwnam(unit["User"][0])
    group = grp.getgrnam(unit["Group"][0])
    env = {
        "PATH": "/usr/local/bin:/usr/bin:/bin",
        "LANG": "C.UTF-8",
        "HOME": user.pw_dir,
        "USER": user.pw_name,
        "LOGNAME": user.pw_name,
    }
    for env_file in unit.get("EnvironmentFile", []):
        env.update(read_environment_file(Path(env_file.lstrip("-"))))
    output = unit.get("StandardOutput", [""])[0]
    popen = dict(
        cwd=unit["WorkingDirectory"][0],
        env=env,
        start_new_session=True,
        user=user.pw_uid,
        group=group.gr_gid,
        extra_groups=[],
        umask=0o022,
    )
    return argv, popen, {"output": output.removeprefix("append:")}


def start_unit(name: str) -> subprocess.Popen:
    argv, popen, extra = unit_command(name)
    out = open(extra["output"], "ab") if extra["output"] else subprocess.DEVNULL
    process = subprocess.Popen(argv, stdout=out, stderr=subprocess.STDOUT, **popen)
    processes[name] = process
    log(f"started {name} (pid {process.pid}): {' '.join(argv)[:140]}")
    return process


def stop_unit(name: str, timeout: float = 60, signalled: bool = False) -> None:
    """KillMode=mixed: SIGTERM to the main process, then SIGKILL to the group after the timeout."""
    process = processes.pop(name, None)
    if process is None or process.poll() is not None:
        return
    if not signalled:
        process.send_signal(signal.SIGTERM)
    try:
        process.wait(timeout)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()


def wait_for_port(port: int, seconds: float = 90) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            time.sleep(0.3)
    raise AssertionError(f"nothing listens on port {port} after {seconds} s")


def as_app(*args: str, check_rc: bool = True) -> subprocess.CompletedProcess:
    """manage.py as the system user, with the environment file, as the units run it."""
    _argv, popen, _extra = unit_command("thidua-web.service")
    return run(
        [str(VENV / "bin/python"), "manage.py", *args],
        capture_output=True,
        check=check_rc,
        cwd=popen["cwd"],
        env=popen["env"],
        user=popen["user"],
        group=popen["group"],
        extra_groups=[],
    )
