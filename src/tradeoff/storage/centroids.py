"""Theme centroids: where each active theme sits in one model's vector space."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray
from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from tradeoff.domain.enums import ThemeStatus
from tradeoff.storage.analysis_runs import last_rebuild
from tradeoff.storage.tables import ThemeCentroidRow, ThemeRow


@dataclass(frozen=True)
class StoredCentroids:
    """Active themes' centroids under one model, row-aligned."""

    theme_ids: NDArray[np.int64]
    #: The top-level theme of each row (its own id for a top-level theme).
    top_ids: NDArray[np.int64]
    #: Whether the row's theme has sub-themes with centroids of their own.
    has_children: NDArray[np.bool_]
    vectors: NDArray[np.float32]


def replace_centroids(
    session: Session, model_id: str, vectors: Mapping[int, NDArray[np.float32]]
) -> None:
    """Every centroid replaced by ``vectors`` (theme id → unit vector)."""
    session.execute(delete(ThemeCentroidRow))
    for theme_id, vector in vectors.items():
        put_centroid(session, model_id, theme_id, vector)


def put_centroid(
    session: Session, model_id: str, theme_id: int, vector: NDArray[np.float32]
) -> None:
    row = session.get(ThemeCentroidRow, theme_id)
    data = np.asarray(vector, dtype="<f4").tobytes()
    if row is None:
        session.add(
            ThemeCentroidRow(
                theme_id=theme_id, model_id=model_id, dimensions=int(vector.size), vector=data
            )
        )
    else:
        row.model_id, row.dimensions, row.vector = model_id, int(vector.size), data
    session.flush()


def drop_centroid(session: Session, theme_id: int) -> None:
    session.execute(delete(ThemeCentroidRow).where(ThemeCentroidRow.theme_id == theme_id))


def centroid_of(session: Session, theme_id: int) -> tuple[str, NDArray[np.float32]] | None:
    row = session.get(ThemeCentroidRow, theme_id)
    if row is None:
        return None
    return row.model_id, np.frombuffer(row.vector, dtype="<f4").copy()


def active_centroids(session: Session, model_id: str) -> StoredCentroids | None:
    """Centroids of active themes stored under ``model_id``; None when there are none."""
    query = (
        select(ThemeRow.id, ThemeRow.parent_id, ThemeCentroidRow.vector)
        .join(ThemeCentroidRow, ThemeCentroidRow.theme_id == ThemeRow.id)
        .where(ThemeRow.status == ThemeStatus.ACTIVE, ThemeCentroidRow.model_id == model_id)
        .order_by(ThemeRow.id)
    )
    rows = list(session.execute(query))
    if not rows:
        return None
    parents = {parent for _, parent, _ in rows if parent is not None}
    return StoredCentroids(
        theme_ids=np.array([i for i, _, _ in rows], dtype=np.int64),
        top_ids=np.array([p if p is not None else i for i, p, _ in rows], dtype=np.int64),
        has_children=np.array([i in parents for i, _, _ in rows], dtype=np.bool_),
        vectors=np.stack([np.frombuffer(v, dtype="<f4") for _, _, v in rows]),
    )


def current_centroids(session: Session) -> dict[int, NDArray[np.float32]]:
    """Theme id → centroid, for the active themes placed by the latest rebuild's model
    (empty before any analysis): how near two themes' contents are."""
    run = last_rebuild(session)
    stored = active_centroids(session, run.model_id) if run is not None else None
    if stored is None:
        return {}
    return {int(i): v for i, v in zip(stored.theme_ids, stored.vectors, strict=True)}
