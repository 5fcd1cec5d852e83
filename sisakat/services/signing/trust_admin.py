"""Super admin changes to the trust configuration: anchors, the signer allow-list, key usage.

Every change is audited; services flush, the route commits.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime

from cryptography import x509
from cryptography.exceptions import InvalidSignature

from sisakat.exceptions import SignatureRejected
from sisakat.extensions import db
from sisakat.models import AllowedSigner, AnchorKind, TrustAnchor, User
from sisakat.services import audit, numbering, settings
from sisakat.services.signing.trust import (
    KEY_USAGE_POLICIES,
    CertificateRejected,
    der_of,
    fingerprint,
    name_text,
    normalise_fingerprint,
    subject_text,
)
from sisakat.services.signing.validation import open_pdf


def _require_ca(cert: x509.Certificate, kind: AnchorKind) -> None:
    """A CA certificate (basicConstraints CA, keyCertSign), self-signed when it is a root."""
    try:
        ca = cert.extensions.get_extension_for_class(x509.BasicConstraints).value.ca
    except x509.ExtensionNotFound:
        ca = False
    try:
        usage = cert.extensions.get_extension_for_class(x509.KeyUsage).value.key_cert_sign
    except x509.ExtensionNotFound:
        usage = True  # keyUsage is optional; basicConstraints decides then
    if not (ca and usage):
        raise CertificateRejected("Sertifikat ini bukan sertifikat CA (akar atau perantara).")
    if kind == AnchorKind.ROOT:
        try:
            cert.verify_directly_issued_by(cert)
        except (ValueError, TypeError, InvalidSignature):
            raise CertificateRejected(
                "Sertifikat ini bukan akar (root): tidak ditandatangani oleh dirinya sendiri."
            ) from None
    if cert.not_valid_after_utc < datetime.now(UTC):
        raise CertificateRejected("Sertifikat ini sudah kedaluwarsa.")


def add_anchor(cert: x509.Certificate, *, kind: AnchorKind, actor: User) -> TrustAnchor:
    """Trust a root or intermediate certificate (parsed by ``trust.parse_certificate``)."""
    _require_ca(cert, kind)
    der = der_of(cert)
    fp = fingerprint(der)
    if db.session.execute(db.select(TrustAnchor.id).filter_by(fingerprint=fp)).first():
        raise CertificateRejected("Sertifikat ini sudah terdaftar.")
    from asn1crypto import x509 as asn1_x509

    anchor = TrustAnchor(
        kind=kind,
        der=der,
        subject=subject_text(asn1_x509.Certificate.load(der)),
        fingerprint=fp,
        not_after=cert.not_valid_after_utc.replace(tzinfo=None),
        added_by_id=actor.id,
    )
    db.session.add(anchor)
    db.session.flush()
    audit.record(
        "trust.anchor_add",
        actor=actor,
        object_type="trust_anchor",
        object_id=anchor.id,
        details={"kind": kind.value, "fingerprint": fp, "subject": anchor.subject},
    )
    return anchor


def remove_anchor(anchor: TrustAnchor, *, actor: User) -> None:
    """Stop trusting a certificate."""
    audit.record(
        "trust.anchor_remove",
        actor=actor,
        object_type="trust_anchor",
        object_id=anchor.id,
        details={"kind": anchor.kind.value, "fingerprint": anchor.fingerprint},
    )
    db.session.delete(anchor)
    db.session.flush()


@dataclass(frozen=True)
class SignerCandidate:
    """A signer certificate found in a sample PDF, offered for the allow-list."""

    fingerprint: str
    common_name: str
    subject: str
    issuer: str
    serial: str


def signers_in_pdf(data: bytes) -> list[SignerCandidate]:
    """The signer certificates of every signature in ``data`` (no validation, display only)."""
    from pyhanko.pdf_utils.misc import PdfError  # imported when needed (see pades.py)

    reader = open_pdf(data)
    try:
        return [_candidate(sig.signer_cert) for sig in reader.embedded_signatures]
    except (PdfError, ValueError, KeyError, TypeError):
        raise SignatureRejected("Tanda tangan dalam contoh PDF rusak.") from None


def _candidate(cert) -> SignerCandidate:
    """Display data of one signer certificate."""
    return SignerCandidate(
        fingerprint=fingerprint(cert.dump()),
        common_name=str(cert.subject.native.get("common_name", ""))[:200],
        subject=subject_text(cert),
        issuer=name_text(cert.issuer.human_friendly),
        serial=format(cert.serial_number, "x"),
    )


def add_allowed_signer(
    *,
    fingerprint_text: str,
    display_name: str,
    position: str = "",
    subject: str = "",
    valid_from: date | None = None,
    valid_until: date | None = None,
    actor: User,
) -> AllowedSigner:
    """Allow-list a signer certificate by fingerprint (reactivating a deactivated entry)."""
    fp = normalise_fingerprint(fingerprint_text)
    if fp is None:
        raise CertificateRejected("Sidik jari harus 64 digit heksadesimal (SHA-256).")
    if valid_from and valid_until and valid_until < valid_from:
        raise CertificateRejected("Tanggal akhir berlaku tidak boleh sebelum tanggal mulai.")
    row = db.session.execute(db.select(AllowedSigner).filter_by(fingerprint=fp)).scalar()
    if row is not None and row.active:
        raise CertificateRejected("Penandatangan ini sudah ada di daftar.")
    if row is None:
        row = AllowedSigner(fingerprint=fp, added_by_id=actor.id)
        db.session.add(row)
    row.display_name, row.position, row.active = display_name, position, True
    row.subject = subject[:500] or row.subject or ""
    row.valid_from, row.valid_until = valid_from, valid_until
    db.session.flush()
    audit.record(
        "trust.signer_allow",
        actor=actor,
        object_type="allowed_signer",
        object_id=row.id,
        details={"fingerprint": fp, "display_name": display_name},
    )
    return row


def deactivate_signer(signer: AllowedSigner, *, actor: User) -> None:
    """Take a signer off the allow-list (the row stays for the record)."""
    signer.active = False
    db.session.flush()
    audit.record(
        "trust.signer_deactivate",
        actor=actor,
        object_type="allowed_signer",
        object_id=signer.id,
        details={"fingerprint": signer.fingerprint},
    )


NO_ROOT = "Belum ada sertifikat akar (root) BSrE: semua surat bertanda tangan ditolak."
NO_SIGNER = "Belum ada penandatangan berwenang yang aktif."


def setup_gaps(*, today: date | None = None) -> list[str]:
    """What is missing before any electronically signed letter can be accepted: a root, an
    active allow-listed signer whose dates reach the office's today (Indonesian, empty when both
    are there)."""
    day = today or numbering.office_today()
    roots = db.session.execute(db.select(TrustAnchor.id).filter_by(kind=AnchorKind.ROOT))
    signers = db.session.execute(db.select(AllowedSigner).filter_by(active=True)).scalars().all()
    gaps = [] if roots.first() else [NO_ROOT]
    if not any(s.valid_until is None or s.valid_until >= day for s in signers):
        gaps.append(NO_SIGNER)
    return gaps


def trust_problems(*, today: date | None = None) -> list[str]:
    """What ``flask check`` should report about signature trust (Indonesian, empty when fine)."""
    day = today or numbering.office_today()
    gaps = setup_gaps(today=day)
    anchors = db.session.execute(db.select(TrustAnchor)).scalars().all()
    expiring = [
        f"Sertifikat {a.subject} berakhir {settings.office_day(a.not_after)}."
        for a in anchors
        if a.not_after and (settings.office_date(a.not_after) - day).days < 60
    ]
    return [g for g in gaps if g == NO_ROOT] + expiring + [g for g in gaps if g == NO_SIGNER]


def set_key_usage_policy(policy: str, *, actor: User) -> None:
    """Choose which key usage the signer certificate must carry (audited by settings)."""
    if policy not in KEY_USAGE_POLICIES:
        raise CertificateRejected("Kebijakan penggunaan kunci tidak dikenal.")
    settings.update({"signing.key_usage": policy}, actor=actor)
