"""First-run preparation of the instance folder (office laptop mode)."""

from __future__ import annotations

import os
import secrets
from pathlib import Path

from flask import Config

from sisakat import config


def ensure_instance() -> Path:
    """Create instance/ and, on the default SQLite setup only, a random ``secret_key`` (0600).

    A hosted install (any other database URL) must bring its own key: ``SISAKAT_SECRET_KEY`` or
    ``instance/config.py``. Returns the instance path.
    """
    path = Path(config.instance_path())
    path.mkdir(parents=True, exist_ok=True)
    (path / "logs").mkdir(exist_ok=True)
    key_file = path / "secret_key"
    # A laptop's config.py may set only PUBLIC_BASE_URL (PANDUAN §2): still the SQLite setup.
    own = config_file_settings(path)
    uses_default_db = not os.environ.get("SISAKAT_DATABASE_URL") and not own.get("DATABASE_URL")
    has_key = os.environ.get("SISAKAT_SECRET_KEY") or own.get("SECRET_KEY")
    if uses_default_db and not has_key and not key_file.exists():
        fd = os.open(key_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(secrets.token_urlsafe(48))
    return path


def config_file_settings(path: Path) -> Config:
    """The settings ``instance/config.py`` assigns (empty when there is none)."""
    settings = Config(str(path))
    settings.from_pyfile("config.py", silent=True)
    return settings
