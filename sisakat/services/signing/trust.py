"""Trust configuration for document signatures: roots, intermediates, allow-list, key usage.

Validation uses explicit trust roots only (pyHanko deprecated the OS trust list for document
signatures) and an allow-list of signer fingerprints, since every BSrE holder chains to the root.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING

from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives import serialization

from sisakat.exceptions import DomainError
from sisakat.extensions import db
from sisakat.models import AllowedSigner, AnchorKind, TrustAnchor
from sisakat.services import numbering, settings

if TYPE_CHECKING:  # pyHanko is imported when needed, not at start-up (see pades.py)
    from pyhanko.sign.validation.settings import KeyUsageConstraints

# Setting ``signing.key_usage``: pyHanko requires non-repudiation by default; some BSrE
# certificates may carry digitalSignature only (check real ones, then choose).
KEY_USAGE_POLICIES = {
    "non_repudiation": "Nirsangkal (non-repudiation), bawaan pyHanko",
    "digital_signature": "Tanda tangan digital (digital signature) saja",
}
# asn1crypto's English attribute words (``Name.human_friendly``), in Indonesian for the pages.
NAME_LABELS = {
    "Common Name": "Nama",
    "Name": "Nama",
    "Given Name": "Nama depan",
    "Surname": "Nama keluarga",
    "Title": "Jabatan",
    "Organization": "Organisasi",
    "Organizational Unit": "Unit organisasi",
    "Organization Identifier": "Identitas organisasi",
    "Country": "Negara",
    "State/Province": "Provinsi",
    "Locality": "Kota",
    "Street Address": "Alamat",
    "Postal Code": "Kode pos",
    "Email Address": "E-mail",
    "Serial Number": "Nomor seri",
    "User ID": "ID pengguna",
    "Domain Component": "Komponen domain",
}
_LABEL_WORDS = "|".join(re.escape(k) for k in sorted(NAME_LABELS, key=len, reverse=True))
_NAME_LABEL = re.compile(rf"(^|[;,] )({_LABEL_WORDS}): ")


class CertificateRejected(DomainError):
    """An uploaded certificate cannot be used as a trust anchor."""


def fingerprint(der: bytes) -> str:
    """SHA-256 of a DER certificate as 64 lowercase hex characters."""
    return hashlib.sha256(der).hexdigest()


def normalise_fingerprint(text: str) -> str | None:
    """Accept ``AB:CD:...``, spaced or plain hex; None unless it is 64 hex digits."""
    cleaned = "".join(ch for ch in text.lower() if ch not in ": \t\n-")
    if len(cleaned) == 64 and all(ch in "0123456789abcdef" for ch in cleaned):
        return cleaned
    return None


def name_text(text: str) -> str:
    """A certificate name as asn1crypto words it (``Organization: X; Common Name: Y``) with
    Indonesian labels (``Organisasi: X; Nama: Y``); also reads names stored in English before."""
    return _NAME_LABEL.sub(lambda m: f"{m[1]}{NAME_LABELS[m[2]]}: ", text or "")


def subject_text(cert: asn1_x509.Certificate) -> str:
    """A readable subject (``Nama: ..., Organisasi: ...``), capped for the column."""
    return name_text(cert.subject.human_friendly)[:500]


def parse_certificate(data: bytes) -> x509.Certificate:
    """One certificate from PEM or DER bytes; anything else raises CertificateRejected."""
    try:
        if b"-----BEGIN" in data:
            certs = x509.load_pem_x509_certificates(data)
            if len(certs) != 1:
                raise CertificateRejected("Unggah satu sertifikat per berkas.")
            return certs[0]
        return x509.load_der_x509_certificate(data)
    except ValueError:
        raise CertificateRejected("Berkas bukan sertifikat X.509 (PEM atau DER).") from None


def key_usage_constraints(policy: str) -> KeyUsageConstraints:
    """The pyHanko key-usage check for a policy name (unknown names fall back to the default)."""
    from pyhanko.sign.validation.settings import KeyUsageConstraints

    if policy == "digital_signature":
        return KeyUsageConstraints(key_usage={"digital_signature"})
    return KeyUsageConstraints(key_usage={"non_repudiation"})


@dataclass(frozen=True)
class AllowedEntry:
    """One allow-listed signer, as the validator sees it."""

    fingerprint: str
    display_name: str = ""
    position: str = ""
    valid_from: date | None = None
    valid_until: date | None = None


@dataclass(frozen=True)
class TrustConfig:
    """Everything ``judge()`` needs; built from the DB or directly in tests."""

    roots: list[asn1_x509.Certificate]
    intermediates: list[asn1_x509.Certificate]
    allowed: dict[str, AllowedEntry] = field(default_factory=dict)
    key_usage_policy: str = "non_repudiation"
    online: bool = False
    offset_hours: int = 7  # the office zone: allow-list dates are the office's calendar days
    today: date | None = None  # the office's today (the app clock), for a signature without a time

    @property
    def key_usage(self) -> KeyUsageConstraints:
        """pyHanko key-usage constraints for the configured policy."""
        return key_usage_constraints(self.key_usage_policy)

    def entry_for(self, cert: asn1_x509.Certificate) -> AllowedEntry | None:
        """The allow-list entry of a signer certificate, whatever the date."""
        return self.allowed.get(fingerprint(cert.dump()))

    def office_day(self, moment: datetime | None) -> date:
        """The office's calendar day of a signing moment (aware, or naive UTC): 17.30 UTC on 31
        December is 1 January in WIB. Without a moment, the office's today."""
        if moment is None:
            return self.today or self.office_day(datetime.now(UTC))
        if moment.tzinfo is not None:
            moment = moment.astimezone(UTC).replace(tzinfo=None)
        return (moment + timedelta(hours=self.offset_hours)).date()

    def allows(self, cert: asn1_x509.Certificate, on: datetime | None = None) -> bool:
        """Is this signer certificate allow-listed (and within its dates on the office day of
        the signing moment ``on``)?"""
        entry = self.entry_for(cert)
        if entry is None:
            return False
        day = self.office_day(on)
        if entry.valid_from and day < entry.valid_from:
            return False
        return not (entry.valid_until and day > entry.valid_until)


def _asn1(der_list: Iterable[bytes]) -> list[asn1_x509.Certificate]:
    """asn1crypto certificates from DER bytes (what pyHanko's validator takes)."""
    return [asn1_x509.Certificate.load(der) for der in der_list]


def build_trust_config(
    *,
    roots: Iterable[bytes],
    intermediates: Iterable[bytes] = (),
    allowed: Iterable[AllowedEntry] = (),
    key_usage_policy: str = "non_repudiation",
    online: bool = False,
    offset_hours: int = 7,
    today: date | None = None,
) -> TrustConfig:
    """A TrustConfig from DER certificates and allow-list entries (no database)."""
    return TrustConfig(
        roots=_asn1(roots),
        intermediates=_asn1(intermediates),
        allowed={e.fingerprint: e for e in allowed},
        key_usage_policy=key_usage_policy
        if key_usage_policy in KEY_USAGE_POLICIES
        else "non_repudiation",
        online=online,
        offset_hours=offset_hours,
        today=today,
    )


def load_trust_config(*, online: bool = False) -> TrustConfig:
    """The office's trust configuration from the database and the ``signing.key_usage`` setting,
    judged in the office's time zone and by the app clock."""
    anchors = db.session.execute(db.select(TrustAnchor).order_by(TrustAnchor.id)).scalars().all()
    signers = db.session.execute(db.select(AllowedSigner).filter_by(active=True)).scalars().all()
    return build_trust_config(
        roots=[a.der for a in anchors if a.kind == AnchorKind.ROOT],
        intermediates=[a.der for a in anchors if a.kind == AnchorKind.INTERMEDIATE],
        allowed=[
            AllowedEntry(s.fingerprint, s.display_name, s.position, s.valid_from, s.valid_until)
            for s in signers
        ],
        key_usage_policy=str(settings.get("signing.key_usage") or "non_repudiation"),
        online=online,
        offset_hours=settings.utc_offset_hours(),
        today=numbering.office_today(),
    )


def der_of(cert: x509.Certificate) -> bytes:
    """DER bytes of a ``cryptography`` certificate."""
    return cert.public_bytes(serialization.Encoding.DER)
