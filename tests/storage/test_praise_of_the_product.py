"""Praise of the product by its own name names no area of it."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import Engine

from tradeoff.analysis.label.counter import PRAISE_RULES
from tradeoff.domain.enums import EvidenceKind
from tradeoff.domain.evidence import EvidenceItem
from tradeoff.domain.workspace import WorkspaceSettings
from tradeoff.storage import praise, repository
from tradeoff.storage.session import read_session, write_session
from tradeoff.storage.workspace import save_workspace_settings

ANSWERS = {
    "Really happy with Dispatchly overall": False,
    "dispatchly's been great for us, love it": False,
    "Support team is super responsive": True,
    "Really happy with the Dispatchly route planner": True,
}


def add_answers(engine: Engine) -> dict[int, str]:
    with write_session(engine) as session:
        ids = {}
        for n, text in enumerate(ANSWERS):
            item = repository.add(
                session,
                EvidenceItem(
                    source="delighted",
                    external_id=str(n),
                    kind=EvidenceKind.SURVEY,
                    text=text,
                    created_at=datetime(2026, 5, 1, tzinfo=UTC),
                ),
            )
            assert item.id is not None
            ids[item.id] = text
    return ids


def test_praise_of_the_product_by_its_name_names_nothing(engine: Engine) -> None:
    """A QA corpus's "Really happy with Dispatchly overall" (11 answers) named "Dispatchly"
    and so could join a complaint theme as counter evidence, counted in its demand. In a
    workspace set up for the company Dispatchly it names nothing; kept readings and readings
    made on the spot agree, and renaming the company reads everything again."""
    with write_session(engine) as session:
        save_workspace_settings(session, WorkspaceSettings(company_name="Dispatchly"))
    ids = add_answers(engine)
    with read_session(engine) as session:
        on_the_spot = praise.praised_naming(session, PRAISE_RULES)
    assert {ids[i]: named for i, (_, named) in on_the_spot.items()} == ANSWERS
    assert praise.fill_engine(engine, PRAISE_RULES) == len(ANSWERS)
    with read_session(engine) as session:
        kept = praise.praised_naming(session, PRAISE_RULES)
        shown = praise.readings(session, PRAISE_RULES, list(ids))
    assert {ids[i]: named for i, (_, named) in kept.items()} == ANSWERS
    assert {ids[i]: PRAISE_RULES.names(p.cues) for i, p in shown.items()} == ANSWERS
    with write_session(engine) as session:
        save_workspace_settings(session, WorkspaceSettings(company_name="Routewise"))
    assert praise.fill_engine(engine, PRAISE_RULES) == len(ANSWERS)
    with read_session(engine) as session:
        renamed = praise.praised_naming(session, PRAISE_RULES)
    assert all(named for _, named in renamed.values())


def test_without_a_company_name_the_name_is_a_word_like_any(engine: Engine) -> None:
    ids = add_answers(engine)
    with read_session(engine) as session:
        found = praise.praised_naming(session, PRAISE_RULES)
    assert all(found[i][1] for i in ids)
