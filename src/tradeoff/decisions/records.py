"""The decision log's typed results: a stored decision with its links and its place in
the chain, a revision with what it changed, and a whole history.

What changed between two revisions is computed here, from the two rows, because no row is
ever edited: the difference between a decision and the one it superseded *is* the edit.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from tradeoff.decisions.decision_draft import OptionLink
from tradeoff.domain.decisions import Decision, DecisionLink
from tradeoff.domain.enums import DecisionStatus


@dataclass(frozen=True)
class DecisionRecord:
    """A stored decision with its option links and, once revised, the revision's id."""

    decision: Decision
    links: tuple[DecisionLink, ...] = ()
    superseded_by: int | None = None

    @property
    def id(self) -> int:
        assert self.decision.id is not None
        return self.decision.id

    @property
    def is_current(self) -> bool:
        return self.superseded_by is None

    @property
    def shown_status(self) -> str:
        if self.superseded_by is not None:
            return f"superseded by #{self.superseded_by}"
        return self.decision.status.value.replace("_", " ")

    @property
    def option_links(self) -> tuple[OptionLink, ...]:
        return tuple(OptionLink.of(link) for link in self.links)

    def to_json(self) -> dict[str, Any]:
        d = self.decision
        return {
            "id": d.id,
            "question": d.title,
            "status": d.status.value,
            "shown_status": self.shown_status,
            "supersedes": d.supersedes_id,
            "superseded_by": self.superseded_by,
            "context": d.context,
            "options": list(d.options),
            "chosen": d.chosen_option,
            "tradeoffs_accepted": d.tradeoffs_accepted,
            "not_optimising_for": d.not_optimising_for,
            "assumptions": list(d.assumptions),
            "signals": list(d.revisit_signals),
            "owner": d.owner,
            "stakeholders": list(d.stakeholders),
            "decided_on": d.decided_at.date().isoformat() if d.decided_at else None,
            "requested_by": d.requested_by,
            "reply": d.reply_text,
            "links": [str(link) for link in self.option_links],
            "recorded_at": d.recorded_at.isoformat(),
        }


@dataclass(frozen=True)
class Change:
    """One field that differs from the previous revision: what was removed, what was added
    (for a single value, the old value and the new one)."""

    field: str
    removed: tuple[str, ...]
    added: tuple[str, ...]


@dataclass(frozen=True)
class Revision:
    record: DecisionRecord
    changes: tuple[Change, ...]


@dataclass(frozen=True)
class DecisionHistory:
    """A decision's whole chain, oldest first; ``asked`` is the id the reader asked for."""

    asked: int
    revisions: tuple[Revision, ...]

    @property
    def current(self) -> DecisionRecord:
        return self.revisions[-1].record

    @property
    def asked_record(self) -> DecisionRecord:
        return next(r.record for r in self.revisions if r.record.id == self.asked)


#: Fields compared between revisions, with the words a reader sees.
COMPARED = (
    ("question", "title"), ("context", "context"), ("options", "options"),
    ("chosen", "chosen_option"), ("trade-offs accepted", "tradeoffs_accepted"),
    ("not optimising for", "not_optimising_for"), ("assumptions", "assumptions"),
    ("signals", "revisit_signals"), ("owner", "owner"), ("stakeholders", "stakeholders"),
    ("decided on", "decided_at"), ("status", "status"), ("requested by", "requested_by"),
    ("reply", "reply_text"),
)  # fmt: skip


def changes_between(before: DecisionRecord, after: DecisionRecord) -> tuple[Change, ...]:
    """What a revision changed: lists by item (added, removed), other fields as old → new."""
    found = []
    for label, name in COMPARED:
        old, new = getattr(before.decision, name), getattr(after.decision, name)
        if isinstance(old, list):
            removed = tuple(x for x in old if x not in new)
            added = tuple(x for x in new if x not in old)
            if removed or added:
                found.append(Change(label, removed, added))
        elif _shown(old) != _shown(new):
            found.append(Change(label, _one(old), _one(new)))
    old_links = [str(x) for x in before.option_links]
    new_links = [str(x) for x in after.option_links]
    if old_links != new_links:
        found.append(
            Change(
                "links",
                tuple(x for x in old_links if x not in new_links),
                tuple(x for x in new_links if x not in old_links),
            )
        )
    return tuple(found)


def _shown(value: object) -> str:
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, DecisionStatus):
        return value.value.replace("_", " ")
    return "" if value is None else str(value)


def _one(value: object) -> tuple[str, ...]:
    shown = _shown(value)
    return (shown,) if shown else ()
