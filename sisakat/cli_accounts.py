"""Account commands: ``flask --app app create-admin`` and ``flask --app app reset-password``.

There are no default accounts: the first super admin is made here, with a password from
``SISAKAT_ADMIN_PASSWORD`` or typed twice at a hidden prompt, under the normal password policy.
"""

from __future__ import annotations

import os
import re
import sys
from typing import NoReturn

import click

from sisakat.exceptions import DomainError
from sisakat.extensions import db
from sisakat.models import Role
from sisakat.services import users
from sisakat.services.passwords import password_problem

PASSWORD_ENV = "SISAKAT_ADMIN_PASSWORD"  # noqa: S105 - the variable name, not a password


def _password() -> str:
    """The password from the environment, or from a hidden prompt with confirmation (asked
    again, in Bahasa Indonesia, until both match: click's own confirmation says it in English)."""
    from_env = os.environ.get(PASSWORD_ENV)
    if from_env:
        return from_env
    while True:
        first = click.prompt("Kata sandi", hide_input=True, type=str)
        if click.prompt("Ulangi kata sandi", hide_input=True, type=str) == first:
            return first
        click.echo("Kata sandi tidak sama; ketik lagi.", err=True)


def _refuse(message: str) -> NoReturn:
    """Exit 1 with ``GAGAL: <message>``, as the other commands refuse (not click's "Error:")."""
    db.session.rollback()
    click.echo(f"GAGAL: {message}", err=True)
    sys.exit(1)


def _shape_problem(username: str, email: str, name: str) -> str | None:
    """The checks the admin's "Pengguna baru" form makes on the same values (user_forms)."""
    from sisakat.admin.user_forms import USERNAME_MESSAGE, USERNAME_PATTERN
    from sisakat.auth.forms import NOT_PLAIN_EMAIL
    from sisakat.services.contact_rules import EMAIL_PATTERN, is_plain_email

    if not re.match(USERNAME_PATTERN, username.strip()):
        return USERNAME_MESSAGE
    if len(email.strip()) > 254 or not re.match(EMAIL_PATTERN, email.strip()):
        return "Alamat e-mail tidak valid."
    if not is_plain_email(email.strip()):
        return NOT_PLAIN_EMAIL
    if len(name) > 120:
        return "Nama lengkap maksimal 120 karakter."
    return None


@click.command("create-admin")
@click.option("--username", required=True, help="Nama pengguna super admin.")
@click.option("--email", required=True, help="E-mail super admin.")
@click.option("--name", default="", help="Nama lengkap (boleh kosong).")
def create_admin(username: str, email: str, name: str) -> None:
    """Create a super admin account (password from SISAKAT_ADMIN_PASSWORD or a prompt)."""
    shape = _shape_problem(username, email, name)
    if shape:
        _refuse(shape)
    password = _password()
    problem = password_problem(password, identities=(username, email))
    if problem:
        _refuse(problem)
    try:
        users.create_staff(
            actor=None,
            username=username,
            email=email,
            full_name=name or username,
            role=Role.SUPERADMIN,
            password=password,
        )
        db.session.commit()
    except DomainError as exc:
        _refuse(exc.message)
    click.echo(f"Super admin '{username.strip().lower()}' dibuat.")


@click.command("reset-password")
@click.option("--username", required=True, help="Nama pengguna atau e-mail akun.")
def reset_password(username: str) -> None:
    """Set a new password for an account; all its sessions end."""
    try:
        user = users.find_by_username(username)
        users.reset_password(user, actor=None, password=_password())
        db.session.commit()
    except DomainError as exc:
        _refuse(exc.message)
    click.echo(f"Kata sandi '{user.username}' diganti; semua sesinya berakhir.")


COMMANDS = (create_admin, reset_password)
