"""The demo workspace: built from the bundled exports, and a second run changes nothing."""

from __future__ import annotations

import json
from pathlib import Path

from tradeoff.config import sqlite_url_for
from tradeoff.demo import load_demo

DEMO = Path(__file__).resolve().parent.parent / "demo" / "data"


def test_demo_builds_from_the_bundled_exports_and_is_idempotent(tmp_path: Path) -> None:
    url = sqlite_url_for(tmp_path / "demo.db")
    first = load_demo(url, DEMO)
    tickets = json.loads((DEMO / "zendesk" / "tickets.json").read_text(encoding="utf-8"))
    organizations = json.loads((DEMO / "zendesk" / "organizations.json").read_text("utf-8"))
    assert first.counts["evidence items"] >= len(tickets["tickets"])
    assert first.counts["accounts"] >= len(organizations["organizations"])
    second = load_demo(url, DEMO)
    assert second.counts == first.counts
    assert all(report.inserted == report.updated == 0 for report in second.imports)
