"""The edits of a person a rebuild kept, counted for its summary line.

A rebuild keeps every edit (a name given or pinned, a merge, a split, an item moved), but
said nothing of them: a QA tester had to open each theme to see that 3 renames, a pin, a
merge, a split and 6 moves had survived. After a rebuild the summary says so in one line,
counted from what storage holds:

- **named or pinned**: active themes whose name is pinned and that a person did not make
  (a rename pins; so does ``tradeoff pin``; both keep the name);
- **merges**: themes merged into another (only a person merges);
- **themes made**: active themes a person made (``tradeoff split``, ``tradeoff restore``:
  storage tells them apart by nothing, and both are the person's themes);
- **moved items**: items a person filed into a theme a person did not make (the items of a
  split are its split, not moves).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import distinct, func, select
from sqlalchemy.orm import Session

from tradeoff.domain.enums import AssignedBy, ThemeStatus
from tradeoff.storage.tables import EvidenceThemeRow, ThemeRow
from tradeoff.wording import plural


@dataclass(frozen=True)
class KeptEdits:
    """How many of each kind of a person's edit the themes hold."""

    named: int
    merges: int
    splits: int
    moved: int

    def line(self) -> str | None:
        """The summary line, None when there is no edit.

        >>> print(KeptEdits(4, 1, 1, 6).line())  # doctest: +NORMALIZE_WHITESPACE
        Kept your edits: 4 theme names you gave or pinned, 1 merge, 1 theme you made (split or
        restored), 6 moved items.
        >>> KeptEdits(0, 0, 0, 0).line() is None
        True
        """
        parts = [
            plural(self.named, "theme name you gave or pinned", "theme names you gave or pinned")
            if self.named
            else "",
            plural(self.merges, "merge") if self.merges else "",
            plural(
                self.splits,
                "theme you made (split or restored)",
                "themes you made (split or restored)",
            )
            if self.splits
            else "",
            plural(self.moved, "moved item") if self.moved else "",
        ]
        said = [part for part in parts if part]
        return f"Kept your edits: {', '.join(said)}." if said else None


def kept_edits(session: Session) -> KeptEdits:
    """Count the edits of a person the workspace's themes hold (four small queries)."""
    active, person = ThemeRow.status == ThemeStatus.ACTIVE, ThemeRow.made_by == AssignedBy.PERSON
    named = select(func.count()).where(active, ThemeRow.name_pinned, ~person)
    merges = select(func.count()).where(ThemeRow.status == ThemeStatus.MERGED)
    splits = select(func.count()).where(active, person)
    moved = (
        select(func.count(distinct(EvidenceThemeRow.evidence_id)))
        .join(ThemeRow, ThemeRow.id == EvidenceThemeRow.theme_id)
        .where(EvidenceThemeRow.assigned_by == AssignedBy.PERSON, ~person)
    )
    return KeptEdits(
        named=session.scalar(named.select_from(ThemeRow)) or 0,
        merges=session.scalar(merges.select_from(ThemeRow)) or 0,
        splits=session.scalar(splits.select_from(ThemeRow)) or 0,
        moved=session.scalar(moved) or 0,
    )
