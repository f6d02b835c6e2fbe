"""The report in a real browser: Debian's headless Chromium, driven by Playwright.

The HTML tests prove the file escapes customer text; this one proves the consequence a
reader cares about: opening the report with hostile evidence runs nothing (no dialog, no
``window.__pwned``), fetches nothing, logs no error, and shows its sections. SQLite only:
the page is the same whichever engine the workspace was read from.
"""

from __future__ import annotations

import shutil
import struct
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine

from tests.browser import ARGS, CHROMIUM, require_browser
from tests.business.world import TODAY, build_world
from tests.reports.hostile import (
    COMPANY,
    PROBLEM,
    QUESTION,
    THEME,
    plant_hostile_decision,
    plant_hostile_text,
)
from tradeoff.config import sqlite_url_for
from tradeoff.reports.html import write_report
from tradeoff.reports.report import build_report
from tradeoff.storage.engine import open_engine

SECTIONS = (
    "Themes",
    "Demand and money",
    "Sales and competition",
    "Problems",
    "Opportunities",
    "Decision log",
)


@pytest.fixture
def sqlite_engine(tmp_path: Path, sqlite_template: Path) -> Iterator[Engine]:
    path = tmp_path / "workspace.db"
    shutil.copyfile(sqlite_template, path)
    engine = open_engine(sqlite_url_for(path))
    yield engine
    engine.dispose()


def test_the_report_opens_in_chromium_and_runs_no_customer_script(
    sqlite_engine: Engine, tmp_path: Path
) -> None:
    require_browser()
    from playwright.sync_api import ConsoleMessage, Dialog, sync_playwright

    world = build_world(sqlite_engine)
    planted = plant_hostile_text(sqlite_engine, world)
    assert planted.theme.id is not None
    plant_hostile_decision(sqlite_engine, planted.theme.id)
    report = write_report(build_report(sqlite_engine, as_of=TODAY.date()), tmp_path / "report.html")
    dialogs: list[str] = []
    problems: list[str] = []
    requests: list[str] = []
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

            def on_dialog(dialog: Dialog) -> None:
                dialogs.append(dialog.message)
                dialog.dismiss()

            def on_console(message: ConsoleMessage) -> None:
                if message.type in ("error", "warning"):  # a CSP refusal is logged as an error
                    problems.append(f"console {message.type}: {message.text}")

            page.on("dialog", on_dialog)
            page.on("console", on_console)
            page.on("pageerror", lambda error: problems.append(f"page error: {error}"))
            page.on("request", lambda r: requests.append(r.url))
            page.goto(report.as_uri(), wait_until="load")
            page.wait_for_timeout(300)  # time for anything deferred to (not) happen

            assert page.evaluate("typeof window.__pwned") == "undefined"
            assert page.title().startswith(COMPANY)
            assert page.get_by_role("heading", level=1, name=COMPANY).is_visible()
            for heading in SECTIONS:
                assert page.get_by_role("heading", level=2, name=heading).is_visible()
            for heading in (THEME, PROBLEM, QUESTION):  # customer text, shown as text
                assert page.get_by_role("heading", level=3, name=heading).first.is_visible()
            # Every chart decoded and drew (an <img> that failed has no natural width).
            widths = page.eval_on_selector_all("img", "els => els.map(e => e.naturalWidth)")
            assert widths
            assert all(width > 0 for width in widths)
            shot = tmp_path / "report.png"
            page.screenshot(path=str(shot), full_page=True)
        finally:
            browser.close()
    assert dialogs == []
    assert problems == []
    assert requests == [report.as_uri()]  # the page itself; charts are data: URIs
    png = shot.read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", png[16:24])
    assert width == 1366
    assert height > 3000  # the whole report, not an empty or error page
    assert len(png) > 100_000
