"""A decision refused because the application changed meanwhile comes back with the notes the
verifier typed: in the form when a decision is still possible, read-only when it is not."""

from __future__ import annotations

import re

from sisakat.extensions import db
from sisakat.models import Action, ApplicationHistory, ApplicationStatus, Role, Verdict, utcnow
from sisakat.services import verification

NOTE = "Akta belum dilegalisir <b>notaris</b>."
INTERNAL = "Hubungi sekretaris besok pagi."
KEPT = "Halaman ini sudah menampilkan keadaan terbaru; isian Anda belum tersimpan dan masih ada"


def _stale_post(client, application, url: str, seen: int):
    return client.post(url, data={"version": str(seen), "note": NOTE, "internal_note": INTERNAL})


def test_stale_return_keeps_both_notes_in_the_form(app, make, login_as):
    vera = make.user(Role.VERIFIKATOR, full_name="Vera Verifikator")
    application = make.application(
        status=ApplicationStatus.DIVERIFIKASI, claimed_by=vera, verdict=Verdict.TIDAK_SESUAI
    )
    seen = application.version
    # Someone else touches the application (a new version) before Vera's click arrives.
    application.status_changed_at = utcnow()
    db.session.commit()
    assert application.version == seen + 1
    response = _stale_post(
        login_as(vera), application, f"/petugas/permohonan/{application.id}/kembalikan", seen
    )
    body = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "sudah diubah oleh" in body
    assert "Akta belum dilegalisir &lt;b&gt;notaris&lt;/b&gt;." in body  # in the textarea, inert
    assert INTERNAL in body
    decision = body.split('id="form-keputusan"', 1)[1].split("</form>", 1)[0]
    assert re.search(rf'name="version"[^>]*value="{application.version}"', decision)
    # every other form on the page (judge each document, ...) carries the new version too,
    # not the stale one the refused POST sent
    versions = set(re.findall(r'name="version"[^>]*value="(\d+)"', body))
    assert versions == {str(application.version)}
    db.session.refresh(application)
    assert application.status == ApplicationStatus.DIVERIFIKASI


def test_refused_decision_on_a_closed_application_shows_the_notes_read_only(app, make, login_as):
    vera = make.user(Role.VERIFIKATOR, full_name="Vera Verifikator")
    application = make.application(
        status=ApplicationStatus.DIVERIFIKASI, claimed_by=vera, verdict=Verdict.TIDAK_SESUAI
    )
    seen = application.version
    verification.return_for_revision(
        application, actor=vera, seen_version=seen, note="Perbaiki KTP.", internal_note=""
    )
    db.session.commit()
    response = _stale_post(
        login_as(vera), application, f"/petugas/permohonan/{application.id}/tolak", seen
    )
    body = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "Catatan Anda (belum tersimpan)" in body
    assert NOTE.replace("<", "&lt;").replace(">", "&gt;") in body
    assert INTERNAL in body
    db.session.refresh(application)
    assert application.status == ApplicationStatus.PERLU_PERBAIKAN


def test_a_second_tab_with_other_notes_is_told_and_keeps_them(app, make, login_as):
    """The same verifier approves from two tabs: the second tab's notes were never saved, so
    it is refused as stale with its notes shown, not thanked as if it were a double click."""
    vera = make.user(Role.VERIFIKATOR, full_name="Vera Verifikator")
    application = make.application(
        status=ApplicationStatus.DIVERIFIKASI, claimed_by=vera, verdict=Verdict.SESUAI
    )
    seen, url = application.version, f"/petugas/permohonan/{application.id}/setujui"
    first = {"version": str(seen), "note": "", "internal_note": "Dicek tab pertama."}
    client = login_as(vera)
    client.post(url, data=first)
    assert client.post(url, data=first).status_code == 302  # a double click: quietly done
    assert "sudah diubah" not in client.get(f"/petugas/permohonan/{application.id}").text
    response = _stale_post(client, application, url, seen)  # the other tab, other notes
    body = response.get_data(as_text=True)
    assert "sudah diubah oleh Vera Verifikator" in body
    # Before: "Muat ulang halaman.", which would have lost the notes shown below.
    assert KEPT in body
    assert "Muat ulang" not in body
    assert "Catatan Anda (belum tersimpan)" in body
    assert INTERNAL in body
    assert "Permohonan disetujui" not in body
    rows = db.session.execute(
        db.select(ApplicationHistory.internal_note).filter_by(
            application_id=application.id, action=Action.SETUJUI
        )
    ).scalars()
    assert list(rows) == ["Dicek tab pertama."]


def test_an_invalid_note_comes_back_in_the_form_with_its_true_reason(app, make, login_as):
    """A note pasted from a PDF with a form feed in it was refused as "maksimal 2000 karakter"
    (untrue) by a redirect that dropped both notes: the verifier had to type them again."""
    vera = make.user(Role.VERIFIKATOR, full_name="Vera Verifikator")
    application = make.application(
        status=ApplicationStatus.DIVERIFIKASI, claimed_by=vera, verdict=Verdict.TIDAK_SESUAI
    )
    pasted = "Halaman 1 kurang jelas.\x0cHalaman 2 tanpa cap."
    response = login_as(vera).post(
        f"/petugas/permohonan/{application.id}/kembalikan",
        data={"version": str(application.version), "note": pasted, "internal_note": INTERNAL},
    )
    body = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "Keputusan belum tersimpan" in body
    assert "Teks memuat karakter yang tidak diizinkan." in body
    # the character draws nothing: the message says where it is, so it can be found and removed
    assert "letaknya setelah “Halaman 1 kurang jelas.”" in body
    assert "maksimal 2000 karakter" not in body
    decision = body.split('id="form-keputusan"', 1)[1].split("</form>", 1)[0]
    assert "Halaman 1 kurang jelas." in decision
    assert "Halaman 2 tanpa cap." in decision
    assert INTERNAL in decision
    assert 'aria-invalid="true"' in decision
    db.session.refresh(application)
    assert application.status == ApplicationStatus.DIVERIFIKASI


def test_a_note_over_the_limit_comes_back_in_the_form(app, make, login_as):
    vera = make.user(Role.VERIFIKATOR, full_name="Vera Verifikator")
    application = make.application(
        status=ApplicationStatus.DIVERIFIKASI, claimed_by=vera, verdict=Verdict.SESUAI
    )
    response = login_as(vera).post(
        f"/petugas/permohonan/{application.id}/setujui",
        data={"version": str(application.version), "note": "", "internal_note": "x" * 2001},
    )
    body = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "Keputusan belum tersimpan" in body
    assert "x" * 2001 in body.split('id="form-keputusan"', 1)[1]
    db.session.refresh(application)
    assert application.status == ApplicationStatus.DIVERIFIKASI
