"""The admin register of issued letters, revoking (cabut) and supersession (ganti)."""

from __future__ import annotations

from html import unescape
from urllib.parse import parse_qsl, urlsplit

from sisakat.extensions import db
from sisakat.models import (
    ApplicationHistory,
    ApplicationStatus,
    AuditEvent,
    Letter,
    LetterStatus,
    Role,
)
from sisakat.services import letter_registry
from tests.letter_helpers import page
from tests.workflow_http import without_tags

KEPT = "isian Anda belum tersimpan dan masih ada di halaman ini."


def _history_notes(application_id: int) -> list[str]:
    return list(
        db.session.execute(
            db.select(ApplicationHistory.note).where(
                ApplicationHistory.application_id == application_id
            )
        ).scalars()
    )


def test_revoke_needs_a_reason_then_moves_letter_and_application(app, make, login_as):
    admin = login_as(make.user(Role.SUPERADMIN))
    letter = make.issued_letter()
    url = f"/admin/surat/{letter.id}/cabut"
    refused = admin.post(url, data={"reason": "  ", "confirm": "y", "version": letter.version})
    assert refused.status_code == 200  # the register again, the form open with the message
    assert "Alasan pencabutan wajib diisi." in refused.get_data(as_text=True)
    assert db.session.get(Letter, letter.id).status == LetterStatus.BERLAKU
    reason = "SK kepengurusan dibatalkan oleh DPP."
    done = admin.post(url, data={"reason": reason, "confirm": "y", "version": letter.version})
    assert done.headers["Location"].endswith("/admin/surat")
    revoked = db.session.get(Letter, letter.id)
    assert revoked.status == LetterStatus.DICABUT
    assert revoked.revoked_reason == reason
    assert revoked.revoked_at is not None
    assert revoked.number_text == letter.number_text  # the number stays in the register
    assert revoked.application.status == ApplicationStatus.DICABUT
    assert reason in _history_notes(letter.application_id)
    audit = db.session.execute(
        db.select(AuditEvent).where(AuditEvent.action == "letter.revoke")
    ).scalar_one()
    assert audit.object_id == str(letter.id)
    assert "DICABUT" in page(admin, f"/verifikasi/{letter.token}")


def test_revoke_refuses_without_confirmation_and_on_a_stale_page(app, make, login_as):
    admin = login_as(make.user(Role.SUPERADMIN))
    letter = make.issued_letter()
    url = f"/admin/surat/{letter.id}/cabut"
    unticked = admin.post(url, data={"reason": "Alasan <i>uji</i>.", "version": letter.version})
    html = unticked.get_data(as_text=True)
    assert "Centang konfirmasi pencabutan." in html
    assert "Alasan &lt;i&gt;uji&lt;/i&gt;.</textarea>" in html  # what was typed is kept, inert
    assert "<details open>" in html
    stale = admin.post(url, data={"reason": "Alasan uji.", "confirm": "y", "version": "999"})
    html = stale.get_data(as_text=True)
    assert KEPT in html  # the reason stays on the page: a reload would lose it
    assert "Muat ulang" not in html
    assert "Alasan uji.</textarea>" in html  # the form open again, with the reason typed
    assert f'name="version" type="hidden" value="{letter.version}"' in html  # and a fresh version
    assert db.session.get(Letter, letter.id).status == LetterStatus.BERLAKU
    assert admin.post("/admin/surat/999999/cabut", data={"reason": "x"}).status_code == 404


def test_register_filters_by_status_and_party_and_links_public_page(app, make, login_as):
    admin = login_as(make.user(Role.SUPERADMIN))
    kept = make.issued_letter()
    revoked = make.issued_letter(status=LetterStatus.DICABUT, revoked_reason="Uji.")
    html = page(admin, "/admin/surat")
    assert kept.number_text in without_tags(html)
    assert f"/verifikasi/{kept.token}" in html
    only_revoked = page(admin, "/admin/surat?status=dicabut")
    assert revoked.number_text in without_tags(only_revoked)
    assert kept.number_text not in without_tags(only_revoked)
    by_party = page(admin, f"/admin/surat?partai={kept.application.party_id}&tahun=abc")
    assert kept.number_text in without_tags(by_party)
    assert revoked.number_text not in without_tags(by_party)
    past = page(admin, "/admin/surat?page=999")  # says so and links the last page
    assert "Halaman 999 kosong; register ini berisi 2 surat." in past


def test_supersede_previous_replaces_the_older_letter(app, make):
    signer = make.user(Role.PENANDATANGAN)
    party = make.party()
    old, other = make.issued_letter(party), make.issued_letter()
    new = make.issued_letter(party)
    replaced = letter_registry.supersede_previous(new, signer)
    db.session.commit()
    assert [r.id for r in replaced] == [old.id]
    old = db.session.get(Letter, old.id)
    assert old.status == LetterStatus.DIGANTI
    assert old.superseded_by_id == new.id
    assert old.application.status == ApplicationStatus.DIGANTI
    assert f"Digantikan oleh surat nomor {new.number_text}" in _history_notes(old.application_id)
    assert db.session.get(Letter, new.id).status == LetterStatus.BERLAKU
    assert db.session.get(Letter, other.id).status == LetterStatus.BERLAKU


def test_a_double_click_on_cabut_revokes_once_without_a_stale_warning(app, make, login_as):
    user = make.user(Role.SUPERADMIN)
    admin = login_as(user)
    letter = make.issued_letter()
    form = {"reason": "SK dicabut DPP.", "confirm": "y", "version": letter.version}
    url = f"/admin/surat/{letter.id}/cabut"
    admin.post(url, data=form)
    admin.post(url, data=form)  # the second click, with the version the page showed
    html = page(admin, "/admin/surat")
    assert "sudah diubah oleh pengguna lain" not in html
    assert f"Surat nomor {letter.number_text} dicabut." in html
    events = db.session.execute(
        db.select(AuditEvent).where(AuditEvent.action == "letter.revoke")
    ).all()
    assert len(events) == 1
    # someone else's click on the same stale page is still told
    other = login_as(make.user(Role.SUPERADMIN))
    assert KEPT in other.post(url, data=form).get_data(as_text=True)


def test_a_revocation_from_a_stale_page_names_who_and_keeps_the_reason(app, make, login_as):
    """Two admins (or one admin's second tab) revoke the same letter with different reasons:
    the second is told who revoked it and when, and sees its own reason unsaved; the public
    reason stays the first."""
    citra = make.user(Role.SUPERADMIN, full_name="Citra Admin")
    letter = make.issued_letter()
    url, seen = f"/admin/surat/{letter.id}/cabut", letter.version
    first = "SK kepengurusan dibatalkan DPP."
    login_as(citra).post(url, data={"reason": first, "confirm": "y", "version": seen})
    second = "Kepengurusan <b>ganda</b> dengan DPW lain."
    for client in (login_as(make.user(Role.SUPERADMIN)), login_as(citra)):
        refused = client.post(url, data={"reason": second, "confirm": "y", "version": seen})
        body = refused.get_data(as_text=True)
        assert refused.status_code == 200
        assert "Surat sudah diubah oleh Citra Admin pada " in body
        assert "Alasan Anda (belum tersimpan)" in body
        assert "Kepengurusan &lt;b&gt;ganda&lt;/b&gt; dengan DPW lain." in body
        assert f"Surat nomor {letter.number_text} dicabut." not in body
    assert db.session.get(Letter, letter.id).revoked_reason == first


def _query(url: str) -> tuple[str, dict]:
    """A URL's path and its query string as a dict."""
    parts = urlsplit(unescape(url))
    return parts.path, dict(parse_qsl(parts.query))


def _rows_of(html: str) -> str:
    """The register's table body (the filter's party list names every board)."""
    return html.split("<tbody", 1)[1] if "<tbody" in html else ""


def test_a_revocation_returns_to_the_register_as_it_was_filtered(app, make, login_as):
    """The admin revoked a letter from a searched, filtered page: back on that same view. Only
    the register's own parameters travel, rebuilt by the app (no foreign keys, no other host)."""
    admin = login_as(make.user(Role.SUPERADMIN))
    letter = make.issued_letter(make.party(board_name="DPC Partai Cabut Kota Palembang"))
    other = make.issued_letter(make.party(board_name="DPC Partai Lain Kota Jambi"))
    party_id = letter.application.party_id
    filters = {"q": "cabut", "status": "berlaku", "partai": str(party_id)}
    html = page(admin, "/admin/surat?q=cabut&status=berlaku&partai=" + str(party_id) + "&x=1")
    url = f"/admin/surat/{letter.id}/cabut"
    action = html.split(f'action="{url}', 1)[1].split('"', 1)[0]
    assert _query(url + action) == (url, filters)
    assert 'action="/admin/surat"' in html  # the search box searches the register, from anywhere
    forged = dict(filters, next="https://evil.example/", tahun="abc")
    refused = admin.post(url, query_string=forged, data={"reason": "", "version": letter.version})
    body = refused.get_data(as_text=True)
    assert "Alasan pencabutan wajib diisi." in body
    assert "<details open>" in _rows_of(body)  # the filtered view, the form open on its row
    assert letter.number_text in without_tags(_rows_of(body))
    assert other.number_text not in without_tags(_rows_of(body))
    assert 'action="/admin/surat"' in body  # searching again does not post to /cabut
    data = {"reason": "SK dibatalkan DPP.", "confirm": "y", "version": letter.version}
    done = admin.post(url, query_string=dict(forged, page="3"), data=data)
    assert _query(done.headers["Location"]) == ("/admin/surat", dict(filters, page="3"))
    assert db.session.get(Letter, letter.id).status == LetterStatus.DICABUT
    again = admin.post(
        f"/admin/surat/{other.id}/cabut",
        query_string={"status": "bogus", "q": "x" * 500, "page": "-1"},
        data={"reason": "Uji.", "confirm": "y", "version": other.version},
    )
    assert _query(again.headers["Location"]) == ("/admin/surat", {})
