"""Installation checks used by ``flask check`` (and ``--deploy`` for hosted servers)."""

from __future__ import annotations

import os
from pathlib import Path

from flask import Flask
from sqlalchemy.exc import SQLAlchemyError

from sisakat import config
from sisakat.extensions import db


def _database(problems: list[str], notes: list[str]) -> None:
    try:
        db.session.execute(db.text("SELECT 1"))
        notes.append("database dapat dihubungi")
    except SQLAlchemyError as exc:
        problems.append(f"database tidak dapat dihubungi: {exc.__class__.__name__}")
        return
    try:
        from alembic.migration import MigrationContext
        from alembic.script import ScriptDirectory
        from flask_migrate import Migrate

        current = MigrationContext.configure(db.session.connection()).get_current_heads()
        migrate: Migrate = __import__("flask").current_app.extensions["migrate"]
        script = ScriptDirectory.from_config(migrate.migrate.get_config())
        heads = set(script.get_heads())
        if set(current) != heads:
            problems.append("skema database belum mutakhir: jalankan `flask --app app db upgrade`")
        else:
            notes.append("skema database mutakhir")
    except Exception as exc:  # noqa: BLE001 - report any failure to inspect migrations
        problems.append(f"tidak dapat memeriksa migrasi: {exc}")


def _uploads(app: Flask, problems: list[str], notes: list[str]) -> None:
    folder = Path(app.config["UPLOAD_FOLDER"])
    try:
        folder.mkdir(parents=True, exist_ok=True)
        probe = folder / ".write-test"
        probe.write_bytes(b"ok")
        probe.unlink()
        notes.append(f"folder unggahan dapat ditulis ({folder})")
    except OSError as exc:
        problems.append(f"folder unggahan tidak dapat ditulis: {exc}")


def _deploy(app: Flask, problems: list[str], notes: list[str]) -> None:
    if app.debug:
        problems.append("DEBUG aktif")
    if config.is_weak_secret(app.config.get("SECRET_KEY")):
        problems.append("SECRET_KEY lemah atau tidak ada")
    if not app.config.get("SESSION_COOKIE_SECURE"):
        problems.append(
            "SESSION_COOKIE_SECURE mati (setel SISAKAT_SESSION_COOKIE_SECURE=1 di balik HTTPS)"
        )
    if not app.config.get("TRUSTED_HOSTS"):
        problems.append("TRUSTED_HOSTS belum disetel")
    base = app.config.get("PUBLIC_BASE_URL", "")
    if not base.startswith("https://"):
        problems.append("PUBLIC_BASE_URL harus https:// di server hosting")
    if (Path(config.ROOT) / ".git").exists() and os.environ.get("SISAKAT_ALLOW_GIT") != "1":
        notes.append(
            "folder .git ada di samping aplikasi (pastikan tidak disajikan oleh web server)"
        )
    if not problems:
        notes.append("pengaturan hosting aman")


def check(app: Flask, *, deploy: bool) -> tuple[list[str], list[str]]:
    """Return (problems, notes)."""
    problems: list[str] = []
    notes: list[str] = []
    _database(problems, notes)
    _uploads(app, problems, notes)
    if not app.config.get("PUBLIC_BASE_URL"):
        message = "PUBLIC_BASE_URL belum disetel (alamat publik untuk kode QR surat)"
        (problems if deploy else notes).append(message if deploy else f"PERINGATAN: {message}")
    else:
        notes.append(f"PUBLIC_BASE_URL = {app.config['PUBLIC_BASE_URL']}")
    if deploy:
        _deploy(app, problems, notes)
    return problems, notes
