"""An account that churns after the ``as_of`` day was still a paying customer on that day.

Asked as of a day before its churn date, its ARR counts in the subject's ARR and its renewal
(in the window from that day) in renewals at risk; it is not churned yet. On its churn day
and after, it has churned: out of ARR and renewals, and in churned when it cited the
subject in the churn window. Accounts come from a Salesforce account export through the
real importer (one more, churned at 23:30 UTC, through the repository); the expected
figures are recounted here in plain Python over the export's own rows, never read back.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, select

from tests.importers.exports import database_url, write_export
from tradeoff.analysis.business.demand import (
    demand_behind,
    opportunity_demand,
    problem_demand,
    theme_demand,
)
from tradeoff.analysis.business.demand_model import Demand, SubjectDemand
from tradeoff.cli.main import app
from tradeoff.domain.accounts import Account
from tradeoff.domain.enums import AccountLifecycle, AssignedBy, EvidenceKind
from tradeoff.domain.evidence import EvidenceItem, EvidenceTheme, Theme
from tradeoff.domain.problems import (
    Opportunity,
    OpportunityProblem,
    Problem,
    ProblemEvidence,
    ProblemTheme,
)
from tradeoff.domain.workspace import CurrencyRate, WorkspaceSettings
from tradeoff.storage import demand_kept, repository
from tradeoff.storage.currency import set_rate
from tradeoff.storage.demand import DemandQuery, Figure, SubjectKind
from tradeoff.storage.opportunities import workspace_scale
from tradeoff.storage.session import read_session, write_session
from tradeoff.storage.tables import AccountRow
from tradeoff.storage.workspace import save_workspace_settings

RATES = {"GBP": Decimal("1.27"), "EUR": Decimal("1.08")}
CHURN_WINDOW = 90
ACCOUNT_FIGURES = (Figure.ARR, Figure.RENEWALS_90, Figure.RENEWALS_180, Figure.CHURNED)

#: A Salesforce account export as Data Loader writes it (CRLF, custom fields).
ACCOUNTS_CSV = (
    "Id,Name,Type,Website,BillingCountry,ARR__c,CurrencyIsoCode,Plan__c,Segment__c,"
    "Renewal_Date__c,Churn_Date__c\r\n"
    "001A00000000001AAA,Live Co,Customer - Direct,https://live.example,United States,"
    "100000,USD,Team,Mid-Market,2026-08-29,\r\n"
    "001A00000000002AAA,Leaving Co,Former Customer,https://leaving.example,United States,"
    "350000,USD,Enterprise,Enterprise,2026-08-29,2026-07-15\r\n"
    '001A00000000003AAA,"Brücke Logistik GmbH",Former Customer,https://bruecke.example,'
    "Germany,60000,EUR,Enterprise,Enterprise,2026-12-20,2026-09-30\r\n"
    "001A00000000004AAA,Thames & Sons Ltd,Customer - Direct,https://thames.example,"
    "United Kingdom,80000,GBP,Team,Mid-Market,2026-10-10,\r\n"
    "001A00000000005AAA,Long Gone Inc,Former Customer,https://gone.example,United States,"
    "40000,USD,Starter,SMB,,2026-03-01\r\n"
    "001A00000000006AAA,Window Shopper,Prospect,https://shopper.example,Canada,,,,SMB,,\r\n"
)

#: Entered by hand, churned late in the evening (UTC): its churn day is the 10th.
LATE_NIGHT = Account(
    name="Late Night Ltd",
    segment="SMB",
    arr=Decimal("25000"),
    currency="USD",
    lifecycle=AccountLifecycle.CHURNED,
    churned_at=datetime(2026, 8, 10, 23, 30, tzinfo=UTC),
    renewal_on=date(2026, 9, 1),
)

#: account, day cited, what they said (all about single sign-on)
CITATIONS = [
    ("Long Gone Inc", date(2026, 2, 10), "No SSO, so we are leaving at the end of the month."),
    ("Live Co", date(2026, 5, 2), "We need SAML single sign-on with Okta before the rollout."),
    ("Leaving Co", date(2026, 5, 5), "SSO login through Azure AD is required — or we walk."),
    ("Window Shopper", date(2026, 5, 10), "Does it do single sign-on? <b>Asking for IT</b>"),
    ("Brücke Logistik GmbH", date(2026, 5, 20), "Wir brauchen SSO über Entra ID."),
    ("Late Night Ltd", date(2026, 6, 1), "=SSO('okta') is a must for our admins"),
    ("Thames & Sons Ltd", date(2026, 6, 15), "Single sign-on, please, before the audit."),
    ("Brücke Logistik GmbH", date(2026, 7, 20), "Immer noch kein SSO."),
]

#: Around each churn: the day before, the day itself and the day after; before everything
#: is known (the links are read) and after the last date (the theme summary answers).
DAYS = [
    date(2026, 6, 30),
    date(2026, 7, 14),
    date(2026, 7, 15),
    date(2026, 7, 16),
    date(2026, 8, 9),
    date(2026, 8, 10),
    date(2026, 8, 11),
    date(2026, 9, 29),
    date(2026, 9, 30),
    date(2026, 10, 1),
    date(2026, 11, 1),
]


@dataclass(frozen=True)
class Customer:
    """What the recount reads of one account: the export's row, in plain Python."""

    name: str
    segment: str | None
    arr: Decimal | None
    currency: str | None
    customer_now: bool
    churned_on: date | None
    renewal_on: date | None


def export_rows() -> list[Customer]:
    """The export's accounts and the one entered by hand, read without the importer."""
    found = []
    for row in csv.DictReader(io.StringIO(ACCOUNTS_CSV, newline="")):
        found.append(
            Customer(
                name=row["Name"],
                segment=row["Segment__c"] or None,
                arr=Decimal(row["ARR__c"]) if row["ARR__c"] else None,
                currency=row["CurrencyIsoCode"] or None,
                customer_now=row["Type"].startswith("Customer"),
                churned_on=_day(row["Churn_Date__c"]),
                renewal_on=_day(row["Renewal_Date__c"]),
            )
        )
    assert LATE_NIGHT.churned_at is not None
    found.append(
        Customer(
            LATE_NIGHT.name,
            LATE_NIGHT.segment,
            LATE_NIGHT.arr,
            LATE_NIGHT.currency,
            False,
            LATE_NIGHT.churned_at.date(),
            LATE_NIGHT.renewal_on,
        )
    )
    return found


def _day(text: str) -> date | None:
    return date.fromisoformat(text) if text else None


def recount(day: date) -> dict[Figure, list[tuple[Any, ...]]]:
    """The accounts behind each account figure as of ``day``, as (name, amount, currency,
    date shown), from the definitions: paying on the day = a customer now or churned after
    it; churned = churned on or before it, with a citation in the window before."""
    figures: dict[Figure, list[tuple[Any, ...]]] = {f: [] for f in ACCOUNT_FIGURES}
    for account in export_rows():
        cited = [on for name, on, _ in CITATIONS if name == account.name and on <= day]
        if not cited:
            continue
        churned = account.churned_on is not None and account.churned_on <= day
        paying = account.customer_now or (account.churned_on is not None and not churned)
        money = (account.name, account.arr, account.currency)
        if paying:
            figures[Figure.ARR].append((*money, account.renewal_on))
            for figure, horizon in ((Figure.RENEWALS_90, 90), (Figure.RENEWALS_180, 180)):
                renewal = account.renewal_on
                if renewal is not None and day <= renewal <= day + timedelta(days=horizon):
                    figures[figure].append((*money, renewal))
        if churned and _in_window(account.churned_on, cited):
            figures[Figure.CHURNED].append((*money, account.churned_on))
    return {f: sorted(rows) for f, rows in figures.items()}


def _in_window(churned_on: date | None, cited: list[date]) -> bool:
    """A citation in the ``CHURN_WINDOW`` days before the churn, the churn day included."""
    return churned_on is not None and any(0 <= (churned_on - c).days <= CHURN_WINDOW for c in cited)


def total(rows: list[tuple[Any, ...]]) -> tuple[Decimal, int]:
    """USD total (every currency has a rate) and the number of accounts."""
    amount = sum(
        (a * (RATES.get(c, Decimal(1)) if c else Decimal(1)) for _, a, c, _ in rows if a),
        Decimal(0),
    )
    return amount, len(rows)


def counted(demand: Demand) -> dict[Figure, tuple[Decimal, int]]:
    return {f: (demand.money(f).total.amount, demand.money(f).records) for f in ACCOUNT_FIGURES}


@dataclass(frozen=True)
class Subjects:
    theme: int
    by_hand: int
    of_theme: int
    opportunity: int


@pytest.fixture
def subjects(engine: Engine, tmp_path: Path) -> Subjects:
    """The export imported as a user does, then the evidence, one theme, a problem holding
    the items by hand, one holding the theme, and an opportunity over both."""
    with write_session(engine) as session:
        save_workspace_settings(
            session, WorkspaceSettings(company_name="Ledgerly", internal_email_domains=[])
        )
        for currency, rate in RATES.items():
            set_rate(session, CurrencyRate(currency=currency, per_base=rate))
    export = write_export(tmp_path / "Account.csv", ACCOUNTS_CSV)
    args = ["--db", database_url(engine), "import", "salesforce", str(export)]
    app(args=args, prog_name="tradeoff", standalone_mode=False)
    with write_session(engine) as session:
        repository.add(session, LATE_NIGHT)
        ids = {name: id_ for name, id_ in session.execute(select(AccountRow.name, AccountRow.id))}
        theme = repository.add(session, Theme(name="Single sign-on"))
        by_hand = repository.add(session, Problem(statement="Admins cannot enforce SSO"))
        of_theme = repository.add(session, Problem(statement="Logins outside the IdP"))
        opportunity = repository.add(session, Opportunity(title="Enterprise identity"))
        assert theme.id
        assert by_hand.id
        assert of_theme.id
        assert opportunity.id
        for number, (name, on, text) in enumerate(CITATIONS):
            item = repository.add(
                session,
                EvidenceItem(
                    source="interviews",
                    external_id=f"n{number}",
                    kind=EvidenceKind.INTERVIEW,
                    text=text,
                    created_at=datetime(on.year, on.month, on.day, 14, tzinfo=UTC),
                    account_id=ids[name],
                ),
            )
            assert item.id is not None
            link = EvidenceTheme(
                evidence_id=item.id, theme_id=theme.id, score=0.9, assigned_by=AssignedBy.MODEL
            )
            repository.add(session, link)
            repository.add(session, ProblemEvidence(problem_id=by_hand.id, evidence_id=item.id))
        repository.add(session, ProblemTheme(problem_id=of_theme.id, theme_id=theme.id))
        for problem_id in (by_hand.id, of_theme.id):
            repository.add(
                session, OpportunityProblem(opportunity_id=opportunity.id, problem_id=problem_id)
            )
    return Subjects(theme.id, by_hand.id, of_theme.id, opportunity.id)


def test_the_export_reads_as_the_recount_reads_it(engine: Engine, subjects: Subjects) -> None:
    """The importer agrees with the recount's reading of the rows: who is churned, when."""
    with read_session(engine) as session:
        stored = {a.name: a for a in repository.list_all(session, Account)}
    for account in export_rows():
        held = stored[account.name]
        assert (held.lifecycle is AccountLifecycle.CUSTOMER) is account.customer_now
        assert (held.churned_at.date() if held.churned_at else None) == account.churned_on
        assert (held.arr, held.currency, held.renewal_on) == (
            account.arr,
            account.currency,
            account.renewal_on,
        )


def test_the_example_of_the_report(engine: Engine, subjects: Subjects) -> None:
    """Leaving Co (350k, churns 2026-07-15), Live Co (100k) and Late Night Ltd (25k,
    churns 2026-08-10) all renew within 90 days of 2026-06-30: as of that day each is in
    the theme's ARR and renewals in 90 days (475k), none in churned."""
    day = date(2026, 6, 30)
    (theme,) = theme_demand(engine, as_of=day)
    behind = {
        figure: {
            m.label: m.amount
            for m in demand_behind(engine, SubjectKind.THEME, subjects.theme, figure, as_of=day)
        }
        for figure in ACCOUNT_FIGURES
    }
    usd = {"Leaving Co": 350000, "Live Co": 100000, "Late Night Ltd": 25000}
    assert {n: a for n, a in behind[Figure.RENEWALS_90].items() if n in usd} == usd
    assert theme.total.renewals_90.total.amount == sum(usd.values())
    assert set(usd) <= set(behind[Figure.ARR])
    assert list(behind[Figure.CHURNED]) == ["Long Gone Inc"]  # churned in March


def _members(
    engine: Engine, kind: SubjectKind, subject_id: int, figure: Figure, day: date
) -> list[tuple[Any, ...]]:
    found = demand_behind(engine, kind, subject_id, figure, as_of=day)
    return sorted((m.label, m.amount, m.currency, m.on) for m in found)


def _one(results: list[SubjectDemand], subject_id: int) -> SubjectDemand:
    return next(r for r in results if r.id == subject_id)


@pytest.mark.parametrize("day", DAYS, ids=str)
def test_every_subject_counts_later_churns_as_paying(
    engine: Engine, subjects: Subjects, day: date
) -> None:
    """Themes, both problems and the opportunity: every account figure, its records and
    the list behind it equal the recount, around every churn day."""
    expected = recount(day)
    assert expected[Figure.ARR] or day < date(2026, 5, 2)
    sums = {f: total(rows) for f, rows in expected.items()}
    found = {
        (SubjectKind.THEME, subjects.theme): _one(theme_demand(engine, as_of=day), subjects.theme),
        (SubjectKind.PROBLEM, subjects.by_hand): _one(
            problem_demand(engine, as_of=day), subjects.by_hand
        ),
        (SubjectKind.PROBLEM, subjects.of_theme): _one(
            problem_demand(engine, as_of=day), subjects.of_theme
        ),
        (SubjectKind.OPPORTUNITY, subjects.opportunity): _one(
            opportunity_demand(engine, as_of=day), subjects.opportunity
        ),
    }
    for (kind, subject_id), result in found.items():
        assert counted(result.total) == sums, (kind, subject_id)
        for figure in ACCOUNT_FIGURES:
            behind = _members(engine, kind, subject_id, figure, day)
            assert behind == expected[figure], (kind, subject_id, figure)


@pytest.mark.parametrize("by", ["segment", "plan", "region"])
def test_every_breakdown_follows(engine: Engine, subjects: Subjects, by: str) -> None:
    """Per segment (plan, region): each group's account figures equal the recount of the
    accounts in that group; checked as of each day."""
    column = {"segment": "Segment__c", "plan": "Plan__c", "region": "BillingCountry"}[by]
    group_of = {r["Name"]: r[column] or None for r in csv.DictReader(io.StringIO(ACCOUNTS_CSV))}
    group_of[LATE_NIGHT.name] = getattr(LATE_NIGHT, by)
    for day in DAYS:
        (theme,) = theme_demand(engine, as_of=day, by=by)
        (problem,) = problem_demand(engine, as_of=day, by=by, ids=[subjects.by_hand])
        for result in (theme, problem):
            groups = {g.group: g.demand for g in result.groups}
            expected = _recount_by(day, group_of)
            for group, figures in expected.items():
                assert counted(groups[group]) == figures, (day, by, group)
            for group, demand in groups.items():
                if group not in expected:
                    assert all(n == 0 for _, n in counted(demand).values()), (day, by, group)


def _recount_by(
    day: date, group_of: dict[str, str | None]
) -> dict[str | None, dict[Figure, tuple[Decimal, int]]]:
    """Every group's (total, records) per account figure, from the whole recount split by
    each account's group: groups with no account behind any figure are left out."""
    found: dict[str | None, dict[Figure, tuple[Decimal, int]]] = {}
    whole = recount(day)
    for group in {group_of[row[0]] for rows in whole.values() for row in rows}:
        found[group] = {
            f: total([r for r in rows if group_of[r[0]] == group]) for f, rows in whole.items()
        }
    return found


def test_kept_figures_give_what_the_live_query_gives(engine: Engine, subjects: Subjects) -> None:
    """Figures kept after an analysis answer only a day past every churn; any earlier day,
    with a churn still to come, is counted and still counts the later churns as paying."""
    before = {
        day: counted(_one(theme_demand(engine, as_of=day), subjects.theme).total) for day in DAYS
    }
    with write_session(engine) as session:
        assert demand_kept.keep(session) > 0
    for day in DAYS:
        after = counted(_one(theme_demand(engine, as_of=day), subjects.theme).total)
        assert after == before[day] == {f: total(r) for f, r in recount(day).items()}, day
    answered = {day: _kept_answers(engine, day) for day in DAYS}
    # From the last churn day on, nothing is left to come: the kept figures answer.
    assert answered == {day: day >= date(2026, 9, 30) for day in DAYS}


def _kept_answers(engine: Engine, day: date) -> bool:
    """Whether the kept figures answer the themes as of ``day`` (none are counted then)."""
    with read_session(engine) as session:
        query = DemandQuery(SubjectKind.THEME, day, churn_window_days=CHURN_WINDOW)
        return demand_kept.money(session, query) is not None


@pytest.mark.parametrize("day", DAYS, ids=str)
def test_the_workspace_book_counts_later_churns_as_paying(
    engine: Engine, subjects: Subjects, day: date
) -> None:
    """The whole workspace's ARR, which an opportunity's reach is a share of, follows the
    same rule as a subject's: every account paying on the day, cited or not."""
    cutoff = datetime(day.year, day.month, day.day, tzinfo=UTC) + timedelta(days=1)
    with read_session(engine) as session:
        scale = workspace_scale(session, cutoff)
    expected: dict[str | None, Decimal] = {}
    for account in export_rows():
        churned = account.churned_on is not None and account.churned_on <= day
        paying = account.customer_now or (account.churned_on is not None and not churned)
        if paying and account.arr is not None:
            expected[account.currency] = expected.get(account.currency, Decimal(0)) + account.arr
    assert scale.arr == expected
