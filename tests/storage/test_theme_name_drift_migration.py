"""Migration 0032 gives every named theme of a 0031 workspace its baseline: a marked one the
items its name was accepted on, another its items as they stand (a copy as its original);
the first rebuild after the upgrade compares with them."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import select

from tests.analysis.themed import add_tickets, intent_rows
from tradeoff.domain.enums import AssignedBy, EvidenceKind, ThemeStatus
from tradeoff.domain.evidence import EvidenceItem
from tradeoff.storage import repository
from tradeoff.storage.engine import open_engine
from tradeoff.storage.schema import upgrade
from tradeoff.storage.session import read_session, write_session
from tradeoff.storage.tables import (
    EvidenceThemeRow,
    ThemeNameBaselineMemberRow,
    ThemeNameBaselineRow,
    ThemeRow,
)
from tradeoff.storage.tables.evidence import ThemeNameCheckMemberRow, ThemeNameCheckRow
from tradeoff.storage.theme_matching import FoundTheme, save_found_themes
from tradeoff.storage.theme_name_checks import names_to_check

AT = datetime(2026, 11, 1, tzinfo=UTC)


def test_a_0031_workspace_upgrades_with_baselines_and_rebuilds(empty_database_url: str) -> None:
    engine = open_engine(empty_database_url)
    upgrade(engine, "0031")
    by_intent: dict[str, list[int]] = {}
    for evidence_id, intent in add_tickets(engine, intent_rows(), 10000).items():
        by_intent.setdefault(intent, []).append(evidence_id)
    cards, pending = sorted(by_intent["card_arrival"]), sorted(by_intent["pending_transfer"])
    lost = sorted(by_intent["lost_or_stolen_card"])
    with write_session(engine) as session:  # as 0031's code left it
        copy = repository.add(
            session,
            EvidenceItem(
                source="chat",
                external_id="copy-1",
                kind=EvidenceKind.CHAT,
                text="Is the card still coming?",
                created_at=AT,
                duplicate_of_id=cards[0],
            ),
        )
        assert copy.id is not None
        rows = {
            key: ThemeRow(name=key, status=ThemeStatus.ACTIVE, created_at=AT, name_pinned=pinned)
            for key, pinned in (("cards", True), ("pending", True), ("lost", False))
        }
        session.add_all(rows.values())
        session.flush()
        filed = {"cards": [*cards, copy.id], "pending": pending[:60], "lost": lost}
        for key, held in filed.items():
            for evidence_id in held:
                session.add(
                    EvidenceThemeRow(
                        evidence_id=evidence_id,
                        theme_id=rows[key].id,
                        score=0.9,
                        assigned_by=AssignedBy.MODEL,
                    )
                )
        # The pending theme was marked: its name was accepted on all 160 pending transfers.
        session.add(
            ThemeNameCheckRow(
                theme_id=rows["pending"].id,
                items_named=160,
                items_kept=60,
                items_new=0,
                flagged_at=AT,
            )
        )
        session.flush()
        session.add_all(
            ThemeNameCheckMemberRow(theme_id=rows["pending"].id, evidence_id=e) for e in pending
        )
        ids = {key: row.id for key, row in rows.items()}
    upgrade(engine)
    with read_session(engine) as session:
        when = select(ThemeNameBaselineRow.theme_id, ThemeNameBaselineRow.named_at)
        dates = {theme_id: at for theme_id, at in session.execute(when)}
        assert dates == {ids["cards"]: None, ids["pending"]: None}
        stored: dict[int, set[int]] = {}
        for theme_id, evidence_id, named in session.execute(
            select(
                ThemeNameBaselineMemberRow.theme_id,
                ThemeNameBaselineMemberRow.evidence_id,
                ThemeNameBaselineMemberRow.named,
            )
        ):
            assert named
            stored.setdefault(theme_id, set()).add(evidence_id)
    assert stored == {ids["cards"]: set(cards), ids["pending"]: set(pending)}

    # The first rebuild after the upgrade: 80 of the 130 cards stay (80 / 130), the pending
    # theme gets back 100 of the 160 it was named on (100 / 160: its mark ends).
    found = [
        FoundTheme("cards", None, "cards", dict.fromkeys(cards[:80], 0.9)),
        FoundTheme("cards-rest", None, "rest", dict.fromkeys(cards[80:], 0.9)),
        FoundTheme("pending", None, "pending", dict.fromkeys(pending[:100], 0.9)),
        FoundTheme("lost", None, "lost", dict.fromkeys(lost, 0.9)),
    ]
    with write_session(engine) as session:
        again = save_found_themes(session, found)
    assert (again["cards"], again["pending"]) == (ids["cards"], ids["pending"])
    with read_session(engine) as session:
        assert names_to_check(session) == {}
    engine.dispose()
