"""Measure each embedder's ``UNRELATED_COSINE`` (analysis/embed/registry.py) on Banking77.

The cosine between two texts about different things that only one random pair in five
exceeds (the p80 column): pairs of Banking77 test queries with different intents. It also
prints where the nearest item of a real query and of a query about nothing in the corpus
sit, the gap the search's floor stands in. Reads ../shared/data (not shipped with the package).

    .venv/bin/python scripts/measure_unrelated_cosine.py --data ../shared/data/banking77/test.csv
"""

from __future__ import annotations

import argparse
import csv
from pathlib import Path

import numpy as np

from tradeoff.analysis.embed.registry import EMBEDDERS, embedder_named

PAIRS = 200_000
REAL = ("card declined at the shop", "how do I top up", "refund not received")
UNRELATED = ("recipe for banana bread", "football world cup final", "xyzzy plugh")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data/banking77/test.csv"))
    parser.add_argument("embedders", nargs="*", default=list(EMBEDDERS))
    arguments = parser.parse_args()
    with arguments.data.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    texts = [row["text"] for row in rows]
    intents = np.array([row["category"] for row in rows])
    print("| embedder | p80 | p90 | p95 | nearest, real queries | nearest, unrelated |")
    print("| --- | --- | --- | --- | --- | --- |")
    for name in arguments.embedders:
        embedder = embedder_named(name)
        vectors = embedder.embed(texts)
        draw = np.random.default_rng(0)
        first, second = draw.integers(0, len(texts), PAIRS), draw.integers(0, len(texts), PAIRS)
        different = intents[first] != intents[second]
        cosines = (vectors[first] * vectors[second]).sum(axis=1)[different]
        p80, p90, p95 = np.percentile(cosines, [80, 90, 95])
        real = [float((vectors @ embedder.embed([q])[0]).max()) for q in REAL]
        unrelated = [float((vectors @ embedder.embed([q])[0]).max()) for q in UNRELATED]
        print(
            f"| {name} | {p80:.3f} | {p90:.3f} | {p95:.3f} | {min(real):.2f}-{max(real):.2f} "
            f"| {min(unrelated):.2f}-{max(unrelated):.2f} |"
        )


if __name__ == "__main__":
    main()
