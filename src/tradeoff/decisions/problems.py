"""Problems before solutions (principle 7): the calls ``tradeoff problem`` and
``tradeoff unanchored`` make, each one transaction.

A problem statement says who has the problem, what they are trying to do and what goes
wrong; its evidence is what is linked to it by hand, everything filed in its themes, and
the evidence of its symptoms. Its figures are the business lens's (``problem_demand``);
its quotes are chosen as a theme's are (``analysis.label.quotes``), going round the items
linked by hand and each linked theme's sub-themes.

>>> page = problem_page(engine, 3)  # doctest: +SKIP
>>> page.demand.reach.accounts, [q.account for q in page.quotes]  # doctest: +SKIP
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from itertools import zip_longest

from sqlalchemy import Engine

from tradeoff.analysis.business.demand import problem_demand
from tradeoff.analysis.business.demand_model import Demand
from tradeoff.analysis.label.quotes import Candidate, representative_quotes
from tradeoff.analysis.text.theme_text import as_quoted
from tradeoff.domain.enums import Level
from tradeoff.domain.problems import Opportunity, Problem
from tradeoff.domain.rules import member
from tradeoff.errors import NotFound
from tradeoff.storage import problems as store
from tradeoff.storage.demand_carry import carried
from tradeoff.storage.opportunities import unanchored_opportunities
from tradeoff.storage.session import read_session, write_session
from tradeoff.storage.themes import quote_candidates

QUOTES = 5


def new_problem(
    engine: Engine,
    statement: str,
    *,
    who_has_it: str | None = None,
    trying_to: str | None = None,
    goes_wrong: str | None = None,
    severity: Level | str | None = None,
) -> Problem:
    """Record a problem statement.

    >>> new_problem(engine, "Finance cannot see where a transfer is", severity="high")
    ... # doctest: +SKIP
    """
    problem = Problem(
        statement=statement,
        who_has_it=who_has_it,
        trying_to=trying_to,
        goes_wrong=goes_wrong,
        severity=member("severity", Level, severity) if severity is not None else None,
    )
    with write_session(engine) as session, carried(session):
        return store.create_problem(session, problem)


@dataclass(frozen=True)
class LinkReport:
    """How many links each kind of link added (a link already there adds nothing)."""

    evidence: int = 0
    themes: int = 0
    symptom_of: int = 0
    already: int = 0


def link_problem(
    engine: Engine,
    problem_id: int,
    *,
    evidence_ids: Sequence[int] = (),
    source_keys: Sequence[tuple[str, str]] = (),
    theme_ids: Sequence[int] = (),
    symptom_of: Sequence[int] = (),
    carry: bool = True,
) -> LinkReport:
    """Link evidence (by id or by the importer's source and external id), themes, and the
    problems this one is a symptom of — all or nothing. Kept demand is carried over it
    unless ``carry=False`` (``storage.demand_carry.carried``)."""
    with (
        write_session(engine) as session,
        carried(session, problems=[problem_id, *symptom_of], enabled=carry),
    ):
        store.get_problem(session, problem_id)
        ids = list(evidence_ids)
        ids += [store.evidence_id_of(session, source, key) for source, key in source_keys]
        evidence = store.link_evidence(session, problem_id, ids) if ids else 0
        themes = sum(store.link_theme(session, problem_id, t) for t in theme_ids)
        deeper = sum(store.link_symptom(session, problem_id, p) for p in symptom_of)
    asked = len(set(ids)) + len(set(theme_ids)) + len(set(symptom_of))
    return LinkReport(evidence, themes, deeper, asked - evidence - themes - deeper)


@dataclass(frozen=True)
class ProblemListed:
    summary: store.ProblemSummary
    demand: Demand


def problem_list(engine: Engine, *, as_of: date | None = None) -> list[ProblemListed]:
    """Every problem with its link counts and demand, most revenue at stake first (the
    order of ``problem_demand``)."""
    demands = problem_demand(engine, as_of=as_of)
    with read_session(engine) as session:
        summaries = {s.id: s for s in store.problem_summaries(session)}
    return [ProblemListed(summaries[d.id], d.total) for d in demands if d.id in summaries]


@dataclass(frozen=True)
class Quote:
    evidence_id: int
    text: str
    account: str | None
    said_by: str | None
    relayed_by: str | None
    kind: str
    source: str


@dataclass(frozen=True)
class ProblemPage:
    links: store.ProblemLinks
    demand: Demand
    quotes: tuple[Quote, ...] = field(default_factory=tuple)


def problem_page(
    engine: Engine,
    problem_id: int,
    *,
    as_of: date | None = None,
    quotes: int = QUOTES,
    demand: Demand | None = None,
) -> ProblemPage:
    """Everything ``tradeoff problem show`` prints. ``demand``, when the caller already has
    it from ``problem_list``, saves a second pass over the evidence per problem."""
    if demand is None:
        found = problem_demand(engine, as_of=as_of, ids=[problem_id])
        if not found:
            raise NotFound(f"no problem with id {problem_id}")
        demand = found[0].total
    with read_session(engine) as session:
        links = store.problem_links(session, problem_id)
        groups = [[Candidate(*m) for m in store.linked_evidence_candidates(session, problem_id)]]
        per_theme = [quote_candidates(session, t.id) for t in links.themes]
        # Round the themes: each theme's largest sub-theme before any theme's second.
        for layer in zip_longest(*per_theme, fillvalue=[]):
            groups += [[Candidate(*m) for m in group] for group in layer]
        chosen = representative_quotes(groups, limit=quotes)
        lines = store.evidence_lines(session, [c.evidence_id for c in chosen])
    shown = tuple(
        Quote(
            evidence_id=c.evidence_id,
            text=as_quoted(lines[c.evidence_id].kind, c.text),
            account=lines[c.evidence_id].account,
            said_by=lines[c.evidence_id].said_by,
            relayed_by=lines[c.evidence_id].relayed_by,
            kind=lines[c.evidence_id].kind.value,
            source=lines[c.evidence_id].source,
        )
        for c in chosen
    )
    return ProblemPage(links=links, demand=demand, quotes=shown)


@dataclass(frozen=True)
class Unanchored:
    """Solutions and requests tied to no problem: "solutioneering" made visible."""

    opportunities: list[Opportunity]
    opportunity_total: int
    requests: list[store.EvidenceLine]
    request_total: int


def unanchored(engine: Engine, *, limit: int = 100, offset: int = 0) -> Unanchored:
    """One page (``limit`` of each, from ``offset``) of each list, newest first."""
    with read_session(engine) as session:
        opportunities, opportunity_total = unanchored_opportunities(
            session, limit=limit, offset=offset
        )
        requests, request_total = store.unanchored_requests(session, limit=limit, offset=offset)
    return Unanchored(opportunities, opportunity_total, requests, request_total)
