"""Theme discovery quality across corpus shapes, both embedders, clustering only.

A setting tuned on all of Banking77 can hurt a small corpus or one of a few broad topics, and
the engine is judged on labelled corpora we never see. So every change to discovery is
scored here on several shapes cut from Banking77 (../shared/data/banking77, 77 intents, never
given to the engine): all 13,083 texts; the train and test halves; random samples of 300,
1,000 and 3,000 texts (two seeds each); all texts of 20 intents; 5 intents × 150 texts. Each
shape is run with the fast (static) and the quality (MiniLM) embedder.

Embeddings are computed once per embedder and kept in ``--cache`` (one ``.npy`` per
embedder, checked against the texts' hash), so a run after the first is clustering only. A
subset takes its rows of the full matrix: both embedders embed each text on its own.

    .venv/bin/python bench/theme_corpora.py --cache /tmp/q_cache
    .venv/bin/python bench/theme_corpora.py --cache /tmp/q_cache --set coarser_tries=0

``--set NAME=VALUE`` (repeatable) changes a ``DiscoverySettings`` field; the table then shows
the default and the changed settings side by side with the NMI difference, so a change that
helps the full set but hurts another shape shows up in one run. Scores: NMI and ARI (as
scikit-learn defines them) of the themes, unsorted items counted as one more group.
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import numpy as np
from numpy.typing import NDArray

sys.path.insert(0, str(Path(__file__).resolve().parent))
from themes import DEFAULT_DATA, load

from tradeoff.analysis.discover import DiscoverySettings, discover
from tradeoff.analysis.embed.registry import embedder_named
from tradeoff.analysis.metrics import (
    adjusted_rand_index,
    normalized_mutual_information,
)

EMBEDDERS = ("static", "minilm")
TRAIN_ROWS = 10_003  # train.csv comes first in ``load``


@dataclasses.dataclass(frozen=True)
class Score:
    themes: int
    nmi: float
    ari: float
    unsorted: float


def corpora(truth: list[str]) -> Iterator[tuple[str, NDArray[np.int64]]]:
    """(name, row indices) per corpus shape; seeded, so every run cuts the same subsets."""
    n = len(truth)
    yield "all 13,083", np.arange(n)
    yield "train half", np.arange(TRAIN_ROWS)
    yield "test half", np.arange(TRAIN_ROWS, n)
    for size in (300, 1_000, 3_000):
        for seed in (0, 1):
            rng = np.random.default_rng(seed)
            yield f"random {size:,} (seed {seed})", np.sort(rng.choice(n, size, replace=False))
    labels = np.asarray(truth)
    intents = sorted(set(truth))
    rng = np.random.default_rng(0)
    twenty = rng.choice(intents, 20, replace=False)
    yield "20 intents, all texts", np.flatnonzero(np.isin(labels, twenty))
    large = [i for i in intents if np.count_nonzero(labels == i) >= 150]
    rows = [
        np.sort(rng.choice(np.flatnonzero(labels == intent), 150, replace=False))
        for intent in rng.choice(large, 5, replace=False)
    ]
    yield "5 intents × 150", np.sort(np.concatenate(rows))


def cached_vectors(name: str, texts: list[str], cache: Path) -> NDArray[np.float32]:
    """The embedder's vectors for ``texts``, from ``cache`` when they were computed before."""
    digest = hashlib.sha256("\n".join(texts).encode()).hexdigest()[:16]
    path = cache / f"banking77-{name}-{digest}.npy"
    if path.exists():
        return np.load(path)
    cache.mkdir(parents=True, exist_ok=True)
    vectors = np.asarray(embedder_named(name).embed(texts), dtype=np.float32)
    np.save(path, vectors)
    return vectors


def score(vectors: NDArray[np.float32], truth: list[str], settings: DiscoverySettings) -> Score:
    themes = discover(vectors, settings).themes.tolist()
    return Score(
        themes=len(set(themes) - {-1}),
        nmi=normalized_mutual_information(truth, themes),
        ari=adjusted_rand_index(truth, themes),
        unsorted=sum(1 for t in themes if t < 0) / len(themes),
    )


def changed(settings: list[str]) -> DiscoverySettings | None:
    """``DiscoverySettings`` with ``NAME=VALUE`` pairs applied (None when there are none)."""
    if not settings:
        return None
    base = DiscoverySettings()
    fields = {f.name: type(getattr(base, f.name)) for f in dataclasses.fields(base)}
    values: dict[str, object] = {}
    for pair in settings:
        name, _, value = pair.partition("=")
        if name not in fields:
            raise SystemExit(f"no setting {name!r}; choose one of: {', '.join(fields)}")
        kind = fields[name]
        values[name] = value.lower() in ("1", "true", "yes") if kind is bool else kind(value)
    return dataclasses.replace(base, **values)  # type: ignore[arg-type]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()) / "theme-corpora")
    parser.add_argument("--embedder", action="append", choices=EMBEDDERS)
    parser.add_argument("--set", action="append", default=[], metavar="NAME=VALUE")
    args = parser.parse_args()
    variant = changed(args.set)
    texts, truth = load(args.data)
    print(f"\nBanking77: {len(texts):,} texts, {len(set(truth))} intents (not given)\n")
    head = "| corpus | texts | intents | embedder | themes | NMI | ARI | unsorted |"
    rule = "| --- | --- | --- | --- | --- | --- | --- | --- |"
    if variant is not None:
        head += f" {', '.join(args.set)}: themes | NMI | ARI | unsorted | ΔNMI |"
        rule += " --- | --- | --- | --- | --- |"
    print(head)
    print(rule)
    for name in args.embedder or EMBEDDERS:
        try:
            vectors = cached_vectors(name, texts, args.cache)
        except Exception as missing:
            print(f"| (all) | | | {name} | {missing} | | | |")
            continue
        for corpus, rows in corpora(truth):
            part = [truth[i] for i in rows]
            base = score(vectors[rows], part, DiscoverySettings())
            line = (
                f"| {corpus} | {rows.size:,} | {len(set(part))} | {name} | {base.themes} | "
                f"{base.nmi:.3f} | {base.ari:.3f} | {base.unsorted:.1%} |"
            )
            if variant is not None:
                other = score(vectors[rows], part, variant)
                line += (
                    f" {other.themes} | {other.nmi:.3f} | {other.ari:.3f} | "
                    f"{other.unsorted:.1%} | {other.nmi - base.nmi:+.3f} |"
                )
            print(line, flush=True)


if __name__ == "__main__":
    main()
