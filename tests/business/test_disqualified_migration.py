"""Migration 0015 lets ``loss_classifications`` hold the category "disqualified": a
workspace upgraded from 0014 keeps its classifications and its data-version triggers, and
still refuses a category that does not exist."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine, text
from sqlalchemy.exc import IntegrityError

from tradeoff.storage.engine import open_engine
from tradeoff.storage.schema import upgrade

BEFORE = "0014"


def _version(engine: Engine) -> int:
    with engine.connect() as connection:
        return int(connection.execute(text("SELECT version FROM data_version")).scalar_one())


def test_an_upgraded_workspace_accepts_disqualified_and_keeps_its_rows(
    empty_database_url: str,
) -> None:
    engine = open_engine(empty_database_url)
    upgrade(engine, BEFORE)
    with engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO deals (id, source, external_id, name, outcome) VALUES "
                "(1, 'salesforce', '0061', 'Acme - duplicate', 'lost'), "
                "(2, 'salesforce', '0062', 'Acme - renewal', 'lost')"
            )
        )
        connection.execute(
            text(
                "INSERT INTO loss_classifications (deal_id, category, assigned_by, cues, "
                "classified_at) VALUES (1, 'price_budget', 'person', '[]', "
                "'2026-11-01 10:00:00')"
            )
        )
        with pytest.raises(IntegrityError), connection.begin_nested():
            connection.execute(
                text(
                    "INSERT INTO loss_classifications (deal_id, category, assigned_by, "
                    "cues, classified_at) VALUES (2, 'disqualified', 'model', '[]', "
                    "'2026-11-01 10:00:00')"
                )
            )
    upgrade(engine)
    before = _version(engine)
    with engine.begin() as connection:
        kept = connection.execute(
            text("SELECT deal_id, category, assigned_by FROM loss_classifications")
        ).all()
        assert [tuple(r) for r in kept] == [(1, "price_budget", "person")]
        connection.execute(
            text(
                "INSERT INTO loss_classifications (deal_id, category, assigned_by, cues, "
                "classified_at) VALUES (2, 'disqualified', 'model', '[\"duplicate\"]', "
                "'2026-11-01 10:00:00')"
            )
        )
    assert _version(engine) > before  # the triggers came back with the table
    with pytest.raises(IntegrityError), engine.begin() as connection:
        connection.execute(
            text("UPDATE loss_classifications SET category = 'bogus' WHERE deal_id = 1")
        )
    engine.dispose()
