"""The demo data runner: each app's demo.py contributes a `load(ctx)` that builds on what
earlier apps made (settings.DEMO_LOADERS gives the order)."""

import random
from dataclasses import dataclass, field
from typing import Any

DEMO_PASSWORD = "demo12345"


@dataclass
class DemoContext:
    seed: int
    units: int
    members: int
    rng: random.Random
    out: Any  # a writer with .write(str)
    # What loaders share with later ones: "province", "districts", users by username...
    data: dict[str, Any] = field(default_factory=dict)
    logins: list[tuple[str, str, str]] = field(default_factory=list)  # (username, role label, unit)

    def log(self, message: str) -> None:
        self.out.write(message)
