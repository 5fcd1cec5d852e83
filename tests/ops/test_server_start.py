"""``python app.py`` (what run.sh and run.bat end with): it tells the operator where to open the
app, and a port that is already taken (SISAKAT started twice, say) gets a plain Indonesian
message and exit code 1 instead of a traceback."""

from __future__ import annotations

import http.client
import os
import secrets
import socket
import subprocess
import sys
import time

from sisakat.config import ROOT
from sisakat.web import lan_addresses, urls_to_open


def _env(tmp_path, port: int) -> dict:
    return {
        **{k: v for k, v in os.environ.items() if not k.startswith("SISAKAT_")},
        "SISAKAT_INSTANCE_PATH": str(tmp_path),
        "SISAKAT_UPLOAD_FOLDER": str(tmp_path / "uploads"),
        "SISAKAT_SECRET_KEY": secrets.token_urlsafe(48),
        "SISAKAT_DATABASE_URL": f"sqlite:///{tmp_path / 'start.db'}",
        "SISAKAT_HOST": "127.0.0.1",
        "SISAKAT_PORT": str(port),
        "PYTHONUNBUFFERED": "1",
    }


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _status(port: int, path: str) -> int:
    """The status of GET ``path``, waiting a few seconds for the server to accept."""
    for _ in range(50):
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
        try:
            conn.request("GET", path)
            return conn.getresponse().status
        except ConnectionRefusedError:
            time.sleep(0.1)
        finally:
            conn.close()
    raise AssertionError("the server did not answer")


def test_a_taken_port_is_explained_without_a_traceback(tmp_path):
    with socket.socket() as holder:
        holder.bind(("127.0.0.1", 0))
        holder.listen()
        port = holder.getsockname()[1]
        out = subprocess.run(
            [sys.executable, "app.py"],
            cwd=ROOT,
            env=_env(tmp_path, port),
            capture_output=True,
            text=True,
            timeout=120,
        )
    assert out.returncode == 1, out.stderr
    assert f"Port {port} sudah dipakai program lain" in out.stderr
    assert "SISAKAT_PORT" in out.stderr
    assert "Traceback" not in out.stderr
    assert "berjalan" not in out.stdout


def test_the_taken_port_advice_is_typed_as_the_laptops_shell_takes_it():
    """Windows' Command Prompt has no ``NAME=value command``: it gets ``set`` and run.bat."""
    from sisakat.web import taken_port_message

    windows = taken_port_message(8080, os_name="nt")
    assert "set SISAKAT_PORT=8081" in windows
    assert r"scripts\run.bat" in windows
    assert "SISAKAT_PORT=8081 scripts/run.sh" in taken_port_message(8080, os_name="posix")


def test_the_app_says_where_to_open_it_and_serves_there(tmp_path):
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "app.py"],
        cwd=ROOT,
        env=_env(tmp_path, port),
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        first = [server.stdout.readline() for _ in range(3)]
        assert first[0].strip() == "SISAKAT berjalan. Buka di peramban:"
        assert first[1] == f"  di komputer ini:           http://127.0.0.1:{port}/\n"
        assert first[2].strip() == "Tekan Ctrl+C untuk berhenti."  # bound to 127.0.0.1: no LAN
        assert _status(port, "/healthz") == 200
    finally:
        server.terminate()
        server.wait(timeout=10)
        server.stdout.close()


def test_on_every_interface_the_lan_addresses_are_listed():
    lan = ["192.168.1.23"]
    assert urls_to_open("0.0.0.0", 8080, lan) == [  # noqa: S104
        "http://127.0.0.1:8080/",
        "http://192.168.1.23:8080/",
    ]
    assert urls_to_open("127.0.0.1", 8080, lan) == ["http://127.0.0.1:8080/"]
    assert all(not a.startswith("127.") for a in lan_addresses())
