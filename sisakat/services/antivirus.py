"""Optional antivirus scan of every uploaded file by a ClamAV daemon (``clamd``).

Off unless ``CLAMAV_SOCKET`` is set: ``/run/clamav/clamd.ctl`` (a Unix socket, also written
``unix:/path``) or ``tcp://127.0.0.1:3310``. When on, every file a client uploads is streamed to
clamd (its INSTREAM command) before it is kept; a file clamd flags is refused, and so is every
upload while clamd cannot be reached (fail closed: an office that asked for scanning does not
silently lose it). Files SISAKAT draws itself are not scanned.
"""

from __future__ import annotations

import logging
import socket
import struct
from pathlib import Path

from flask import current_app

from sisakat.exceptions import UploadRejected

log = logging.getLogger(__name__)

CHUNK = 64 * 1024
UNREACHABLE = "Pemindai antivirus tidak dapat dihubungi. Coba unggah lagi beberapa saat lagi."


def _address() -> str:
    return str(current_app.config.get("CLAMAV_SOCKET") or "").strip()


def enabled() -> bool:
    """Whether uploads are scanned."""
    return bool(_address())


def _connect(address: str, timeout: float) -> socket.socket:
    if address.startswith("tcp://"):
        host, _, port = address[len("tcp://") :].rpartition(":")
        return socket.create_connection((host or "127.0.0.1", int(port)), timeout=timeout)
    path = address.removeprefix("unix:")
    conn = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    conn.settimeout(timeout)
    try:
        conn.connect(path)
    except OSError:
        conn.close()
        raise
    return conn


def _reply(conn: socket.socket) -> str:
    data = b""
    while not data.endswith(b"\0"):
        chunk = conn.recv(4096)
        if not chunk:
            break
        data += chunk
    return data.rstrip(b"\0").decode("utf-8", "replace").strip()


def _ask(command: bytes, path: Path | None = None) -> str:
    """Send one command (with ``path``'s bytes for INSTREAM) and return clamd's answer."""
    timeout = float(current_app.config.get("CLAMAV_TIMEOUT") or 60)
    with _connect(_address(), timeout) as conn:
        conn.sendall(command)
        if path is not None:
            with path.open("rb") as data:
                while chunk := data.read(CHUNK):
                    conn.sendall(struct.pack("!L", len(chunk)) + chunk)
            conn.sendall(struct.pack("!L", 0))
        return _reply(conn)


def scan(path: Path) -> None:
    """Refuse ``path`` (``UploadRejected``) when clamd flags it or cannot be asked; nothing
    happens while scanning is off."""
    if not enabled():
        return
    try:
        answer = _ask(b"zINSTREAM\0", path)
    except (OSError, ValueError) as exc:
        log.error("antivirus unreachable: %s", type(exc).__name__)
        raise UploadRejected(UNREACHABLE) from None
    if answer.endswith(" OK"):
        return
    if answer.endswith(" FOUND"):
        name = answer.removeprefix("stream:").removesuffix("FOUND").strip()
        log.warning("upload refused by antivirus: %s", name)
        raise UploadRejected(f"Berkas ditolak: pemindai antivirus menemukan {name}.")
    log.error("antivirus could not scan an upload: %s", answer[:200])
    raise UploadRejected("Berkas tidak dapat diperiksa pemindai antivirus. Coba lagi.")


def ping() -> bool:
    """Whether clamd answers (for ``flask check``)."""
    try:
        return _ask(b"zPING\0") == "PONG"
    except (OSError, ValueError):
        return False
