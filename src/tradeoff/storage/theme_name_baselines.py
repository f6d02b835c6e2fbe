"""What a theme held when a person last vouched for its name: the baseline a rebuild
compares a kept name with (``theme_name_checks``).

Comparing only with the build before lets a theme drift unnoticed: 0.7 of its items kept
at each of three rebuilds leaves a third of what the person named, and no single rebuild
moved most of them. So each named theme keeps a baseline (migration 0032):

- **named** items: what it held when a person renamed or pinned it (``vouch_for_name``),
  copies stored as their originals;
- a person's edits since keep it true (``follow_edit``): items a person files into the
  theme (a move, a merge into it, the items of a split) are vouched for, named; items a
  person takes out of it (a move elsewhere, a split) leave it. A merge thus unions the
  baselines as the person saw them: the merged theme's items join the named items of the
  theme it went into;
- items a **rebuild** brought in are kept apart (not named): the next rebuild still
  counts them as come in since the naming;
- items filed into it **between** rebuilds (an incremental run files new items by the
  theme's centroid, so they keep what it is about) count neither way while they stay:
  neither named (a rebuild that takes them out again has not moved what the person
  named) nor come in (``compared``).

Unpinning drops it: there is no name left to vouch for.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, func, insert, select
from sqlalchemy.orm import Session

from tradeoff.domain.rules import now_utc
from tradeoff.storage.tables import EvidenceItemRow, EvidenceThemeRow
from tradeoff.storage.tables.theme_names import ThemeNameBaselineMemberRow, ThemeNameBaselineRow


@dataclass(frozen=True)
class Baseline:
    """A theme's baseline, copies folded into their originals."""

    #: Items it held when a person last vouched for its name, and those vouched for since.
    named: frozenset[int]
    #: Items rebuilds brought in since, not vouched for.
    arrived: frozenset[int]
    #: When a person renamed or pinned it; None when taken at the upgrade or by a rebuild.
    named_at: datetime | None

    def compared(self, held: set[int], after: set[int]) -> tuple[set[int], Baseline]:
        """The items come in since the naming, of a theme that ``held`` those before a
        rebuild and ``after`` it, and the baseline to keep: ``held`` items neither named
        nor brought by a rebuild were filed between rebuilds, and are left out."""
        between = held - self.named - self.arrived
        came = after - self.named - between
        return came, Baseline(self.named, frozenset(came), self.named_at)


def vouch_for_name(session: Session, theme_id: int) -> None:
    """A person renamed or pinned the theme: its baseline becomes what it holds now."""
    drop_baseline(session, theme_id)
    session.execute(insert(ThemeNameBaselineRow).values(theme_id=theme_id, named_at=now_utc()))
    held = members_now(session, [theme_id]).get(theme_id, set())
    _insert(session, theme_id, held, named=True)


def drop_baseline(session: Session, theme_id: int) -> None:
    """The theme's name is no longer a person's (unpinned): nothing to compare with."""
    session.execute(delete(ThemeNameBaselineRow).where(ThemeNameBaselineRow.theme_id == theme_id))


def follow_edit(
    session: Session, into: Iterable[int], left: Iterable[int], evidence_ids: Iterable[int]
) -> None:
    """After a person filed ``evidence_ids`` into the themes ``into`` and out of the themes
    ``left``: the baselines of ``into`` vouch for those now held, those of ``left`` lose
    those no longer held (a copy still there keeps its original)."""
    session.flush()
    into, left = set(into), set(left) - set(into)
    kept = _with_baseline(session, into | left)
    if not kept:
        return
    ids = _folded(session, evidence_ids)
    held = members_now(session, sorted(kept))
    for theme_id in sorted(kept):
        there = held.get(theme_id, set()) & ids
        gone = ids - there if theme_id in left else set()
        vouched = there if theme_id in into else set()
        _delete(session, theme_id, gone | vouched)
        _insert(session, theme_id, vouched, named=True)


def baselines_of(
    session: Session, theme_ids: list[int], piece: Mapping[int, int]
) -> dict[int, Baseline]:
    """The themes' baselines, by id, copies folded by ``piece`` (copy → its original): a
    theme without one is missing."""
    when = select(ThemeNameBaselineRow.theme_id, ThemeNameBaselineRow.named_at).where(
        ThemeNameBaselineRow.theme_id.in_(theme_ids)
    )
    named: dict[int, set[int]] = {}
    arrived: dict[int, set[int]] = {}
    dates = {theme_id: at for theme_id, at in session.execute(when)}
    rows = select(
        ThemeNameBaselineMemberRow.theme_id,
        ThemeNameBaselineMemberRow.evidence_id,
        ThemeNameBaselineMemberRow.named,
    ).where(ThemeNameBaselineMemberRow.theme_id.in_(theme_ids))
    for theme_id, evidence_id, is_named in session.execute(rows):
        (named if is_named else arrived).setdefault(theme_id, set()).add(
            piece.get(evidence_id, evidence_id)
        )
    return {
        theme_id: Baseline(
            frozenset(named.get(theme_id, set())),
            frozenset(arrived.get(theme_id, set()) - named.get(theme_id, set())),
            named_at,
        )
        for theme_id, named_at in dates.items()
    }


def keep_baseline(session: Session, theme_id: int, baseline: Baseline, new: bool) -> None:
    """Store the theme's baseline after a rebuild (``new``: it had none), writing only the
    rows that changed."""
    if new:
        row = {"theme_id": theme_id, "named_at": baseline.named_at}
        session.execute(insert(ThemeNameBaselineRow).values(**row))
    rows = select(ThemeNameBaselineMemberRow.evidence_id, ThemeNameBaselineMemberRow.named).where(
        ThemeNameBaselineMemberRow.theme_id == theme_id
    )
    stored = {evidence_id: named for evidence_id, named in session.execute(rows)}
    wanted = {e: True for e in baseline.named} | {e: False for e in baseline.arrived}
    changed = {e for e, flag in wanted.items() if stored.get(e) is not flag}
    _delete(session, theme_id, (set(stored) - set(wanted)) | (changed & set(stored)))
    _insert(session, theme_id, {e for e in changed if wanted[e]}, named=True)
    _insert(session, theme_id, {e for e in changed if not wanted[e]}, named=False)


def members_now(session: Session, theme_ids: list[int]) -> dict[int, set[int]]:
    """The themes' items as they stand, copies folded into their originals."""
    piece = func.coalesce(EvidenceItemRow.duplicate_of_id, EvidenceItemRow.id)
    query = (
        select(EvidenceThemeRow.theme_id, piece)
        .join(EvidenceItemRow, EvidenceItemRow.id == EvidenceThemeRow.evidence_id)
        .where(EvidenceThemeRow.theme_id.in_(theme_ids))
    )
    result: dict[int, set[int]] = {}
    for theme_id, evidence_id in session.execute(query):
        result.setdefault(theme_id, set()).add(evidence_id)
    return result


def _with_baseline(session: Session, theme_ids: set[int]) -> set[int]:
    query = select(ThemeNameBaselineRow.theme_id).where(
        ThemeNameBaselineRow.theme_id.in_(theme_ids)
    )
    return set(session.scalars(query))


def _folded(session: Session, evidence_ids: Iterable[int]) -> set[int]:
    """The items as their originals (a baseline stores a copy as its original)."""
    wanted = set(evidence_ids)
    query = select(EvidenceItemRow.id, EvidenceItemRow.duplicate_of_id).where(
        EvidenceItemRow.id.in_(wanted)
    )
    return {original or item for item, original in session.execute(query)}


def _delete(session: Session, theme_id: int, evidence_ids: set[int]) -> None:
    if not evidence_ids:
        return
    session.execute(
        delete(ThemeNameBaselineMemberRow).where(
            ThemeNameBaselineMemberRow.theme_id == theme_id,
            ThemeNameBaselineMemberRow.evidence_id.in_(sorted(evidence_ids)),
        )
    )


def _insert(session: Session, theme_id: int, evidence_ids: set[int], named: bool) -> None:
    if evidence_ids:
        session.execute(
            insert(ThemeNameBaselineMemberRow),
            [
                {"theme_id": theme_id, "evidence_id": e, "named": named}
                for e in sorted(evidence_ids)
            ],
        )
