"""The embedding cache: each (text, model) is embedded once, and read back bit for bit."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

import numpy as np
import pytest
from sqlalchemy import Engine

from tradeoff.analysis.embed import cache
from tradeoff.analysis.embed.cache import embed_cached, text_key
from tradeoff.analysis.embed.protocol import Vectors
from tradeoff.storage.session import write_session


class TrigramEmbedder:
    """A small real embedder for tests: hashed character trigrams, L2-normalised.

    Similar texts get similar vectors, and it records what it was asked to embed.
    """

    dimensions = 64

    def __init__(self, model_id: str = "test-trigrams-64") -> None:
        self.model_id = model_id
        self.calls: list[list[str]] = []

    def embed(self, texts: Sequence[str]) -> Vectors:
        self.calls.append(list(texts))
        out = np.zeros((len(texts), self.dimensions), dtype=np.float32)
        for row, text in enumerate(texts):
            padded = f"  {text.lower()} "
            for i in range(len(padded) - 2):
                bucket = hashlib.blake2b(padded[i : i + 3].encode(), digest_size=2).digest()
                out[row, int.from_bytes(bucket, "little") % self.dimensions] += 1.0
            out[row] /= np.linalg.norm(out[row]) or 1.0
        return out


TICKETS = [
    "My card was declined at the petrol station",
    "Why is my transfer still pending?",
    "My card was declined at the petrol station",
    "How do I order a replacement card?",
]


def test_only_new_texts_are_embedded_and_results_do_not_depend_on_the_cache(
    engine: Engine,
) -> None:
    embedder = TrigramEmbedder()
    with write_session(engine) as session:
        first = embed_cached(session, embedder, TICKETS)
    assert embedder.calls == [[TICKETS[0], TICKETS[1], TICKETS[3]]]
    more = [*TICKETS, "Top-up by bank transfer failed"]
    with write_session(engine) as session:
        second = embed_cached(session, embedder, more)
    assert embedder.calls[1:] == [["Top-up by bank transfer failed"]]
    np.testing.assert_array_equal(second[:4], first)
    np.testing.assert_array_equal(second, TrigramEmbedder().embed(more))
    np.testing.assert_array_equal(first[0], first[2])
    assert float(first[0] @ first[1]) < 0.5


def test_models_never_share_vectors(engine: Engine) -> None:
    small, other = TrigramEmbedder("model-a"), TrigramEmbedder("model-b")
    with write_session(engine) as session:
        embed_cached(session, small, TICKETS[:2])
        embed_cached(session, other, TICKETS[:2])
    assert other.calls == [TICKETS[:2]]


def test_text_key_is_the_sha256_of_the_exact_text() -> None:
    assert text_key("Card declined") == hashlib.sha256(b"Card declined").hexdigest()
    assert text_key("Card declined") != text_key("card declined")


def test_rounds_of_a_large_input_give_what_one_round_gives(
    engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Repeats that straddle rounds are embedded once and read back in every round."""
    monkeypatch.setattr(cache, "BATCH", 2)
    embedder = TrigramEmbedder()
    texts = [*TICKETS, TICKETS[1], "Top-up by bank transfer failed", TICKETS[3]]
    with write_session(engine) as session:
        vectors = embed_cached(session, embedder, texts)
    embedded = [t for call in embedder.calls for t in call]
    assert sorted(embedded) == sorted(set(texts))
    np.testing.assert_array_equal(vectors, TrigramEmbedder().embed(texts))
    with write_session(engine) as session:
        again = embed_cached(session, embedder, texts)
    np.testing.assert_array_equal(again, vectors)
    assert sorted(t for call in embedder.calls for t in call) == sorted(set(texts))
