"""The sales picture's win-rate breakdowns: one GROUP BY per dimension against the two
folded passes ``sales_picture`` makes (``storage.sales.outcome_totals_by``).

Builds the deals of bench/sales.py (no evidence: the breakdowns read only deals and
accounts), checks both ways give the same totals, and prints the median of each:

    .venv/bin/python bench/sales_passes.py --db /tmp/sales_passes.db   # kept and reused
    .venv/bin/python bench/sales_passes.py --deals 10000
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from sales import RATES, build, timed
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from tradeoff.analysis.business.sales import PASSES, SIZE_BANDS
from tradeoff.config import sqlite_url_for
from tradeoff.storage import sales as figures
from tradeoff.storage.engine import open_engine
from tradeoff.storage.schema import upgrade
from tradeoff.storage.tables import DealRow


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, help="SQLite file, kept and reused (default: temp)")
    parser.add_argument("--deals", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    path = args.db or Path(tempfile.mkdtemp(prefix="tradeoff-passes-")) / "deals.db"
    engine = open_engine(sqlite_url_for(path))
    fresh = not path.exists() or path.stat().st_size == 0
    upgrade(engine)
    if fresh:
        build(engine, args.deals, 0, args.seed)
    dimensions = [d for group in PASSES for d in group]
    options = {"bands": SIZE_BANDS, "rates": RATES, "base": "USD"}
    with Session(engine) as session:
        deals = session.scalar(select(func.count()).select_from(DealRow)) or 0

        def one_per_dimension() -> dict[str, list[figures.OutcomeTotal]]:
            return {d: figures.outcome_totals(session, d, **options) for d in dimensions}

        def folded() -> dict[str, list[figures.OutcomeTotal]]:
            found: dict[str, list[figures.OutcomeTotal]] = {}
            for group in PASSES:
                found.update(figures.outcome_totals_by(session, group, **options))
            return found

        def same(a: list[figures.OutcomeTotal], b: list[figures.OutcomeTotal]) -> bool:
            return sorted(a, key=repr) == sorted(b, key=repr)

        peer, ours = one_per_dimension(), folded()
        assert all(same(peer[d], ours[d]) for d in dimensions), "the two ways disagree"
        slow = timed(one_per_dimension, args.repeat)
        fast = timed(folded, args.repeat)
    print(f"workspace {path}: {deals:,} deals; median of {args.repeat}")
    print("| figure | one GROUP BY per dimension (s) | folded passes (s) | ratio |")
    print("| --- | --- | --- | --- |")
    print(
        f"| win-rate breakdowns: {len(dimensions)} dimensions | {slow:.3f} "
        f"({len(dimensions)} passes) | {fast:.3f} ({len(PASSES)} passes) "
        f"| {slow / fast:.2f}× |"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
