"""What leaving never-real lost deals out costs: the sales figures with and without the
``loss_reasons.counted_deal`` clause, side by side, on 100,000 deals (SQLite).

Builds the deals of ``bench/sales.py`` (no evidence: the clause filters deals), classifies
them, files 2,000 lost deals as disqualified, then times each figure as it runs now and with
the clause replaced by nothing (the baseline: the same query before this change):

    .venv/bin/python bench/disqualified.py
    .venv/bin/python bench/disqualified.py --deals 20000 --repeat 5
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from sales import RATES, build, timed
from sqlalchemy import ColumnElement, true, update
from sqlalchemy.orm import Session

from tradeoff.analysis.business.loss_taxonomy import classify_losses
from tradeoff.analysis.business.sales import PASSES, SIZE_BANDS
from tradeoff.config import sqlite_url_for
from tradeoff.domain.enums import DealOutcome, LossCategory
from tradeoff.storage import competitors, sales
from tradeoff.storage.engine import open_engine
from tradeoff.storage.schema import upgrade
from tradeoff.storage.tables import LossClassificationRow

DISQUALIFIED = 2_000


def _no_clause(deal_id: object = None) -> ColumnElement[bool]:
    return true()


def figures(session: Session) -> dict[str, Callable[[], object]]:
    def passes() -> object:
        return [
            sales.outcome_totals_by(session, group, bands=SIZE_BANDS, rates=RATES, base="USD")
            for group in PASSES
        ]

    return {
        "win-rate breakdowns (2 passes)": passes,
        "median cycle time, lost": lambda: sales.median_cycle_days(session, DealOutcome.LOST),
        "objections (reasons by wording)": lambda: sales.lost_reason_totals(session),
        "data notes: dates": lambda: sales.date_problems(session),
        "competitor tallies": lambda: competitors.tallies(session),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--deals", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    path = Path(tempfile.mkdtemp(prefix="tradeoff-disqualified-")) / "bench.db"
    engine = open_engine(sqlite_url_for(path))
    upgrade(engine)
    build(engine, args.deals, 0, args.seed)
    classify_losses(engine)
    row = LossClassificationRow
    with engine.begin() as connection:
        connection.execute(
            update(row)
            .where(row.deal_id.in_(
                LossClassificationRow.__table__.select()
                .with_only_columns(row.deal_id).order_by(row.deal_id).limit(DISQUALIFIED)
                .scalar_subquery()
            ))
            .values(category=LossCategory.DISQUALIFIED)
        )  # fmt: skip
    print(f"workspace {path}: {args.deals:,} deals, {DISQUALIFIED:,} lost deals disqualified")
    print("| figure | with the clause (s) | without (s) | ratio |\n| --- | --- | --- | --- |")
    with Session(engine) as session:
        now = {name: timed(call, args.repeat) for name, call in figures(session).items()}
        kept = sales.counted_deal, competitors.counted_deal
        sales.counted_deal = competitors.counted_deal = _no_clause  # type: ignore[assignment]
        try:
            before = {name: timed(call, args.repeat) for name, call in figures(session).items()}
        finally:
            sales.counted_deal, competitors.counted_deal = kept  # type: ignore[assignment]
    for name, seconds in now.items():
        print(f"| {name} | {seconds:.3f} | {before[name]:.3f} | {seconds / before[name]:.2f}× |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
