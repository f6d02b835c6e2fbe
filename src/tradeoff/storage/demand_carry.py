"""Kept demand figures carried through a person's edit, so the next read stays fast.

Any write demand reads bumps the demand version, and a kept set whose version is not the
workspace's is counted again on the next read: seconds at a million items (all problems
5.9 s). A person's edit — moving items, merging or splitting a theme, linking a problem or
an opportunity — changes the figures of a few subjects only, and the edit knows which. So
the edit runs inside ``carried``: the subjects its arguments reach before and after it are
counted again, their kept rows replaced, and every set that was current when the edit
began is stamped with the new version, in the edit's own transaction. An import that only
added evidence reaches nothing (``Touched()``): its items are filed nowhere yet. A set that
was stale before stays stale (counted on read, kept by the next analysis), so carrying
never makes an answer that keeping from scratch would not.

What an edit reaches (``touched``): the themes of its items (and of their copies, which a
move or a split takes along) and its themes, with their parent themes; the problems linked
to any of those themes, the problems given, and the problems those are symptoms of; the
opportunities addressing any of those problems.

    >>> with write_session(engine) as session, carried(session, items=[12, 13]):
    ...     theme_edits.move_evidence(session, [12, 13], theme_id=7)  # doctest: +SKIP
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from tradeoff.storage import demand_kept, theme_summary
from tradeoff.storage.demand import Breakdown, DemandQuery, SubjectKind
from tradeoff.storage.tables import (
    DemandKeptStateRow,
    EvidenceThemeRow,
    OpportunityProblemRow,
    ProblemSymptomRow,
    ProblemThemeRow,
    ThemeRow,
)
from tradeoff.storage.theme_edits import with_copies


@dataclass(frozen=True)
class Touched:
    """Subjects whose figures an edit can change, by kind (themes: top-level only, the
    ones kept)."""

    themes: frozenset[int] = frozenset()
    problems: frozenset[int] = frozenset()
    opportunities: frozenset[int] = frozenset()

    def __or__(self, other: Touched) -> Touched:
        return Touched(
            self.themes | other.themes,
            self.problems | other.problems,
            self.opportunities | other.opportunities,
        )

    def of(self, kind: SubjectKind) -> frozenset[int]:
        return {
            SubjectKind.THEME: self.themes,
            SubjectKind.PROBLEM: self.problems,
            SubjectKind.OPPORTUNITY: self.opportunities,
        }[kind]


def touched(
    session: Session,
    *,
    items: Iterable[int] = (),
    themes: Iterable[int] = (),
    problems: Iterable[int] = (),
    opportunities: Iterable[int] = (),
) -> Touched:
    """The subjects an edit of these items, themes, problems and opportunities reaches now."""
    item_ids = with_copies(session, list(items))  # an edit moves an item's copies with it
    theme_ids = set(themes)
    if item_ids:
        filed = select(EvidenceThemeRow.theme_id).where(EvidenceThemeRow.evidence_id.in_(item_ids))
        theme_ids |= set(session.scalars(filed.distinct()))
    found = session.execute(
        select(ThemeRow.id, ThemeRow.parent_id).where(ThemeRow.id.in_(theme_ids))
    )
    parents = {theme_id: parent_id for theme_id, parent_id in found}
    theme_ids |= {p for p in parents.values() if p is not None}
    top = {t for t in theme_ids if parents.get(t) is None}
    problem_ids = set(problems)
    if theme_ids:
        linked = select(ProblemThemeRow.problem_id).where(ProblemThemeRow.theme_id.in_(theme_ids))
        problem_ids |= set(session.scalars(linked.distinct()))
    if problem_ids:
        deeper = select(ProblemSymptomRow.problem_id).where(
            ProblemSymptomRow.symptom_id.in_(problem_ids)
        )
        problem_ids |= set(session.scalars(deeper.distinct()))
    opportunity_ids = set(opportunities)
    if problem_ids:
        addressing = select(OpportunityProblemRow.opportunity_id).where(
            OpportunityProblemRow.problem_id.in_(problem_ids)
        )
        opportunity_ids |= set(session.scalars(addressing.distinct()))
    return Touched(frozenset(top), frozenset(problem_ids), frozenset(opportunity_ids))


@contextmanager
def carried(
    session: Session,
    *,
    items: Iterable[int] = (),
    themes: Iterable[int] = (),
    problems: Iterable[int] = (),
    opportunities: Iterable[int] = (),
    enabled: bool = True,
) -> Iterator[None]:
    """Run an edit of these, then ``carry`` the kept sets over it (see the module).
    ``enabled=False`` leaves them stale instead: for many edits in a row, or the web app,
    whose background catch-up keeps them again off the request path."""
    edited = {
        "items": list(items),
        "themes": list(themes),
        "problems": list(problems),
        "opportunities": list(opportunities),
    }
    if not enabled or session.get(DemandKeptStateRow, (SubjectKind.THEME.value, "")) is None:
        yield  # nothing kept (a small workspace, or no analysis yet): nothing to carry
        return
    before = demand_kept.demand_version(session)
    reached = touched(session, **edited)
    yield
    carry(session, before, reached | touched(session, **edited))


def carry(session: Session, before: str, reached: Touched) -> int:
    """Count ``reached`` again in every kept set current at version ``before`` and stamp
    those sets with the version now; returns how many sets were carried."""
    now = demand_kept.demand_version(session)
    if now == before:
        return 0
    demand_kept.hold_lock(session)
    states = session.scalars(
        select(DemandKeptStateRow).where(DemandKeptStateRow.version == before)
    ).all()
    if not states:
        return 0
    if reached != Touched():
        theme_summary.refresh(session)
    for state in states:
        kind = SubjectKind(state.kind)
        ids = reached.of(kind)
        # Counted as of the day the set was kept, so its rows stay one day's figures.
        as_of = demand_kept.kept_as_of(session, state.kind, state.dimension)
        if ids and as_of is not None:
            query = DemandQuery(
                kind=kind,
                as_of=as_of,
                by=Breakdown.parse(state.dimension) if state.dimension else None,
                subject_ids=tuple(sorted(ids)),
                churn_window_days=state.churn_window_days,
                lost_after_close_days=state.lost_after_close_days,
            )
            demand_kept.write_figures(session, query, state.dimension)
        state.version = now
    return len(states)
