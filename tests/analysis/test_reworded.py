"""Items whose words a re-import changed are placed again by their new words, as new items.

A help desk re-exports a ticket after the customer added to it; the importer updates the
item under the same external id. The next incremental ``analyze`` must file it where its
new words belong (where the same words arriving alone land), leave an item a person moved
where they put it, and move nothing whose words did not change.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pytest
from sqlalchemy import Engine, text

from tests.analysis.themed import active, intent_rows, placements
from tradeoff.analysis.edits import move_evidence
from tradeoff.analysis.embed.static import StaticEmbedder
from tradeoff.analysis.run import AnalysisReport, analyze
from tradeoff.importers.batch import ImportReport
from tradeoff.importers.jsonl import JsonLinesImporter
from tradeoff.importers.mapping import parse_map_option
from tradeoff.importers.registry import run
from tradeoff.storage.changelog import undo_batch
from tradeoff.storage.session import read_session, write_session

MAP = "external_id=id,title=subject,text=body,created_at=created,kind=kind"
INTENTS = ("card_arrival", "passcode_forgotten", "lost_or_stolen_card", "top_up_failed")


def _ticket(number: int, words: str, sign_off: str = "Thanks,\nDana") -> dict[str, str]:
    """A ticket as a help desk exports it: greeting, the customer's words, a sign-off."""
    return {
        "id": f"ZD-{number}",
        "subject": "Help",
        "body": f"Hi team,\n{words}\n\n{sign_off}",
        "created": "2026-03-02T09:00:00Z",
        "kind": "ticket",
    }


def _reworded(ticket: dict[str, str], words: str) -> dict[str, str]:
    """The same ticket (same external id) re-exported with other words."""
    return {**ticket, "body": _ticket(0, words)["body"]}


def _import(engine: Engine, path: Path, tickets: list[dict[str, str]]) -> ImportReport:
    path.write_text("\n".join(json.dumps(t) for t in tickets) + "\n", encoding="utf-8")
    return run(engine, JsonLinesImporter(), path, columns=parse_map_option(MAP))


def _item_id(engine: Engine, external_id: str) -> int:
    with read_session(engine) as session:
        found = session.execute(
            text("SELECT id FROM evidence_items WHERE external_id = :e"), {"e": external_id}
        ).scalar_one()
    return int(found)


def _top(engine: Engine, evidence_id: int) -> int | None:
    live = active(engine)
    tops = [t for t in placements(engine).get(evidence_id, set()) if live[t].parent_id is None]
    assert len(tops) <= 1
    return tops[0] if tops else None


def _nearest_top(engine: Engine, words: str) -> int:
    """Independently: the top-level theme of the nearest finest centroid, in plain SQL and
    numpy (the run's own ``place`` is not used)."""
    with read_session(engine) as session:
        rows = session.execute(
            text(
                "SELECT t.id, t.parent_id, c.vector, "
                "(SELECT COUNT(*) FROM themes s WHERE s.parent_id = t.id "
                " AND s.status = 'active') AS children "
                "FROM themes t JOIN theme_centroids c ON c.theme_id = t.id "
                "WHERE t.status = 'active'"
            )
        ).all()
    finest = [(i, p, v) for i, p, v, children in rows if children == 0]
    matrix = np.stack([np.frombuffer(v, dtype="<f4") for _, _, v in finest])
    vector = StaticEmbedder().embed([words])[0]
    best = int(np.argmax(matrix @ vector))
    theme_id, parent_id, _ = finest[best]
    return int(parent_id if parent_id is not None else theme_id)


@dataclass(frozen=True)
class Analysed:
    """Real Banking77 queries of four intents imported as tickets and analysed once."""

    tickets: list[dict[str, str]]
    #: One query per intent, held back: words of each intent the workspace has not seen.
    held: list[str]
    first_run: AnalysisReport
    #: The first ticket's item: a card_arrival query.
    item: int


@pytest.fixture
def analysed(engine: Engine, tmp_path: Path) -> Analysed:
    rows = sorted(intent_rows(INTENTS), key=lambda r: r["category"] != INTENTS[0])
    held: dict[str, str] = {}
    tickets = []
    for number, row in enumerate(rows):
        if row["category"] not in held:
            held[row["category"]] = row["text"]
            continue
        tickets.append(_ticket(number, row["text"]))
    _import(engine, tmp_path / "v1.jsonl", tickets)
    first_run = analyze(engine, StaticEmbedder())
    item = _item_id(engine, tickets[0]["id"])
    return Analysed(tickets, [held[i] for i in INTENTS], first_run, item)


def test_a_reworded_ticket_lands_where_its_new_words_land_alone(
    engine: Engine, tmp_path: Path, analysed: Analysed
) -> None:
    tickets, item = analysed.tickets, analysed.item
    others = {i: ts for i, ts in placements(engine).items() if i != item}
    new_words = analysed.held[1]  # a passcode_forgotten query
    assert _nearest_top(engine, new_words) != _top(engine, item)

    changed = [_reworded(tickets[0], new_words), *tickets[1:]]
    assert _import(engine, tmp_path / "v2.jsonl", changed).updated == 1
    report = analyze(engine, StaticEmbedder())
    assert (report.mode, report.reworded) == ("incremental", 1)
    # The unsorted are tried again too, as every incremental run does.
    assert report.considered == 1 + analysed.first_run.unsorted
    assert _top(engine, item) == _nearest_top(engine, new_words)
    assert {i: ts for i, ts in placements(engine).items() if i != item} == others

    # The same words arriving alone, as a new ticket, land in the very same themes.
    _import(engine, tmp_path / "alone.jsonl", [_ticket(99_999, new_words)])
    alone = analyze(engine, StaticEmbedder())
    assert alone.reworded == 0
    assert placements(engine)[_item_id(engine, "ZD-99999")] == placements(engine)[item]


def test_a_new_signature_or_an_empty_subject_moves_nothing(
    engine: Engine, tmp_path: Path, analysed: Analysed
) -> None:
    before = placements(engine)
    # Another signature and a subject that names no topic: the words the engine reads are
    # unchanged. And one new ticket.
    resigned = [
        {
            **t,
            "subject": "Urgent help needed",
            "body": t["body"].replace("Thanks,\nDana", "Cheers,\nDana Whitfield\nAcme Ltd"),
        }
        for t in analysed.tickets[:5]
    ]
    new = _ticket(50_000, analysed.held[2])
    report = _import(engine, tmp_path / "v2.jsonl", [*resigned, new])
    assert (report.updated, report.inserted) == (5, 1)
    again = analyze(engine, StaticEmbedder())
    assert (again.reworded, again.considered) == (0, 1 + analysed.first_run.unsorted)
    assert {i: ts for i, ts in placements(engine).items() if i in before} == before


def test_an_item_a_person_moved_stays_where_they_put_it(
    engine: Engine, tmp_path: Path, analysed: Analysed
) -> None:
    item, live = analysed.item, active(engine)
    old_top = _top(engine, item)
    chosen = min(t for t, theme in live.items() if theme.parent_id is None and t != old_top)
    move_evidence(engine, [item], chosen)

    changed = [_reworded(analysed.tickets[0], analysed.held[1]), *analysed.tickets[1:]]
    _import(engine, tmp_path / "v2.jsonl", changed)
    report = analyze(engine, StaticEmbedder())
    assert report.reworded == 0
    assert placements(engine)[item] == {chosen}


def test_undoing_the_import_places_the_item_by_its_restored_words(
    engine: Engine, tmp_path: Path, analysed: Analysed
) -> None:
    tickets, held, item = analysed.tickets, analysed.held, analysed.item
    original_words = tickets[0]["body"].split("\n")[1]
    changed = _import(engine, tmp_path / "v2.jsonl", [_reworded(tickets[0], held[1]), *tickets[1:]])
    analyze(engine, StaticEmbedder())
    assert _top(engine, item) == _nearest_top(engine, held[1])

    with write_session(engine) as session:
        undo_batch(session, changed.batch_id)
    report = analyze(engine, StaticEmbedder())
    assert report.reworded == 1
    assert _top(engine, item) == _nearest_top(engine, original_words)
    # A run right after changes nothing more.
    settled = placements(engine)
    assert analyze(engine, StaticEmbedder()).reworded == 0
    assert placements(engine) == settled
