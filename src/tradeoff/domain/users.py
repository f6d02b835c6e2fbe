"""The people who sign in to the web app, what each may do, and their sessions.

No I/O and no cryptography here: hashing and token generation belong to the web layer, so
the domain only says what a valid account looks like and which role can do what.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from tradeoff.domain.rules import RuleViolation, member, now_utc, required_text, utc

#: ASVS 6.2.1: at least 8 characters; longer passphrases are always allowed.
MIN_PASSWORD_LENGTH = 8
#: A cap so a megabyte "password" cannot make argon2 chew memory on every login.
MAX_PASSWORD_LENGTH = 256

#: ASVS 6.2.4: the passwords every credential-stuffing list starts with.
COMMON_PASSWORDS = frozenset(
    {
        "password",
        "password1",
        "password123",
        "12345678",
        "123456789",
        "1234567890",
        "qwertyuiop",
        "qwerty123",
        "iloveyou",
        "11111111",
        "00000000",
        "abc12345",
        "letmein1",
        "welcome1",
        "admin123",
        "changeme",
        "trustno1",
        "sunshine",
        "football",
        "baseball",
        "princess",
        "passw0rd",
        "p@ssw0rd",
        "tradeoff",
    }
)


class Role(StrEnum):
    """Admins manage users and settings, editors change the product data, viewers read."""

    ADMIN = "admin"
    EDITOR = "editor"
    VIEWER = "viewer"

    def allows(self, needed: Role) -> bool:
        """Roles are nested: an admin may do what an editor may, an editor what a viewer may.

        >>> Role.EDITOR.allows(Role.VIEWER), Role.VIEWER.allows(Role.EDITOR)
        (True, False)
        """
        return RANK[self] >= RANK[needed]


RANK = {Role.VIEWER: 0, Role.EDITOR: 1, Role.ADMIN: 2}


def normalise_email(value: str) -> str:
    """Emails are compared case-folded, so 'Ana@Example.com' cannot be a second account."""
    email = required_text("email", value).casefold()
    local, at, domain = email.rpartition("@")
    if not at or not local or "." not in domain or any(c.isspace() for c in email):
        raise RuleViolation("email", f"is not an email address: {value!r}")
    if len(email) > 320:
        raise RuleViolation("email", "is longer than 320 characters")
    return email


def check_password(password: str) -> str:
    """Refuses passwords that are too short, too long or on the common-passwords list."""
    if len(password) < MIN_PASSWORD_LENGTH:
        raise RuleViolation("password", f"must be at least {MIN_PASSWORD_LENGTH} characters")
    if len(password) > MAX_PASSWORD_LENGTH:
        raise RuleViolation("password", f"must be at most {MAX_PASSWORD_LENGTH} characters")
    if password.casefold() in COMMON_PASSWORDS:
        raise RuleViolation("password", "is one of the most common passwords; choose another")
    return password


@dataclass(kw_only=True)
class User:
    id: int | None = None
    email: str
    password_hash: str = field(repr=False)
    role: Role
    active: bool = True
    created_at: datetime = field(default_factory=now_utc)

    def __post_init__(self) -> None:
        self.email = normalise_email(self.email)
        self.password_hash = required_text("password_hash", self.password_hash)
        self.role = member("role", Role, self.role)
        self.created_at = utc("created_at", self.created_at) or now_utc()


@dataclass(kw_only=True)
class WebSession:
    """A signed-in browser. ``id`` is the SHA-256 of the cookie value, never the value."""

    id: str
    user_id: int
    csrf_token: str = field(repr=False)
    created_at: datetime
    last_seen_at: datetime
    expires_at: datetime

    def is_live(self, now: datetime) -> bool:
        return now < self.expires_at
