"""The worker's reused PostgreSQL workspace is as fresh as a new copy of the template.

Every PostgreSQL test trusts this: rows, ids, the data-version series and the schema of one
test must never reach the next.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import create_engine, text

from tests.pg_workspace import ReusedDatabase
from tradeoff.domain.accounts import Account
from tradeoff.domain.enums import EvidenceKind
from tradeoff.domain.evidence import EvidenceItem
from tradeoff.storage import repository
from tradeoff.storage.engine import open_engine
from tradeoff.storage.home import data_version
from tradeoff.storage.session import read_session, write_session


def _counts(url: str) -> dict[str, int]:
    engine = create_engine(url)
    with engine.connect() as connection:
        tables = connection.execute(
            text("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")
        ).scalars()
        counts = {
            table: connection.execute(text(f'SELECT count(*) FROM "{table}"')).scalar_one()  # noqa: S608
            for table in tables
        }
    engine.dispose()
    return counts


@pytest.fixture
def reused(postgres_workspace: ReusedDatabase | None) -> ReusedDatabase:
    if postgres_workspace is None:
        pytest.skip("no PostgreSQL server")
    return postgres_workspace


def test_rows_ids_and_the_data_version_series_start_again(reused: ReusedDatabase) -> None:
    url = reused.fresh()
    template_counts = _counts(url)
    engine = open_engine(url)
    with read_session(engine) as session:
        first_series = data_version(session)
    with write_session(engine) as session:
        account = repository.add(session, Account(name="Acme"))
        for number in range(3):
            repository.add(
                session,
                EvidenceItem(
                    source="zendesk",
                    external_id=f"t{number}",
                    kind=EvidenceKind.TICKET,
                    text="Exports time out every Monday",
                    created_at=datetime(2026, 3, 2, tzinfo=UTC),
                    account_id=account.id,
                ),
            )
    assert _counts(url) != template_counts
    # A connection the test left open, as a finished test's app may.
    left_open = engine.connect()
    left_open.execute(text("SELECT 1"))

    assert reused.fresh() == url
    assert _counts(url) == template_counts
    engine.dispose()
    engine = open_engine(url)
    with write_session(engine) as session:
        assert repository.add(session, Account(name="Globex")).id == 1
    with read_session(engine) as session:
        series = data_version(session)
    assert series.rsplit(".", 1)[0] != first_series.rsplit(".", 1)[0]
    engine.dispose()


def test_a_changed_schema_gets_a_new_database(reused: ReusedDatabase) -> None:
    url = reused.fresh()
    engine = create_engine(url, isolation_level="AUTOCOMMIT")
    with engine.connect() as connection:
        connection.execute(text("ALTER TABLE accounts ADD COLUMN left_behind integer"))
    engine.dispose()

    fresh = reused.fresh()
    assert fresh != url
    engine = create_engine(fresh)
    with engine.connect() as connection:
        columns = connection.execute(
            text("SELECT column_name FROM information_schema.columns WHERE table_name = 'accounts'")
        ).scalars()
        assert "left_behind" not in set(columns)
    engine.dispose()
