"""How close a person's filing sits to its theme's centre.

A link's score orders a theme's quotes (most typical first). A person's filing was stored
as 1.0, so every item someone moved in led the quotes, although being moved does not make
an item typical of its new theme. Its score is instead the cosine of the item's cached
vector with the theme's centroid, as the model's own links are scored; without either (an
item never analysed, a theme with no centroid yet) the filing goes last, at 0.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
from numpy.typing import NDArray
from sqlalchemy import select
from sqlalchemy.orm import Session

from tradeoff.analysis.embed.cache import text_key
from tradeoff.analysis.text.theme_text import theme_text
from tradeoff.domain.enums import AssignedBy
from tradeoff.storage.centroids import centroid_of
from tradeoff.storage.embeddings import stored_vectors
from tradeoff.storage.tables import EvidenceItemRow, EvidenceThemeRow


def score_filings(
    session: Session, model_id: str | None, evidence_ids: Iterable[int] | None = None
) -> None:
    """Score people's filings of these items (of every item when None) by closeness in
    ``model_id``'s space (the themes' model; None before any rebuild)."""
    query = (
        select(EvidenceThemeRow, EvidenceItemRow.kind, EvidenceItemRow.title, EvidenceItemRow.text)
        .join(EvidenceItemRow, EvidenceItemRow.id == EvidenceThemeRow.evidence_id)
        .where(EvidenceThemeRow.assigned_by == AssignedBy.PERSON)
    )
    if evidence_ids is not None:
        query = query.where(EvidenceThemeRow.evidence_id.in_(list(evidence_ids)))
    filings = [
        (link, text_key(theme_text(kind, title, text)))
        for link, kind, title, text in session.execute(query)
    ]
    if not filings:
        return
    cached = stored_vectors(session, model_id, {k for _, k in filings}) if model_id else {}
    centres: dict[int, NDArray[np.float32] | None] = {}
    for link, key in filings:
        if link.theme_id not in centres:
            stored = centroid_of(session, link.theme_id)
            usable = stored is not None and stored[0] == model_id
            centres[link.theme_id] = stored[1] if usable and stored is not None else None
        centre = centres[link.theme_id]
        vector = cached.get(key)
        if centre is None or vector is None:
            link.score = 0.0
            continue
        values = np.frombuffer(vector[1], dtype="<f4")
        closeness = float(np.dot(values, centre)) / max(float(np.linalg.norm(values)), 1e-12)
        link.score = min(1.0, max(0.0, closeness))
    session.flush()
