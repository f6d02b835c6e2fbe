"""What an importer produces: evidence that names its account and people by natural keys.

Importers parse; they never touch the database. The loader resolves names and emails to
records, so every source gets the same account matching and proxy detection.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from tradeoff.domain.enums import EvidenceKind, EvidenceMode, PersonRole


@dataclass(frozen=True)
class PersonRef:
    email: str | None = None
    name: str | None = None
    role: PersonRole | None = None

    @property
    def is_empty(self) -> bool:
        return not (self.email or self.name)


@dataclass(frozen=True)
class AccountRef:
    name: str | None = None
    domain: str | None = None

    @property
    def is_empty(self) -> bool:
        return not (self.name or self.domain)


@dataclass(frozen=True)
class EvidenceDraft:
    """One piece of evidence as read from a file, with where it was read (for errors)."""

    line: int
    external_id: str
    kind: EvidenceKind
    text: str
    created_at: datetime
    mode: EvidenceMode | None = None
    title: str | None = None
    account: AccountRef = field(default_factory=AccountRef)
    person: PersonRef = field(default_factory=PersonRef)
    relayed_by: PersonRef = field(default_factory=PersonRef)
    rating: float | None = None
    tags: list[str] = field(default_factory=list)
    url: str | None = None
    raw: dict[str, Any] = field(default_factory=dict)
