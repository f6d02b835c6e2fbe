"""The web app end to end in a real browser: Debian's headless Chromium, driven by Playwright,
against a real uvicorn server on a loopback port serving a SQLite workspace.

A PM logs in, searches the evidence inbox, merges two themes through the theme page's form,
records a decision through the decision form and finds it in the log. Hostile customer text
(script tags, attribute injection, ``javascript:`` URLs) sits in evidence, theme names,
accounts, problems and decisions throughout; on every page no dialog opens,
``window.__pwned`` stays undefined and the page logs no error (a CSP refusal is logged as
one). Full-page screenshots of every page are written to ``test-output/screenshots/`` for a
person to look at. SQLite only: the pages are the same whichever engine serves them.
"""

from __future__ import annotations

import re
import shutil
import socket
import struct
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
import uvicorn
from sqlalchemy import Engine

from tests.browser import ARGS, CHROMIUM, require_browser
from tests.business.world import TODAY, World, build_world
from tests.reports.hostile import plant_hostile_decision, plant_hostile_text
from tests.web.conftest import PASSWORD, PEOPLE, add_user
from tests.web.strategy_world import StrategyPlanted, plant_strategy
from tradeoff.config import sqlite_url_for
from tradeoff.domain.enums import AssignedBy, EvidenceKind, EvidenceMode, ThemeStatus
from tradeoff.domain.evidence import EvidenceItem, EvidenceTheme, Theme
from tradeoff.domain.users import Role
from tradeoff.storage import repository
from tradeoff.storage.engine import open_engine
from tradeoff.storage.session import read_session, write_session
from tradeoff.web.app import create_app

if TYPE_CHECKING:
    from playwright.sync_api import ConsoleMessage, Dialog, Page, Request

SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-output" / "screenshots"
EDITOR = PEOPLE[Role.EDITOR]
ADMIN = PEOPLE[Role.ADMIN]
#: Attribute injection aimed at an unquoted or double-quoted attribute: it would run on load.
FOCUS_INJECTION = '" autofocus onfocus="window.__pwned=1" x="'
FOCUS_THEME = f"Login {FOCUS_INJECTION} javascript:window.__pwned=1"
FOCUS_TEXT = f'Cannot log in {FOCUS_INJECTION} <a href="javascript:window.__pwned=1">help</a>'


@dataclass
class Site:
    """The served workspace and what the test needs to find in it."""

    base: str
    engine: Engine
    world: World
    hostile_theme: int
    hostile_decision: int
    problem: int
    strategy: StrategyPlanted
    #: Screenshots this test wrote (the folder may hold older runs' too).
    shots: list[str] = field(default_factory=list)


def plant_focus_injection(engine: Engine, world: World) -> int:
    """A theme whose name and evidence try ``autofocus onfocus`` and ``javascript:`` links."""
    with write_session(engine) as session:
        theme = repository.add(session, Theme(name=FOCUS_THEME))
        assert theme.id is not None
        for number in range(2):
            item = repository.add(
                session,
                EvidenceItem(
                    source="intercom",
                    external_id=f"focus-{number}",
                    kind=EvidenceKind.CHAT,
                    mode=EvidenceMode.STATED,
                    title=FOCUS_INJECTION,
                    text=FOCUS_TEXT,
                    created_at=TODAY - timedelta(days=1 + number),
                    account_id=world.accounts[0].id,
                ),
            )
            assert item.id is not None
            repository.add(
                session,
                EvidenceTheme(evidence_id=item.id, theme_id=theme.id, assigned_by=AssignedBy.MODEL),
            )
    return theme.id


@pytest.fixture
def site(tmp_path: Path, sqlite_template: Path) -> Iterator[Site]:
    """Northwind Ledger with hostile text planted, two accounts, served by uvicorn."""
    path = tmp_path / "workspace.db"
    shutil.copyfile(sqlite_template, path)
    url = sqlite_url_for(path)
    engine = open_engine(url)
    world = build_world(engine)
    planted = plant_hostile_text(engine, world)
    assert planted.theme.id is not None
    decision = plant_hostile_decision(engine, planted.theme.id)
    plant_focus_injection(engine, world)
    strategy = plant_strategy(engine)
    for email, role in ((ADMIN, Role.ADMIN), (EDITOR, Role.EDITOR)):
        add_user(engine, email, role)  # argon2, as `tradeoff user add` hashes
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind(("127.0.0.1", 0))  # a free port, held from here on: no race for it
    port = listener.getsockname()[1]
    app = create_app(url, secure_cookies=False)
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="on"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [listener]}, daemon=True)
    thread.start()
    for _ in range(200):
        if server.started:
            break
        threading.Event().wait(0.05)
    assert server.started, "uvicorn did not start"
    try:
        yield Site(
            base=f"http://127.0.0.1:{port}",
            engine=engine,
            world=world,
            hostile_theme=planted.theme.id,
            hostile_decision=decision.decision_id,
            problem=decision.problem_id,
            strategy=strategy,
        )
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        listener.close()
        engine.dispose()


class Watch:
    """Everything that would mean a script ran or the page broke."""

    def __init__(self) -> None:
        self.dialogs: list[str] = []
        self.problems: list[str] = []
        self.foreign: list[str] = []

    def attach(self, page: Page, base: str) -> None:
        def on_dialog(dialog: Dialog) -> None:
            self.dialogs.append(dialog.message)
            dialog.dismiss()

        def on_console(message: ConsoleMessage) -> None:
            where = message.location.get("url", "")
            if where == f"{base}/favicon.ico":
                return  # Chromium asks for one on its own; the app has none (404)
            if message.type in ("error", "warning"):  # a CSP refusal is logged as an error
                self.problems.append(f"console {message.type}: {message.text} ({where})")

        def on_request(request: Request) -> None:
            if not request.url.startswith(base):
                self.foreign.append(request.url)

        page.on("dialog", on_dialog)
        page.on("console", on_console)
        page.on("pageerror", lambda error: self.problems.append(f"page error: {error}"))
        page.on("request", on_request)
        page.on(
            "response",
            lambda r: self.problems.append(f"{r.status} {r.url}") if r.status >= 400 else None,
        )


def visit(page: Page, site: Site, path: str, shot: str | None = None) -> None:
    """Open ``path``, give deferred code time to (not) run, check it ran nothing, and
    screenshot the whole page."""
    response = page.goto(site.base + path, wait_until="load")
    assert response is not None
    assert response.status == 200, f"{path}: {response.status}"
    # Figures still being computed fill themselves in (htmx polls the page): wait for
    # them, so that the checks below also cover the customer text they bring.
    page.locator('[hx-trigger="every 2s"]').wait_for(state="detached", timeout=120_000)
    page.wait_for_timeout(150)
    assert page.evaluate("typeof window.__pwned") == "undefined", path
    if shot:
        screenshot(page, site, shot)


def screenshot(page: Page, site: Site, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    target = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(target), full_page=True)
    png = target.read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n", name
    width, height = struct.unpack(">II", png[16:24])
    assert (width, height > 300) == (1366, True), name
    site.shots.append(name)


def log_in(page: Page, site: Site, email: str) -> None:
    page.goto(site.base + "/login", wait_until="load")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(site.base + "/")


def members(engine: Engine, theme_id: int) -> set[int]:
    with read_session(engine) as session:
        return {
            link.evidence_id
            for link in repository.list_all(session, EvidenceTheme)
            if link.theme_id == theme_id
        }


def theme_named(world: World, name: str) -> int:
    found = world.theme(name).id
    assert found is not None
    return found


def run_in_chromium(tmp_path: Path, site: Site, steps: Callable[[Page], None]) -> Watch:
    """Drive a fresh Chromium profile through ``steps(page, watch)``."""
    from playwright.sync_api import sync_playwright

    watch = Watch()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch_persistent_context(
            tmp_path / "profile",  # a fresh, empty profile
            executable_path=str(CHROMIUM),
            args=ARGS,
            headless=True,
            viewport={"width": 1366, "height": 900},
        )
        try:
            page = browser.new_page()
            watch.attach(page, site.base)
            steps(page)
        finally:
            browser.close()
    return watch


def test_a_pm_searches_merges_decides_and_finds_the_decision_in_the_log(
    site: Site, tmp_path: Path
) -> None:
    require_browser()
    from playwright.sync_api import expect

    audit = theme_named(site.world, "Audit logs")
    export = theme_named(site.world, "Bulk export")
    together = members(site.engine, audit) | members(site.engine, export)
    question = "Ship bulk export before SSO?"

    def steps(page: Page) -> None:
        log_in(page, site, EDITOR)
        expect(page.locator("header .who")).to_have_text(f"{EDITOR} (editor)")

        # Search the inbox: the form's own search box, as a PM types it.
        page.goto(site.base + "/evidence", wait_until="load")
        page.get_by_label("Search").fill("export invoice")
        page.get_by_role("button", name="Show").click()
        page.wait_for_url(re.compile(r"/evidence\?.*q=export\+invoice"))
        # The form sends its untouched filters empty (kind=&theme=&since=...): "any".
        expect(page.get_by_role("heading", level=1)).to_have_text("Evidence")
        hits = page.locator("table.evidence tbody tr")
        expect(hits.first).to_contain_text("We need to export every invoice at once.")
        marked = {m.lower() for m in page.locator("table.evidence mark").all_inner_texts()}
        assert {"export", "invoice"} <= marked

        # Merge "Audit logs" into "Bulk export" through the theme page's form.
        page.goto(f"{site.base}/themes/{audit}", wait_until="load")
        merge = page.locator(f'form[action="/themes/{audit}/merge"]')
        merge.get_by_label("Merge this theme into").select_option(str(export))
        merge.get_by_role("button", name="Merge").click()
        page.wait_for_url(f"{site.base}/themes/{export}?merged={audit}")
        expect(page.locator("p.message[role=status]")).to_have_text(
            f"Merged theme {audit} into this theme; re-analysis keeps the merge."
        )
        expect(page.get_by_role("heading", level=1)).to_have_text("Bulk export")
        # The merge changed the data: the figures are computed again, then polled in.
        figures = page.get_by_text(f"{len(together)} evidence items", exact=False)
        expect(figures).to_be_visible(timeout=120_000)
        screenshot(page, site, "theme-after-merge")

        # Record a decision through the form, then find it in the log.
        page.goto(site.base + "/decisions/new", wait_until="load")
        form = page.locator("form.decision")
        form.get_by_label("Question decided").fill(question)
        form.get_by_label("Options").fill("Bulk export first\nSSO first")
        form.get_by_label("Chosen option").fill("1")
        form.get_by_label("Trade-offs accepted").fill("Okta customers wait a quarter.")
        form.get_by_label("Signals that would change it").fill(
            f"theme {export} accounts >= 8\ndate 2027-03-01"
        )
        form.get_by_label("Owner").fill("Priya (PM)")
        form.get_by_role("button", name="Record").click()
        page.wait_for_url(re.compile(r"/decisions/\d+$"))
        expect(page.get_by_role("heading", level=1)).to_contain_text(question)
        page.get_by_role("navigation").get_by_role("link", name="Decisions").click()
        page.wait_for_url(site.base + "/decisions")
        row = page.locator("table tbody tr", has_text=question)
        expect(row).to_have_count(1)
        expect(row).to_contain_text("Bulk export first")
        expect(row).to_contain_text("Priya (PM)")

    watch = run_in_chromium(tmp_path, site, steps)
    assert watch.dialogs == []
    assert watch.problems == []
    assert watch.foreign == []
    with read_session(site.engine) as session:
        merged = next(t for t in repository.list_all(session, Theme) if t.id == audit)
    assert (merged.status, merged.merged_into_id) == (ThemeStatus.MERGED, export)
    assert members(site.engine, export) == together


def test_hostile_text_runs_nothing_on_any_page_and_every_page_is_photographed(
    site: Site, tmp_path: Path
) -> None:
    require_browser()
    from playwright.sync_api import expect

    def steps(page: Page) -> None:
        visit(page, site, "/login", "login")
        log_in(page, site, ADMIN)
        # Every page the navigation offers, whichever pages the app has grown by now.
        links = page.locator("header nav a")
        paths = [
            href
            for href in dict.fromkeys(
                links.evaluate_all("els => els.map(e => e.getAttribute('href'))")
            )
            if href and href.startswith("/")
        ]
        assert {"/", "/themes", "/evidence", "/problems", "/opportunities", "/decisions"} <= set(
            paths
        )
        for path in paths:
            visit(page, site, path, "home" if path == "/" else path.strip("/").replace("/", "-"))
        details = {
            f"/themes/{site.hostile_theme}": "theme-hostile",
            f"/themes/{theme_named(site.world, 'Bulk export')}": "theme",
            f"/problems/{site.problem}": "problem",
            f"/decisions/{site.hostile_decision}": "decision",
            "/decisions/new": "decision-form",
            "/evidence?q=export": "evidence-search",
            "/opportunities/rank?by=rice": "opportunities-rank",
            f"/assumptions/{site.strategy.a1}": "assumption",
            f"/assumptions/{site.strategy.a3}": "assumption-judged",
            f"/experiments/{site.strategy.e1}": "experiment",
            f"/experiments/{site.strategy.e2}": "experiment-planned",
        }
        for path, name in details.items():
            visit(page, site, path, name)
            if path.startswith("/themes/"):  # first shown computing, then polled in
                assert page.locator("#theme-figures ul.quotes li").count() > 0, path
        # The injected attribute did not become one: no element took focus or got a handler.
        for path in ("/evidence", "/evidence?q=log+in", "/themes"):
            visit(page, site, path)
            assert page.evaluate("document.activeElement === document.body"), path
            assert page.locator("[onfocus], [onerror], [onload]").count() == 0, path
            assert page.locator('a[href^="javascript:"]').count() == 0, path
        # Customer text shows as text: the payload is on the page, inert.
        page.goto(f"{site.base}/evidence?q=log+in", wait_until="load")
        expect(page.locator("table.evidence").first).to_contain_text("autofocus onfocus=")

    watch = run_in_chromium(tmp_path, site, steps)
    assert watch.dialogs == []
    assert watch.problems == []
    assert watch.foreign == []
    shots = set(site.shots)
    assert {"login", "home", "themes", "theme", "evidence", "problems", "opportunities"} <= shots
    assert {"decisions", "decision", "decision-form", "problem", "users"} <= shots
    assert {"assumptions", "assumption", "assumption-judged", "experiments", "experiment"} <= shots
    assert {"experiment-planned", "check", "coverage"} <= shots
