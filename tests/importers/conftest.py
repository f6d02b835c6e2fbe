"""Fixtures every importer test shares."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine

from tests.importers.exports import make_ledgerly


@pytest.fixture
def ledgerly(engine: Engine) -> Engine:
    """A workspace that knows its company and its own email domain (ledgerly.example)."""
    make_ledgerly(engine)
    return engine
