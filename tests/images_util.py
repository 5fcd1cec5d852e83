"""Real image and document bytes for upload tests (made with Pillow / ReportLab, nothing mocked)."""

from __future__ import annotations

import io
import struct
import zlib

from PIL import Image


def png_bytes(size: tuple[int, int] = (64, 48), colour: str = "navy") -> bytes:
    """A small valid PNG."""
    out = io.BytesIO()
    Image.new("RGB", size, colour).save(out, format="PNG")
    return out.getvalue()


def jpeg_with_exif() -> bytes:
    """A JPEG carrying EXIF (camera make and a GPS block) and an ICC profile."""
    image = Image.new("RGB", (80, 60), "red")
    exif = Image.Exif()
    exif[0x010F] = "Kamera Contoh"  # Make
    exif[0x8825] = {1: "S", 2: (2.0, 59.0, 0.0)}  # GPSInfo: latitude
    out = io.BytesIO()
    image.save(out, format="JPEG", exif=exif, icc_profile=b"\0" * 128)
    return out.getvalue()


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png_header_claiming(width: int, height: int) -> bytes:
    """A tiny PNG whose header claims ``width`` x ``height`` 1-bit pixels (a decompression bomb)."""
    ihdr = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    idat = zlib.compress(b"\0" * 64)
    return (
        b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", ihdr) + _chunk(b"IDAT", idat) + _chunk(b"IEND", b"")
    )


SVG = (
    b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
)


def pdf_bytes() -> bytes:
    """A real one-page PDF."""
    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    pdf = canvas.Canvas(out)
    pdf.drawString(72, 720, "Bukan gambar")
    pdf.save()
    return out.getvalue()


def phone_photo(size: tuple[int, int] = (4032, 3024), *, noise: bool = False) -> bytes:
    """A camera JPEG as a phone takes it: landscape pixels with EXIF orientation 6 (shown
    rotated a quarter turn), a yellow band on its left edge that ends up on top once upright.
    ``noise`` makes it compress badly, as a real photo does (a few MB)."""
    blank = Image.new("RGB", size, "blue")
    image = Image.effect_noise(size, 60).convert("RGB") if noise else blank
    image.paste((255, 255, 0), (0, 0, size[0] // 4, size[1]))
    exif = Image.Exif()
    exif[0x0112] = 6
    out = io.BytesIO()
    image.save(out, format="JPEG", quality=95, exif=exif)
    return out.getvalue()
