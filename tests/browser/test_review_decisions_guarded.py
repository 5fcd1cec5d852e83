"""The review's decision buttons share one form with one note: "Tolak" (final: the party cannot
fix and resubmit) sat beside "Setujui" and went through on one click, so a note typed to return
the application rejected it for good on a slip of the finger. And a note typed there was dropped
without a word when the verifier then saved a document's verdict (another form on the page)."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from sisakat.extensions import db
from sisakat.models import Application, ApplicationStatus, Role, Verdict
from tests.browser.journeys import fresh, log_in

pytestmark = pytest.mark.browser
NOTE = "KTP bendahara buram, mohon unggah ulang."
REJECT = "Tolak permohonan ini? Penolakan bersifat final: pemohon tidak dapat memperbaikinya."
UNSAVED = "Perubahan di formulir lain pada halaman ini belum disimpan dan akan hilang. Lanjutkan?"


def _review(page, make, verdict=None) -> int:
    verifier = make.user(Role.VERIFIKATOR)
    application = make.application(
        status=ApplicationStatus.DIVERIFIKASI, claimed_by=verifier, verdict=verdict
    )
    application_id, username = application.id, verifier.username
    db.session.commit()  # the server needs the SQLite write lock
    log_in(page, username)
    page.goto(f"/petugas/permohonan/{application_id}")
    return application_id


def _answer(page, *answers: bool) -> list[str]:
    asked: list[str] = []

    def reply(dialog):
        asked.append(dialog.message)
        dialog.accept() if answers[len(asked) - 1] else dialog.dismiss()

    page.on("dialog", reply)
    return asked


def _status(application_id: int) -> ApplicationStatus:
    fresh()
    status = db.session.get(Application, application_id).status
    fresh()  # end the read: the server needs the SQLite write lock for the next click
    return status


def test_reject_asks_first_and_a_no_keeps_the_note(page, make):
    application_id = _review(page, make, verdict=Verdict.TIDAK_SESUAI)
    page.get_by_label("Catatan untuk pemohon").fill(NOTE)
    asked = _answer(page, False, True)
    page.get_by_role("button", name="Tolak").click()
    assert asked == [REJECT]
    expect(page.get_by_label("Catatan untuk pemohon")).to_have_value(NOTE)
    expect(page.get_by_role("button", name="Tolak")).to_be_enabled()
    assert _status(application_id) == ApplicationStatus.DIVERIFIKASI
    page.get_by_role("button", name="Kembalikan untuk Perbaikan").click()  # no question
    expect(page.get_by_role("alert").first).to_contain_text("dikembalikan untuk perbaikan")
    assert asked == [REJECT]
    assert _status(application_id) == ApplicationStatus.PERLU_PERBAIKAN


def test_reject_goes_through_once_confirmed(page, make):
    application_id = _review(page, make)
    page.get_by_label("Catatan untuk pemohon").fill("Bukan kepengurusan partai politik.")
    asked = _answer(page, True)
    page.get_by_role("button", name="Tolak").click()
    expect(page.get_by_role("alert").first).to_contain_text("Permohonan ditolak.")
    assert asked == [REJECT]
    assert _status(application_id) == ApplicationStatus.DITOLAK


def test_a_verdict_saved_after_typing_a_note_asks_before_the_note_is_lost(page, make):
    _review(page, make)
    page.get_by_label("Catatan untuk pemohon").fill(NOTE)
    asked = _answer(page, False)
    first = page.get_by_role("list", name="Dokumen persyaratan").get_by_role("listitem").first
    first.get_by_label("Sesuai", exact=True).check()
    first.get_by_role("button", name="Simpan Penilaian").click()
    assert asked == [UNSAVED]
    expect(page.get_by_label("Catatan untuk pemohon")).to_have_value(NOTE)


def test_downloading_a_document_with_a_reason_typed_asks_nothing_and_keeps_it(page, make):
    """A download does not leave the page: no "leave site?" question, the reason stays."""
    _review(page, make)
    first = page.get_by_role("list", name="Dokumen persyaratan").get_by_role("listitem").first
    first.get_by_placeholder("Alasan lain").fill("Cap basah tidak terbaca.")
    asked = _answer(page, False)
    with page.expect_download() as download:
        first.get_by_role("link", name="Unduh").click()
    assert download.value.suggested_filename.endswith(".pdf")
    assert asked == []
    expect(first.get_by_placeholder("Alasan lain")).to_have_value("Cap basah tidak terbaca.")
