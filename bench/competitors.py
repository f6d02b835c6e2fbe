"""The competitor figures at scale: 100,000 deals and 1,000,000 evidence items on SQLite.

Builds a migrated workspace with Core bulk inserts from a seeded generator (the same
workspace for the same arguments): 5,000 accounts in four segments, 40 competitors with
aliases, deals open/won/lost over three years in four currencies with one or two
competitors each (some none), a loss classification for most lost deals, evidence from the
accounts filed in 60 themes, and 10 % of the evidence naming a competitor. Then it times
``competitor_ranking`` (the target: under 1 s) and ``competitor_profile`` of the top-ranked
competitor, each the median of several runs in this process, and prints a Markdown table.

    .venv/bin/python bench/competitors.py                      # 100,000 deals, 1,000,000 items
    .venv/bin/python bench/competitors.py --deals 10000 --evidence 100000 --scan

``--scan`` also times ``scan_competitors`` over every text (a batch job, not a page view):
the first run, then, alternating, a run after no change (the stamp is unchanged: nothing is
read) and a full re-read of the unchanged workspace (``reread=True``: what every run after
no change did before the stamp, migration 0033), each ``--runs`` times.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from functools import partial
from pathlib import Path
from typing import Any

from bulk import put as bulk_put
from bulk import start_workspace
from sqlalchemy import Engine

from tradeoff.analysis.business.competitor_scan import scan_competitors
from tradeoff.analysis.business.competitors import competitor_profile, competitor_ranking
from tradeoff.config import sqlite_url_for
from tradeoff.domain.enums import (
    AccountLifecycle,
    AssignedBy,
    CompetitorKind,
    CompetitorRelation,
    DealOutcome,
    EvidenceKind,
    EvidenceMode,
    LossCategory,
    ThemeStatus,
)
from tradeoff.storage.engine import open_engine
from tradeoff.storage.schema import upgrade
from tradeoff.storage.tables import (
    AccountRow,
    CompetitorMentionRow,
    CompetitorRow,
    DealCompetitorRow,
    DealRow,
    EvidenceItemRow,
    EvidenceThemeRow,
    LossClassificationRow,
    ThemeRow,
)

START = datetime(2023, 1, 1, tzinfo=UTC)
SEGMENTS = ("Enterprise", "Mid-Market", "SMB", None)
CURRENCIES = ("USD", "USD", "EUR", "GBP", "JPY")
RATES = {"EUR": Decimal("1.08"), "GBP": Decimal("1.27")}
COMPETITORS = 40
THEMES = 60
WORDS = ["export", "invoice", "login", "report", "payment", "card", "sync", "fee", "error"]


def build(engine: Engine, deals: int, evidence: int, seed: int) -> None:
    rng = random.Random(seed)
    accounts = max(deals // 20, 10)
    with engine.begin() as connection:
        put = partial(bulk_put, connection)
        start_workspace(connection, "Bench", RATES)
        put(
            AccountRow,
            (
                {"id": i, "name": f"Account {i}", "name_key": f"account {i}",
                 "segment": SEGMENTS[i % 4], "lifecycle": AccountLifecycle.CUSTOMER,
                 "attributes": {}}
                for i in range(1, accounts + 1)
            ),
        )  # fmt: skip
        kinds = list(CompetitorKind)
        put(
            CompetitorRow,
            (
                {"id": i, "name": f"Rival {i}", "aliases": [f"Rival{i} Cloud", f"RVL {i}"],
                 "kind": kinds[i % len(kinds)]}
                for i in range(1, COMPETITORS + 1)
            ),
        )  # fmt: skip
        outcomes: list[DealOutcome] = []

        def deal_rows() -> Iterator[dict[str, Any]]:
            for i in range(1, deals + 1):
                outcome = rng.choice((DealOutcome.OPEN, DealOutcome.WON, DealOutcome.LOST))
                outcomes.append(outcome)
                created = START + timedelta(days=rng.randrange(1000))
                amount = rng.randrange(1, 500) * 100
                yield {
                    "id": i, "source": "bench", "external_id": f"d{i}",
                    "account_id": rng.randrange(1, accounts + 1), "name": f"Deal {i}",
                    "amount": Decimal(amount), "currency": rng.choice(CURRENCIES),
                    "outcome": outcome, "created_at": created,
                    "closed_at": None if outcome is DealOutcome.OPEN
                    else created + timedelta(days=rng.randrange(10, 200)),
                    "notes": f"Deal notes {i}",
                }  # fmt: skip

        put(DealRow, deal_rows())

        def link_rows() -> Iterator[dict[str, Any]]:
            for deal_id in range(1, len(outcomes) + 1):
                met = rng.sample(range(1, COMPETITORS + 1), rng.choice((0, 1, 1, 2)))
                for cid in met:
                    yield {
                        "deal_id": deal_id,
                        "competitor_id": cid,
                        "relation": CompetitorRelation.EVALUATED,
                        "mentioned_as": f"Rival {cid}",
                    }

        put(DealCompetitorRow, link_rows())
        categories = list(LossCategory)
        put(
            LossClassificationRow,
            (
                {"deal_id": i, "category": categories[i % len(categories)],
                 "assigned_by": AssignedBy.MODEL, "cues": [], "classified_at": START}
                for i, o in enumerate(outcomes, 1)
                if o is DealOutcome.LOST and i % 5
            ),
        )  # fmt: skip
        put(
            ThemeRow,
            (
                {"id": i, "name": f"Theme {i}", "status": ThemeStatus.ACTIVE, "created_at": START}
                for i in range(1, THEMES + 1)
            ),
        )

        def evidence_rows() -> Iterator[dict[str, Any]]:
            for i in range(1, evidence + 1):
                words = " ".join(rng.choices(WORDS, k=12))
                if i % 10 == 0:
                    words += f" like Rival {rng.randrange(1, COMPETITORS + 1)} does"
                yield {
                    "id": i, "source": "bench", "external_id": f"e{i}",
                    "kind": EvidenceKind.TICKET, "mode": EvidenceMode.OBSERVED, "text": words,
                    "fingerprint": f"{i:064x}", "created_at": START + timedelta(minutes=i),
                    "account_id": rng.randrange(1, accounts + 1), "tags": [], "raw": {},
                }  # fmt: skip

        put(EvidenceItemRow, evidence_rows())
        put(
            EvidenceThemeRow,
            (
                {"evidence_id": i, "theme_id": 1 + i % THEMES, "score": 0.9,
                 "assigned_by": AssignedBy.MODEL}
                for i in range(1, evidence + 1)
            ),
        )  # fmt: skip
        rng_m = random.Random(seed + 1)
        put(
            CompetitorMentionRow,
            (
                {"evidence_id": i, "competitor_id": rng_m.randrange(1, COMPETITORS + 1),
                 "mentioned_as": "Rival"}
                for i in range(10, evidence + 1, 10)
            ),
        )  # fmt: skip
        connection.exec_driver_sql("ANALYZE")


def timed(call: Callable[[], object], runs: int) -> tuple[float, float]:
    """Median and worst seconds over ``runs`` calls."""
    seconds = []
    for _ in range(runs):
        started = time.perf_counter()
        call()
        seconds.append(time.perf_counter() - started)
    return statistics.median(seconds), max(seconds)


def scan_rows(engine: Engine, runs: int) -> list[tuple[str, float, float]]:
    """The scan's figures: the first run, then after no change the run that skips the
    reading and a full re-read, alternating so that both meet the same load."""

    def scan_call(reread: bool) -> Callable[[], object]:
        return partial(scan_competitors, engine, reread=reread)

    first = timed(scan_call(True), 1)
    skipped: list[float] = []
    reread: list[float] = []
    for _ in range(runs):
        skipped.append(timed(scan_call(False), 1)[0])
        reread.append(timed(scan_call(True), 1)[0])
    assert scan_competitors(engine).unchanged, "a scan after no change read the workspace"
    return [
        ("scan_competitors, first run", *first),
        ("scan_competitors, again: nothing changed (skips the reading)",
         statistics.median(skipped), max(skipped)),
        ("scan_competitors, again: reread=True (reads everything, as before)",
         statistics.median(reread), max(reread)),
    ]  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--deals", type=int, default=100_000, help="deals to build")
    parser.add_argument("--evidence", type=int, default=1_000_000, help="evidence items to build")
    parser.add_argument("--seed", type=int, default=7, help="the generator's seed")
    parser.add_argument("--runs", type=int, default=5, help="runs of each figure (median)")
    parser.add_argument(
        "--scan",
        action="store_true",
        help="also time scan-competitors: once as built (reading everything), then after no "
        "change, alternating the run that skips the reading with a full re-read; on a "
        "workspace reused with --keep the first scan finds what an earlier one stored, so "
        "time a fresh copy of it",
    )
    parser.add_argument("--keep", type=Path, help="build the workspace here (reused if there)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        path = args.keep or Path(folder) / "bench.db"
        reuse = path.exists()
        engine = open_engine(sqlite_url_for(path))
        started = time.perf_counter()
        if not reuse:
            upgrade(engine)
            build(engine, args.deals, args.evidence, args.seed)
        built = time.perf_counter() - started
        top = competitor_ranking(engine)[0].name

        def ranking_call() -> object:
            return competitor_ranking(engine)

        def profile_call() -> object:
            return competitor_profile(engine, top)

        rows = [
            ("competitor_ranking (tradeoff competitors)", *timed(ranking_call, args.runs)),
            (f"competitor_profile({top!r}) (tradeoff competitor)", *timed(profile_call, args.runs)),
        ]
        if args.scan:
            rows.extend(scan_rows(engine, args.runs))
        engine.dispose()
    print(
        f"SQLite, {args.deals:,} deals, {args.evidence:,} evidence items, "
        f"{COMPETITORS} competitors; "
        + ("reused an earlier build" if reuse else f"built in {built:.1f} s")
        + f"; median of {args.runs} runs\n"
    )
    print("| figure | median s | worst s |")
    print("| --- | --- | --- |")
    for name, median, worst in rows:
        print(f"| {name} | {median:.3f} | {worst:.3f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
