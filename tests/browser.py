"""Debian's headless Chromium for the browser tests: where it is, how it is launched as root
on a closed network, and when a missing browser skips a test (never under CI)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
#: As root on a closed network: no sandbox (root), and none of Chromium's own traffic.
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def require_browser() -> None:
    """Skip where there is no browser to drive, except under CI, where make test installs
    it and a missing one is a broken setup, not a reason to pass quietly."""
    missing = []
    if not CHROMIUM.exists():
        missing.append(f"{CHROMIUM} (apt-get install chromium, or run make test)")
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        missing.append("the playwright package (pip install playwright, or run make test)")
    if not missing:
        return
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"CI=true but {' and '.join(missing)} is missing: make test installs it")
    pytest.skip(f"{' and '.join(missing)} is missing")
