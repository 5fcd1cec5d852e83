"""Accounts: authentication with rate limits, party and ormas sign-up, password changes, session
epochs."""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError

from sisakat.exceptions import DomainError
from sisakat.extensions import db
from sisakat.models import ApplicantKind, Party, PartyOfficer, Role, User, utcnow
from sisakat.services import audit, duplicates, office, ratelimit
from sisakat.services.passwords import check_policy, hash_password, needs_rehash, verify_password
from sisakat.services.ratelimit import Limit

# Failures only (a success resets the account's counter). Fixed 15-minute windows: the real owner
# logs in once the window has passed; there is never a permanent lockout an attacker could cause.
LOGIN_ACCOUNT_LIMIT = Limit(hits=5, seconds=15 * 60)
LOGIN_IP_LIMIT = Limit(hits=20, seconds=15 * 60)
# New applicant accounts per address and hour. Generous: on a sign-up day every party and
# ormas in the hall shares the office Wi-Fi's one address; it only stops a script.
REGISTER_IP_LIMIT = Limit(hits=30, seconds=3600)
REGISTER_THROTTLED = (
    "Terlalu banyak akun baru dari alamat jaringan ini dalam satu jam. Coba lagi nanti atau "
    "hubungi petugas."
)
# Sign-ups refused because the e-mail is taken, per address and hour. The login form answers
# alike for unknown and known accounts; without this limit the sign-up's "sudah terdaftar" told a
# script, without end, which boards' e-mails have accounts. Past it every sign-up from that
# address waits, so a new e-mail is answered like a taken one.
REGISTER_TAKEN_LIMIT = Limit(hits=20, seconds=3600)
REGISTER_TAKEN_THROTTLED = (
    "Terlalu banyak pendaftaran ditolak dari alamat jaringan ini dalam satu jam karena e-mailnya "
    "sudah terdaftar. Bila akun Anda sudah ada, silakan masuk; bila lupa kata sandi, hubungi "
    "petugas."
)
THROTTLED_MESSAGE = (
    "Terlalu banyak percobaan masuk yang gagal. Tunggu 15 menit lalu coba lagi, "
    "atau hubungi petugas bila Anda lupa kata sandi."
)
EMAIL_TAKEN = "E-mail ini sudah terdaftar. Silakan masuk, atau gunakan e-mail lain."
EMAIL_TAKEN_STAFF = "E-mail ini sudah terdaftar pada akun lain. Gunakan e-mail lain."
USERNAME_MAX = 64  # the users.username column; a Pemohon's e-mail is also its username


class LoginThrottled(DomainError):
    """Too many failed logins for this account or from this address."""


class RegistrationThrottled(DomainError):
    """Too many new accounts from this address."""


class AccountError(DomainError):
    """An account rule was broken (duplicate e-mail, weak password, ...)."""


class EmailTaken(AccountError):
    """The e-mail of a sign-up already has an account (counted per address: the caller commits
    the refusal, which wrote nothing else)."""


class SimilarOrmasExists(DomainError):
    """An ormas alike the one signing up exists; the applicant must confirm to go on."""

    def __init__(self, similar: list[duplicates.SimilarOrmas]):
        super().__init__(
            "Sudah ada ormas terdaftar yang mirip dengan ormas Anda. Periksa daftar di bawah; "
            "bila ormas Anda memang berbeda, centang pernyataan lalu daftar lagi."
        )
        self.similar = similar


class WrongPassword(AccountError):
    """The current password was wrong; the failure is counted, so the caller commits."""


def find_by_login(login: str) -> User | None:
    """The user whose username or e-mail (case-insensitive) is ``login``."""
    key = login.strip().lower()
    return db.session.execute(
        db.select(User).where(
            sa.or_(sa.func.lower(User.username) == key, sa.func.lower(User.email) == key)
        )
    ).scalar_one_or_none()


def _login_keys(login: str, user: User | None, ip: str) -> tuple[str, str]:
    # Keyed by user id when the account exists, so username and e-mail share one counter; unknown
    # names get a counter too, so the answer does not reveal which accounts exist.
    account = f"login:user:{user.id}" if user else f"login:name:{login.strip().lower()[:120]}"
    return account, f"login:ip:{ip or '-'}"


def authenticate(login: str, password: str, *, ip: str = "") -> User | None:
    """The active user matching the credentials, or None; ``LoginThrottled`` when limited.

    Audited either way. The caller commits in every case, so failures are counted.
    """
    user = find_by_login(login)
    account_key, ip_key = _login_keys(login, user, ip)
    if ratelimit.is_limited(account_key, LOGIN_ACCOUNT_LIMIT) or ratelimit.is_limited(
        ip_key, LOGIN_IP_LIMIT
    ):
        audit.record("auth.login", actor=user, outcome="dibatasi", actor_label=login[:120])
        raise LoginThrottled(THROTTLED_MESSAGE)
    ok = verify_password(user.password_hash if user else None, password)
    if not ok or user is None or not user.is_active:
        ratelimit.hit(account_key, LOGIN_ACCOUNT_LIMIT)
        ratelimit.hit(ip_key, LOGIN_IP_LIMIT)
        audit.record("auth.login", actor=user, outcome="gagal", actor_label=login[:120])
        return None
    ratelimit.reset(account_key, LOGIN_ACCOUNT_LIMIT)
    if needs_rehash(user.password_hash):
        user.password_hash = hash_password(password)
    user.last_login_at = utcnow()
    audit.record("auth.login", actor=user)
    return user


def end_sessions(user: User) -> None:
    """Invalidate every session of ``user`` (copied cookies included)."""
    user.session_epoch = (user.session_epoch or 0) + 1
    db.session.flush()


def ensure_unique(
    *, username: str, email: str, exclude_id: int | None = None, email_taken: str = EMAIL_TAKEN
) -> None:
    """Raise ``AccountError`` for its field when the username or e-mail is already used
    (case-insensitive). ``email_taken``: the sign-up's words by default (it tells a board that
    may have an account to log in); an admin or the CLI passes ``EMAIL_TAKEN_STAFF``."""
    for value, message, field in (
        (email, email_taken, "email"),
        (username, "Nama pengguna ini sudah dipakai. Pilih nama pengguna lain.", "username"),
    ):
        other = find_by_login(value)
        if other is not None and other.id != exclude_id:
            raise AccountError(message, field=field)


def add_user(user: User) -> User:
    """Insert ``user``, turning a unique-constraint race into ``AccountError``."""
    try:
        with db.session.begin_nested():
            db.session.add(user)
    except IntegrityError as exc:
        raise AccountError(EMAIL_TAKEN) from exc
    return user


def set_password(user: User, password: str) -> None:
    """Check the policy, store a fresh hash and end every other session of ``user``."""
    check_policy(password, identities=(user.username, user.email))
    user.password_hash = hash_password(password)
    user.password_changed_at = utcnow()
    end_sessions(user)


def applicant_username(email: str) -> str:
    """A Pemohon's username: its e-mail, which must then fit the username column."""
    if len(email) > USERNAME_MAX:
        raise AccountError(
            f"E-mail akun pemohon juga menjadi nama pengguna, jadi paling banyak {USERNAME_MAX} "
            "karakter. Gunakan alamat e-mail yang lebih pendek."
        )
    return email


def _new_applicant(email: str, password: str, display_name: str, ip: str) -> User:
    """A Pemohon account (the e-mail is also its username), not yet added to the session.

    Counts against the address's sign-up limit in the caller's transaction, so only accounts
    actually created count."""
    key, taken_key = f"register:ip:{ip or '-'}", f"register:taken:ip:{ip or '-'}"
    if ratelimit.is_limited(key, REGISTER_IP_LIMIT):
        raise RegistrationThrottled(REGISTER_THROTTLED)
    if ratelimit.is_limited(taken_key, REGISTER_TAKEN_LIMIT):
        raise RegistrationThrottled(REGISTER_TAKEN_THROTTLED)
    check_policy(password, identities=(email,))
    try:
        ensure_unique(username=applicant_username(email), email=email)
    except AccountError as exc:
        ratelimit.hit(taken_key, REGISTER_TAKEN_LIMIT)
        raise EmailTaken(exc.message) from None
    ratelimit.hit(key, REGISTER_IP_LIMIT)
    return User(
        username=email,
        email=email,
        full_name=display_name[:120],  # display name only; the full name lives on Party
        role=Role.PEMOHON,
        password_hash=hash_password(password),
        password_changed_at=utcnow(),
    )


def register_party(*, board_name: str, email: str, password: str, ip: str = "") -> User:
    """Create a Pemohon account (the e-mail is also its username) with its party board row; at
    a one-level office the board is of that level from the start (``office.only_level``)."""
    user = _new_applicant(email.strip().lower(), password, board_name, ip)
    user.party = Party(board_name=board_name, level=office.only_level())
    add_user(user)
    db.session.flush()
    audit.record("account.register", actor=user, object_type="party", object_id=user.party.id)
    return user


def register_ormas(
    *,
    name: str,
    abbreviation: str,
    chair: str,
    email: str,
    password: str,
    confirmed_similar: bool = False,
    ip: str = "",
) -> User:
    """Create a Pemohon account for an ormas: its applicant row (kind ormas) with the Ketua.

    When an ormas alike by name, abbreviation or chair exists (``duplicates``) and the applicant
    has not confirmed, ``SimilarOrmasExists`` lists them and nothing is created.
    """
    email = email.strip().lower()
    user = _new_applicant(email, password, name, ip)
    similar = duplicates.similar_ormas(name=name, abbreviation=abbreviation, chair=chair)
    if similar and not confirmed_similar:
        raise SimilarOrmasExists(similar)
    user.party = Party(
        kind=ApplicantKind.ORMAS, board_name=name, party_name=name, abbreviation=abbreviation
    )
    user.party.officers.append(PartyOfficer(position="Ketua", name=chair, sort_order=0))
    add_user(user)
    db.session.flush()
    audit.record(
        "account.register",
        actor=user,
        object_type="party",
        object_id=user.party.id,
        details={"kind": "ormas", "similar_confirmed": [s.party_id for s in similar]},
    )
    return user


def change_password(user: User, *, current: str, new: str) -> None:
    """Change the user's own password; every other session of the account ends.

    A wrong current password counts as a failed login, so a stolen session cannot be used to
    guess the password without limit (``LoginThrottled`` / ``WrongPassword``).
    """
    account_key = f"login:user:{user.id}"
    if ratelimit.is_limited(account_key, LOGIN_ACCOUNT_LIMIT):
        raise LoginThrottled(THROTTLED_MESSAGE)
    if not verify_password(user.password_hash, current):
        ratelimit.hit(account_key, LOGIN_ACCOUNT_LIMIT)
        audit.record("account.change_password", actor=user, outcome="gagal")
        raise WrongPassword("Kata sandi saat ini salah.", field="current")
    if verify_password(user.password_hash, new):
        raise AccountError(
            "Kata sandi baru harus berbeda dari kata sandi saat ini.", field="password"
        )
    set_password(user, new)
    user.must_change_password = False  # now only the owner knows it
    audit.record("account.change_password", actor=user, object_type="user", object_id=user.id)
