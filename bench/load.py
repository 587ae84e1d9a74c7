"""Load from a second process on loopback: Debian's wrk when installed (it costs the shared
CPU least), else a small closed-loop generator of our own (http.client in several processes).
Both report requests per second and p50/p95/p99 latency in milliseconds."""

from __future__ import annotations

import http.client
import json
import multiprocessing
import shutil
import subprocess
import time

from bench.common import BENCH, percentile

CONNECTIONS = 4  # two per gunicorn worker: each worker always has the next request waiting


def measure(
    port: int, path: str, *, cookie: str = "", seconds: float = 10, connections: int = CONNECTIONS
) -> dict:
    if shutil.which("wrk"):
        return _wrk(port, path, cookie, seconds, connections)
    return _python(port, path, cookie, seconds, connections)


def _wrk(port, path, cookie, seconds, connections) -> dict:
    command = [
        "wrk",
        "-t",
        str(min(2, connections)),
        "-c",
        str(connections),
        "-d",
        f"{max(1, int(seconds))}s",
        "--timeout",
        "30s",
        "-s",
        str(BENCH / "wrk_report.lua"),
    ]
    if cookie:
        command += ["-H", f"Cookie: {cookie}"]
    command.append(f"http://127.0.0.1:{port}{path}")
    out = subprocess.run(command, capture_output=True, text=True, timeout=seconds + 60).stdout
    line = next(line for line in reversed(out.splitlines()) if line.startswith('{"requests"'))
    data = json.loads(line)
    duration = data["duration_us"] / 1e6
    errors = sum(
        data[k] for k in ("status_errors", "connect_errors", "read_errors", "write_errors", "timeouts")
    )
    return {
        "tool": "wrk",
        "requests": data["requests"],
        "rps": data["requests"] / duration,
        "errors": errors,
        "p50_ms": data["p50_us"] / 1000,
        "p95_ms": data["p95_us"] / 1000,
        "p99_ms": data["p99_us"] / 1000,
        "max_ms": data["max_us"] / 1000,
        "seconds": duration,
    }


def _worker(args):
    port, path, cookie, deadline = args
    latencies, errors = [], 0
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    headers = {"Cookie": cookie} if cookie else {}
    while time.time() < deadline:
        started = time.perf_counter()
        try:
            connection.request("GET", path, headers=headers)
            response = connection.getresponse()
            response.read()
            if response.status >= 400:
                errors += 1
        except (OSError, http.client.HTTPException):
            errors += 1
            connection.close()
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            continue
        latencies.append(time.perf_counter() - started)
    connection.close()
    return latencies, errors


def _python(port, path, cookie, seconds, connections) -> dict:
    started = time.time()
    deadline = started + seconds
    with multiprocessing.get_context("fork").Pool(connections) as pool:
        parts = pool.map(_worker, [(port, path, cookie, deadline)] * connections)
    elapsed = time.time() - started
    latencies = [value for part, _ in parts for value in part]
    errors = sum(e for _, e in parts)
    return {
        "tool": "python",
        "requests": len(latencies),
        "rps": len(latencies) / elapsed,
        "errors": errors,
        "p50_ms": percentile(latencies, 50) * 1000,
        "p95_ms": percentile(latencies, 95) * 1000,
        "p99_ms": percentile(latencies, 99) * 1000,
        "max_ms": max(latencies, default=0) * 1000,
        "seconds": elapsed,
    }
