"""Problems and opportunities of themes read through the theme summary, every figure (money
included) equal to ``test_demand.recount`` over the World's own lists."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import Engine

from tests.business.test_demand import (
    AS_OF,
    NO_GROUP,
    by_name,
    figures_of,
    recount,
    theme_evidence,
    world_recount,
)
from tests.business.test_demand_subjects import add_copy
from tests.business.world import TODAY, World
from tradeoff.analysis.business.demand import opportunity_demand, problem_demand
from tradeoff.domain.enums import AssignedBy
from tradeoff.domain.evidence import EvidenceTheme
from tradeoff.domain.problems import (
    Opportunity,
    OpportunityProblem,
    Problem,
    ProblemEvidence,
    ProblemSymptom,
    ProblemTheme,
)
from tradeoff.storage import repository, subject_demand, theme_summary
from tradeoff.storage.demand import DemandQuery, SubjectKind
from tradeoff.storage.session import read_session, write_session


def test_problems_of_themes_through_the_summary_match_a_recount(
    engine: Engine, world: World
) -> None:
    """ "Exports" holds two themes and an item of the third by hand; a copy of a Bulk export
    item is filed in Audit logs (one piece across the two themes), another is linked by
    hand. "Finance" has "Exports" as a symptom and an item of its own; the opportunity
    holds both. Each counts every item once, money by account once."""
    bulk, audit, sso = (world.theme(n) for n in ("Bulk export", "Audit logs", "Single sign-on"))
    in_bulk = sorted(theme_evidence(world, bulk.name))
    in_sso = sorted(theme_evidence(world, sso.name))
    original = next(e for e in world.evidence if e.id == in_bulk[0])
    extra_links: list[tuple[int, int]] = []
    with write_session(engine) as session:
        copies = []
        for number in range(2):
            copy = add_copy(session, original, number, TODAY - timedelta(days=2 + number))
            assert copy.id
            world.evidence.append(copy)
            copies.append(copy.id)
        assert audit.id
        repository.add(
            session,
            EvidenceTheme(evidence_id=copies[0], theme_id=audit.id, assigned_by=AssignedBy.MODEL),
        )
        extra_links.append((copies[0], audit.id))
        exports = repository.add(session, Problem(statement="Exports are one by one"))
        finance = repository.add(session, Problem(statement="Finance cannot close the month"))
        assert exports.id
        assert finance.id
        for theme in (bulk, audit):
            assert theme.id
            repository.add(session, ProblemTheme(problem_id=exports.id, theme_id=theme.id))
        for evidence_id in (in_sso[0], in_bulk[1], copies[1]):
            repository.add(session, ProblemEvidence(problem_id=exports.id, evidence_id=evidence_id))
        repository.add(session, ProblemEvidence(problem_id=finance.id, evidence_id=in_sso[1]))
        repository.add(session, ProblemSymptom(symptom_id=exports.id, problem_id=finance.id))
        opportunity = repository.add(session, Opportunity(title="Month-end tools"))
        assert opportunity.id
        for problem_id in (exports.id, finance.id):
            repository.add(
                session, OpportunityProblem(opportunity_id=opportunity.id, problem_id=problem_id)
            )
        theme_summary.refresh(session)
    with read_session(engine) as session:
        fast, slow = subject_demand.split(session, DemandQuery(SubjectKind.PROBLEM, AS_OF))
    assert fast is not None
    assert slow is None  # both through the summary: clean themes sharing no item
    data = world_recount(world)
    themed = set(theme_evidence(world, bulk.name) | theme_evidence(world, audit.name, extra_links))
    expected_exports = recount(data, themed | {in_sso[0], in_bulk[1], copies[1]})[NO_GROUP]
    expected_finance = recount(data, themed | {in_sso[0], in_bulk[1], copies[1], in_sso[1]})[
        NO_GROUP
    ]
    problems = by_name(problem_demand(engine, as_of=AS_OF))
    assert figures_of(problems["Exports are one by one"].total) == expected_exports
    assert figures_of(problems["Finance cannot close the month"].total) == expected_finance
    [result] = opportunity_demand(engine, as_of=AS_OF)
    assert figures_of(result.total) == expected_finance
    # The copy filed in Audit logs and the one linked by hand are one piece with the
    # original in Bulk export: two more links, no more items.
    assert expected_exports["links"] == expected_exports["items"] + 2
