"""Undoing an import, with what the import derived from the records it wrote.

``storage.changelog`` takes back exactly what an import logged. An import that changed deals
also files every lost deal in the loss taxonomy (``importers.batch``), and that filing is
not logged: a loss class follows from the deal's reason, notes and stage, so it is filed
again from the restored deals, in the undo's transaction, by the run the import used. The
loss classes are then exactly as if the undone import had never run; a person's correction
stays, as on every run. A class moved into or out of ``disqualified`` moves the demand
version (migration 0019's triggers), so demand figures kept before the undo are not read
after it.
"""

from __future__ import annotations

from sqlalchemy import Engine

from tradeoff.analysis.business.loss_taxonomy import classify_in
from tradeoff.storage import demand_kept
from tradeoff.storage.changelog import UndoReport, undo_batch
from tradeoff.storage.session import write_session


def undo_import(engine: Engine, batch_id: int) -> UndoReport:
    """Undo import ``batch_id`` and file the lost deals it touched again, all or nothing.

    Example: undo_import(engine, 12).deleted
    """
    with write_session(engine) as session:
        report = undo_batch(session, batch_id)
        if "deals" in report.tables:
            classify_in(session, only_new=False)
        if report.tables & {"deals", "accounts"}:
            # As after the import: money moved, so keep demand's figures for the new
            # version now and the first read after the undo is fast.
            session.flush()
            demand_kept.keep_if_worth_it(session)
    return report
