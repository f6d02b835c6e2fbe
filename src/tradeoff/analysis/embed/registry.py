"""Embedders by name, as ``tradeoff analyze --embedder NAME`` and ``tradeoff search`` take them.

Each entry is a factory, so naming one loads nothing else: the quality embedder imports its
optional extra only when it is chosen, and a missing extra is one clear line, not a traceback.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable

from tradeoff.analysis.embed.protocol import Embedder
from tradeoff.errors import ConfigError

DEFAULT_EMBEDDER = "static"


def _static() -> Embedder:
    from tradeoff.analysis.embed.static import StaticEmbedder

    return StaticEmbedder()


def _static_128() -> Embedder:
    from tradeoff.analysis.embed.static import StaticEmbedder

    return StaticEmbedder(dimensions=128)


def _minilm() -> Embedder:
    try:
        module = importlib.import_module("tradeoff.analysis.embed.minilm")
    except ImportError as missing:
        raise ConfigError(
            f"the minilm embedder needs the quality extra ({missing.name} is not installed): "
            "pip install 'tradeoff[quality]'"
        ) from None
    embedder: Embedder = module.MiniLMEmbedder()
    return embedder


#: name → (factory, one line for --help and docs).
EMBEDDERS: dict[str, tuple[Callable[[], Embedder], str]] = {
    "static": (_static, "fast default: static token vectors, 256-d, no torch (built in)"),
    "static-128": (_static_128, "the static model cut to 128-d: faster, a little coarser"),
    "minilm": (_minilm, "quality: all-MiniLM-L6-v2 (the quality extra), GPU when present"),
}


#: name → how its ``model_id`` begins: which embedder found a workspace's themes, read from
#: the analysis record without loading any model.
MODEL_ID_PREFIXES = {
    "static": "static-wordllama-l2-supercat-256-",
    "static-128": "static-wordllama-l2-supercat-128-",
    "minilm": "minilm-l6-v2-",
}


def embedder_name_of(model_id: str) -> str | None:
    """The name of the embedder whose ``model_id`` this is, or None (one we no longer ship)."""
    return next((n for n, p in MODEL_ID_PREFIXES.items() if model_id.startswith(p)), None)


def embedder_named(name: str) -> Embedder:
    """The embedder called ``name``; a name we do not know lists the ones we do."""
    entry = EMBEDDERS.get(name)
    if entry is None:
        raise ConfigError(f"unknown embedder {name!r}; choose one of: {', '.join(EMBEDDERS)}")
    return entry[0]()


#: name → the cosine between texts about different things that only one pair in five
#: exceeds: the 80th percentile over 200,000 random pairs of Banking77 test queries of
#: different intents (``scripts/measure_unrelated_cosine.py``). Search counts an item a match
#: by meaning only above it. On those 3,080 queries a query about nothing there ("recipe for
#: banana bread", "xyzzy plugh", "my cat is sick") found 200-250 items standing out by
#: standard score and 0-6 above this floor; a paraphrase sharing no word with its matches
#: ("unable to access profile") still found 107 (static) and 74 (minilm). The 90th
#: percentile lost real paraphrases at cosine 0.25.
UNRELATED_COSINE = {"static": 0.23, "static-128": 0.27, "minilm": 0.32}


def unrelated_cosine(model_id: str) -> float:
    """``UNRELATED_COSINE`` of the embedder ``model_id`` names; -1 (no floor) for others."""
    name = embedder_name_of(model_id)
    return UNRELATED_COSINE.get(name, -1.0) if name is not None else -1.0
