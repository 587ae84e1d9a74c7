"""What the HTTP steps share: the demo password, the bench's own URLs, the pages to measure."""

from __future__ import annotations

import json
import subprocess

from bench.common import (
    PYTHON,
    ROOT,
    WORK,
    app_env,
)

__all__ = ["CEILING", "DEMO_PASSWORD", "LAYOUT", "discover_pages"]

DEMO_PASSWORD = "demo12345"
CEILING = "/__bench__/ceiling"
LAYOUT = "/__bench__/layout"


def discover_pages(database_url: str) -> dict:
    out = WORK / "pages.json"
    subprocess.run(
        [PYTHON, "-m", "bench.steps.pages", str(out)], check=True, cwd=ROOT, env=app_env(database_url)
    )
    return json.loads(out.read_text())
