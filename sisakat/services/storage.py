"""File storage under uploads/: server-made names, temp + fsync + rename, then the DB row.

A crash between writing the file and committing the row leaves an orphan file (removed by
``flask storage-sweep``: ``storage_sweep``), never a row pointing at a missing or partial file.
Files are never modified in place; a new version is a new row.
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
import signal
import tempfile
import unicodedata
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO
from urllib.parse import quote

from flask import Response, current_app, send_file
from werkzeug.http import dump_options_header
from werkzeug.security import safe_join

from sisakat.exceptions import StorageUnavailable, UploadRejected, UploadTooBig
from sisakat.extensions import db
from sisakat.models import FileKind, StoredFile, User, utcnow
from sisakat.services import kept_files

log = logging.getLogger(__name__)
CHUNK = 64 * 1024
# A write the uploads folder refused (disk full, read-only, permissions): the person uploading
# cannot fix it, so the text says nothing was kept and who can; the log names the cause.
STORAGE_FAULT = (
    "Berkas belum tersimpan: ruang penyimpanan server penuh atau tidak dapat ditulis. "
    "Beri tahu pengelola SISAKAT di kantor, lalu coba lagi nanti."
)


def _storage_fault(exc: OSError) -> StorageUnavailable:
    """The refusal for a write the uploads folder refused, logged for the operator."""
    log.error("uploads folder %s refused a write: %s", current_app.config["UPLOAD_FOLDER"], exc)
    return StorageUnavailable(STORAGE_FAULT)


EXTENSIONS = {
    "application/pdf": "pdf",
    "image/png": "png",
    "image/jpeg": "jpg",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
}


@dataclass(frozen=True)
class SpooledUpload:
    """A file streamed to a temp file in the uploads folder, hashed and counted, not yet kept."""

    path: Path
    size: int
    sha256: str


def root() -> Path:
    """The uploads folder (created on demand)."""
    path = Path(current_app.config["UPLOAD_FOLDER"])
    path.mkdir(parents=True, exist_ok=True)
    return path


def _tmp_dir() -> Path:
    path = root() / ".tmp"
    path.mkdir(parents=True, exist_ok=True)
    return path


def spool(stream: BinaryIO, *, max_bytes: int) -> SpooledUpload:
    """A client's upload: copied to a temp file (``max_bytes`` at most), then scanned by the
    antivirus when the office turned it on (``services.antivirus``)."""
    from sisakat.services import antivirus

    spooled = _spool(stream, max_bytes=max_bytes)
    try:
        antivirus.scan(spooled.path)
    except BaseException:
        discard(spooled)
        raise
    return spooled


def too_big_message(max_bytes: int) -> str:
    """What a user is told when a file passes the cap: the cap in MB."""
    return f"Berkas terlalu besar. Ukuran maksimal {max_bytes // (1024 * 1024)} MB."


def _spool(stream: BinaryIO, *, max_bytes: int) -> SpooledUpload:
    """Copy ``stream`` to a temp file, stopping as soon as it passes ``max_bytes``."""
    digest = hashlib.sha256()
    size = 0
    try:
        fd, name = tempfile.mkstemp(dir=_tmp_dir(), suffix=".part")
    except OSError as exc:
        raise _storage_fault(exc) from exc
    try:
        with os.fdopen(fd, "wb") as out:
            while chunk := stream.read(CHUNK):
                size += len(chunk)
                if size > max_bytes:
                    raise UploadTooBig(too_big_message(max_bytes))
                digest.update(chunk)
                out.write(chunk)
            out.flush()
            os.fsync(out.fileno())
    except OSError as exc:
        Path(name).unlink(missing_ok=True)
        raise _storage_fault(exc) from exc
    except BaseException:
        Path(name).unlink(missing_ok=True)
        raise
    return SpooledUpload(path=Path(name), size=size, sha256=digest.hexdigest())


def spool_bytes(data: bytes) -> SpooledUpload:
    """Spool bytes we produced ourselves (letters, re-encoded images)."""
    import io

    return _spool(io.BytesIO(data), max_bytes=max(len(data), 1))


def discard(spooled: SpooledUpload) -> None:
    """Remove a spooled temp file that will not be kept."""
    spooled.path.unlink(missing_ok=True)


def _fsync_dir(path: Path) -> None:
    if os.name == "nt":  # Windows cannot open a directory for fsync; NTFS journals the rename.
        return
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _maybe_fault(point: str) -> None:
    """Test-only fault hook (honoured only when TESTING): crash at a named point. With
    ``SISAKAT_TEST_FAULT_KILL=1`` the whole server process dies there as a power cut or
    ``kill -9`` would end it (SIGKILL: no handler, no commit, no clean-up)."""
    if current_app.testing and os.environ.get("SISAKAT_TEST_FAULT") == point:
        if os.environ.get("SISAKAT_TEST_FAULT_KILL") == "1":
            os.kill(os.getpid(), getattr(signal, "SIGKILL", signal.SIGTERM))
            os._exit(137)  # Windows: SIGTERM ends the process at once; never reached on POSIX
        raise RuntimeError(f"test fault at {point}")


# What SISAKAT itself writes under uploads/: ``keep`` keys and ``_spool`` temp files. Anything
# else is not ours (a mis-set UPLOAD_FOLDER pointing at a documents or project folder): never swept
# (``storage_sweep``).
OWN_FILE = re.compile(r"[0-9]{4}/[0-9]{2}/[0-9a-f]{32}\.[a-z0-9]+|\.tmp/[^/]+\.part")


def keep(
    spooled: SpooledUpload,
    *,
    kind: FileKind,
    content_type: str,
    display_name: str,
    uploaded_by: User | None,
) -> StoredFile:
    """Move a spooled file into place under a fresh key and add its row (flushed, not committed)."""
    now = utcnow()
    ext = EXTENSIONS.get(content_type, "bin")
    key = f"{now:%Y}/{now:%m}/{uuid.uuid4().hex}.{ext}"
    target = Path(safe_join(str(root()), key) or "")
    if not str(target) or target == Path():
        raise UploadRejected("Nama berkas tidak valid.")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        os.replace(spooled.path, target)
    except OSError as exc:
        discard(spooled)
        raise _storage_fault(exc) from exc
    kept_files.note(target)  # removed if this transaction is rolled back
    _fsync_dir(target.parent)
    _maybe_fault("after_file_write")
    row = StoredFile(
        kind=kind,
        storage_key=key,
        size=spooled.size,
        sha256=spooled.sha256,
        content_type=content_type,
        display_name=clean_display_name(display_name, ext),
        uploaded_by_id=uploaded_by.id if uploaded_by is not None else None,
    )
    db.session.add(row)
    db.session.flush()
    return row


def save_bytes(
    data: bytes, *, kind: FileKind, content_type: str, display_name: str, uploaded_by: User | None
) -> StoredFile:
    """Store bytes we made (a rendered letter, a re-encoded image)."""
    return keep(
        spool_bytes(data),
        kind=kind,
        content_type=content_type,
        display_name=display_name,
        uploaded_by=uploaded_by,
    )


BIDI_AND_CONTROL = {"Cc", "Cf"}
RESERVED_WINDOWS = {"CON", "PRN", "AUX", "NUL"} | {
    f"{d}{i}" for d in ("COM", "LPT") for i in range(1, 10)
}


def clean_display_name(name: str, ext: str) -> str:
    """The client's file name reduced to a harmless base name with our extension."""
    base = (name or "").replace("\\", "/").rsplit("/", 1)[-1]
    base = "".join(
        ch
        for ch in unicodedata.normalize("NFC", base)
        if unicodedata.category(ch) not in BIDI_AND_CONTROL
    )
    stem = base.rsplit(".", 1)[0].strip(" .")[:120] or "berkas"
    if stem.upper() in RESERVED_WINDOWS:
        stem = f"berkas-{stem}"
    return f"{stem}.{ext}"


def content_disposition(name: str, *, attachment: bool = True) -> str:
    """``attachment; filename="<ASCII>"; filename*=UTF-8''<name>`` (RFC 6266): the exact name
    for every client that reads ``filename*``, and an ASCII fallback that keeps a stem
    (``日本.pdf`` falls back to ``berkas.pdf``, not the hidden ``.pdf``)."""
    stem, dot, ext = name.rpartition(".")
    if not dot:
        stem, ext = name, ""
    plain = unicodedata.normalize("NFKD", stem).encode("ascii", "ignore").decode("ascii")
    plain = "".join(ch for ch in plain if ch.isprintable() and ch not in '/\\"').strip(" ._-")
    ascii_ext = "".join(ch for ch in ext if ch.isascii() and ch.isalnum())
    fallback = (plain or "berkas") + (f".{ascii_ext}" if ascii_ext else "")
    return dump_options_header(
        "attachment" if attachment else "inline",
        {"filename": fallback, "filename*": f"UTF-8''{quote(name, safe='')}"},
    )


def path_of(row: StoredFile) -> Path:
    """The absolute path of a stored file, resolved safely."""
    joined = safe_join(str(root()), row.storage_key)
    if joined is None:
        raise FileNotFoundError(row.storage_key)
    return Path(joined)


def read_bytes(row: StoredFile) -> bytes:
    """The stored file's bytes."""
    return path_of(row).read_bytes()


def send(
    row: StoredFile, *, as_attachment: bool = True, download_name: str | None = None
) -> Response:
    """Stream a stored file with safe headers (attachment, nosniff, no-store, CSP none)."""
    path = path_of(row)
    if row.purged_at is not None or not path.is_file():
        from werkzeug.exceptions import NotFound

        raise NotFound()
    name = download_name or row.display_name
    response = send_file(
        path,
        mimetype=row.content_type,
        as_attachment=as_attachment,
        download_name=name,
        conditional=True,
        max_age=0,
    )
    _download_headers(response, name, attachment=as_attachment)
    response.headers["Content-Security-Policy"] = "default-src 'none'; style-src 'unsafe-inline'"
    return response


def send_drawn(data: bytes | str, *, mimetype: str, name: str, attachment: bool = True) -> Response:
    """A file drawn for this request and not stored (a preview, a konsep, a copy to print, an
    export: ``routing.download``), with the same download headers as ``send``."""
    response = Response(data, mimetype=mimetype)
    _download_headers(response, name, attachment=attachment)
    return response


def _download_headers(response: Response, name: str, *, attachment: bool) -> None:
    """Named as an attachment (or inline), never sniffed, never cached."""
    response.headers["Content-Disposition"] = content_disposition(name, attachment=attachment)
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Cache-Control"] = "private, no-store"
