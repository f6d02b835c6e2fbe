"""The fast theme pipeline at a million short texts: time and peak memory per step.

The texts are Banking77's 13,083 queries, each rewritten about 76 times with seeded
perturbations (dropped words, synonyms, greetings, sign-offs, names, amounts, typos) so that
every text is distinct: the embedding cache dedupes identical texts, so copies would flatter
it. The pipeline runs in a fresh process (imports, model load, embed, discover, keyword
labels); the cache and the nearest-neighbour search are measured in processes of their own,
each beside its peer (no cache; exact brute force on a sample).

    .venv/bin/python bench/scale.py                       # 1,000,000 texts
    .venv/bin/python bench/scale.py --n 200000 --data ../shared/data/banking77

Peak RSS is the child's own high-water mark (``ru_maxrss``) after each step, so a row's
figure includes every step before it.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "banking77"
#: Size of the sample on which exact and approximate neighbours are compared.
SAMPLE = 100_000

NAMES = """Maria James Aisha Chen Oliver Priya Lukas Sofia Mateo Yuki Omar Emma Noah Fatima
Ivan Chloe Diego Hannah Kwame Lea Arjun Nina Tomasz Grace Pedro Mei Samuel Zara Elif Jonas
Amara Luca Ingrid Ravi Camila Felix Leila Hugo Ana Kofi""".split()  # noqa: SIM905 - a word list reads better
GREETINGS = [
    "Hi,", "Hello,", "Hey there,", "Good morning,", "Good evening,", "Quick question:",
    "Urgent:", "Hi team,", "Hello support,", "Sorry to bother you,", "Question:", "Help!",
    "Dear support,", "Hiya,", "Hello again,", "Morning,", "Please help:", "One more thing:",
]  # fmt: skip
SIGN_OFFS = [
    "Thanks!", "Thank you.", "Please advise.", "Cheers", "Many thanks.", "asap please",
    "Sent from my phone", "Thanks in advance.", "Any help appreciated.", "Regards",
    "Let me know.", "This is urgent.", "Thx", "Kind regards", "Help please!",
]  # fmt: skip
SYNONYMS = {
    "card": ["debit card", "bank card"], "money": ["funds", "cash"],
    "transfer": ["payment", "transfer"], "account": ["bank account", "profile"],
    "get": ["receive", "obtain"], "need": ["want", "have to get"], "help": ["assist"],
    "why": ["how come"], "can": ["could"], "charged": ["billed"], "fee": ["charge"],
    "new": ["another"], "use": ["pay with"], "app": ["application", "mobile app"],
    "still": ["yet to", "still"], "arrived": ["come", "shown up"], "tell": ["show"],
}  # fmt: skip
CURRENCIES = ["£", "$", "€", "EUR ", "USD ", "GBP "]


def base_texts(folder: Path) -> list[str]:
    texts: list[str] = []
    for name in ("train.csv", "test.csv"):
        with (folder / name).open(encoding="utf-8", newline="") as handle:
            texts.extend(row["text"] for row in csv.DictReader(handle))
    return texts


def perturb(text: str, rng: random.Random) -> str:
    """One plausible rewording of a query: what it asks is kept, its surface is not."""
    words = text.split()
    if len(words) > 4:
        words = [w for w in words if rng.random() > 0.12] or words
    words = [
        rng.choice(SYNONYMS[w.lower()]) if w.lower() in SYNONYMS and rng.random() < 0.3 else w
        for w in words
    ]
    if rng.random() < 0.15 and words:
        i = rng.randrange(len(words))
        word = words[i]
        if len(word) > 3:
            j = rng.randrange(len(word) - 1)
            words[i] = word[:j] + word[j + 1] + word[j] + word[j + 2 :]
    if rng.random() < 0.25:
        amount = f"{rng.choice(CURRENCIES)}{rng.randrange(5, 5000)}"
        words.insert(rng.randrange(len(words) + 1), f"({amount})")
    if rng.random() < 0.45:
        words.insert(0, rng.choice(GREETINGS))
    if rng.random() < 0.2:
        words.insert(0, f"{rng.choice(NAMES)} here.")
    if rng.random() < 0.4:
        words.append(rng.choice(SIGN_OFFS))
    if rng.random() < 0.15:
        words.append(f"Ref {rng.randrange(10_000, 99_999)}")
    out = " ".join(words)
    return out.lower() if rng.random() < 0.1 else out


def scaled_texts(base: list[str], n: int, seed: int = 0) -> tuple[list[str], list[int]]:
    """``n`` distinct texts, round-robin over ``base`` so every intent keeps its share, and
    for each the index of the base text it rewords (so its intent is known)."""
    rng = random.Random(seed)
    seen: set[str] = set()
    out: list[str] = []
    origins: list[int] = []
    position = 0
    while len(out) < n:
        origin = position % len(base)
        position += 1
        text = base[origin] if position <= len(base) else perturb(base[origin], rng)
        if text not in seen:
            seen.add(text)
            out.append(text)
            origins.append(origin)
    return out, origins


# Each child prints one JSON object per step: its name, seconds, and peak RSS so far.
STEP = """
import json, resource, sys, time
def step(name, started, **extra):
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"step": name, "seconds": time.perf_counter() - started, "rss": rss,
                      **extra}), flush=True)
"""

PIPELINE = (
    STEP
    + """
started = time.perf_counter()
import numpy as np
import tradeoff.analysis.discover as discovery
from tradeoff.analysis.cluster.leiden import LeidenClusterer
from tradeoff.analysis.embed.static import StaticEmbedder
from tradeoff.analysis.label.keywords import theme_keywords
texts = json.load(open(sys.argv[1]))
step("imports and reading the texts", started)

spent = {"graph": 0.0, "leiden": 0.0}
def timed(part, function):
    def wrapper(*args, **kwargs):
        began = time.perf_counter()
        try:
            return function(*args, **kwargs)
        finally:
            spent[part] += time.perf_counter() - began
    return wrapper
discovery.neighbour_graph = timed("graph", discovery.neighbour_graph)
LeidenClusterer.cluster_graph = timed("leiden", LeidenClusterer.cluster_graph)

started = time.perf_counter()
embedder = StaticEmbedder()
vectors = np.concatenate([embedder.embed(texts[i : i + 20000])
                          for i in range(0, len(texts), 20000)])
step("embed (StaticEmbedder, 256-d)", started)
started = time.perf_counter()
found = discovery.discover(vectors)
step("discover (themes, sub-themes, unsorted)", started,
     graph=spent["graph"], leiden=spent["leiden"])
started = time.perf_counter()
theme_words = theme_keywords(texts, found.themes.tolist())
sub_words = theme_keywords(texts, found.subthemes.tolist())
step("keyword labels (themes and sub-themes)", started,
     themes=len(theme_words) - (-1 in theme_words), subthemes=len(sub_words) - (-1 in sub_words),
     unsorted=len(found.unsorted))
json.dump(found.themes.tolist(), open(sys.argv[2], "w"))
"""
)

CACHE = (
    STEP
    + """
started = time.perf_counter()
import tempfile
from pathlib import Path
from tradeoff.analysis.embed.cache import embed_cached
from tradeoff.analysis.embed.static import StaticEmbedder
from tradeoff.config import sqlite_url_for
from tradeoff.storage.engine import open_engine
from tradeoff.storage.schema import upgrade
from tradeoff.storage.session import write_session
texts = json.load(open(sys.argv[1]))
engine = open_engine(sqlite_url_for(Path(tempfile.mkdtemp()) / "workspace.db"))
upgrade(engine)
embedder = StaticEmbedder()
step("imports, texts, fresh SQLite workspace", started)
for name in ("embed_cached, empty cache (embed and store all)",
             "embed_cached again (every vector read from the cache)"):
    started = time.perf_counter()
    with write_session(engine) as session:
        embed_cached(session, embedder, texts)
    step(name, started)
"""
)

NEIGHBOURS = (
    STEP
    + """
import numpy as np
from tradeoff.analysis.cluster.ivf import approximate_neighbours
from tradeoff.analysis.cluster.knn import exact_neighbours
from tradeoff.analysis.embed.static import StaticEmbedder
texts = json.load(open(sys.argv[1]))
vectors = StaticEmbedder().embed(texts)
started = time.perf_counter()
exact, _ = exact_neighbours(vectors, 10)
step("exact brute force (peer)", started)
started = time.perf_counter()
approximate, _ = approximate_neighbours(vectors, 10)
hits = sum(len(set(a) & set(e)) for a, e in zip(approximate.tolist(), exact.tolist()))
step("approximate (inverted file, 8 probes)", started, recall=hits / exact.size)
"""
)


def run_child(script: str, *args: str) -> list[dict[str, float]]:
    """The steps one fresh process reports; its stderr is shown if it fails."""
    child = subprocess.run(  # noqa: S603 - our own interpreter and script
        [sys.executable, "-c", script, *args], capture_output=True, text=True, check=False
    )
    if child.returncode != 0:
        sys.exit(f"child failed:\n{child.stderr}")
    return [json.loads(line) for line in child.stdout.splitlines() if line.startswith("{")]


def main() -> None:
    from tradeoff.analysis.metrics import adjusted_rand_index, normalized_mutual_information

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=1_000_000)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    args = parser.parse_args()
    base = base_texts(args.data)
    texts, origins = scaled_texts(base, args.n)
    folder = Path(tempfile.mkdtemp(prefix="tradeoff-scale-"))
    texts_file, themes_file = folder / "texts.json", folder / "themes.json"
    texts_file.write_text(json.dumps(texts), encoding="utf-8")
    sample = random.Random(0).sample(texts, min(SAMPLE, len(texts)))
    sample_file = folder / "sample.json"
    sample_file.write_text(json.dumps(sample), encoding="utf-8")
    print(f"\n{len(texts):,} distinct texts from {len(base):,} Banking77 queries; "
          f"{os.cpu_count()} CPUs\n")  # fmt: skip

    print("| process | step | seconds | peak RSS MiB | notes |")
    print("| --- | --- | --- | --- | --- |")
    began = time.perf_counter()
    steps = run_child(PIPELINE, str(texts_file), str(themes_file))
    wall = time.perf_counter() - began
    embed_seconds = 0.0
    for row in steps:
        notes = ""
        if "graph" in row:
            notes = (f"kNN graph built once {row['graph']:.1f} s; Leiden at two "
                     f"resolutions {row['leiden']:.1f} s")  # fmt: skip
        if "themes" in row:
            notes = (f"{row['themes']:,} themes, {row['subthemes']:,} sub-themes, "
                     f"{row['unsorted'] / len(texts):.1%} unsorted")  # fmt: skip
        if row["step"].startswith("embed"):
            embed_seconds = row["seconds"]
            notes = f"{len(texts) / row['seconds']:,.0f} texts/s"
        print(f"| pipeline | {row['step']} | {row['seconds']:.1f} | {row['rss']:,.0f} | {notes} |")
    themes = json.loads(themes_file.read_text(encoding="utf-8"))
    intents = [origins[i] for i in range(len(texts))]
    label_of = {i: name for i, name in enumerate(base_intents(args.data))}
    truth = [label_of[o] for o in intents]
    print(f"| pipeline | **end to end, fresh process** | **{wall:.1f}** | "
          f"**{max(r['rss'] for r in steps):,.0f}** | themes against the source intents: "
          f"NMI {normalized_mutual_information(truth, themes):.3f}, "
          f"ARI {adjusted_rand_index(truth, themes):.3f} |")  # fmt: skip

    for row in run_child(CACHE, str(texts_file)):
        notes = ""
        if row["step"].startswith("embed_cached, empty") and embed_seconds:
            notes = f"{row['seconds'] / embed_seconds:.1f}× embedding without a cache (peer)"
        print(f"| cache | {row['step']} | {row['seconds']:.1f} | {row['rss']:,.0f} | {notes} |")

    rows = run_child(NEIGHBOURS, str(sample_file))
    for row in rows:
        notes = f"recall@10 {row['recall']:.3f} against exact" if "recall" in row else ""
        if "recall" in row:
            notes += f"; {rows[0]['seconds'] / row['seconds']:.0f}× faster than exact"
        print(f"| {len(sample):,} sample | {row['step']} | {row['seconds']:.1f} | "
              f"{row['rss']:,.0f} | {notes} |")  # fmt: skip


def base_intents(folder: Path) -> list[str]:
    intents: list[str] = []
    for name in ("train.csv", "test.csv"):
        with (folder / name).open(encoding="utf-8", newline="") as handle:
            intents.extend(row["category"] for row in csv.DictReader(handle))
    return intents


if __name__ == "__main__":
    main()
