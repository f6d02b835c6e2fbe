"""Money trends at scale: every theme's trend in one statement, against a loop of the
one-theme trend, on demand.py's workspace (100,000 deals and 1,000,000 evidence items).

Builds the workspace with ``demand.build`` (or reuses ``--db``), refreshes the theme summary
as readers find it, then times the Python API — the calls ``tradeoff demand --trend money``
makes — and prints a table:

    .venv/bin/python bench/demand_trends.py --db /tmp/trends/demand_1m.db
    .venv/bin/python bench/demand_trends.py --items 100000 --deals 10000

The peer of each all-themes row is what it replaces: ``money_trends`` of every theme in turn
(the one-subject path, three figures each), timed once after a warm-up: it is slow.
"""

from __future__ import annotations

import sys

from demand import AS_OF, open_bench, timed
from sqlalchemy import Engine, func, select

from tradeoff.analysis.business.demand import theme_demand
from tradeoff.analysis.business.money_trends import money_trends
from tradeoff.analysis.business.money_trends_all import money_trends_all
from tradeoff.storage.demand import Figure, SubjectKind
from tradeoff.storage.tables import AccountRow, DealRow, EvidenceItemRow


def every_theme_one_by_one(engine: Engine, ids: list[int], quarterly: bool) -> None:
    for theme_id in ids:
        money_trends(engine, SubjectKind.THEME, theme_id, quarterly=quarterly, as_of=AS_OF)


def main() -> int:
    engine, args = open_bench(__doc__.splitlines()[0])
    with engine.connect() as connection:
        sizes = {
            t.__tablename__: connection.scalar(select(func.count()).select_from(t))
            for t in (EvidenceItemRow, DealRow, AccountRow)
        }
    ranked = theme_demand(engine, as_of=AS_OF)
    ids = [t.id for t in ranked]
    biggest = max(ranked, key=lambda t: t.total.reach.links).id
    print(f"engine: {engine.dialect.name}; " + ", ".join(f"{k} {v:,}" for k, v in sizes.items()))
    print(f"{len(ids)} themes; as of {AS_OF}; median of {args.repeat} after a warm-up")
    print("| call | s | peer: one theme at a time s | ratio |")
    print("| --- | --- | --- | --- |")
    for quarterly, label in ((False, "monthly, 6 months"), (True, "quarterly, 4 quarters")):
        total = 0.0
        for figure in (Figure.LOST, Figure.PIPELINE, Figure.CHURNED):
            seconds = timed(
                lambda f=figure, q=quarterly: money_trends_all(
                    engine, SubjectKind.THEME, f, quarterly=q, as_of=AS_OF
                ),
                args.repeat,
            )[0]
            total += seconds
            print(f"| money_trends_all(themes, {figure.value}, {label}) | {seconds:.2f} | | |")
        # The peer reads the three figures of each theme: compare it with the three calls.
        peer = timed(lambda q=quarterly: every_theme_one_by_one(engine, ids, q), 1)[0]
        print(
            f"| the three figures above together | {total:.2f} | {peer:.2f} "
            f"| {peer / total:.0f}× |",
            flush=True,
        )
    one = timed(lambda: money_trends(engine, SubjectKind.THEME, biggest, as_of=AS_OF), args.repeat)[
        0
    ]
    print(f"| money_trends(largest theme, monthly, 3 figures) | {one:.2f} | | |")
    for kind, plural in (
        (SubjectKind.PROBLEM, "problems"),
        (SubjectKind.OPPORTUNITY, "opportunities"),
    ):
        seconds = timed(lambda k=kind: money_trends_all(engine, k, as_of=AS_OF), args.repeat)[0]
        print(f"| money_trends_all({plural}, lost, monthly) | {seconds:.2f} | | |")
    engine.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
