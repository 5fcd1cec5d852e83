"""A notification names the application it is about. Found in QA: 'Permohonan Anda perlu
perbaikan.' in the bell of a party with a letter issued and a renewal under way (or, for staff,
of several boards) did not say which application; now each one starts with its number and
service ('Permohonan #12 · SKT Partai Politik'), links to it, and its e-mail says the same."""

from __future__ import annotations

import re

from sisakat.extensions import db
from sisakat.models import Action, ApplicationStatus, Notification, OutgoingEmail, Role
from sisakat.services import workflow
from tests.workflow_http import act, page_text


def _bell(client) -> list[tuple[str, str]]:
    """(link, text) of each notification on the bell page, newest first."""
    html = page_text(client.get("/akun/notifikasi"))
    return re.findall(r'<li class="list-group-item[^"]*">\s*<a href="([^"]+)">([^<]+)</a>', html)


def test_each_notification_names_and_links_its_application(app, make, login_as):
    verifier = make.user(Role.VERIFIKATOR, email="verifikator@kesbangpol.example.test")
    issued = make.issued_letter().application
    party = issued.party
    renewal = make.application(party)  # a second application of the same party
    client = login_as(party.account)
    act(client, f"/pemohon/permohonan/{renewal.id}/ajukan", renewal)
    label = f"Permohonan #{renewal.id} · SKT Partai Politik"
    assert label != f"Permohonan #{issued.id} · SKT Partai Politik"
    assert _bell(client) == [
        (f"/pemohon/permohonan/{renewal.id}", f"{label} — Permohonan Anda telah diajukan.")
    ]
    staff = login_as(verifier)
    assert _bell(staff) == [
        (
            f"/petugas/permohonan/{renewal.id}",
            f"{label} — {party.board_name}: permohonan masuk antrean verifikasi.",
        )
    ]
    mails = {m.to_address: m for m in db.session.execute(db.select(OutgoingEmail)).scalars()}
    to_party, to_staff = mails[party.account.email], mails[verifier.email]
    assert to_party.subject == f"[SISAKAT] {label}: Permohonan Anda telah diajukan."
    assert f"{label} — Permohonan Anda telah diajukan." in to_party.body
    assert to_staff.subject.startswith(f"[SISAKAT] {label} — {party.board_name}: ")
    assert f"/petugas/permohonan/{renewal.id}" in to_staff.body


def test_an_ormas_report_is_named_by_its_own_service(app, make, login_as):
    report = make.application(service_code="lapor_ormas")
    client = login_as(report.party.account)
    act(client, f"/pemohon/permohonan/{report.id}/batalkan", report)
    assert _bell(client) == [
        (
            f"/pemohon/permohonan/{report.id}",
            f"Permohonan #{report.id} · Laporan Keberadaan Ormas — Permohonan Anda dibatalkan.",
        )
    ]


def test_an_issued_letter_is_told_to_its_own_verifier_not_every_verifier(app, make):
    """Every verifier of the office heard 'surat keterangan telah terbit' about every letter,
    also the ones they never handled; now the verifier holding the claim hears it (and the
    super admin, who runs the office), the other verifiers do not."""
    handler, other = make.user(Role.VERIFIKATOR), make.user(Role.VERIFIKATOR)
    admin, signer = make.user(Role.SUPERADMIN), make.user(Role.PENANDATANGAN)
    application = make.application(status=ApplicationStatus.MENUNGGU_TTE, claimed_by=handler)
    workflow.apply(application, Action.TERBITKAN, actor=signer, seen_version=application.version)
    db.session.commit()

    def told(user) -> list[str]:
        query = db.select(Notification.message).where(Notification.user_id == user.id)
        return list(db.session.execute(query).scalars())

    board = application.party.board_name
    label = f"Permohonan #{application.id} · SKT Partai Politik"
    expected = f"{label} — {board}: surat keterangan telah terbit."
    assert told(handler) == [expected]
    assert told(admin) == [expected]
    assert told(other) == []
