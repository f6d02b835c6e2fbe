"""Loads drafts into the workspace: resolves accounts and people, upserts, counts.

One loader serves one import batch inside one transaction, so an import either lands whole
or leaves nothing behind.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.orm import Session

from tradeoff.domain.accounts import Account, Person
from tradeoff.domain.enums import AccountLifecycle, PersonRole
from tradeoff.domain.evidence import EvidenceItem
from tradeoff.domain.rules import RuleViolation
from tradeoff.domain.workspace import WorkspaceSettings, email_domain
from tradeoff.errors import InputError
from tradeoff.importers.drafts import AccountRef, EvidenceDraft, PersonRef
from tradeoff.storage import repository
from tradeoff.storage.directory import find_account, find_person
from tradeoff.storage.upsert import Outcome, existing_by_external_id, upsert

FLUSH_EVERY = 500


@dataclass
class LoadCounts:
    inserted: int = 0
    updated: int = 0
    unchanged: int = 0
    rejected: int = 0
    created_accounts: int = 0
    created_people: int = 0

    def add(self, outcome: Outcome) -> None:
        setattr(self, outcome.value, getattr(self, outcome.value) + 1)


class EvidenceLoader:
    def __init__(
        self,
        session: Session,
        *,
        source: str,
        batch_id: int,
        settings: WorkspaceSettings,
        path: Path,
    ) -> None:
        self.session = session
        self.source = source.lower()
        self.batch_id = batch_id
        self.settings = settings
        self.path = path
        self.counts = LoadCounts()
        self._accounts: dict[tuple[str | None, str | None], int | None] = {}
        self._people: dict[tuple[str | None, str | None, int | None], int] = {}
        self._seen: set[str] = set()

    def load(self, drafts: Iterable[EvidenceDraft]) -> LoadCounts:
        chunk: list[EvidenceDraft] = []
        for draft in drafts:
            chunk.append(draft)
            if len(chunk) >= FLUSH_EVERY:
                self._load_chunk(chunk)
                chunk = []
        if chunk:
            self._load_chunk(chunk)
        return self.counts

    def _load_chunk(self, drafts: list[EvidenceDraft]) -> None:
        existing = existing_by_external_id(
            self.session, EvidenceItem, self.source, (d.external_id for d in drafts)
        )
        for draft in drafts:
            if draft.external_id in self._seen:
                raise InputError(
                    f"external id {draft.external_id!r} appears twice in this file",
                    path=self.path,
                    line=draft.line,
                )
            self._seen.add(draft.external_id)
            item = self._to_item(draft)
            outcome, _ = upsert(self.session, item, existing.get(draft.external_id))
            self.counts.add(outcome)
        self.session.flush()

    def _to_item(self, draft: EvidenceDraft) -> EvidenceItem:
        account_id = self._account_id(draft.account, draft.person)
        person_id = self._person_id(draft.person, account_id, draft.line)
        relayed_id = self._person_id(draft.relayed_by, None, draft.line)
        if relayed_id is not None and relayed_id == person_id:
            relayed_id = None
        try:
            return EvidenceItem(
                source=self.source,
                external_id=draft.external_id,
                kind=draft.kind,
                mode=draft.mode,
                title=draft.title,
                text=draft.text,
                created_at=draft.created_at,
                account_id=account_id,
                person_id=person_id,
                relayed_by_id=relayed_id,
                rating=draft.rating,
                tags=list(draft.tags),
                url=draft.url,
                raw=draft.raw,
                import_batch_id=self.batch_id,
            )
        except RuleViolation as exc:
            raise InputError(
                exc.message, path=self.path, line=draft.line, column=exc.field
            ) from None

    def _account_id(self, ref: AccountRef, person: PersonRef) -> int | None:
        domain = ref.domain or self._customer_domain(person.email)
        if ref.is_empty and domain is None:
            return None
        key = (ref.name.strip().lower() if ref.name else None, domain)
        if key in self._accounts:
            return self._accounts[key]
        account = find_account(self.session, name=ref.name, domain=domain)
        if account is None and ref.name:
            # Accounts first seen in evidence are customers who wrote to us; the CRM import
            # corrects lifecycle, ARR and segment when it arrives.
            account = repository.add(
                self.session,
                Account(name=ref.name, domain=domain, lifecycle=AccountLifecycle.CUSTOMER),
            )
            self.counts.created_accounts += 1
        account_id = account.id if account is not None else None
        self._accounts[key] = account_id
        return account_id

    def _customer_domain(self, email: str | None) -> str | None:
        """The account domain an email points to, unless it is ours or a free-mail one."""
        domain = email_domain(email)
        if domain is None or self.settings.is_internal_email(email) or domain in FREE_MAIL:
            return None
        return domain

    def _person_id(self, ref: PersonRef, account_id: int | None, line: int) -> int | None:
        if ref.is_empty:
            return None
        email = ref.email.strip().lower() if ref.email and "@" in ref.email else None
        name = ref.name if ref.name else (ref.email if email is None else None)
        key = (email, None if email else (name or "").lower(), None if email else account_id)
        if key in self._people:
            return self._people[key]
        person = find_person(self.session, email=email, name=name, account_id=account_id)
        if person is None:
            internal = self.settings.is_internal_email(email)
            try:
                person = repository.add(
                    self.session,
                    Person(
                        name=name,
                        email=email,
                        account_id=None if internal else account_id,
                        role=ref.role or PersonRole.UNKNOWN,
                    ),
                )
            except RuleViolation as exc:
                raise InputError(exc.message, path=self.path, line=line, column=exc.field) from None
            self.counts.created_people += 1
        assert person.id is not None
        self._people[key] = person.id
        return person.id


FREE_MAIL = frozenset(
    {
        "gmail.com",
        "googlemail.com",
        "yahoo.com",
        "hotmail.com",
        "outlook.com",
        "live.com",
        "icloud.com",
        "me.com",
        "aol.com",
        "proton.me",
        "protonmail.com",
        "gmx.de",
        "web.de",
        "yandex.ru",
    }
)
