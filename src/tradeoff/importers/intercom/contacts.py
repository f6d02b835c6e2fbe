"""Intercom contacts: the people, and their companies, that conversations point at."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tradeoff.domain.enums import PersonRole
from tradeoff.domain.names import LEGAL_SUFFIXES, fold
from tradeoff.errors import InputError
from tradeoff.importers.base import ReadContext
from tradeoff.importers.columns import header_index
from tradeoff.importers.drafts import (
    AccountRef,
    PersonRef,
)
from tradeoff.importers.intercom.fields import (
    CONTACT_COLUMNS,
    SOURCE,
    cells_of,
    column_positions,
    has_column,
    listed,
)
from tradeoff.importers.jsonfile import iter_records, text_of
from tradeoff.importers.textfile import inspect_file, read_csv


@dataclass(frozen=True)
class Contact:
    id: str | None = None
    email: str | None = None
    name: str | None = None
    company: str | None = None
    company_id: str | None = None


@dataclass
class ContactBook:
    """Contacts by Intercom id and by email, so either key finds the person's company."""

    by_id: dict[str, Contact] = field(default_factory=dict)
    by_email: dict[str, Contact] = field(default_factory=dict)

    def add(self, contact: Contact) -> None:
        if contact.id:
            self.by_id[contact.id] = contact
        if contact.email:
            self.by_email[contact.email.lower()] = contact

    def find(self, contact_id: str | None, email: str | None) -> Contact:
        found = self.by_id.get(contact_id or "") or self.by_email.get((email or "").lower())
        return found or Contact()


def load_contacts(path: Path, context: ReadContext) -> ContactBook:
    facts = inspect_file(path)
    book = ContactBook()
    if path.suffix.lower() == ".csv":
        header, rows = read_csv(facts)
        index = header_index(header)
        columns = {f: context.column(f, d) for f, d in CONTACT_COLUMNS.items()}
        if not (
            has_column(index, columns["contact_id"]) or has_column(index, columns["contact_email"])
        ):
            raise InputError(
                f"the contacts file needs a {columns['contact_id']!r} or "
                f"{columns['contact_email']!r} column",
                path=path,
                line=1,
                column=columns["contact_id"],
            )
        positions = column_positions(columns, index)
        for row in rows:
            cell = cells_of(positions, row.cells)
            book.add(
                Contact(
                    id=cell["contact_id"] or None,
                    email=cell["contact_email"] or None,
                    name=cell["contact_name"] or None,
                    company=first_company(cell["contact_company"]),
                )
            )
        return book
    for _path, _line, value in iter_records(facts, "data"):
        if isinstance(value, dict):
            # The API names companies by id ({"data": [{"id", "url"}]}); exports may add "name".
            companies = [c for c in listed(value.get("companies"), "data") if isinstance(c, dict)]
            company = companies[0] if companies else {}
            book.add(
                Contact(
                    id=text_of(value.get("id")),
                    email=text_of(value.get("email")),
                    name=text_of(value.get("name")),
                    company=text_of(company.get("name")),
                    company_id=text_of(company.get("id")),
                )
            )
    return book


def first_company(names: str) -> str | None:
    """The first of a comma-separated list of company names, keeping "Acme, Inc." whole.

    >>> first_company("Acme, Inc., Globex")
    'Acme, Inc.'
    """
    parts = [p.strip() for p in names.split(",") if p.strip()]
    if not parts:
        return None
    company = parts[0]
    for part in parts[1:]:
        if fold(part) not in LEGAL_SUFFIXES:
            break
        company = f"{company}, {part}"
    return company


def person_and_account(
    contact_id: str | None,
    author: dict[str, Any],
    contacts: ContactBook,
    company: str | None = None,
) -> tuple[PersonRef, AccountRef]:
    email = text_of(author.get("email"))
    known = contacts.find(contact_id, email)
    person = PersonRef(
        source=SOURCE,
        external_id=contact_id,
        email=email or known.email,
        name=text_of(author.get("name"))
        or known.name
        or (f"Intercom contact {contact_id}" if contact_id else None),
        role=PersonRole.END_USER,
    )
    account = AccountRef(
        name=known.company or company,
        source=SOURCE if known.company_id else None,
        external_id=known.company_id,
    )
    return person, account


# --- conversations JSON -----------------------------------------------------------------------
