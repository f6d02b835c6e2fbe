"""``/evidence``: the raw items, paged and filtered in SQL (see ``queries``)."""

from __future__ import annotations

from fastapi import APIRouter

from tradeoff.domain.enums import EvidenceKind
from tradeoff.errors import NotFound
from tradeoff.storage.session import read_session
from tradeoff.web.api.auth import ApiViewer
from tradeoff.web.api.queries import EvidenceRow, evidence_page
from tradeoff.web.api.schemas import EvidencePublic, Limit, Offset, Page
from tradeoff.web.deps import EngineDep

router = APIRouter(tags=["evidence"])


def public(row: EvidenceRow) -> EvidencePublic:
    return EvidencePublic.model_validate(row, from_attributes=True)


@router.get("/evidence")
def list_evidence(
    engine: EngineDep,
    caller: ApiViewer,
    limit: Limit = 50,
    offset: Offset = 0,
    source: str | None = None,
    kind: EvidenceKind | None = None,
    theme_id: int | None = None,
) -> Page[EvidencePublic]:
    """Items in id order; ``total`` counts every item matching the filters."""
    with read_session(engine) as session:
        rows, total = evidence_page(
            session, limit=limit, offset=offset, source=source, kind=kind, theme_id=theme_id
        )
    items = [public(row) for row in rows]
    return Page[EvidencePublic](items=items, total=total, limit=limit, offset=offset)


@router.get("/evidence/{evidence_id}")
def get_evidence(engine: EngineDep, caller: ApiViewer, evidence_id: int) -> EvidencePublic:
    with read_session(engine) as session:
        rows, _ = evidence_page(session, limit=1, offset=0, ids=[evidence_id])
    if not rows:
        raise NotFound(f"There is no evidence item {evidence_id}.")
    return public(rows[0])
