"""The fast default embedder: static token embeddings, averaged. No torch, no network.

The model file is built by ``scripts/build_static_model.py`` from the weights the wordllama
package ships (MIT; see ``models/LICENSE-wordllama``): LLaMA-2's tokenizer and a 32,000 ×
256 table of token vectors trained for sentence similarity, stored as int8 with a scale per
row. A text's vector is the mean of its tokens' vectors, L2-normalised. The table was
trained so that its leading dimensions work alone, so ``dimensions`` may be 64 or 128 for
speed at some cost in quality.
"""

from __future__ import annotations

import hashlib
import io
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import numpy as np
from tokenizers import Tokenizer

from tradeoff.analysis.embed.protocol import Vectors

MODEL_PATH = Path(__file__).parent / "models" / "wordllama-l2-supercat-256-int8.npz"
FULL_DIMENSIONS = 256


@dataclass(frozen=True)
class _LoadedModel:
    digest: str
    table: Vectors
    tokenizer: Tokenizer


class StaticEmbedder:
    def __init__(self, dimensions: int = FULL_DIMENSIONS, path: Path = MODEL_PATH) -> None:
        if dimensions not in {64, 128, 256}:
            raise ValueError(f"dimensions must be 64, 128 or 256, got {dimensions}")
        self.dimensions = dimensions
        self.path = path

    @cached_property
    def model_id(self) -> str:
        return f"static-wordllama-l2-supercat-{self.dimensions}-{self._model.digest}"

    @property
    def _table(self) -> Vectors:
        return self._model.table

    @property
    def _tokenizer(self) -> Tokenizer:
        return self._model.tokenizer

    @cached_property
    def _model(self) -> _LoadedModel:
        """The file read once: its hash names the model, its arrays are the model."""
        data = self.path.read_bytes()
        with np.load(io.BytesIO(data)) as model:
            table: Vectors = model["embedding"][:, : self.dimensions].astype(np.float32)
            table *= model["scales"][:, None]
            tokenizer = Tokenizer.from_str(model["tokenizer"].tobytes().decode("utf-8"))
        tokenizer.no_truncation()
        tokenizer.no_padding()
        return _LoadedModel(hashlib.sha256(data).hexdigest()[:12], table, tokenizer)

    def embed(self, texts: Sequence[str]) -> Vectors:
        """Mean of each text's token vectors, normalised; an empty text is a zero row."""
        out = np.zeros((len(texts), self.dimensions), dtype=np.float32)
        if not texts:
            return out
        encodings = self._tokenizer.encode_batch(list(texts), add_special_tokens=False)
        lengths = np.array([len(e.ids) for e in encodings], dtype=np.int64)
        present = lengths > 0
        if not present.any():
            return out
        ids = np.fromiter(
            (i for e in encodings for i in e.ids), dtype=np.int64, count=int(lengths.sum())
        )
        np.clip(ids, 0, self._table.shape[0] - 1, out=ids)
        starts = np.concatenate(([0], np.cumsum(lengths)[:-1]))[present]
        sums = np.add.reduceat(self._table[ids], starts, axis=0)
        means = sums / lengths[present, None]
        norms = np.linalg.norm(means, axis=1, keepdims=True)
        out[present] = means / np.maximum(norms, 1e-12)
        return out
