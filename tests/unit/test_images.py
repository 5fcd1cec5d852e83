"""UP-4: logos and emblems are checked by content and stored re-encoded without metadata."""

import io

import pytest
from PIL import Image

from sisakat.exceptions import UploadRejected
from sisakat.models import FileKind
from sisakat.services import images, storage
from tests.images_util import (
    SVG,
    jpeg_with_exif,
    pdf_bytes,
    phone_photo,
    png_bytes,
    png_header_claiming,
)


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
        (pdf_bytes(), images.MSG_PDF),  # named: a logo kept as a PDF is a common mistake
        (b"GIF89a" + b"\0" * 40, images.MSG_NOT_IMAGE),
        (b"", images.MSG_EMPTY),
        (png_header_claiming(20000, 20000), images.MSG_PIXELS),
        (png_header_claiming(9500, 9500), images.MSG_PIXELS),  # Pillow warns, we refuse
        (png_bytes((4001, 2)), images.pixels_message("PNG")),
        (png_bytes()[:60], images.MSG_BROKEN),
        (b"\x89PNG" + b"\0" * images.MAX_BYTES, images.MSG_TOO_BIG.format(10)),
    ],
    ids=["svg", "pdf", "gif", "empty", "20000px", "9500px", "4001px", "truncated", "10MB"],
)
def test_bad_images_are_refused_with_their_own_message(app, data, message):
    with pytest.raises(UploadRejected) as caught:
        images.reencode_png(io.BytesIO(data))
    assert caught.value.message == message
    assert [p for p in storage.root().rglob("*") if p.is_file()] == []  # temp file removed


def test_a_phone_camera_photo_is_taken_upright_and_scaled_down(app):
    """A 12-megapixel phone photo (4032 x 3024, the usual size) was refused as too large."""
    data = phone_photo()
    stored = Image.open(io.BytesIO(images.reencode_png(io.BytesIO(data))))
    assert stored.size == (1200, 1600)  # upright (portrait), longest side KEEP_SIDE
    top, bottom = stored.getpixel((600, 10)), stored.getpixel((600, 1590))
    yellow, blue = (255, 255, 0), (0, 0, 255)
    assert all(abs(a - b) < 16 for a, b in zip(top[:3], yellow, strict=True))  # left band on top
    assert all(abs(a - b) < 16 for a, b in zip(bottom[:3], blue, strict=True))


def test_a_photo_of_a_few_megabytes_is_taken(app):
    """Real photos compress badly: one of about 3 MB was refused with a 2 MB cap."""
    data = phone_photo((2000, 1500), noise=True)
    assert 2 * 1024 * 1024 < len(data) < images.MAX_BYTES
    stored = Image.open(io.BytesIO(images.reencode_png(io.BytesIO(data))))
    assert stored.size == (1200, 1600)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (phone_photo((images.MAX_JPEG_SIDE + 1, 8)), images.pixels_message("JPEG")),
        (png_bytes((images.MAX_SIDE + 1, 2)), images.pixels_message("PNG")),
    ],
    ids=["jpeg", "png"],
)
def test_each_format_names_its_own_pixel_limit(app, data, message):
    with pytest.raises(UploadRejected) as caught:
        images.reencode_png(io.BytesIO(data))
    assert caught.value.message == message
