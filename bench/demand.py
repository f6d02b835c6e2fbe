"""Demand at scale: 100,000 deals and 1,000,000 evidence items on SQLite (or PostgreSQL).

Builds a deterministic workspace with Core bulk inserts (seeded; about a minute), then times
each demand call of the Python API — the same calls the CLI makes — through the theme
summary and again counted from the links (every theme marked dirty: the path readers take
before a refresh, and the reference), then the summary's own cost, and prints a table:

    .venv/bin/python bench/demand.py                        # a fresh SQLite file in /tmp
    .venv/bin/python bench/demand.py --db /tmp/demand.db    # kept, and reused next time
    .venv/bin/python bench/demand.py --items 100000 --deals 10000
    .venv/bin/python bench/demand.py --db /tmp/demand.db --kept-only   # the third table

Shape: 20,000 accounts (3 segments, 3 plans, 4 regions, a ``tier`` attribute, USD / GBP /
EUR / JPY, customers, prospects and churned), 60,000 people, 60 themes, each item filed
in one theme, 1 % of items copies of an earlier one, 15 % relayed by a CSM, 10 % from no
account; deals 30 % open, 35 % won, 35 % lost, 5 % without an amount, 3 % without an
account; one item in twenty reads as praise; 400 problems over 100,000 evidence links,
100 opportunities.

Then, in a second table, problems linked to themes (what the theme summary answers for
problems): 100 more problems of 1–3 themes each (every tenth with the largest), 20 items
by hand each, and 25 opportunities of four of them, added for the measurement and
removed after it. A third table times the calls again, read from the figures kept for
the data version (``storage.demand_kept``), with the cost of keeping them.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from functools import partial
from pathlib import Path
from typing import Any

from bulk import put as bulk_put
from bulk import start_workspace
from sqlalchemy import Engine, delete, func, insert, select

from tradeoff.analysis.business.demand import (
    demand_behind,
    opportunity_demand,
    problem_demand,
    theme_demand,
)
from tradeoff.analysis.label.counter import PRAISE_RULES
from tradeoff.config import sqlite_url_for
from tradeoff.storage import demand_kept, praise, theme_summary
from tradeoff.storage.demand import Figure, SubjectKind
from tradeoff.storage.engine import open_engine
from tradeoff.storage.praise import PraiseRules
from tradeoff.storage.schema import upgrade
from tradeoff.storage.session import read_session, write_session
from tradeoff.storage.tables import (
    AccountRow,
    DealRow,
    DemandKeptStateRow,
    EvidenceItemRow,
    EvidenceThemeRow,
    OpportunityProblemRow,
    OpportunityRow,
    PersonRow,
    ProblemEvidenceRow,
    ProblemRow,
    ProblemSymptomRow,
    ProblemThemeRow,
    ThemeRow,
    ThemeSummaryDirtyRow,
)
from tradeoff.storage.theme_profile import theme_profiles

AS_OF = date(2026, 10, 15)
NOW = datetime(2026, 10, 15, tzinfo=UTC)
ACCOUNTS, PEOPLE_PER_ACCOUNT, THEMES, PROBLEMS, OPPORTUNITIES = 20_000, 3, 60, 400, 100
RATES = {"GBP": Decimal("1.27"), "EUR": Decimal("1.08")}
CURRENCIES = ["USD", "USD", "USD", "GBP", "EUR", "JPY"]
#: One item in twenty reads as praise, so counter evidence has something to rank.
PRAISE_TEXT = "Love how fast the new export is, works like a charm"
#: The same reader under another name: profiles read every text, as before readings were kept.
UNKEPT = PraiseRules(PRAISE_RULES.read, "readings not kept")


def build(engine: Engine, items: int, deals: int, seed: int) -> None:
    rng = random.Random(seed)
    with engine.begin() as connection:
        put = partial(bulk_put, connection)
        start_workspace(
            connection, "Bench Ledger", {"GBP": Decimal("1.27"), "EUR": Decimal("1.08")}
        )
        put(AccountRow, _accounts(rng))
        put(PersonRow, _people())
        put(ThemeRow, ({"id": t, "name": f"Theme {t}", "status": "active",
                        "created_at": NOW, "name_pinned": False, "made_by": "model"}
                       for t in range(1, THEMES + 1)))  # fmt: skip
        put(EvidenceItemRow, _evidence(rng, items))
        put(EvidenceThemeRow, _links(rng, items))
        put(DealRow, _deals(rng, deals))
        put(ProblemRow, ({"id": p, "statement": f"Problem {p}", "created_at": NOW}
                         for p in range(1, PROBLEMS + 1)))  # fmt: skip
        problem_links = {(rng.randint(1, PROBLEMS), rng.randint(1, items)) for _ in range(100_000)}
        put(ProblemEvidenceRow, ({"problem_id": p, "evidence_id": e}
                                 for p, e in sorted(problem_links)))  # fmt: skip
        put(ProblemSymptomRow, ({"symptom_id": p, "problem_id": p - 1}
                                for p in range(2, PROBLEMS + 1, 8)))  # fmt: skip
        put(OpportunityRow, ({"id": o, "title": f"Opportunity {o}", "status": "idea",
                              "created_at": NOW} for o in range(1, OPPORTUNITIES + 1)))  # fmt: skip
        put(OpportunityProblemRow, ({"opportunity_id": o, "problem_id": p}
                                    for o in range(1, OPPORTUNITIES + 1)
                                    for p in range(o * 4 - 3, o * 4 + 1)))  # fmt: skip
    if engine.dialect.name == "sqlite":
        with engine.connect() as connection:
            connection.exec_driver_sql("ANALYZE")


def _accounts(rng: random.Random) -> Iterator[dict[str, Any]]:
    for a in range(1, ACCOUNTS + 1):
        lifecycle = rng.choices(["customer", "prospect", "churned"], [60, 25, 15])[0]
        priced = lifecycle != "prospect"
        yield {
            "id": a,
            "name": f"Account {a}",
            "name_key": f"account {a}",
            "segment": rng.choice(["Enterprise", "Mid-Market", "SMB"]),
            "plan": rng.choice(["Scale", "Growth", "Starter"]),
            "region": rng.choice(["NA", "EMEA", "APAC", "LATAM"]),
            "arr": Decimal(rng.randrange(5_000, 500_000)) if priced else None,
            "currency": rng.choice(CURRENCIES) if priced else None,
            "lifecycle": lifecycle,
            "churned_at": NOW - timedelta(days=rng.randrange(1, 700))
            if lifecycle == "churned"
            else None,
            "renewal_on": AS_OF + timedelta(days=rng.randrange(-30, 365))
            if lifecycle == "customer"
            else None,
            "attributes": {"tier": rng.choice(["gold", "silver", "bronze"])},
        }


def _people() -> Iterator[dict[str, Any]]:
    yield {"id": 1, "name": "Casey CSM", "role": "csm", "name_key": "casey csm"}
    for a in range(1, ACCOUNTS + 1):
        for n in range(PEOPLE_PER_ACCOUNT):
            person = 2 + (a - 1) * PEOPLE_PER_ACCOUNT + n
            yield {"id": person, "name": f"User {person}", "name_key": f"user {person}",
                   "account_id": a, "role": "end_user"}  # fmt: skip


def _evidence(rng: random.Random, items: int) -> Iterator[dict[str, Any]]:
    kinds = [("ticket", "observed"), ("chat", "observed"), ("interview", "stated"),
             ("deal_note", "stated"), ("survey", "stated")]  # fmt: skip
    for e in range(1, items + 1):
        account = rng.randint(1, ACCOUNTS) if rng.random() > 0.1 else None
        kind, mode = rng.choice(kinds)
        person = None
        if account is not None:
            person = 2 + (account - 1) * PEOPLE_PER_ACCOUNT + rng.randrange(PEOPLE_PER_ACCOUNT)
        yield {
            "id": e,
            "source": "bench",
            "external_id": str(e),
            "kind": kind,
            "mode": mode,
            "text": PRAISE_TEXT if e % 20 == 0 else f"Evidence {e}: the export keeps failing",
            "fingerprint": f"{e:064d}",
            "created_at": NOW - timedelta(minutes=rng.randrange(0, 3 * 365 * 24 * 60)),
            "account_id": account,
            "person_id": person,
            "relayed_by_id": 1 if rng.random() < 0.15 else None,
            "tags": [],
            "raw": {},
            "duplicate_of_id": rng.randint(1, e - 1) if e > 1 and rng.random() < 0.01 else None,
        }


def _links(rng: random.Random, items: int) -> Iterator[dict[str, Any]]:
    for e in range(1, items + 1):
        theme = min(int(rng.paretovariate(1.2)), THEMES)
        yield {"evidence_id": e, "theme_id": theme, "score": 0.9, "assigned_by": "model"}


def _deals(rng: random.Random, deals: int) -> Iterator[dict[str, Any]]:
    for d in range(1, deals + 1):
        outcome = rng.choices(["open", "won", "lost"], [30, 35, 35])[0]
        created = NOW - timedelta(days=rng.randrange(30, 900))
        priced = rng.random() > 0.05
        yield {
            "id": d,
            "source": "bench",
            "external_id": f"D{d}",
            "account_id": rng.randint(1, ACCOUNTS) if rng.random() > 0.03 else None,
            "name": f"Deal {d}",
            "amount": Decimal(rng.randrange(1_000, 200_000)) if priced else None,
            "currency": rng.choice(CURRENCIES) if priced else None,
            "outcome": outcome,
            "created_at": created,
            "closed_at": created + timedelta(days=rng.randrange(10, 200))
            if outcome != "open"
            else None,
        }


def ensure_built(engine: Engine, items: int, deals: int, seed: int) -> None:
    """Build the workspace unless it already holds evidence (a kept --db is reused)."""
    with engine.connect() as connection:
        built = connection.scalar(select(func.count()).select_from(EvidenceItemRow))
    if not built:
        start = time.perf_counter()
        build(engine, items, deals, seed)
        print(f"built in {time.perf_counter() - start:.1f} s", file=sys.stderr)
    # Core bulk inserts mark every theme dirty and leave items unread; analyze would have
    # refreshed and read them.
    theme_summary.refresh_engine(engine)
    praise.fill_engine(engine, PRAISE_RULES)


def mark_all_dirty(engine: Engine) -> None:
    with write_session(engine) as session:
        theme_summary.mark_all_dirty(session)


def rebuild_summary(engine: Engine) -> None:
    with write_session(engine) as session:
        theme_summary.rebuild(session)


def refresh_one(engine: Engine, theme_id: int) -> None:
    """A change to one theme (as a merge or a re-filed item makes), then its refresh."""
    with write_session(engine) as session:
        session.execute(insert(ThemeSummaryDirtyRow).values(theme_id=theme_id))
        theme_summary.refresh(session)


#: Ids of the problems and opportunities of themes the bench adds, then removes.
THEMED = range(10_001, 10_101)
THEMED_OPPORTUNITIES = range(10_001, 10_026)


def drop_themed(engine: Engine) -> None:
    with engine.begin() as connection:
        connection.execute(
            delete(OpportunityRow).where(OpportunityRow.id.in_(THEMED_OPPORTUNITIES))
        )
        connection.execute(delete(ProblemRow).where(ProblemRow.id.in_(THEMED)))


def add_themed(engine: Engine, biggest: int, items: int, seed: int) -> None:
    """Problems of themes: their evidence is mostly their themes' (see the docstring)."""
    drop_themed(engine)
    rng = random.Random(seed)
    with engine.begin() as connection:
        put = partial(bulk_put, connection)
        put(ProblemRow, ({"id": p, "statement": f"Problem {p}", "created_at": NOW}
                         for p in THEMED))  # fmt: skip
        themes: list[dict[str, Any]] = []
        for p in THEMED:
            chosen = set(rng.sample(range(1, THEMES + 1), 1 + p % 3))
            chosen = (chosen - {biggest}) | ({biggest} if p % 10 == 0 else set())
            themes += ({"problem_id": p, "theme_id": t} for t in sorted(chosen))
        put(ProblemThemeRow, themes)
        by_hand = {(p, rng.randint(1, items)) for p in THEMED for _ in range(20)}
        put(ProblemEvidenceRow, ({"problem_id": p, "evidence_id": e}
                                 for p, e in sorted(by_hand)))  # fmt: skip
        put(OpportunityRow, ({"id": o, "title": f"Opportunity {o}", "status": "idea",
                              "created_at": NOW} for o in THEMED_OPPORTUNITIES))  # fmt: skip
        first = THEMED.start
        put(OpportunityProblemRow, ({"opportunity_id": o, "problem_id": first + (o - first) * 4 + k}
                                    for o in THEMED_OPPORTUNITIES for k in range(4)))  # fmt: skip


def profiles(engine: Engine, rules: PraiseRules = PRAISE_RULES) -> object:
    with read_session(engine) as session:
        return theme_profiles(session, praise=rules)


def read_all_for_praise(engine: Engine) -> None:
    """Every item read for praise, as the first analysis after the upgrade does."""
    with write_session(engine) as session:
        praise.fill(session, UNKEPT)
    with write_session(engine) as session:
        praise.fill(session, PRAISE_RULES)


def timed(call: Callable[[], object], repeat: int) -> tuple[float, float]:
    """(median, best) seconds over ``repeat`` runs after one warm-up."""
    call()
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        call()
        runs.append(time.perf_counter() - start)
    return statistics.median(runs), min(runs)


@contextmanager
def counting_only() -> Iterator[None]:
    """Breakdowns of problems are kept on their first reading in a workspace this size
    (``demand_kept.keep_breakdown``); here they are counted every time, to time counting."""
    was = demand_kept.KEEP_FROM_ITEMS
    demand_kept.KEEP_FROM_ITEMS = sys.maxsize
    try:
        yield
    finally:
        demand_kept.KEEP_FROM_ITEMS = was


def themed(engine: Engine, repeat: int) -> None:
    """The second table: problems and opportunities of themes, through the summary and
    from the links; broken down by segment too (through the group summaries, 0020)."""
    calls: list[tuple[str, Callable[[], object]]] = [
        ("problem_demand(100 problems of themes)",
         lambda: problem_demand(engine, as_of=AS_OF, ids=list(THEMED))),
        ("opportunity_demand(25 of those)",
         lambda: opportunity_demand(engine, as_of=AS_OF, ids=list(THEMED_OPPORTUNITIES))),
        ("problem_demand(by='segment'), all 500",
         lambda: problem_demand(engine, as_of=AS_OF, by="segment")),
        ("opportunity_demand(by='segment'), all 125",
         lambda: opportunity_demand(engine, as_of=AS_OF, by="segment")),
    ]  # fmt: skip
    with counting_only():
        summarised = [timed(call, repeat)[0] for _, call in calls]
        mark_all_dirty(engine)
        linked = [timed(call, repeat)[0] for _, call in calls]
    rebuild_summary(engine)
    print("| call | summary s | from the links s | ratio |")
    print("| --- | --- | --- | --- |")
    for (name, _), fast, slow in zip(calls, summarised, linked, strict=True):
        print(f"| {name} | {fast:.2f} | {slow:.2f} | {slow / fast:.1f}× |", flush=True)


def theme_calls(engine: Engine, biggest: int) -> list[tuple[str, Callable[[], object]]]:
    """The theme calls both tables time: every theme, two breakdowns, the largest alone."""
    return [
        ("theme_demand()", lambda: theme_demand(engine, as_of=AS_OF)),
        ("theme_demand(by='segment')", lambda: theme_demand(engine, as_of=AS_OF, by="segment")),
        ("theme_demand(by='attribute:tier')",
         lambda: theme_demand(engine, as_of=AS_OF, by="attribute:tier")),
        ("theme_demand(ids=[largest])", lambda: theme_demand(engine, as_of=AS_OF, ids=[biggest])),
    ]  # fmt: skip


def forget_kept(engine: Engine) -> None:
    """Every kept figure and set removed: the next read counts."""
    with write_session(engine) as session:
        for table in (*demand_kept.KEPT_TABLES, DemandKeptStateRow):
            session.execute(delete(table))


def kept(engine: Engine, repeat: int, biggest: int) -> None:
    """The third table: every demand call counted (the two tables above), then read from
    the figures ``storage.demand_kept`` keeps for the data version, with what keeping costs
    (every set after any change; a breakdown of problems on its first reading, which
    keeps it) and a check that every result is the same."""
    forget_kept(engine)  # from nothing kept, whatever a run left
    calls: list[tuple[str, Callable[[], object]]] = [
        *theme_calls(engine, biggest),
        ("problem_demand(), 500 problems", lambda: problem_demand(engine, as_of=AS_OF)),
        ("opportunity_demand(), 125", lambda: opportunity_demand(engine, as_of=AS_OF)),
        ("problem_demand(100 problems of themes)",
         lambda: problem_demand(engine, as_of=AS_OF, ids=list(THEMED))),
        ("opportunity_demand(25 of those)",
         lambda: opportunity_demand(engine, as_of=AS_OF, ids=list(THEMED_OPPORTUNITIES))),
        ("problem_demand(by='segment'), all 500",
         lambda: problem_demand(engine, as_of=AS_OF, by="segment")),
        ("opportunity_demand(by='segment'), all 125",
         lambda: opportunity_demand(engine, as_of=AS_OF, by="segment")),
    ]  # fmt: skip
    with counting_only():
        counted = [call() for _, call in calls]
        counted_s = [timed(call, repeat)[0] for _, call in calls]
    start = time.perf_counter()
    with write_session(engine) as session:
        sets = demand_kept.keep(session)
    keeping = time.perf_counter() - start
    asked = []
    for name, call in calls[-2:]:  # the breakdowns: kept on their first reading
        start = time.perf_counter()
        call()
        asked.append((name, time.perf_counter() - start))
    kept_s = [timed(call, repeat)[0] for _, call in calls]
    same = all(call() == found for (_, call), found in zip(calls, counted, strict=True))
    print("| call | counted s | kept s | ratio |")
    print("| --- | --- | --- | --- |")
    for (name, _), slow, fast in zip(calls, counted_s, kept_s, strict=True):
        print(f"| {name} | {slow:.2f} | {fast:.2f} | {slow / fast:.1f}× |", flush=True)
    print(f"| keeping all {sets} sets (after any change) | {keeping:.2f} | | |")
    for name, seconds in asked:
        print(f"| first reading of {name}, which keeps it | {seconds:.2f} | | |")
    print(f"every kept result equals the counted one: {same}")


def through_summary(engine: Engine, repeat: int, biggest: int, smallest: int) -> None:
    """The first table: each call through the theme summary and from the links, then the
    summary's own costs."""
    calls: list[tuple[str, Callable[[], object]]] = [
        *theme_calls(engine, biggest),
        ("problem_demand()", lambda: problem_demand(engine, as_of=AS_OF)),
        ("opportunity_demand()", lambda: opportunity_demand(engine, as_of=AS_OF)),
        ("demand_behind(largest theme, pipeline)",
         lambda: demand_behind(engine, SubjectKind.THEME, biggest, Figure.PIPELINE, as_of=AS_OF)),
        ("theme_profiles(all themes)", lambda: profiles(engine)),
        ("theme_profiles(all themes), every text read for praise",
         lambda: profiles(engine, UNKEPT)),
    ]  # fmt: skip
    summarised = [timed(call, repeat)[0] for _, call in calls]
    mark_all_dirty(engine)
    linked = [timed(call, repeat)[0] for _, call in calls]
    start = time.perf_counter()
    rebuild_summary(engine)
    rebuilt = time.perf_counter() - start
    print("| call | summary s | from the links s | ratio |")
    print("| --- | --- | --- | --- |")
    for (name, _), fast, slow in zip(calls, summarised, linked, strict=True):
        print(f"| {name} | {fast:.2f} | {slow:.2f} | {slow / fast:.1f}× |", flush=True)
    print(f"| summary from scratch (every theme) | {rebuilt:.2f} | | |")
    start = time.perf_counter()
    read_all_for_praise(engine)
    print(
        f"| praise read from scratch (every item) | {(time.perf_counter() - start) / 2:.2f} | | |"
    )
    for label, theme_id in (("largest", biggest), ("smallest", smallest)):
        seconds = timed(partial(refresh_one, engine, theme_id), repeat)[0]
        print(f"| refresh one dirty theme ({label}) | {seconds:.2f} | | |")


def open_bench(
    description: str, more: Callable[[argparse.ArgumentParser], object] | None = None
) -> tuple[Engine, argparse.Namespace]:
    """The options every demand benchmark takes (and ``more`` of its own), and its
    workspace, built unless reused."""
    parser = argparse.ArgumentParser(description=description)
    if more is not None:
        more(parser)
    parser.add_argument("--db", help="SQLite path or database URL (reused when built)")
    parser.add_argument("--items", type=int, default=1_000_000)
    parser.add_argument("--deals", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    url = args.db or str(Path(tempfile.mkdtemp()) / "demand.db")
    engine = open_engine(url if "://" in url else sqlite_url_for(Path(url)))
    upgrade(engine)
    ensure_built(engine, args.items, args.deals, args.seed)
    return engine, args


def main() -> int:
    # The workspace is dated as of AS_OF, 6,128 of its 69,970 closed deals with close dates
    # after it (as a CRM's typed-ahead ones): figures are kept as of the day the bench
    # reads, as an analysis keeps them as of the day it runs.
    demand_kept.today = lambda: AS_OF
    engine, args = open_bench(
        __doc__.splitlines()[0],
        lambda parser: parser.add_argument(
            "--kept-only", action="store_true", help="only the third table (kept figures)"
        ),
    )
    with engine.connect() as connection:
        sizes = {
            t.__tablename__: connection.scalar(select(func.count()).select_from(t))
            for t in (EvidenceItemRow, EvidenceThemeRow, DealRow, AccountRow)
        }
    print(f"engine: {engine.dialect.name}; " + ", ".join(f"{k} {v:,}" for k, v in sizes.items()))
    ranked = theme_demand(engine, as_of=AS_OF)
    biggest, smallest = ranked[0].id, min(ranked, key=lambda t: t.total.reach.links).id
    if not args.kept_only:
        through_summary(engine, args.repeat, biggest, smallest)
    try:
        add_themed(engine, biggest, sizes["evidence_items"] or 1, args.seed)
        if not args.kept_only:
            themed(engine, args.repeat)
        kept(engine, args.repeat, biggest)
    finally:
        drop_themed(engine)
    engine.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
