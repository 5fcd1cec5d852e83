"""The PDF check reads stream dictionaries, never stream data: a big page costs little memory,
and active content hidden in a stream's dictionary is still refused."""

from __future__ import annotations

import tracemalloc

import pytest

from sisakat.exceptions import UploadRejected
from sisakat.services.pdf_checks import check_pdf
from tests.hostile_pdfs import raw_pdf

PAGE = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>"


def _one_page(stream_dict: bytes, data: bytes) -> bytes:
    """A one-page PDF whose content stream has ``stream_dict`` entries and ``data``."""
    return raw_pdf(
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        PAGE,
        b"<< /Length %d %s >>\nstream\n%s\nendstream" % (len(data), stream_dict, data),
    )


def test_big_content_stream_is_not_loaded_into_memory(tmp_path):
    """An 8 MB content stream: the check allocates well under the stream's size (memory, not
    time, so the figure does not depend on the machine)."""
    data = (b"% " + b"SISAKAT" * 12 + b"\n") * (8 * 1024 * 1024 // 87)
    path = tmp_path / "besar.pdf"
    path.write_bytes(_one_page(b"", data))
    tracemalloc.start()
    try:
        assert check_pdf(path, max_pages=50) == 1
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 2 * 1024 * 1024


@pytest.mark.parametrize("entry", [b"/JS (app.alert(1))", b"/AA << /O << /S /J#61vaScript >> >>"])
def test_active_content_in_a_stream_dictionary_is_refused(tmp_path, entry):
    """Keys of a stream object's dictionary are checked like any other dictionary."""
    path = tmp_path / "aktif.pdf"
    path.write_bytes(_one_page(entry, b"BT ET"))
    with pytest.raises(UploadRejected, match="memuat JavaScript"):
        check_pdf(path, max_pages=50)


def test_repeated_key_in_a_dictionary_is_unreadable(tmp_path):
    """A dictionary naming a key twice could hide a value from the walk: refused."""
    path = tmp_path / "ganda.pdf"
    path.write_bytes(_one_page(b"/Filter /FlateDecode /Filter /JavaScript", b"BT ET"))
    with pytest.raises(UploadRejected):
        check_pdf(path, max_pages=50)
