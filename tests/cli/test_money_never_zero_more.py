"""The places tests/cli/test_money_never_zero.py left: money trends (``tradeoff demand
--trend money``), ``tradeoff report`` and the briefs never show a sum whose deals have no
amount, or whose every amount is in a currency without a rate, as 0 (issue 6).

The workspace is that file's Salesforce import (nine deals, GBP without a rate) and two
themes: Pilot reporting, raised by Cobalt Retail (a prospect whose three deals have no
amount), and Court filings, raised by Dunmore Legal (a customer with no ARR whose two deals
are in GBP). Every expected cell is checked against plain SQL over the deals first.
"""

from __future__ import annotations

import csv
import io
import json
from collections import defaultdict
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import Engine, select, text

from tests.cli import test_money_never_zero as base
from tests.cli.helpers import run_cli
from tests.reports.page import section, table_rows
from tradeoff.analysis.business.money_words import NO_AMOUNT
from tradeoff.domain.enums import EvidenceKind, EvidenceMode
from tradeoff.domain.evidence import EvidenceItem, EvidenceTheme, Theme
from tradeoff.storage import repository
from tradeoff.storage.session import write_session
from tradeoff.storage.tables import AccountRow

crm = base.crm  # the Salesforce workspace, shared with test_money_never_zero
table = base.table
#: After every deal's date: the trends' last month is still filling, nothing else moves.
AS_OF = "2026-08-20"
#: Each theme and the one account that raised it.
RAISED_BY = {"Pilot reporting": "Cobalt Retail", "Court filings": "Dunmore Legal"}


@pytest.fixture
def themes(crm: str, engine: Engine) -> dict[str, int]:
    """Each theme of ``RAISED_BY`` with one ticket from its account, dated before every
    deal (so every lost deal and open deal of the account cites it); ids by name."""
    ids = {}
    with write_session(engine) as session:
        for name, account in RAISED_BY.items():
            account_id = session.scalar(select(AccountRow.id).where(AccountRow.name == account))
            theme = repository.add(session, Theme(name=name))
            item = repository.add(
                session,
                EvidenceItem(
                    source="zendesk", external_id=f"ask-{account_id}", kind=EvidenceKind.TICKET,
                    mode=EvidenceMode.OBSERVED, text=f"{name}, please.",
                    created_at=datetime(2026, 1, 10, tzinfo=UTC), account_id=account_id,
                ),
            )  # fmt: skip
            assert theme.id is not None
            assert item.id is not None
            repository.add(session, EvidenceTheme(evidence_id=item.id, theme_id=theme.id))
            ids[name] = theme.id
    return ids


Months = dict[str, tuple[int, int, dict[str, Decimal]]]


def deals_by_month(engine: Engine, account: str, outcome: str, *, created: bool = False) -> Months:
    """month → (deals, of them with an amount, sum per currency) of ``account``'s deals of
    ``outcome``, placed by their close date (``created``: created date): plain SQL, the
    months in Python."""
    months: dict[str, list[tuple[str, Decimal | None]]] = defaultdict(list)
    with engine.connect() as connection:
        found = connection.execute(
            text(
                "SELECT d.closed_at, d.created_at, d.currency, d.amount FROM deals d "
                "JOIN accounts a ON a.id = d.account_id WHERE a.name = :name "
                "AND d.outcome = :outcome"
            ),
            {"name": account, "outcome": outcome},
        )
        for closed, made, currency, amount in found:
            month = str(made if created else closed)[:7]
            months[month].append((currency, None if amount is None else Decimal(str(amount))))
    counted: Months = {}
    for month, deals in months.items():
        sums: dict[str, Decimal] = defaultdict(Decimal)
        for currency, amount in deals:
            if amount is not None:
                sums[currency] += amount
        counted[month] = (len(deals), sum(a is not None for _, a in deals), dict(sums))
    return counted


def at_stake_deals(engine: Engine) -> dict[str, tuple[int, int, set[str]]]:
    """competitor → (its lost and open deals, of them with an amount, their currencies with
    an amount): plain SQL."""
    with engine.connect() as connection:
        found = connection.execute(
            text(
                "SELECT c.name, d.amount, d.currency FROM competitors c, deals d "
                "WHERE d.outcome IN ('lost', 'open') AND d.id IN "
                "(SELECT deal_id FROM deal_competitors WHERE competitor_id = c.id)"
            )
        )
        deals: dict[str, list[tuple[object, str]]] = defaultdict(list)
        for name, amount, currency in found:
            deals[name].append((amount, currency))
    return {
        name: (
            len(mine),
            sum(a is not None for a, _ in mine),
            {c for a, c in mine if a is not None},
        )
        for name, mine in deals.items()
    }


def trend(capsys: pytest.CaptureFixture[str], url: str, *args: str) -> str:
    shown = run_cli(capsys, "--db", url, "demand", "--trend", "money", "--as-of", AS_OF, *args)
    assert shown.exit_code == 0, shown.stderr
    return shown.stdout


def test_a_subjects_trend_says_no_amount_and_no_rate_never_zero(
    capsys: pytest.CaptureFixture[str], crm: str, engine: Engine, themes: dict[str, int]
) -> None:
    cobalt = deals_by_month(engine, "Cobalt Retail", "lost")
    dunmore = deals_by_month(engine, "Dunmore Legal", "lost")
    assert cobalt == {"2026-06": (1, 0, {})}
    assert dunmore == {"2026-06": (1, 1, {"GBP": Decimal(2000)})}
    pilot = table(trend(capsys, crm, "--theme", str(themes["Pilot reporting"]), "--figure",
                        "lost"))  # fmt: skip
    assert {m: (r["lost (close date)"], r["change"]) for m, r in pilot.items()} == {
        "2026-05": ("0", "0"),  # no lost deal: a real zero
        "2026-06": (NO_AMOUNT, "–"),  # was "0" and "0"
        "2026-07": ("0", "–"),  # a change against an unknown is unknown (was "0")
        "2026-08": ("0", "0"),
    }
    assert deals_by_month(engine, "Dunmore Legal", "open", created=True) == {
        "2026-05": (1, 1, {"GBP": Decimal(4000)})
    }
    court = table(trend(capsys, crm, "--theme", str(themes["Court filings"])))
    assert court["2026-06"]["lost (close date)"] == "GBP 2.0k (no rate)"  # was "0*"
    assert court["2026-05"]["pipeline (created date)"] == "GBP 4.0k (no rate)"  # was "0*"
    # JSON says why: how many deals of each month have no amount, and whether the change
    # is known; the amounts are the SQL's.
    for name, lost in (("Pilot reporting", cobalt), ("Court filings", dunmore)):
        document = json.loads(trend(capsys, crm, "--theme", str(themes[name]), "--format", "json"))
        periods = next(t for t in document["trends"] if t["figure"] == "lost")["periods"]
        for period in periods:
            deals, priced, sums = lost.get(period["period"], (0, 0, {}))
            assert (period["records"], period["unpriced"]) == (deals, deals - priced), name
            assert period["amount"]["unconverted"] == {c: f"{s:.2f}" for c, s in sums.items()}
        known = {p["period"]: p["change_known"] for p in periods}
        assert known == {"2026-05": True, "2026-06": False, "2026-07": False, "2026-08": True}


def test_every_subjects_trend_shows_a_theme_whose_deals_have_no_amount(
    capsys: pytest.CaptureFixture[str], crm: str, engine: Engine, themes: dict[str, int]
) -> None:
    """Pilot reporting lost a deal with no amount in June: it was left out as "no lost
    money"; it is a row that says so."""
    shown = trend(capsys, crm)
    rows = {r["theme"]: r for r in table(shown).values()}
    assert rows["Pilot reporting"]["2026-06"] == NO_AMOUNT
    assert rows["Court filings"]["2026-06"] == "GBP 2.0k (no rate)"
    assert "left out" not in shown
    assert deals_by_month(engine, "Cobalt Retail", "open", created=True) == {"2026-05": (1, 0, {})}
    pipeline = table(trend(capsys, crm, "--figure", "pipeline"))
    assert pipeline[str(themes["Pilot reporting"])]["2026-05"] == NO_AMOUNT
    assert pipeline[str(themes["Pilot reporting"])]["change"] == "0"  # August after July
    cells = csv.DictReader(io.StringIO(trend(capsys, crm, "--format", "csv")))
    counted = {
        (r["name"], r["period"]): (int(r["records"]), int(r["unpriced"]), r["change_known"])
        for r in cells
    }
    for name, account in RAISED_BY.items():
        for month, (deals, priced, _) in deals_by_month(engine, account, "lost").items():
            assert counted[name, month] == (deals, deals - priced, "False")


def test_the_report_never_shows_an_unknown_sum_as_zero(
    capsys: pytest.CaptureFixture[str],
    crm: str,
    engine: Engine,
    themes: dict[str, int],
    tmp_path: Path,
) -> None:
    with engine.connect() as connection:
        found = connection.execute(text("SELECT name, lifecycle FROM accounts WHERE arr IS NULL"))
        kinds = {name: lifecycle for name, lifecycle in found}
    # Cobalt pays no ARR (a prospect: a real 0); Dunmore is a customer whose ARR is unknown.
    assert (kinds["Cobalt Retail"], kinds["Dunmore Legal"]) == ("prospect", "customer")
    out = tmp_path / "report.html"
    written = run_cli(capsys, "--db", crm, "report", "--out", str(out), "--as-of", "2026-11-20")
    assert written.exit_code == 0, written.stderr
    page = out.read_text(encoding="utf-8")
    demand = {r[0]: r for r in table_rows(section(page, "demand"))}
    money = slice(4, 7)  # ARR, pipeline, lost
    assert demand["Pilot reporting stale"][money] == ["0", NO_AMOUNT, NO_AMOUNT]  # was "0"s
    assert demand["Court filings stale"][money] == [
        NO_AMOUNT, "GBP 4.0k (no rate)", "GBP 2.0k (no rate)",  # were "0", "0*", "0*"
    ]  # fmt: skip
    sales = {r[0]: r[2] for r in table_rows(section(page, "sales")) if len(r) == 3}
    counted = base.lost_by_category(engine)
    assert counted[("product_gap", "GBP")][1] == 1
    assert ("product_gap", "USD") not in counted
    assert counted[("timing_no_decision", "USD")][:2] == (1, 0)
    assert sales["Product gap"] == "GBP 7.2k (no rate)"  # was "0*"
    assert sales["Timing / no decision"] == NO_AMOUNT  # was "0"
    at_stake = at_stake_deals(engine)
    assert (at_stake["Monday"], at_stake["Pipedrive"]) == ((2, 0, set()), (2, 2, {"GBP"}))
    rivals = {r[0]: r[6:9] for r in table_rows(section(page, "sales")) if len(r) == 10}
    assert rivals["Monday"] == [NO_AMOUNT] * 3  # were "0"
    assert rivals["Pipedrive"] == ["GBP 7.2k (no rate)", "GBP 4.0k (no rate)", "GBP 11k (no rate)"]
    assert "USD 0 +" not in page
    assert "0*" not in page


def test_the_briefs_say_no_amount_and_no_rate_never_zero(
    capsys: pytest.CaptureFixture[str], crm: str, engine: Engine, themes: dict[str, int]
) -> None:
    at_stake = at_stake_deals(engine)
    assert at_stake["Monday"] == (2, 0, set())  # lost and open, none with an amount
    assert at_stake["Pipedrive"] == (2, 2, {"GBP"})  # no rate
    brief = run_cli(capsys, "--db", crm, "brief", "exec", "--as-of", "2026-11-20")
    assert brief.exit_code == 0, brief.stderr
    assert "Monday (direct): no amount at stake (lost no amount, open no amount)" in brief.stdout
    assert (
        "Pipedrive (direct): GBP 11k (no rate) at stake (lost GBP 7.2k (no rate), open "
        "GBP 4.0k (no rate))"
    ) in brief.stdout  # was "USD 0 + GBP 11k (no rate)"
    assert "Pilot reporting: no amount at stake" in brief.stdout
    assert "Court filings: GBP 4.0k (no rate) at stake — ARR no amount of 1 customer" in (
        brief.stdout
    )
    sales = run_cli(capsys, "--db", crm, "brief", "sales", "--as-of", "2026-11-20").stdout
    assert "We lose to them on timing / no decision: 1 deal, no amount" in sales  # "USD 0"
    assert "win rate 50%; no amount at stake" in sales
    assert "USD 0 +" not in brief.stdout + sales


def test_a_problems_money_says_no_amount_never_zero(
    capsys: pytest.CaptureFixture[str], crm: str, engine: Engine, themes: dict[str, int]
) -> None:
    """A problem whose only evidence is Cobalt Retail's: its open deals have no amount, so
    its pipeline is unknown, and both the list and the problem's page say so."""
    with engine.connect() as connection:
        deals, priced = connection.execute(
            text(
                "SELECT count(*), count(d.amount) FROM deals d JOIN accounts a "
                "ON a.id = d.account_id WHERE a.name = 'Cobalt Retail' AND d.outcome = 'open'"
            )
        ).one()
    assert deals > 0
    assert priced == 0
    made = run_cli(capsys, "--db", crm, "problem", "new", "Pilot reports can't be shared")
    assert made.exit_code == 0, made.stderr
    number = made.stdout.split()[1].rstrip(":")
    linked = run_cli(
        capsys, "--db", crm, "problem", "link", number, "--theme", str(themes["Pilot reporting"])
    )
    assert linked.exit_code == 0, linked.stderr
    page = run_cli(capsys, "--db", crm, "problem", "show", number).stdout
    assert "pipeline no amount" in page
    assert "pipeline USD 0.00" not in page
    listed = " ".join(run_cli(capsys, "--db", crm, "problem", "list").stdout.split())
    assert NO_AMOUNT in listed
