"""The sales and competitor pages against the shared company (tests/business/world.py):
every figure is the one ``tradeoff sales`` / ``tradeoff competitor`` computes, some are
recounted here in plain Python from the deals the world wrote, and customer text written
as markup stays text."""

from __future__ import annotations

import base64
import re
from collections.abc import Callable
from datetime import UTC, datetime
from decimal import Decimal
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient
from markupsafe import escape

from tests.business.world import RATES, World, build_world
from tests.web.conftest import Workspace
from tradeoff.analysis.business.competitors import competitor_profile, competitor_ranking
from tradeoff.analysis.business.money import Money
from tradeoff.analysis.business.sales import BREAKDOWNS, sales_picture
from tradeoff.analysis.business.sales_figures import WinRate
from tradeoff.domain.deals import Competitor, CompetitorMention, Deal, DealCompetitor
from tradeoff.domain.enums import CompetitorRelation, DealOutcome, EvidenceKind
from tradeoff.domain.evidence import EvidenceItem
from tradeoff.domain.users import Role
from tradeoff.storage import repository
from tradeoff.storage.session import write_session

SCRIPT = "<script>alert(1)</script>"
ATTRIBUTE = '" onmouseover="x'
CELL = re.compile(r"<td>(.*?)</td>", re.S)


@pytest.fixture
def world(workspace: Workspace) -> World:
    return build_world(workspace.engine)


@pytest.fixture
def viewer(signed_in: Callable[[Role], TestClient], world: World) -> TestClient:
    return signed_in(Role.VIEWER)


def in_usd(deal: Deal) -> Decimal | None:
    """A deal's amount in the base currency by the world's rates; None when not convertible."""
    if deal.amount is None:
        return None
    if deal.currency == "USD":
        return deal.amount
    return deal.amount * RATES[deal.currency] if deal.currency in RATES else None


def rows_of(page: str, table_class: str) -> list[list[str]]:
    """The cells of each body row of ``<table class="table_class">``, as HTML."""
    found = re.search(rf'<table class="{table_class}">.*?<tbody>(.*?)</tbody>', page, re.S)
    assert found is not None, table_class
    return [CELL.findall(row) for row in re.findall(r"<tr>(.*?)</tr>", found.group(1), re.S)]


def test_the_sales_page_shows_the_picture_recounted(
    viewer: TestClient, workspace: Workspace, world: World
) -> None:
    page = viewer.get("/sales")
    assert page.status_code == 200
    picture = sales_picture(workspace.engine, classify=False)
    won = [d for d in world.deals if d.outcome is DealOutcome.WON]
    lost = [d for d in world.deals if d.outcome is DealOutcome.LOST]
    opened = [d for d in world.deals if d.outcome is DealOutcome.OPEN]
    closed = len(won) + len(lost)
    assert (picture.overall.won, picture.overall.lost) == (len(won), len(lost))
    assert f"<dt>Win rate</dt><dd>{len(won) / closed:.0%} ({len(won)}/{closed})</dd>" in page.text
    assert f"won {len(won)}, lost {len(lost)}" in page.text
    assert f"<dt>Open</dt><dd>{len(opened)} deals, pipeline {picture.open_pipeline}</dd>" in (
        page.text
    )
    # The average won deal: every won deal here has an amount in a currency with a rate.
    amounts = [in_usd(d) for d in won]
    assert None not in amounts
    mean = sum((a for a in amounts if a is not None), Decimal(0)) / len(amounts)
    assert f"<dt>Average won deal</dt><dd>{Money(mean, 'USD')} over {len(won)} deals" in page.text
    cycle = picture.cycle_won
    assert f"{cycle.median_days:.1f} days ({cycle.deals} deals)" in page.text
    # By segment (the default), every row as the API computes it.
    cells = rows_of(page.text, "win-rates")
    assert [c[0] for c in cells] == [r.key for r in picture.breakdown]
    for row, r in zip(cells, picture.breakdown, strict=True):
        assert row[1:6] == [str(r.won), str(r.lost), str(r.closed), str(r.open), _rate(r)]
        assert row[6] == f"{r.won_revenue.amount:,.0f}"
    chart = re.search(r'<img class="chart" src="data:image/svg\+xml;base64,([^"]+)"', page.text)
    assert chart is not None
    assert "Win rate by quarter of close" in base64.b64decode(chart.group(1)).decode()


def _rate(r: WinRate) -> str:
    won, closed = r.won, r.closed
    return f"{won / closed:.0%} ({won}/{closed})" if closed else "–"


def test_win_rate_by_owner_is_recounted(viewer: TestClient, world: World) -> None:
    page = viewer.get("/sales?by=owner")
    assert page.status_code == 200
    tallies: dict[str, list[int]] = {}
    for deal in world.deals:
        if deal.owner and deal.outcome is not DealOutcome.OPEN:
            won_lost = tallies.setdefault(deal.owner, [0, 0])
            won_lost[deal.outcome is DealOutcome.LOST] += 1
    shown = {row[0]: row for row in rows_of(page.text, "win-rates")}
    assert set(tallies) <= set(shown)
    for owner, (won, lost) in tallies.items():
        assert shown[owner][5] == f"{won / (won + lost):.0%} ({won}/{won + lost})"


@pytest.mark.parametrize("by", BREAKDOWNS)
def test_every_breakdown_is_the_apis(viewer: TestClient, workspace: Workspace, by: str) -> None:
    page = viewer.get(f"/sales?by={by}")
    assert page.status_code == 200
    assert f'<h2 id="win-rate">Win rate by {by}</h2>' in page.text
    picture = sales_picture(workspace.engine, by, classify=False)
    cells = rows_of(page.text, "win-rates")
    assert [(c[0], c[5]) for c in cells] == [
        (str(escape(r.key)), _rate(r)) for r in picture.breakdown
    ]


def test_an_unknown_breakdown_is_a_400(viewer: TestClient) -> None:
    page = viewer.get("/sales?by=colour")
    assert page.status_code == 400
    assert "--by must be one of segment" in page.text


def test_objections_are_ranked_by_lost_revenue_recounted(
    viewer: TestClient, workspace: Workspace, world: World
) -> None:
    page = viewer.get("/sales").text
    picture = sales_picture(workspace.engine, classify=False)
    rows = rows_of(page, "objections")
    assert [r[0].split(" <span")[0] for r in rows] == [
        str(escape(o.text)) for o in picture.objections
    ]
    # Each lost deal with a reason and a convertible amount: its reason's revenue, recounted.
    shown = {r[0]: r[2] for r in rows}
    for deal in world.deals:
        amount = in_usd(deal)
        if deal.outcome is DealOutcome.LOST and deal.loss_reason and amount is not None:
            assert shown[str(escape(deal.loss_reason))] == f"{amount:,.0f}"
    revenue = [Decimal(r[2].replace(",", "")) for r in rows if r[2][0].isdigit()]
    assert revenue == sorted(revenue, reverse=True)
    losses = rows_of(page, "loss-reasons")
    assert sum(int(r[1]) for r in losses) == sum(d.outcome is DealOutcome.LOST for d in world.deals)


def test_competitors_are_ranked_by_revenue_at_stake_recounted(
    viewer: TestClient, workspace: Workspace, world: World
) -> None:
    page = viewer.get("/competitors")
    assert page.status_code == 200
    ranking = competitor_ranking(workspace.engine)
    rows = rows_of(page.text, "competitors")
    names = [re.sub(r"<[^>]+>", "", r[1]) for r in rows]
    assert names == [s.name for s in ranking]
    # Dynamics 365, recounted from the deals the CRM linked it to.
    dynamics = next(c for c in world.competitors if c.name == "Dynamics 365")
    met = {dc.deal_id for dc in world.deal_competitors if dc.competitor_id == dynamics.id}
    deals = [d for d in world.deals if d.id in met]
    won = sum(d.outcome is DealOutcome.WON for d in deals)
    lost = [d for d in deals if d.outcome is DealOutcome.LOST]
    lost_usd = sum((in_usd(d) or Decimal(0) for d in lost), Decimal(0))
    opened = sum(
        (in_usd(d) or Decimal(0) for d in deals if d.outcome is DealOutcome.OPEN), Decimal(0)
    )
    row = rows[names.index("Dynamics 365")]
    assert row[1] == '<a href="/competitors/Dynamics%20365">Dynamics 365</a>'
    assert row[3:5] == [f"{lost_usd + opened:,.0f}", f"{lost_usd:,.0f}"]
    assert row[6:10] == [
        str(len(deals)),
        str(won),
        str(len(lost)),
        f"{won / (won + len(lost)):.0%}",
    ]
    revenue = [Decimal(r[3].rstrip(" *").replace(",", "")) for r in rows]
    assert revenue == sorted(revenue, reverse=True)
    assert "* plus amounts in currencies without a rate" in page.text  # JPY, Spreadsheets


def test_a_competitor_page_has_its_record_reasons_quotes_and_quarters(
    viewer: TestClient, workspace: Workspace, world: World
) -> None:
    dynamics = next(c for c in world.competitors if c.name == "Dynamics 365")
    item = world.evidence[0]
    assert dynamics.id is not None
    assert item.id is not None
    with write_session(workspace.engine) as session:
        repository.add(
            session,
            CompetitorMention(
                evidence_id=item.id, competitor_id=dynamics.id, mentioned_as="MSFT Dynamics"
            ),
        )
    page = viewer.get("/competitors/Dynamics%20365")
    assert page.status_code == 200
    profile = competitor_profile(workspace.engine, "Dynamics 365")
    s = profile.standing
    met = [dc for dc in world.deal_competitors if dc.competitor_id == dynamics.id]
    dunmore = next(d for d in world.deals if d.account_id == world.account("Dunmore Legal").id)
    assert dunmore.amount is not None
    assert s.revenue_lost == Money(dunmore.amount * RATES["GBP"], "USD")  # the one loss
    assert "<h1>Dynamics 365</h1>" in page.text
    assert f"<dt>Deals met</dt><dd>{len(met)}: won {s.won}, lost {s.lost}, open {s.open}</dd>" in (
        page.text
    )
    assert f"{s.won / (s.won + s.lost):.0%} ({s.won}/{s.won + s.lost})" in page.text
    assert f"<dt>Revenue lost</dt><dd>{s.revenue_lost} (lost" in page.text
    assert f"<dt>Revenue at stake</dt><dd>{s.revenue_at_stake}</dd>" in page.text
    assert [r[:2] for r in rows_of(page.text, "loss-reasons")] == [
        [r.category.value, str(r.deals)] for r in profile.loss_reasons
    ]
    assert [r[0] for r in rows_of(page.text, "segments")] == [
        seg.segment or "(no segment)" for seg in profile.segments
    ]
    assert [r for r in rows_of(page.text, "quarters")] == [
        [q.quarter, str(q.met), str(q.won), str(q.lost)] for q in profile.quarters
    ]
    assert f"<blockquote>{escape(' '.join(item.text.split()))}</blockquote>" in page.text
    assert 'src="data:image/svg+xml;base64,' in page.text
    # An alias, in any case, finds the same page.
    alias = viewer.get("/competitors/msft%20dynamics")
    assert alias.status_code == 200
    assert "<h1>Dynamics 365</h1>" in alias.text


def test_deals_with_no_amount_are_counted_never_summed_as_zero(
    viewer: TestClient, workspace: Workspace, world: World
) -> None:
    """A lost and an open deal the CRM gave no amount, against Dynamics 365: the pages
    count them as deals and say they have no amount, and the sums stay those of the
    priced deals (recounted from the world's deals)."""
    dynamics = next(c for c in world.competitors if c.name == "Dynamics 365")
    assert dynamics.id is not None
    with write_session(workspace.engine) as session:
        for number, outcome in enumerate((DealOutcome.LOST, DealOutcome.OPEN)):
            closed = datetime(2026, 8, 3, tzinfo=UTC) if outcome is DealOutcome.LOST else None
            deal = repository.add(
                session,
                Deal(
                    source="salesforce", external_id=f"NOAMOUNT-{number}",
                    name="Renewal, amount not entered", outcome=outcome,
                    created_at=datetime(2026, 7, 1, tzinfo=UTC), closed_at=closed,
                    loss_reason="Went with Dynamics, their price was lower"
                    if outcome is DealOutcome.LOST else None,
                ),
            )  # fmt: skip
            assert deal.id is not None
            repository.add(
                session,
                DealCompetitor(
                    deal_id=deal.id, competitor_id=dynamics.id,
                    relation=CompetitorRelation.LOST_TO
                    if outcome is DealOutcome.LOST else CompetitorRelation.EVALUATED,
                ),
            )  # fmt: skip
    met = {dc.deal_id for dc in world.deal_competitors if dc.competitor_id == dynamics.id}
    priced_lost = sum(
        (in_usd(d) or Decimal(0) for d in world.deals
         if d.id in met and d.outcome is DealOutcome.LOST),
        Decimal(0),
    )  # fmt: skip
    listing = viewer.get("/competitors").text
    rows = rows_of(listing, "competitors")
    row = next(r for r in rows if ">Dynamics 365<" in r[1])
    assert row[4] == f'{priced_lost:,.0f} <span class="hint">+1 no amount</span>'
    assert row[5].endswith('<span class="hint">+1 no amount</span>')
    assert row[6] == str(len(met) + 2)
    assert "+N no amount: deals counted among their deals" in listing
    page = viewer.get("/competitors/Dynamics%20365").text
    assert "plus 1 lost deal with no amount (lost deals where they were present)" in page
    assert "plus 1 open deal with no amount</dd>" in page
    # The price loss added above is Dynamics' only one: its sum is unknown, not USD 0.00.
    reasons = {r[0]: r[1:] for r in rows_of(page, "loss-reasons")}
    assert reasons["price_budget"] == ["1", "no amount"]


def test_a_sum_with_no_amount_or_no_rate_is_never_shown_as_zero(
    viewer: TestClient, workspace: Workspace, world: World
) -> None:
    """Dee, a new owner, won a deal the CRM gave no amount and lost one in JPY (no rate)
    when the champion left: her won revenue is unknown, the relationship category and its
    objection are the JPY amount, and the Proposal stage (Granite's JPY deal alone in the
    world) is too; where some part converts, the figure keeps its ``*``."""
    granite = world.account("Granite Mining")
    with write_session(workspace.engine) as session:
        for number, (outcome, amount) in enumerate(
            ((DealOutcome.WON, None), (DealOutcome.LOST, Decimal(5_000_000)))
        ):
            repository.add(
                session,
                Deal(
                    source="salesforce", external_id=f"DEE-{number}", account_id=granite.id,
                    name=f"Granite site {number}", outcome=outcome, owner="Dee",
                    amount=amount, currency="JPY" if amount else None,
                    created_at=datetime(2026, 6, 1, tzinfo=UTC),
                    closed_at=datetime(2026, 8, 3, tzinfo=UTC),
                    loss_reason="Our champion left the company" if amount else None,
                ),
            )  # fmt: skip
    owners = {r[0]: r for r in rows_of(viewer.get("/sales?by=owner").text, "win-rates")}
    assert owners["Dee"][1:3] == ["1", "1"]
    assert owners["Dee"][6] == "– (no amount)"  # was "0"
    page = viewer.get("/sales").text
    # No segment's won revenue holds JPY: no starred cell, so no footnote for one.
    assert "* plus amounts in currencies without a rate" not in page
    categories = {r[0]: r for r in rows_of(page, "loss-reasons")}
    assert categories["relationship"][1] == "1"
    assert categories["relationship"][3] == "JPY 5,000,000 (no rate)"  # was "0 *"
    objections = {r[0]: r for r in rows_of(page, "objections")}
    assert objections["Our champion left the company"][2] == "JPY 5,000,000 (no rate)"
    proposal = [d for d in world.deals if d.outcome is DealOutcome.OPEN and d.stage == "Proposal"]
    assert {d.currency for d in proposal} == {"JPY"}  # no rate in the world
    stages = re.search(r"<h2>Open pipeline by stage</h2>\s*<table>(.*?)</table>", page, re.S)
    assert stages is not None
    by_stage = {c[0]: c for c in (CELL.findall(r) for r in re.findall(r"<tr>(.*?)</tr>",
                                                                      stages.group(1), re.S))
                if c}  # fmt: skip
    jpy = sum((d.amount or Decimal(0) for d in proposal), Decimal(0))
    assert by_stage["Proposal"][2] == f"JPY {jpy:,.0f} (no rate)"  # was "0 *"
    competitors = {
        re.sub(r"<[^>]+>", "", r[1]): r for r in rows_of(viewer.get("/competitors").text,
                                                         "competitors")
    }  # fmt: skip
    spreadsheets = competitors["Spreadsheets"]
    lost_usd = sum(
        (in_usd(d) or Decimal(0) for d in world.deals
         if d.outcome is DealOutcome.LOST and d.id in _met(world, "Spreadsheets")),
        Decimal(0),
    )  # fmt: skip
    assert spreadsheets[3] == f"{lost_usd:,.0f} *"  # USD lost, JPY open apart
    assert spreadsheets[5] == f"JPY {jpy:,.0f} (no rate)"  # its one open deal; was "0*"


def _met(world: World, name: str) -> set[int | None]:
    competitor = next(c for c in world.competitors if c.name == name)
    return {dc.deal_id for dc in world.deal_competitors if dc.competitor_id == competitor.id}


def test_an_unknown_competitor_is_a_404(viewer: TestClient) -> None:
    page = viewer.get("/competitors/Oracle")
    assert page.status_code == 404
    assert "no competitor called &#39;Oracle&#39;" in page.text


def test_hostile_customer_text_stays_text(
    viewer: TestClient, workspace: Workspace, world: World
) -> None:
    """Competitor names, a loss reason, an owner and a quote written as markup."""
    with write_session(workspace.engine) as session:
        script = repository.add(session, Competitor(name=SCRIPT))
        attribute = repository.add(session, Competitor(name=ATTRIBUTE))
        deal = repository.add(
            session,
            Deal(
                source="salesforce", external_id="evil", name=SCRIPT, amount=Decimal(5000),
                currency="USD", outcome=DealOutcome.LOST, owner=SCRIPT, loss_reason=ATTRIBUTE,
                created_at=datetime(2026, 5, 1, tzinfo=UTC),
                closed_at=datetime(2026, 6, 1, tzinfo=UTC),
            ),
        )  # fmt: skip
        item = repository.add(
            session,
            EvidenceItem(
                source="gong", external_id="evil", kind=EvidenceKind.CALL,
                text=f"{SCRIPT} {ATTRIBUTE} javascript:alert(1)",
                created_at=datetime(2026, 6, 2, tzinfo=UTC),
            ),
        )  # fmt: skip
        for competitor in (script, attribute):
            assert competitor.id is not None
            assert deal.id is not None
            assert item.id is not None
            repository.add(
                session,
                DealCompetitor(
                    deal_id=deal.id, competitor_id=competitor.id,
                    relation=CompetitorRelation.LOST_TO,
                ),
            )  # fmt: skip
            repository.add(
                session,
                CompetitorMention(
                    evidence_id=item.id, competitor_id=competitor.id, mentioned_as=competitor.name
                ),
            )
    pages = {
        "/sales?by=owner": viewer.get("/sales?by=owner"),
        "/competitors": viewer.get("/competitors"),
        "script": viewer.get("/competitors/" + quote(SCRIPT, safe="")),
        "attribute": viewer.get("/competitors/" + quote(ATTRIBUTE, safe="")),
    }
    for name, page in pages.items():
        assert page.status_code == 200, name
        assert SCRIPT not in page.text, name
        assert 'onmouseover="x' not in page.text, name
    assert f"<td>{escape(SCRIPT)}</td>" in pages["/sales?by=owner"].text  # the owner
    assert f"<td>{escape(ATTRIBUTE)}</td>" in pages["/sales?by=owner"].text  # the objection
    listing = pages["/competitors"].text
    assert f'<a href="/competitors/{quote(SCRIPT, safe="")}">{escape(SCRIPT)}</a>' in listing
    assert f'<a href="/competitors/{quote(ATTRIBUTE, safe="")}">{escape(ATTRIBUTE)}</a>' in listing
    for name, shown in (("script", SCRIPT), ("attribute", ATTRIBUTE)):
        text = pages[name].text
        assert f"<h1>{escape(shown)}</h1>" in text
        assert (
            f"<blockquote>{escape(f'{SCRIPT} {ATTRIBUTE} javascript:alert(1)')}</blockquote>"
            in text
        )


@pytest.mark.parametrize("path", ["/sales", "/competitors", "/competitors/Zoho"])
def test_logged_out_readers_see_nothing(anonymous: TestClient, world: World, path: str) -> None:
    response = anonymous.get(path)
    assert response.status_code == 303
    assert response.headers["location"] == "/login"
    assert "Zoho" not in response.text


@pytest.mark.parametrize("role", [Role.VIEWER, Role.EDITOR, Role.ADMIN])
def test_every_role_reads_sales_and_competitors(
    signed_in: Callable[[Role], TestClient], world: World, role: Role
) -> None:
    client = signed_in(role)
    for path in ("/sales", "/competitors", "/competitors/Zoho"):
        assert client.get(path).status_code == 200
