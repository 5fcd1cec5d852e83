"""Deciding whether a signed PDF is an authentic, untouched SISAKAT letter (SIGNING.md §7).

``judge`` checks the signature against explicit trust roots and the signer allow-list;
``match_letter`` checks that it is the expected letter (tier A: our exact bytes are a prefix;
tier B: the signed revision's text carries the code, number and party name).
"""

from __future__ import annotations

import io
import logging
import re
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from pypdf import PdfReader

from sisakat.exceptions import SignatureRejected
from sisakat.formatting import BULAN
from sisakat.services.signing.trust import AllowedEntry, TrustConfig

if TYPE_CHECKING:
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation.status import PdfSignatureStatus
    from pyhanko_certvalidator import ValidationContext

# pyHanko is imported when a signature is judged, not at start-up (see pades.py).

log = logging.getLogger(__name__)

REASONS = {
    "not_pdf": "Berkas bukan PDF.",
    "unreadable": "Berkas PDF rusak atau tidak dapat dibaca.",
    "encrypted": "Berkas PDF terenkripsi; unggah berkas tanpa kata sandi.",
    "unsigned": "Berkas tidak bertanda tangan elektronik.",
    "empty_field": "Berkas tidak bertanda tangan: kolom tanda tangan masih kosong.",
    "broken": "Tanda tangan rusak atau isi dokumen berubah setelah ditandatangani.",
    "untrusted": "Sertifikat penandatangan tidak dipercaya (tidak berantai ke akar BSrE "
    "yang dikonfigurasi).",
    "expired": "Sertifikat penandatangan sudah kedaluwarsa, dan berkas tidak memuat cap waktu "
    "yang membuktikan tanda tangan dibuat selagi sertifikat masih berlaku. Tanda tangani ulang "
    "dengan sertifikat yang masih berlaku (perpanjang sertifikat di BSrE bila perlu).",
    "key_usage": "Sertifikat penandatangan tidak memiliki penggunaan kunci yang disyaratkan.",
    "not_allowed": "Berkas tidak memuat tanda tangan pejabat yang berwenang.",
    "modified": "Ada perubahan pada dokumen setelah ditandatangani.",
}
WHOLE_FILE = "ENTIRE_FILE"


@dataclass(frozen=True)
class Verdict:
    """The outcome for the allow-listed signature: ``ok`` or an Indonesian ``reason``."""

    ok: bool
    code: str  # "ok" or a key of REASONS
    status: PdfSignatureStatus
    byte_range: list[int]
    entry: AllowedEntry | None = None

    @property
    def reason(self) -> str | None:
        """The Indonesian rejection reason, None when accepted."""
        return None if self.ok else REASONS[self.code]

    def require(self) -> Verdict:
        """Raise SignatureRejected unless accepted; returns self for chaining."""
        if not self.ok:
            raise SignatureRejected(REASONS[self.code], code=self.code)
        return self


def _reject(code: str) -> SignatureRejected:
    """Log the decision (never the file) and build the Indonesian rejection."""
    log.info("signature rejected: %s", code)
    return SignatureRejected(REASONS[code], code=code)


def open_pdf(signed: bytes) -> PdfFileReader:
    """Parse strictly; not a PDF, unreadable or encrypted raise SignatureRejected."""
    from pyhanko.pdf_utils.misc import PdfError
    from pyhanko.pdf_utils.reader import PdfFileReader

    if not signed.startswith(b"%PDF-"):
        raise _reject("not_pdf")
    try:
        reader = PdfFileReader(io.BytesIO(signed), strict=True)
        encrypted = reader.encrypted
        reader.root  # noqa: B018 - forces the trailer and catalogue to parse
    except (PdfError, ValueError, KeyError, TypeError, IndexError):
        raise _reject("unreadable") from None
    if encrypted:
        raise _reject("encrypted")
    return reader


def _context(trust: TrustConfig) -> ValidationContext:
    """A validation context with explicit roots only; offline unless ``trust.online``."""
    from pyhanko_certvalidator import ValidationContext

    return ValidationContext(
        trust_roots=trust.roots,
        other_certs=trust.intermediates,
        allow_fetching=trust.online,
        revocation_mode="soft-fail",
    )


def _decide(st: PdfSignatureStatus, trust: TrustConfig) -> str:
    """The first failed requirement as a REASONS key, or "ok"."""
    if not (st.intact and st.valid):
        return "broken"
    if not st.trusted:
        return _untrusted(st)
    whole = st.coverage.name == WHOLE_FILE or (
        st.coverage.name == "ENTIRE_REVISION"
        and st.modification_level is not None
        and st.modification_level.name == "LTA_UPDATES"
    )
    return "ok" if st.docmdp_ok is True and whole else "modified"


def _untrusted(st: PdfSignatureStatus) -> str:
    """The chain's failure: "expired" (certificate ended, no earlier signing) or "untrusted"."""
    indic = st.trust_problem_indic
    return "expired" if indic is not None and indic.name == "OUT_OF_BOUNDS_NO_POE" else "untrusted"


def _key_usage_ok(cert, trust: TrustConfig) -> bool:
    """Does the signer certificate carry the key usage the policy requires?"""
    from pyhanko_certvalidator.errors import InvalidCertificateError

    try:
        trust.key_usage.validate(cert)
    except InvalidCertificateError:
        return False
    return True


def judge(signed: bytes, trust: TrustConfig) -> Verdict:
    """Find the allow-listed signature and decide whether it covers the whole, untouched file."""
    from pyhanko.pdf_utils.misc import PdfError
    from pyhanko.sign.fields import enumerate_sig_fields
    from pyhanko.sign.validation.errors import SignatureValidationError

    reader = open_pdf(signed)
    try:
        sigs = reader.embedded_signatures
    except (PdfError, SignatureValidationError, ValueError, KeyError, TypeError):
        raise _reject("broken") from None
    if not sigs:
        empty = any(value is None for _, value, _ in enumerate_sig_fields(reader))
        raise _reject("empty_field" if empty else "unsigned")
    try:
        return _judge_signatures(sigs, trust)
    except (PdfError, SignatureValidationError, ValueError, KeyError, TypeError):
        # A garbled CMS blob or signature dictionary: pyHanko cannot even read the signer.
        raise _reject("broken") from None


def _judge_signatures(sigs: list, trust: TrustConfig) -> Verdict:
    """Validate the first allow-listed signature; explain why when there is none."""
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko.sign.validation.settings import KeyUsageConstraints

    ctx = _context(trust)
    for sig in sigs:
        stamp = sig.self_reported_timestamp
        if not trust.allows(sig.signer_cert, on=stamp):
            continue
        if not _key_usage_ok(sig.signer_cert, trust):
            raise _reject("key_usage")
        st = validate_pdf_signature(sig, ctx, key_usage_settings=trust.key_usage)
        code = _decide(st, trust)
        log.info("signature judged: %s (coverage %s)", code, st.coverage.name)
        byte_range = [int(x) for x in sig.sig_object["/ByteRange"]]
        return Verdict(code == "ok", code, st, byte_range, trust.entry_for(sig.signer_cert))
    # No allow-listed signer: say whether the certificate is foreign or merely not authorised
    # (by its chain alone: a key usage it lacks is no reason to call our root's holder foreign).
    any_usage = KeyUsageConstraints(key_usage={"digital_signature"})
    last = validate_pdf_signature(sigs[-1], ctx, key_usage_settings=any_usage, skip_diff=True)
    if not last.trusted:
        raise _reject(_untrusted(last))
    raise _not_allowed(sigs[-1].signer_cert)


NOT_ALLOWED_NEXT = (
    " Tanda tangani ulang oleh pejabat yang berwenang, atau minta Super Admin mendaftarkan "
    "penandatangan ini di Administrasi → Kepercayaan tanda tangan elektronik."
)


def _not_allowed(cert) -> SignatureRejected:
    """A trusted certificate off the allow-list: who signed (the name alone told the signer
    nothing they could act on) and the two ways forward."""
    log.info("signature rejected: not_allowed")
    raw = str(cert.subject.native.get("common_name") or "")
    name = "".join(ch for ch in raw if ch.isprintable()).strip()[:120]  # from the uploaded file
    signed_by = (
        f" Berkas ditandatangani oleh {name}, yang tidak ada di daftar penandatangan berwenang."
        if name
        else ""
    )
    return SignatureRejected(
        REASONS["not_allowed"] + signed_by + NOT_ALLOWED_NEXT, code="not_allowed"
    )


def check(signed: bytes, trust: TrustConfig) -> Verdict:
    """``judge`` that raises SignatureRejected (Indonesian reason) unless accepted."""
    return judge(signed, trust).require()


@dataclass(frozen=True)
class MatchResult:
    """Is this the expected letter? Tier "A" (exact prefix), "B" (text) or None (manual review)."""

    tier: str | None
    details: dict = field(default_factory=dict)


def normalise(text: str) -> str:
    """Case-folded, all whitespace removed: extraction splits and joins lines unpredictably."""
    return "".join(text.casefold().split())


def signed_revision_text(signed: bytes, byte_range: list[int]) -> str:
    """The text of the revision the signature covers; never later incremental updates."""
    end = byte_range[2] + byte_range[3]
    reader = PdfReader(io.BytesIO(signed[:end]))
    return "\n".join(page.extract_text() or "" for page in reader.pages)


def match_letter(
    signed: bytes,
    *,
    unsigned: bytes | None,
    code: str,
    number_text: str,
    party_name: str,
    byte_range: list[int],
) -> MatchResult:
    """Tier A when the signer appended to our exact bytes; else tier B from the signed text."""
    if (
        unsigned is not None
        and byte_range[0] == 0
        and byte_range[1] >= len(unsigned)
        and signed.startswith(unsigned)
    ):
        return MatchResult("A", {"prefix_bytes": len(unsigned)})
    text = normalise(signed_revision_text(signed, byte_range))
    expected = {"code": code, "number": number_text, "party_name": party_name}
    found = {k: bool(normalise(v)) and normalise(v) in text for k, v in expected.items()}
    return MatchResult("B" if all(found.values()) else None, {"found": found})


@dataclass(frozen=True)
class NumberAndDate:
    """A letter number and date read from a SRIKANDI-signed revision (confirmed by a human)."""

    number: str | None
    letter_date: date | None


# Month words a letter's date may use: today's and the old spellings many regional letters keep.
MONTH_WORDS = {name.lower(): i for i, name in enumerate(BULAN, 1)} | {"pebruari": 2, "nopember": 11}
DATE_RE = re.compile(
    r"\b([0-9]{1,2})\s+(" + "|".join(MONTH_WORDS) + r")\s+([0-9]{4})\b", re.IGNORECASE
)


def extract_number_and_date(
    signed_revision_text: str, number_pattern: str, place: str = ""
) -> NumberAndDate:
    """First match of ``number_pattern`` (built by the caller from the office format) and the
    letter's date (``13 Juni 2025``): the one on the place-and-date line (``<place>, <date>``)
    when ``place`` is given and found, else the last Indonesian date in the text. Never the
    first: the body cites earlier dates (the board's SK, its term of office) before the
    place-and-date line."""
    number = re.search(number_pattern, signed_revision_text)
    found = None
    if place.strip():
        dated = re.compile(re.escape(place.strip()) + r"\s*,\s*" + DATE_RE.pattern, re.IGNORECASE)
        found = dated.search(signed_revision_text)
    if found is None:
        found = next(reversed(list(DATE_RE.finditer(signed_revision_text))), None)
    letter_date = None
    if found:
        day, month_name, year = found.groups()[-3:]
        month = MONTH_WORDS[month_name.lower()]
        try:
            letter_date = date(int(year), month, int(day))
        except ValueError:
            letter_date = None
    return NumberAndDate(number.group(0) if number else None, letter_date)
