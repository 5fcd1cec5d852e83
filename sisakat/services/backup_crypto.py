"""Authenticated, streamed encryption of backup archives (AES-256-GCM, chunked).

Layout: a 27-byte header (magic, key id, nonce prefix, chunk size) then chunks of at most
``CHUNK`` plaintext bytes, each sealed with its own nonce ``prefix || counter || last-flag`` and the
header as associated data. Reordered, edited, truncated or extended archives fail to decrypt; a key
id in the header (a hash of the key, not the key) tells a wrong key apart from a damaged file.
Nothing is loaded whole into memory, so large uploads folders are fine.
"""

from __future__ import annotations

import base64
import hashlib
import os
import struct
from pathlib import Path
from typing import BinaryIO

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from sisakat.exceptions import DomainError

MAGIC = b"SKTBAK1\n"
CHUNK = 1024 * 1024
TAG = 16
HEADER = struct.Struct(">8s8s7sI")
# The environment names an operator sets (``from_prefixed_env`` strips ``SISAKAT_``): every
# message that tells how to supply the key names these, never the bare config keys.
KEY_VARIABLES = "SISAKAT_BACKUP_KEY atau SISAKAT_BACKUP_KEY_FILE"


class BackupError(DomainError):
    """A backup, verification or restore could not proceed; the message says why."""


def new_key() -> str:
    """A fresh random key as text (44 characters of URL-safe base64)."""
    return base64.urlsafe_b64encode(os.urandom(32)).decode("ascii")


def parse_key(text: str) -> bytes:
    """Key bytes from the text form; refuses anything that is not 32 bytes."""
    try:
        raw = base64.urlsafe_b64decode(text.strip().encode("ascii"))
    except (ValueError, UnicodeEncodeError) as exc:
        raise BackupError("Kunci cadangan tidak valid (harus 32 byte dalam base64).") from exc
    if len(raw) != 32:
        raise BackupError("Kunci cadangan tidak valid (harus 32 byte dalam base64).")
    return raw


def load_key(key_text: str = "", key_file: str = "") -> bytes | None:
    """The key from text (``SISAKAT_BACKUP_KEY``) or a key file; None when neither is given."""
    if key_text:
        return parse_key(key_text)
    if key_file:
        path = Path(key_file)
        if not path.is_file():
            raise BackupError(f"Berkas kunci cadangan tidak ditemukan: {path}")
        try:  # utf-8-sig: a key saved by Notepad may start with a byte-order mark
            text = path.read_bytes().decode("utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            raise BackupError(f"Berkas kunci cadangan tidak dapat dibaca: {path}") from exc
        return parse_key(text)
    return None


def key_id(key: bytes) -> bytes:
    """Eight bytes naming the key (safe to store beside the archive)."""
    return hashlib.sha256(b"sisakat-backup-key-id\0" + key).digest()[:8]


def is_encrypted(path: Path) -> bool:
    """True when ``path`` starts with the encrypted-archive magic."""
    with open(path, "rb") as handle:
        return handle.read(len(MAGIC)) == MAGIC


class EncryptingWriter:
    """A write-only file object that seals what it receives into ``out``."""

    def __init__(self, out: BinaryIO, key: bytes) -> None:
        self._out = out
        self._aead = AESGCM(key)
        self._prefix = os.urandom(7)
        self._header = HEADER.pack(MAGIC, key_id(key), self._prefix, CHUNK)
        self._buffer = bytearray()
        self._counter = 0
        out.write(self._header)

    def _seal(self, data: bytes, last: bool) -> None:
        nonce = self._prefix + struct.pack(">I?", self._counter, last)
        self._out.write(self._aead.encrypt(nonce, data, self._header))
        self._counter += 1

    def write(self, data: bytes) -> int:
        """Buffer and seal full chunks; the last chunk waits for ``close``."""
        self._buffer += data
        while len(self._buffer) > CHUNK:
            self._seal(bytes(self._buffer[:CHUNK]), last=False)
            del self._buffer[:CHUNK]
        return len(data)

    def close(self) -> None:
        """Seal the final chunk (flagged last, so truncation shows)."""
        self._seal(bytes(self._buffer), last=True)
        self._buffer.clear()
        self._out.flush()


class DecryptingReader:
    """A read-only file object returning the plaintext of an encrypted archive."""

    def __init__(self, source: BinaryIO, key: bytes) -> None:
        header = source.read(HEADER.size)
        if len(header) != HEADER.size:
            raise BackupError("Arsip cadangan rusak atau terpotong.")
        magic, kid, prefix, chunk = HEADER.unpack(header)
        if magic != MAGIC:
            raise BackupError("Berkas ini bukan arsip cadangan SISAKAT terenkripsi.")
        if kid != key_id(key):
            raise BackupError(
                "Kunci cadangan salah untuk arsip ini (ID kunci arsip "
                f"{kid.hex()}, ID kunci Anda {key_id(key).hex()})."
            )
        self._source, self._aead, self._header = source, AESGCM(key), header
        self._prefix, self._size = prefix, chunk + TAG
        self._counter, self._plain = 0, bytearray()
        self._next = source.read(self._size)
        self._done = False

    def _advance(self) -> None:
        block, self._next = self._next, self._source.read(self._size)
        last = not self._next
        nonce = self._prefix + struct.pack(">I?", self._counter, last)
        try:
            self._plain += self._aead.decrypt(nonce, block, self._header)
        except InvalidTag as exc:
            raise BackupError("Arsip cadangan rusak, terpotong atau telah diubah.") from exc
        self._counter += 1
        self._done = last

    def read(self, size: int = -1) -> bytes:
        """Up to ``size`` plaintext bytes (all remaining when negative)."""
        while not self._done and (size < 0 or len(self._plain) < size):
            self._advance()
        if size < 0:
            size = len(self._plain)
        out = bytes(self._plain[:size])
        del self._plain[:size]
        return out
