"""The competitor page says which mentions came from the competitor and which may leave for
them, as ``tradeoff competitor`` reads them (tests/cli/test_mention_stances.py holds the
tickets and the stance written beside each)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from fastapi.testclient import TestClient

from tests.cli.test_mention_stances import DEALS, TICKETS
from tests.web.conftest import Workspace
from tradeoff.analysis.business.competitor_scan import scan_competitors
from tradeoff.domain.enums import MentionStance
from tradeoff.domain.users import Role
from tradeoff.importers.generic_csv import GenericCsvImporter
from tradeoff.importers.registry import run
from tradeoff.importers.salesforce import SalesforceImporter


def test_the_page_splits_the_mentions_and_tags_each_quote(
    workspace: Workspace, signed_in: Callable[[Role], TestClient], tmp_path: Path
) -> None:
    deals, tickets = tmp_path / "deals.csv", tmp_path / "tickets.csv"
    deals.write_text(DEALS, encoding="utf-8")
    lines = ["Ticket ID,Description,Created Date,Organization"]
    lines += [f'{t},"{said}",2026-10-{n:02d},{a}' for n, (t, a, said, *_) in enumerate(TICKETS, 1)]
    tickets.write_text("\n".join(lines) + "\n", encoding="utf-8")
    run(workspace.engine, SalesforceImporter(), deals)
    run(workspace.engine, GenericCsvImporter(), tickets)
    scan_competitors(workspace.engine)

    page = signed_in(Role.VIEWER).get("/competitors/Pingdom").text

    came = sum(row[3] is MentionStance.CAME_FROM for row in TICKETS)
    named = sum(row[3] is not None for row in TICKETS)
    assert f"{named} items: {came} came from them</dd>" in page
    tagged = page.split("<h2>Quotes</h2>")[1].split("<h2>")[0].count("; came from them</span>")
    assert tagged == came
