"""People's edits to themes, as Python calls: the CLI and the web app use these.

Each edit is one transaction. Edits that change which items a theme holds also move the
centroids new evidence is filed by, using the cached embeddings of the last rebuild's model,
so the next incremental run files new items the way the person arranged the themes, and
carry kept demand figures over the edit (``storage.demand_carry``), so the next read of
demand stays fast.

    >>> merge_themes(engine, source_id=12, target_id=7)  # doctest: +SKIP
    >>> restore_theme(engine, 3).items  # a theme a rebuild retired, back  # doctest: +SKIP
    93
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from tradeoff.analysis.embed.cache import text_key
from tradeoff.analysis.filing_scores import score_filings
from tradeoff.analysis.text.theme_text import theme_text
from tradeoff.domain.enums import ThemeStatus
from tradeoff.storage import theme_edits, theme_restore
from tradeoff.storage.analysis_runs import last_rebuild
from tradeoff.storage.centroids import put_centroid
from tradeoff.storage.demand_carry import carried
from tradeoff.storage.embeddings import stored_vectors
from tradeoff.storage.session import read_session, write_session
from tradeoff.storage.tables import EvidenceItemRow, EvidenceThemeRow, ThemeRow


def rename_theme(engine: Engine, theme_id: int, name: str) -> list[int]:
    """Give a theme a person's name; re-analysis keeps it. Returns the other active themes
    of that name (a hint that they may be one theme to merge)."""
    with write_session(engine) as session:
        return theme_edits.rename_theme(session, theme_id, name)


def pin_theme(engine: Engine, theme_id: int, pinned: bool = True) -> None:
    """Keep the theme's current name through re-analysis (``pinned=False`` lets it change)."""
    with write_session(engine) as session:
        theme_edits.pin_theme(session, theme_id, pinned)


def move_evidence(
    engine: Engine, evidence_ids: Sequence[int], theme_id: int, *, carry: bool = True
) -> list[int]:
    """File items under a theme as a person; returns the items moved (copies included).
    ``carry=False`` here and below leaves kept demand stale (``demand_carry.carried``)."""
    with (
        write_session(engine) as session,
        carried(session, items=evidence_ids, themes=[theme_id], enabled=carry),
    ):
        before = _themes_of(session, evidence_ids)
        moved = theme_edits.move_evidence(session, evidence_ids, theme_id)
        _refresh_centroids(session, [*before, *_themes_of(session, evidence_ids)])
        score_filings(session, _model_of(session), moved)
    return moved


def merge_themes(engine: Engine, source_id: int, target_id: int, *, carry: bool = True) -> None:
    """Fold ``source`` into ``target``; the merge survives every re-analysis."""
    with (
        write_session(engine) as session,
        carried(session, themes=[source_id, target_id], enabled=carry),
    ):
        theme_edits.merge_themes(session, source_id, target_id)
        target = session.get(ThemeRow, target_id)
        assert target is not None
        _refresh_centroids(session, [target_id, target.parent_id])


def split_theme(
    engine: Engine, theme_id: int, evidence_ids: Sequence[int], name: str, *, carry: bool = True
) -> int:
    """Carve the given items out of a theme into a new one named ``name``; returns its id."""
    with (
        write_session(engine) as session,
        carried(session, items=evidence_ids, themes=[theme_id], enabled=carry),
    ):
        before = _themes_of(session, evidence_ids)
        new_id = theme_edits.split_theme(session, theme_id, evidence_ids, name)
        _refresh_centroids(session, [*before, new_id])
        moved = theme_edits.with_copies(session, list(evidence_ids))
        score_filings(session, _model_of(session), moved)
    return new_id


def restore_theme(engine: Engine, theme_id: int, *, carry: bool = True) -> theme_restore.Restored:
    """Reopen a theme a rebuild retired, same id and name, with the items it held that are
    still here, less those a person filed elsewhere since (``storage.theme_restore``); it is
    then a person's theme, kept by every re-analysis."""
    with write_session(engine) as session:
        members = theme_restore.retired_members(session, theme_id)
        with carried(session, items=members, themes=[theme_id], enabled=carry):
            before = _themes_of(session, members)
            restored = theme_restore.restore_theme(session, theme_id)
            _refresh_centroids(session, [*before, theme_id, restored.parent_id])
            score_filings(session, _model_of(session), restored.evidence_ids)
    return restored


def theme_namesakes(engine: Engine, theme_id: int) -> list[int]:
    """The other active themes of the theme's level with its name: after a split or a
    rename, a hint that two themes may be one to merge."""
    with read_session(engine) as session:
        return theme_edits.namesakes_of(session, theme_id)


def _themes_of(session: Session, evidence_ids: Iterable[int]) -> set[int]:
    query = select(EvidenceThemeRow.theme_id).where(
        EvidenceThemeRow.evidence_id.in_(list(evidence_ids))
    )
    return set(session.scalars(query))


def _model_of(session: Session) -> str | None:
    last = last_rebuild(session)
    return last.model_id if last is not None else None


def _refresh_centroids(session: Session, theme_ids: Iterable[int | None]) -> None:
    """Recompute these active themes' centroids from their members' cached vectors."""
    last = last_rebuild(session)
    if last is None:
        return
    for theme_id in sorted({i for i in theme_ids if i is not None}):
        theme = session.get(ThemeRow, theme_id)
        if theme is None or theme.status is not ThemeStatus.ACTIVE:
            continue
        members = session.execute(
            select(EvidenceItemRow.kind, EvidenceItemRow.title, EvidenceItemRow.text)
            .join(EvidenceThemeRow, EvidenceThemeRow.evidence_id == EvidenceItemRow.id)
            .where(EvidenceThemeRow.theme_id == theme_id, EvidenceItemRow.duplicate_of_id.is_(None))
        )
        # Cached under the text analysis embedded: the item as the engine reads it.
        keys = [text_key(theme_text(kind, title, text)) for kind, title, text in members]
        cached = stored_vectors(session, last.model_id, keys)
        rows = [np.frombuffer(cached[k][1], dtype="<f4") for k in keys if k in cached]
        if rows:
            mean = np.mean(rows, axis=0)
            unit = (mean / max(float(np.linalg.norm(mean)), 1e-12)).astype(np.float32)
            put_centroid(session, last.model_id, theme_id, unit)
