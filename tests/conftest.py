"""Shared fixtures: a real database per test (SQLite file by default, or the server in
``SISAKAT_TEST_DATABASE_URL``), temp instance and uploads folders, clients and login helpers."""

from __future__ import annotations

import contextvars
import os
import secrets
import shutil
from pathlib import Path

import pytest
import sqlalchemy as sa
from flask import has_app_context
from flask.testing import FlaskClient

from sisakat import create_app
from sisakat.extensions import db
from tests import factories

SERVER_URL = os.environ.get("SISAKAT_TEST_DATABASE_URL", "").strip()
BASE_URL = "https://sisakat.kesbangpol.example.test"


def require_or_skip(reason: str) -> None:
    """Skip with a visible reason locally; fail in CI (``SISAKAT_REQUIRE_ALL=1``)."""
    if os.environ.get("SISAKAT_REQUIRE_ALL") == "1":
        pytest.fail(f"wajib tersedia di CI: {reason}")
    pytest.skip(reason)


def base_config(tmp: Path, **extra) -> dict:
    """Test configuration: real files in a temp folder, CSRF off (on in the CSRF suite)."""
    config = {
        "TESTING": True,
        "SECRET_KEY": secrets.token_urlsafe(48),
        "DATABASE_URL": SERVER_URL or f"sqlite:///{tmp / 'sisakat.db'}",
        "UPLOAD_FOLDER": str(tmp / "uploads"),
        "WTF_CSRF_ENABLED": False,
        "PUBLIC_BASE_URL": BASE_URL,
        "SERVER_NAME": None,
    }
    config.update(extra)
    return config


def _has_migrations() -> bool:
    versions = Path(__file__).resolve().parent.parent / "migrations" / "versions"
    return versions.is_dir() and any(versions.glob("*.py"))


def build_schema(app) -> None:
    """Create the schema: through the migrations when they exist, else from the models."""
    with app.app_context():
        if _has_migrations():
            from flask_migrate import upgrade

            upgrade()
        else:
            db.create_all()


def wipe_server_database(app) -> None:
    """Drop everything in the server test database (start of the session)."""
    with app.app_context():
        meta = sa.MetaData()
        meta.reflect(bind=db.engine)
        meta.drop_all(bind=db.engine)
        db.session.remove()


@pytest.fixture(scope="session")
def template_db(tmp_path_factory) -> Path | None:
    """SQLite: one schema built per session, copied for each test. Server DB: built once."""
    tmp = tmp_path_factory.mktemp("template")
    os.environ["SISAKAT_INSTANCE_PATH"] = str(tmp)
    app = create_app(base_config(tmp))
    if SERVER_URL:
        wipe_server_database(app)
        build_schema(app)
        with app.app_context():
            db.engine.dispose()
        return None
    build_schema(app)
    with app.app_context():
        db.engine.dispose()
    return tmp / "sisakat.db"


def _empty_server_tables(app) -> None:
    with app.app_context():
        db.session.remove()
        with db.engine.begin() as conn:
            for table in reversed(db.metadata.sorted_tables):
                conn.execute(table.delete())
        # The migrations seed the built-in services; put them back as SQLite's template has them.
        from sisakat.services import catalog

        catalog.ensure_defaults()
        db.session.commit()
        db.session.remove()
        db.engine.dispose()


class IsolatedClient(FlaskClient):
    """Runs every request in its own context (own app context, ``g`` and DB session), as in
    production. The test's own session is committed before each request (so the request sees
    what the test made) and expired after it (so the test reads what the request wrote)."""

    def open(self, *args, **kwargs):
        """Issue the request outside the test's app context."""
        if has_app_context():
            db.session.commit()
        response = contextvars.Context().run(super().open, *args, **kwargs)
        if has_app_context():
            db.session.commit()
            db.session.expire_all()
        return response


def make_app(tmp_path: Path, template_db: Path | None, **extra):
    """A fresh app over a fresh database copy and empty instance/uploads folders."""
    os.environ["SISAKAT_INSTANCE_PATH"] = str(tmp_path / "instance")
    (tmp_path / "instance").mkdir(exist_ok=True)
    if template_db is not None:
        shutil.copyfile(template_db, tmp_path / "sisakat.db")
    application = create_app(base_config(tmp_path, **extra))
    application.test_client_class = IsolatedClient
    return application


@pytest.fixture
def app(tmp_path, template_db):
    """The application under test, inside an app context."""
    application = make_app(tmp_path, template_db)
    with application.app_context():
        yield application
        db.session.remove()
        db.engine.dispose()
    if SERVER_URL:
        _empty_server_tables(application)


@pytest.fixture
def csrf_app(tmp_path, template_db):
    """Like ``app`` but with CSRF protection on."""
    application = make_app(tmp_path, template_db, WTF_CSRF_ENABLED=True)
    with application.app_context():
        yield application
        db.session.remove()
        db.engine.dispose()
    if SERVER_URL:
        _empty_server_tables(application)


@pytest.fixture
def client(app):
    """A test client."""
    return app.test_client()


@pytest.fixture
def runner(app):
    """A CLI runner."""
    return app.test_cli_runner()


@pytest.fixture
def login_as():
    """``login_as(user, client=None)`` puts ``user`` in a client's session (no password needed)."""

    def _login(user, client=None):
        from flask import current_app

        from sisakat.services import clock

        c = client or current_app.test_client()
        now = clock.timestamp()  # the app's clock, so a test that freezes it stays logged in
        with c.session_transaction() as sess:
            sess["_user_id"] = user.get_id()
            sess["_fresh"] = True
            sess["login_at"] = now
            sess["seen_at"] = now
        return c

    return _login


@pytest.fixture
def make():
    """The factories module (``make.user(role=...)``)."""
    return factories


def pytest_sessionfinish(session, exitstatus):
    """Drop the operations tests' scratch databases this run created (tests/ops/helpers.py)."""
    import sys

    helpers = sys.modules.get("tests.ops.helpers")
    if helpers is not None:
        helpers.drop_scratch_databases()
