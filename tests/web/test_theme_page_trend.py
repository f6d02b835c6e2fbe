"""The theme page's monthly trend: the months `tradeoff theme` and `tradeoff demand` count,
to this month, and an item dated ahead of today named apart, never a month of its own.

The fixture's theme holds two tickets of 2 March 2026; the test adds a deal note dated by a
close date typed 400 days ahead (QA round 22: every theme's trend ran to that month).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta

import pytest
from fastapi.testclient import TestClient

from tests.cli.helpers import run_cli
from tests.web.conftest import Workspace
from tradeoff.domain.enums import EvidenceKind
from tradeoff.domain.evidence import EvidenceItem, EvidenceTheme
from tradeoff.domain.users import Role
from tradeoff.storage import repository
from tradeoff.storage.session import write_session


def month_start(day: date) -> date:
    return day.replace(day=1)


def month_before(day: date) -> date:
    return month_start(month_start(day) - timedelta(days=1))


def test_the_theme_page_draws_the_months_to_today_and_names_an_item_dated_ahead(
    signed_in: Callable[[Role], TestClient],
    workspace: Workspace,
    capsys: pytest.CaptureFixture[str],
) -> None:
    today = datetime.now(UTC).date()
    ahead = datetime.combine(today + timedelta(days=400), datetime.min.time(), UTC)
    with write_session(workspace.engine) as session:
        note = repository.add(
            session,
            EvidenceItem(
                source="salesforce",
                external_id="0065g0000dEbeSz:loss",
                kind=EvidenceKind.DEAL_NOTE,
                text="Lost: exports time out, we don't offer a fix.",
                created_at=ahead,
            ),
        )
        assert note.id is not None
        repository.add(
            session, EvidenceTheme(evidence_id=note.id, theme_id=workspace.theme_id, score=0.8)
        )
    # Recounted by hand: every month from March 2026 (the first item's) or the twelfth
    # before this one, whichever is earlier, to this month; March holds the two tickets.
    months = [month_start(today)]
    while len(months) < 12 or months[0] > date(2026, 3, 1):
        months.insert(0, month_before(months[0]))
    counts = {f"{m:%Y-%m}": 2 if m == date(2026, 3, 1) else 0 for m in months}
    whole = (today + timedelta(days=1)).day == 1
    last_full = month_start(today) if whole else month_before(today)
    words = f"{last_full:%Y-%m}: {counts.get(f'{last_full:%Y-%m}', 0)} (month before: "
    words += f"{counts.get(f'{month_before(last_full):%Y-%m}', 0)})"
    if not whole:
        words += f"; {today:%Y-%m} so far (to {today.isoformat()}): 0"

    page = signed_in(Role.VIEWER).get(f"/themes/{workspace.theme_id}").text
    trend = page.split("<p>Monthly: ", 1)[1].split("</p>", 1)[0]
    title = trend.split('title="', 1)[1].split('"', 1)[0]
    assert title == " · ".join(f"{m}: {n}" for m, n in counts.items())
    assert trend.endswith(f"</span></span> {words}")
    assert f"1 item dated after {today.isoformat()} is in no month yet." in page
    assert "3 evidence items from 1 account" in page  # the note is the theme's evidence
    assert f"last seen {ahead.date().isoformat()}" in page

    # The terminal and a script read the same trend.
    shown = run_cli(capsys, "--db", workspace.url, "theme", str(workspace.theme_id)).stdout
    assert f"  {words}\n" in shown
    assert f"1 item dated after {today.isoformat()} is in no month yet" in shown
    document = json.loads(
        run_cli(
            capsys, "--db", workspace.url, "theme", str(workspace.theme_id), "--format", "json"
        ).stdout
    )
    monthly = {m["month"]: m["items"] for m in document["monthly"]}
    assert monthly == {m: n for m, n in counts.items() if m >= "2026-03"}
    assert (document["items_ahead"], document["trend_as_of"]) == (1, today.isoformat())
    assert document["filling_month"] == (None if whole else f"{today:%Y-%m}")
    listed = run_cli(capsys, "--db", workspace.url, "themes").stdout
    assert f"1 item dated after {today.isoformat()} is in no month of the trend" in listed
