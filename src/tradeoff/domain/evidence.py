"""Evidence: what customers said or did, who said it, and who relayed it."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any
from urllib.parse import urlsplit

from tradeoff.domain.enums import AssignedBy, EvidenceKind, EvidenceMode, ImportStatus, ThemeStatus
from tradeoff.domain.rules import (
    RuleViolation,
    member,
    now_utc,
    optional_text,
    required_text,
    unit_interval,
    utc,
)

OBSERVED_KINDS = frozenset(
    {EvidenceKind.TICKET, EvidenceKind.CHAT, EvidenceKind.REVIEW, EvidenceKind.USAGE_OBSERVATION}
)


def default_mode(kind: EvidenceKind) -> EvidenceMode:
    """Tickets, chats, reviews of problems and usage show what people did and hit;
    interviews, calls, surveys and requests what they say (principle 5). Overridable."""
    return EvidenceMode.OBSERVED if kind in OBSERVED_KINDS else EvidenceMode.STATED


def safe_url(field_name: str, value: str | None) -> str | None:
    """Only http(s) links are kept: a ``javascript:`` URL from an import must never render."""
    text = optional_text(value, field_name)
    if text is None:
        return None
    if urlsplit(text).scheme.lower() not in {"http", "https"}:
        raise RuleViolation(field_name, f"only http(s) links are allowed, got {text[:60]!r}")
    return text


@dataclass(kw_only=True)
class EvidenceItem:
    id: int | None = None
    source: str
    external_id: str
    kind: EvidenceKind
    mode: EvidenceMode | None = None
    title: str | None = None
    text: str
    created_at: datetime
    account_id: int | None = None
    person_id: int | None = None
    relayed_by_id: int | None = None
    rating: float | None = None
    tags: list[str] = field(default_factory=list)
    url: str | None = None
    raw: dict[str, Any] = field(default_factory=dict)
    import_batch_id: int | None = None
    #: The earlier item with the same words from the same account (counted once in demand).
    duplicate_of_id: int | None = None

    def __post_init__(self) -> None:
        self.source = required_text("source", self.source).lower()
        self.external_id = required_text("external_id", self.external_id)
        self.kind = member("kind", EvidenceKind, self.kind)
        self.mode = (
            default_mode(self.kind)
            if self.mode is None
            else member("mode", EvidenceMode, self.mode)
        )
        self.title = optional_text(self.title, "title")
        self.text = required_text("text", self.text)
        created = utc("created_at", self.created_at)
        if created is None:
            raise RuleViolation("created_at", "must be set")
        self.created_at = created
        self.tags = sorted({t.strip() for t in self.tags if t and t.strip()})
        self.url = safe_url("url", self.url)
        if self.relayed_by_id is not None and self.relayed_by_id == self.person_id:
            raise RuleViolation("relayed_by_id", "a person cannot relay their own words")

    @property
    def is_relayed(self) -> bool:
        return self.relayed_by_id is not None


@dataclass(kw_only=True)
class ImportBatch:
    """One run of an importer over one file: the provenance of every record it touched."""

    id: int | None = None
    source: str
    file_name: str
    sha256: str
    mapping: dict[str, str] = field(default_factory=dict)
    started_at: datetime = field(default_factory=now_utc)
    finished_at: datetime | None = None
    status: ImportStatus = ImportStatus.RUNNING
    inserted: int = 0
    updated: int = 0
    unchanged: int = 0
    rejected: int = 0
    unresolved: int = 0

    def __post_init__(self) -> None:
        self.source = required_text("source", self.source).lower()
        self.file_name = required_text("file_name", self.file_name)
        if len(self.sha256) != 64 or any(c not in "0123456789abcdef" for c in self.sha256):
            raise RuleViolation("sha256", "must be a hex SHA-256 digest")
        self.status = member("status", ImportStatus, self.status)
        self.started_at = utc("started_at", self.started_at) or now_utc()
        self.finished_at = utc("finished_at", self.finished_at)
        for name in ("inserted", "updated", "unchanged", "rejected", "unresolved"):
            if getattr(self, name) < 0:
                raise RuleViolation(name, "must not be negative")


@dataclass(kw_only=True)
class Theme:
    id: int | None = None
    name: str
    description: str | None = None
    parent_id: int | None = None
    status: ThemeStatus = ThemeStatus.ACTIVE
    merged_into_id: int | None = None
    created_at: datetime = field(default_factory=now_utc)
    #: A person chose the name: re-analysis keeps it.
    name_pinned: bool = False
    #: Who made the theme: a person's themes (from a split) are never archived by the model.
    made_by: AssignedBy = AssignedBy.MODEL

    def __post_init__(self) -> None:
        self.name = required_text("name", self.name)
        self.made_by = member("made_by", AssignedBy, self.made_by)
        self.description = optional_text(self.description, "description")
        self.status = member("status", ThemeStatus, self.status)
        self.created_at = utc("created_at", self.created_at) or now_utc()
        if (self.status is ThemeStatus.MERGED) != (self.merged_into_id is not None):
            raise RuleViolation("merged_into_id", "a merged theme names the theme it went into")


@dataclass(kw_only=True)
class EvidenceTheme:
    """An evidence item filed under a theme, with how sure the filing is and who made it."""

    evidence_id: int
    theme_id: int
    score: float = 1.0
    assigned_by: AssignedBy = AssignedBy.MODEL

    def __post_init__(self) -> None:
        self.score = unit_interval("score", self.score) or 0.0
        self.assigned_by = member("assigned_by", AssignedBy, self.assigned_by)
