"""Issue 3 seen through a real browser: a party uploads its documents (progress bar and plain
form) and submits; a verifier returns one document with a reason; the party re-uploads just that
one and resubmits with one click; the verifier sees the new version and approves. Also what a
party sees when a document is missing, and two verifiers acting at once (AC-5)."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from sisakat.extensions import db
from sisakat.models import Action, Application, ApplicationStatus, Letter, Role, Verdict
from sisakat.services.applications import timeline
from tests.browser import application_steps as s
from tests.browser import journeys as j

pytestmark = pytest.mark.browser


def _upload_everything(page, browser, live_server, owner: str, pdfs: dict) -> None:
    """All required documents: the first watching the progress bar, the last with JS off."""
    first, *middle, last = s.REQUIRED
    s.upload_watching_progress(page, first, pdfs[first])
    for name in middle:
        s.upload(page, name, pdfs[name])
    with s.other_browser(browser, live_server, owner, script=False) as plain:
        plain.goto(page.url)
        row = s.item(plain, last)
        row.get_by_label(f"Berkas PDF untuk {last}").set_input_files(str(pdfs[last]))
        row.get_by_role("button", name="Unggah").click()
        assert f"Dokumen {last} tersimpan." in j.alert_text(plain)
        expect(s.item(plain, last)).to_contain_text("Sudah diunggah")
    page.reload()


def _return_ktp(page, board: str) -> None:
    """The verifier takes the application, judges KTP Tidak Sesuai and the rest Sesuai."""
    s.switch_user(page, s.VERIFIER[0])
    s.take(page, board)
    for name in s.REQUIRED:
        s.judge(page, name, *(("Tidak Sesuai", s.REASON) if name == s.KTP else ("Sesuai",)))
    page.get_by_role("button", name="Kembalikan untuk Perbaikan").click()
    assert "Permohonan dikembalikan untuk perbaikan." in j.alert_text(page)


def _party_sees_the_reason(page) -> None:
    """The returned document shows its verdict and reason, the timeline the note, and only
    that document (and the optional ones never uploaded) can still be uploaded."""
    expect(s.item(page, s.KTP)).to_contain_text("Tidak Sesuai")
    expect(s.item(page, s.KTP)).to_contain_text(f"Alasan: {s.REASON}")
    last_step = s.timeline(page).get_by_role("listitem").last
    expect(last_step).to_contain_text("Dikembalikan untuk perbaikan")
    expect(last_step).to_contain_text(f"Catatan: {s.KTP}: {s.REASON}")
    uploads = s.documents(page).get_by_role("button", name="Unggah")  # accepted ones are locked
    expect(uploads).to_have_count(1 + len(s.OPTIONAL))
    expect(s.item(page, s.KTP).get_by_role("button", name="Unggah")).to_be_visible()


def test_submit_return_fix_one_document_resubmit_and_approve(
    page, browser, live_server, make, tmp_path
):
    owner, board = s.ready_party(make)
    pdfs = {name: j.pdf_file(tmp_path, f"dokumen-{i}.pdf") for i, name in enumerate(s.REQUIRED)}
    j.log_in(page, owner)
    page.get_by_role("button", name="Ajukan SKT Partai Politik").click()
    assert "Permohonan dibuat." in j.alert_text(page)
    detail = page.url
    _upload_everything(page, browser, live_server, owner, pdfs)
    page.get_by_role("button", name="Ajukan", exact=True).click()
    assert "Permohonan diajukan." in j.alert_text(page)
    expect(page.get_by_role("heading", level=1)).to_contain_text("Diajukan")
    _return_ktp(page, board)
    s.switch_user(page, owner)
    page.goto(detail)
    _party_sees_the_reason(page)
    fixed = j.pdf_file(tmp_path, "ktp-terbaca.pdf")
    s.upload(page, s.KTP, fixed)
    page.get_by_role("button", name="Ajukan Ulang").click()
    assert "Perbaikan diajukan." in j.alert_text(page)
    s.switch_user(page, s.VERIFIER[0])
    s.take(page, board)
    expect(s.item(page, s.KTP)).to_contain_text("Baru sejak peninjauan terakhir")
    expect(s.item(page, s.KTP).get_by_role("link", name="Unduh ktp-terbaca.pdf")).to_be_visible()
    s.judge(page, s.KTP, "Sesuai")
    page.get_by_role("button", name="Setujui").click()
    assert "Permohonan disetujui; surat menunggu TTE." in j.alert_text(page)
    j.fresh()
    application = db.session.scalars(db.select(Application)).one()
    assert application.status == ApplicationStatus.MENUNGGU_TTE
    assert [h.action for h in timeline(application)][1:] == [Action.AJUKAN, Action.AMBIL,
        Action.KEMBALIKAN, Action.AJUKAN_ULANG, Action.AMBIL, Action.SETUJUI]  # fmt: skip
    old, new = s.versions(application.id, s.KTP)
    assert (old.verdict, old.reason) == (Verdict.TIDAK_SESUAI, s.REASON)
    assert new.verdict == Verdict.SESUAI
    assert new.stored_file.sha256 == j.sha256(fixed)
    for name in set(s.REQUIRED) - {s.KTP}:  # uploaded once, both ways, accepted as they were
        (only,) = s.versions(application.id, name)
        assert (only.stored_file.sha256, only.verdict) == (j.sha256(pdfs[name]), Verdict.SESUAI)


@pytest.mark.parametrize("fixture", ["page", "phone_page"])
def test_submitting_with_missing_documents_lists_exactly_what_is_missing(
    request, fixture, make, tmp_path
):
    page = request.getfixturevalue(fixture)
    owner, _board = s.ready_party(make)
    j.log_in(page, owner)
    page.get_by_role("button", name="Ajukan SKT Partai Politik").click()
    s.upload(page, s.REQUIRED[0], j.pdf_file(tmp_path))
    page.get_by_role("button", name="Ajukan", exact=True).click()
    expect(page.get_by_role("alert").first).to_have_text(
        "Belum dapat diajukan: lengkapi dahulu yang tercantum di kotak “Sebelum menekan Ajukan”."
    )
    box = page.get_by_role("status").filter(has=page.get_by_role("heading", name="Sebelum menekan"))
    expect(box.get_by_role("listitem")).to_have_text(
        [f"Unggah {n} (wajib)." for n in s.REQUIRED[1:]]
    )
    expect(page.get_by_role("heading", level=1)).to_contain_text("Draf")
    for name in s.REQUIRED[1:]:
        expect(s.item(page, name)).to_contain_text("Belum diunggah")
    assert j.fits_width(page)
    j.fresh()
    application = db.session.scalars(db.select(Application)).one()
    assert application.status == ApplicationStatus.DRAF
    assert [len(s.versions(application.id, name)) for name in s.REQUIRED] == [1, 0, 0, 0, 0, 0]


def test_two_verifiers_at_once_the_second_sees_who_changed_it(page, browser, live_server, make):
    """AC-5: both open the same Diajukan application; Vera takes and approves it; Wawan's click
    on the page he still has open is refused with who changed it, and Vera's work stands."""
    make.user(Role.VERIFIKATOR, username=s.VERIFIER[0], full_name=s.VERIFIER[1])
    make.user(Role.VERIFIKATOR, username="wawan.contoh", full_name="Wawan Contoh")
    application = make.application(status=ApplicationStatus.DIAJUKAN, verdict=Verdict.SESUAI)
    review, board = f"/petugas/permohonan/{application.id}", application.party.board_name
    j.fresh()
    j.log_in(page, s.VERIFIER[0])
    with s.other_browser(browser, live_server, "wawan.contoh") as wawan:
        wawan.goto(review)
        expect(wawan.get_by_role("heading", level=1)).to_contain_text(board)
        page.goto(review)
        page.get_by_role("button", name="Ambil untuk Diverifikasi").click()
        page.get_by_role("button", name="Setujui").click()
        assert "Permohonan disetujui; surat menunggu TTE." in j.alert_text(page)
        wawan.get_by_role("button", name="Ambil untuk Diverifikasi").click()
        expect(wawan.get_by_role("alert").first).to_contain_text(
            f"Permohonan sudah diubah oleh {s.VERIFIER[1]} pada "
        )
        assert "Halaman ini sudah menampilkan keadaan terbaru." in j.alert_text(wawan)
        expect(wawan.get_by_role("heading", level=1)).to_contain_text("Menunggu TTE")
        expect(wawan.get_by_role("button", name="Ambil untuk Diverifikasi")).to_have_count(0)
    j.fresh()
    application = db.session.get(Application, application.id)
    assert (application.status, application.claimed_by.username) == (
        ApplicationStatus.MENUNGGU_TTE,
        s.VERIFIER[0],
    )
    assert [(h.action, h.actor.username) for h in timeline(application)] == [
        (Action.BUAT, application.party.account.username),
        (Action.AMBIL, s.VERIFIER[0]),
        (Action.SETUJUI, s.VERIFIER[0]),
    ]
    assert db.session.scalars(db.select(Letter)).one().application_id == application.id


def test_same_verifier_in_two_tabs_the_stale_tab_cannot_undo_the_return(page, make):
    """AC-5 with one person: the review is open in two tabs; the return sent from the first
    tab stands, the approval from the stale second tab is refused with who changed it."""
    vera = make.user(Role.VERIFIKATOR, username=s.VERIFIER[0], full_name=s.VERIFIER[1])
    application = make.application(
        status=ApplicationStatus.DIVERIFIKASI, claimed_by=vera, verdict=Verdict.TIDAK_SESUAI
    )
    review = f"/petugas/permohonan/{application.id}"
    j.fresh()
    j.log_in(page, s.VERIFIER[0])
    second, errors = page.context.new_page(), []
    second.on("pageerror", lambda exc: errors.append(str(exc)))
    for tab in (page, second):
        tab.goto(review)
    page.get_by_label("Catatan untuk pemohon").fill("Semua dokumen belum dilegalisir.")
    page.get_by_role("button", name="Kembalikan untuk Perbaikan").click()
    assert "Permohonan dikembalikan untuk perbaikan." in j.alert_text(page)
    second.get_by_role("button", name="Setujui").click()
    expect(second.get_by_role("alert").first).to_contain_text(
        f"Permohonan sudah diubah oleh {s.VERIFIER[1]} pada "
    )
    expect(second.get_by_role("heading", level=1)).to_contain_text("Perlu Perbaikan")
    expect(s.timeline(second)).to_contain_text("Catatan: Semua dokumen belum dilegalisir.")
    assert not errors
    j.fresh()
    application = db.session.get(Application, application.id)
    assert application.status == ApplicationStatus.PERLU_PERBAIKAN
    assert [(h.action, h.note) for h in timeline(application)][1:] == [
        (Action.KEMBALIKAN, "Semua dokumen belum dilegalisir.")
    ]
    assert db.session.scalars(db.select(Letter)).first() is None


def test_party_uploads_every_document_and_submits_on_a_phone(phone_page, make, tmp_path):
    """QUALITY §3: the applicant's whole upload-and-submit path at 360x740, where most
    applicants meet the service; every page fits the screen."""
    page = phone_page
    owner, _board = s.ready_party(make)
    j.log_in(page, owner)
    page.get_by_role("button", name="Ajukan SKT Partai Politik").click()
    assert "Permohonan dibuat." in j.alert_text(page)
    assert j.fits_width(page)
    for i, name in enumerate(s.REQUIRED):
        s.upload(page, name, j.pdf_file(tmp_path, f"dokumen-{i}.pdf"))
        expect(s.item(page, name)).not_to_contain_text("Belum diunggah")
    assert j.fits_width(page)
    page.get_by_role("button", name="Ajukan", exact=True).click()
    assert "Permohonan diajukan." in j.alert_text(page)
    expect(page.get_by_role("heading", level=1)).to_contain_text("Diajukan")
    assert j.fits_width(page)
    j.fresh()
    application = db.session.scalars(db.select(Application)).one()
    assert application.status == ApplicationStatus.DIAJUKAN
    assert [len(s.versions(application.id, name)) for name in s.REQUIRED] == [1] * len(s.REQUIRED)
