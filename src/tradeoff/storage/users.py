"""Accounts, sessions and failed logins: session in, domain objects out.

Passwords arrive here already hashed and session ids already digested; storage never sees a
secret it could leak.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from tradeoff.domain.users import Role, User, WebSession, normalise_email
from tradeoff.errors import Conflict, NotFound
from tradeoff.storage.tables.users import ApiTokenRow, LoginAttemptRow, UserRow, WebSessionRow


def _user(row: UserRow) -> User:
    return User(
        id=row.id,
        email=row.email,
        password_hash=row.password_hash,
        role=row.role,
        active=row.active,
        created_at=row.created_at,
    )


def add_user(session: Session, user: User) -> User:
    """Stores a new account; an email already taken (in any case) is a Conflict."""
    if find_user(session, user.email) is not None:
        raise Conflict(f"a user with the email {user.email} already exists")
    row = UserRow(
        email=user.email,
        password_hash=user.password_hash,
        role=user.role,
        active=user.active,
        created_at=user.created_at,
    )
    session.add(row)
    session.flush()
    return _user(row)


def find_user(session: Session, email: str) -> User | None:
    row = session.scalar(select(UserRow).where(UserRow.email == normalise_email(email)))
    return _user(row) if row is not None else None


def get_user(session: Session, user_id: int) -> User | None:
    row = session.get(UserRow, user_id)
    return _user(row) if row is not None else None


def list_users(session: Session) -> list[User]:
    return [_user(row) for row in session.scalars(select(UserRow).order_by(UserRow.email))]


def count_active_admins(session: Session) -> int:
    query = select(func.count()).where(UserRow.role == Role.ADMIN, UserRow.active.is_(True))
    return session.scalar(query.select_from(UserRow)) or 0


def set_active(session: Session, email: str, active: bool) -> User:
    """Enables or disables an account; disabling also ends every session it has open."""
    row = session.scalar(select(UserRow).where(UserRow.email == normalise_email(email)))
    if row is None:
        raise NotFound(f"no user with the email {normalise_email(email)}")
    row.active = active
    if not active:
        end_sessions_of(session, row.id)
    session.flush()
    return _user(row)


def set_password_hash(session: Session, user_id: int, password_hash: str) -> None:
    """Rehashing on login (after a parameter upgrade) writes the new hash here."""
    row = session.get(UserRow, user_id)
    if row is not None:
        row.password_hash = password_hash


def start_session(session: Session, web_session: WebSession) -> None:
    session.add(
        WebSessionRow(
            id=web_session.id,
            user_id=web_session.user_id,
            csrf_token=web_session.csrf_token,
            created_at=web_session.created_at,
            last_seen_at=web_session.last_seen_at,
            expires_at=web_session.expires_at,
        )
    )


def live_session(
    session: Session, session_id: str, now: datetime
) -> tuple[WebSession, User] | None:
    """The session and its user, or None when it is unknown, expired or the user is disabled."""
    found = session.execute(
        select(WebSessionRow, UserRow)
        .join(UserRow, UserRow.id == WebSessionRow.user_id)
        .where(WebSessionRow.id == session_id)
    ).first()
    if found is None:
        return None
    row, user_row = found
    if row.expires_at <= now or not user_row.active:
        return None
    web_session = WebSession(
        id=row.id,
        user_id=row.user_id,
        csrf_token=row.csrf_token,
        created_at=row.created_at,
        last_seen_at=row.last_seen_at,
        expires_at=row.expires_at,
    )
    return web_session, _user(user_row)


def touch_session(session: Session, session_id: str, now: datetime) -> None:
    row = session.get(WebSessionRow, session_id)
    if row is not None:
        row.last_seen_at = now


def end_session(session: Session, session_id: str) -> None:
    session.execute(delete(WebSessionRow).where(WebSessionRow.id == session_id))


def end_sessions_of(session: Session, user_id: int) -> None:
    session.execute(delete(WebSessionRow).where(WebSessionRow.user_id == user_id))


def record_failed_login(session: Session, email: str, client: str, at: datetime) -> None:
    session.add(LoginAttemptRow(email=email.casefold()[:320], client=client[:64], attempted_at=at))


def failed_logins_since(session: Session, email: str, client: str, since: datetime) -> int:
    query = select(func.count()).where(
        LoginAttemptRow.email == email.casefold()[:320],
        LoginAttemptRow.client == client[:64],
        LoginAttemptRow.attempted_at > since,
    )
    return session.scalar(query.select_from(LoginAttemptRow)) or 0


def forget_failed_logins(session: Session, email: str, client: str, before: datetime) -> None:
    """A successful login clears the counter; old failures are pruned so the table stays small."""
    session.execute(
        delete(LoginAttemptRow).where(
            (LoginAttemptRow.attempted_at < before)
            | (
                (LoginAttemptRow.email == email.casefold()[:320])
                & (LoginAttemptRow.client == client[:64])
            )
        )
    )


# API tokens: the database keeps a token's SHA-256 and a short prefix, never the token.


@dataclass(frozen=True)
class ApiToken:
    """A stored API token as the owner sees it: everything but the secret."""

    id: int
    user_id: int
    email: str
    name: str
    prefix: str
    created_at: datetime
    last_used_at: datetime | None
    revoked_at: datetime | None


def _token(row: ApiTokenRow, email: str) -> ApiToken:
    return ApiToken(
        id=row.id,
        user_id=row.user_id,
        email=email,
        name=row.name,
        prefix=row.prefix,
        created_at=row.created_at,
        last_used_at=row.last_used_at,
        revoked_at=row.revoked_at,
    )


def create_token(
    session: Session, user_id: int, name: str, prefix: str, token_hash: str, now: datetime
) -> ApiToken:
    """Stores a token already hashed by the caller; storage never sees the token itself."""
    user = session.get(UserRow, user_id)
    if user is None:
        raise NotFound(f"no user with id {user_id}")
    row = ApiTokenRow(
        user_id=user_id, name=name, prefix=prefix, token_hash=token_hash, created_at=now
    )
    session.add(row)
    session.flush()
    return _token(row, user.email)


def find_by_token_hash(session: Session, token_hash: str) -> tuple[ApiToken, User] | None:
    """The live token and its user; None when unknown, revoked, or the user is disabled."""
    found = session.execute(
        select(ApiTokenRow, UserRow)
        .join(UserRow, UserRow.id == ApiTokenRow.user_id)
        .where(ApiTokenRow.token_hash == token_hash)
    ).first()
    if found is None:
        return None
    row, user_row = found
    if row.revoked_at is not None or not user_row.active:
        return None
    return _token(row, user_row.email), _user(user_row)


def list_tokens(session: Session) -> list[ApiToken]:
    query = select(ApiTokenRow, UserRow.email).join(UserRow, UserRow.id == ApiTokenRow.user_id)
    return [_token(row, email) for row, email in session.execute(query.order_by(ApiTokenRow.id))]


def revoke_token(session: Session, token_id: int, now: datetime) -> ApiToken:
    """Marks a token revoked (kept, so the list shows when); revoking twice keeps the first time."""
    found = session.execute(
        select(ApiTokenRow, UserRow.email)
        .join(UserRow, UserRow.id == ApiTokenRow.user_id)
        .where(ApiTokenRow.id == token_id)
    ).first()
    if found is None:
        raise NotFound(f"no API token with id {token_id}")
    row, email = found
    if row.revoked_at is None:
        row.revoked_at = now
    session.flush()
    return _token(row, email)


def touch_token(session: Session, token_id: int, now: datetime) -> None:
    row = session.get(ApiTokenRow, token_id)
    if row is not None:
        row.last_used_at = now
