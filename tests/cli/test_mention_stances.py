"""A mention of a competitor says where the customer stands: the tool they left for us, one
they may leave for, or neither. From the session-22 QA round, where "Before Dispatchly we
used a whiteboard" counted as a mention of the whiteboard like a rival met today.

Run as a user would: a Salesforce report export with the competitors, a help desk's CSV of
tickets, ``scan-competitors``, then ``competitor NAME`` and ``competitors`` as JSON, CSV and
text. The expected stances are written beside each ticket here, by hand."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from sqlalchemy import Engine, text

from tests.cli.helpers import imported_and_scanned, run_cli
from tradeoff.analysis.business.mention_stance import stance_of
from tradeoff.domain.enums import MentionStance

CAME, LEAVING, NAMED = MentionStance.CAME_FROM, MentionStance.LEAVING_FOR, MentionStance.NAMED

DEALS = (
    '"Opportunity Name","Opportunity ID","Account Name","Stage","Amount","Close Date",'
    '"Created Date","Loss Reason","Competitor"\r\n'
    '"Acme renewal","0065g0000000001","Acme Corp","Closed Lost","12000","3/1/2026",'
    '"1/10/2026","Went with Datadog","Datadog"\r\n'
    '"Bolt new","0065g0000000002","Bolt Inc","Closed Won","8000","3/5/2026","1/12/2026",'
    '"","Pingdom"\r\n'
)
#: (ticket id, account, text, how it names Pingdom, how it names Datadog).
TICKETS: tuple[tuple[str, str, str, MentionStance | None, MentionStance | None], ...] = (
    ("T1", "Bolt Inc", "Before Tracewell we used Pingdom and it missed two outages.", CAME, None),
    ("T2", "Acme Corp", "We switched from Pingdom last spring; SSL checks still fail.", CAME, None),
    ("T3", "Acme Corp", "If alerts stay this noisy we will move to Datadog.", None, LEAVING),
    ("T4", "Cobalt", "We are evaluating Datadog for next year, the pricing is confusing.",
     None, LEAVING),
    ("T5", "Cobalt", "Datadog shows the latency chart per region, please add it.", None, NAMED),
    ("T6", "Bolt Inc", "We are not moving to Datadog, but the webhook retries are a pain.",
     None, NAMED),
    ("T7", "Dune Ltd", "We moved from Pingdom to Datadog and now to you; ex-Datadog here.",
     CAME, LEAVING),
    ("T8", "Dune Ltd", "Compared to Pingdom your status page loads slowly.", NAMED, None),
)  # fmt: skip


@pytest.fixture
def scanned(tmp_path: Path, capsys: pytest.CaptureFixture[str], workspace_url: str) -> str:
    deals = tmp_path / "deals.csv"
    deals.write_text(DEALS, encoding="utf-8")
    tickets = tmp_path / "tickets.csv"
    with tickets.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(["Ticket ID", "Description", "Created Date", "Organization"])
        for number, (ticket, account, said, *_) in enumerate(TICKETS, 1):
            writer.writerow([ticket, said, f"2026-10-{number:02d}", account])
        # A copy of T1 in the same words, one item in every count.
        writer.writerow(["T1-copy", TICKETS[0][2], "2026-10-20", "Bolt Inc"])
    imported_and_scanned(capsys, workspace_url, deals, tickets)
    return workspace_url


def expected(column: int) -> dict[MentionStance, int]:
    # The lost deal's reason, "Went with Datadog", is a deal note: a seller's words name
    # Datadog with no stance (the deal counts the loss).
    counts = {CAME: 0, LEAVING: 0, NAMED: 1 if column == 4 else 0}
    for row in TICKETS:
        stance = row[column]
        if isinstance(stance, MentionStance):
            counts[stance] += 1
    return counts


def test_every_ticket_reads_as_written_beside_it() -> None:
    for _, _, said, *stances in TICKETS:
        for name, stance in zip(("Pingdom", "Datadog"), stances, strict=True):
            if stance is None:
                continue
            start = said.index(name)
            assert stance_of(said, start, start + len(name)) is stance, (said, name)


@pytest.mark.parametrize(("name", "column"), [("Pingdom", 3), ("Datadog", 4)])
def test_the_profile_splits_mentions_by_stance(
    capsys: pytest.CaptureFixture[str], scanned: str, engine: Engine, name: str, column: int
) -> None:
    result = run_cli(capsys, "--db", scanned, "competitor", name, "--format", "json")
    profile = json.loads(result.stdout)
    counts = expected(column)
    assert profile["mentions"] == sum(counts.values())
    assert (profile["mentions_came_from"], profile["mentions_leaving_for"]) == (
        counts[CAME],
        counts[LEAVING],
    )
    quoted = {q["quote"] if "quote" in q else q["text"]: q["stance"] for q in profile["quotes"]}
    for _, _, said, *stances in TICKETS:
        if said in quoted:
            assert quoted[said] == stances[column - 3].value  # type: ignore[union-attr]
    # The stored stances, read back with plain SQL, agree with the copy left out.
    with engine.connect() as connection:
        stored = connection.execute(
            text(
                "SELECT s.stance, count(*) FROM competitor_mention_stances s "
                "JOIN competitors c ON c.id = s.competitor_id "
                "JOIN evidence_items e ON e.id = s.evidence_id "
                "WHERE c.name = :name AND e.duplicate_of_id IS NULL GROUP BY s.stance"
            ),
            {"name": name},
        ).all()
    assert dict(stored) == {s.value: n for s, n in counts.items() if s is not NAMED and n}


def test_the_profile_text_and_the_ranking_say_the_split(
    capsys: pytest.CaptureFixture[str], scanned: str
) -> None:
    shown = run_cli(capsys, "--db", scanned, "competitor", "Pingdom").stdout
    assert "named in 4 evidence items (3 came from them)" in shown
    assert "came from them)" in shown.split("Quotes:")[1]
    ranking = run_cli(capsys, "--db", scanned, "competitors").stdout
    assert "Mentions that say more than the name: 3 came from the competitor, 3 may leave" in (
        " ".join(ranking.split())
    )
    rows = list(csv.DictReader(io.StringIO(
        run_cli(capsys, "--db", scanned, "competitors", "--format", "csv").stdout
    )))  # fmt: skip
    by_name = {r["competitor"]: r for r in rows}
    assert (
        by_name["Datadog"]["mentions_came_from"],
        by_name["Datadog"]["mentions_leaving_for"],
    ) == (
        "0",
        "3",
    )


def test_a_merge_carries_the_stances_and_a_second_scan_changes_nothing(
    capsys: pytest.CaptureFixture[str], scanned: str, engine: Engine
) -> None:
    merged = run_cli(capsys, "--db", scanned, "competitor-merge", "Pingdom", "--into", "Datadog")
    assert merged.exit_code == 0
    profile = json.loads(
        run_cli(capsys, "--db", scanned, "competitor", "Datadog", "--format", "json").stdout
    )
    # Nine items (the copy aside): the moved stances went with their mentions; T7 named
    # both and keeps Datadog's mention, "leaving for".
    figures = ("mentions", "mentions_came_from", "mentions_leaving_for")
    assert tuple(profile[f] for f in figures) == (9, 2, 3)
    assert run_cli(capsys, "--db", scanned, "scan-competitors").exit_code == 0
    # The scan reads T7 again: its first naming of the merged competitor is now "Pingdom".
    profile = json.loads(
        run_cli(capsys, "--db", scanned, "competitor", "Datadog", "--format", "json").stdout
    )
    assert tuple(profile[f] for f in figures) == (9, 3, 2)
    before = _stances(engine)
    assert run_cli(capsys, "--db", scanned, "scan-competitors").exit_code == 0
    assert _stances(engine) == before


def _stances(engine: Engine) -> list[tuple[int, int, str]]:
    with engine.connect() as connection:
        return sorted(
            tuple(r)  # type: ignore[misc]
            for r in connection.execute(
                text("SELECT evidence_id, competitor_id, stance FROM competitor_mention_stances")
            )
        )
