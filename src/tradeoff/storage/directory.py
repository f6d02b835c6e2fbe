"""Finding the accounts and people that evidence refers to, by the keys exports carry."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from tradeoff.domain.accounts import Account, Person
from tradeoff.domain.names import company_name_key, person_name_key
from tradeoff.storage.repository import to_domain
from tradeoff.storage.tables import AccountRow, PersonRow


def find_account(
    session: Session, *, name: str | None = None, domain: str | None = None
) -> Account | None:
    """By domain first (stable), then by name, ignoring case, accents and legal forms."""
    if domain:
        row = session.scalars(
            select(AccountRow).where(AccountRow.domain == domain.lower()).order_by(AccountRow.id)
        ).first()
        if row is not None:
            return to_domain(row, Account)
    if name:
        row = session.scalars(
            select(AccountRow)
            .where(AccountRow.name_key == company_name_key(name))
            .order_by(AccountRow.id)
        ).first()
        if row is not None:
            return to_domain(row, Account)
    return None


def find_person(
    session: Session,
    *,
    email: str | None = None,
    name: str | None = None,
    account_id: int | None = None,
) -> Person | None:
    """By email (unique); else by name (ignoring case and accents) within the same account."""
    if email:
        row = session.scalars(select(PersonRow).where(PersonRow.email == email.lower())).first()
        if row is not None:
            return to_domain(row, Person)
        return None
    if name:
        query = select(PersonRow).where(PersonRow.name_key == person_name_key(name))
        query = query.where(
            PersonRow.account_id == account_id
            if account_id is not None
            else PersonRow.account_id.is_(None)
        )
        row = session.scalars(query.order_by(PersonRow.id)).first()
        if row is not None:
            return to_domain(row, Person)
    return None
