"""Shared set-up for theme tests: real Banking77 queries of a few intents as tickets."""

from __future__ import annotations

import csv
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.orm import Session

from tradeoff.domain.enums import EvidenceKind, ThemeStatus
from tradeoff.domain.evidence import EvidenceItem, EvidenceTheme, Theme
from tradeoff.storage import repository
from tradeoff.storage.session import read_session, write_session

SUBSET = Path(__file__).resolve().parents[2] / "demo" / "source" / "banking77_subset.csv"
INTENTS = (
    "card_arrival",
    "pending_transfer",
    "exchange_rate",
    "lost_or_stolen_card",
    "top_up_failed",
)


def intent_rows(intents: tuple[str, ...] = INTENTS) -> list[dict[str, str]]:
    with SUBSET.open(encoding="utf-8", newline="") as handle:
        return [r for r in csv.DictReader(handle) if r["category"] in intents]


def add_tickets(engine: Engine, rows: list[dict[str, str]], first_number: int) -> dict[int, str]:
    """Each row as a ticket; returns evidence id → intent."""
    intents: dict[int, str] = {}
    with write_session(engine) as session:
        for offset, row in enumerate(rows):
            item = repository.add(
                session,
                EvidenceItem(
                    source="zendesk",
                    external_id=str(first_number + offset),
                    kind=EvidenceKind.TICKET,
                    text=row["text"],
                    created_at=datetime(2026, 3, 1, tzinfo=UTC),
                ),
            )
            assert item.id is not None
            intents[item.id] = row["category"]
    return intents


def links(engine: Engine) -> list[EvidenceTheme]:
    with read_session(engine) as session:
        return repository.list_all(session, EvidenceTheme)


def themes(engine: Engine) -> list[Theme]:
    with read_session(engine) as session:
        return repository.list_all(session, Theme)


def active(engine: Engine) -> dict[int, Theme]:
    return {t.id: t for t in themes(engine) if t.status is ThemeStatus.ACTIVE and t.id}


def placements(engine: Engine) -> dict[int, set[int]]:
    """Evidence id → the active themes (both levels) it is filed under."""
    live = active(engine)
    result: dict[int, set[int]] = {}
    for link in links(engine):
        if link.theme_id in live:
            result.setdefault(link.evidence_id, set()).add(link.theme_id)
    return result


def file_ticket(
    session: Session,
    theme_id: int,
    text: str,
    external_id: str,
    created_at: datetime,
    score: float | None = None,
) -> int:
    """A ticket filed in the theme (``score``: its closeness, as discovery would set it)."""
    item = repository.add(
        session,
        EvidenceItem(
            source="desk",
            external_id=external_id,
            kind=EvidenceKind.TICKET,
            text=text,
            created_at=created_at,
        ),
    )
    assert item.id is not None
    repository.add(session, EvidenceTheme(evidence_id=item.id, theme_id=theme_id, score=score))
    return item.id


def placed_row(
    rows: list[dict[str, str]], added: dict[int, str], placed: dict[int, set[int]]
) -> dict[str, str]:
    """The first of ``rows`` (added as ``added``, in order) that an analysis placed: a ticket
    said again follows its original, so saying again one left unsorted tests nothing."""
    return rows[next(i for i, item in enumerate(sorted(added)) if item in placed)]
