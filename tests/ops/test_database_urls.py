"""Hosting panels hand out database addresses as postgres://, mysql:// or mariadb://: every place
SISAKAT takes an address (SISAKAT_DATABASE_URL / DATABASE_URL, ``flask transfer --to``) reads them
through one function onto the drivers requirements.txt ships (psycopg 3, PyMySQL); any other
scheme or driver is refused in words naming the accepted forms, never with a traceback."""

from __future__ import annotations

import pytest

from sisakat.config import ConfigError, database_uri, normalise_database_url
from tests.ops.test_cli_operator_mistakes import _fails_cleanly


@pytest.mark.parametrize(
    ("given", "used"),
    [
        ("postgres://u:p@db:5432/sisakat", "postgresql+psycopg://u:p@db:5432/sisakat"),
        ("postgresql://u:p@db/sisakat", "postgresql+psycopg://u:p@db/sisakat"),
        ("POSTGRES://u:p@db/sisakat", "postgresql+psycopg://u:p@db/sisakat"),
        (" postgres://u:p@db/sisakat\n", "postgresql+psycopg://u:p@db/sisakat"),  # pasted
        ("postgresql+psycopg://u@db/s", "postgresql+psycopg://u@db/s"),
        ("mysql://u:p@db:3306/s?charset=utf8mb4", "mysql+pymysql://u:p@db:3306/s?charset=utf8mb4"),
        ("mariadb://u:p@db:3306/s", "mysql+pymysql://u:p@db:3306/s"),
        ("MariaDB://u:p@db/s", "mysql+pymysql://u:p@db/s"),
        ("mysql+pymysql://u@db/s", "mysql+pymysql://u@db/s"),
        ("mariadb+pymysql://u@db/s", "mariadb+pymysql://u@db/s"),
        ("sqlite:////srv/sisakat/sisakat.db", "sqlite:////srv/sisakat/sisakat.db"),
        ("sqlite://", "sqlite://"),
    ],
)
def test_the_hosting_panels_shorthands_run_on_the_shipped_drivers(given, used):
    assert normalise_database_url(given) == used


def test_a_relative_sqlite_file_still_goes_into_the_instance_folder():
    assert database_uri("sqlite:///sisakat.db", "/srv/instance") == (
        "sqlite:////srv/instance/sisakat.db"
    )
    assert database_uri("mariadb://u:rahasia@db/s", "/x") == "mysql+pymysql://u:rahasia@db/s"


@pytest.mark.parametrize(
    ("given", "said"),
    [
        (
            "postgresql+psycopg2://u:rahasia@db/s",
            "driver psycopg2 tidak terpasang; tulis postgresql://",
        ),
        ("mysql+mysqldb://u:rahasia@db/s", "driver mysqldb tidak terpasang; tulis mysql://"),
        ("oracle://u:rahasia@db/s", "skema oracle:// tidak didukung"),
        ("db.kantor.example/sisakat", "bukan alamat database"),
        ("postgres://u:rahasia@db:lima/s", "bagian server:port tidak terbaca"),
        ("mysql://u:rahasia@db:99999/s", "bagian server:port tidak terbaca"),
    ],
)
def test_other_schemes_are_refused_naming_the_accepted_forms(given, said):
    with pytest.raises(ConfigError) as refused:
        normalise_database_url(given)
    message = str(refused.value)
    assert said in message
    assert "postgresql://pengguna:sandi@server:5432/sisakat (atau postgres://)" in message
    assert "(atau mariadb://)" in message
    assert "rahasia" not in message  # the password is never echoed


def test_transfer_takes_the_shorthands_and_refuses_other_drivers_in_words(app):
    """`flask transfer --to postgres://...` was refused ('Awali URL dengan postgresql://'); now it
    is taken as PostgreSQL and goes on to connect (port 1: nothing listens, no server needed)."""
    runner = app.test_cli_runner()
    for url in ("postgres://u:p@127.0.0.1:1/sisakat", "mariadb://u:p@127.0.0.1:1/sisakat"):
        result = runner.invoke(args=["transfer", "--to", url])
        _fails_cleanly(result, "GAGAL: Database tujuan tidak dapat dihubungi (127.0.0.1)")
    refused = runner.invoke(args=["transfer", "--to", "mysql+mysqldb://u:p@127.0.0.1:1/s"])
    _fails_cleanly(refused, "GAGAL: URL database tujuan tidak dapat dipakai: driver mysqldb")
    assert "Bentuk yang diterima: sqlite:///sisakat.db" in refused.output
