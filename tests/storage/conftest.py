"""The theme-summary tests' company, shared with the breakdown tests that read it."""

from __future__ import annotations

import random

import pytest
from sqlalchemy import Engine

from tests.analysis.themed import add_tickets, intent_rows
from tests.business.world import World, build_world
from tests.storage.test_theme_summary import add_problems, tag_accounts
from tradeoff.analysis.embed.static import StaticEmbedder
from tradeoff.analysis.run import analyze
from tradeoff.storage.session import write_session


@pytest.fixture
def company(engine: Engine) -> World:
    """The business world, plus real Banking77 tickets placed by an analysis, and problems
    and opportunities over its themes (a theme with its sub-theme among them: two themes
    sharing items) and over items linked by hand."""
    world = build_world(engine)
    tag_accounts(engine)
    add_tickets(engine, intent_rows(), 10_000)
    analyze(engine, StaticEmbedder())
    with write_session(engine) as session:
        add_problems(session, random.Random(11))
    return world
