"""Messages that said "Muat ulang" on a page that already shows the current state, that keeps
what was typed, or whose reload sends the same request again; "Muat ulang" stays only where a
reload is the next step (a page script showing a refusal on the page as it was)."""

from __future__ import annotations

import io
from contextlib import contextmanager

import sqlalchemy as sa
from flask import abort

from sisakat.extensions import db
from sisakat.models import Application, Letter, Role
from sisakat.services import concurrency, documents, settings
from tests import factories
from tests.letters import helpers as h
from tests.pki import P12_PASSPHRASE
from tests.signing.conftest import pki  # noqa: F401
from tests.unit.test_lost_race_refusals import other_tab_took_the_version
from tests.workflow_http import page_text, seed_requirements

SCRIPT = {"X-Requested-With": "XMLHttpRequest"}
PASSPHRASE = {"passphrase": P12_PASSPHRASE}
RELOAD = "Muat ulang halaman untuk melihat keadaan terbaru."  # concurrency.RELOAD_TO_SEE


@contextmanager
def _won_meanwhile(model, copy):
    """Another tab's row of ``model`` written just before this request's own (``copy``: its
    column values from the pending object), as a concurrent commit would on PostgreSQL."""

    def play(session, _context, _instances):
        for obj in [o for o in session.new if isinstance(o, model)]:
            session.connection().execute(sa.insert(model.__table__).values(**copy(obj)))

    sa.event.listen(db.session, "before_flush", play)
    try:
        yield
    finally:
        sa.event.remove(db.session, "before_flush", play)


def test_a_bad_request_page_says_to_go_back_not_to_reload(app):
    """Before: "Muat ulang halaman lalu coba lagi", which sends the same bad request again."""
    app.add_url_rule("/uji-400", "uji_400", lambda: abort(400))
    page = app.test_client().get("/uji-400")
    assert page.status_code == 400
    assert "Tekan tombol Kembali pada peramban, lalu coba lagi." in page_text(page)
    assert "uat ulang" not in page_text(page)


def test_returning_a_letter_no_longer_awaiting_signature_keeps_the_reason(app, login_as):
    """Before: "muat ulang meja TTE", on a page that shows the letter now and the typed reason."""
    letter = h.issued_letter(factories.party())
    signer = login_as(factories.user(Role.PENANDATANGAN))
    version = letter.application.version
    data = {"version": str(version), "reason": "Alamat salah.", "confirm": "y"}
    page = page_text(signer.post(f"/tte/surat/{letter.id}/kembalikan", data=data))
    assert f"Surat ini sudah tidak menunggu tanda tangan. {concurrency.TYPED_KEPT}" in page
    assert "Alamat salah." in page
    assert "uat ulang" not in page


def test_a_create_losing_to_another_tab_points_at_the_dashboard_showing_it(app, make, login_as):
    """Before: "Muat ulang halaman." on the dashboard that already lists the winner."""
    seed_requirements()
    party = make.party()
    client = login_as(party.account)
    columns = ("service_code", "party_id", "open_party_id", "status", "created_by_id")
    with _won_meanwhile(Application, lambda a: {c: getattr(a, c) for c in columns}):
        page = page_text(client.post("/pemohon/permohonan/baru", follow_redirects=True))
    assert f"dibuat dari tab atau perangkat lain. {concurrency.SHOWN_NOW}" in page
    assert "uat ulang" not in page


def test_an_upload_losing_to_another_tab_says_reload_only_from_the_script(app, make, login_as):
    """Before: "Muat ulang halaman ..." also on the page drawn again after the plain form."""
    application = make.application(documents=False)
    item = documents.checklist(application)[0].requirement
    client = login_as(application.party.account)
    url = f"/pemohon/permohonan/{application.id}/persyaratan/{item.id}/unggah"
    other_file = make.logo(application.party.account).id  # the other tab's (committed) file
    db.session.commit()
    for headers, ending in (({}, concurrency.SHOWN_NOW), (SCRIPT, RELOAD)):
        with other_tab_took_the_version(other_file):
            data = {"berkas": (io.BytesIO(make.pdf_bytes()), "ktp.pdf")}
            answer = client.post(url, data=data, headers=headers, follow_redirects=True)
        text = answer.json["message"] if headers else page_text(answer)
        assert f"unggah lagi bila perlu. {ending}" in text
        assert ("uat ulang" in text) == bool(headers)


def test_a_letter_changed_while_being_signed_points_at_the_desk(app, login_as, pki):  # noqa: F811
    """Before: "Muat ulang." on the signing summary, which lists results, not the letter."""
    h.trust_office(pki)
    letter = h.prepared_letter()
    app.config["SIGNING_P12_PATH"] = str(pki.signer.p12_path)
    settings.update({"signing.backend": "pades"}, actor=None)
    db.session.commit()
    table = Letter.__table__

    saved, ours = [], db.session()

    def another_user_saves(session):  # after the request's first commit: the ticket's
        if session is not ours and not saved:
            saved.append(session)
            with db.engine.begin() as other:
                other.execute(sa.update(table).values(version=table.c.version + 1))

    signer = login_as(factories.user(Role.PENANDATANGAN))
    sa.event.listen(db.session, "after_commit", another_user_saves)
    try:
        page = page_text(signer.post(f"/tte/surat/{letter.id}/tandatangani", data=PASSPHRASE))
    finally:
        sa.event.remove(db.session, "after_commit", another_user_saves)
    assert "dan belum terbit. Buka antrean TTE untuk melihat keadaannya sekarang." in page
    assert "Kembali ke antrean TTE" in page
    assert "uat ulang" not in page
