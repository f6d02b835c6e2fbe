"""The report's second half as data: problems, opportunities and the decision log.

Like ``reports.report``, nothing is computed here: problems come from
``decisions.problems`` (``problem_list`` for the order and demand, ``problem_page`` for the
statement, links and quotes ``tradeoff problem show`` prints), opportunities from
``decisions.assessment`` and ``decisions.frontier``, decisions from ``decisions.log`` and
their signals, read against the data, from ``decisions.revisit``.

>>> sections = gather(engine, as_of=date(2026, 10, 31))  # doctest: +SKIP
>>> [e.assessed.title for e in sections.opportunities if e.standing.on_frontier]  # doctest: +SKIP
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from sqlalchemy import Engine

from tradeoff.analysis.business.demand_model import Demand
from tradeoff.decisions.assessment import assess_opportunities
from tradeoff.decisions.estimates import Assessed
from tradeoff.decisions.frontier import Standing, frontier
from tradeoff.decisions.log import decision_history, list_decisions
from tradeoff.decisions.problems import (
    ProblemListed,
    Quote,
    problem_list,
    problem_page,
    unanchored,
)
from tradeoff.decisions.records import DecisionRecord, Revision
from tradeoff.decisions.revisit import Outcome, SignalCheck, revisit
from tradeoff.decisions.signals import NoteSignal, SignalSyntaxError, parse_signal
from tradeoff.domain.problems import Problem
from tradeoff.storage.problems import LinkedTheme

#: Problems shown in full (statement, demand, themes, quotes); the rest are counted.
PROBLEMS = 12
#: Quotes per problem.
PROBLEM_QUOTES = 3


@dataclass(frozen=True)
class ProblemEntry:
    """A problem statement as ``tradeoff problem show`` reads it."""

    problem: Problem
    demand: Demand
    themes: tuple[LinkedTheme, ...]
    symptom_of: tuple[tuple[int, str], ...]
    opportunities: tuple[tuple[int, str], ...]
    quotes: tuple[Quote, ...]


@dataclass(frozen=True)
class OpportunityEntry:
    """An opportunity's three dimensions, side by side, and its place on the frontier;
    ``dominator`` names the opportunity that dominates it most, when one does."""

    assessed: Assessed
    standing: Standing
    dominator: str | None


@dataclass(frozen=True)
class SignalLine:
    """One revisit signal: the condition as stored, the people's words for it, and what the
    data says now (``revisit``; None for a decision revisit does not watch)."""

    condition: str
    description: str | None
    check: SignalCheck | None


@dataclass(frozen=True)
class DecisionEntry:
    record: DecisionRecord
    signals: tuple[SignalLine, ...]
    #: Oldest first, with what each revision changed; empty when never revised.
    history: tuple[Revision, ...]

    @property
    def fired(self) -> bool:
        return any(s.check is not None and s.check.outcome is Outcome.FIRED for s in self.signals)


@dataclass(frozen=True)
class DecisionSections:
    problems: tuple[ProblemEntry, ...]
    more_problems: int
    #: Opportunities and requests that point to no problem ("solutioneering", principle 7).
    unanchored_opportunities: int
    unanchored_requests: int
    #: On the frontier first, then the dominated; each group in id order (nothing summed).
    opportunities: tuple[OpportunityEntry, ...]
    decisions: tuple[DecisionEntry, ...]

    @property
    def empty(self) -> bool:
        return not (self.problems or self.opportunities or self.decisions)


def gather(engine: Engine, *, as_of: date) -> DecisionSections:
    """Problems, opportunities and current decisions as of ``as_of``."""
    listed = problem_list(engine, as_of=as_of)
    problems = tuple(_problem(engine, item, as_of) for item in listed[:PROBLEMS])
    loose = unanchored(engine, limit=0)
    return DecisionSections(
        problems=problems,
        more_problems=max(0, len(listed) - PROBLEMS),
        unanchored_opportunities=loose.opportunity_total,
        unanchored_requests=loose.request_total,
        opportunities=_opportunities(engine, as_of),
        decisions=_decisions(engine, as_of),
    )


def _problem(engine: Engine, listed: ProblemListed, as_of: date) -> ProblemEntry:
    page = problem_page(
        engine, listed.summary.id, as_of=as_of, quotes=PROBLEM_QUOTES, demand=listed.demand
    )
    links = page.links
    return ProblemEntry(
        problem=links.problem,
        demand=page.demand,
        themes=links.themes,
        symptom_of=links.symptom_of,
        opportunities=links.opportunities,
        quotes=page.quotes,
    )


def _opportunities(engine: Engine, as_of: date) -> tuple[OpportunityEntry, ...]:
    assessed = assess_opportunities(engine, as_of=as_of)
    if not assessed:
        return ()
    found = frontier(assessed)
    titles = {a.id: a.title for a in assessed}
    entries = [
        OpportunityEntry(
            assessed=a,
            standing=(standing := found.standing(a.id)),
            dominator=titles[standing.strongest.dominator] if standing.strongest else None,
        )
        for a in assessed
    ]
    return tuple(sorted(entries, key=lambda e: not e.standing.on_frontier))


def _decisions(engine: Engine, as_of: date) -> tuple[DecisionEntry, ...]:
    records = list_decisions(engine)
    if not records:
        return ()
    checks: dict[tuple[int, str], SignalCheck] = {
        (c.decision_id, c.signal): c for c in revisit(engine, as_of=as_of, records=records).checks
    }
    return tuple(
        DecisionEntry(
            record=record,
            signals=tuple(
                _signal(text, checks.get((record.id, text)))
                for text in record.decision.revisit_signals
            ),
            history=(
                decision_history(engine, record.id).revisions
                if record.decision.supersedes_id is not None
                else ()
            ),
        )
        for record in records
    )


def _signal(text: str, check: SignalCheck | None) -> SignalLine:
    """The condition apart from its description, as the signal grammar defines them."""
    try:
        signal = parse_signal(text)
    except SignalSyntaxError:
        return SignalLine(text, None, check)
    if isinstance(signal, NoteSignal):
        return SignalLine(str(signal), None, check)
    return SignalLine(str(replace(signal, description=None)), signal.description, check)
