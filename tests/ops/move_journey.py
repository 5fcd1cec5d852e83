"""The laptop office a hosted move starts from: demo data, an issued and signed letter, a
complaint, a survey answer, notifications and the super admin's own settings, with text that
only survives a UTF-8 (utf8mb4) round trip."""

from __future__ import annotations

import io
from dataclasses import dataclass

import sqlalchemy as sa

from sisakat.extensions import db
from sisakat.models import SKT_PARPOL, LetterNumber, Role, User
from sisakat.services import catalog, dataset, letter_settings, office, settings, survey
from tests import factories
from tests.letters import helpers as h

# Accents, curly and straight quotes, an apostrophe, a dash and emoji (4-byte UTF-8).
PARTY_NAME = 'Partai Café ‘Rakyat’ "Baru" d\'Nusantara — 🌾'
COMPLAINT = "Loket “tutup” jam 10 — mohon dibuka lagi 🙏 (Bapak Ré)"
SUGGESTION = "Pelayanan ramah 👍, antrean ‘cepat’"
ADDRESS = "Jalan Jenderal Sudirman No. 7 — Gedung “Café Lama”, Palembang"


@dataclass
class Office:
    """What the journey made (ids only: apps and sessions change across the move)."""

    admin_id: int
    owner_id: int
    letter_id: int
    token: str
    number_text: str
    signed: bytes
    complaint_id: int


def login(client, user: User):
    """Put ``user`` in the client's session (as tests/conftest.py ``login_as``)."""
    from sisakat.services import clock

    now = clock.timestamp()
    with client.session_transaction() as sess:
        sess.update({"_user_id": user.get_id(), "_fresh": True, "login_at": now, "seen_at": now})
    return client


def admin_settings(app, admin: User) -> None:
    """The admin's office profile (address, emblem) and a numbering format of the office's own."""
    values = settings.group("agency") | {"address": ADDRESS, "timezone": "WITA"}
    png = io.BytesIO(factories.png_bytes())
    office.update_agency(values, actor=admin, emblem=png, emblem_name="lambang.png")
    service = catalog.get(SKT_PARPOL)
    fmt = {"template": "{kode}/{nomor}/{unit}/{tahun}", "kode": "200.1.5.3", "unit": "KBP.RE"}
    letter_settings.save_numbering(
        service,
        values=fmt | {"padding": 3, "mode": "sisakat"},
        year=2027,
        next_value=None,
        seen_version=service.version,
        actor=admin,
    )
    db.session.commit()


def laptop_office(app, pki) -> Office:
    """Run the office's history on the current (SQLite) app; commits."""
    admin = factories.user(Role.SUPERADMIN, full_name="Admin Kantor Ré")
    admin_settings(app, admin)
    h.trust_office(pki)
    party = factories.party(party_name=PARTY_NAME, street=ADDRESS)
    letter = h.prepared_letter(party)
    signed = h.signed(letter, pki)
    assert h.upload(login(app.test_client(), admin), letter, signed).status_code == 302
    owner = login(app.test_client(), party.account)
    download = owner.get(f"/pemohon/skt/{letter.id}/unduh")
    assert download.status_code == 200
    download.close()
    data = survey.SurveyInput((4, 3, 4, 4, 2, 4, 3, 4, 4), suggestion=SUGGESTION)
    survey.submit(data, application_id=letter.application_id)
    complaint = factories.complaint(body=COMPLAINT, name="Andi Rénaldi")
    db.session.commit()
    db.session.refresh(letter)
    return Office(
        admin.id,
        party.account.id,
        letter.id,
        letter.token,
        letter.number_text,
        signed,
        complaint.id,
    )


def serials() -> list[int]:
    """The register's serials, in order."""
    query = db.select(LetterNumber.serial).where(LetterNumber.serial.is_not(None))
    return sorted(db.session.execute(query).scalars())


def next_ids_behind(conn) -> dict[str, tuple[int, int]]:
    """Tables whose next generated id (PostgreSQL sequence, MariaDB AUTO_INCREMENT) is not past
    their highest id: ``{table: (highest id, next id)}``; empty when every insert will work."""
    behind = {}
    for table in dataset.tables(conn):
        pk = list(table.primary_key.columns)
        if len(pk) != 1 or not isinstance(pk[0].type, sa.Integer) or pk[0].autoincrement is False:
            continue
        top = conn.execute(sa.select(sa.func.max(pk[0]))).scalar()
        if top is not None and _next_id(conn, table.name, pk[0].name) <= top:
            behind[table.name] = (top, _next_id(conn, table.name, pk[0].name))
    return behind


def _next_id(conn, table: str, column: str) -> int:
    if conn.dialect.name == "postgresql":
        seq = conn.execute(
            sa.text("SELECT pg_get_serial_sequence(:t, :c)"), {"t": table, "c": column}
        )
        last, called = conn.execute(
            sa.text(f"SELECT last_value, is_called FROM {seq.scalar()}")
        ).one()
        return last + 1 if called else last
    query = (
        "SELECT AUTO_INCREMENT FROM information_schema.TABLES "
        "WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = :t"
    )
    return conn.execute(sa.text(query), {"t": table}).scalar()
