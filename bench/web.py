"""Web pages at scale: p50 and p95 of the inbox, a theme page and home, under load.

Builds (or reuses, with --db) bench/demand.py's deterministic workspace — 1,000,000
evidence items by default — starts the app as ``tradeoff serve`` does (uvicorn, one
process) in a subprocess on a loopback port, adds a user and logs in, then sends a bounded
load from this process: ``--clients`` concurrent clients, ``--requests`` requests per page
after ``--warmup`` each (a page whose warm-up median exceeds a second gets only two per
client: it is far off target, and 200 would take an hour). Beside each page it times the
framework's floor: a trivial route on the same server, through the same middleware, under
the same load.

Home, the theme list and theme pages keep slow figures and recompute them in the
background (``web/versioned_cache.py``): the bench times the first answer after the server
starts (nothing kept: the "computing" page) and how long until the figures are in, measures
the warm pages, then changes the data and times the first answer after the change (the
previous figures, marked stale), the same load while the recomputation runs, and how long
the recomputation takes:

    .venv/bin/python bench/web.py --items 100000 --deals 10000
    .venv/bin/python bench/web.py --db /tmp/web.db      # built once, reused next time
"""

from __future__ import annotations

import argparse
import os
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx
from demand import ensure_built
from sqlalchemy import func, select, text

from tradeoff.config import sqlite_url_for
from tradeoff.domain.users import Role, User
from tradeoff.storage import users
from tradeoff.storage.engine import open_engine
from tradeoff.storage.schema import upgrade
from tradeoff.storage.session import write_session
from tradeoff.storage.tables import EvidenceItemRow
from tradeoff.web.passwords import hash_password

EMAIL, PASSWORD = "bench@example.com", "bench password 1"
FLOOR = "/bench/floor"
#: Seconds (warm-up median) past which a page is timed on a token sample only.
SLOW = 1.0
CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')
#: A figures container still polling: its figures are missing or being updated.
POLLING = 'hx-trigger="every 2s"'


def serve(url: str, port: int) -> None:
    """The server side: the app ``tradeoff serve`` runs, plus the trivial floor route."""
    import uvicorn
    from fastapi.responses import PlainTextResponse

    from tradeoff.web.app import create_app

    app = create_app(url)
    app.add_api_route(FLOOR, lambda: PlainTextResponse("ok"), methods=["GET"])
    uvicorn.run(app, host="127.0.0.1", port=port, log_level="warning", proxy_headers=True)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def log_in(base: str) -> httpx.Cookies:
    with httpx.Client(base_url=base, timeout=600) as client:
        token = CSRF.search(client.get("/login").text)
        assert token is not None, "no CSRF token on the login page"
        answer = client.post(
            "/login", data={"email": EMAIL, "password": PASSWORD, "csrf_token": token.group(1)}
        )
        assert answer.status_code == 303, answer.text
        return client.cookies


def load(base: str, cookies: httpx.Cookies, path: str, clients: int, requests: int) -> list[float]:
    """Seconds per request: ``requests`` spread over ``clients`` threads, each its own
    keep-alive connection."""
    times: list[float] = []
    lock = threading.Lock()

    def client_loop(count: int) -> None:
        with httpx.Client(base_url=base, cookies=cookies, timeout=600) as client:
            for _ in range(count):
                start = time.perf_counter()
                answer = client.get(path)
                spent = time.perf_counter() - start
                assert answer.status_code == 200, (path, answer.status_code, answer.text[:300])
                with lock:
                    times.append(spent)

    shares = [requests // clients + (1 if i < requests % clients else 0) for i in range(clients)]
    threads = [threading.Thread(target=client_loop, args=(n,)) for n in shares]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return times


def p95(times: list[float]) -> float:
    return statistics.quantiles(times, n=20, method="inclusive")[-1]


def wait_until_up(base: str, server: subprocess.Popen[bytes]) -> None:
    for _ in range(600):
        if server.poll() is not None:
            raise SystemExit("the server stopped while starting")
        try:
            httpx.get(f"{base}/login", timeout=1)
            return
        except httpx.TransportError:
            time.sleep(0.1)
    raise SystemExit("the server did not start in a minute")


def until_current(base: str, cookies: httpx.Cookies, path: str) -> float:
    """Seconds until ``path`` shows current figures (no container polling any more)."""
    start = time.perf_counter()
    with httpx.Client(base_url=base, cookies=cookies, timeout=600) as client:
        while POLLING in client.get(path).text:
            time.sleep(0.2)
    return time.perf_counter() - start


def first_answer(base: str, cookies: httpx.Cookies, path: str) -> tuple[float, bool]:
    """Seconds of one request, and whether its figures were current."""
    start = time.perf_counter()
    answer = httpx.get(f"{base}{path}", cookies=cookies, timeout=600)
    answer.raise_for_status()
    return time.perf_counter() - start, POLLING not in answer.text


def row(name: str, times: list[float], floor: list[float]) -> str:
    return (
        f"| {name} | {statistics.median(times) * 1000:.1f} | {p95(times) * 1000:.1f} "
        f"| {len(times)} | {statistics.median(floor) * 1000:.1f} "
        f"| {p95(floor) * 1000:.1f} | {p95(times) / p95(floor):.1f} |"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", help="SQLite path (built when empty, reused when built)")
    parser.add_argument("--items", type=int, default=1_000_000)
    parser.add_argument("--deals", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--clients", type=int, default=4)
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--warmup", type=int, default=20)
    parser.add_argument("--serve", nargs=2, metavar=("URL", "PORT"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve:
        serve(args.serve[0], int(args.serve[1]))
        return 0
    path = Path(args.db) if args.db else Path(tempfile.mkdtemp()) / "web.db"
    url = sqlite_url_for(path)
    engine = open_engine(url)
    upgrade(engine)
    ensure_built(engine, args.items, args.deals, args.seed)
    with engine.connect() as connection:
        items = connection.scalar(select(func.count()).select_from(EvidenceItemRow))
    with write_session(engine) as session:
        if users.find_user(session, EMAIL) is None:
            users.add_user(
                session, User(email=EMAIL, password_hash=hash_password(PASSWORD), role=Role.ADMIN)
            )
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    command = [sys.executable, __file__, "--serve", url, str(port)]
    server = subprocess.Popen(command)  # noqa: S603 - our own interpreter and script
    try:
        wait_until_up(base, server)
        cookies = log_in(base)
        kept_pages = {"home": "/", "theme list": "/themes", "theme page (largest)": "/themes/1"}
        started: dict[str, tuple[float, bool, float]] = {}
        for name, page in kept_pages.items():  # home and the list started with the server
            spent, current = first_answer(base, cookies, page)
            started[name] = (spent, current, until_current(base, cookies, page))
        pages = {
            "inbox, first page": "/evidence",
            "inbox, kind + segment": "/evidence?kind=ticket&segment=Enterprise",
            "inbox, account": "/evidence?account=1234",
            "inbox, theme": "/evidence?theme=7",
            "inbox, search one word": "/evidence?q=evidence",
            "inbox, search two words": "/evidence?q=evidence+424242",
            "inbox, older page": f"/evidence?before={items // 2}",
            **{f"{name}, warm": page for name, page in kept_pages.items()},
        }
        print(f"engine: sqlite; evidence items {items:,}; {args.clients} clients; "
              f"{args.requests} requests per page after {args.warmup}")  # fmt: skip
        header = "| page | p50 ms | p95 ms | requests | floor p50 ms | floor p95 ms | p95 / floor |"
        print(header)
        print("| --- | --- | --- | --- | --- | --- | --- |")
        for name, page in pages.items():
            warm = load(base, cookies, page, args.clients, args.warmup)
            # A page far off target gets a token sample, so the run ends in minutes.
            slow = statistics.median(warm) > SLOW
            times = load(
                base, cookies, page, args.clients, 2 * args.clients if slow else args.requests
            )
            floor = load(base, cookies, FLOOR, args.clients, args.requests)
            print(row(name, times, floor), flush=True)
        changed: dict[str, tuple[float, bool, float]] = {}
        for name, page in kept_pages.items():
            with engine.begin() as connection:  # a change: every kept figure is now stale
                connection.execute(
                    text("UPDATE workspace_settings SET company_name = company_name")
                )
            changed_at = time.perf_counter()
            spent, current = first_answer(base, cookies, page)
            # The same load as above while the recomputation runs in the server.
            times = load(base, cookies, page, args.clients, args.requests)
            floor = load(base, cookies, FLOOR, args.clients, args.requests)
            until_current(base, cookies, page)
            changed[name] = (spent, current, time.perf_counter() - changed_at)
            print(row(f"{name}, while recomputing after a change", times, floor), flush=True)
        print()
        print("| page | first answer after start ms | figures in after s "
              "| first answer after a change ms | current figures after s |")  # fmt: skip
        print("| --- | --- | --- | --- | --- |")
        for name in kept_pages:
            s_spent, s_current, s_ready = started[name]
            c_spent, c_current, c_ready = changed[name]
            print(
                f"| {name} | {s_spent * 1000:.1f}{'' if s_current else ' (computing)'} "
                f"| {s_ready:.1f} | {c_spent * 1000:.1f}{'' if c_current else ' (stale)'} "
                f"| {c_ready:.1f} |"
            )
        print("load average (1, 5, 15 min) at the end: " + ", ".join(
            f"{load:.2f}" for load in os.getloadavg()))  # fmt: skip
    finally:
        server.terminate()
        server.wait(timeout=30)
    engine.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
