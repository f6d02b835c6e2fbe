"""The same export imports again once the code that reads it has changed."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import Engine

from tradeoff.importers import registry
from tradeoff.importers.registry import IMPORTERS, run

TICKETS = "Id,Body,Date\n1,The CSV export times out,2026-03-05\n2,Refund missing,2026-03-06\n"


def test_an_upgraded_reader_reads_the_same_bytes_again(
    engine: Engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "tickets.csv"
    path.write_text(TICKETS, encoding="utf-8")
    first = run(engine, IMPORTERS["csv"], path)
    assert first.inserted == 2
    again = run(engine, IMPORTERS["csv"], path)
    assert again.already_imported
    assert again.batch_id == first.batch_id
    monkeypatch.setattr(registry, "reader_fingerprint", lambda: "an upgraded reader")
    upgraded = run(engine, IMPORTERS["csv"], path)
    assert not upgraded.already_imported
    # Read again, record by record: the same words, so nothing changed and no batch is kept.
    assert upgraded.nothing_changed
    assert upgraded.unchanged == 2
