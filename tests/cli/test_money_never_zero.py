"""A money figure with no amount, or only amounts in a currency without a rate, is never
shown as 0 (issue 6: "a figure that mixes currencies without a rate says so instead of
adding them"; deals with no amount are counted, never summed as zero).

The sales workspace is imported through the real Salesforce importer from Data Loader
exports; every expected cell is a hand count over those nine deals, and the counts the
hand count relies on are read back with plain SQL first. ``tradeoff demand`` is checked on
the shared company (tests/business/world.py), where Granite Mining pays in JPY, which has
no rate.
"""

from __future__ import annotations

import csv
import io
import json
from datetime import timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import Engine, text

from tests.business.world import TODAY, World, build_world
from tests.cli.helpers import run_cli
from tradeoff.analysis.business.sales import BREAKDOWNS
from tradeoff.cli.money_cells import NO_AMOUNT
from tradeoff.domain.enums import EvidenceKind, EvidenceMode
from tradeoff.domain.evidence import EvidenceItem, EvidenceTheme, Theme
from tradeoff.storage import repository
from tradeoff.storage.session import write_session

ACCOUNTS = """\
Id,Name,Type,Segment__c,Plan__c,BillingCountry,ARR__c,CurrencyIsoCode
001A00000000001AAA,Acme Freight,Customer,Enterprise,Scale,US,240000,USD
001A00000000002AAA,Brightwater Health,Customer,Mid-Market,Growth,UK,90000,GBP
001A00000000003AAA,Cobalt Retail,Prospect,SMB,Starter,DE,,
001A00000000004AAA,Dunmore Legal,Customer,Public Sector,Scale,UK,,
"""

#: Nine deals: USD, GBP (no rate until a test gives one) and no amount, won, lost and open.
OPPORTUNITIES = """\
Id,Name,AccountId,StageName,IsClosed,IsWon,Amount,CurrencyIsoCode,CloseDate,CreatedDate,\
LeadSource,Loss_Reason__c,Competitor__c,Description
006A00000000001AAA,Acme renewal,001A00000000001AAA,Closed Won,true,true,12000,USD,\
2026-03-10,2026-01-05,Inbound,,Zoho,Chose us
006A00000000002AAA,Acme expansion,001A00000000001AAA,Closed Lost,true,false,5000,USD,\
2026-04-10,2026-02-05,Inbound,Too expensive for the budget,Zoho,Price
006A00000000003AAA,Brightwater new,001A00000000002AAA,Closed Lost,true,false,7200,GBP,\
2026-05-10,2026-02-15,Partner,Missing SSO feature,Pipedrive,Needed SSO
006A00000000004AAA,Brightwater won,001A00000000002AAA,Closed Won,true,true,3000,GBP,\
2026-05-20,2026-02-15,Partner,,Pipedrive,Fine
006A00000000005AAA,Cobalt trial,001A00000000003AAA,Closed Won,true,true,,USD,\
2026-06-10,2026-03-15,Outbound,,Monday,Small pilot
006A00000000006AAA,Cobalt lost,001A00000000003AAA,Closed Lost,true,false,,USD,\
2026-06-11,2026-03-15,Outbound,No decision - project postponed,Monday,Champion left
006A00000000007AAA,Cobalt open,001A00000000003AAA,Proposal,false,false,,USD,\
,2026-05-15,Outbound,,Monday,Pilot
006A00000000008AAA,Dunmore open,001A00000000004AAA,Negotiation,false,false,4000,GBP,\
,2026-05-15,Outbound,,Pipedrive,Legal review
006A00000000009AAA,Dunmore lost,001A00000000004AAA,Closed Lost,true,false,2000,GBP,\
2026-06-20,2026-04-15,Outbound,Price too high,,Budget
"""


@pytest.fixture
def crm(capsys: pytest.CaptureFixture[str], workspace_url: str, tmp_path: Path) -> str:
    """The workspace with both exports imported; returns its URL."""
    for name, content in (("accounts.csv", ACCOUNTS), ("opportunities.csv", OPPORTUNITIES)):
        path = tmp_path / name
        path.write_text(content, encoding="utf-8")
        imported = run_cli(capsys, "--db", workspace_url, "import", "salesforce", str(path))
        assert imported.exit_code == 0, imported.stderr
    return workspace_url


def table(out: str, title: str | None = None) -> dict[str, dict[str, str]]:
    """The rows of the table printed under ``title`` (else the first), by their first
    cell, each a dict by heading; a cell wrapped on several lines is joined with spaces,
    and a group row (``  · APAC``) is keyed by its label."""
    lines = out.splitlines()
    start = 0 if title is None else next(n for n, s in enumerate(lines) if s.startswith(title))
    header = next(n for n in range(start, len(lines)) if "┃" in lines[n])
    headings = [h.strip() for h in lines[header].split("┃")]
    rows: dict[str, list[str]] = {}
    key = ""
    for line in lines[header + 2 :]:
        if "│" not in line:
            break
        cells = [c.strip() for c in line.split("│")]
        if cells[0] or cells[1].startswith("·"):
            key = cells[0] or cells[1]
            rows[key] = cells
        else:
            rows[key] = [f"{a} {b}".strip() for a, b in zip(rows[key], cells, strict=True)]
    return {k: dict(zip(headings, cells, strict=True)) for k, cells in rows.items()}


def lost_by_category(engine: Engine) -> dict[tuple[str, str], tuple[int, int, Decimal]]:
    """(category, currency) → lost deals, of them with an amount, their sum: plain SQL."""
    with engine.connect() as connection:
        found = connection.execute(
            text(
                "SELECT c.category, d.currency, COUNT(*), COUNT(d.amount), "
                "COALESCE(SUM(d.amount), 0) FROM deals d "
                "JOIN loss_classifications c ON c.deal_id = d.id "
                "WHERE d.outcome = 'lost' GROUP BY c.category, d.currency"
            )
        )
        return {(k, c): (n, m, Decimal(str(s))) for k, c, n, m, s in found}


def test_a_loss_category_in_a_currency_without_a_rate_shows_its_amount(
    capsys: pytest.CaptureFixture[str], crm: str, engine: Engine
) -> None:
    shown = run_cli(capsys, "--db", crm, "loss-reasons")
    assert shown.exit_code == 0, shown.stderr
    assert lost_by_category(engine) == {
        ("price_budget", "USD"): (1, 1, Decimal(5000)),
        ("price_budget", "GBP"): (1, 1, Decimal(2000)),
        ("product_gap", "GBP"): (1, 1, Decimal(7200)),
        ("timing_no_decision", "USD"): (1, 0, Decimal(0)),
    }
    revenue = {k: (r["deals"], r["lost revenue USD"]) for k, r in table(shown.stdout).items()}
    assert revenue["price_budget"] == ("2", "5,000 *")  # the USD part, GBP apart
    assert revenue["product_gap"] == ("1", "GBP 7,200 (no rate)")  # was "0 *"
    assert revenue["timing_no_decision"] == ("1", NO_AMOUNT)
    assert revenue["relationship"] == ("0", "0")  # no lost deal: a real zero
    assert "* plus amounts in GBP, which has no rate" in shown.stdout
    # The sales picture's loss table is the same one.
    sales = run_cli(capsys, "--db", crm, "sales").stdout
    assert table(sales, "Loss reasons")["product_gap"]["lost revenue USD"] == (
        "GBP 7,200 (no rate)"
    )
    # Given a rate, the same cells are figures: what was shown was the unconverted amount.
    assert run_cli(capsys, "--db", crm, "currency", "set", "GBP", "1.25").exit_code == 0
    rated = table(run_cli(capsys, "--db", crm, "loss-reasons").stdout)
    assert rated["product_gap"]["lost revenue USD"] == "9,000"  # 7,200 × 1.25
    assert rated["price_budget"]["lost revenue USD"] == "7,500"  # 5,000 + 2,000 × 1.25
    assert rated["timing_no_decision"]["lost revenue USD"] == NO_AMOUNT


def test_loss_reasons_csv_and_json_tell_no_amount_and_no_rate_from_zero(
    capsys: pytest.CaptureFixture[str], crm: str, engine: Engine
) -> None:
    document = json.loads(run_cli(capsys, "--db", crm, "loss-reasons", "--format", "json").stdout)
    rows = list(
        csv.DictReader(io.StringIO(run_cli(capsys, "--db", crm, "loss-reasons", "--format",
                                           "csv").stdout))
    )  # fmt: skip
    counted = lost_by_category(engine)
    for category in ("product_gap", "timing_no_decision"):
        mine = {c: v for (k, c), v in counted.items() if k == category}
        row = next(r for r in rows if r["category"] == category)
        part = next(c for c in document["categories"] if c["category"] == category)
        assert (
            int(row["deals_with_amount"])
            == part["deals_with_amount"]
            == sum(m for _, m, _ in mine.values())
        )
        assert part["lost_revenue"]["unconverted"] == {
            c: f"{s:.2f}" for c, (_, m, s) in mine.items() if m and c != "USD"
        }
    assert next(r for r in rows if r["category"] == "product_gap")["unconverted"] == ("GBP 7200.00")


def won_by_segment(engine: Engine) -> dict[str, tuple[int, int]]:
    """segment → won deals, won deals without an amount: plain SQL."""
    with engine.connect() as connection:
        found = connection.execute(
            text(
                "SELECT a.segment, COUNT(*), COUNT(*) - COUNT(d.amount) FROM deals d "
                "JOIN accounts a ON a.id = d.account_id WHERE d.outcome = 'won' "
                "GROUP BY a.segment"
            )
        )
        return {segment: (won, unpriced) for segment, won, unpriced in found}


def test_won_revenue_of_a_group_with_no_amount_or_no_rate_is_never_zero(
    capsys: pytest.CaptureFixture[str], crm: str, engine: Engine
) -> None:
    assert won_by_segment(engine) == {
        "Enterprise": (1, 0),
        "Mid-Market": (1, 0),  # its won deal is GBP 3,000: no rate
        "SMB": (1, 1),
    }
    shown = run_cli(capsys, "--db", crm, "sales", "--by", "segment")
    assert shown.exit_code == 0, shown.stderr
    won = {k: (r["won"], r["won revenue USD"]) for k, r in table(shown.stdout, "Win rate").items()}
    assert won == {
        "Enterprise": ("1", "12,000"),
        "Mid-Market": ("1", "GBP 3,000 (no rate)"),  # was "0 *"
        "SMB": ("1", NO_AMOUNT),  # was "0"
        "Public Sector": ("0", "0"),  # no won deal: a real zero
    }
    # No cell is starred, so the star's footnote is not printed.
    assert "* plus amounts in currencies without a rate" not in shown.stdout
    lines = shown.stdout.splitlines()
    assert lines[1].endswith(
        "open 2 deals, pipeline GBP 4,000.00 (no rate) plus 1 deal with no amount"
    )
    objections = table(shown.stdout, "Objections")
    assert objections["Missing SSO feature"]["lost revenue USD"] == "GBP 7,200 (no rate)"
    assert objections["No decision - project postponed"]["lost revenue USD"] == NO_AMOUNT


@pytest.mark.parametrize("by", BREAKDOWNS)
def test_every_breakdown_counts_won_deals_without_an_amount(
    capsys: pytest.CaptureFixture[str], crm: str, engine: Engine, by: str
) -> None:
    """Whatever --by, a group with won deals never reads 0 or "0 *" (here every won deal
    has an amount in USD, an amount in GBP, or none), and the won deals without an
    amount the JSON counts add up to the SQL count."""
    document = json.loads(
        run_cli(capsys, "--db", crm, "sales", "--by", by, "--format", "json").stdout
    )
    rows = document["breakdown"]["rows"]
    unpriced = sum(n for _, n in won_by_segment(engine).values())
    assert sum(r["won_without_amount"] for r in rows) == unpriced == 1
    shown = table(run_cli(capsys, "--db", crm, "sales", "--by", by).stdout, "Win rate")
    for row in rows:
        cell = shown[row["key"]]["won revenue USD"]
        if row["won"]:
            assert cell not in ("0", "0 *"), (by, row["key"])
        if row["won"] and row["won"] == row["won_without_amount"]:
            assert cell == NO_AMOUNT, (by, row["key"])


def test_sales_csv_and_json_say_how_many_deals_have_no_amount(
    capsys: pytest.CaptureFixture[str], crm: str, engine: Engine
) -> None:
    out = run_cli(capsys, "--db", crm, "sales", "--by", "segment", "--format", "csv").stdout
    header, *_ = csv.reader(io.StringIO(out))
    # The columns scripts already read keep their places; the new count comes last.
    assert header == [
        "by", "value", "won", "lost", "closed", "open", "win_rate", "won_revenue", "currency",
        "unconverted", "closed_without_amount", "won_without_amount",
    ]  # fmt: skip
    rows = {r["value"]: r for r in csv.DictReader(io.StringIO(out))}
    counted = won_by_segment(engine)
    for segment, (_, unpriced) in counted.items():
        assert int(rows[segment]["won_without_amount"]) == unpriced
    assert (rows["SMB"]["won_revenue"], rows["SMB"]["won_without_amount"]) == ("0.00", "1")
    assert (rows["Mid-Market"]["won_revenue"], rows["Mid-Market"]["unconverted"]) == (
        "0.00",
        "GBP 3000.00",
    )
    document = json.loads(run_cli(capsys, "--db", crm, "sales", "--format", "json").stdout)
    with engine.connect() as connection:
        stages = {
            stage: (deals, priced)
            for stage, deals, priced in connection.execute(
                text(
                    "SELECT stage, COUNT(*), COUNT(amount) FROM deals WHERE outcome = 'open' "
                    "GROUP BY stage"
                )
            )
        }
    assert stages == {"Proposal": (1, 0), "Negotiation": (1, 1)}
    pipeline = document["open_pipeline"]
    assert (pipeline["deals"], pipeline["deals_with_amount"]) == (2, 1)
    assert document["overall"]["open_without_amount"] == 1
    assert {s["stage"]: (s["deals"], s["deals_with_amount"]) for s in pipeline["by_stage"]} == (
        stages
    )


def test_competitors_with_no_amount_or_no_rate_are_never_zero(
    capsys: pytest.CaptureFixture[str], crm: str, engine: Engine
) -> None:
    with engine.connect() as connection:
        found = connection.execute(
            text(
                "SELECT c.name, d.outcome, d.currency, COUNT(*), COUNT(d.amount), "
                "COALESCE(SUM(d.amount), 0) FROM deals d "
                "JOIN deal_competitors dc ON dc.deal_id = d.id "
                "JOIN competitors c ON c.id = dc.competitor_id "
                "WHERE d.outcome <> 'won' GROUP BY c.name, d.outcome, d.currency"
            )
        )
        money = {(n, o, c): (k, m, Decimal(str(s))) for n, o, c, k, m, s in found}
    assert money == {
        ("Zoho", "lost", "USD"): (1, 1, Decimal(5000)),
        ("Monday", "lost", "USD"): (1, 0, Decimal(0)),
        ("Monday", "open", "USD"): (1, 0, Decimal(0)),
        ("Pipedrive", "lost", "GBP"): (1, 1, Decimal(7200)),
        ("Pipedrive", "open", "GBP"): (1, 1, Decimal(4000)),
    }
    shown = run_cli(capsys, "--db", crm, "competitors")
    assert shown.exit_code == 0, shown.stderr
    rows = {r["competitor"]: r for r in table(shown.stdout).values()}
    columns = ("at stake USD", "lost USD", "open USD")
    assert [rows["Zoho"][c] for c in columns] == ["5,000", "5,000", "0"]  # no open deal
    assert [rows["Monday"][c] for c in columns] == [NO_AMOUNT] * 3  # was already so
    assert [rows["Pipedrive"][c] for c in columns] == [
        "GBP 11k (no rate)",  # 7,200 + 4,000, compact like the table's other money; was "0*"
        "GBP 7.2k (no rate)",
        "GBP 4.0k (no rate)",
    ]
    assert "* plus amounts" not in shown.stdout  # no starred cell to explain
    assert "Amounts in currencies without a rate" in shown.stdout
    profile = run_cli(capsys, "--db", crm, "competitor", "Pipedrive").stdout
    assert "revenue at stake GBP 11,200.00 (no rate)" in profile  # exact, in a sentence


@pytest.fixture
def world(engine: Engine) -> World:
    return build_world(engine)


def add_theme(engine: Engine, world: World, name: str, account: str, days_ago: int) -> int:
    """A theme of one ticket from ``account``, ``days_ago`` days before TODAY."""
    owner = world.account(account)
    with write_session(engine) as session:
        theme = repository.add(session, Theme(name=name))
        item = repository.add(
            session,
            EvidenceItem(
                source="zendesk", external_id=f"money-{name}", kind=EvidenceKind.TICKET,
                mode=EvidenceMode.OBSERVED, text=f"{name}, please.",
                created_at=TODAY - timedelta(days=days_ago), account_id=owner.id,
            ),
        )  # fmt: skip
        assert item.id is not None
        assert theme.id is not None
        repository.add(session, EvidenceTheme(evidence_id=item.id, theme_id=theme.id))
        return theme.id


def test_demand_cells_with_no_amount_or_no_rate_are_never_zero(
    capsys: pytest.CaptureFixture[str],
    workspace_url: str,
    engine: Engine,
    world: World,
    tmp_path: Path,
) -> None:
    """Granite Mining pays 30,000,000 JPY (no rate), renews in 80 days and has a JPY
    12,000,000 open deal; Ironclad Security is a prospect whose one lost deal (closed 260
    days ago) has no amount, and a 70,000 USD open deal (tests/business/world.py)."""
    granite = add_theme(engine, world, "Offline sites", "Granite Mining", 10)
    ironclad = add_theme(engine, world, "Vendor maturity", "Ironclad Security", 270)
    as_of = ["--as-of", TODAY.date().isoformat()]
    shown = run_cli(capsys, "--db", workspace_url, "demand", *as_of)
    assert shown.exit_code == 0, shown.stderr
    rows = table(shown.stdout)
    money = ("ARR", "pipeline", "lost", "churned", "renew≤90d")
    # Each JPY cell was "0*"; no lost deal and no churn are real zeros.
    assert [rows[str(granite)][c] for c in money] == [
        "JPY 30M (no rate)", "JPY 12M (no rate)", "0", "0", "JPY 30M (no rate)",
    ]  # fmt: skip
    # A prospect pays no ARR (0), but its lost deal has no amount (was "0").
    assert [rows[str(ironclad)][c] for c in money] == ["0", "70k", NO_AMOUNT, "0", "0"]
    # Single sign-on's ARR is Acme's USD plus Granite's JPY: a starred figure, footnoted.
    single_sign_on = next(r for r in rows.values() if r["theme"].startswith("Single sign-on"))
    assert single_sign_on["ARR"] == "240k*"
    assert "* also amounts in JPY, which have no rate" in shown.stdout
    chart = tmp_path / "at-stake.svg"
    drawn = run_cli(capsys, "--db", workspace_url, "demand", *as_of, "--chart", str(chart))
    assert drawn.exit_code == 0, drawn.stderr
    svg = chart.read_text(encoding="utf-8")
    # Offline sites' revenue at stake is JPY only: no bar of 0, named in the title instead.
    assert f"no bar for #{granite}: no amount, or only amounts without a rate" in svg
    assert f"Offline sites (#{granite})" not in svg
    assert f"Vendor maturity (#{ironclad})" in svg  # 70,000 USD of pipeline: a bar
