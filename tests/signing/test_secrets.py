"""SIG-14: passphrases never reach logs, exception text or database rows."""

from __future__ import annotations

import logging

import pytest
import sqlalchemy as sa

from sisakat.exceptions import DomainError
from sisakat.extensions import db
from sisakat.services import audit
from sisakat.services.signing.pades import PadesBackend, SignJob
from tests.fakes.bsre import PASSPHRASE
from tests.pki import P12_PASSPHRASE
from tests.signing import bsre_helpers as h
from tests.signing import pdfs

WRONG = "Salah#Frasa-Rahasia-99"


def _all_rows_text() -> str:
    parts = []
    for table in db.metadata.sorted_tables:
        parts.extend(str(tuple(r)) for r in db.session.execute(sa.select(table)))
    return "\n".join(parts)


def test_sig14_passphrases_stay_out_of_logs_errors_and_db(app, pki, fake_bsre, caplog):
    caplog.set_level(logging.DEBUG)
    errors: list[DomainError] = []
    PadesBackend(pki.signer.p12_path).sign(pdfs.letter_pdf(), SignJob(), P12_PASSPHRASE)
    for attempt in (
        lambda: PadesBackend(pki.signer.p12_path).sign(pdfs.letter_pdf(), SignJob(), WRONG),
        lambda: h.sign(fake_bsre, "v1", passphrase=WRONG),
        lambda: h.sign(fake_bsre, "v2", passphrase=WRONG),
    ):
        with pytest.raises(DomainError) as caught:
            attempt()
        errors.append(caught.value)
    h.sign(fake_bsre, "v1")
    h.sign(fake_bsre, "v2")
    for error in errors:  # what a route would record after a failed attempt
        audit.record("letter.sign_failed", actor=None, details={"alasan": error.message})
    db.session.commit()
    stored = _all_rows_text()
    assert "letter.sign_failed" in stored
    for secret in (P12_PASSPHRASE, PASSPHRASE, WRONG, h.JOB.nik):
        assert secret not in caplog.text
        assert secret not in stored
        for error in errors:
            assert secret not in str(error)
            assert secret not in repr(error.args)
    assert h.JOB.nik not in repr(h.JOB)
