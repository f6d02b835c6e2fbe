"""Problems, their links and the unanchored lists, on the shared company (``world``), each
figure checked against a recount over the fixture's own objects."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest
from sqlalchemy import Engine

from tests.business.world import RATES, TODAY, World, build_world
from tradeoff.analysis.business.money import convert
from tradeoff.analysis.embed.static import StaticEmbedder
from tradeoff.decisions.opportunities import new_opportunity, record_estimate
from tradeoff.decisions.problems import (
    link_problem,
    new_problem,
    problem_list,
    problem_page,
    unanchored,
)
from tradeoff.decisions.suggest import suggest_themes
from tradeoff.domain.enums import AccountLifecycle, EvidenceKind, Level
from tradeoff.domain.evidence import EvidenceItem, EvidenceTheme, Theme
from tradeoff.errors import Conflict, NotFound
from tradeoff.storage import repository
from tradeoff.storage.opportunities import estimate_history, latest_estimates
from tradeoff.storage.problems import problem_links, problem_summaries, symptom_of_chain
from tradeoff.storage.session import read_session, write_session

AS_OF = TODAY.date()


@pytest.fixture
def world(engine: Engine) -> World:
    return build_world(engine)


def _ids(world: World, theme: str) -> set[int]:
    theme_id = world.theme(theme).id
    return {link.evidence_id for link in world.links if link.theme_id == theme_id}


def test_evidence_links_by_id_or_by_source_key_all_or_nothing(engine: Engine, world: World) -> None:
    problem = new_problem(engine, "Auditors cannot see who changed the ledger")
    assert problem.id is not None
    first = world.evidence[3]  # a Zendesk ticket: e3
    report = link_problem(
        engine,
        problem.id,
        evidence_ids=[world.evidence[7].id or 0],
        source_keys=[("zendesk", first.external_id)],
    )
    assert (report.evidence, report.already) == (2, 0)
    again = link_problem(engine, problem.id, evidence_ids=[world.evidence[7].id or 0])
    assert (again.evidence, again.already) == (0, 1)
    with pytest.raises(NotFound, match="no evidence item with id 9999"):
        link_problem(engine, problem.id, evidence_ids=[world.evidence[0].id or 0, 9999])
    with pytest.raises(NotFound, match="no evidence item from zendesk with external id nope"):
        link_problem(engine, problem.id, source_keys=[("zendesk", "nope")])
    with read_session(engine) as session:
        linked = problem_links(session, problem.id).evidence_ids
    assert linked == tuple(sorted([first.id or 0, world.evidence[7].id or 0]))  # nothing else


def test_a_problem_cannot_be_a_symptom_of_its_own_symptom(engine: Engine) -> None:
    """deep ← middle ← surface: surface is a symptom of middle, middle of deep."""
    deep = new_problem(engine, "Finance cannot trust the ledger").id or 0
    middle = new_problem(engine, "Exports are incomplete").id or 0
    surface = new_problem(engine, "Month-end takes days").id or 0
    assert link_problem(engine, surface, symptom_of=[middle]).symptom_of == 1
    assert link_problem(engine, middle, symptom_of=[deep]).symptom_of == 1
    with read_session(engine) as session:
        assert symptom_of_chain(session, surface) == [middle, deep]
    chain = rf"{surface} is already a symptom of {deep} \({surface} → {middle} → {deep},"
    with pytest.raises(Conflict, match=chain):
        link_problem(engine, deep, symptom_of=[surface])
    with pytest.raises(Conflict, match="already a symptom"):
        link_problem(engine, middle, symptom_of=[surface])
    with pytest.raises(Conflict, match="cannot be a symptom of itself"):
        link_problem(engine, deep, symptom_of=[deep])
    assert link_problem(engine, surface, symptom_of=[deep]).symptom_of == 1  # no cycle
    assert link_problem(engine, surface, symptom_of=[deep]).already == 1
    with read_session(engine) as session:
        counts = {s.id: (s.symptoms, s.symptom_of) for s in problem_summaries(session)}
    assert counts == {deep: (2, 0), middle: (1, 1), surface: (0, 2)}


def _request(world: World, number: int, text: str, **extra: object) -> EvidenceItem:
    return EvidenceItem(
        source="jira",
        external_id=f"REQ-{number}",
        kind=EvidenceKind.INTERNAL_REQUEST,
        text=text,
        created_at=TODAY - timedelta(days=number),
        account_id=world.account("Acme Freight").id,
        relayed_by_id=world.people[0].id,  # Casey, our CSM
        **extra,  # type: ignore[arg-type]
    )


def test_internal_requests_tied_to_no_problem_are_unanchored(engine: Engine, world: World) -> None:
    """Anchored: filed in a theme a problem links; linked by hand; evidence of a symptom;
    a copy of an anchored original. Unanchored: in a theme no problem links, in no theme,
    a copy of an unanchored original."""
    bulk, audit = world.theme("Bulk export").id, world.theme("Audit logs").id
    with write_session(engine) as session:
        extra_theme = repository.add(session, Theme(name="Dark mode"))
        items = [
            repository.add(session, _request(world, n, text))
            for n, text in enumerate(
                [
                    "Customer wants a bulk export of invoices",  # 0: in Bulk export
                    "Audit log for deletions please",  # 1: linked by hand to the symptom
                    "Dark mode for the app",  # 2: in a theme no problem links
                    "=cmd|' /C calc'!A0 SSO for the CFO",  # 3: in no theme
                ],
                start=1,
            )
        ]
        ids = [i.id or 0 for i in items]
        copies = [
            repository.add(
                session, _request(world, 10, "bulk export of invoices", duplicate_of_id=ids[0])
            ),
            repository.add(session, _request(world, 11, "Dark mode", duplicate_of_id=ids[2])),
        ]
        for evidence_id, theme_id in ((ids[0], bulk), (ids[2], extra_theme.id)):
            repository.add(session, EvidenceTheme(evidence_id=evidence_id, theme_id=theme_id or 0))
    root = new_problem(engine, "Finance cannot get its data out").id or 0
    symptom = new_problem(engine, "Auditors cannot trace changes").id or 0
    link_problem(engine, root, theme_ids=[bulk or 0])
    link_problem(engine, symptom, evidence_ids=[ids[1]], symptom_of=[root])
    link_problem(engine, symptom, theme_ids=[audit or 0])  # none of the requests is there
    new_opportunity(engine, "Bulk export", problem_ids=[root])
    floating = new_opportunity(engine, "<b>Dark mode</b>")
    found = unanchored(engine)
    assert [o.id for o in found.opportunities] == [floating.id]
    assert found.opportunity_total == 1
    # newest first: the requests are 3 and 4 days old, the copy 11
    assert [r.id for r in found.requests] == [ids[2], ids[3], copies[1].id]
    assert found.request_total == 3
    assert {r.relayed_by for r in found.requests} == {"Casey CSM"}
    assert {r.account for r in found.requests} == {"Acme Freight"}
    page = unanchored(engine, limit=2, offset=2)
    assert [r.id for r in page.requests] == [copies[1].id]
    assert page.request_total == 3
    link_problem(engine, root, evidence_ids=[ids[3]])
    assert unanchored(engine).request_total == 2


def test_problem_list_recounts_accounts_and_arr(engine: Engine, world: World) -> None:
    """A problem's figures are its evidence's: own items, its theme's, its symptom's."""
    root = new_problem(engine, "Exports take a day", severity="high").id or 0
    symptom = new_problem(engine, "SSO blocks rollout").id or 0
    link_problem(engine, root, theme_ids=[world.theme("Bulk export").id or 0])
    link_problem(engine, symptom, theme_ids=[world.theme("Single sign-on").id or 0])
    link_problem(engine, symptom, symptom_of=[root])
    listed = {entry.summary.id: entry for entry in problem_list(engine, as_of=AS_OF)}
    for problem_id, themes in ((root, ["Bulk export", "Single sign-on"]),
                               (symptom, ["Single sign-on"])):  # fmt: skip
        evidence = set().union(*(_ids(world, t) for t in themes))
        items = [e for e in world.evidence if e.id in evidence]
        accounts = {e.account_id for e in items}
        customers = [
            a for a in world.accounts
            if a.id in accounts and a.lifecycle is AccountLifecycle.CUSTOMER
        ]  # fmt: skip
        arr: dict[str | None, Decimal] = {}
        for account in customers:
            arr[account.currency] = arr.get(account.currency, Decimal(0)) + (account.arr or 0)
        expected = convert(arr, RATES, "USD")
        demand = listed[problem_id].demand
        assert demand.reach.items == len(items)
        assert demand.reach.accounts == len(accounts)
        assert demand.arr.total.amount == expected.amount
        assert dict(demand.arr.total.unconverted) == dict(expected.unconverted)
    assert listed[root].summary.severity is Level.HIGH
    assert (listed[root].summary.themes, listed[root].summary.symptoms) == (1, 1)
    assert next(iter(listed)) == root  # most revenue at stake first


def test_the_page_quotes_the_problems_evidence_with_its_account(
    engine: Engine, world: World
) -> None:
    problem = new_problem(
        engine, "Exports take a day", who_has_it="finance teams", goes_wrong="one by one"
    )
    assert problem.id is not None
    by_hand = world.evidence[7]  # Dunmore's audit ticket, relayed by the CSM
    link_problem(
        engine,
        problem.id,
        theme_ids=[world.theme("Bulk export").id or 0],
        evidence_ids=[by_hand.id or 0],
    )
    page = problem_page(engine, problem.id, as_of=AS_OF)
    assert page.links.problem.who_has_it == "finance teams"
    assert [t.name for t in page.links.themes] == ["Bulk export"]
    assert 3 <= len(page.quotes) <= 5
    evidence = _ids(world, "Bulk export") | {by_hand.id}
    account_of = {a.id: a.name for a in world.accounts}
    for quote in page.quotes:
        item = next(e for e in world.evidence if e.id == quote.evidence_id)
        assert item.id in evidence
        assert quote.account == account_of[item.account_id]
        assert quote.text == item.text
    assert page.quotes[0].evidence_id == by_hand.id  # a person chose it: quoted first
    assert page.quotes[0].relayed_by == "Casey CSM"
    with pytest.raises(NotFound, match="no problem with id 404"):
        problem_page(engine, 404)


def test_estimates_keep_their_history_and_the_newest_wins(engine: Engine) -> None:
    opportunity = new_opportunity(engine, "Bulk export")
    assert opportunity.id is not None
    first = record_estimate(engine, opportunity.id, "effort_weeks", "4..8", reason="first look")
    second = record_estimate(
        engine, opportunity.id, "effort_weeks", 10, value_range="8..14", confidence="low"
    )
    record_estimate(engine, opportunity.id, "strategic_fit", 7, confidence=0.9)
    with read_session(engine) as session:
        latest = latest_estimates(session)[opportunity.id]
        history = estimate_history(session, opportunity.id, "effort_weeks")
    assert latest["effort_weeks"].id == second.id
    assert (latest["effort_weeks"].low, latest["effort_weeks"].high) == (8, 14)
    assert latest["effort_weeks"].confidence == 0.5
    assert latest["strategic_fit"].confidence == 0.9
    assert [e.id for e in history] == [second.id, first.id]
    assert (history[1].value, history[1].reason) == (6, "first look")


def test_suggestions_rank_themes_by_the_matches_they_hold(engine: Engine, world: World) -> None:
    problem = new_problem(engine, "Finance needs a bulk export of every invoice").id or 0
    found = suggest_themes(engine, problem, embedder=StaticEmbedder(), depth=10)
    assert found[0].name == "Bulk export"
    assert found[0].hits == max(s.hits for s in found)
    assert sum(s.hits for s in found) <= found[0].searched <= 10
    assert found[0].confident == (found[0].hits >= 5 and found[0].share >= 0.2)
    link_problem(engine, problem, theme_ids=[found[0].theme_id])
    again = suggest_themes(engine, problem, embedder=StaticEmbedder(), depth=10)
    assert again[0].linked
