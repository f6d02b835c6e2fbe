"""Demand of problems and opportunities, copies of evidence, deals cited by their own notes,
and the time rules (decay, staleness, periods) — recounted by ``test_demand.recount``."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from decimal import Decimal

from sqlalchemy import Engine
from sqlalchemy.orm import Session

from tests.business.test_demand import (
    AS_OF,
    NO_GROUP,
    by_name,
    figures_of,
    recount,
    theme_evidence,
    world_recount,
)
from tests.business.world import TODAY, World
from tradeoff.analysis.business.demand import (
    demand_behind,
    opportunity_demand,
    problem_demand,
    theme_demand,
)
from tradeoff.analysis.business.demand_time import decay_weight, is_stale, periods
from tradeoff.domain.deals import Deal
from tradeoff.domain.enums import AssignedBy, DealOutcome, EvidenceKind
from tradeoff.domain.evidence import EvidenceItem, EvidenceTheme
from tradeoff.domain.problems import (
    Opportunity,
    OpportunityProblem,
    Problem,
    ProblemEvidence,
    ProblemSymptom,
    ProblemTheme,
)
from tradeoff.storage import repository
from tradeoff.storage.demand import Figure, SubjectKind
from tradeoff.storage.session import write_session


def test_problems_and_opportunities_count_their_evidence_once(engine: Engine, world: World) -> None:
    """P1 has two items; P2, a symptom of P1, has one more and shares one: P1 counts all
    three. The opportunity addresses both and counts each item once."""
    ids = [e.id for e in world.evidence]
    with write_session(engine) as session:
        p1 = repository.add(session, Problem(statement="Month-end takes days"))
        p2 = repository.add(session, Problem(statement="=Exports are one by one"))
        assert p1.id
        assert p2.id
        for problem, evidence in ((p1, [ids[0], ids[3]]), (p2, [ids[3], ids[6]])):
            for evidence_id in evidence:
                assert evidence_id is not None
                assert problem.id is not None
                repository.add(
                    session, ProblemEvidence(problem_id=problem.id, evidence_id=evidence_id)
                )
        repository.add(session, ProblemSymptom(symptom_id=p2.id, problem_id=p1.id))
        opportunity = repository.add(session, Opportunity(title="Bulk tools"))
        assert opportunity.id
        for problem in (p1, p2):
            assert problem.id
            repository.add(
                session, OpportunityProblem(opportunity_id=opportunity.id, problem_id=problem.id)
            )
    data = world_recount(world)
    problems = by_name(problem_demand(engine, as_of=AS_OF))
    expected_p1 = recount(data, {ids[0], ids[3], ids[6]})[NO_GROUP]  # type: ignore[arg-type]
    expected_p2 = recount(data, {ids[3], ids[6]})[NO_GROUP]  # type: ignore[arg-type]
    assert figures_of(problems["Month-end takes days"].total) == expected_p1
    assert figures_of(problems["=Exports are one by one"].total) == expected_p2
    [opportunity_result] = opportunity_demand(engine, as_of=AS_OF)
    assert figures_of(opportunity_result.total) == expected_p1
    assert opportunity_result.kind is SubjectKind.OPPORTUNITY
    behind = demand_behind(engine, SubjectKind.PROBLEM, p1.id, Figure.EVIDENCE, as_of=AS_OF)
    assert [m.id for m in behind] == sorted([ids[0], ids[3], ids[6]])  # type: ignore[type-var]


def test_a_copy_is_one_piece_with_its_original(engine: Engine, world: World) -> None:
    """A copy filed with its original adds a link, not an item; a copy filed where its
    original is not represents the piece there (the lower of two such copies)."""
    original = world.evidence[0]  # Acme, Bulk export
    bulk, audit = world.theme("Bulk export"), world.theme("Audit logs")
    assert original.id
    assert bulk.id
    assert audit.id
    copies = []
    with write_session(engine) as session:
        for number, theme in enumerate((bulk, audit, audit)):
            copy = add_copy(session, original, number, TODAY - timedelta(days=3 + number))
            assert copy.id
            repository.add(
                session,
                EvidenceTheme(evidence_id=copy.id, theme_id=theme.id, assigned_by=AssignedBy.MODEL),
            )
            copies.append((copy.id, theme.id))
            world.evidence.append(copy)
    results = by_name(theme_demand(engine, as_of=AS_OF))
    data = world_recount(world)
    for name in ("Bulk export", "Audit logs"):
        expected = recount(data, theme_evidence(world, name, copies))[NO_GROUP]
        assert figures_of(results[name].total) == expected
    assert results["Bulk export"].total.reach.items == 6
    assert results["Bulk export"].total.reach.links == 7
    assert results["Audit logs"].total.reach.items == 5  # the two copies are one piece


def add_copy(
    session: Session, original: EvidenceItem, number: int, created_at: datetime
) -> EvidenceItem:
    """A copy of ``original``: the same words from the same account, through a chat."""
    return repository.add(
        session,
        EvidenceItem(
            source="intercom",
            external_id=f"copy{number}",
            kind=EvidenceKind.CHAT,
            text=original.text,
            created_at=created_at,
            account_id=original.account_id,
            person_id=original.person_id,
            duplicate_of_id=original.id,
        ),
    )


def test_a_deal_with_no_account_is_cited_by_its_own_notes(engine: Engine, world: World) -> None:
    sso = world.theme("Single sign-on")
    assert sso.id
    with write_session(engine) as session:
        deal, note = add_orphan_deal(
            session,
            Deal(
                source="hubspot",
                external_id="9001",
                name="Orphan deal",
                amount=Decimal("1000"),
                currency="EUR",
                outcome=DealOutcome.OPEN,
            ),
            "description",
            "They need Okta SSO.",
            TODAY - timedelta(days=2),
        )
        assert note.id
        repository.add(session, EvidenceTheme(evidence_id=note.id, theme_id=sso.id))
    pipeline = by_name(theme_demand(engine, as_of=AS_OF))["Single sign-on"].total.pipeline
    assert pipeline.records == 4  # Acme's, Granite's (JPY), Ironclad's, and the orphan
    assert pipeline.total.amount == Decimal("150000") + Decimal("1080.00")
    behind = demand_behind(engine, SubjectKind.THEME, sso.id, Figure.PIPELINE, as_of=AS_OF)
    assert deal.id in [m.id for m in behind]


def add_orphan_deal(
    session: Session, deal: Deal, part: str, text: str, cited_at: datetime
) -> tuple[Deal, EvidenceItem]:
    """``deal`` (with no account) and one note of its own, ``<external id>:<part>``."""
    note = EvidenceItem(
        source=deal.source,
        external_id=f"{deal.external_id}:{part}",
        kind=EvidenceKind.DEAL_NOTE,
        text=text,
        created_at=cited_at,
    )
    return repository.add(session, deal), repository.add(session, note)


def test_decay_halves_at_the_half_life_and_staleness_follows_it() -> None:
    today = date(2026, 10, 15)
    assert decay_weight(today, today, 180) == 1.0
    assert decay_weight(today - timedelta(days=180), today, 180) == 0.5
    assert decay_weight(today - timedelta(days=360), today, 180) == 0.25
    assert not is_stale(today - timedelta(days=180), today, 180)
    assert is_stale(today - timedelta(days=181), today, 180)
    assert not is_stale(None, today, 180)


def test_periods_run_to_as_of_with_quiet_ones_and_changes() -> None:
    counts = {date(2026, 7, 3): 2, date(2026, 7, 30): 1, date(2026, 9, 1): 4}
    months = periods(counts, date(2026, 11, 2), quarterly=False)
    assert [(p.period, p.items, p.change) for p in months] == [
        ("2026-07", 3, 3),
        ("2026-08", 0, -3),
        ("2026-09", 4, 4),
        ("2026-10", 0, -4),
        ("2026-11", 0, 0),
    ]
    quarters = periods(counts, date(2027, 1, 2), quarterly=True)
    assert [(p.period, p.items, p.change) for p in quarters] == [
        ("2026-Q3", 7, 7),
        ("2026-Q4", 0, -7),
        ("2027-Q1", 0, 0),
    ]
    # A first item in a quarter's middle month, a last one in a year's last month.
    mid_quarter = {date(2026, 8, 31): 1, date(2026, 12, 1): 2, date(2026, 11, 15): 5}
    assert periods(mid_quarter, date(2026, 12, 5), quarterly=True) == (
        ("2026-Q3", 1, 1),
        ("2026-Q4", 7, 6),
    )
    assert [p.items for p in periods(mid_quarter, date(2027, 2, 1), quarterly=False)] == [
        1,
        0,
        0,
        5,
        2,
        0,
        0,
    ]
    assert periods({}, date(2026, 1, 1), quarterly=True) == ()


def test_a_theme_whose_evidence_is_all_old_is_stale(engine: Engine, world: World) -> None:
    later = AS_OF + timedelta(days=200)
    results = by_name(theme_demand(engine, as_of=later))
    assert results["Audit logs"].total.stale  # newest item 12 + 200 days old
    assert not by_name(theme_demand(engine, as_of=AS_OF))["Audit logs"].total.stale


def test_a_problem_counts_everything_filed_in_its_themes(engine: Engine, world: World) -> None:
    """A problem linked to a theme counts the theme's items with its own, and its cause
    (the problem it is a symptom of) counts them too, each item once."""
    first = world.themes[0]
    ids = [e.id for e in world.evidence]
    in_first = theme_evidence(world, first.name)
    own = next(i for i in ids if i not in in_first)
    assert own is not None
    with write_session(engine) as session:
        cause = repository.add(session, Problem(statement="Finance cannot trust the numbers"))
        symptom = repository.add(session, Problem(statement="Totals differ between reports"))
        assert cause.id
        assert symptom.id
        assert first.id
        repository.add(session, ProblemTheme(problem_id=symptom.id, theme_id=first.id))
        repository.add(session, ProblemEvidence(problem_id=symptom.id, evidence_id=own))
        repository.add(session, ProblemSymptom(symptom_id=symptom.id, problem_id=cause.id))
    data = world_recount(world)
    expected = recount(data, in_first | {own})[NO_GROUP]  # type: ignore[arg-type]
    problems = by_name(problem_demand(engine, as_of=AS_OF))
    assert figures_of(problems["Totals differ between reports"].total) == expected
    assert figures_of(problems["Finance cannot trust the numbers"].total) == expected
    behind = demand_behind(engine, SubjectKind.PROBLEM, cause.id, Figure.EVIDENCE, as_of=AS_OF)
    assert {m.id for m in behind} == in_first | {own}
