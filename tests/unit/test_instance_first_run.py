"""First run on the office laptop (``scripts/run.sh`` → ``ensure_instance``): the random secret
key is written on the SQLite laptop setup even when the office already wrote an
``instance/config.py`` for its public address, and never for a hosted database."""

from __future__ import annotations

import stat

import pytest

from sisakat.instance import ensure_instance


@pytest.fixture
def instance(tmp_path, monkeypatch):
    folder = tmp_path / "instance"
    folder.mkdir()
    monkeypatch.setenv("SISAKAT_INSTANCE_PATH", str(folder))
    monkeypatch.delenv("SISAKAT_DATABASE_URL", raising=False)
    monkeypatch.delenv("SISAKAT_SECRET_KEY", raising=False)
    return folder


def test_a_config_file_with_only_the_public_address_still_gets_a_secret_key(instance):
    """Before: an office that wrote instance/config.py with PUBLIC_BASE_URL (PANDUAN §2) before
    its first start got no secret_key, and every start stopped with "SECRET_KEY tidak ada ...
    Jalankan scripts/run.sh sekali agar instance/secret_key dibuat", which did the same again.
    Now the key is written unless config.py names another database or brings its own key."""
    (instance / "config.py").write_text('PUBLIC_BASE_URL = "http://192.168.1.10:8080"\n')
    ensure_instance()
    key = instance / "secret_key"
    assert len(key.read_text()) >= 32
    assert stat.S_IMODE(key.stat().st_mode) == 0o600


@pytest.mark.parametrize(
    "line",
    [
        'DATABASE_URL = "postgresql://sisakat:rahasia@127.0.0.1/sisakat"',
        'SECRET_KEY = "kunci-kantor-sendiri-yang-panjang-dan-acak-0123456789"',
    ],
)
def test_a_config_file_naming_its_database_or_key_gets_none(instance, line):
    (instance / "config.py").write_text(line + "\n")
    ensure_instance()
    assert not (instance / "secret_key").exists()
