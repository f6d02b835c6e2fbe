"""The sales picture at scale: 100,000 deals (and evidence in themes) on SQLite.

Builds a deterministic workspace with Core bulk inserts (seeded), then times each figure of
the Python API — the same calls ``tradeoff sales`` makes — and prints a table:

    .venv/bin/python bench/sales.py                      # a fresh SQLite file in /tmp
    .venv/bin/python bench/sales.py --db /tmp/sales.db   # kept, and reused next time
    .venv/bin/python bench/sales.py --deals 10000 --items 100000

Shape: 20,000 accounts (3 segments, 3 plans, 4 regions, an ``industry`` attribute), deals
30 % open, 33 % won, 37 % lost over three years in USD / GBP / EUR / JPY (JPY without a
rate), 5 % without an amount, 1 % closing before they were created, 1 % without a stage;
loss reasons from 40 wordings (CRM picklists and free text, some differing only in case and
punctuation), 3 % of lost deals with notes only; 60 themes with evidence from the accounts.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from functools import partial
from pathlib import Path
from typing import Any

from bulk import put as bulk_put
from bulk import start_workspace
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from tradeoff.analysis.business.loss_taxonomy import classify_losses, loss_breakdown
from tradeoff.analysis.business.sales import BREAKDOWNS, PASSES, SIZE_BANDS, sales_picture
from tradeoff.analysis.business.sales_objections import objections
from tradeoff.config import sqlite_url_for
from tradeoff.storage import sales as figures
from tradeoff.storage import theme_summary
from tradeoff.storage.engine import open_engine
from tradeoff.storage.sales import CLOSED
from tradeoff.storage.schema import upgrade
from tradeoff.storage.session import write_session
from tradeoff.storage.tables import (
    AccountRow,
    DealRow,
    EvidenceItemRow,
    EvidenceThemeRow,
    ThemeRow,
)

NOW = datetime(2026, 10, 15, tzinfo=UTC)
ACCOUNTS, THEMES = 20_000, 60
CURRENCIES = ["USD", "USD", "USD", "GBP", "EUR", "JPY"]
RATES = {"GBP": Decimal("1.27"), "EUR": Decimal("1.08")}
REASONS = """Price|Too expensive|Too expensive for their budget this year|No budget|Budget cut
|Missing bulk export|Missing SSO|Lacks an ERP integration|Feature gap|Went with Dynamics — missing
reporting|No decision|No decision - project postponed|no decision: project postponed.|On hold
|Went dark|Timing|Decided to keep using spreadsheets|Stayed with Excel|Built it in-house
|Lost to an agency that builds it for them|Did not trust a vendor this young|Failed security
review|Too small a vendor|Champion left|Their rep had a better relationship|Not a priority
|Not a fit for their strategy|Could not justify the ROI|Did not see the value|Pilot failed
|Other|Competitor|Price and timing|Unknown|Lost to Zoho|Price was not the issue, missing SSO
|Not expensive, but lacked features|Status quo|Do nothing|Procurement""".replace("\n", " ")
WORDINGS = [r.strip() for r in REASONS.split("|")]
STAGES = ["Prospecting", "Discovery", "Demo", "Proposal", "Negotiation"]


def build(engine: Engine, deals: int, items: int, seed: int) -> None:
    rng = random.Random(seed)
    with engine.begin() as connection:
        put = partial(bulk_put, connection)
        start_workspace(connection, "Bench", RATES)
        put(
            AccountRow,
            (
                {
                    "name": f"Account {n}",
                    "segment": rng.choice(["Enterprise", "Mid-Market", "SMB"]),
                    "plan": rng.choice(["Starter", "Growth", "Scale"]),
                    "region": rng.choice(["NA", "EMEA", "APAC", "LATAM"]),
                    "lifecycle": "customer",
                    "attributes": {"industry": rng.choice(["Retail", "Health", "Finance"])},
                }
                for n in range(ACCOUNTS)
            ),
        )
        put(
            ThemeRow,
            ({"name": f"Theme {n}", "status": "active", "created_at": NOW} for n in range(THEMES)),
        )
        put(
            EvidenceItemRow,
            (
                {"source": "bench", "external_id": str(n), "kind": "ticket", "mode": "observed",
                 "text": f"ticket {n}", "created_at": NOW - timedelta(days=n % 700),
                 "account_id": 1 + rng.randrange(ACCOUNTS), "tags": [], "raw": {}}
                for n in range(items)
            ),
        )  # fmt: skip
        put(
            EvidenceThemeRow,
            (
                {"evidence_id": n + 1, "theme_id": 1 + rng.randrange(THEMES), "score": 0.8,
                 "assigned_by": "model"}
                for n in range(items)
            ),
        )  # fmt: skip
        put(DealRow, (_deal(rng, n) for n in range(deals)))


def _deal(rng: random.Random, n: int) -> dict[str, Any]:
    roll = rng.random()
    outcome = "open" if roll < 0.30 else "won" if roll < 0.63 else "lost"
    created = NOW - timedelta(days=rng.randrange(30, 1100), hours=rng.randrange(24))
    closed = None
    if outcome != "open":
        closed = created + timedelta(days=rng.randrange(5, 200))
        if rng.random() < 0.01:
            closed = created - timedelta(days=rng.randrange(1, 30))
    currency = rng.choice(CURRENCIES)
    amount = None if rng.random() < 0.05 else Decimal(rng.randrange(2_000, 250_000))
    if amount is not None and currency == "JPY":
        amount *= 150
    stage = {"won": "Closed Won", "lost": "Closed Lost"}.get(outcome) or rng.choice(STAGES)
    reason = notes = None
    if outcome == "lost":
        if rng.random() < 0.03:
            notes = f"Call notes {n}: price was the blocker"
        else:
            reason = rng.choice(WORDINGS)
    return {
        "source": "bench",
        "external_id": f"D{n:07d}",
        "account_id": 1 + rng.randrange(ACCOUNTS) if rng.random() > 0.03 else None,
        "name": f"Deal {n}",
        "amount": amount,
        "currency": currency if amount is not None else None,
        "stage": None if rng.random() < 0.01 else stage,
        "outcome": outcome,
        "created_at": created,
        "closed_at": closed,
        "loss_reason": reason,
        "notes": notes,
        "owner": f"Rep {rng.randrange(40)}",
        "lead_source": rng.choice(["Inbound", "Outbound", "Partner", "Event"]),
    }


def timed(call: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        call()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def from_links(engine: Engine, session: Session, repeat: int) -> float:
    """``theme_outcomes`` before a refresh (the reference path), then the summary rebuilt."""
    with write_session(engine) as writer:
        theme_summary.mark_all_dirty(writer)
    session.rollback()  # a fresh snapshot that sees the marks
    seconds = timed(lambda: figures.theme_outcomes(session), repeat)
    theme_summary.refresh_engine(engine)
    session.rollback()
    return seconds


def breakdown_passes(session: Session, repeat: int) -> list[tuple[str, float]]:
    """Every win-rate breakdown one GROUP BY per dimension (the peer) and in the folded
    passes ``sales_picture`` makes, after checking that both give the same totals."""
    dimensions = [d for group in PASSES for d in group]
    options: dict[str, Any] = {"bands": SIZE_BANDS, "rates": RATES, "base": "USD"}

    def one_per_dimension() -> dict[str, list[figures.OutcomeTotal]]:
        return {d: figures.outcome_totals(session, d, **options) for d in dimensions}

    def folded() -> dict[str, list[figures.OutcomeTotal]]:
        found: dict[str, list[figures.OutcomeTotal]] = {}
        for group in PASSES:
            found.update(figures.outcome_totals_by(session, group, **options))
        return found

    peer, ours = one_per_dimension(), folded()
    if any(sorted(peer[d], key=repr) != sorted(ours[d], key=repr) for d in dimensions):
        raise SystemExit("the folded passes disagree with one GROUP BY per dimension")
    return [
        (f"every breakdown, one GROUP BY per dimension ({len(dimensions)} passes, peer)",
         timed(one_per_dimension, repeat)),
        (f"every breakdown, folded ({len(PASSES)} passes)", timed(folded, repeat)),
    ]  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, help="SQLite file, kept and reused (default: temp)")
    parser.add_argument("--deals", type=int, default=100_000)
    parser.add_argument("--items", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    path = args.db or Path(tempfile.mkdtemp(prefix="tradeoff-sales-")) / "sales.db"
    engine = open_engine(sqlite_url_for(path))
    fresh = not path.exists() or path.stat().st_size == 0
    upgrade(engine)
    started = time.perf_counter()
    if fresh:
        build(engine, args.deals, args.items, args.seed)
    built = time.perf_counter() - started
    # Core bulk inserts mark every theme dirty; analyze would have summarised them.
    theme_summary.refresh_engine(engine)
    with engine.connect() as connection:
        deals = connection.scalar(select(func.count()).select_from(DealRow)) or 0
        items = connection.scalar(select(func.count()).select_from(EvidenceItemRow)) or 0
    print(f"workspace {path}: {deals:,} deals, {items:,} evidence items"
          f"{f' (built in {built:.1f} s)' if fresh else ''}")  # fmt: skip
    rows: list[tuple[str, float]] = []
    first = time.perf_counter()
    run = classify_losses(engine, only_new=True)
    rows.append((f"first classification: {run.written:,} lost deals", time.perf_counter() - first))
    rows.append(("classify new lost deals (none new)", timed(
        lambda: classify_losses(engine, only_new=True), args.repeat)))  # fmt: skip
    rows.append(("tradeoff classify-losses (re-read all)", timed(
        lambda: classify_losses(engine), args.repeat)))  # fmt: skip
    with Session(engine) as session:
        for by in ("all", *BREAKDOWNS):
            rows.append((f"win rate by {by}", timed(lambda by=by: figures.outcome_totals(
                session, by, bands=SIZE_BANDS, rates=RATES, base="USD"), args.repeat)))  # fmt: skip
        rows.extend(breakdown_passes(session, args.repeat))
        rows.append(("median cycle time won + lost", timed(lambda: [
            figures.median_cycle_days(session, o) for o in CLOSED], args.repeat)))  # fmt: skip
        rows.append(("themes cited by won / lost accounts", timed(
            lambda: figures.theme_outcomes(session), args.repeat)))  # fmt: skip
        rows.append(("themes cited, counted from the links (every theme dirty)",
                     from_links(engine, session, args.repeat)))  # fmt: skip
        rows.append(("account attributes of won / lost", timed(
            lambda: figures.account_outcomes(session), args.repeat)))  # fmt: skip
        rows.append(("objections (reasons by wording)", timed(
            lambda: figures.lost_reason_totals(session), args.repeat)))  # fmt: skip
        totals = figures.lost_reason_totals(session)
        rows.append(("objections grouped by the theme engine", timed(
            lambda: objections(totals, RATES, "USD"), args.repeat)))  # fmt: skip
        rows.append(("data notes: dates", timed(lambda: figures.date_problems(session),
                                                args.repeat)))  # fmt: skip
    rows.append(("loss-reason breakdown", timed(
        lambda: loss_breakdown(engine, classify=False), args.repeat)))  # fmt: skip
    for by in ("segment", "quarter"):
        rows.append((f"whole picture: tradeoff sales --by {by}", timed(
            lambda by=by: sales_picture(engine, by), args.repeat)))  # fmt: skip
    print("| figure | seconds |")
    print("| --- | --- |")
    for name, seconds in rows:
        print(f"| {name} | {seconds:.3f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
