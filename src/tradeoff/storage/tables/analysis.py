"""What the analysis keeps between runs: embeddings, cached by text and model."""

from __future__ import annotations

from sqlalchemy import LargeBinary, String
from sqlalchemy.orm import Mapped, mapped_column

from tradeoff.storage.tables.base import Base


class EmbeddingRow(Base):
    """One text's vector under one model, so re-analysis embeds only new text.

    Keyed by the SHA-256 of the text (not the evidence id): the same words in two items, or
    an item re-imported unchanged, are embedded once.
    """

    __tablename__ = "embeddings"

    text_sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    model_id: Mapped[str] = mapped_column(String(200), primary_key=True)
    dimensions: Mapped[int]
    #: float32, little-endian, ``dimensions`` values.
    vector: Mapped[bytes] = mapped_column(LargeBinary)
