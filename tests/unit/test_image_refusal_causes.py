"""An image's refusal names its real cause: a file over the image cap is "too big", but a full
or unwritable uploads folder keeps storage's own message (before, ``images.reencode_png`` turned
every refusal of the spool into "Berkas gambar terlalu besar")."""

import io
from pathlib import Path

import pytest

from sisakat.exceptions import StorageUnavailable, UploadRejected
from sisakat.services import images, storage
from tests.images_util import png_bytes


def test_an_uploads_folder_that_cannot_take_the_image_says_so(app):
    tmp = storage.root() / ".tmp"
    tmp.mkdir(exist_ok=True)
    tmp.rmdir()
    tmp.write_bytes(b"")  # a file where the temp folder should be: mkstemp fails for real
    with pytest.raises(StorageUnavailable) as caught:
        images.reencode_png(io.BytesIO(png_bytes()))
    assert caught.value.message == storage.STORAGE_FAULT


def test_an_image_over_the_cap_is_refused_as_too_big(app):
    app.config["MAX_UPLOAD_MB"] = 2
    with pytest.raises(UploadRejected) as caught:
        images.reencode_png(io.BytesIO(b"\x89PNG" + b"\0" * (2 * 1024 * 1024)))
    assert caught.value.message == "Berkas gambar terlalu besar. Ukuran maksimal 2 MB."
    assert [p for p in Path(app.config["UPLOAD_FOLDER"]).rglob("*") if p.is_file()] == []
