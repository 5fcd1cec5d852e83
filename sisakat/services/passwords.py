"""Passwords: argon2id hashing at the OWASP minimum (m=19456 KiB, t=2, p=1) and the policy."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from sisakat.exceptions import DomainError

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


# --- policy ---------------------------------------------------------------------------------
# NIST SP 800-63B / OWASP: length over composition. At least 8, long passphrases welcome (the cap
# only bounds hashing work), no "one capital, one digit" rules, common and personal ones refused.
MIN_LENGTH = 8
MAX_LENGTH = 128
COMMON_FILE = Path(__file__).resolve().parent.parent / "data" / "common_passwords.txt"


class WeakPassword(DomainError):
    """The password breaks the policy; the message says why, in Indonesian."""


@lru_cache(maxsize=1)
def common_passwords() -> frozenset[str]:
    """The vendored list of common passwords, lower-case (read once, on first use)."""
    lines = COMMON_FILE.read_text(encoding="utf-8").splitlines()
    return frozenset(x.strip().lower() for x in lines if x.strip() and not x.startswith("#"))


def _is_common(password: str) -> bool:
    lowered = password.lower()
    # "Bismillah2024!" is as guessable as "bismillah": strip trailing digits and punctuation.
    stem = lowered.rstrip("0123456789!@#$%^&*.?_- ")
    common = common_passwords()
    return lowered in common or (len(stem) >= 4 and stem in common) or len(set(lowered)) <= 2


def password_problem(password: str, *, identities: tuple[str, ...] = ()) -> str | None:
    """Why ``password`` is refused (Indonesian), or None when it is acceptable.

    ``identities`` are the account's username, e-mail and name: a password equal to (or made of)
    one of them is refused.
    """
    if len(password) < MIN_LENGTH:
        return f"Kata sandi minimal {MIN_LENGTH} karakter."
    if len(password) > MAX_LENGTH:
        return f"Kata sandi maksimal {MAX_LENGTH} karakter."
    if _is_common(password):
        return "Kata sandi ini terlalu umum dan mudah ditebak. Pilih kata sandi lain."
    lowered = password.lower()
    for ident in identities:
        ident = (ident or "").strip().lower()
        if ident and (lowered == ident or lowered == ident.split("@")[0]):
            return "Kata sandi tidak boleh sama dengan nama pengguna atau e-mail."
    return None


def check_policy(password: str, *, identities: tuple[str, ...] = ()) -> None:
    """Raise ``WeakPassword`` when ``password`` breaks the policy."""
    problem = password_problem(password, identities=identities)
    if problem:
        raise WeakPassword(problem, field="password")
