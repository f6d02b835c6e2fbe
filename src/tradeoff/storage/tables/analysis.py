"""What the analysis keeps between runs: embeddings, theme centroids, a record of each run."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, LargeBinary, String
from sqlalchemy.orm import Mapped, mapped_column

from tradeoff.storage.tables.base import Base
from tradeoff.storage.types import UTCDateTime


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


class ThemeCentroidRow(Base):
    """Where a theme sits in one model's space: new evidence is filed to the nearest.

    Kept fixed between rebuilds, so an item lands in the same theme whether it arrives
    alone or in a batch of thousands.
    """

    __tablename__ = "theme_centroids"

    theme_id: Mapped[int] = mapped_column(
        ForeignKey("themes.id", ondelete="CASCADE"), primary_key=True
    )
    model_id: Mapped[str] = mapped_column(String(200))
    dimensions: Mapped[int]
    #: float32, little-endian, unit length.
    vector: Mapped[bytes] = mapped_column(LargeBinary)


class AnalysisRunRow(Base):
    """One run of ``tradeoff analyze``: what it was given and what it found.

    The latest rebuild's model and unsorted cut are what incremental runs file against.
    """

    __tablename__ = "analysis_runs"
    __table_args__ = (CheckConstraint("mode IN ('rebuild', 'incremental')", name="known_mode"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    mode: Mapped[str] = mapped_column(String(16))
    model_id: Mapped[str] = mapped_column(String(200))
    seed: Mapped[int]
    resolution: Mapped[float]
    #: Items less similar than this to their nearest sub-theme stay unsorted.
    unsorted_below: Mapped[float]
    items: Mapped[int]
    placed: Mapped[int]
    unsorted: Mapped[int]
    themes: Mapped[int]
    subthemes: Mapped[int]
    started_at: Mapped[datetime] = mapped_column(UTCDateTime())
    finished_at: Mapped[datetime] = mapped_column(UTCDateTime())
