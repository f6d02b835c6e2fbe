"""Password hashing with argon2id at the parameters ASVS 11.4.2 asks for.

The CLI and the web app both hash here, so an account made by ``tradeoff user add`` logs in
through the browser with the same parameters.
"""

from __future__ import annotations

from argon2 import PasswordHasher, Type
from argon2.exceptions import InvalidHashError, VerificationError

from tradeoff.domain.users import check_password

#: m = 19 MiB, t = 2, p = 1: OWASP's minimum for argon2id.
HASHER = PasswordHasher(time_cost=2, memory_cost=19 * 1024, parallelism=1, type=Type.ID)

#: Verified against when the email is unknown, so both failures take the same time and a
#: stopwatch cannot tell which emails have accounts.
_DUMMY_HASH = HASHER.hash("not a real password, only here for timing")


def hash_password(password: str) -> str:
    """The argon2id hash of a password that passes the domain's rules (length, common list)."""
    return HASHER.hash(check_password(password))


def verify_password(password_hash: str | None, password: str) -> bool:
    """True when the password matches; ``None`` (no such user) costs the same and is False."""
    try:
        return HASHER.verify(password_hash or _DUMMY_HASH, password) and password_hash is not None
    except (VerificationError, InvalidHashError):
        return False


def needs_rehash(password_hash: str) -> bool:
    return HASHER.check_needs_rehash(password_hash)
