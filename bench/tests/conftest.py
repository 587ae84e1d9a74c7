"""Fixtures of the bench's own tests that need a database."""

from __future__ import annotations

import io
import random

import pytest

from core.demo import DemoContext
from organisations.models import Unit


@pytest.fixture
def province() -> Unit:
    """The demo province, small (60 units, 300 members): what the bench's generator and steps
    start from at scale."""
    from organisations import demo

    demo.load(DemoContext(seed=2015, units=60, members=300, rng=random.Random(2015), out=io.StringIO()))
    return Unit.objects.get(code="LDLD-CB")
