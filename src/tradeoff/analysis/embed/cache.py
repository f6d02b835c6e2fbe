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


#: Texts looked up, embedded and stored per round: bounds memory (a tokenizer's encodings of a
#: million texts alone take gigabytes) while keeping each round's queries and inserts large.
BATCH = 20_000


def embed_cached(session: Session, embedder: Embedder, texts: Sequence[str]) -> Vectors:
    """Vectors for ``texts`` in order, embedding (once each) only what the cache lacks.

    Call it inside a write session: what it computes is stored for the next run.
    """
    out = np.empty((len(texts), embedder.dimensions), dtype=np.float32)
    done: dict[str, int] = {}  # key → first row holding its vector, for repeats across rounds
    for start in range(0, len(texts), BATCH):
        batch = texts[start : start + BATCH]
        keys = [text_key(t) for t in batch]
        cached = stored_vectors(session, embedder.model_id, [k for k in keys if k not in done])
        missing: dict[str, str] = {}
        for key, text in zip(keys, batch, strict=True):
            if key not in cached and key not in done and key not in missing:
                missing[key] = text
        fresh: dict[str, int] = {}
        if missing:
            computed = embedder.embed(list(missing.values())).astype("<f4", copy=False)
            if computed.shape != (len(missing), embedder.dimensions):
                raise ValueError(
                    f"{embedder.model_id} returned shape {computed.shape} for {len(missing)} "
                    f"texts; expected ({len(missing)}, {embedder.dimensions})"
                )
            store_vectors(
                session,
                embedder.model_id,
                {
                    k: (embedder.dimensions, v.tobytes())
                    for k, v in zip(missing, computed, strict=True)
                },
            )
            fresh = {key: i for i, key in enumerate(missing)}
        for offset, key in enumerate(keys):
            row = start + offset
            if key in fresh:
                out[row] = computed[fresh[key]]
            elif key in done:
                out[row] = out[done[key]]
            else:
                dimensions, data = cached[key]
                if dimensions != embedder.dimensions:
                    raise ValueError(f"cached vector for {embedder.model_id} has {dimensions} dims")
                out[row] = np.frombuffer(data, dtype="<f4")
            done.setdefault(key, row)
    return out
