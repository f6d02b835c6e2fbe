"""The record of each analysis run: what incremental runs file new evidence against."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from tradeoff.storage.tables import AnalysisRunRow


@dataclass(frozen=True)
class AnalysisRun:
    mode: str
    model_id: str
    seed: int
    resolution: float
    unsorted_below: float
    items: int
    placed: int
    unsorted: int
    themes: int
    subthemes: int
    started_at: datetime
    finished_at: datetime
    id: int | None = None


def record_run(session: Session, run: AnalysisRun) -> AnalysisRun:
    row = AnalysisRunRow(
        mode=run.mode,
        model_id=run.model_id,
        seed=run.seed,
        resolution=run.resolution,
        unsorted_below=run.unsorted_below,
        items=run.items,
        placed=run.placed,
        unsorted=run.unsorted,
        themes=run.themes,
        subthemes=run.subthemes,
        started_at=run.started_at,
        finished_at=run.finished_at,
    )
    session.add(row)
    session.flush()
    return _run(row)


def last_rebuild(session: Session) -> AnalysisRun | None:
    """The latest full discovery: its model and cut are what new items are filed by."""
    row = session.scalars(
        select(AnalysisRunRow)
        .where(AnalysisRunRow.mode == "rebuild")
        .order_by(AnalysisRunRow.id.desc())
        .limit(1)
    ).first()
    return _run(row) if row is not None else None


def runs(session: Session) -> list[AnalysisRun]:
    """Every run, oldest first."""
    return [_run(r) for r in session.scalars(select(AnalysisRunRow).order_by(AnalysisRunRow.id))]


def _run(row: AnalysisRunRow) -> AnalysisRun:
    return AnalysisRun(
        id=row.id,
        mode=row.mode,
        model_id=row.model_id,
        seed=row.seed,
        resolution=row.resolution,
        unsorted_below=row.unsorted_below,
        items=row.items,
        placed=row.placed,
        unsorted=row.unsorted,
        themes=row.themes,
        subthemes=row.subthemes,
        started_at=row.started_at,
        finished_at=row.finished_at,
    )
