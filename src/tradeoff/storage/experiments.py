"""Assumptions and the experiments that test them: reads and writes, session in, domain out;
and the one evidence read "enough evidence" needs (a theme's items in order of arrival).

The judgement (sample sizes, the decision rule, what is settled) is ``tradeoff.strategy``'s;
this module only finds and stores records, in a stable order on both engines.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from tradeoff.domain.decisions import Assumption, AssumptionJudgement, Decision, Experiment
from tradeoff.domain.enums import ThemeStatus
from tradeoff.domain.evidence import Theme
from tradeoff.domain.problems import Opportunity
from tradeoff.errors import InputError, NotFound
from tradeoff.storage import repository
from tradeoff.storage.tables import (
    AssumptionJudgementRow,
    AssumptionRow,
    EvidenceItemRow,
    EvidenceThemeRow,
    ExperimentRow,
    ThemeRow,
)

T = TypeVar("T")


def get_assumption(session: Session, assumption_id: int) -> Assumption:
    return repository.get(session, Assumption, assumption_id)


def get_experiment(session: Session, experiment_id: int) -> Experiment:
    return repository.get(session, Experiment, experiment_id)


def all_assumptions(session: Session) -> list[Assumption]:
    return repository.list_all(session, Assumption)


def all_experiments(session: Session) -> list[Experiment]:
    return repository.list_all(session, Experiment)


def assumption_by_statement(session: Session, statement: str) -> Assumption | None:
    """The assumption written exactly ``statement`` (after trimming), if any."""
    row = session.scalar(
        select(AssumptionRow)
        .where(AssumptionRow.statement == statement.strip())
        .order_by(AssumptionRow.id)
        .limit(1)
    )
    return None if row is None else repository.to_domain(row, Assumption)


def experiment_by_hypothesis(
    session: Session, hypothesis: str, assumption_id: int | None
) -> Experiment | None:
    """The experiment with this hypothesis on this assumption, if any."""
    query = select(ExperimentRow).where(ExperimentRow.hypothesis == hypothesis.strip())
    if assumption_id is None:
        query = query.where(ExperimentRow.assumption_id.is_(None))
    else:
        query = query.where(ExperimentRow.assumption_id == assumption_id)
    row = session.scalar(query.order_by(ExperimentRow.id).limit(1))
    return None if row is None else repository.to_domain(row, Experiment)


def experiments_of(session: Session, assumption_ids: Sequence[int]) -> dict[int, list[Experiment]]:
    """Assumption id → its experiments, oldest first."""
    query = select(ExperimentRow).order_by(ExperimentRow.created_at, ExperimentRow.id)
    return _by_assumption(session, query, ExperimentRow, Experiment, assumption_ids)


def judgements_of(
    session: Session, assumption_ids: Sequence[int]
) -> dict[int, list[AssumptionJudgement]]:
    """Assumption id → the statuses people gave it by hand, oldest first."""
    row = AssumptionJudgementRow
    query = select(row).order_by(row.judged_at, row.id)
    return _by_assumption(session, query, row, AssumptionJudgement, assumption_ids)


def _by_assumption(
    session: Session,
    query: Select[Any],
    row: type[ExperimentRow] | type[AssumptionJudgementRow],
    kind: type[T],
    assumption_ids: Sequence[int],
) -> dict[int, list[T]]:
    found: dict[int, list[T]] = {a: [] for a in assumption_ids}
    if not assumption_ids:
        return found
    for record in session.scalars(query.where(row.assumption_id.in_(assumption_ids))):
        assert record.assumption_id is not None
        found[record.assumption_id].append(repository.to_domain(record, kind))
    return found


def require_decision(session: Session, decision_id: int | None) -> Decision | None:
    """The decision with this id (None for None); NotFound names the command that lists them."""
    if decision_id is None:
        return None
    try:
        return repository.get(session, Decision, decision_id)
    except NotFound:
        raise NotFound(f"no decision with id {decision_id}; see tradeoff decisions") from None


def require_opportunity(session: Session, opportunity_id: int | None) -> Opportunity | None:
    if opportunity_id is None:
        return None
    try:
        return repository.get(session, Opportunity, opportunity_id)
    except NotFound:
        raise NotFound(
            f"no opportunity with id {opportunity_id}; see tradeoff opportunity list"
        ) from None


@dataclass(frozen=True)
class ThemeArrivals:
    """A top-level theme's original items in order of arrival, each with the active
    sub-theme it is filed under (None when in none): what saturation is judged on."""

    theme: Theme
    arrivals: tuple[tuple[int, int | None], ...]  # (evidence id, sub-theme id)
    sub_theme_names: dict[int, str]


def theme_arrivals(session: Session, theme_id: int) -> ThemeArrivals:
    """Ordered by ``created_at`` (when the item reached the workspace), then id, so items
    imported together keep their file order."""
    theme = repository.get(session, Theme, theme_id)
    if theme.parent_id is not None:
        raise InputError(
            f"theme {theme_id} is a sub-theme of {theme.parent_id}: ask about theme "
            f"{theme.parent_id}, whose sub-themes saturation counts"
        )
    if theme.status is not ThemeStatus.ACTIVE:
        raise InputError(f"theme {theme_id} is {theme.status.value}; see tradeoff themes")
    ordered = list(
        session.scalars(
            select(EvidenceItemRow.id)
            .join(EvidenceThemeRow, EvidenceThemeRow.evidence_id == EvidenceItemRow.id)
            .where(EvidenceThemeRow.theme_id == theme_id, EvidenceItemRow.duplicate_of_id.is_(None))
            .order_by(EvidenceItemRow.created_at, EvidenceItemRow.id)
        )
    )
    named = session.execute(
        select(ThemeRow.id, ThemeRow.name)
        .where(ThemeRow.parent_id == theme_id, ThemeRow.status == ThemeStatus.ACTIVE)
        .order_by(ThemeRow.id)
    )
    subs = {sub_id: name for sub_id, name in named}
    filed: dict[int, int] = {}
    if subs:
        links = session.execute(
            select(EvidenceThemeRow.evidence_id, EvidenceThemeRow.theme_id)
            .where(EvidenceThemeRow.theme_id.in_(list(subs)))
            .order_by(EvidenceThemeRow.theme_id)
        )
        for evidence_id, sub_id in links:
            filed.setdefault(evidence_id, sub_id)
    return ThemeArrivals(theme, tuple((i, filed.get(i)) for i in ordered), subs)
