"""Real PDFs for the signing tests: ReportLab letters, pyHanko signatures, tampering."""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import datetime

from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.sign import fields, signers
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from tests.pki import P12_PASSPHRASE, Identity


@dataclass(frozen=True)
class Letter:
    """What a letter says: the verification code, the number and the party name."""

    code: str = "K7Q2M4X9PA3RT5VW8YB6ZC2DEF"
    number: str = "200.1.5.3/017/KBP/2026"
    party: str = "Partai Contoh Sejahtera"


PARTY_A = Letter()
PARTY_B = Letter("M3N8P2R5T7V9X4Z6B2C8D5F7GH", "200.1.5.3/018/KBP/2026", "Partai Contoh Makmur")


def letter_pdf(letter: Letter = PARTY_A, *, empty_field: bool = False) -> bytes:
    """A one-page letter made with ReportLab (invariant, so bytes repeat across runs)."""
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, invariant=1)
    c.drawString(72, 760, "SURAT KETERANGAN TERDAFTAR")
    c.drawString(72, 740, f"Nomor: {letter.number}")
    c.drawString(72, 720, f"Nama Partai: {letter.party}")
    c.drawString(72, 700, f"Kode verifikasi: {letter.code}")
    c.showPage()
    c.save()
    data = buf.getvalue()
    if not empty_field:
        return data
    writer = IncrementalPdfFileWriter(io.BytesIO(data), strict=True)
    fields.append_signature_field(writer, fields.SigFieldSpec("TTE", on_page=0))
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def signer_for(ident: Identity) -> signers.SimpleSigner:
    """A pyHanko signer for a test identity, loaded from its PKCS#12 file."""
    return signers.SimpleSigner.load_pkcs12_data(
        ident.p12_path.read_bytes(), other_certs=[], passphrase=P12_PASSPHRASE.encode()
    )


class _SignerAt(signers.PdfSigner):
    """A pyHanko signer that reports ``at`` as its signing time instead of the machine's now."""

    def __init__(self, *args, at: datetime, **kwargs):
        super().__init__(*args, **kwargs)
        self.at = at

    def init_signing_session(self, pdf_out, existing_fields_only=False):
        session = super().init_signing_session(pdf_out, existing_fields_only)
        session.system_time = self.at
        return session


def sign(
    unsigned: bytes, ident: Identity, *, field: str = "TTE", at: datetime | None = None
) -> bytes:
    """Append a PAdES signature by ``ident`` as an incremental update (like BSrE does); ``at``
    (an aware moment) is the signing time the signature reports, else now."""
    meta = signers.PdfSignatureMetadata(
        field_name=field, md_algorithm="sha256", subfilter=fields.SigSeedSubFilter.PADES
    )
    writer = IncrementalPdfFileWriter(io.BytesIO(unsigned), strict=True)
    signer = signer_for(ident)
    pdf_signer = _SignerAt(meta, signer=signer, at=at) if at else signers.PdfSigner(meta, signer)
    return pdf_signer.sign_pdf(writer).getvalue()


def append_text(signed: bytes, text: str) -> bytes:
    """Add visible text to page 1 in an incremental update after signing (tampering)."""
    writer = IncrementalPdfFileWriter(io.BytesIO(signed), strict=True)
    font = generic.DictionaryObject(
        {
            generic.pdf_name("/Type"): generic.pdf_name("/Font"),
            generic.pdf_name("/Subtype"): generic.pdf_name("/Type1"),
            generic.pdf_name("/BaseFont"): generic.pdf_name("/Helvetica"),
        }
    )
    resources = generic.DictionaryObject(
        {
            generic.pdf_name("/Font"): generic.DictionaryObject(
                {generic.pdf_name("/FX"): writer.add_object(font)}
            )
        }
    )
    content = generic.StreamObject(stream_data=f"BT /FX 14 Tf 72 600 Td ({text}) Tj ET".encode())
    writer.add_stream_to_page(0, writer.add_object(content), resources=resources)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def resave_with_pypdf(signed: bytes) -> bytes:
    """Rewrite the whole file with pypdf (what a 'watermark' or metadata edit does)."""
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(signed)))
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def sample_page(client, signed: bytes) -> str:
    """The trust page's answer to the signed sample letter ``signed`` (``/admin/tte/contoh``)."""
    return client.post(
        "/admin/tte/contoh",
        data={"sample": (io.BytesIO(signed), "contoh.pdf")},
        content_type="multipart/form-data",
    ).get_data(as_text=True)
