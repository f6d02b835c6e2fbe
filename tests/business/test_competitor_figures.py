"""Every competitor figure against a recount in plain Python over what the world wrote.

The links and mentions are read back with plain SQL (the scan added some), the deals,
accounts, evidence and themes come from the ``World`` lists, and money is converted here
with the world's rates, so nothing of the code under test is reused.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest
from sqlalchemy import Engine, text

from tests.business.world import RATES, TODAY, World
from tradeoff.analysis.business.competitor_scan import scan_competitors
from tradeoff.analysis.business.competitors import _quotes, competitor_profile, competitor_ranking
from tradeoff.analysis.business.loss_reasons import classify_loss
from tradeoff.analysis.business.money import Money
from tradeoff.domain.deals import Deal, LossClassification
from tradeoff.domain.enums import (
    AssignedBy,
    DealOutcome,
    EvidenceKind,
    EvidenceMode,
    LossCategory,
)
from tradeoff.domain.evidence import EvidenceItem, EvidenceTheme
from tradeoff.errors import NotFound
from tradeoff.storage import repository
from tradeoff.storage.competitors import QuoteCandidate
from tradeoff.storage.session import write_session

CENT = Decimal("0.01")
#: Lost deals classified by the (other) loss taxonomy; the rest stay unclassified.
CLASSIFIED = {"Dunmore Legal": LossCategory.PRODUCT_GAP, "Cobalt Retail": LossCategory.PRICE_BUDGET}


@dataclass
class Field:
    world: World
    links: list[tuple[int, int]]
    mentions: list[tuple[int, int]]
    names: dict[int, str]
    categories: dict[int, LossCategory]

    def deal(self, deal_id: int) -> Deal:
        return next(d for d in self.world.deals if d.id == deal_id)

    def present(self, competitor_id: int) -> list[Deal]:
        return [self.deal(d) for d, c in self.links if c == competitor_id]


@pytest.fixture
def field(engine: Engine, world: World) -> Field:
    """The world, with loss classifications, a mention of "MSFT Dynamics" from a customer
    (and a copy of it), and a scan over everything."""
    with write_session(engine) as session:
        for deal in world.deals:
            account = next(a for a in world.accounts if a.id == deal.account_id)
            if deal.outcome is DealOutcome.LOST and account.name in CLASSIFIED:
                assert deal.id is not None
                repository.add(
                    session,
                    LossClassification(
                        deal_id=deal.id,
                        category=CLASSIFIED[account.name],
                        assigned_by=AssignedBy.PERSON,
                    ),
                )
        granite = world.account("Granite Mining")
        for number, copy_of in enumerate((None, "first")):
            item = repository.add(
                session,
                EvidenceItem(
                    source="gong",
                    external_id=f"call-{number}",
                    kind=EvidenceKind.CALL,
                    mode=EvidenceMode.STATED,
                    text="Their MSFT Dynamics rep offered SSO for free.",
                    created_at=TODAY - timedelta(days=40 - number),
                    account_id=granite.id,
                    duplicate_of_id=world.evidence[-1].id if copy_of else None,
                ),
            )
            world.evidence.append(item)
            assert item.id is not None
            link = EvidenceTheme(
                evidence_id=item.id, theme_id=world.theme("Single sign-on").id or 0
            )
            world.links.append(repository.add(session, link))
    scan_competitors(engine)
    with engine.connect() as connection:
        links = [
            tuple(r)
            for r in connection.execute(text("SELECT deal_id, competitor_id FROM deal_competitors"))
        ]
        mentions = [
            tuple(r)
            for r in connection.execute(
                text("SELECT evidence_id, competitor_id FROM competitor_mentions")
            )
        ]
        names = {i: n for i, n in connection.execute(text("SELECT id, name FROM competitors"))}
        categories = {
            d: LossCategory(c)
            for d, c in connection.execute(
                text("SELECT deal_id, category FROM loss_classifications")
            )
        }
    return Field(world, links, mentions, names, categories)  # type: ignore[arg-type]


def usd(deals: list[Deal]) -> tuple[Decimal, dict[str, Decimal]]:
    """Converted here, by hand: USD as is, GBP and EUR at the world's rates, JPY set aside."""
    total, unconverted = Decimal(0), defaultdict(Decimal)
    for deal in deals:
        if deal.amount is None:
            continue
        if deal.currency == "USD":
            total += deal.amount
        elif deal.currency in RATES:
            total += deal.amount * RATES[deal.currency]
        else:
            unconverted[deal.currency or "USD"] += deal.amount
    return total.quantize(CENT), dict(unconverted)


def shown(money: Money) -> tuple[Decimal, dict[str, Decimal]]:
    return money.amount.quantize(CENT), {c: a.quantize(CENT) for c, a in money.unconverted.items()}


def test_the_ranking_is_ordered_by_revenue_at_stake_and_every_figure_recounts(
    engine: Engine, field: Field
) -> None:
    expected = []
    for cid, name in field.names.items():
        deals = field.present(cid)
        won = sum(d.outcome is DealOutcome.WON for d in deals)
        lost = sum(d.outcome is DealOutcome.LOST for d in deals)
        lost_money = usd([d for d in deals if d.outcome is DealOutcome.LOST])
        open_money = usd([d for d in deals if d.outcome is DealOutcome.OPEN])
        at_stake = usd([d for d in deals if d.outcome is not DealOutcome.WON])
        copies = {e.id for e in field.world.evidence if e.duplicate_of_id is not None}
        mentions = sum(c == cid and e not in copies for e, c in field.mentions)
        expected.append(
            (name, len(deals), won, lost, len(deals) - won - lost,
             won / (won + lost) if won + lost else None, lost_money, open_money, at_stake, mentions)
        )  # fmt: skip
    # Money only in a currency with no rate ranks before no money at all, never by a rate.
    expected.sort(key=lambda e: (-e[8][0], not e[8][1], -e[1], -e[9], e[0].casefold()))
    ranking = competitor_ranking(engine)
    assert [
        (s.name, s.deals_met, s.won, s.lost, s.open, s.win_rate, shown(s.revenue_lost),
         shown(s.open_pipeline), shown(s.revenue_at_stake), s.mentions)
        for s in ranking
    ] == expected  # fmt: skip
    assert ranking[0].name == "Dynamics 365"
    assert "Status quo" in field.names.values()  # "No decision" in a loss reason, found by the scan
    spreadsheets = next(s for s in ranking if s.name == "Spreadsheets")
    assert spreadsheets.revenue_at_stake.unconverted == {"JPY": Decimal("12000000")}


def quarter(moment: datetime | None) -> str:
    assert moment is not None
    return f"{moment.year}-Q{(moment.month + 2) // 3}"


def test_the_recount_meets_lost_deals_with_no_saved_category(field: Field) -> None:
    """Else the recount below would never check the classification done for the read."""
    names = {"Spreadsheets", "Status quo"}
    unsaved = [
        d
        for cid, name in field.names.items()
        if name in names
        for d in field.present(cid)
        if d.outcome is DealOutcome.LOST and d.id not in field.categories
    ]
    assert unsaved
    assert {classify_loss(d.loss_reason, d.notes).category for d in unsaved} != {
        LossCategory.UNCLASSIFIED
    }


@pytest.mark.parametrize("name", ["Dynamics 365", "Zoho", "Spreadsheets", "Status quo"])
def test_a_competitors_profile_recounts(engine: Engine, field: Field, name: str) -> None:
    cid = next(c for c, n in field.names.items() if n == name)
    world = field.world
    deals = field.present(cid)
    profile = competitor_profile(engine, name.upper())
    assert profile.standing.name == name

    segment_of = {a.id: a.segment for a in world.accounts}
    counts: dict[str | None, Counter[DealOutcome]] = defaultdict(Counter)
    for deal in deals:
        counts[segment_of.get(deal.account_id)][deal.outcome] += 1
    assert {s.segment: (s.won, s.lost, s.open) for s in profile.segments} == {
        seg: (c[DealOutcome.WON], c[DealOutcome.LOST], c[DealOutcome.OPEN])
        for seg, c in counts.items()
    }
    rates = [s.loss_rate for s in profile.segments if s.loss_rate is not None]
    assert rates == sorted(rates, reverse=True)

    lost = [d for d in deals if d.outcome is DealOutcome.LOST]
    by_category: dict[LossCategory, list[Deal]] = defaultdict(list)
    for deal in lost:
        assert deal.id is not None
        # No saved category: classified for the read by the rules an import saves with.
        unsaved = classify_loss(deal.loss_reason, deal.notes).category
        by_category[field.categories.get(deal.id, unsaved)].append(deal)
    assert {r.category: (r.deals, shown(r.revenue)) for r in profile.loss_reasons} == {
        c: (len(ds), usd(ds)) for c, ds in by_category.items()
    }
    assert profile.losses_classified_now == sum(d.id not in field.categories for d in lost)

    accounts = {d.account_id for d in deals}
    naming = {e for e, c in field.mentions if c == cid}
    relevant = {
        e.id
        for e in world.evidence
        if (e.account_id in accounts or e.id in naming) and e.duplicate_of_id is None
    }
    themes: dict[int, set[int]] = defaultdict(set)
    for link in world.links:
        if link.evidence_id in relevant:
            themes[link.theme_id].add(link.evidence_id)
    account_of = {e.id: e.account_id for e in world.evidence}
    assert {t.theme_id: (t.evidence, t.accounts, t.naming) for t in profile.themes} == {
        t: (len(ids), len({account_of[i] for i in ids}), len(ids & naming))
        for t, ids in themes.items()
    }
    quoted = {e.id for e in world.evidence if e.id in naming and e.duplicate_of_id is None}
    assert {q.evidence_id for q in profile.quotes} == quoted

    met = Counter(quarter(d.created_at or d.closed_at) for d in deals)
    won = Counter(quarter(d.closed_at) for d in deals if d.outcome is DealOutcome.WON)
    lost_q = Counter(quarter(d.closed_at) for d in lost)
    assert [(q.quarter, q.met, q.won, q.lost) for q in profile.quarters] == [
        (q, met[q], won[q], lost_q[q]) for q in sorted(met | won | lost_q)
    ]


def test_dynamics_is_met_in_four_deals_and_named_once_in_evidence(
    engine: Engine, field: Field
) -> None:
    profile = competitor_profile(engine, "microsoft dynamics")
    assert (profile.standing.deals_met, profile.standing.mentions) == (4, 1)
    assert [(q.mentioned_as, q.account) for q in profile.quotes] == [
        ("MSFT Dynamics", "Granite Mining")
    ]
    assert profile.written_as == {"Dynamics 365": 3, "MSFT Dynamics": 3}  # the copy too
    sso = next(t for t in profile.themes if t.name == "Single sign-on")
    assert sso.naming == 1


def test_an_unknown_name_lists_close_ones(engine: Engine, field: Field) -> None:
    with pytest.raises(NotFound, match=r"no competitor called 'Zohar'; did you mean 'Zoho'\?"):
        competitor_profile(engine, "Zohar")


def test_quotes_never_repeat_the_same_words() -> None:
    """A QA tester's five Jobber quotes were one seller's "Also evaluating Jobber in
    parallel." on five deals: the same words are one quote, whoever's deal they sit on."""
    start = datetime(2026, 6, 1, tzinfo=UTC)
    said = ["Also evaluating Jobber in parallel."] * 5 + [
        "Jobber was cheaper for small crews.",
        "ALSO evaluating Jobber, in parallel!",
        "They liked Jobber's scheduling.",
    ]
    candidates = [
        QuoteCandidate(n, text, EvidenceKind.DEAL_NOTE, start - timedelta(days=n), n, f"A{n}",
                       "Jobber")
        for n, text in enumerate(said)
    ]  # fmt: skip
    quotes = _quotes(candidates)
    assert [q.text for q in quotes] == [
        "Also evaluating Jobber in parallel.",
        "Jobber was cheaper for small crews.",
        "They liked Jobber's scheduling.",
    ]
    # Shown once, the quote still says how many more items and accounts used the words.
    assert [(q.same_words, q.same_words_accounts) for q in quotes] == [(5, 5), (0, 0), (0, 0)]
