"""Lost deals that were never real (duplicates, spam, tests, unqualified leads) are left out
of every won / lost figure, and said: each figure against a recount in plain Python or SQL
over the company of ``world``, with never-real deals added in four currencies (one without
a rate), a real loss whose words come close, and corrections made both ways."""

from __future__ import annotations

import json
import statistics
from dataclasses import dataclass
from datetime import timedelta
from decimal import Decimal

import pytest
from sqlalchemy import Engine, text

from tests.business.test_demand import AS_OF, figures_of, recount, theme_evidence, world_recount
from tests.business.test_sales_picture import key_of, revenue
from tests.business.world import RATES, TODAY, World
from tests.cli.helpers import run_cli
from tradeoff.analysis.business.competitors import competitor_profile, competitor_ranking
from tradeoff.analysis.business.demand import demand_behind, theme_demand
from tradeoff.analysis.business.loss_taxonomy import (
    classify_losses,
    correct_loss,
    deals_in_category,
)
from tradeoff.analysis.business.money import convert
from tradeoff.analysis.business.sales import BREAKDOWNS, sales_picture, win_rates_by
from tradeoff.domain.deals import Deal, DealCompetitor
from tradeoff.domain.enums import CompetitorRelation, DealOutcome, LossCategory
from tradeoff.storage import repository
from tradeoff.storage.demand import Figure, SubjectKind
from tradeoff.storage.session import write_session

#: account, amount, currency, stage, created / closed (days ago), owner, source, reason,
#: competitors named. ``never_real`` is what the test expects, decided by hand.
EXTRA = [
    ("Acme Freight", "50000", "EUR", "Closed Lost", 40, 5, "Ana", "Inbound",
     "Duplicate opportunity", ["Zoho"], True),
    ("Brightwater Health", "20000", "GBP", "Closed - Duplicate", 30, 3, "Ben", "Inbound",
     "Too expensive", [], False),  # the stage disqualifies it; a person corrects it back
    ("Cobalt Retail", None, None, "Closed Lost", 20, 2, "Ana", "Web", "Unqualified", [], True),
    ("Granite Mining", "5000000", "JPY", "Closed Lost", 60, 10, "Ben", "Partner", "Spam", [],
     True),
    ("Acme Freight", "15000", "USD", "Closed Lost", 90, 8, "Ana", "Outbound",
     "Lost to a duplicate-detection tool vendor", ["Zoho"], False),
    ("Evergreen Schools", "12000", "USD", "Closed Lost", 50, 6, "Cara", "Web",
     "Not a fit / bad lead", ["Dynamics 365"], True),
    ("Dunmore Legal", "9000", "GBP", "Closed Lost", 70, 12, "Ben", "Inbound",
     "Went with Zoho on price", ["Zoho"], True),  # a real reason a person disqualifies
]  # fmt: skip
#: CRM ids of the two corrections: to a real category, and to disqualified.
BACK_TO_REAL, MADE_DISQUALIFIED = "dq0001", "dq0006"


@dataclass
class Company:
    world: World
    extra: list[Deal]
    never_real: set[int]

    @property
    def deals(self) -> list[Deal]:
        return self.world.deals + self.extra

    @property
    def counted(self) -> list[Deal]:
        return [d for d in self.deals if d.id not in self.never_real]


@pytest.fixture
def company(engine: Engine, world: World) -> Company:
    extra: list[Deal] = []
    never_real: set[int] = set()
    with write_session(engine) as session:
        for number, row in enumerate(EXTRA):
            account, amount, cur, stage, created, closed, owner, source, reason = row[:9]
            named, expected = row[9], row[10]
            deal = repository.add(
                session,
                Deal(
                    source="salesforce",
                    external_id=f"dq{number:04d}",
                    account_id=world.account(account).id,
                    name=f"{account} — {reason}",
                    amount=Decimal(amount) if amount else None,
                    currency=cur,
                    stage=stage,
                    outcome=DealOutcome.LOST,
                    created_at=TODAY - timedelta(days=created),
                    closed_at=TODAY - timedelta(days=closed),
                    loss_reason=reason,
                    owner=owner,
                    lead_source=source,
                ),
            )
            assert deal.id is not None
            extra.append(deal)
            if expected:
                never_real.add(deal.id)
            for said in named:
                competitor = next(c for c in world.competitors if c.matches(said))
                assert competitor.id is not None
                link = DealCompetitor(
                    deal_id=deal.id,
                    competitor_id=competitor.id,
                    relation=CompetitorRelation.LOST_TO,
                    mentioned_as=said,
                )
                world.deal_competitors.append(repository.add(session, link))
    classify_losses(engine)
    correct_loss(engine, BACK_TO_REAL, LossCategory.PRICE_BUDGET)
    correct_loss(engine, MADE_DISQUALIFIED, LossCategory.DISQUALIFIED)
    return Company(world, extra, never_real)


def in_base(amounts: list[tuple[str | None, Decimal | None]]) -> tuple[Decimal, dict[str, Decimal]]:
    sums: dict[str | None, Decimal] = {}
    for currency, amount in amounts:
        if amount is not None:
            sums[currency] = sums.get(currency, Decimal(0)) + amount
    money = convert(sums, RATES, "USD")
    return money.amount, dict(money.unconverted)


def test_the_stored_categories_are_the_expected_ones(engine: Engine, company: Company) -> None:
    with engine.connect() as connection:
        stored = set(
            connection.execute(
                text("SELECT deal_id FROM loss_classifications WHERE category = 'disqualified'")
            ).scalars()
        )
    assert stored == company.never_real
    listed = deals_in_category(engine, LossCategory.DISQUALIFIED)
    assert {d.deal_id for d in listed} == company.never_real
    by_person = {d.external_id for d in listed if d.assigned_by.value == "person"}
    assert by_person == {MADE_DISQUALIFIED}


# Company-size bands are drawn from the accounts: test_sales_employees recounts them, with a
# lost duplicate left out there too.
@pytest.mark.parametrize("by", [b for b in BREAKDOWNS if b != "employees"])
def test_win_rates_leave_never_real_deals_out(engine: Engine, company: Company, by: str) -> None:
    picture = sales_picture(engine, by)
    won = [d for d in company.deals if d.outcome is DealOutcome.WON]
    lost = [d for d in company.counted if d.outcome is DealOutcome.LOST]
    assert (picture.overall.won, picture.overall.lost) == (len(won), len(lost))
    key = key_of(company.world, by)
    expected: dict[str, list[int]] = {}
    for deal in (*won, *lost):
        value = key(deal)
        if value is None:
            continue
        pair = expected.setdefault(value, [0, 0])
        pair[deal.outcome is DealOutcome.LOST] += 1
    shown = {r.key: [r.won, r.lost] for r in picture.breakdown if not r.key.startswith("(")}
    assert {k: v for k, v in shown.items() if v != [0, 0]} == expected
    if by == "quarter":
        charted = {r.key: [r.won, r.lost] for r in win_rates_by(engine, "quarter")}
        assert charted == shown


def test_the_recount_is_not_trivial(company: Company) -> None:
    """Never-real deals sit in the groups compared, so leaving them out moves rates."""
    assert len(company.never_real) == 5
    lost_all = sum(1 for d in company.deals if d.outcome is DealOutcome.LOST)
    lost_real = sum(1 for d in company.counted if d.outcome is DealOutcome.LOST)
    assert lost_all - lost_real == 5


def test_lost_cycle_time_objections_and_signals(engine: Engine, company: Company) -> None:
    picture = sales_picture(engine)
    lost = [d for d in company.counted if d.outcome is DealOutcome.LOST]
    days = [
        (d.closed_at.date() - d.created_at.date()).days
        for d in lost
        if d.closed_at and d.created_at and d.closed_at.date() >= d.created_at.date()
    ]
    assert picture.cycle_lost.deals == len(days)
    assert picture.cycle_lost.median_days == pytest.approx(statistics.median(days))
    speaking = [d for d in lost if d.loss_reason or d.notes]
    assert sum(o.deals for o in picture.objections) == len(speaking)
    said = {w for o in picture.objections for w in o.wordings}
    never_said = {d.loss_reason for d in company.deals if d.id in company.never_real}
    assert said.isdisjoint(never_said)
    assert "Too expensive" in said  # corrected back to a real loss
    total = sum((o.lost_revenue.amount for o in picture.objections), Decimal(0))
    priced = [d for d in speaking if d.currency in (None, "USD", *RATES)]
    assert total.quantize(Decimal("0.01")) == revenue(priced)
    won = sum(1 for d in company.deals if d.outcome is DealOutcome.WON)
    for signal in picture.win_signals:
        assert signal.won_with + signal.won_without == won
        assert signal.lost_with + signal.lost_without == len(lost)


def test_the_left_out_deals_are_said_with_their_amount(engine: Engine, company: Company) -> None:
    picture = sales_picture(engine)
    out = [d for d in company.deals if d.id in company.never_real]
    amount, unconverted = in_base([(d.currency, d.amount) for d in out])
    note = next(n for n in picture.notes if n.kind == "disqualified")
    assert note.deals == len(out)
    share = picture.losses.left_out
    assert share is not None
    assert (share.deals, share.with_amount) == (5, 4)
    assert share.lost_revenue.amount == amount
    assert dict(share.lost_revenue.unconverted) == unconverted == {"JPY": Decimal("5000000")}
    assert "tradeoff loss-reasons --category disqualified" in note.message
    assert "tradeoff loss-reason DEAL_ID --category" in note.message
    document = picture.to_json()["disqualified"]
    assert isinstance(document, dict)
    assert document["deals"] == 5


def test_the_cli_says_it_in_table_json_and_csv(
    capsys: pytest.CaptureFixture[str], workspace_url: str, company: Company
) -> None:
    table = run_cli(capsys, "--db", workspace_url, "sales")
    assert table.exit_code == 0, table.stderr
    printed = " ".join(table.stdout.split())
    assert "left out: 5 lost deals left out as disqualified" in printed
    as_json = run_cli(capsys, "--db", workspace_url, "sales", "--format", "json")
    assert json.loads(as_json.stdout)["disqualified"]["deals"] == 5
    as_csv = run_cli(capsys, "--db", workspace_url, "sales", "--format", "csv")
    assert as_csv.stdout.startswith("by,")  # stdout stays one CSV document
    assert "note: 5 lost deals left out as disqualified" in " ".join(as_csv.stderr.split())
    listed = run_cli(
        capsys, "--db", workspace_url, "loss-reasons", "--category", "disqualified", "--format",
        "json",
    )  # fmt: skip
    assert listed.exit_code == 0, listed.stderr
    rows = json.loads(listed.stdout)
    assert {r["crm_id"] for r in rows} == {
        d.external_id for d in company.deals if d.id in company.never_real
    }
    bad = run_cli(capsys, "--db", workspace_url, "loss-reasons", "--category", "nonsense")
    assert bad.exit_code != 0
    assert "--category must be one of" in bad.stderr
    assert "Traceback" not in bad.stderr


def test_demand_lost_money_leaves_never_real_deals_out(engine: Engine, company: Company) -> None:
    data = world_recount(
        company.world, deals=[d for d in company.extra if d.id not in company.never_real]
    )
    results = {r.name: r for r in theme_demand(engine, as_of=AS_OF)}
    moved = 0
    for theme in company.world.themes:
        evidence = theme_evidence(company.world, theme.name)
        expected = recount(data, evidence)["<all>"]["lost"]
        assert figures_of(results[theme.name].total)["lost"] == expected, theme.name
        assert theme.id is not None
        behind = demand_behind(engine, SubjectKind.THEME, theme.id, Figure.LOST, as_of=AS_OF)
        assert not {m.id for m in behind} & company.never_real
        with_all = world_recount(company.world, deals=company.extra)
        moved += recount(with_all, evidence)["<all>"]["lost"] != expected
    assert moved  # at least one theme's account sent a never-real deal


def test_competitors_meet_never_real_deals_but_do_not_win_them(
    engine: Engine, company: Company
) -> None:
    with engine.connect() as connection:
        rows = connection.execute(
            text(
                "SELECT c.name, d.id, d.outcome, d.currency, d.amount FROM deal_competitors l "
                "JOIN deals d ON d.id = l.deal_id JOIN competitors c ON c.id = l.competitor_id"
            )
        ).all()
    ranking = {s.name: s for s in competitor_ranking(engine)}
    for name, standing in ranking.items():
        mine = [r for r in rows if r.name == name]
        real = [r for r in mine if r.id not in company.never_real]
        lost = [r for r in real if r.outcome == "lost"]
        won = [r for r in real if r.outcome == "won"]
        assert standing.deals_met == len(mine), name
        assert standing.disqualified == len(mine) - len(real), name
        assert (standing.won, standing.lost) == (len(won), len(lost)), name
        amount, unconverted = in_base(
            [(r.currency, None if r.amount is None else Decimal(str(r.amount))) for r in lost]
        )
        assert standing.revenue_lost.amount == amount.quantize(Decimal("0.0001")), name
        assert dict(standing.revenue_lost.unconverted) == unconverted, name
        closed = len(won) + len(lost)
        assert standing.win_rate == (len(won) / closed if closed else None), name
    zoho = competitor_profile(engine, "Zoho")
    assert ranking["Zoho"].disqualified == 2  # the duplicate, and the corrected one
    assert sum(r.deals for r in zoho.loss_reasons) == zoho.standing.lost
    assert LossCategory.DISQUALIFIED not in {r.category for r in zoho.loss_reasons}
    assert sum(q.lost for q in zoho.quarters) == zoho.standing.lost
    assert sum(s.lost for s in zoho.segments) == zoho.standing.lost
    assert sum(q.met for q in zoho.quarters) == zoho.standing.deals_met
