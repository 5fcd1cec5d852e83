"""Under its status badge the party's application page says what the status means now and what
comes next. Found walking the app: a party returning to an application in Menunggu TTE (or
Diajukan, Ditolak) saw the badge and its documents, and no word of what that meant, what would
happen next or where the answer would show."""

from __future__ import annotations

import pytest

from sisakat.models import ApplicationStatus
from tests.letters.helpers import prepared_letter
from tests.workflow_http import page_text


def _note(client, application) -> str:
    page = page_text(client.get(f"/pemohon/permohonan/{application.id}"))
    start = page.find('id="arti-status">')
    return page[start + len('id="arti-status">') : page.find("</p>", start)] if start > 0 else ""


@pytest.mark.parametrize(
    ("status", "words"),
    [
        (ApplicationStatus.DIAJUKAN, "petugas (janji layanan 1 jam kerja). Hasilnya tampil"),
        (ApplicationStatus.DIVERIFIKASI, "Petugas sedang memeriksa dokumen Anda. Hasilnya tampil"),
        (ApplicationStatus.DITOLAK, "alasannya tercantum di Riwayat. Permohonan baru dapat"),
        (ApplicationStatus.DIBATALKAN, "Permohonan baru dapat diajukan dari Beranda."),
    ],
)
def test_a_status_says_what_comes_next(app, make, login_as, status, words):
    application = make.application(status=status)
    assert words in _note(login_as(application.party.account), application)


def test_an_issued_letter_is_pointed_to_and_a_draft_has_its_checklist_instead(app, make, login_as):
    letter = make.issued_letter()
    client = login_as(letter.application.party.account)
    assert "Surat sudah terbit: unduh dengan tombol Unduh di halaman ini." in _note(
        client, letter.application
    )
    draft = make.application()
    assert _note(login_as(draft.party.account), draft) == ""


def test_an_approved_application_says_the_letter_awaits_its_signature(app, make, login_as):
    letter = prepared_letter()
    application = letter.application
    assert application.status == ApplicationStatus.MENUNGGU_TTE
    note = _note(login_as(application.party.account), application)
    assert "surat menunggu tanda tangan elektronik (TTE) pejabat" in note
    assert "tombol unduhnya tampil di halaman ini" in note


@pytest.mark.parametrize(
    "status",
    [ApplicationStatus.DIAJUKAN, ApplicationStatus.DIVERIFIKASI, ApplicationStatus.MENUNGGU_TTE],
)
def test_a_waiting_party_is_told_when_its_letter_is_due(app, make, login_as, status):
    """Found walking the party's journey: after Ajukan the page said "janji layanan 1 jam
    kerja" and, once approved, only that the letter awaited its signature; a secretary who
    submitted at 15.30 on a Monday could not tell whether the letter would come that day or the
    next. The page now names the moment the service's promise falls due (office hours only)
    and, once it has passed, says so and where to turn."""
    from datetime import datetime

    from sisakat.extensions import db

    application = make.application(status=status)
    application.submitted_at = datetime(2026, 12, 7, 8, 30)  # Monday 15.30 WIB
    db.session.commit()
    app.config["CLOCK"] = lambda: datetime(2026, 12, 7, 8, 45)
    note = _note(login_as(application.party.account), application)
    assert "surat terbit paling lambat 8 Desember 2026 08.30 WIB" in note
    assert "sudah lewat" not in note
    app.config["CLOCK"] = lambda: datetime(2026, 12, 8, 3, 0)  # Tuesday 10.00 WIB
    late = _note(login_as(application.party.account), application)
    assert "Janji layanan (surat terbit paling lambat 8 Desember 2026 08.30 WIB) sudah" in late
    assert "hubungi kantor kami atau sampaikan lewat menu Pengaduan" in late
