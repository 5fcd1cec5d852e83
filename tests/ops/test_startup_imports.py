"""Cold start: building the app and serving a page does not import pyHanko, which (with its HTTP
client) took about a third of the app's import time; it is imported when a letter is signed or a
signed PDF is judged (docs/BENCHMARKS.md, cold start)."""

from __future__ import annotations

import json
import os
import secrets
import subprocess
import sys

import pytest

from sisakat.config import ROOT
from tests.ops.helpers import run_python

PROBE = """
import json, sys
from sisakat import create_app
from sisakat.extensions import db
app = create_app()
with app.app_context():
    db.create_all()
status = app.test_client().get("/").status_code
print(json.dumps({"status": status, "loaded": sorted(
    m for m in sys.modules if m.split(".")[0] in ("pyhanko", "pyhanko_certvalidator", "aiohttp"))}))
"""


def test_starting_the_app_and_serving_the_home_page_does_not_import_pyhanko(tmp_path):
    env = {
        **os.environ,
        "SISAKAT_INSTANCE_PATH": str(tmp_path),
        "SISAKAT_UPLOAD_FOLDER": str(tmp_path / "uploads"),
        "SISAKAT_SECRET_KEY": secrets.token_urlsafe(48),
        "SISAKAT_DATABASE_URL": f"sqlite:///{tmp_path / 'start.db'}",
    }
    out = run_python(["-c", PROBE], env, timeout=120)
    seen = json.loads(out.strip().splitlines()[-1])
    assert seen == {"status": 200, "loaded": []}


def test_signing_modules_still_load_pyhanko_when_used():
    """The lazy imports name real pyHanko objects (a typo would only show when signing)."""
    from sisakat.services.signing import pades, trust

    assert trust.key_usage_constraints("digital_signature").key_usage == {"digital_signature"}
    assert pades._font_factory().__name__ == "FontFromBytes"


@pytest.mark.parametrize(
    ("setting", "said"),
    [
        ({"SISAKAT_SECRET_KEY": "abc"}, "SECRET_KEY tidak ada atau lemah"),
        ({"SISAKAT_DATABASE_URL": "foo://x"}, "Alamat database (SISAKAT_DATABASE_URL) tidak"),
        # A driver SISAKAT does not ship stopped the start with a ModuleNotFoundError traceback.
        (
            {"SISAKAT_DATABASE_URL": "postgresql+psycopg2://u:p@127.0.0.1:1/s"},
            "tidak dapat dipakai: driver psycopg2 tidak terpasang; tulis postgresql://",
        ),
        ({"SISAKAT_DATABASE_URL": "mysql://u:p@db:port/s"}, "server:port tidak terbaca"),
        ({"SISAKAT_INSTANCE_PATH": "/proc/sisakat-tidak-bisa"}, "tidak dapat dibuat atau ditulis"),
        # BSrE's marker is printed on one line: a space or a long one wrapped, and BSrE could
        # not find it (the letter would be refused at signing, not at start).
        ({"SISAKAT_BSRE_TAG_KOORDINAT": "[qr bsre]"}, "BSRE_TAG_KOORDINAT harus satu kata"),
        ({"SISAKAT_BSRE_TAG_KOORDINAT": "#" * 41}, "paling panjang 40 karakter"),
    ],
)
def test_a_bad_setting_stops_the_app_with_one_indonesian_line(tmp_path, setting, said):
    """The operator's mistake, not a bug: `python app.py` and every `flask --app app` command
    stop with exit code 1 and one GAGAL line, no traceback."""
    env = {
        **os.environ,
        "SISAKAT_INSTANCE_PATH": str(tmp_path / "instance"),
        "SISAKAT_UPLOAD_FOLDER": str(tmp_path / "uploads"),
        "SISAKAT_SECRET_KEY": secrets.token_urlsafe(48),
        "SISAKAT_DATABASE_URL": f"sqlite:///{tmp_path / 'start.db'}",
        **setting,
    }
    out = subprocess.run(
        [sys.executable, "-c", "import app"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert out.returncode == 1, out.stderr
    assert out.stderr.startswith("GAGAL: ")
    assert said in out.stderr
    assert "Traceback" not in out.stderr


def test_a_postgres_url_in_the_short_form_is_taken_as_postgresql():
    from sisakat.config import database_uri

    assert database_uri("postgres://u:p@db:5432/sisakat", "/x") == (
        "postgresql+psycopg://u:p@db:5432/sisakat"
    )
