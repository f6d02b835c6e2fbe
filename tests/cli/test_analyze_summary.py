"""What ``tradeoff analyze`` says after filing new evidence: the workspace's own counts.

A workspace of card-arrival and pending-transfer tickets is analysed; then a topic it has
never seen arrives (passcode resets), with a copy of one of its tickets. Filing never makes
a theme, so the new topic stays unsorted: the summary must count it as every other surface
does (copies too) and tell the PM that a rebuild would look for a theme there.
"""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime

import pytest
from sqlalchemy import Engine, func, select

from tests.analysis.themed import add_tickets, intent_rows
from tests.cli.helpers import run_cli
from tradeoff.analysis.embed.static import StaticEmbedder
from tradeoff.analysis.run import analyze
from tradeoff.domain.enums import EvidenceKind
from tradeoff.domain.evidence import EvidenceItem
from tradeoff.storage import repository
from tradeoff.storage.session import read_session, write_session
from tradeoff.storage.tables import EvidenceItemRow


def test_a_new_topic_left_unsorted_is_counted_and_pointed_out(
    capsys: pytest.CaptureFixture[str], workspace_url: str, engine: Engine
) -> None:
    add_tickets(engine, intent_rows(("card_arrival", "pending_transfer")), 0)
    analyze(engine, StaticEmbedder())
    before = run_cli(capsys, "--db", workspace_url, "evidence", "--unsorted", "--format", "jsonl")
    retried = {json.loads(line)["id"] for line in before.stdout.splitlines()}
    new = add_tickets(engine, intent_rows(("passcode_forgotten",)), 1000)
    first = min(new)
    with write_session(engine) as session:
        original = session.get(EvidenceItemRow, first)
        assert original is not None
        repository.add(
            session,
            EvidenceItem(
                source="chat",
                external_id="copy",
                kind=EvidenceKind.CHAT,
                text=original.text,
                created_at=datetime(2026, 3, 2, tzinfo=UTC),
                duplicate_of_id=first,
            ),
        )
    result = run_cli(capsys, "--db", workspace_url, "analyze")
    assert result.exit_code == 0, result.stderr
    listed = run_cli(capsys, "--db", workspace_url, "evidence", "--unsorted", "--format", "jsonl")
    unsorted = [json.loads(line) for line in listed.stdout.splitlines()]
    with read_session(engine) as session:
        items = session.scalar(select(func.count()).select_from(EvidenceItemRow)) or 0
    said = re.search(r"(\d[\d,]*) evidence items: .*, (\d[\d,]*) unsorted\.", result.stdout)
    assert said is not None, result.stdout
    assert (int(said[1].replace(",", "")), int(said[2].replace(",", ""))) == (items, len(unsorted))
    left = re.search(
        r"(\d+) of the (\d+) items fit no theme, and unsorted is now ([\d.]+)%", result.stdout
    )
    assert left is not None, result.stdout
    # Items unsorted before are tried again; a copy goes with its original, never on its own.
    assert int(left[2]) == len(new) + len(retried)
    assert int(left[1]) == sum(1 for u in unsorted if u["id"] in new or u["id"] in retried)
    assert float(left[3]) == pytest.approx(100 * len(unsorted) / items, abs=0.05)
    assert len(unsorted) > 0.05 * items
    assert "tradeoff analyze --rebuild finds themes among them" in " ".join(result.stdout.split())
    themes = run_cli(capsys, "--db", workspace_url, "themes").stdout
    assert f"{len(unsorted)} items are unsorted" in themes


def test_no_pointer_when_new_evidence_finds_its_themes(
    capsys: pytest.CaptureFixture[str], workspace_url: str, engine: Engine
) -> None:
    rows = intent_rows(("card_arrival", "pending_transfer"))
    add_tickets(engine, rows[::2], 0)
    analyze(engine, StaticEmbedder())
    add_tickets(engine, rows[1::2], 1000)
    result = run_cli(capsys, "--db", workspace_url, "analyze")
    assert result.exit_code == 0, result.stderr
    assert "fit no theme" not in result.stdout
