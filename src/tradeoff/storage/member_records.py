"""Where each record behind a figure lives in the system it came from, and whose it is.

A person checking "USD 1.5M lost" against HubSpot needs each deal's Record ID and company,
not only Tradeoff's own id and the deal's name. Only the list a person opens
(``demand --show``) pays for these reads; totals and trends never do.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from sqlalchemy import null, select
from sqlalchemy.orm import Session

from tradeoff.storage.demand import Figure, Member
from tradeoff.storage.tables import AccountRow, DealRow, EvidenceItemRow, PersonRow

CHUNK = 500

_DEAL_FIGURES = (Figure.PIPELINE, Figure.LOST)
_ACCOUNT_FIGURES = (
    Figure.ACCOUNTS,
    Figure.ARR,
    Figure.CHURNED,
    Figure.RENEWALS_90,
    Figure.RENEWALS_180,
)


def with_records(session: Session, figure: Figure, members: Sequence[Member]) -> list[Member]:
    """``members`` with their source, external id and (for deals and evidence) account; an
    open deal dated by its creation, as the pipeline's trend places it (open deals have no
    close date: a QA tester's "closes" column was empty on every row)."""
    row: Any
    if figure in _DEAL_FIGURES:
        row = DealRow
    elif figure in _ACCOUNT_FIGURES:
        row = AccountRow
    elif figure is Figure.EVIDENCE:
        row = EvidenceItemRow
    else:
        row = PersonRow
    owned = row in (DealRow, EvidenceItemRow)
    found: dict[int, tuple[str | None, str | None, str | None, Any]] = {}
    ids = [m.id for m in members]
    created: Any = DealRow.created_at if figure is Figure.PIPELINE else null()
    for start in range(0, len(ids), CHUNK):
        account: Any = AccountRow.name if owned else null()
        query = select(row.id, row.source, row.external_id, account, created).where(
            row.id.in_(ids[start : start + CHUNK])
        )
        if owned:
            query = query.outerjoin(AccountRow, AccountRow.id == row.account_id)
        found.update({i: rest for i, *rest in session.execute(query)})
    return [
        replace(m, source=src, external_id=ext, account=acc, on=on.date() if on else m.on)
        for m in members
        for src, ext, acc, on in [found.get(m.id, (None, None, None, None))]
    ]
