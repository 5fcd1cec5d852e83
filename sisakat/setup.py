"""Wire extensions, database setup, templating, errors, CLI and blueprints onto an app."""

from __future__ import annotations

import importlib

from flask import Flask

from sisakat import (
    converters,
    db_setup,
    errors,
    extensions,
    form_messages,
    sessions,
    templating,
    web,
)

# Blueprint packages; each exposes ``bp`` (created in its routes.py).
BLUEPRINTS = (
    "sisakat.public",
    "sisakat.auth",
    "sisakat.submission",
    "sisakat.verification",
    "sisakat.admin",
    "sisakat.reports",
    "sisakat.signing",
)


def init_all(app: Flask) -> None:
    """Bind everything, in dependency order."""
    from sisakat import cli  # noqa: F401 - keeps import order explicit

    app.config["SQLALCHEMY_ENGINE_OPTIONS"] = {
        **db_setup.engine_options(app.config["SQLALCHEMY_DATABASE_URI"]),
        **app.config.get("SQLALCHEMY_ENGINE_OPTIONS", {}),
    }
    extensions.db.init_app(app)
    extensions.migrate.init_app(app, extensions.db, directory=str(_migrations_dir()))
    extensions.login_manager.init_app(app)
    extensions.csrf.init_app(app)
    form_messages.install()
    db_setup.init_app(app)
    sessions.init_app(app)
    web.init_app(app)
    templating.init_app(app)
    errors.init_app(app)
    cli.init_app(app)
    converters.init_app(app)  # before the blueprints: their <int:> rules use it
    for dotted in BLUEPRINTS:
        app.register_blueprint(importlib.import_module(dotted).bp)


def _migrations_dir():
    from sisakat.config import ROOT

    return ROOT / "migrations"
