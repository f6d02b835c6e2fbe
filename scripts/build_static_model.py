"""Build the fast default embedder's model file from the weights the wordllama package ships.

wordllama (MIT, PyPI) ships static token embeddings distilled from LLaMA-2's embedding layer
(`l2_supercat`, 32,000 tokens × 256 dimensions, float16, 16 MB) and the LLaMA-2 tokenizer.
We keep every token and dimension but store each row as int8 with its own scale (8 MB; the
cosine between a rebuilt and an original row is above 0.999), plus the tokenizer, in one
NumPy archive that `tradeoff.analysis.embed.static` loads with no network and no torch.

    pip download --no-deps wordllama==0.4.0.post1 -d /tmp/wheels
    python scripts/build_static_model.py /tmp/wheels/wordllama-0.4.0.post1-*.whl

The script reads the wheel as a zip; nothing is installed or imported from it.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import struct
import zipfile
from pathlib import Path

import numpy as np

WEIGHTS = "wordllama/weights/l2_supercat_256.safetensors"
TOKENIZER = "wordllama/tokenizers/l2_supercat_tokenizer_config.json"
LICENSE = "wordllama-0.4.0.post1.dist-info/licenses/LICENSE"
TARGET = Path(__file__).resolve().parent.parent / "src/tradeoff/analysis/embed/models"
MODEL = TARGET / "wordllama-l2-supercat-256-int8.npz"


def read_safetensor(data: bytes, name: str) -> np.ndarray:
    """One tensor from a safetensors file: an 8-byte header length, a JSON header, raw data."""
    (header_length,) = struct.unpack("<Q", data[:8])
    header = json.loads(data[8 : 8 + header_length])
    entry = header[name]
    if entry["dtype"] != "F16":
        raise SystemExit(f"expected float16 weights, found {entry['dtype']}")
    start, end = entry["data_offsets"]
    raw = data[8 + header_length + start : 8 + header_length + end]
    return np.frombuffer(raw, dtype="<f2").reshape(entry["shape"]).astype(np.float32)


def quantise(matrix: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Symmetric int8 per row: row ≈ int8 × scale."""
    scales = np.abs(matrix).max(axis=1) / 127.0
    scales[scales == 0] = 1.0
    quantised = np.clip(np.rint(matrix / scales[:, None]), -127, 127).astype(np.int8)
    return quantised, scales.astype(np.float32)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("wheel", type=Path, help="the wordllama 0.4.0.post1 wheel")
    args = parser.parse_args()
    with zipfile.ZipFile(args.wheel) as wheel:
        weights = read_safetensor(wheel.read(WEIGHTS), "embedding.weight")
        tokenizer = wheel.read(TOKENIZER)
        licence = wheel.read(LICENSE)
    quantised, scales = quantise(weights)
    rebuilt = quantised.astype(np.float32) * scales[:, None]
    cosine = np.sum(rebuilt * weights, axis=1) / (
        np.linalg.norm(rebuilt, axis=1) * np.linalg.norm(weights, axis=1) + 1e-12
    )
    TARGET.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(
        MODEL,
        embedding=quantised,
        scales=scales,
        tokenizer=np.frombuffer(tokenizer, dtype=np.uint8),
    )
    (TARGET / "LICENSE-wordllama").write_bytes(licence)
    digest = hashlib.sha256(MODEL.read_bytes()).hexdigest()
    print(f"wrote {MODEL} ({MODEL.stat().st_size / 2**20:.1f} MiB, sha256 {digest})")
    print(f"tokens {weights.shape[0]}, dims {weights.shape[1]}, min row cosine {cosine.min():.5f}")


if __name__ == "__main__":
    main()
