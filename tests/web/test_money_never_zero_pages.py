"""The themes list, the home page and the problem pages never show a sum whose deals or
accounts have no amount as "USD 0.00" (issue 6; the sales and competitor pages are
tests/web/test_sales_pages.py's).

The workspace is tests/cli/test_money_never_zero.py's Salesforce import, with the themes of
tests/cli/test_money_never_zero_more.py: Pilot reporting, raised by Cobalt Retail (a prospect
whose open deal has no amount), and Court filings, raised by Dunmore Legal (a customer with
no ARR whose open deal is GBP 4,000, no rate). Each is counted in plain SQL first.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, text

from tests.cli import test_money_never_zero as base
from tests.cli import test_money_never_zero_more as more
from tests.web.conftest import Workspace
from tradeoff.analysis.business.money_words import NO_AMOUNT
from tradeoff.decisions.problems import link_problem, new_problem
from tradeoff.domain.users import Role

crm = base.crm
themes = more.themes


@pytest.fixture
def crm_web(workspace: Workspace, crm: str, themes: dict[str, int]) -> dict[str, int]:
    """The web workspace (its users, an Acme theme) with the deals and the two themes."""
    return themes


def open_deals(engine: Engine) -> dict[str, tuple[str, str | None, int, int]]:
    """account → (lifecycle, ARR, open deals, of them with an amount): plain SQL."""
    with engine.connect() as connection:
        found = connection.execute(
            text(
                "SELECT a.name, a.lifecycle, a.arr, COUNT(d.id), COUNT(d.amount) "
                "FROM accounts a LEFT JOIN deals d ON d.account_id = a.id "
                "AND d.outcome = 'open' GROUP BY a.name, a.lifecycle, a.arr"
            )
        )
        return {n: (k, None if a is None else str(a), d, p) for n, k, a, d, p in found}


def cells(page: str) -> dict[str, list[str]]:
    """Each table row's cells (tags stripped, entities decoded), by its first cell."""
    found = {}
    for row in re.findall(r"<tr>(.*?)</tr>", page, re.S):
        shown = [html.unescape(re.sub(r"<[^>]+>", "", c)).strip() for c in re.findall(
            r"<td>(.*?)</td>", row, re.S)]  # fmt: skip
        if shown:
            found[shown[0]] = shown
    return found


def test_the_theme_list_and_home_page_say_no_amount(
    signed_in: Callable[[Role], TestClient], workspace: Workspace, crm_web: dict[str, int]
) -> None:
    counted = open_deals(workspace.engine)
    # Cobalt: a prospect (no ARR to pay) whose one open deal has no amount.
    assert counted["Cobalt Retail"] == ("prospect", None, 1, 0)
    assert counted["Dunmore Legal"] == ("customer", None, 1, 1)
    browser = signed_in(Role.VIEWER)
    listed = cells(browser.get("/themes").text)
    assert listed["Pilot reporting"][6] == NO_AMOUNT  # was "USD 0.00"
    assert listed["Court filings"][6] == "GBP 4,000.00 (no rate)"
    home = browser.get("/").text
    demand = cells(home.split('id="demand"', 1)[1].split("</section>", 1)[0])
    assert demand["Pilot reporting"][1] == NO_AMOUNT  # was "USD 0.00"
    assert demand["Court filings"][1] == "GBP 4,000.00 (no rate)"


def test_the_problem_pages_say_no_amount(
    signed_in: Callable[[Role], TestClient], workspace: Workspace, crm_web: dict[str, int]
) -> None:
    engine = workspace.engine
    pilot = new_problem(engine, "Pilots cannot report to their sponsor")
    court = new_problem(engine, "Filings miss the court deadline")
    assert pilot.id is not None
    assert court.id is not None
    link_problem(engine, pilot.id, theme_ids=[crm_web["Pilot reporting"]])
    link_problem(engine, court.id, theme_ids=[crm_web["Court filings"]])
    counted = open_deals(engine)
    assert counted["Cobalt Retail"][2:] == (1, 0)
    browser = signed_in(Role.VIEWER)
    listed = cells(browser.get("/problems").text)
    # ARR and pipeline: a prospect pays no ARR (a real 0); a customer's unknown ARR is not.
    assert listed[str(pilot.id)][6:8] == ["USD 0.00", NO_AMOUNT]  # pipeline was "USD 0.00"
    assert listed[str(court.id)][6:8] == [NO_AMOUNT, "GBP 4,000.00 (no rate)"]
    page = " ".join(html.unescape(browser.get(f"/problems/{pilot.id}").text).split())
    assert "ARR USD 0.00, pipeline no amount, lost no amount," in page
    other = " ".join(html.unescape(browser.get(f"/problems/{court.id}").text).split())
    assert "ARR no amount, pipeline GBP 4,000.00 (no rate), lost GBP 2,000.00 (no rate)," in other
