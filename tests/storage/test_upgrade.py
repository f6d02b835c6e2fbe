"""An older workspace, with data, is refused until upgraded, and upgrading keeps its data."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

import pytest
from sqlalchemy import inspect

from tests.cli.helpers import run_cli
from tradeoff.domain.accounts import Account
from tradeoff.domain.enums import AccountLifecycle, EvidenceKind
from tradeoff.domain.evidence import EvidenceItem
from tradeoff.errors import SchemaError
from tradeoff.storage import repository
from tradeoff.storage.engine import open_engine
from tradeoff.storage.schema import ensure_current, head_revision, upgrade
from tradeoff.storage.session import read_session, write_session

FIRST_RELEASE = "0001"


def test_a_first_release_workspace_is_upgraded_with_its_data(
    capsys: pytest.CaptureFixture[str], empty_database_url: str
) -> None:
    assert head_revision() != FIRST_RELEASE
    engine = open_engine(empty_database_url)
    upgrade(engine, FIRST_RELEASE)
    with write_session(engine) as session:
        account = repository.add(
            session,
            Account(
                name="Kestrel Logistics Ltd",
                arr=Decimal("66900.00"),
                currency="GBP",
                lifecycle=AccountLifecycle.CUSTOMER,
            ),
        )
        repository.add(
            session,
            EvidenceItem(
                source="zendesk",
                external_id="10001",
                kind=EvidenceKind.TICKET,
                text="Card declined at the fuel pump, again",
                created_at=datetime(2026, 5, 1, 9, 30, tzinfo=UTC),
                account_id=account.id,
            ),
        )
    with pytest.raises(SchemaError, match="older schema"):
        ensure_current(engine)
    refused = run_cli(capsys, "--db", empty_database_url, "status")
    assert refused.exit_code == 1
    assert "run 'tradeoff db upgrade'" in refused.stderr

    upgraded = run_cli(capsys, "--db", empty_database_url, "db", "upgrade")
    assert upgraded.exit_code == 0, upgraded.stderr
    assert f"from schema {FIRST_RELEASE} to {head_revision()}" in upgraded.stdout
    ensure_current(engine)
    assert "embeddings" in inspect(engine).get_table_names()
    with read_session(engine) as session:
        (kept,) = repository.list_all(session, Account)
        (item,) = repository.list_all(session, EvidenceItem)
    assert (kept.name, kept.arr, kept.currency) == (
        "Kestrel Logistics Ltd",
        Decimal("66900.00"),
        "GBP",
    )
    assert (item.text, item.account_id) == ("Card declined at the fuel pump, again", kept.id)
    engine.dispose()
