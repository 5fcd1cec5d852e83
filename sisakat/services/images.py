"""Uploaded images (party logos, the regional emblem): checked by content, re-encoded to PNG.

The browser's file name and content type are never trusted. The bytes are streamed to a temp file
with a size cap, opened with Pillow restricted to PNG and JPEG, bounded in pixels before decoding,
decoded, turned upright (EXIF orientation) and re-encoded to a fresh PNG without any metadata
(EXIF with GPS positions, ICC profiles, text chunks). Only the re-encoded bytes are kept.

A phone's camera photo is the usual logo source: 4032 x 3024 pixels and a few MB. A JPEG is
decoded in Pillow's draft mode (the decoder scales by 1/2, 1/4 or 1/8 while decoding), so one up
to ``MAX_JPEG_SIDE`` never needs more memory than about ``KEEP_SIDE`` squared times four; a PNG
is decoded whole, hence its smaller ``MAX_SIDE``.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import BinaryIO

from flask import current_app
from PIL import Image, ImageOps, UnidentifiedImageError

from sisakat import config
from sisakat.exceptions import UploadRejected, UploadTooBig
from sisakat.models import FileKind, StoredFile, User
from sisakat.services import storage

MAX_BYTES = 10 * 1024 * 1024  # an image's own cap; the office's upload cap may be lower
ACCEPT = "image/png,image/jpeg"  # the file fields taking an image (``accept``)
MAX_SIDE = 4000  # pixels per side of a PNG accepted on upload
MAX_JPEG_SIDE = 8192  # a JPEG decodes scaled down (draft mode): a 48-megapixel photo fits
KEEP_SIDE = 1600  # larger images are scaled down: plenty for a letterhead or a profile page
# The pages whose only file is an image (the profile's logo, the agency's emblem): a body over
# the request cap there is an image over the image cap, so the 413 page names that (``errors``).
IMAGE_PAGES = frozenset({"submission.party_profile", "admin.settings_agency"})

MSG_NOT_IMAGE = "Berkas bukan gambar PNG atau JPEG yang valid."
MSG_SVG = "Gambar SVG tidak diterima. Unggah gambar PNG atau JPEG."
# A logo kept as a PDF (a designer's file, a scan) is the usual wrong choice: say so by name.
MSG_PDF = (
    "Berkas ini PDF, bukan gambar. Pilih gambar logo berformat PNG atau JPEG; bila logo hanya "
    "ada di dalam PDF, simpan dulu sebagai gambar (misalnya tangkapan layar atau ekspor ke PNG)."
)
MSG_TOO_BIG = "Berkas gambar terlalu besar. Ukuran maksimal {} MB."
MSG_PIXELS = (  # a decompression bomb, refused before its format's own limit is read
    f"Ukuran gambar terlalu besar. Maksimal {MAX_SIDE} × {MAX_SIDE} piksel untuk PNG, "
    f"{MAX_JPEG_SIDE} × {MAX_JPEG_SIDE} piksel untuk JPEG."
)
# What the image fields' hints say of pixels (the profile's logo, the agency's emblem): the
# numbers the checks above and the shrinking in ``_clean_pixels`` apply.
PIXEL_HINT = (
    f"PNG sampai {MAX_SIDE} × {MAX_SIDE} piksel, JPEG sampai {MAX_JPEG_SIDE} × {MAX_JPEG_SIDE} "
    f"piksel; gambar dengan sisi terpanjang lebih dari {KEEP_SIDE} piksel diperkecil otomatis "
    f"menjadi {KEEP_SIDE} piksel"
)


def max_bytes() -> int:
    """The image cap: ``MAX_BYTES``, or the office's upload cap (``MAX_UPLOAD_MB``) when that is
    lower (no bigger request reaches the app). The form's hint, the page script's check
    (``templating.upload_limit``) and the refusal all read it here."""
    return min(MAX_BYTES, config.max_upload_bytes(current_app))


def too_big_message() -> str:
    """The refusal of an image over the cap, naming the cap in whole MB."""
    return MSG_TOO_BIG.format(max_bytes() // (1024 * 1024))


def pixels_message(image_format: str) -> str:
    """The refusal naming the pixel limit of this format (``"PNG"`` or ``"JPEG"``)."""
    side = MAX_JPEG_SIDE if image_format == "JPEG" else MAX_SIDE
    return f"Ukuran gambar terlalu besar. Maksimal {side} × {side} piksel untuk {image_format}."


MSG_EMPTY = "Berkas gambar kosong."
MSG_BROKEN = "Berkas gambar rusak atau tidak lengkap."


def _looks_like_svg(head: bytes) -> bool:
    """SVG is XML text: refused by name so the user knows why (it can carry scripts)."""
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return text.startswith((b"<?xml", b"<svg", b"<!doctype svg")) or b"<svg" in text[:1024]


def _open_bounded(f: BinaryIO) -> Image.Image:
    """Open as PNG/JPEG only and refuse oversized dimensions before any pixel is decoded."""
    try:
        image = Image.open(f, formats=["PNG", "JPEG"])
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        # Pillow's own guard (MAX_IMAGE_PIXELS): the warning is an exception under
        # ``filterwarnings=error``; otherwise our side check below refuses the image anyway.
        raise UploadRejected(MSG_PIXELS) from exc
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as exc:
        raise UploadRejected(MSG_NOT_IMAGE) from exc
    width, height = image.size
    if max(width, height) > (MAX_JPEG_SIDE if image.format == "JPEG" else MAX_SIDE):
        raise UploadRejected(pixels_message(image.format))
    if width < 1 or height < 1:
        raise UploadRejected(MSG_NOT_IMAGE)
    return image


def _clean_pixels(image: Image.Image) -> Image.Image:
    """Decode, turn upright, drop every piece of metadata, normalise the mode."""
    try:
        if image.format == "JPEG":  # decode at 1/2, 1/4 or 1/8 scale, still >= KEEP_SIDE
            image.draft(None, (KEEP_SIDE, KEEP_SIDE))
        image.load()
        upright = ImageOps.exif_transpose(image)
        has_alpha = upright.mode in ("RGBA", "LA", "PA") or "transparency" in upright.info
        clean = upright.convert("RGBA" if has_alpha else "RGB")
    except (OSError, SyntaxError, ValueError, Image.DecompressionBombError) as exc:
        raise UploadRejected(MSG_BROKEN) from exc
    clean.info = {}  # convert() copies info (exif, icc_profile, dpi, text): drop it all
    clean.thumbnail((KEEP_SIDE, KEEP_SIDE), Image.Resampling.LANCZOS)
    return clean


def reencode_png(stream: BinaryIO) -> bytes:
    """Validate an uploaded image (at most ``max_bytes()``) and return it re-encoded as a
    metadata-free PNG. Only the size refusal is reworded; an antivirus or storage refusal keeps
    its own message."""
    try:
        spooled = storage.spool(stream, max_bytes=max_bytes())
    except UploadTooBig as exc:
        raise UploadRejected(too_big_message()) from exc
    try:
        if spooled.size == 0:
            raise UploadRejected(MSG_EMPTY)
        with spooled.path.open("rb") as f:
            head = f.read(2048)
            if _looks_like_svg(head):
                raise UploadRejected(MSG_SVG)
            if head.startswith(b"%PDF-"):
                raise UploadRejected(MSG_PDF)
            f.seek(0)
            with _open_bounded(f) as image:
                clean = _clean_pixels(image)
        out = io.BytesIO()
        clean.save(out, format="PNG", optimize=True)
        return out.getvalue()
    finally:
        storage.discard(spooled)


def store_image(
    stream: BinaryIO,
    *,
    kind: FileKind,
    display_name: str,
    uploaded_by: User | None,
    shape: Callable[[int, int], str | None] | None = None,
) -> StoredFile:
    """Validate, re-encode and store an image; returns the new (flushed) ``StoredFile`` row.
    ``shape``: the refusal, if any, of an image of that width and height (the emblem's)."""
    data = reencode_png(stream)
    if shape is not None:
        with Image.open(io.BytesIO(data)) as image:
            problem = shape(*image.size)
        if problem:
            raise UploadRejected(problem)
    return storage.save_bytes(
        data,
        kind=kind,
        content_type="image/png",
        display_name=display_name or "gambar.png",
        uploaded_by=uploaded_by,
    )
