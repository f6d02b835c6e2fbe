"""Import speed and memory: Tradeoff's CSV import against a plain loader, side by side.

Generates a helpdesk CSV of N tickets (default 1,000,000; realistic: quoted multi-line
bodies, 5,000 requesters at 800 companies), then times, each in a fresh process so peak RSS
is its own:

- ``tradeoff import csv`` into SQLite and into PostgreSQL (when TRADEOFF_TEST_POSTGRES_URL is
  set, e.g. under scripts/with-postgres.sh): full validation, account and person matching,
  idempotency keys, the undo log, one transaction;
- the peers: ``sqlite-utils insert --csv`` (datasette's loader: no validation, no matching)
  into SQLite, and PostgreSQL's own ``COPY`` into a bare table — the floor for each engine.

Prints a table: rows/s, seconds, peak RSS, and Tradeoff's ratio to the peer.

    scripts/with-postgres.sh .venv/bin/python bench/import_speed.py --rows 1000000
"""

from __future__ import annotations

import argparse
import csv
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BODIES = [
    "My card payment was declined at the fuel station again",
    'The transfer to our supplier shows "pending" for three days,\nwhat is going on?',
    "I need to download last quarter's statement as PDF for the auditors",
    "How do I add a second approver for payments over 10,000?",
    "Cash withdrawal fee was charged twice — please refund",
]


def generate(path: Path, rows: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    companies = [f"Company {i} Ltd" for i in range(800)]
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["Id", "Subject", "Body", "Created at", "Requester", "Email", "Company"])
        for i in range(rows):
            person = rng.randrange(5000)
            company = companies[person % 800]
            body = rng.choice(BODIES)
            writer.writerow(
                [
                    100000 + i,
                    body.split(",")[0][:40],
                    f"{body} (ref {i})",
                    f"2026-{1 + i % 12:02d}-{1 + i % 28:02d} {i % 24:02d}:{i % 60:02d}",
                    f"Requester {person}",
                    f"user{person}@company{person % 800}.example",
                    company,
                ]
            )


def measure(command: list[str], env: dict[str, str] | None = None) -> tuple[float, float]:
    """Wall seconds and this child's own peak RSS in MiB (from wait4, not the running max)."""
    started = time.perf_counter()
    child = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL)  # noqa: S603
    _pid, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - started
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"failed: {' '.join(command)}")
    return seconds, usage.ru_maxrss / 1024


def tradeoff(db: str, csv_path: Path) -> list[str]:
    exe = str(Path(sys.executable).with_name("tradeoff"))
    mapping = (
        "external_id=Id,title=Subject,text=Body,created_at=Created at,"
        "person=Requester,email=Email,account=Company"
    )
    return [exe, "--db", db, "import", "csv", str(csv_path), "--map", mapping]


def init(db: str) -> None:
    exe = str(Path(sys.executable).with_name("tradeoff"))
    command = [exe, "--db", db, "init", "--company", "Bench"]
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)  # noqa: S603


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="tradeoff-bench-"))
    results: list[tuple[str, str, float, float]] = []
    try:
        source = work / "tickets.csv"
        generate(source, args.rows)
        db = work / "tradeoff.db"
        init(str(db))
        seconds, rss = measure(tradeoff(str(db), source))
        results.append(("SQLite", "tradeoff import csv", seconds, rss))
        if shutil.which("sqlite-utils") or Path(sys.executable).with_name("sqlite-utils").exists():
            exe = str(Path(sys.executable).with_name("sqlite-utils"))
            peer_db = work / "peer.db"
            seconds, rss = measure([exe, "insert", str(peer_db), "tickets", str(source), "--csv"])
            results.append(("SQLite", "sqlite-utils insert --csv (peer)", seconds, rss))
        pg = os.environ.get("TRADEOFF_TEST_POSTGRES_URL")
        if pg:
            init(pg)
            seconds, rss = measure(tradeoff(pg, source))
            results.append(("PostgreSQL", "tradeoff import csv", seconds, rss))
            plain = pg.replace("+psycopg", "")
            copy_sql = (
                "CREATE TABLE IF NOT EXISTS peer_tickets (id text, subject text, body text, "
                "created text, requester text, email text, company text);"
                f"\\copy peer_tickets FROM '{source}' WITH (FORMAT csv, HEADER true)"
            )
            seconds, rss = measure(["psql", plain, "-q", "-c", copy_sql.split(";")[0],
                                    "-c", copy_sql.split(";")[1]])  # fmt: skip
            results.append(("PostgreSQL", "COPY (peer)", seconds, rss))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(f"\nImport of {args.rows:,} ticket rows ({os.cpu_count()} cores)\n")
    print("| engine | loader | seconds | rows/s | peak RSS MiB | Tradeoff ÷ peer time |")
    print("| --- | --- | --- | --- | --- | --- |")
    ours = {engine: s for engine, name, s, _ in results if name.startswith("tradeoff")}
    for engine, name, seconds, rss in results:
        ratio = "" if name.startswith("tradeoff") else f"{ours.get(engine, 0) / seconds:.1f}×"
        rate = f"{args.rows / seconds:,.0f}"
        print(f"| {engine} | {name} | {seconds:.1f} | {rate} | {rss:.0f} | {ratio} |")


if __name__ == "__main__":
    main()
