"""Helpers for the operations tests: seed every table we know, compare databases, fresh apps."""

from __future__ import annotations

import hashlib
import os
import secrets
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import make_url

from sisakat import create_app
from sisakat.config import ROOT
from sisakat.extensions import db
from sisakat.models import FileKind, Role
from sisakat.services import audit, dataset, ratelimit, settings, storage
from tests import factories
from tests.conftest import BASE_URL, IsolatedClient, require_or_skip

# Scratch databases carry this checkout's tag: two test runs from two checkouts on one machine
# (a CI clone beside a working tree) never drop each other's databases. Each one a run creates
# is dropped when the run ends (``drop_scratch_databases``, from tests/conftest.py).
RUN_TAG = hashlib.sha256(str(ROOT.resolve()).encode()).hexdigest()[:8]
_CREATED: set[str] = set()


def scratch_url(base: str, role: str) -> str:
    """``base`` (a server URL) pointing at this checkout's scratch database for ``role``."""
    return make_url(base).set(database=f"sisakat_ops_{role}_{RUN_TAG}").render_as_string(False)


PG_URL = os.environ.get("SISAKAT_TEST_PG_TARGET_URL") or scratch_url(
    "postgresql+psycopg://postgres@127.0.0.1:5432/x", "target"
)
MARIADB_URL = os.environ.get("SISAKAT_TEST_MARIADB_TARGET_URL") or scratch_url(
    "mysql+pymysql://root@127.0.0.1:3306/x?charset=utf8mb4", "target"
)


def run_python(args: list[str], env: dict, timeout: int = 300) -> str:
    """Run this interpreter with ``args`` from the project root; its stdout, or the test fails
    with the end of its stderr."""
    out = subprocess.run(
        [sys.executable, *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout
    )
    assert out.returncode == 0, out.stderr[-3000:]
    return out.stdout


def seed_everything(tag: str = "a") -> dict:
    """Rows in every table of the spine (users, parties, officers, files, settings, audit...)."""
    admin = factories.user(Role.SUPERADMIN)
    party = factories.party()
    files = [
        storage.save_bytes(
            f"%PDF-1.4 contoh {tag} {i} ".encode() + secrets.token_bytes(2048),
            kind=FileKind.REQUIREMENT,
            content_type="application/pdf",
            display_name=f"ktp-{i}.pdf",
            uploaded_by=party.account,
        )
        for i in range(3)
    ]
    party.logo_file_id = files[0].id
    settings.update({"agency.city": "Kota Contoh", "backup.keep": 5}, actor=admin)
    audit.record("test.seed", actor=admin, details={"tag": tag})
    ratelimit.hit("login:ip:192.0.2.1", ratelimit.Limit(hits=5, seconds=600))
    db.session.commit()
    return {"admin": admin, "party": party, "files": files}


def state() -> dict:
    """Row counts and checksums of every table in the current app's database."""
    db.session.remove()
    with db.engine.connect() as conn:
        return dataset.summarise(conn)


def office_settings() -> dict[str, str]:
    """Every setting but the ``backup.*`` record, which a backup and a restore each rewrite (a
    restore records the archive it came from as the last backup)."""
    from sisakat.models import Setting

    rows = db.session.execute(db.select(Setting.key, Setting.value)).all()
    db.session.remove()  # end the read: a backup or restore that follows writes
    return {key: value for key, value in rows if not key.startswith("backup.")}


def files_match_rows() -> bool:
    """Every unpurged StoredFile row has its file with the recorded SHA-256."""
    from sisakat.models import StoredFile

    rows = db.session.execute(db.select(StoredFile).where(StoredFile.purged_at.is_(None)))
    for row in rows.scalars():
        path = storage.path_of(row)
        if not path.is_file() or hashlib.sha256(path.read_bytes()).hexdigest() != row.sha256:
            return False
    return True


def fresh_app(tmp: Path, url: str | None = None, **extra):
    """An app over an empty database (a new SQLite file unless ``url``) and empty folders."""
    tmp.mkdir(parents=True, exist_ok=True)
    config = {
        "TESTING": True,
        "SECRET_KEY": secrets.token_urlsafe(48),
        "DATABASE_URL": url or f"sqlite:///{tmp / 'sisakat.db'}",
        "UPLOAD_FOLDER": str(tmp / "uploads"),
        "WTF_CSRF_ENABLED": False,
        "PUBLIC_BASE_URL": BASE_URL,
    }
    config.update(extra)
    os.environ["SISAKAT_INSTANCE_PATH"] = str(tmp / "instance")
    app = create_app(config)
    app.test_client_class = IsolatedClient
    return app


def empty_server_database(url: str) -> None:
    """Create ``url``'s database if needed and drop every table in it (skip when unreachable)."""
    import importlib.util

    from sisakat.config import ROOT

    spec = importlib.util.spec_from_file_location("prepare", ROOT / "scripts/prepare_test_db.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    if module.main(url) != 0:
        require_or_skip(f"server database tidak tersedia: {make_url(url).get_backend_name()}")
    if make_url(url).database.endswith(RUN_TAG):
        _CREATED.add(url)
    engine = sa.create_engine(url)
    meta = sa.MetaData()
    meta.reflect(bind=engine)
    meta.drop_all(bind=engine)
    engine.dispose()


server_db = pytest.mark.server_db


@contextmanager
def latin1_server_database(url: str) -> Iterator[None]:
    """``url``'s database recreated in LATIN1 (a hosting panel's default, or step 1 of the move
    skipped) for the block; recreated empty in UTF-8 afterwards."""
    empty_server_database(url)  # skips when the server is unreachable
    target = make_url(url)
    is_pg = target.get_backend_name() == "postgresql"
    charset = "ENCODING 'LATIN1' LC_COLLATE 'C' LC_CTYPE 'C' TEMPLATE template0"
    create = f"CREATE DATABASE {target.database} " + (charset if is_pg else "CHARACTER SET latin1")
    _admin_execute(url, [f"DROP DATABASE {target.database}", create])
    try:
        yield
    finally:
        force = " WITH (FORCE)" if is_pg else ""  # a failed test may leave a session open
        _admin_execute(url, [f"DROP DATABASE IF EXISTS {target.database}{force}"])
        empty_server_database(url)


def _admin_execute(url: str, statements: list[str]) -> None:
    target = make_url(url)
    admin = target._replace(
        database="postgres" if target.get_backend_name() == "postgresql" else None
    )
    engine = sa.create_engine(admin, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        for statement in statements:
            conn.execute(sa.text(statement))
    engine.dispose()


def drop_scratch_databases() -> None:
    """Drop the scratch databases this run created (best effort: the run's result stands)."""
    for url in sorted(_CREATED):
        target = make_url(url)
        force = " WITH (FORCE)" if target.get_backend_name() == "postgresql" else ""
        with suppress(sa.exc.SQLAlchemyError):
            _admin_execute(url, [f"DROP DATABASE IF EXISTS {target.database}{force}"])
    _CREATED.clear()
