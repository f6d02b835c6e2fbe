"""The business tests share one company: ``world``."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine

from tests.business.world import World, build_world


@pytest.fixture
def world(engine: Engine) -> World:
    return build_world(engine)
