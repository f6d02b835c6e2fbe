"""Matching the accounts and people a record names to the workspace's own, across sources.

Accounts match by a source id, then web domain, then normalised name ("ACME, Inc." is
"Acme Inc"); people by a source id, then email, then normalised name within the account.
Whatever is matched by another key learns this source's id, so the next import matches at
once. Internal people (our email domains, or a sales / CSM / support / executive role) are
proxies: what they write on a customer's behalf is relayed, not direct (principle 6).
"""

from __future__ import annotations

import dataclasses

from sqlalchemy.orm import Session

from tradeoff.domain.accounts import Account, Person
from tradeoff.domain.enums import AccountLifecycle, DealOutcome, PersonRole
from tradeoff.domain.rules import RuleViolation
from tradeoff.domain.workspace import WorkspaceSettings, email_domain
from tradeoff.importers.drafts import AccountRef, PersonRef
from tradeoff.storage import external_keys, repository
from tradeoff.storage.directory import find_account, find_person

FREE_MAIL = frozenset(
    {
        "gmail.com", "googlemail.com", "yahoo.com", "hotmail.com", "outlook.com", "live.com",
        "icloud.com", "me.com", "aol.com", "proton.me", "protonmail.com", "gmx.de", "web.de",
        "yandex.ru", "mail.com", "qq.com", "163.com",
    }
)  # fmt: skip


class Resolver:
    """Finds or creates accounts and people for one import, remembering what it found."""

    def __init__(
        self, session: Session, *, source: str, batch_id: int, settings: WorkspaceSettings
    ) -> None:
        self.session = session
        self.source = source
        self.batch_id = batch_id
        self.settings = settings
        self.created_accounts = 0
        self.created_people = 0
        #: Records whose account was named only by an id this workspace does not know yet.
        self.unknown_account_ids: set[str] = set()
        self._accounts: dict[tuple[str | None, ...], int | None] = {}
        self._people: dict[tuple[str | int | None, ...], Person] = {}
        #: Accounts this import created as prospects (named only by open or lost deals).
        self._prospects: set[int] = set()

    def forget(self) -> None:
        """Drop remembered ids: after a rolled-back record they may no longer exist."""
        self._accounts.clear()
        self._people.clear()
        self._prospects.clear()

    def customer_domain(self, email: str | None) -> str | None:
        """The account domain an address points to, unless it is ours or free mail."""
        domain = email_domain(email)
        if domain is None or self.settings.is_internal_email(email) or domain in FREE_MAIL:
            return None
        return domain

    def is_internal(self, person: Person) -> bool:
        return self.settings.is_internal_email(person.email) or person.role.is_internal_proxy

    def existing_account_id(
        self, ref: AccountRef, *, fallback_email: str | None = None
    ) -> int | None:
        source = (ref.source or self.source).lower()
        if ref.external_id:
            found = external_keys.find_record_id(self.session, "account", source, ref.external_id)
            if found is not None:
                return found
        domain = (ref.domain or "").lower() or self.customer_domain(fallback_email)
        account = find_account(self.session, name=ref.name, domain=domain)
        if account is None:
            return None
        assert account.id is not None
        if ref.external_id:
            self.remember_account(source, ref.external_id, account.id)
        return account.id

    def remember_account(self, source: str, external_id: str, account_id: int) -> None:
        external_keys.remember(
            self.session, "account", source, external_id, account_id, batch_id=self.batch_id
        )

    def account_id(
        self,
        ref: AccountRef,
        *,
        fallback_email: str | None = None,
        deal: DealOutcome | None = None,
    ) -> int | None:
        """The account a record concerns, created when named but unknown.

        Accounts first seen in evidence are customers who wrote to us. One first named by a
        ``deal`` is a customer once a deal with it is won, a prospect until then (in this
        import; its deal notes, written by our sellers, do not make it a customer). The
        CRM's account export corrects lifecycle, ARR and segment when it arrives.
        """
        lifecycle = (
            AccountLifecycle.PROSPECT
            if deal is not None and deal is not DealOutcome.WON
            else AccountLifecycle.CUSTOMER
        )
        domain = (ref.domain or "").lower() or self.customer_domain(fallback_email)
        if ref.is_empty and domain is None:
            return None
        key = (ref.source, ref.external_id, domain, ref.name)
        if key in self._accounts:
            return self._customer_if(self._accounts[key], deal)
        found = self.existing_account_id(ref, fallback_email=fallback_email)
        if found is None and ref.name:
            new_account = Account(
                name=ref.name,
                domain=domain,
                lifecycle=lifecycle,
                import_batch_id=self.batch_id,
            )
            _fits(new_account, {"name": "account", "domain": "account_domain"})
            account = repository.add(self.session, new_account, batch_id=self.batch_id)
            assert account.id is not None
            found = account.id
            self.created_accounts += 1
            if lifecycle is AccountLifecycle.PROSPECT:
                self._prospects.add(found)
            if ref.external_id:
                self.remember_account((ref.source or self.source).lower(), ref.external_id, found)
        if found is None and ref.external_id and not ref.name:
            self.unknown_account_ids.add(ref.external_id)
        self._accounts[key] = found
        return self._customer_if(found, deal)

    def _customer_if(self, found: int | None, deal: DealOutcome | None) -> int | None:
        """A prospect this import made becomes a customer when a won deal names it."""
        if found in self._prospects and deal is DealOutcome.WON:
            assert found is not None
            prospect = repository.get(self.session, Account, found)
            repository.update(
                self.session, dataclasses.replace(prospect, lifecycle=AccountLifecycle.CUSTOMER)
            )
            self._prospects.discard(found)
        return found

    def existing_person(self, ref: PersonRef, account_id: int | None) -> Person | None:
        source = (ref.source or self.source).lower()
        if ref.external_id:
            found = external_keys.find_record_id(self.session, "person", source, ref.external_id)
            if found is not None:
                return repository.get(self.session, Person, found)
        email = _email(ref.email)
        name = ref.name or (ref.email if email is None else None)
        person = find_person(self.session, email=email, name=name, account_id=account_id)
        if person is not None and person.id is not None and ref.external_id:
            external_keys.remember(
                self.session, "person", source, ref.external_id, person.id, batch_id=self.batch_id
            )
        return person

    def person(self, ref: PersonRef, account_id: int | None) -> Person | None:
        """The person a record names, created when unknown; never attached to a customer
        account when they are one of ours."""
        if ref.is_empty:
            return None
        email = _email(ref.email)
        key = (
            ref.source,
            ref.external_id,
            email,
            None if email else (ref.name or ref.email or ""),
            None if email else account_id,
        )
        if key in self._people:
            return self._people[key]
        person = self.existing_person(ref, account_id)
        if person is None:
            internal = self.settings.is_internal_email(email)
            new_person = Person(
                name=ref.name or (ref.email if email is None else None),
                email=email,
                account_id=None if internal else account_id,
                role=ref.role or PersonRole.UNKNOWN,
                import_batch_id=self.batch_id,
            )
            _fits(new_person, {"name": "person", "email": "email"})
            person = repository.add(self.session, new_person, batch_id=self.batch_id)
            assert person.id is not None
            self.created_people += 1
            if ref.external_id:
                external_keys.remember(
                    self.session,
                    "person",
                    (ref.source or self.source).lower(),
                    ref.external_id,
                    person.id,
                    batch_id=self.batch_id,
                )
        assert person.id is not None
        self._people[key] = person
        return person


def _fits(entity: Account | Person, field_for: dict[str, str]) -> None:
    """Refuse a name too long for its column, naming the import field it came from."""
    too_long = repository.overlong_field(entity)
    if too_long is not None:
        name, limit = too_long
        raise RuleViolation(field_for.get(name, name), f"is longer than {limit} characters")


def _email(value: str | None) -> str | None:
    return value.strip().lower() if value and "@" in value else None
