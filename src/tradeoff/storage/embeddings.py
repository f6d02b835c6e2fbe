"""Reading and writing cached embeddings as raw float32 bytes."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from tradeoff.storage.tables import EmbeddingRow

CHUNK = 500


def stored_vectors(
    session: Session, model_id: str, text_keys: Iterable[str]
) -> dict[str, tuple[int, bytes]]:
    """(dimensions, float32 bytes) for each key already embedded with ``model_id``."""
    wanted = sorted(set(text_keys))
    found: dict[str, tuple[int, bytes]] = {}
    for start in range(0, len(wanted), CHUNK):
        rows = session.execute(
            select(EmbeddingRow.text_sha256, EmbeddingRow.dimensions, EmbeddingRow.vector).where(
                EmbeddingRow.model_id == model_id,
                EmbeddingRow.text_sha256.in_(wanted[start : start + CHUNK]),
            )
        )
        for key, dimensions, vector in rows:
            found[key] = (dimensions, vector)
    return found


def store_vectors(
    session: Session, model_id: str, vectors: Mapping[str, tuple[int, bytes]]
) -> None:
    """Add vectors for keys not cached yet (callers pass only what they just computed)."""
    rows = [
        {"text_sha256": key, "model_id": model_id, "dimensions": dims, "vector": data}
        for key, (dims, data) in vectors.items()
    ]
    for start in range(0, len(rows), CHUNK):
        session.execute(insert(EmbeddingRow), rows[start : start + CHUNK])
