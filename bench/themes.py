"""Theme discovery quality and speed on Banking77, ours and BERTopic's side by side.

Each pipeline runs in a fresh process (imports, model load, embedding, clustering, labels),
so the times include what a user waits for, and peak RSS is that process's own. The number
of intents (77) is never given to a pipeline. A last table compares embedding throughput:
our MiniLM embedder against plain sentence-transformers ``encode`` on the same texts, both
already loaded and warmed up (on a GPU both run fp16, sentence-transformers at batch 1024).

    .venv/bin/pip install -e '.[bench]'              # BERTopic, sentence-transformers, torch
    .venv/bin/python bench/themes.py
    .venv/bin/python bench/themes.py --data ../shared/data/banking77

A pipeline whose packages are missing is reported as such; ours-fast needs only the default
install.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "banking77"

OURS = """
import json, sys, time
started = time.perf_counter()
from tradeoff.analysis.discover import discover
from tradeoff.analysis.embed.registry import embedder_named
from tradeoff.analysis.label.keywords import theme_keywords
texts = json.load(open(sys.argv[1]))
found = discover(embedder_named(sys.argv[2]).embed(texts))
theme_keywords(texts, found.themes.tolist())
theme_keywords(texts, found.subthemes.tolist())
json.dump({"labels": found.themes.tolist(), "sub": found.subthemes.tolist(),
           "seconds": time.perf_counter() - started}, sys.stdout)
"""

BERTOPIC = """
import json, sys, time
started = time.perf_counter()
from bertopic import BERTopic
from sentence_transformers import SentenceTransformer
from tradeoff.analysis.embed.minilm import model_folder
texts = json.load(open(sys.argv[1]))
model = SentenceTransformer(str(model_folder()))
topics, _ = BERTopic(embedding_model=model).fit_transform(texts)
json.dump({"labels": [int(t) for t in topics], "seconds": time.perf_counter() - started},
          sys.stdout)
"""

THROUGHPUT = """
import json, sys, time
import torch
from sentence_transformers import SentenceTransformer
from tradeoff.analysis.embed.minilm import MiniLMEmbedder, model_folder
texts = json.load(open(sys.argv[1]))
cuda = torch.cuda.is_available()
ours = MiniLMEmbedder()
plain = SentenceTransformer(str(model_folder()), device="cuda" if cuda else "cpu")
if cuda:
    plain.half()
batch = 1024 if cuda else 32
ours.embed(texts[:256]), plain.encode(texts[:256], batch_size=batch)

def rate(embed):
    if cuda:
        torch.cuda.synchronize()
    started = time.perf_counter()
    embed(texts)
    if cuda:
        torch.cuda.synchronize()
    return len(texts) / (time.perf_counter() - started)

device = torch.cuda.get_device_name() if cuda else f"cpu, {torch.get_num_threads()} threads"
json.dump({"device": device,
           "ours": rate(ours.embed),
           "plain": rate(lambda t: plain.encode(t, batch_size=batch, normalize_embeddings=True))},
          sys.stdout)
"""


@dataclass(frozen=True)
class Outcome:
    labels: list[int]
    subthemes: list[int] | None
    seconds: float
    wall: float
    peak_mib: float


def load(folder: Path) -> tuple[list[str], list[str]]:
    texts: list[str] = []
    labels: list[str] = []
    for name in ("train.csv", "test.csv"):
        with (folder / name).open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                texts.append(row["text"])
                labels.append(row["category"])
    return texts, labels


def run(script: str, *args: str) -> tuple[dict[str, object], float, float] | None:
    """The child's JSON, its wall time and its own peak RSS in MiB; None if it failed."""
    started = time.perf_counter()
    child = subprocess.Popen(  # noqa: S603 - our own interpreter and script
        [sys.executable, "-c", script, *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
    )
    assert child.stdout is not None
    out = child.stdout.read()
    _pid, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - started
    if os.waitstatus_to_exitcode(status) != 0 or not out:
        return None
    return json.loads(out), wall, usage.ru_maxrss / 1024


def outcome(script: str, *args: str) -> Outcome | None:
    result = run(script, *args)
    if result is None:
        return None
    found, wall, peak = result
    sub = found.get("sub")
    return Outcome(
        labels=list(found["labels"]),  # type: ignore[call-overload]
        subthemes=list(sub) if isinstance(sub, list) else None,
        seconds=float(found["seconds"]),  # type: ignore[arg-type]
        wall=wall,
        peak_mib=peak,
    )


def main() -> None:
    from tradeoff.analysis.metrics import adjusted_rand_index, normalized_mutual_information

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    args = parser.parse_args()
    texts, truth = load(args.data)
    texts_file = Path(tempfile.mkdtemp(prefix="tradeoff-bench-")) / "texts.json"
    texts_file.write_text(json.dumps(texts), encoding="utf-8")
    pipelines = [
        ("ours-fast: static embedder, kNN graph, Leiden", OURS, ("static",)),
        ("ours-quality: MiniLM embedder, kNN graph, Leiden", OURS, ("minilm",)),
        ("BERTopic defaults, all-MiniLM-L6-v2 (peer)", BERTOPIC, ()),
    ]
    results = {name: outcome(script, str(texts_file), *extra) for name, script, extra in pipelines}
    peer = results[pipelines[-1][0]]

    print(f"\nBanking77: {len(texts):,} texts, {len(set(truth))} intents (not given)\n")
    print(
        "| pipeline | themes | NMI | ARI | unsorted | seconds | peak RSS MiB "
        "| time vs BERTopic | RSS vs BERTopic |"
    )
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    for name, found in results.items():
        if found is None:
            print(f"| {name} | not installed or failed | | | | | | | |")
            continue
        levels = [("themes", found.labels)]
        if found.subthemes is not None:
            levels.append(("sub-themes", found.subthemes))
        for level, assigned in levels:
            label = f"{name}: {level}" if found.subthemes is not None else name
            unsorted = sum(1 for a in assigned if a == -1) / len(assigned)
            ratios = "| | |"
            if peer is not None and found is not peer:
                time_ratio, rss_ratio = found.wall / peer.wall, found.peak_mib / peer.peak_mib
                ratios = f"| {time_ratio:.2f}× | {rss_ratio:.2f}× |"
            print(
                f"| {label} | {len(set(assigned) - {-1})} | "
                f"{normalized_mutual_information(truth, assigned):.3f} | "
                f"{adjusted_rand_index(truth, assigned):.3f} | {unsorted:.1%} | "
                f"{found.wall:.1f} | {found.peak_mib:.0f} {ratios}"
            )

    speed = run(THROUGHPUT, str(texts_file))
    print("\n| embedding throughput, same texts | texts/s | vs sentence-transformers |")
    print("| --- | --- | --- |")
    if speed is None:
        print("| (needs the bench extra) | | |")
        return
    rates, _wall, _peak = speed
    ours, plain = float(rates["ours"]), float(rates["plain"])  # type: ignore[arg-type]
    print(f"| sentence-transformers encode ({rates['device']}) | {plain:,.0f} | 1.00× |")
    print(f"| Tradeoff MiniLMEmbedder ({rates['device']}) | {ours:,.0f} | {ours / plain:.2f}× |")


if __name__ == "__main__":
    main()
