"""In-app PAdES signing with the institution's PKCS#12 through pyHanko (SIGNING.md §8).

The signature is an incremental update, so the unsigned bytes stay a prefix (tier A). The
passphrase is typed per signing or read from ``SISAKAT_P12_PASSPHRASE`` at call time; it is never
stored, logged or put into an exception.
"""

from __future__ import annotations

import io
import logging
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from sisakat.exceptions import SigningFailed

if TYPE_CHECKING:
    from pyhanko import stamp
    from pyhanko.sign import signers

# pyHanko is imported when a letter is signed, not at start-up: it and its HTTP client take
# about a third of the app's import time (docs/BENCHMARKS.md, cold start).

log = logging.getLogger(__name__)
logging.getLogger("fontTools.subset").setLevel(logging.ERROR)  # "FFTM NOT subset" noise

FONT_DIR = Path(__file__).resolve().parent.parent.parent / "pdf" / "fonts"
DEFAULT_FONT = FONT_DIR / "LiberationSans-Regular.ttf"
PASSPHRASE_ENV = "SISAKAT_P12_PASSPHRASE"  # noqa: S105 - the variable's name, not a secret
# %(waktu)s, not pyHanko's %(ts)s: pyHanko always fills "ts" itself, in the server's zone.
STAMP_TEXT = "Ditandatangani secara elektronik oleh\n%(signer)s\n%(waktu)s"
BAD_P12 = "Sertifikat PKCS#12 atau kata sandinya tidak valid."
NO_PASSPHRASE = "Passphrase belum diisi. Ketik passphrase sertifikat, lalu tandatangani lagi."  # noqa: S105
STAMP_FONT_SIZE = 8


def server_passphrase_set() -> bool:
    """Whether the server sets the PKCS#12 passphrase (``SISAKAT_P12_PASSPHRASE``), read now,
    as signing reads it: the desk offers an empty box only then."""
    return bool(os.environ.get(PASSPHRASE_ENV))


@dataclass(frozen=True)
class SignJob:
    """What to sign and how it looks; shared by the in-app backends (PAdES and BSrE)."""

    reason: str = "Penerbitan Surat Keterangan Terdaftar"
    location: str = ""
    box: tuple[int, int, int, int] = (330, 50, 560, 120)  # PDF points (x1, y1, x2, y2)
    page: int = 1  # 1-based; ``placement.signature_place`` finds the signature block's page
    field_name: str = "TTE"
    visible: bool = True
    qr_url: str = ""  # BSrE v1 ``linkQR``: our public verification URL
    tag: str = ""  # BSrE ``tag_koordinat``: a marker printed in the signature block
    stamp_time: str = ""  # the signing time as the stamp prints it, in the office zone
    nik: str = field(default="", repr=False)  # BSrE only; never logged


@cache
def _font_bytes(path: str) -> bytes:
    """The stamp font rescaled to 1,000 units per em. pyHanko writes the glyph widths (/W) in
    the font's own units, but a PDF reads them per 1,000: a TrueType font at 2,048 units per
    em (Liberation Sans) came out with every letter about twice as far apart and the lines
    clipped at the box's edge."""
    from fontTools.ttLib import TTFont
    from fontTools.ttLib.scaleUpem import scale_upem

    font = TTFont(io.BytesIO(Path(path).read_bytes()))
    if font["head"].unitsPerEm != 1000:
        scale_upem(font, 1000)
    out = io.BytesIO()
    font.save(out)
    return out.getvalue()


@cache
def _font_factory() -> type:
    """pyHanko's factory opens the TTF and never closes it (a ResourceWarning per signature);
    this one hands it an in-memory copy (at 1,000 units per em: ``_font_bytes``) instead."""
    from pyhanko.pdf_utils.font.opentype import GlyphAccumulator, GlyphAccumulatorFactory

    @dataclass(frozen=True)
    class FontFromBytes(GlyphAccumulatorFactory):
        def create_font_engine(self, writer, obj_stream=None) -> GlyphAccumulator:
            """A glyph accumulator over the font's bytes."""
            if obj_stream is None and writer.stream_xrefs and self.create_objstream_if_needed:
                obj_stream = writer.prepare_object_stream()
            return GlyphAccumulator(
                writer=writer,
                font_handle=io.BytesIO(_font_bytes(self.font_file)),
                font_size=self.font_size,
                obj_stream=obj_stream,
            )

    return FontFromBytes


class PadesBackend:
    """Signs with one PKCS#12 file (an institution seal, or the test PKI)."""

    def __init__(self, p12_path: str | Path, *, stamp_font: str | Path = DEFAULT_FONT):
        """A backend for the PKCS#12 at ``p12_path``, stamping with ``stamp_font``."""
        self.p12_path = Path(p12_path)
        self.stamp_font = Path(stamp_font)

    @classmethod
    def from_config(cls, config: Mapping) -> PadesBackend:
        """The backend configured by ``SIGNING_P12_PATH`` (refuses when unset)."""
        path = str(config.get("SIGNING_P12_PATH") or "").strip()
        if not path:
            raise SigningFailed("Sertifikat PKCS#12 institusi belum dikonfigurasi.")
        return cls(path)

    def _signer(self, secret: str | None) -> signers.SimpleSigner:
        """Open the PKCS#12 with the typed or environment passphrase; never log or keep it."""
        from pyhanko.sign import signers

        passphrase = secret if secret is not None else os.environ.get(PASSPHRASE_ENV, "")
        data = b""
        try:
            data = self.p12_path.read_bytes()
            # load_pkcs12() would log the failure with a traceback; load the data ourselves.
            signer = signers.SimpleSigner.load_pkcs12_data(
                data, other_certs=[], passphrase=passphrase.encode() if passphrase else None
            )
        except Exception:  # noqa: BLE001 - any failure means "bad file or passphrase"
            signer = None
        if signer is None:
            log.warning("PKCS#12 could not be opened (%s)", self.p12_path.name)
            # Nothing typed and none set on the server: say that, not "invalid certificate".
            raise SigningFailed(NO_PASSPHRASE if data and not passphrase else BAD_P12)
        return signer

    def _style(self) -> stamp.TextStampStyle:
        """The Indonesian visible stamp, with the embedded TTF (the default font is Latin-only)."""
        from pyhanko import stamp
        from pyhanko.pdf_utils.text import TextBoxStyle

        # One size for both: the font engine shapes (advances) at its own font_size, the text
        # box draws at its own; different sizes spread the letters out and clip the lines
        # (pyHanko #733).
        font = _font_factory()(str(self.stamp_font), font_size=STAMP_FONT_SIZE)
        return stamp.TextStampStyle(
            stamp_text=STAMP_TEXT,
            text_box_style=TextBoxStyle(font=font, font_size=STAMP_FONT_SIZE),
            timestamp_format="%d-%m-%Y %H:%M:%S %Z",
            background=None,
        )

    def sign(self, unsigned: bytes, job: SignJob, secret: str | None) -> bytes:
        """Sign as an incremental update: the unsigned bytes stay a prefix of the result."""
        from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
        from pyhanko.pdf_utils.misc import PdfError
        from pyhanko.sign import fields, signers

        signer = self._signer(secret)
        meta = signers.PdfSignatureMetadata(
            field_name=job.field_name,
            md_algorithm="sha256",
            reason=job.reason or None,
            location=job.location or None,
            subfilter=fields.SigSeedSubFilter.PADES,
        )
        box = job.box if job.visible else None
        spec = fields.SigFieldSpec(job.field_name, on_page=job.page - 1, box=box)
        pdf_signer = signers.PdfSigner(
            meta, signer=signer, stamp_style=self._style(), new_field_spec=spec
        )
        try:
            writer = IncrementalPdfFileWriter(io.BytesIO(unsigned), strict=True)
            when = job.stamp_time or datetime.now(UTC).strftime("%d-%m-%Y %H:%M:%S UTC")
            params = {"waktu": when}
            signed = pdf_signer.sign_pdf(writer, appearance_text_params=params).getvalue()
        except (PdfError, ValueError) as exc:
            log.warning("PAdES signing failed: %s", type(exc).__name__)
            raise SigningFailed(
                "Surat tidak dapat ditandatangani: berkas PDF tidak valid."
            ) from None
        log.info("PAdES signature applied (%d -> %d bytes)", len(unsigned), len(signed))
        return signed
