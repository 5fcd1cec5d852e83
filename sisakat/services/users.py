"""User administration by the super admin (and the CLI): staff accounts, activation, resets."""

from __future__ import annotations

import sqlalchemy as sa

from sisakat.extensions import db
from sisakat.models import STAFF_ROLES, Role, User
from sisakat.services import accounts, audit, concurrency, text_match
from sisakat.services.accounts import AccountError
from sisakat.services.passwords import check_policy, hash_password

PER_PAGE = 25
OWN_ACCOUNT_MESSAGE = (
    "Kata sandi akun Anda sendiri diganti di menu Ubah Kata Sandi, dengan kata sandi lama."
)
EDITABLE = ("email", "full_name", "role", "position", "nip", "nik")
# Said to the admin who typed a password (``must_change_password``).
OWNER_CHANGES = "Pemiliknya wajib menggantinya dengan kata sandi sendiri saat masuk berikutnya."


def list_users(*, role: Role | None = None, search: str = "", page: int = 1):
    """One page of users, filtered by role and a case-insensitive search on name and e-mail."""
    query = db.select(User).order_by(User.role, sa.func.lower(User.username))
    if role is not None:
        query = query.where(User.role == role)
    if search:
        columns = (User.username, User.email, User.full_name)
        query = query.where(text_match.contains_any(columns, search))
    return db.paginate(query, page=page, per_page=PER_PAGE, error_out=False, count=True)


def _active_superadmins() -> int:
    return db.session.execute(
        sa.select(sa.func.count())
        .select_from(User)
        .where(User.role == Role.SUPERADMIN, User.active == sa.true())
    ).scalar_one()


def _staff_fields(role: Role, nip: str, nik: str) -> dict:
    if role not in STAFF_ROLES:
        raise AccountError("Peran tidak valid untuk akun petugas.")
    # The NIK is only needed to sign through BSrE; other roles never keep one.
    return {"nip": nip or None, "nik": (nik or None) if role == Role.PENANDATANGAN else None}


def create_staff(
    *,
    actor: User | None,
    username: str,
    email: str,
    full_name: str,
    role: Role,
    password: str,
    position: str = "",
    nip: str = "",
    nik: str = "",
) -> User:
    """Create a staff account with a password the admin typed (same policy as everyone)."""
    username, email = username.strip().lower(), email.strip().lower()
    check_policy(password, identities=(username, email))
    accounts.ensure_unique(username=username, email=email, email_taken=accounts.EMAIL_TAKEN_STAFF)
    user = User(
        username=username,
        email=email,
        full_name=full_name,
        role=role,
        position=position,
        password_hash=hash_password(password),
        must_change_password=actor is not None,  # the admin knows it; the CLI operator is the owner
        **_staff_fields(role, nip, nik),
    )
    accounts.add_user(user)
    db.session.flush()
    audit.record(
        "user.create",
        actor=actor,
        object_type="user",
        object_id=user.id,
        details={"username": username, "role": role.value},
        actor_label="" if actor else "cli",
    )
    return user


EDITABLE = ("email", "full_name", "role", "position", "nip", "nik", "active")


def seen_token(user: User) -> str:
    """The digest of the account's editable values an edit page carries (``concurrency``)."""
    return concurrency.row_token(user, EDITABLE)


def update_user(user: User, *, actor: User, seen: str | None = None, **values) -> None:
    """Edit a user's details. A Pemohon stays a Pemohon and its e-mail stays its username.
    ``seen``: the edit page's digest (``seen_token``); refused when the account changed since."""
    concurrency.check_row(seen, user, EDITABLE, object_type="user")
    email = values["email"].strip().lower()
    accounts.ensure_unique(
        username=accounts.applicant_username(email) if user.role == Role.PEMOHON else user.username,
        email=email,
        exclude_id=user.id,
        email_taken=accounts.EMAIL_TAKEN_STAFF,
    )
    if user.role == Role.PEMOHON:
        values.update(role=Role.PEMOHON, nip=None, nik=None, username=email)
    else:
        if user.role == Role.SUPERADMIN and values["role"] != Role.SUPERADMIN:
            _refuse_losing_superadmin(user, actor)
        values.update(_staff_fields(values["role"], values.get("nip"), values.get("nik")))
    values["email"] = email
    changed = sorted(k for k, v in values.items() if getattr(user, k) != v)
    for key, value in values.items():
        setattr(user, key, value)
    db.session.flush()
    # Field names only: values (NIK above all) never reach the audit trail.
    audit.record(
        "user.update",
        actor=actor,
        object_type="user",
        object_id=user.id,
        details={"fields": changed},
    )


def _refuse_losing_superadmin(user: User, actor: User | None) -> None:
    if actor is not None and user.id == actor.id:
        raise AccountError("Anda tidak dapat menonaktifkan atau menurunkan akun Anda sendiri.")
    if user.active and _active_superadmins() <= 1:
        raise AccountError("Harus selalu ada setidaknya satu super admin yang aktif.")


def set_active(user: User, active: bool, *, actor: User) -> None:
    """Activate or deactivate; deactivation ends the account's sessions at once."""
    if not active and user.role == Role.SUPERADMIN:
        _refuse_losing_superadmin(user, actor)
    if not active and user.id == actor.id:
        raise AccountError("Anda tidak dapat menonaktifkan akun Anda sendiri.")
    user.active = active
    if not active:
        accounts.end_sessions(user)
    db.session.flush()
    action = "user.activate" if active else "user.deactivate"
    audit.record(action, actor=actor, object_type="user", object_id=user.id)


def reset_password(user: User, *, actor: User | None, password: str) -> None:
    """Set a new password typed by an admin (or the CLI); every session of the account ends.
    The admin knows it, so its owner must change it at the next login; a CLI reset is made by
    the operator at the server, for themself, and leaves the account as it was.

    An admin's own password changes only with the old one (Ubah Kata Sandi): a reset here would
    skip that check, for whoever finds the session open, and log the admin out."""
    if actor is not None and actor.id == user.id:
        raise AccountError(OWN_ACCOUNT_MESSAGE)  # flashed: this page shows no reset form
    accounts.set_password(user, password)
    if actor is not None:
        user.must_change_password = True
    audit.record(
        "user.reset_password",
        actor=actor,
        object_type="user",
        object_id=user.id,
        actor_label="" if actor else "cli",
    )


def find_by_username(username: str) -> User:
    """The user with this username or e-mail, or ``AccountError``."""
    user = accounts.find_by_login(username)
    if user is None:
        raise AccountError(f"Pengguna '{username}' tidak ditemukan.")
    return user
