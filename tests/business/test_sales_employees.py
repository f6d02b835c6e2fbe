"""The win rate by company size: ``tradeoff sales --by employees``, in the bands ``tradeoff
demand --by employees`` draws, recounted in plain SQL.

Twelve customers and prospects of a payroll product, from a 10-person bakery to a
120-person logistics firm, each with won, lost and open deals; one account whose size the
CRM never filled, a deal with no account, and a lost duplicate (never a real deal, in no
figure). The bands are written out by hand: twelve accounts of one weight each make four
bands of three ("10–30", "40–60", "70–90", "100–120").
"""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, datetime
from decimal import Decimal

import pytest
from sqlalchemy import Engine, text

from tests.cli.helpers import run_cli
from tests.importers.exports import database_url, make_ledgerly
from tradeoff.analysis.business.demand import banded
from tradeoff.analysis.business.loss_taxonomy import classify_losses
from tradeoff.analysis.business.sales import sales_picture, win_rates_by
from tradeoff.domain.accounts import Account
from tradeoff.domain.deals import Deal
from tradeoff.domain.enums import DealOutcome
from tradeoff.storage import repository
from tradeoff.storage.demand import Breakdown
from tradeoff.storage.session import read_session, write_session

WON, LOST, OPEN = DealOutcome.WON, DealOutcome.LOST, DealOutcome.OPEN
#: name, employees, then each deal's outcome and amount (USD).
ACCOUNTS: list[tuple[str, int | None, list[tuple[DealOutcome, int]]]] = [
    ("Alder Bakery", 10, [(LOST, 4_000)]),
    ("Birch Dental", 20, [(WON, 6_000), (LOST, 5_000)]),
    ("Cedar Print", 30, [(WON, 7_500)]),
    ("Dahl Logistics", 40, [(WON, 12_000), (OPEN, 9_000)]),
    ("Elm Clinics", 50, [(LOST, 11_000)]),
    ("Fir Freight", 60, [(LOST, 10_000), (LOST, 8_000)]),
    ("Gale Hotels", 70, [(WON, 20_000)]),
    ("Hazel Schools", 80, [(WON, 18_000), (OPEN, 15_000)]),
    ("Iris Retail", 90, [(LOST, 16_000)]),
    ("Juniper Farms", 100, [(WON, 30_000)]),
    ("Kestrel Air", 110, [(WON, 28_000), (WON, 26_000)]),
    ("Linden Law", 120, [(LOST, 25_000)]),
    ("Maple Cafe", None, [(WON, 3_000), (LOST, 2_500)]),  # the CRM left its size empty
]
BANDS = {10: "10–30", 20: "10–30", 30: "10–30", 40: "40–60", 50: "40–60", 60: "40–60",
         70: "70–90", 80: "70–90", 90: "70–90", 100: "100–120", 110: "100–120",
         120: "100–120"}  # fmt: skip
CLOSED = datetime(2026, 3, 31, tzinfo=UTC)
CREATED = datetime(2026, 1, 5, tzinfo=UTC)


@pytest.fixture
def sized(engine: Engine) -> Engine:
    make_ledgerly(engine)
    number = 0
    with write_session(engine) as session:
        for name, employees, deals in ACCOUNTS:
            account = repository.add(session, Account(name=name, employees=employees))
            for outcome, amount in deals:
                number += 1
                repository.add(session, _deal(number, account.id, outcome, amount))
        repository.add(session, _deal(90, None, WON, 5_000))  # no account at all
        duplicate = _deal(91, None, LOST, 40_000, reason="Duplicate opportunity")
        repository.add(session, duplicate)
    classify_losses(engine)  # the duplicate is filed as never real, as an import files it
    return engine


def _deal(
    number: int, account_id: int | None, outcome: DealOutcome, amount: int, reason: str = ""
) -> Deal:
    closed = outcome is not OPEN
    return Deal(
        source="salesforce",
        external_id=f"0065g00000{number:05d}",
        account_id=account_id,
        name=f"Payroll rollout {number}",
        amount=Decimal(amount),
        currency="USD",
        stage={WON: "Closed Won", LOST: "Closed Lost", OPEN: "Proposal"}[outcome],
        outcome=outcome,
        created_at=CREATED,
        closed_at=CLOSED if closed else None,
        loss_reason=(reason or "Went with a cheaper payroll vendor") if outcome is LOST else None,
    )


def recount(engine: Engine) -> dict[str, tuple[int, int, int, Decimal]]:
    """Per band: won, lost, open and won revenue, by plain SQL over the tables and the
    hand-written bands; never-real deals left out by their saved category."""
    query = text(
        "SELECT a.employees, d.outcome, d.amount FROM deals d "
        "LEFT JOIN accounts a ON a.id = d.account_id "
        "LEFT JOIN loss_classifications c ON c.deal_id = d.id "
        "WHERE c.category IS NULL OR c.category != 'disqualified'"
    )
    found: dict[str, list[int | Decimal]] = {}
    with engine.connect() as connection:
        for employees, outcome, amount in connection.execute(query):
            band = BANDS[employees] if employees is not None else "(no employee count)"
            row = found.setdefault(band, [0, 0, 0, Decimal(0)])
            row[["won", "lost", "open"].index(outcome)] += 1
            if outcome == "won":
                row[3] += Decimal(str(amount))
    return {band: (int(w), int(lo), int(o), Decimal(r)) for band, (w, lo, o, r) in found.items()}


def test_the_win_rate_by_company_size_matches_a_recount(sized: Engine) -> None:
    picture = sales_picture(sized, "employees")
    rows = [(r.key, r.won, r.lost, r.open, r.won_revenue.amount) for r in picture.breakdown]
    expected = recount(sized)
    assert [r[0] for r in rows] == ["10–30", "40–60", "70–90", "100–120", "(no employee count)"]
    assert {key: (w, lo, o, rev) for key, w, lo, o, rev in rows} == expected
    assert expected["10–30"] == (2, 2, 0, Decimal("13500"))  # read off ACCOUNTS by hand
    assert expected["(no employee count)"] == (2, 1, 0, Decimal("8000"))  # Maple, no account
    smallest = picture.breakdown[0]
    assert smallest.win_rate == pytest.approx(2 / 4)
    assert win_rates_by(sized, "employees") == picture.breakdown


def test_the_bands_are_those_of_demand_by_employees(sized: Engine) -> None:
    with read_session(sized) as session:
        demand_bands = [b.label for b in banded(session, Breakdown("employees")).bands]
    sales_bands = [r.key for r in win_rates_by(sized, "employees")]
    assert sales_bands[:-1] == demand_bands


def test_few_sizes_are_read_value_by_value(engine: Engine) -> None:
    """Eight sizes or fewer are categories, as in demand: one row per size, smallest first."""
    make_ledgerly(engine)
    with write_session(engine) as session:
        for number, employees in enumerate((250, 15, 40, 15), 1):
            account = repository.add(session, Account(name=f"Firm {number}", employees=employees))
            repository.add(session, _deal(number, account.id, WON if number % 2 else LOST, 1000))
    rows = [(r.key, r.won, r.lost) for r in win_rates_by(engine, "employees")]
    assert rows == [("15", 0, 2), ("40", 1, 0), ("250", 1, 0)]


def test_the_cli_writes_the_breakdown_as_json_and_csv(
    sized: Engine, capsys: pytest.CaptureFixture[str]
) -> None:
    url = database_url(sized)
    result = run_cli(capsys, "--db", url, "sales", "--by", "employees", "--format", "json")
    assert result.exit_code == 0, result.stderr
    breakdown = json.loads(result.stdout)["breakdown"]
    assert breakdown["by"] == "employees"
    expected = recount(sized)
    assert {r["key"]: (r["won"], r["lost"], r["open"]) for r in breakdown["rows"]} == {
        band: counts[:3] for band, counts in expected.items()
    }
    result = run_cli(capsys, "--db", url, "sales", "--by", "employees", "--format", "csv")
    assert result.exit_code == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [(r["by"], r["value"], r["win_rate"]) for r in rows][:2] == [
        ("employees", "10–30", "0.5000"),
        ("employees", "40–60", "0.2500"),
    ]
    table = run_cli(capsys, "--db", url, "sales", "--by", "employees")
    assert "Win rate by employees" in table.stdout
    assert "100–120" in table.stdout
