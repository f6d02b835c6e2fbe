"""A person's edits carry kept demand figures over (``storage.demand_carry``): after each
edit every kept set still answers, and what it answers equals the figures counted from the
links with nothing kept; a set that was stale before an edit is not made current by it."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import Engine, select, update

from tests.business.test_demand_kept import ASKED, _ask, _everything, _keep, _tiers
from tests.business.test_demand_subjects import add_copy
from tests.business.test_subject_filed import _add_subjects
from tests.business.world import TODAY, World
from tests.cli.helpers import run_cli
from tradeoff.analysis.edits import merge_themes, move_evidence, split_theme
from tradeoff.decisions.opportunities import link_opportunity, new_opportunity
from tradeoff.decisions.problems import link_problem, new_problem
from tradeoff.domain.enums import AssignedBy
from tradeoff.storage import demand_kept
from tradeoff.storage.demand import Breakdown, DemandQuery, SubjectKind
from tradeoff.storage.session import read_session, write_session
from tradeoff.storage.tables import (
    DemandKeptStateRow,
    EvidenceThemeRow,
    OpportunityRow,
    ProblemRow,
)

DAY = TODAY.date()


def _all_answer(engine: Engine) -> bool:
    with read_session(engine) as session:
        states = session.scalars(select(DemandKeptStateRow)).all()
        version = demand_kept.demand_version(session)
        kinds = all(
            demand_kept.money(session, DemandQuery(k, DAY)) is not None for k in SubjectKind
        )
        asked = all(
            demand_kept.money(session, DemandQuery(k, DAY, Breakdown.parse(by))) is not None
            for k, by in ASKED
        )
    sets = 7 + len(ASKED)
    return kinds and asked and len(states) == sets and {s.version for s in states} == {version}


def _counted(engine: Engine) -> dict[str, list[object]]:
    """Every figure with nothing kept: the states are marked stale for this read, then
    restored, so the kept rows under test are untouched."""
    with write_session(engine) as session:
        versions = {
            (s.kind, s.dimension): s.version for s in session.scalars(select(DemandKeptStateRow))
        }
        session.execute(update(DemandKeptStateRow).values(version="stale"))
    counted = _everything(engine, DAY)
    with write_session(engine) as session:
        for state in session.scalars(select(DemandKeptStateRow)):
            state.version = versions[(state.kind, state.dimension)]
    return counted  # type: ignore[return-value]


def _items_of(world: World, name: str) -> list[int]:
    theme = world.theme(name).id
    return [link.evidence_id for link in world.links if link.theme_id == theme]


def _ids(engine: Engine, row: type[ProblemRow] | type[OpportunityRow]) -> list[int]:
    with read_session(engine) as session:
        return list(session.scalars(select(row.id).order_by(row.id)))


@pytest.fixture
def kept(engine: Engine, world: World, monkeypatch: pytest.MonkeyPatch) -> World:
    _add_subjects(engine, world)
    _tiers(engine)
    # A copy filed in another theme than its original: a move of the original takes it
    # along, out of a theme the edit does not name.
    names = [t.name for t in world.themes]
    original = next(e for e in world.evidence if e.id == _items_of(world, names[0])[0])
    with write_session(engine) as session:
        copy = add_copy(session, original, 7, TODAY - timedelta(days=3))
        assert copy.id is not None
        theme = world.theme(names[2]).id
        assert theme is not None
        session.add(
            EvidenceThemeRow(
                evidence_id=copy.id, theme_id=theme, score=0.8, assigned_by=AssignedBy.MODEL
            )
        )
    assert _keep(engine) == 7
    _ask(engine, monkeypatch)  # problems and opportunities broken down, kept once asked
    return world


def test_every_edit_carries_the_kept_figures(engine: Engine, kept: World) -> None:
    world = kept
    names = [t.name for t in world.themes]
    theme = {name: world.theme(name).id or 0 for name in names}
    problems = _ids(engine, ProblemRow)
    opportunities = _ids(engine, OpportunityRow)
    first, second, third = names[0], names[1], names[2]
    moved, carved = _items_of(world, first)[:3], _items_of(world, second)[:2]
    quoted = _items_of(world, names[-1])[-4:]
    edits: list[tuple[str, Callable[[], object]]] = [
        ("link opportunity", lambda: link_opportunity(engine, opportunities[0], [problems[3]])),
        ("move", lambda: move_evidence(engine, moved, theme[second])),
        ("link a theme", lambda: link_problem(engine, problems[1], theme_ids=[theme[third]])),
        ("link items", lambda: link_problem(engine, problems[3], evidence_ids=quoted)),
        ("symptom", lambda: link_problem(engine, problems[3], symptom_of=[problems[1]])),
        ("split", lambda: split_theme(engine, theme[second], carved, "Finer")),
        ("merge", lambda: merge_themes(engine, source_id=theme[third], target_id=theme[first])),
        ("new problem", lambda: new_problem(engine, "Payouts arrive late")),
        ("new opportunity", lambda: new_opportunity(engine, "Faster", problem_ids=[problems[3]])),
    ]
    before = _everything(engine, DAY)
    for name, edit in edits:
        edit()
        assert _all_answer(engine), f"{name}: a kept set was left stale"
        read = _everything(engine, DAY)
        assert read == _counted(engine), f"{name}: the kept figures differ from a count"
        assert read != before, f"{name}: the edit changed no figure, so it proves nothing"
        before = read


def test_a_stale_set_stays_stale_through_an_edit(engine: Engine, kept: World) -> None:
    with write_session(engine) as session:
        session.execute(
            update(DemandKeptStateRow)
            .where(DemandKeptStateRow.kind == SubjectKind.PROBLEM.value)
            .values(version="an older one")
        )
    first, second = kept.themes[0], kept.themes[1]
    assert first.id is not None
    assert second.id is not None
    move_evidence(engine, _items_of(kept, first.name)[:2], second.id)
    with read_session(engine) as session:
        assert demand_kept.money(session, DemandQuery(SubjectKind.PROBLEM, DAY)) is None
        assert demand_kept.money(session, DemandQuery(SubjectKind.THEME, DAY)) is not None


def test_an_edit_told_not_to_carry_leaves_every_set_stale(engine: Engine, kept: World) -> None:
    """What the web app's edits do: the background catch-up keeps the figures again."""
    first, second = kept.themes[0], kept.themes[1]
    assert second.id is not None
    move_evidence(engine, _items_of(kept, first.name)[:2], second.id, carry=False)
    with read_session(engine) as session:
        assert all(
            demand_kept.money(session, DemandQuery(kind, DAY)) is None for kind in SubjectKind
        )
    assert demand_kept.keep_engine(engine) == 0  # below the size worth keeping for
    assert _keep(engine) == 7 + len(ASKED)
    assert _all_answer(engine)


def _import(capsys: pytest.CaptureFixture[str], url: str, path: Path, rows: list[str]) -> None:
    path.write_text("id,created_at,company,email,text\n" + "\n".join(rows) + "\n")
    result = run_cli(capsys, "--db", url, "import", "csv", str(path))
    assert result.exit_code == 0, result.stderr


def test_an_import_of_new_evidence_keeps_the_figures_current(
    capsys: pytest.CaptureFixture[str], engine: Engine, workspace_url: str, kept: World,
    tmp_path: Path,
) -> None:  # fmt: skip
    """New items are in no theme and linked to no problem: nothing moved. An import that
    changes an item already there (here its company) makes the figures count again."""
    before = _counted(engine)
    first = [
        "t-901,2026-10-01,Acme Freight,ops@acme.example,Exports time out on large invoices",
        "t-902,2026-10-02,Nordlicht Bank,it@nordlicht.example,SSO login loops after reset",
    ]
    _import(capsys, workspace_url, tmp_path / "week1.csv", first)
    assert _all_answer(engine)
    assert _everything(engine, DAY) == _counted(engine) == before
    changed = [first[0].replace("Acme Freight,ops@acme", "Cobalt Retail,ops@cobalt")]
    _import(capsys, workspace_url, tmp_path / "week2.csv", changed)
    with read_session(engine) as session:
        assert demand_kept.money(session, DemandQuery(SubjectKind.THEME, DAY)) is None
