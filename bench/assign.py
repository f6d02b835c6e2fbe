"""Filing new evidence into existing themes: 10,000 new texts, through ``tradeoff analyze``.

A SQLite workspace gets all 13,083 Banking77 queries and a full analysis (a rebuild); then
10,000 new queries (seeded rewordings of the same intents, from bench/scale.py, so none is
already in the embedding cache) arrive, and the incremental run is timed end to end: finding
the unfiled items, embedding them (cache writes included), placing them by the nearest
centroid and storing the links. The peer, side by side, is what the same arrival costs
without incremental filing: a rebuild of every theme over all 23,083 texts (embeddings of the
old texts come from the cache). It also checks that the new items land with their intents
as well as the rebuild's own items did (NMI of each against the intents).

    .venv/bin/python bench/assign.py --data ../shared/data/banking77
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import Engine, insert, select

sys.path.insert(0, str(Path(__file__).parent))

from scale import base_intents, base_texts, perturb

from tradeoff.analysis.embed.static import StaticEmbedder
from tradeoff.analysis.metrics import normalized_mutual_information
from tradeoff.analysis.run import analyze
from tradeoff.domain.enums import EvidenceKind, EvidenceMode, ThemeStatus
from tradeoff.storage.engine import open_engine
from tradeoff.storage.schema import upgrade
from tradeoff.storage.session import read_session, write_session
from tradeoff.storage.tables import EvidenceItemRow, EvidenceThemeRow, ThemeRow

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "banking77"
NEW = 10_000


def add(engine: Engine, texts: list[str], first: int) -> None:
    rows = [
        {
            "source": "bench",
            "external_id": str(first + i),
            "kind": EvidenceKind.TICKET,
            "mode": EvidenceMode.OBSERVED,
            "text": text,
            "created_at": datetime(2026, 1, 1, tzinfo=UTC),
            "tags": [],
            "raw": {},
        }
        for i, text in enumerate(texts)
    ]
    with write_session(engine) as session:
        session.execute(insert(EvidenceItemRow), rows)


def top_themes(engine: Engine) -> dict[str, int]:
    query = (
        select(EvidenceItemRow.external_id, EvidenceThemeRow.theme_id)
        .join(EvidenceThemeRow, EvidenceThemeRow.evidence_id == EvidenceItemRow.id)
        .join(ThemeRow, ThemeRow.id == EvidenceThemeRow.theme_id)
        .where(ThemeRow.parent_id.is_(None), ThemeRow.status == ThemeStatus.ACTIVE)
    )
    with read_session(engine) as session:
        return {e: t for e, t in session.execute(query)}


def nmi(found: dict[str, int], truth: dict[str, str]) -> float:
    keys = sorted(k for k in truth if k in found)
    return normalized_mutual_information([truth[k] for k in keys], [found[k] for k in keys])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    args = parser.parse_args()
    texts, intents = base_texts(args.data), base_intents(args.data)
    rng = random.Random(7)
    fresh: list[str] = []
    fresh_intents: list[str] = []
    known = set(texts)
    while len(fresh) < NEW:
        index = rng.randrange(len(texts))
        text = perturb(texts[index], rng)
        if text not in known:
            known.add(text)
            fresh.append(text)
            fresh_intents.append(intents[index])
    embedder = StaticEmbedder()
    with tempfile.TemporaryDirectory() as folder:
        engine = open_engine(f"sqlite:///{folder}/assign.db")
        upgrade(engine)
        add(engine, texts, 0)
        started = time.perf_counter()
        analyze(engine, embedder)
        first = time.perf_counter() - started
        add(engine, fresh, 100_000)
        started = time.perf_counter()
        report = analyze(engine, embedder)
        incremental = time.perf_counter() - started
        found = top_themes(engine)
        truth = {str(i): intent for i, intent in enumerate(intents)}
        new_truth = {str(100_000 + i): intent for i, intent in enumerate(fresh_intents)}
        old_score, new_score = nmi(found, truth), nmi(found, new_truth)
        placed = sum(1 for k in new_truth if k in found)
        started = time.perf_counter()
        analyze(engine, embedder, rebuild=True)
        rebuild = time.perf_counter() - started
    print(f"{len(texts):,} texts analysed first (rebuild, empty cache): {first:.1f} s")
    print(f"{'step':<52} {'seconds':>8} {'ratio':>7}")
    print(f"{'10,000 new texts filed (incremental analyze)':<52} {incremental:>8.2f} {1:>7.2f}")
    print(
        f"{'peer: rebuild every theme over 23,083 texts':<52} {rebuild:>8.2f} "
        f"{rebuild / incremental:>7.2f}"
    )
    print(
        f"new texts placed: {placed:,} of {NEW:,} ({report.mode}); NMI with intents: new "
        f"{new_score:.3f}, the rebuild's own {old_score:.3f}"
    )


if __name__ == "__main__":
    main()
