"""Password hashing with argon2id at the OWASP minimum (m=19456 KiB, t=2, p=1)."""

from __future__ import annotations

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

_hasher = PasswordHasher(time_cost=2, memory_cost=19456, parallelism=1, hash_len=32, salt_len=16)
# Verified when the account does not exist, so timing does not reveal which usernames exist.
_DUMMY = _hasher.hash("sisakat-dummy-password")


def hash_password(password: str) -> str:
    """An argon2id hash string (``$argon2id$v=19$m=19456,t=2,p=1$...``)."""
    return _hasher.hash(password)


def verify_password(stored: str | None, password: str) -> bool:
    """True when ``password`` matches ``stored``; runs a dummy check when there is no hash."""
    try:
        return _hasher.verify(stored or _DUMMY, password) and stored is not None
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def needs_rehash(stored: str) -> bool:
    """True when the parameters changed since the hash was made."""
    return _hasher.check_needs_rehash(stored)
