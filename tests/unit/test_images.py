"""UP-4: logos and emblems are checked by content and stored re-encoded without metadata."""

import io

import pytest
from PIL import Image

from sisakat.exceptions import UploadRejected
from sisakat.models import FileKind
from sisakat.services import images, storage
from tests.images_util import SVG, jpeg_with_exif, pdf_bytes, png_bytes, png_header_claiming


def test_jpeg_with_exif_is_stored_as_png_without_metadata(app):
    row = images.store_image(
        io.BytesIO(jpeg_with_exif()), kind=FileKind.LOGO, display_name="foto.jpg", uploaded_by=None
    )
    assert (row.content_type, row.display_name) == ("image/png", "foto.png")
    stored = Image.open(io.BytesIO(storage.read_bytes(row)))
    assert stored.format == "PNG"
    assert stored.size == (80, 60)
    assert len(stored.getexif()) == 0
    assert not {"exif", "icc_profile"} & set(stored.info)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (SVG, images.MSG_SVG),
        (pdf_bytes(), images.MSG_NOT_IMAGE),
        (b"GIF89a" + b"\0" * 40, images.MSG_NOT_IMAGE),
        (b"", images.MSG_EMPTY),
        (png_header_claiming(20000, 20000), images.MSG_PIXELS),
        (png_header_claiming(9500, 9500), images.MSG_PIXELS),  # Pillow warns, we refuse
        (png_bytes((4001, 2)), images.MSG_PIXELS),
        (png_bytes()[:60], images.MSG_BROKEN),
        (b"\x89PNG" + b"\0" * (2 * 1024 * 1024), images.MSG_TOO_BIG),
    ],
    ids=["svg", "pdf", "gif", "empty", "20000px", "9500px", "4001px", "truncated", "2MB"],
)
def test_bad_images_are_refused_with_their_own_message(app, data, message):
    with pytest.raises(UploadRejected) as caught:
        images.reencode_png(io.BytesIO(data))
    assert caught.value.message == message
    assert [p for p in storage.root().rglob("*") if p.is_file()] == []  # temp file removed
