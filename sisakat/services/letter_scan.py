"""Wet-signed scans on the upload-back path (SIGNING.md §7, ``letter_signing``): a letter
printed, signed by hand and scanned is issued as SCAN, never presented as electronic, in the name
and title of the signatory the letter itself prints (its frozen context, not today's settings);
an unsigned letter from SISAKAT uploaded back as a scan is refused, and so is an e-signed one."""

from __future__ import annotations

import io

import sqlalchemy as sa
from pypdf import PdfReader
from pypdf.errors import PyPdfError

from sisakat.exceptions import SignatureRejected, UploadRejected
from sisakat.extensions import db
from sisakat.models import FileKind, Letter, SigningMethod, StoredFile, User
from sisakat.pdf.skt import CREATOR
from sisakat.services import letters
from sisakat.services.signing import trust as trust_service
from sisakat.services.signing.validation import check

NOT_A_SCAN = (
    "Berkas ini sama persis dengan surat yang belum ditandatangani dari SISAKAT, bukan pindaian "
    "surat yang sudah ditandatangani basah. Cetak surat, tandatangani, pindai, lalu unggah "
    "hasil pindaiannya."
)
DRAWN_UNSIGNED = (
    "Berkas ini surat buatan SISAKAT yang belum ditandatangani (misalnya unduhan “Unduh untuk "
    "TTD basah” atau pratinjau surat), bukan pindaian surat yang sudah ditandatangani "
    "basah. Cetak surat, tandatangani, pindai, lalu unggah hasil pindaiannya."
)
E_SIGNED = (
    "Berkas ini bertanda tangan elektronik yang sah, bukan pindaian tanda tangan basah. Unggah "
    "ulang tanpa mencentang “Pindaian tanda tangan basah”, agar halaman cek keaslian menyebut "
    "tanda tangan elektroniknya."
)


def refuse_unsigned_copy(sha256: str) -> None:
    """Refuse as a scan the bytes of an unsigned letter SISAKAT rendered (this letter's, or
    another's from the same pile of downloads): it carries no signature."""
    query = db.select(StoredFile.id).where(
        StoredFile.kind == FileKind.LETTER_UNSIGNED, StoredFile.sha256 == sha256
    )
    if db.session.execute(query.limit(1)).first() is not None:
        raise UploadRejected(NOT_A_SCAN)


def refuse_kept_for_another(letter: Letter, sha256: str) -> None:
    """Refuse as a scan the very file already kept for another letter (issued with it, or its
    upload waiting for a SRIKANDI number or a review): a scan has no text that ties it to its
    letter, so the same file picked again for the next letter on the desk would issue that
    letter with the first one's content."""
    kept = (
        db.select(Letter.number_text, Letter.id)
        .join(
            StoredFile,
            sa.or_(
                StoredFile.id == Letter.signed_file_id, StoredFile.id == Letter.candidate_file_id
            ),
        )
        .where(StoredFile.sha256 == sha256, Letter.id != letter.id)
    )
    other = db.session.execute(kept.limit(1)).first()
    if other is not None:
        which = f"nomor {other.number_text}" if other.number_text else f"#{other.id}"
        raise UploadRejected(
            f"Berkas pindaian ini sama persis dengan yang sudah diunggah untuk surat {which}. "
            "Pilih berkas pindaian surat ini."
        )


def refuse_drawn_copy(data: bytes) -> None:
    """Refuse as a scan a PDF SISAKAT drew and nobody changed since: its creator mark and one
    revision (a signature appends one). The copy for a wet signature and a draft preview are
    drawn afresh at each download and never stored, so ``refuse_unsigned_copy`` cannot know
    them by their hash; a scanner's PDF names its own creator."""
    if data.count(b"%%EOF") != 1:
        return
    try:
        info = PdfReader(io.BytesIO(data)).metadata
    except (PyPdfError, ValueError):  # the hygiene checks already read it; never a 500 here
        return
    if info is not None and info.creator == CREATOR:
        raise UploadRejected(DRAWN_UNSIGNED)


def refuse_e_signed(data: bytes) -> None:
    """Refuse as a scan a file whose electronic signature the office accepts (the scan box
    ticked by mistake): issued as a scan, its public page would deny the signature it carries.
    A signature the office does not accept (a scanner app's, say) leaves it a scan."""
    try:
        check(data, trust_service.load_trust_config())
    except SignatureRejected:
        return
    raise UploadRejected(E_SIGNED)


def printed_signatory(letter: Letter) -> tuple[str, str]:
    """(name, position) of the signatory as the letter prints them, from its frozen context:
    the a.n./Plt./Plh. line, the position and the region line on one line ("Plt. KEPALA BADAN
    ... PROVINSI SUMATERA SELATAN"), so a later change of the signatory settings never puts
    another name or title on the letter's public page."""
    drawn = letters.context_of(letters.inputs_of(letter), draft=True)
    lines = (drawn.signature_position, drawn.signature_region)
    # The block's closing comma ("SEKRETARIS,") is the letter's, not part of the title.
    position = " ".join(x for x in lines if x).rstrip(",")
    top = drawn.signature_prefix[0] if drawn.signature_prefix else ""
    # A bare "Plt." reads with the position; "a.n. GUBERNUR ..." is a title of its own.
    joiner = " " if len(top.split()) == 1 else ", "
    return drawn.signature_name, joiner.join(x for x in (top, position) if x)


def issue_scan(letter: Letter, row: StoredFile, *, actor: User, number=None, letter_date=None):
    """Issue a scanned, wet-signed letter in the name of the signatory the letter prints."""
    name, position = printed_signatory(letter)
    letters.finish_issue(
        letter,
        signed_bytes_row=row,
        method=SigningMethod.SCAN,
        report={"scan": True, "electronic": False, "file_sha256": row.sha256},
        match_tier=None,
        signer_name=name,
        signer_position=position,
        actor=actor,
        number_text=number,
        letter_date=letter_date,
    )
