"""When a competitor scan may skip reading: nothing it reads changed since the last one.

A scan's result is a function of the workspace's data and of the reading rules. The data
is stamped by ``storage.competitor_scan_stamps``; the rules by a digest of the source of
the modules that read (the scan's, the phrases', the stances', the languages', the name
keys'), so a new release or a changed rule makes the next scan read everything again,
without anyone remembering to bump a number. See ``competitor_scan.scan_competitors``.
"""

from __future__ import annotations

import hashlib
import uuid
from enum import StrEnum
from functools import cache
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.orm import Session

import tradeoff
from tradeoff.storage import competitor_scan_stamps as stamps
from tradeoff.storage.session import read_session

#: The sources whose rules decide what a scan reads, relative to the package.
RULE_SOURCES = (
    "analysis/business/competitor_*.py",
    "analysis/business/mention_*.py",
    "analysis/text/*.py",
    "domain/competitor_*.py",
    "domain/names.py",
    "domain/scripts.py",
    "domain/enums.py",
    "storage/competitor_edits.py",
    "storage/competitor_spelling.py",
    "storage/competitor_scan_stamps.py",
)


@cache
def rules_version() -> str:
    """A digest of the reading rules' source; where the source cannot be read (a frozen
    build), one of its own per process, so a scan never trusts a stamp it cannot check."""
    root = Path(tradeoff.__file__).parent
    files = sorted({f for pattern in RULE_SOURCES for f in root.glob(pattern)})
    if not files:
        return f"{tradeoff.__version__}-{uuid.uuid4().hex}"[:64]
    digest = hashlib.sha256(tradeoff.__version__.encode())
    for path in files:
        digest.update(path.relative_to(root).as_posix().encode() + b"\0")
        digest.update(path.read_bytes())
    return digest.hexdigest()


def unchanged_since(session: Session) -> stamps.ScanStamp | None:
    """The last scan's stamp when nothing it read has changed since (the data and the
    rules), else None. Locks the data version until the session's transaction ends
    (``stamps.inputs_now``): call it first in the scan's transaction."""
    now = stamps.inputs_now(session, lock=True)
    last = stamps.last_stamp(session)
    if last is None or not now or (last.inputs, last.rules) != (now, rules_version()):
        return None
    return last


def stamp_scan(session: Session, evidence_scanned: int, deals_scanned: int) -> None:
    """Keep what this scan read, its own writes included: call it last in its transaction."""
    inputs = stamps.inputs_now(session)
    stamp = stamps.ScanStamp(inputs, rules_version(), evidence_scanned, deals_scanned)
    stamps.keep_stamp(session, stamp)


class ScanFreshness(StrEnum):
    """Whether the mentions and links the last scan kept still say what a scan would find."""

    CURRENT = "current"
    NEVER = "never"  # no scan has run in this workspace
    DATA_CHANGED = "data changed"  # a write to the data since the last scan
    RULES_CHANGED = "rules changed"  # the same data, new reading rules (a new release)


def scan_freshness(engine: Engine) -> ScanFreshness:
    """How the last scan's stamp compares with the workspace now, for the views that count
    mentions to warn when they are behind: read only, no lock, no write. Cautious by the
    stamp's own rule: any write to a versioned table since the scan counts as a change."""
    with read_session(engine) as session:
        last = stamps.last_stamp(session)
        if last is None:
            return ScanFreshness.NEVER
        now = stamps.inputs_now(session)
    if not now or last.inputs != now:
        return ScanFreshness.DATA_CHANGED
    if last.rules != rules_version():
        return ScanFreshness.RULES_CHANGED
    return ScanFreshness.CURRENT


def mentions_kept(engine: Engine) -> int:
    """How many mentions the workspace holds: what a scan that read nothing again kept."""
    with read_session(engine) as session:
        return stamps.mention_count(session)
