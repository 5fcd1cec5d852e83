"""Helpers for the letter and signing-desk tests: applications ready to approve, prepared and
issued letters, the office trust configuration from the test PKI, signed uploads."""

from __future__ import annotations

import hashlib
import io
from datetime import timedelta

from sisakat.extensions import db
from sisakat.models import (
    AllowedSigner,
    AnchorKind,
    ApplicationStatus,
    FileKind,
    Letter,
    LetterStatus,
    Role,
    SigningMethod,
    TrustAnchor,
    Verdict,
)
from sisakat.services import clock, letter_claim, settings, storage, verification
from tests import factories
from tests.signing import pdfs


def approvable(party=None):
    """(application in Diverifikasi with every document Sesuai, the claiming verifier)."""
    verifier = factories.user(Role.VERIFIKATOR)
    application = factories.application(
        party, status=ApplicationStatus.DIVERIFIKASI, claimed_by=verifier, verdict=Verdict.SESUAI
    )
    return application, verifier


def prepared_letter(party=None) -> Letter:
    """An approved application's letter (numbered unless SRIKANDI mode), committed."""
    application, verifier = approvable(party)
    verification.approve(application, actor=verifier, seen_version=application.version)
    db.session.commit()
    return db.session.execute(
        db.select(Letter).filter_by(application_id=application.id)
    ).scalar_one()


def unsigned(letter: Letter) -> bytes:
    """The stored unsigned PDF."""
    return storage.read_bytes(letter.unsigned_file)


def signed(letter: Letter, pki, ident=None) -> bytes:
    """The letter's unsigned PDF signed by ``ident`` (default: the allow-listed signer)."""
    return pdfs.sign(unsigned(letter), ident or pki.signer)


def trust_office(pki) -> None:
    """The test PKI's root and intermediate as anchors, its signer allow-listed."""
    db.session.add_all(
        [
            TrustAnchor(
                kind=AnchorKind.ROOT,
                der=pki.root.der,
                subject="CN=BSrE Uji Root",
                fingerprint=pki.root.fingerprint,
            ),
            TrustAnchor(
                kind=AnchorKind.INTERMEDIATE,
                der=pki.intermediate.der,
                subject="CN=BSrE Uji Intermediate",
                fingerprint=pki.intermediate.fingerprint,
            ),
            AllowedSigner(
                fingerprint=pki.signer.fingerprint,
                display_name="Dr. Contoh Pejabat, M.Si.",
                position="Kepala Badan",
            ),
        ]
    )
    db.session.commit()


def srikandi_mode(*, scans: bool = False) -> None:
    """SRIKANDI numbers, dates and signs; ``scans``: a wet-signed scan may be uploaded too."""
    values = {"numbering.mode": "srikandi"}
    if scans:
        values["signing.allow_scan"] = True
    settings.update(values, actor=None)
    db.session.commit()


def upload(client, letter: Letter, data: bytes, **extra):
    """POST a file to the upload-back route."""
    form = {"file": (io.BytesIO(data), "skt-ttd.pdf", "application/pdf"), **extra}
    return client.post(
        f"/tte/surat/{letter.id}/unggah", data=form, content_type="multipart/form-data"
    )


def sha256(data: bytes) -> str:
    """Hex SHA-256."""
    return hashlib.sha256(data).hexdigest()


def issued_letter(party, data: bytes | None = None) -> Letter:
    """A Terbit application of ``party`` with a Berlaku letter whose signed file is ``data``."""
    application = factories.application(party, status=ApplicationStatus.TERBIT)
    stored = storage.save_bytes(
        data or factories.pdf_bytes("SKT bertanda tangan uji"),
        kind=FileKind.LETTER_SIGNED,
        content_type="application/pdf",
        display_name="skt.pdf",
        uploaded_by=None,
    )
    letter = Letter(
        application_id=application.id,
        token=f"T{application.id:025d}",
        status=LetterStatus.BERLAKU,
        number_text=f"200.1.5.3/{application.id}/UJI/2026",
        unsigned_file_id=stored.id,
        signed_file_id=stored.id,
        signing_method=SigningMethod.SRIKANDI,
        context_json='{"profile": {}}',
    )
    db.session.add(letter)
    db.session.commit()
    return letter


def signed_bytes(letter: Letter) -> bytes:
    """The stored signed PDF."""
    return storage.read_bytes(letter.signed_file)


def under_review(letter: Letter, data: bytes) -> Letter:
    """``letter`` with ``data`` stored as the signed upload waiting for manual review
    (committed), as an unmatched upload leaves it."""
    row = storage.save_bytes(
        data,
        kind=FileKind.SIGNED_CANDIDATE,
        content_type="application/pdf",
        display_name="unggahan.pdf",
        uploaded_by=None,
    )
    letter.candidate_file_id, letter.status = row.id, LetterStatus.PERLU_TINJAUAN
    db.session.commit()
    return letter


def claimed_by_head(letter: Letter):
    """``letter`` claimed now by Kepala Satu, as an in-app signing under way leaves it (or a
    signing process killed mid-call); the moment of the claim."""
    head = factories.user(Role.PENANDATANGAN, full_name="Kepala Satu")
    since = clock.now()
    letter.signing_by_id, letter.signing_since = head.id, since
    db.session.commit()
    return since


def expire_claim(app, since) -> None:
    """Move the app's clock past the expiry of a claim taken at ``since``."""
    app.config["CLOCK"] = lambda: letter_claim.expires_at(since) + timedelta(seconds=1)


def statements_by_claim(app, letter: Letter, fetch) -> tuple[int, int, int]:
    """SQL statements of one ``fetch()`` (after a warming one) with no claim on ``letter``,
    with a live claim, and with that claim expired."""
    from tests.monitoring_helpers import count_queries

    def statements() -> int:
        fetch()
        with count_queries() as counter:
            fetch()
        return counter["n"]

    unclaimed = statements()
    since = claimed_by_head(letter)
    live = statements()
    expire_claim(app, since)
    return unclaimed, live, statements()
