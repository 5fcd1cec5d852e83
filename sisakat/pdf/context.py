"""``LetterContext``: every string a letter prints, frozen, built once (services/letter_context)
and handed to the pure renderers (``skt.render_skt``, ``konsep_docx.render_konsep_docx``)."""

from __future__ import annotations

import re
from dataclasses import dataclass

# SRIKANDI's own variables, filled by SRIKANDI at signing (SIGNING.md §10); printed verbatim.
NOMOR_NASKAH = "${nomor_naskah}"
TGL_NASKAH = "${tgl_naskah}"
TTD_PENGIRIM = "${ttd_pengirim}"
PAGE_SIZES = ("A4", "F4")
# Control characters are invalid in XML (DOCX) and meaningless in print; forms refuse them, and
# the renderers drop any that reach them rather than fail.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")


def printable(value: str | None) -> str:
    """``value`` without control characters (newline and tab kept)."""
    return _CONTROL.sub("", value or "")


@dataclass(frozen=True)
class LetterContext:
    """Ready strings for one letter. Values are plain text (renderers escape them)."""

    kop_government: str
    kop_agency: str
    kop_lines: tuple[str, ...]
    emblem_png: bytes | None
    title: str
    number: str  # ignored in SRIKANDI mode
    opening: str
    fields: tuple[tuple[str, str], ...]  # items 1-6: (label, value)
    board_label: str  # item 7
    board: tuple[tuple[str, str], ...]  # (position, name)
    statement: str  # item 8
    closing: str
    place: str
    date_text: str  # "13 Juni 2025"; ignored in SRIKANDI mode
    signature_prefix: tuple[str, ...]  # "a.n. ...", "Plt." lines above the position
    signature_position: str
    signature_region: str
    signature_name: str
    signature_rank: str
    signature_nip: str  # "NIP 19700101 199501 1 001"
    tembusan: tuple[str, ...] = ()
    footer: str = ""  # electronic-signature (BSrE) footer; empty for none
    # BSrE ``tag_koordinat``: printed in the signature space, white and small (found as text,
    # unseen on paper), where BSrE places the visible signature; empty: placed by coordinates.
    signature_tag: str = ""
    verification_url: str = ""  # QR content; only on issued letters
    code: str = ""  # verification code printed under the QR and in /Keywords
    draft: bool = False  # diagonal "DRAF" on every page, never a QR
    srikandi: bool = False  # SRIKANDI fills number, date and signature
    page_size: str = "A4"
    author: str = ""
    subject: str = "Surat Keterangan Terdaftar"
    invariant: bool = False  # tests only: byte-identical output

    @property
    def shown_number(self) -> str:
        """The number as printed (SRIKANDI's variable in SRIKANDI mode)."""
        return NOMOR_NASKAH if self.srikandi else self.number

    @property
    def shown_day(self) -> str:
        """The date as printed (SRIKANDI's variable in SRIKANDI mode)."""
        return TGL_NASKAH if self.srikandi else self.date_text

    @property
    def shown_date(self) -> str:
        """The place-and-date line."""
        return f"{self.place}, {self.shown_day}"

    @property
    def signature_mark(self) -> str:
        """What stands in the signature space: SRIKANDI's variable or nothing."""
        return TTD_PENGIRIM if self.srikandi else ""

    @property
    def has_qr(self) -> bool:
        """A QR only on an issued letter (never on a draft)."""
        return bool(self.verification_url) and not self.draft
