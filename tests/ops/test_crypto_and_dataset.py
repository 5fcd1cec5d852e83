"""Units under the archives: chunked AES-GCM streams and typed, order-independent row checksums."""

from __future__ import annotations

import io
import os
from datetime import date, datetime

import pytest

from sisakat.models import Role
from sisakat.services import dataset
from sisakat.services.backup_crypto import (
    CHUNK,
    HEADER,
    TAG,
    BackupError,
    DecryptingReader,
    EncryptingWriter,
    parse_key,
)

KEY = os.urandom(32)


def _seal(data: bytes) -> bytes:
    out = io.BytesIO()
    writer = EncryptingWriter(out, KEY)
    for i in range(0, len(data), 100_000):  # arbitrary write sizes, not chunk-aligned
        writer.write(data[i : i + 100_000])
    writer.close()
    return out.getvalue()


def _open(sealed: bytes) -> bytes:
    return DecryptingReader(io.BytesIO(sealed), KEY).read()


@pytest.mark.parametrize("size", [0, 1, CHUNK, CHUNK + 1, 2 * CHUNK + 12345])
def test_multi_chunk_stream_round_trips(size):
    data = os.urandom(size)
    assert _open(_seal(data)) == data


def test_dropped_reordered_or_appended_chunks_are_detected():
    sealed = _seal(os.urandom(3 * CHUNK + 10))  # three full chunks and a short last one
    head, block = HEADER.size, CHUNK + TAG
    chunks = [sealed[head + i * block : head + (i + 1) * block] for i in range(4)]
    header = sealed[:head]
    for damaged in (
        header + b"".join(chunks[:3]),  # last chunk dropped at a chunk boundary
        header + chunks[1] + chunks[0] + chunks[2] + chunks[3],  # reordered
        sealed + chunks[3],  # a chunk appended
    ):
        with pytest.raises(BackupError, match="rusak, terpotong atau telah diubah"):
            _open(damaged)


def test_short_or_wrong_size_key_is_refused():
    with pytest.raises(BackupError, match="Kunci cadangan tidak valid"):
        parse_key("c2VtdWEta3VyYW5nLXBhbmphbmc=")


def test_typed_values_survive_json_lines_and_checksums_ignore_order():
    row = {"a": datetime(2026, 1, 2, 3, 4, 5, 678901), "b": date(2026, 1, 2), "c": b"\x00\xff",
           "d": Role.PEMOHON, "e": None, "f": True, "g": "teks \u202e"}  # fmt: skip
    line = dataset.row_line(row)
    back = {k: dataset.decode(v) for k, v in __import__("json").loads(line).items()}
    assert back == {**row, "d": "pemohon"}
    one, two = dataset.Tally(), dataset.Tally()
    for r in ({"id": 1}, {"id": 2}):
        one.add(r)
    for r in ({"id": 2}, {"id": 1}):
        two.add(r)
    assert one.result() == two.result()
