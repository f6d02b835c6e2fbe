"""Marks made by triggers never fail on a mark already there (``storage.mark_triggers``).

The case that failed on SQLite: deleting an original item whose copy is filed in the same
theme. The cascade deletes the original's link (marking the theme) and sets the copy's
``duplicate_of_id`` to NULL (marking it again), under the delete's ABORT policy.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import Engine, delete, select, update

from tradeoff.analysis.label.counter import PRAISE_RULES
from tradeoff.domain.enums import EvidenceKind
from tradeoff.domain.evidence import EvidenceItem, EvidenceTheme, Theme
from tradeoff.storage import praise, repository, theme_summary
from tradeoff.storage.session import read_session, write_session
from tradeoff.storage.tables import (
    EvidenceItemRow,
    EvidencePraiseStaleRow,
    EvidenceThemeRow,
    ThemeSummaryDirtyRow,
)

WHEN = datetime(2026, 9, 1, 9, 30, tzinfo=UTC)
TEXT = "The card reader drops the Bluetooth connection at every checkout."


def _item(ref: str, copy_of: int | None = None) -> EvidenceItem:
    return EvidenceItem(
        source="zendesk", external_id=ref, kind=EvidenceKind.TICKET, text=TEXT,
        created_at=WHEN, duplicate_of_id=copy_of,
    )  # fmt: skip


def test_deleting_an_original_filed_with_its_copy(engine: Engine) -> None:
    with write_session(engine) as session:
        theme = repository.add(session, Theme(name="Card reader disconnects")).id
        original = repository.add(session, _item("z-1")).id
        assert theme is not None
        assert original is not None
        copy = repository.add(session, _item("z-2", copy_of=original)).id
        for evidence_id in (original, copy):
            assert evidence_id is not None
            repository.add(
                session, EvidenceTheme(evidence_id=evidence_id, theme_id=theme, score=0.9)
            )
    theme_summary.refresh_engine(engine)
    with write_session(engine) as session:
        session.execute(delete(EvidenceItemRow).where(EvidenceItemRow.id == original))
    with read_session(engine) as session:
        assert session.scalars(select(ThemeSummaryDirtyRow.theme_id)).all() == [theme]
        assert (
            session.scalar(
                select(EvidenceItemRow.duplicate_of_id).where(EvidenceItemRow.id == copy)
            )
            is None
        )
        assert session.scalars(select(EvidenceThemeRow.evidence_id)).all() == [copy]


def test_an_item_edited_twice_before_it_is_read_again(engine: Engine) -> None:
    with write_session(engine) as session:
        item = repository.add(session, _item("z-3")).id
    praise.fill_engine(engine, PRAISE_RULES)
    for text in ("Checkout is fast and easy now.", "Checkout is so fast, love it."):
        with write_session(engine) as session:
            session.execute(
                update(EvidenceItemRow).where(EvidenceItemRow.id == item).values(text=text)
            )
    with read_session(engine) as session:
        assert session.scalars(select(EvidencePraiseStaleRow.evidence_id)).all() == [item]
        assert praise.praised(session, PRAISE_RULES) == {item: None}
    assert praise.fill_engine(engine, PRAISE_RULES) == 1
    with read_session(engine) as session:
        assert session.scalars(select(EvidencePraiseStaleRow.evidence_id)).all() == []
        assert praise.readings(session, PRAISE_RULES, [item])[item].cues == ("fast", "love")
