"""Migration 0018's demand version moves on every write that can change a demand figure
and on no other: kept figures survive a decision, an estimate or a theme's new name, and
every table the demand queries read is watched (found from the SQL they really run)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Engine, event, inspect, select, text, update

from tests.business.test_subject_filed import _add_subjects
from tests.business.world import TODAY, World
from tradeoff.analysis.business.demand import opportunity_demand, problem_demand, theme_demand
from tradeoff.analysis.edits import rename_theme
from tradeoff.decisions.opportunities import record_estimate
from tradeoff.storage import demand_kept
from tradeoff.storage.demand import DemandQuery, SubjectKind
from tradeoff.storage.engine import open_engine
from tradeoff.storage.schema import upgrade
from tradeoff.storage.session import read_session, write_session
from tradeoff.storage.tables import AccountRow, ProblemRow

#: Derived or bookkeeping tables a demand query may read that no person writes.
DERIVED = re.compile(r"^(theme_\w*summar\w*|demand_kept_\w+|demand_version|data_version)$")
#: Read when a figure is shown, never kept: sums are kept per currency and converted then;
#: whether a theme is praise (``demand.praise_themes``) is read from the praise readings.
READ_WHEN_SHOWN = {"currency_rates", "evidence_praise", "evidence_praise_stale", "praise_mark"}


def _version(engine: Engine) -> str:
    with read_session(engine) as session:
        return demand_kept.demand_version(session)


def _kept_answers(engine: Engine) -> bool:
    with read_session(engine) as session:
        query = DemandQuery(SubjectKind.PROBLEM, TODAY.date())
        return demand_kept.money(session, query) is not None


@contextmanager
def _tables_read(engine: Engine) -> Iterator[set[str]]:
    """Every table named in the statements run inside the block."""
    found: set[str] = set()
    names = set(inspect(engine).get_table_names())

    def seen(conn: object, cursor: object, statement: str, *args: object) -> None:
        words = set(re.findall(r"\b[a-z_]+\b", statement.lower()))
        found.update(words & names)

    event.listen(engine, "before_cursor_execute", seen)
    try:
        yield found
    finally:
        event.remove(engine, "before_cursor_execute", seen)


def _watched(engine: Engine) -> set[str]:
    """Tables with a demand-version trigger."""
    with engine.connect() as connection:
        if engine.dialect.name == "postgresql":
            rows = connection.execute(
                text(
                    "SELECT event_object_table FROM information_schema.triggers "
                    "WHERE trigger_name LIKE 'demand_version_%'"
                )
            )
        else:
            rows = connection.execute(
                text(
                    "SELECT tbl_name FROM sqlite_master WHERE type = 'trigger' "
                    "AND name LIKE 'demand_version_%'"
                )
            )
        return {r[0] for r in rows}


def test_every_table_demand_reads_is_watched(engine: Engine, world: World) -> None:
    _add_subjects(engine, world)
    with write_session(engine) as session:  # an attribute to break down by
        for account in session.scalars(select(AccountRow).order_by(AccountRow.id)):
            account.attributes = {"tier": "gold" if account.id % 2 else "silver"}
    with _tables_read(engine) as read:
        for by in (None, "segment", "attribute:tier"):
            theme_demand(engine, as_of=TODAY.date(), by=by)
        problem_demand(engine, as_of=TODAY.date())
        opportunity_demand(engine, as_of=TODAY.date())
    person_written = {t for t in read if not DERIVED.match(t)} - READ_WHEN_SHOWN
    assert {"evidence_items", "accounts", "deals", "problem_themes"} <= person_written
    assert person_written <= _watched(engine)


def test_writes_outside_demand_leave_kept_figures_current(engine: Engine, world: World) -> None:
    _add_subjects(engine, world)
    with write_session(engine) as session:
        demand_kept.keep(session)
    counted = [(p.id, p.total) for p in problem_demand(engine, as_of=TODAY.date())]
    before = _version(engine)
    theme = world.themes[0].id
    assert theme is not None
    rename_theme(engine, theme, "Card payments declined abroad")
    with write_session(engine) as session:
        problem = session.scalars(select(ProblemRow).order_by(ProblemRow.id)).first()
        assert problem is not None
        problem.statement = "Finance cannot tell where a payout is"
    opportunities = opportunity_demand(engine, as_of=TODAY.date())
    record_estimate(engine, opportunities[0].id, "reach", 400, reason="CRM export, Q3")
    assert _version(engine) == before
    assert _kept_answers(engine)
    assert [(p.id, p.total) for p in problem_demand(engine, as_of=TODAY.date())] == counted
    # A write demand reads: the kept figures stop answering, and the count is the truth.
    with write_session(engine) as session:
        session.execute(update(AccountRow).values(segment="Enterprise"))
    assert _version(engine) != before
    assert not _kept_answers(engine)


def test_an_upgraded_workspace_watches_its_tables(empty_database_url: str) -> None:
    engine = open_engine(empty_database_url)
    upgrade(engine, "0017")
    with engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO themes (id, name, status, created_at) VALUES "
                "(1, 'Exports', 'active', '2026-11-01 10:00:00')"
            )
        )
    upgrade(engine)
    before = _version(engine)
    with engine.begin() as connection:
        connection.execute(text("UPDATE themes SET name = 'CSV exports' WHERE id = 1"))
    assert _version(engine) == before
    with engine.begin() as connection:
        connection.execute(text("UPDATE themes SET status = 'archived' WHERE id = 1"))
    assert _version(engine) != before
    engine.dispose()


def test_the_version_never_matches_a_data_version(engine: Engine) -> None:
    with read_session(engine) as session:
        demand = demand_kept.demand_version(session)
        data = session.execute(text("SELECT instance, version FROM data_version")).one()
    assert demand.startswith(f"{data[0]}.d")
    assert demand != f"{data[0]}.{data[1]}"
