"""A deal with no amount is counted as a deal and its money is unknown, never 0.00; a sum
only in a currency without a rate is that currency, not "USD 0.00 + GBP ...".

From a QA round: ``tradeoff competitor Cin7`` read "status_quo: 1 deal, USD 0.00" for a
deal the CRM gave no amount, and ``tradeoff sales`` "amount USD 0.00 + GBP 7,200.00" for
one disqualified deal in pounds.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from sqlalchemy import Engine

from tests.cli.helpers import run_cli
from tests.importers.exports import database_url
from tradeoff.importers.registry import IMPORTERS, run

#: A HubSpot deals export: Katana's only lost deal has no amount, Fishbowl's only one is in
#: pounds (no rate given), one more pound deal is a duplicate, and Cin7 has one lost deal
#: with an amount and one without, both lost on price.
DEALS = """\
Record ID,Deal Name,Deal Stage,Amount,Currency,Close Date,Create Date,Closed Lost Reason,\
Associated Company (Primary),Competitor
30100401,Prairie Candles - New,Closed Lost,,USD,2026-06-19,2026-03-22 10:15,\
Decided to stay with their current process,Prairie Candles,Katana
30100402,Willow Crafts - New,Closed Lost,7200,GBP,2026-05-26,2026-02-03 10:15,\
Fishbowl was cheaper for them,Willow Crafts,Fishbowl
30100403,Willow Crafts - New (2),Closed Lost,7200,GBP,2026-05-27,2026-02-03 10:20,\
Duplicate deal,Willow Crafts,
30100404,Orchard Co - Multi-site,Closed Lost,24000,USD,2026-07-08,2026-04-01 09:00,\
Lost on price - per-location fee too high,Orchard Co,Cin7
30100405,Summit Tea - New,Closed Lost,,USD,2026-08-02,2026-05-11 16:45,\
Lost on price - per-location fee too high,Summit Tea,Cin7
"""


@pytest.fixture
def url(engine: Engine, tmp_path: Path) -> str:
    path = tmp_path / "hubspot-crm-exports-all-deals.csv"
    path.write_text(DEALS, encoding="utf-8")
    run(engine, IMPORTERS["hubspot"], path)
    return database_url(engine)


def shown(capsys: pytest.CaptureFixture[str], url: str, *args: str) -> str:
    result = run_cli(capsys, "--db", url, *args)
    assert result.exit_code == 0, result.stderr
    return " ".join(result.stdout.split())


def test_a_competitor_whose_lost_deal_has_no_amount_shows_no_amount(
    capsys: pytest.CaptureFixture[str], url: str
) -> None:
    page = shown(capsys, url, "competitor", "Katana")
    assert "revenue at stake no amount" in page
    assert "lost to deals where present no amount; open pipeline USD 0.00" in page
    assert ": 1 deal, no amount" in page
    assert "USD 0.00 +" not in page
    some = shown(capsys, url, "competitor", "Cin7")
    assert "lost to deals where present USD 24,000.00 plus 1 deal with no amount" in some
    assert "price_budget: 2 deals, USD 24,000.00 plus 1 deal with no amount" in some
    pounds = shown(capsys, url, "competitor", "Fishbowl")
    assert "lost to deals where present GBP 7,200.00 (no rate)" in pounds
    ranking = shown(capsys, url, "competitors")
    assert "Katana │ direct │ – (no amount) │ – (no amount) │ 0 │ 1" in ranking


def test_json_and_csv_count_the_deals_with_no_amount(
    capsys: pytest.CaptureFixture[str], url: str
) -> None:
    found = json.loads(shown(capsys, url, "competitor", "Katana", "--format", "json"))
    assert (found["lost"], found["lost_unpriced"], found["revenue_lost"]["amount"]) == (
        1,
        1,
        "0.00",
    )
    assert [(r["deals"], r["deals_with_amount"]) for r in found["loss_reasons"]] == [(1, 0)]
    result = run_cli(capsys, "--db", url, "competitors", "--format", "csv")
    rows = {r["competitor"]: r for r in csv.DictReader(io.StringIO(result.stdout))}
    assert (rows["Katana"]["lost_unpriced"], rows["Cin7"]["lost_unpriced"]) == ("1", "1")
    assert rows["Fishbowl"]["lost_unpriced"] == "0"


def test_sales_and_loss_reasons_never_show_zero_for_unknown_money(
    capsys: pytest.CaptureFixture[str], url: str
) -> None:
    picture = shown(capsys, url, "sales")
    assert "left out as disqualified (duplicate, spam, test, unqualified), amount GBP 7,200.00" in (
        picture
    )
    assert "USD 0.00 +" not in picture
    categories = json.loads(shown(capsys, url, "loss-reasons", "--format", "json"))["categories"]
    unpriced = [c["category"] for c in categories if c["deals"] and not c["deals_with_amount"]]
    assert unpriced  # Katana's deal: a category whose only deal has no amount
    table = shown(capsys, url, "loss-reasons")
    for category in unpriced:
        assert f"{category} │ 1 │ 0 │ – (no amount)" in table
    # The disqualified deal's pounds alone are shown as pounds, never as 0; the price row
    # mixing dollars and pounds is starred, and the star is explained under the table.
    assert "disqualified │ 1 │ 0 │ GBP 7,200 (no rate)" in table
    assert "price_budget │ 3 │ 0 │ 24,000 *" in table
    assert "* plus amounts in GBP, which has no rate" in table
