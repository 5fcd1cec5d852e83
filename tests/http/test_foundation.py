"""The app starts, answers health checks and refuses weak keys."""

import pytest

from sisakat import create_app
from sisakat.config import ConfigError


def test_healthz_reports_database_ok(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.get_json() == {"status": "ok", "database": "ok"}


def test_healthz_reports_database_error(tmp_path, monkeypatch):
    monkeypatch.setenv("SISAKAT_INSTANCE_PATH", str(tmp_path))
    broken = tmp_path / "nope" / "missing" / "x.db"
    app = create_app(
        {
            "TESTING": True,
            "SECRET_KEY": "x" * 40,
            "DATABASE_URL": f"sqlite:///{broken}",
            "UPLOAD_FOLDER": str(tmp_path / "u"),
        }
    )
    response = app.test_client().get("/healthz")
    assert response.status_code == 503
    assert response.get_json() == {"status": "error", "database": "error"}


@pytest.mark.parametrize("key", [None, "", "dev", "short-key", "a" * 40])
def test_app_refuses_missing_or_weak_secret_outside_testing(tmp_path, monkeypatch, key):
    monkeypatch.setenv("SISAKAT_INSTANCE_PATH", str(tmp_path))
    config = {"DATABASE_URL": f"sqlite:///{tmp_path / 'a.db'}", "UPLOAD_FOLDER": str(tmp_path)}
    if key is not None:
        config["SECRET_KEY"] = key
    with pytest.raises(ConfigError, match="SECRET_KEY"):
        create_app(config)


def test_home_page_is_indonesian_and_has_security_headers(client):
    response = client.get("/")
    assert response.status_code == 200
    assert "Layanan Surat Keterangan Daring" in response.get_data(as_text=True)
    csp = response.headers["Content-Security-Policy"]
    assert "object-src 'none'" in csp
    assert "frame-ancestors 'none'" in csp
    assert response.headers["X-Content-Type-Options"] == "nosniff"


def test_unknown_page_gives_indonesian_404(client):
    response = client.get("/tidak-ada")
    assert response.status_code == 404
    assert "Halaman tidak ditemukan" in response.get_data(as_text=True)


def _env_app(tmp_path, monkeypatch, **env):
    """The app as `python app.py` builds it: settings from SISAKAT_* environment variables."""
    monkeypatch.setenv("SISAKAT_INSTANCE_PATH", str(tmp_path))
    monkeypatch.setenv("SISAKAT_DATABASE_URL", f"sqlite:///{tmp_path / 'a.db'}")
    monkeypatch.setenv("SISAKAT_UPLOAD_FOLDER", str(tmp_path / "u"))
    monkeypatch.setenv("SISAKAT_SECRET_KEY", "uji-kunci-rahasia-0123456789-abcdefghij")
    for name, value in env.items():
        monkeypatch.setenv(f"SISAKAT_{name}", value)
    return create_app()


@pytest.mark.parametrize("name", ["BSRE_CONNECT_TIMEOUT", "BSRE_READ_TIMEOUT"])
@pytest.mark.parametrize("value", ["lama", "0", "-5", ""])
def test_a_bsre_timeout_that_is_not_seconds_stops_the_start_not_the_signing(
    tmp_path, monkeypatch, name, value
):
    """Read once at start like the port: before, a typo surfaced only when a signer pressed
    the button (float() failing inside the BSrE client)."""
    with pytest.raises(ConfigError, match=f"{name} harus berupa angka detik"):
        _env_app(tmp_path, monkeypatch, **{name: value})


def test_bsre_timeouts_from_the_environment_are_seconds(tmp_path, monkeypatch):
    app = _env_app(tmp_path, monkeypatch, BSRE_CONNECT_TIMEOUT="2.5", BSRE_READ_TIMEOUT="90")
    assert app.config["BSRE_CONNECT_TIMEOUT"] == 2.5
    assert app.config["BSRE_READ_TIMEOUT"] == 90.0


@pytest.mark.parametrize("name", ["DEBUG", "TESTING"])
def test_debug_or_testing_set_to_0_in_the_environment_stays_off(tmp_path, monkeypatch, name):
    """Before: the string "0" was truthy, so SISAKAT_DEBUG=0 (meant as "off") turned debug on
    and let a weak SECRET_KEY through; now 0/1 read as in every other switch."""
    app = _env_app(tmp_path, monkeypatch, **{name: "0"})
    assert app.config[name] is False
    assert not app.debug
    assert not app.testing
    with pytest.raises(ConfigError, match="SECRET_KEY"):
        _env_app(tmp_path, monkeypatch, **{name: "0", "SECRET_KEY": "dev"})
