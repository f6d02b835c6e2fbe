"""Embedding through the workspace's cache: each (text, model) is embedded once, ever.

Re-analysis after an import then costs only the new texts' embedding, which is what keeps
"new evidence filed into themes as it arrives" cheap.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

import numpy as np
from sqlalchemy.orm import Session

from tradeoff.analysis.embed.protocol import Embedder, Vectors
from tradeoff.storage.embeddings import store_vectors, stored_vectors


def text_key(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def embed_cached(session: Session, embedder: Embedder, texts: Sequence[str]) -> Vectors:
    """Vectors for ``texts`` in order, embedding (once each) only what the cache lacks.

    Call it inside a write session: what it computes is stored for the next run.
    """
    keys = [text_key(t) for t in texts]
    cached = stored_vectors(session, embedder.model_id, keys)
    missing: dict[str, str] = {}
    for key, text in zip(keys, texts, strict=True):
        if key not in cached and key not in missing:
            missing[key] = text
    fresh: dict[str, Vectors] = {}
    if missing:
        computed = embedder.embed(list(missing.values())).astype("<f4", copy=False)
        if computed.shape != (len(missing), embedder.dimensions):
            raise ValueError(
                f"{embedder.model_id} returned shape {computed.shape} for {len(missing)} "
                f"texts; expected ({len(missing)}, {embedder.dimensions})"
            )
        fresh = dict(zip(missing, computed, strict=True))
        store_vectors(
            session,
            embedder.model_id,
            {k: (embedder.dimensions, v.tobytes()) for k, v in fresh.items()},
        )
    out = np.empty((len(texts), embedder.dimensions), dtype=np.float32)
    for row, key in enumerate(keys):
        if key in fresh:
            out[row] = fresh[key]
        else:
            dimensions, data = cached[key]
            if dimensions != embedder.dimensions:
                raise ValueError(f"cached vector for {embedder.model_id} has {dimensions} dims")
            out[row] = np.frombuffer(data, dtype="<f4")
    return out
