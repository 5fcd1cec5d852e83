"""SISAKAT: Sistem Pembuatan Surat Keterangan Terdaftar."""

from __future__ import annotations

from flask import Flask

from sisakat import config


def create_app(test_config: dict | None = None) -> Flask:
    """Build one configured SISAKAT application."""
    from sisakat import setup
    from sisakat.web import App

    app = App(
        "sisakat",
        instance_relative_config=True,
        instance_path=config.instance_path(),
        template_folder=str(config.ROOT / "templates"),
        static_folder=str(config.ROOT / "static"),
    )
    app.config.from_object(config.DefaultConfig)
    if test_config is None:  # later sources win: instance/config.py, instance/secret_key, SISAKAT_*
        app.config.from_pyfile("config.py", silent=True)
        config.load_secret_file(app)
        app.config.from_prefixed_env("SISAKAT", loads=_env_value)
    app.config.update(test_config or {})
    config.finalise(app)
    setup.init_all(app)
    return app


def _env_value(raw: str):
    """Environment values stay strings (a secret key that looks like JSON must not be parsed)."""
    return raw
