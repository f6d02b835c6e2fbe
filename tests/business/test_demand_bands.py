"""Demand by a numeric account attribute, in bands of about as many accounts each.

A Salesforce org exports its accounts with ``AnnualRevenue`` and a custom ``Seats__c`` as
text ("1,200" beside "1200"), and ``NumberOfEmployees``, which the importer keeps as the
account's own ``employees`` field (here as many as its seats); grouped value by value, a
breakdown by seats is a row per account. Here thirteen accounts come in through the real
importer, with open, won and lost deals; their people's evidence is filed in one theme, a
consultant speaks for two accounts in different seat bands and a partner for two in the
same band, and a CSM relays one item and says another. Every figure per band is recounted
in plain Python from the tables below, the bands themselves written out by hand.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, select

from tests.cli.helpers import run_cli
from tests.importers.exports import database_url, make_ledgerly
from tradeoff.analysis.business.demand import (
    demand_behind,
    keep_breakdown,
    problem_demand,
    theme_demand,
)
from tradeoff.analysis.business.demand_model import Demand, SubjectDemand
from tradeoff.domain.accounts import Person
from tradeoff.domain.enums import AssignedBy, EvidenceKind, EvidenceMode, PersonRole
from tradeoff.domain.evidence import EvidenceItem, EvidenceTheme, Theme
from tradeoff.domain.problems import Problem, ProblemTheme
from tradeoff.importers.registry import run
from tradeoff.importers.salesforce import SalesforceImporter, salesforce_id
from tradeoff.storage import attribute_bands, demand_kept, repository
from tradeoff.storage.demand import Figure, SubjectKind
from tradeoff.storage.session import read_session, write_session
from tradeoff.storage.tables import AccountRow, DemandKeptStateRow

AS_OF = date(2026, 10, 15)
THEME = "Approval workflows"
SEATS = "attribute:Seats__c"
REVENUE = "attribute:AnnualRevenue"

#: name, Type, Industry, AnnualRevenue, Seats__c, Tier__c, ARR__c, Churn_Date__c
ACCOUNTS = [
    ("Alder Bakery", "Customer", "Food", "1200000.0", "12", "3", "6000.0", ""),
    ("Birch Dental", "Customer", "Health", "2100000.0", "25", "3", "9000.0", ""),
    ("Cedar Print", "Prospect", "Retail", "3400000.0", "40", "3", "", ""),
    ("Dahl Logistics", "Customer", "Transport", "8400000.0", "55", "2", "18000.0", ""),
    ("Elm Clinics", "Former Customer", "Health", "9100000.0", "80", "2", "15000.0", "2026-09-01"),
    ("Fir Freight", "Customer", "Transport", "12500000.0", "120", "2", "30000.0", ""),
    ("Gale Foods", "Prospect", "Food", "15000000.0", "150", "2", "", ""),
    ("Hazel Legal", "Customer", "Legal", "22000000.0", "180", "1", "42000.0", ""),
    ("Iris Retail", "Customer", "Retail", "31000000.0", "1,200", "1", "96000.0", ""),
    ("Juniper Health", "Customer", "Health", "38100000.0", "1200", "1", "88000.0", ""),
    ("Kestrel Mining", "Prospect", "Mining", "52000000.0", "2500", "1", "", ""),
    ("Larch Energy", "Customer", "Energy", "75000000.0", "5000", "1", "240000.0", ""),
    ("Moss Studio", "Customer", "Retail", "", "", "", "4000.0", ""),
]
#: The bands, worked out by hand: twelve accounts with seats, about three a band; "1,200"
#: and "1200" are one number, so they stay in one band (four accounts there).
SEAT_BANDS = {
    "12–40": {"Alder Bakery", "Birch Dental", "Cedar Print"},
    "55–120": {"Dahl Logistics", "Elm Clinics", "Fir Freight"},
    "150–1.2k": {"Gale Foods", "Hazel Legal", "Iris Retail", "Juniper Health"},
    "2.5k–5k": {"Kestrel Mining", "Larch Energy"},
}
REVENUE_BANDS = {
    "1.2M–3.4M": {"Alder Bakery", "Birch Dental", "Cedar Print"},
    "8.4M–12.5M": {"Dahl Logistics", "Elm Clinics", "Fir Freight"},
    "15M–31M": {"Gale Foods", "Hazel Legal", "Iris Retail"},
    "38.1M–75M": {"Juniper Health", "Kestrel Mining", "Larch Energy"},
}
#: id suffix, account, amount, stage, created, closed (None: open), won
DEALS = [
    ("001", "Alder Bakery", "5000.0", "Proposal", "2026-06-01", None, False),
    ("002", "Cedar Print", "20000.0", "Qualification", "2026-07-01", None, False),
    ("003", "Dahl Logistics", "12000.0", "Closed Lost", "2026-01-10", "2026-04-01", False),
    ("004", "Fir Freight", "30000.0", "Closed Won", "2025-09-01", "2025-11-01", True),
    ("005", "Gale Foods", "25000.0", "Closed Lost", "2026-02-01", "2026-03-01", False),
    ("006", "Iris Retail", "60000.0", "Negotiation", "2026-08-01", None, False),
    ("007", "Kestrel Mining", "80000.0", "Closed Lost", "2026-06-01", "2026-09-20", False),
    ("008", "Larch Energy", "150000.0", "Proposal", "2026-09-01", None, False),
    ("009", "Moss Studio", "3000.0", "Proposal", "2026-05-01", None, False),
    ("010", "Birch Dental", "7000.0", "Closed Lost", "2026-03-01", "2026-05-01", False),
    ("011", "Juniper Health", "40000.0", "Closed Lost", "2026-01-05", "2026-02-01", False),
]
#: email → name, account (None: speaks for no one account), role
PEOPLE = {
    "pat@alder.example": ("Pat Alder", "Alder Bakery", PersonRole.END_USER),
    "cy@cedar.example": ("Cy Cedar", "Cedar Print", PersonRole.END_USER),
    "dana@dahl.example": ("Dana Dahl", "Dahl Logistics", PersonRole.END_USER),
    "erin@elm.example": ("Erin Elm", "Elm Clinics", PersonRole.END_USER),
    "finn@fir.example": ("Finn Fir", "Fir Freight", PersonRole.END_USER),
    "gil@gale.example": ("Gil Gale", "Gale Foods", PersonRole.END_USER),
    "hana@hazel.example": ("Hana Hazel", "Hazel Legal", PersonRole.END_USER),
    "jo@juniper.example": ("Jo Juniper", "Juniper Health", PersonRole.END_USER),
    "kim@kestrel.example": ("Kim Kestrel", "Kestrel Mining", PersonRole.END_USER),
    "mo@moss.example": ("Mo Moss", "Moss Studio", PersonRole.END_USER),
    "sam@consult.example": ("Sam Consultant", None, PersonRole.END_USER),
    "quinn@partner.example": ("Quinn Partner", None, PersonRole.END_USER),
    "casey@ledgerly.example": ("Casey CSM", None, PersonRole.CSM),
}
#: key, account, speaker, day, mode, relayed by, copy of, filed in the theme
EVIDENCE = [
    ("e01", "Alder Bakery", "pat@alder.example", "2026-09-01", "observed", None, None, True),
    ("e02", "Alder Bakery", "sam@consult.example", "2026-09-05", "stated", None, None, True),
    ("e03", "Iris Retail", "sam@consult.example", "2026-08-15", "stated", None, None, True),
    ("e04", "Iris Retail", "quinn@partner.example", "2026-08-20", "stated", None, None, True),
    ("e05", "Juniper Health", "quinn@partner.example", "2026-08-21", "stated", None, None, True),
    ("e06", "Juniper Health", "jo@juniper.example", "2026-07-02", "observed", None, None, True),
    ("e07", "Dahl Logistics", "dana@dahl.example", "2026-03-15", "observed", None, None, True),
    ("e08", "Elm Clinics", "erin@elm.example", "2026-08-10", "observed", None, None, True),
    ("e09", "Fir Freight", "finn@fir.example", "2026-06-01", "observed", None, None, True),
    ("e10", "Gale Foods", "gil@gale.example", "2026-05-20", "stated", None, None, True),
    ("e11", "Hazel Legal", "hana@hazel.example", "2026-09-10", "stated", "casey", None, True),
    ("e12", "Kestrel Mining", "kim@kestrel.example", "2026-10-01", "stated", None, None, True),
    ("e13", "Larch Energy", "casey@ledgerly.example", "2026-10-05", "stated", None, None, True),
    ("e14", "Moss Studio", "mo@moss.example", "2026-09-12", "observed", None, None, True),
    ("e15", None, None, "2026-09-20", "stated", None, None, True),
    ("e16", "Cedar Print", "cy@cedar.example", "2026-07-15", "observed", None, None, True),
    ("e17", "Alder Bakery", "pat@alder.example", "2026-09-02", "observed", None, "e01", True),
    ("e18", "Birch Dental", None, "2026-04-20", "observed", None, None, False),
]


def _accounts_csv() -> str:
    header = (
        "Id,Name,Type,Industry,AnnualRevenue,Seats__c,Tier__c,BillingCountry,Website,ARR__c,"
        "Segment__c,CurrencyIsoCode,Churn_Date__c,NumberOfEmployees"
    )
    out = io.StringIO()
    writer = csv.writer(out, quoting=csv.QUOTE_ALL, lineterminator="\r\n")
    writer.writerow(header.split(","))
    for n, (name, kind, industry, revenue, seats, tier, arr, churn) in enumerate(ACCOUNTS):
        site = f"https://www.{name.split()[0].lower()}.example"
        writer.writerow(
            [_account_id(n), name, kind, industry, revenue, seats, tier, "United States", site,
             arr, "SMB", "USD", churn, seats.replace(",", "")]
        )  # fmt: skip
    return out.getvalue()


def _account_id(number: int) -> str:
    return salesforce_id(f"0015g0000Bnd{number:03d}")


def _opportunities_csv() -> str:
    header = (
        "Id,Name,AccountId,StageName,Amount,CurrencyIsoCode,CloseDate,CreatedDate,IsClosed,"
        "IsWon,OwnerId,Description"
    )
    names = [a[0] for a in ACCOUNTS]
    out = io.StringIO()
    writer = csv.writer(out, quoting=csv.QUOTE_ALL, lineterminator="\r\n")
    writer.writerow(header.split(","))
    for suffix, account, amount, stage, created, closed, won in DEALS:
        writer.writerow(
            [salesforce_id(f"0065g0000Opp{suffix}"), f"{account} - New Business",
             _account_id(names.index(account)), stage, amount, "USD", closed or "2026-12-31",
             f"{created}T09:00:00.000Z", str(closed is not None).lower(), str(won).lower(),
             "0055g0000SIYzaoAQD", ""]
        )  # fmt: skip
    return out.getvalue()


@dataclass
class Org:
    engine: Engine
    theme_id: int
    problem_id: int


@pytest.fixture
def org(engine: Engine, tmp_path: Path) -> Org:
    make_ledgerly(engine)
    accounts = tmp_path / "accounts.csv"
    accounts.write_bytes(_accounts_csv().encode())
    run(engine, SalesforceImporter(), accounts)
    deals = tmp_path / "opportunities.csv"
    deals.write_bytes(_opportunities_csv().encode())
    run(engine, SalesforceImporter(), deals)
    with write_session(engine) as session:
        named = session.execute(select(AccountRow.name, AccountRow.id))
        account_ids: dict[str | None, int] = {name: id_ for name, id_ in named}
        people = {
            email: repository.add(
                session,
                Person(name=name, email=email, account_id=account_ids.get(account), role=role),
            ).id
            for email, (name, account, role) in PEOPLE.items()
        }
        theme = repository.add(session, Theme(name=THEME)).id
        other = repository.add(session, Theme(name="Dark mode")).id
        items: dict[str, int | None] = {}
        for key, account, speaker, day, mode, relayed, copy_of, filed in EVIDENCE:
            item = repository.add(
                session,
                EvidenceItem(
                    source="zendesk",
                    external_id=key,
                    kind=EvidenceKind.TICKET,
                    mode=EvidenceMode(mode),
                    text=f"Purchase orders over 5k need a second approver ({key}).",
                    created_at=_moment(day),
                    account_id=account_ids.get(account),
                    person_id=people.get(speaker) if speaker else None,
                    relayed_by_id=people["casey@ledgerly.example"] if relayed else None,
                    duplicate_of_id=items[copy_of] if copy_of else None,
                ),
            )
            items[key] = item.id
            assert item.id is not None
            repository.add(
                session,
                EvidenceTheme(
                    evidence_id=item.id,
                    theme_id=(theme if filed else other) or 0,
                    score=0.9,
                    assigned_by=AssignedBy.MODEL,
                ),
            )
        problem = repository.add(session, Problem(statement="Approvals happen over email")).id
        assert problem is not None
        assert theme is not None
        repository.add(session, ProblemTheme(problem_id=problem, theme_id=theme))
    return Org(engine, theme, problem)


def _moment(day: str) -> datetime:
    return datetime.fromisoformat(day).replace(hour=10, tzinfo=UTC)


def _day(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def recount(band_of: Callable[[str | None], str | None]) -> dict[str | None, dict[str, Any]]:
    """Every figure per group, from ``storage.demand``'s definitions, over the tables above
    (nothing read back from the database)."""
    accounts = {a[0]: a for a in ACCOUNTS}
    filed = [e for e in EVIDENCE if e[7] and date.fromisoformat(e[3]) <= AS_OF]
    keys = {e[0] for e in filed}
    groups: dict[str | None, dict[str, Any]] = {}

    def group(name: str | None) -> dict[str, Any]:
        return groups.setdefault(
            band_of(name), {"items": 0, "accounts": set(), "users": set(), "first": {}}
        )

    for _, account, speaker, day, _, _, copy_of, _ in filed:
        found = group(account)
        found["items"] += copy_of is None or copy_of not in keys  # a linked copy: one piece
        if account is not None:
            found["accounts"].add(account)
            first = found["first"].get(account)
            found["first"][account] = min(first or date.max, date.fromisoformat(day))
        if speaker is not None and PEOPLE[speaker][2] is PersonRole.END_USER:
            found["users"].add(speaker)
    figures: dict[str | None, dict[str, Any]] = {}
    for name, found in groups.items():
        first: dict[str, date] = found["first"]
        arr = churned = pipeline = lost = Decimal(0)
        for account in first:
            _, kind, _, _, _, _, amount, churn = accounts[account]
            churn_day = _day(churn)
            if kind == "Customer" or (churn_day is not None and churn_day > AS_OF):
                arr += Decimal(amount)
            if churn_day is not None and churn_day <= AS_OF:
                window = [
                    date.fromisoformat(e[3])
                    for e in filed
                    if e[1] == account
                    and churn_day - timedelta(days=90) <= date.fromisoformat(e[3]) <= churn_day
                ]
                churned += Decimal(amount) if window else 0
        for _, account, amount, _, created, closed, won in DEALS:
            if account not in first or date.fromisoformat(created) > AS_OF:
                continue
            close_day = _day(closed)
            if close_day is None:
                pipeline += Decimal(amount)
            elif not won and close_day <= AS_OF and first[account] <= close_day + timedelta(30):
                lost += Decimal(amount)
        figures[name] = {
            "items": found["items"],
            "accounts": len(first),
            "end_users": len(found["users"]),
            "arr": arr,
            "pipeline": pipeline,
            "lost": lost,
            "churned": churned,
        }
    return figures


def shown(result: Demand) -> dict[str, Any]:
    return {
        "items": result.reach.items,
        "accounts": result.reach.accounts,
        "end_users": result.reach.end_users,
        "arr": result.arr.total.amount,
        "pipeline": result.pipeline.total.amount,
        "lost": result.lost.total.amount,
        "churned": result.churned.total.amount,
    }


def band_of(bands: dict[str, set[str]]) -> Callable[[str | None], str | None]:
    return lambda name: next((label for label, names in bands.items() if name in names), None)


def groups_of(result: SubjectDemand) -> dict[str | None, dict[str, Any]]:
    return {g.group: shown(g.demand) for g in result.groups}


def the_theme(org: Org, by: str) -> SubjectDemand:
    return next(r for r in theme_demand(org.engine, as_of=AS_OF, by=by) if r.id == org.theme_id)


def test_seats_are_grouped_in_bands_of_about_as_many_accounts(org: Org) -> None:
    result = the_theme(org, SEATS)
    assert [g.group for g in result.groups] == [*SEAT_BANDS, None]  # "(none)" last
    assert groups_of(result) == recount(band_of(SEAT_BANDS))
    # Not trivial: each band has its own figures, and end users do not add up: Sam speaks
    # for Alder (12 seats) and Iris (1,200), so counts in two bands, Quinn for Iris and
    # Juniper (1200), both in one band, so once there.
    bands = groups_of(result)
    assert [bands[b]["end_users"] for b in SEAT_BANDS] == [3, 3, 5, 1]
    assert sum(g.demand.reach.end_users for g in result.groups) == result.total.reach.end_users + 1
    assert bands["55–120"]["churned"] == Decimal("15000")  # Elm: cited 22 days before it left
    assert bands["55–120"]["lost"] == Decimal("12000")  # Dahl: cited before the close
    assert bands["150–1.2k"]["lost"] == Decimal(0)  # Gale, Juniper: first cited months later
    assert bands["2.5k–5k"]["lost"] == Decimal("80000")  # Kestrel: cited 11 days after it


@pytest.mark.parametrize("listed", [True, False], ids=["listed", "ranged"])
def test_revenue_bands_read_alike_listed_or_by_range(
    org: Org, listed: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Revenues are plain numbers: past ``LISTED_TEXTS`` texts the database compares the
    number with the cuts between bands instead of listing them; the same bands either way."""
    if not listed:
        monkeypatch.setattr(attribute_bands, "LISTED_TEXTS", 0)
    result = the_theme(org, REVENUE)
    assert [g.group for g in result.groups] == [*REVENUE_BANDS, None]
    assert groups_of(result) == recount(band_of(REVENUE_BANDS))
    problem = problem_demand(org.engine, as_of=AS_OF, by=REVENUE, ids=[org.problem_id])[0]
    assert groups_of(problem) == groups_of(result)


def test_problems_are_banded_like_their_themes(org: Org) -> None:
    """A problem of the theme holds its evidence: the same bands and figures, counted
    through the problem's own path."""
    problem = problem_demand(org.engine, as_of=AS_OF, by=SEATS, ids=[org.problem_id])[0]
    assert [g.group for g in problem.groups] == [*SEAT_BANDS, None]
    assert groups_of(problem) == recount(band_of(SEAT_BANDS))


def test_categories_and_few_numbers_stay_value_by_value(org: Org) -> None:
    """Industry is words and Tier__c has three numbers: one group per value, as before, in
    the same workspace whose seats come in bands."""
    assert the_theme(org, SEATS).groups[0].group == "12–40"
    industry = {a[0]: a[2] for a in ACCOUNTS}
    result = the_theme(org, "attribute:Industry")
    assert groups_of(result) == recount(lambda name: industry.get(name) if name else None)
    assert [g.group for g in result.groups][-1] is None
    tier = {a[0]: a[5] or None for a in ACCOUNTS}
    result = the_theme(org, "attribute:Tier__c")
    assert [g.group for g in result.groups] == ["1", "2", "3", None]
    assert groups_of(result) == recount(lambda name: tier.get(name) if name else None)


def test_the_records_behind_a_figure_carry_their_band(org: Org) -> None:
    band = band_of(SEAT_BANDS)
    behind = demand_behind(
        org.engine, SubjectKind.THEME, org.theme_id, Figure.ACCOUNTS, as_of=AS_OF, by=SEATS
    )
    assert {m.label: m.group for m in behind} == {
        name: band(name) for name in recount(lambda n: n) if name is not None
    }
    deals = demand_behind(
        org.engine, SubjectKind.THEME, org.theme_id, Figure.PIPELINE, as_of=AS_OF, by=SEATS
    )
    assert sorted((m.account, m.group) for m in deals) == [
        ("Alder Bakery", "12–40"),
        ("Cedar Print", "12–40"),
        ("Iris Retail", "150–1.2k"),
        ("Larch Energy", "2.5k–5k"),
        ("Moss Studio", None),
    ]


def test_a_kept_breakdown_by_value_is_never_read_as_bands(
    org: Org, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Seats has twelve values, few enough for the theme summary to be split by them, so a
    large workspace keeps themes by seats value by value: bands are counted, never read
    from those rows; a problem's breakdown in bands is not kept either."""
    counted = the_theme(org, SEATS)
    monkeypatch.setattr(demand_kept, "KEEP_FROM_ITEMS", 1)
    with write_session(org.engine) as session:
        assert demand_kept.keep(session) > 0
    with read_session(org.engine) as session:
        states = {s.dimension for s in session.scalars(select(DemandKeptStateRow))}
    assert SEATS in states  # kept, by value
    assert the_theme(org, SEATS) == counted
    assert not keep_breakdown(org.engine, SubjectKind.PROBLEM, SEATS, AS_OF)
    problem = problem_demand(org.engine, as_of=AS_OF, by=SEATS, ids=[org.problem_id])[0]
    assert [g.group for g in problem.groups] == [*SEAT_BANDS, None]


def test_the_cli_writes_band_labels_in_json_csv_and_the_table(
    org: Org, capsys: pytest.CaptureFixture[str]
) -> None:
    url = database_url(org.engine)
    common = ["--db", url, "demand", "--by", SEATS, "--as-of", AS_OF.isoformat()]
    expected = recount(band_of(SEAT_BANDS))
    document = json.loads(run_cli(capsys, *common, "--format", "json").stdout)
    theme = next(d for d in document if d["id"] == org.theme_id)
    assert theme["by"] == SEATS
    assert [(g["group"], g["items"], g["accounts"], g["end_users"]) for g in theme["groups"]] == [
        (b, expected[b]["items"], expected[b]["accounts"], expected[b]["end_users"])
        for b in [*SEAT_BANDS, None]
    ]
    rows = list(csv.DictReader(io.StringIO(run_cli(capsys, *common, "--format", "csv").stdout)))
    mine = [r for r in rows if r["id"] == str(org.theme_id)]
    total = recount(lambda _: None)[None]
    assert [(r["group"], r["end_users"], r["pipeline"]) for r in mine] == [
        ("", str(total["end_users"]), f"{total['pipeline']:.2f}"),
        *(
            (b or "(none)", str(expected[b]["end_users"]), f"{expected[b]['pipeline']:.2f}")
            for b in [*SEAT_BANDS, None]
        ),
    ]
    table = run_cli(capsys, *common, "--theme", str(org.theme_id)).stdout
    places = [table.index(f"· {b}") for b in [*SEAT_BANDS, "(none)"]]
    assert places == sorted(places)
    behind = run_cli(
        capsys, *common, "--theme", str(org.theme_id), "--show", "accounts", "--format", "json"
    )
    groups = {m["label"]: m["group"] for m in json.loads(behind.stdout)}
    assert groups["Iris Retail"] == groups["Juniper Health"] == "150–1.2k"
    assert groups["Moss Studio"] is None


def test_employees_the_accounts_own_field_are_grouped_in_the_same_bands(
    org: Org, capsys: pytest.CaptureFixture[str]
) -> None:
    """Salesforce's NumberOfEmployees is no attribute but the account's own field, so
    attribute:NumberOfEmployees has nothing to group: --by employees bands it as a numeric
    attribute is banded (one "1200" for the two accounts of 1,200 seats: the same four bands)."""
    url = database_url(org.engine)
    common = ["--db", url, "demand", "--as-of", AS_OF.isoformat(), "--by"]
    refused = run_cli(capsys, *common, "attribute:NumberOfEmployees")
    assert refused.exit_code == 2
    assert refused.stderr.strip().splitlines() == [
        "error: no account has the attribute 'NumberOfEmployees': employees is the accounts' "
        "own field: use --by employees; the accounts' attributes: AnnualRevenue, Industry, "
        "Seats__c, Tier__c, Type; their own fields: segment, plan, region, employees"
    ]
    result = the_theme(org, "employees")
    assert result.by == "employees"
    assert [g.group for g in result.groups] == [*SEAT_BANDS, None]
    assert groups_of(result) == recount(band_of(SEAT_BANDS))
    problem = problem_demand(org.engine, as_of=AS_OF, by="employees", ids=[org.problem_id])
    assert groups_of(problem[0]) == groups_of(result)
    document = json.loads(run_cli(capsys, *common, "employees", "--format", "json").stdout)
    theme = next(d for d in document if d["id"] == org.theme_id)
    expected = recount(band_of(SEAT_BANDS))
    assert [(g["group"], g["items"], g["arr"]["amount"]) for g in theme["groups"]] == [
        (b, expected[b]["items"], f"{expected[b]['arr']:.2f}") for b in [*SEAT_BANDS, None]
    ]
    behind = run_cli(
        capsys, *common, "employees", "--theme", str(org.theme_id), "--show", "accounts",
        "--format", "json",
    )  # fmt: skip
    groups = {m["label"]: m["group"] for m in json.loads(behind.stdout)}
    assert groups["Iris Retail"] == groups["Juniper Health"] == "150–1.2k"
