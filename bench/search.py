"""Search precision on Banking77: the shipped fusion against plain reciprocal rank fusion.

A SQLite workspace holds the 3,080 Banking77 test queries as evidence; 200 training queries
(seeded sample; none of them is in the workspace) are searched, and a hit is right when its
intent is the query's. Precision@10 is the share of right hits among the first ten, a query
with no hit counting zero. The peer, side by side, is plain reciprocal rank fusion of the
BM25 and the meaning rankings — what hybrid search in OpenSearch and Elasticsearch does —
which is ``search`` with every keyword match counted fully (``COVERAGE_POWER = 0``). The
shipped power is 2; 1 (Lucene's linear coordination) and 6 are shown for the sweep.

    .venv/bin/python bench/search.py --data ../shared/data/banking77 [--embedder minilm]
"""

from __future__ import annotations

import argparse
import csv
import random
import sys
import tempfile
from pathlib import Path

from sqlalchemy import Engine

sys.path.insert(0, str(Path(__file__).parent))

from assign import add

from tradeoff.analysis.embed.registry import embedder_named
from tradeoff.analysis.search import hybrid
from tradeoff.storage.engine import open_engine
from tradeoff.storage.schema import upgrade

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "banking77"
QUERIES = 200
POWERS = ((0.0, "plain RRF (peer)"), (1.0, "coverage, linear"), (2.0, "coverage squared: shipped"),
          (6.0, "coverage ** 6"))  # fmt: skip


def load(path: Path) -> list[tuple[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return [(row["text"], row["category"]) for row in csv.DictReader(handle)]


def fill(engine: Engine, evidence: list[tuple[str, str]]) -> dict[int, str]:
    add(engine, [text for text, _ in evidence], 0)  # bench/assign.py's rows
    # Ids are given in insertion order on a fresh SQLite table.
    return {n + 1: intent for n, (_, intent) in enumerate(evidence)}


def precision(engine: Engine, queries: list[tuple[str, str]], intents: dict[int, str],
              embedder_name: str) -> float:  # fmt: skip
    embedder = embedder_named(embedder_name)
    right = 0
    for text, intent in queries:
        hits = hybrid.search(engine, text, embedder=embedder, limit=10)
        right += sum(intents[h.evidence_id] == intent for h in hits)
    return right / (10 * len(queries))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--embedder", default="static")
    options = parser.parse_args()
    evidence = load(options.data / "test.csv")
    queries = load(options.data / "train.csv")
    random.Random(7).shuffle(queries)
    with tempfile.TemporaryDirectory() as folder:
        engine = open_engine(f"sqlite:///{folder}/search.db")
        upgrade(engine)
        intents = fill(engine, evidence)
        shipped = hybrid.COVERAGE_POWER
        scores = {}
        try:
            for power, _ in POWERS:
                hybrid.COVERAGE_POWER = power  # type: ignore[misc]
                scores[power] = precision(engine, queries[:QUERIES], intents, options.embedder)
        finally:
            hybrid.COVERAGE_POWER = shipped  # type: ignore[misc]
        engine.dispose()
    peer = scores[0.0]
    print(f"Banking77: {len(evidence):,} texts searched, {QUERIES} queries, "
          f"embedder {options.embedder}")  # fmt: skip
    print("| fusion | precision@10 | vs plain RRF |")
    print("| --- | --- | --- |")
    for power, name in POWERS:
        print(f"| {name} | {scores[power]:.4f} | {scores[power] - peer:+.4f} |")


if __name__ == "__main__":
    main()
