"""A person's edit, then the next read of demand, at a million items on SQLite.

The workspace of ``bench/demand.py`` (built or reused with the same options), with its 100
problems of themes and 25 opportunities, and every figure kept (``storage.demand_kept``).
Each edit is made twice: through the Python API, which carries the kept figures over it
(``storage.demand_carry``), and through the storage calls alone, as before carrying, after
which every kept set is stale and the next read counts. The second edit undoes the first,
so both change the same subjects. Each row times the edit and the read after it (every
theme, all 500 problems and the 125 opportunities), and checks the two reads agree.

    .venv/bin/python bench/demand_edits.py --db /tmp/demand.db
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from dataclasses import dataclass

from demand import (
    AS_OF,
    THEMED,
    THEMED_OPPORTUNITIES,
    add_themed,
    drop_themed,
    forget_kept,
    open_bench,
)
from sqlalchemy import Engine, delete, select
from sqlalchemy.orm import Session

from tradeoff.analysis.business.demand import opportunity_demand, problem_demand, theme_demand
from tradeoff.analysis.edits import move_evidence
from tradeoff.decisions.opportunities import link_opportunity
from tradeoff.decisions.problems import link_problem
from tradeoff.storage import demand_kept, theme_edits
from tradeoff.storage.session import write_session
from tradeoff.storage.tables import (
    EvidenceThemeRow,
    OpportunityProblemRow,
    ProblemThemeRow,
)


@dataclass(frozen=True)
class Edit:
    name: str
    carried: Callable[[], object]
    #: The same edit's undo through the storage calls alone: nothing carried.
    plain: Callable[[], object]


def read_everything(engine: Engine) -> object:
    return (
        theme_demand(engine, as_of=AS_OF),
        problem_demand(engine, as_of=AS_OF),
        opportunity_demand(engine, as_of=AS_OF),
    )


def differing(found: object, counted: object) -> int:
    """Subjects whose figures differ between two ``read_everything`` results, by id."""
    total = 0
    for mine, theirs in zip(found, counted, strict=True):  # type: ignore[call-overload]
        by_id = {s.id: s for s in theirs}
        total += sum(1 for s in mine if by_id.get(s.id) != s) + abs(len(mine) - len(theirs))
    return total


def _seconds(call: Callable[[], object]) -> tuple[float, object]:
    start = time.perf_counter()
    found = call()
    return time.perf_counter() - start, found


def _plain(engine: Engine, edit: Callable[..., object], *args: object) -> Callable[[], object]:
    def run() -> object:
        with write_session(engine) as session:
            return edit(session, *args)

    return run


def edits(engine: Engine, biggest: int) -> list[Edit]:
    with write_session(engine) as session:
        items = list(
            session.scalars(
                select(EvidenceThemeRow.evidence_id)
                .where(EvidenceThemeRow.theme_id == biggest)
                .order_by(EvidenceThemeRow.evidence_id)
                .limit(20)
            )
        )
        linked = set(session.scalars(select(ProblemThemeRow.theme_id)))
        other = next(t for t in range(1, 61) if t != biggest and t in linked)
        problem = THEMED.start + 1
        free_theme = next(
            t
            for t in range(1, 61)
            if session.get(ProblemThemeRow, (problem, t)) is None and t != biggest
        )
        opportunity = THEMED_OPPORTUNITIES.start
        free_problem = next(
            p
            for p in THEMED
            if session.get(OpportunityProblemRow, (opportunity, p)) is None and p % 10 == 0
        )

    def unlink_theme(session: Session, problem_id: int, theme_id: int) -> None:
        row = ProblemThemeRow
        session.execute(delete(row).where(row.problem_id == problem_id, row.theme_id == theme_id))

    def unlink_problem(session: Session, opportunity_id: int, problem_id: int) -> None:
        row = OpportunityProblemRow
        chosen = (row.opportunity_id == opportunity_id, row.problem_id == problem_id)
        session.execute(delete(row).where(*chosen))

    return [
        Edit(
            "move 20 items out of the largest theme",
            lambda: move_evidence(engine, items, other),
            _plain(engine, theme_edits.move_evidence, items, biggest),
        ),
        Edit(
            "link a problem to a theme",
            lambda: link_problem(engine, problem, theme_ids=[free_theme]),
            _plain(engine, unlink_theme, problem, free_theme),
        ),
        Edit(
            "link an opportunity to a problem of the largest theme",
            lambda: link_opportunity(engine, opportunity, [free_problem]),
            _plain(engine, unlink_problem, opportunity, free_problem),
        ),
    ]


def main() -> int:
    engine, args = open_bench(__doc__.splitlines()[0])
    biggest = theme_demand(engine, as_of=AS_OF)[0].id
    forget_kept(engine)  # the sets kept always, not breakdowns an earlier run asked for
    try:
        add_themed(engine, biggest, args.items, args.seed)
        print("| edit | carried: edit s | next read s | as before: edit s | next read s |"
              " edit + read, ratio | subjects differing from a count |")  # fmt: skip
        print("| --- | --- | --- | --- | --- | --- | --- |")
        for edit in edits(engine, biggest):
            with write_session(engine) as session:
                demand_kept.keep(session)
            carried_edit, _ = _seconds(edit.carried)
            carried_read, after = _seconds(lambda: read_everything(engine))
            forget_kept(engine)
            wrong = differing(after, read_everything(engine))  # counted from the links
            with write_session(engine) as session:
                demand_kept.keep(session)
            plain_edit, _ = _seconds(edit.plain)
            plain_read, _ = _seconds(lambda: read_everything(engine))
            ratio = (plain_edit + plain_read) / (carried_edit + carried_read)
            print(f"| {edit.name} | {carried_edit:.2f} | {carried_read:.2f} | {plain_edit:.2f} "
                  f"| {plain_read:.2f} | {ratio:.1f}× | {wrong} |", flush=True)  # fmt: skip
    finally:
        drop_themed(engine)
        forget_kept(engine)
    engine.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
