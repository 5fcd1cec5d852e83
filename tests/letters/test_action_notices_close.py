"""A "please act" notification closes once a colleague has done the work. Before, when one of two
signers issued a letter (or returned it to the verifier), the other kept an unread "menunggu TTE"
for a letter already dealt with; when one verifier took an application, every other verifier
kept "masuk antrean verifikasi". Now the workflow marks those read for everyone but the one who
acted: the bell drops at once and the list still shows them, read. The party's notices, and
informational ones such as "surat keterangan telah terbit", stay unread."""

from __future__ import annotations

import re

from sisakat.extensions import db
from sisakat.models import Letter, Notification, Role
from tests import factories
from tests.letters import helpers as h
from tests.workflow_http import act, page_text

WAITS_TTE = "permohonan disetujui, menunggu TTE."
IN_QUEUE = "permohonan masuk antrean verifikasi."


def _bell(client) -> tuple[int, list[tuple[str, bool]]]:
    """(the navbar's unread count, [(text, unread)] of the notification list, newest first)."""
    html = page_text(client.get("/akun/notifikasi"))
    count = int(re.search(r'aria-label="Notifikasi, (\d+) belum dibaca"', html).group(1))
    items = re.findall(
        r'<li class="list-group-item[^"]*">\s*<a href="[^"]+">([^<]+)</a>(.*?)</li>', html, re.S
    )
    return count, [(text, "belum dibaca" in rest) for text, rest in items]


def _approve(verifier, application, login_as):
    return act(login_as(verifier), f"/petugas/permohonan/{application.id}/setujui", application)


def _letter(application):
    return (
        db.session.execute(
            db.select(Letter).filter_by(application_id=application.id).order_by(Letter.id.desc())
        )
        .scalars()
        .first()
    )


def test_one_signer_issues_and_the_other_signers_waiting_notice_is_read(app, login_as, pki):
    h.trust_office(pki)
    application, verifier = h.approvable()
    first, second = factories.user(Role.PENANDATANGAN), factories.user(Role.PENANDATANGAN)
    admin = factories.user(Role.SUPERADMIN)
    _approve(verifier, application, login_as)
    for user in (first, second, admin):
        count, items = _bell(login_as(user))
        assert count == 1
        assert items[0][0].endswith(WAITS_TTE)
        assert items[0][1]
    letter = _letter(application)
    assert h.upload(login_as(first), letter, h.signed(letter, pki)).status_code == 302

    # the other signer: nothing left to do; the notice stays in the list, read
    count, items = _bell(login_as(second))
    assert count == 0
    assert [(text.endswith(WAITS_TTE), unread) for text, unread in items] == [(True, False)]
    # the super admin: the waiting notice read, the news of the issued letter unread
    count, items = _bell(login_as(admin))
    assert count == 1
    assert [unread for _, unread in items] == [True, False]
    assert items[0][0].endswith("surat keterangan telah terbit.")
    # the signer who acted: their own work notice is done too; the party's are untouched
    count, items = _bell(login_as(first))
    assert count == 0
    assert [(text.endswith(WAITS_TTE), unread) for text, unread in items] == [(True, False)]
    count, items = _bell(login_as(application.party.account))
    assert count == 2
    assert all(unread for _, unread in items)
    assert "telah terbit" in items[0][0]


def test_a_return_from_the_signing_desk_closes_the_other_signers_notice(app, login_as, pki):
    h.trust_office(pki)
    application, verifier = h.approvable()
    first, second = factories.user(Role.PENANDATANGAN), factories.user(Role.PENANDATANGAN)
    _approve(verifier, application, login_as)
    letter = _letter(application)
    db.session.refresh(application)
    response = login_as(first).post(
        f"/tte/surat/{letter.id}/kembalikan",
        data={
            "version": str(application.version),
            "reason": "Nama Bendahara salah ketik pada susunan pengurus.",
            "confirm": "y",
        },
    )
    assert response.status_code == 302
    assert _bell(login_as(second))[0] == 0
    # the verifier's "check it again" is new work: unread
    count, items = _bell(login_as(verifier))
    assert count == 1
    assert "dikembalikan dari meja TTE" in items[0][0]
    # approved again: a new "menunggu TTE" for both signers, unread
    _approve(verifier, application, login_as)
    count, items = _bell(login_as(second))
    assert count == 1
    assert items[0][0].endswith(WAITS_TTE)
    assert items[0][1]
    assert [unread for _, unread in items] == [True, False]


def test_one_verifier_takes_the_application_and_the_others_queue_notice_is_read(
    app, make, login_as
):
    first, second = make.user(Role.VERIFIKATOR), make.user(Role.VERIFIKATOR)
    application = make.application()
    party = login_as(application.party.account)
    act(party, f"/pemohon/permohonan/{application.id}/ajukan", application)
    for user in (first, second):
        count, items = _bell(login_as(user))
        assert count == 1
        assert items[0][0].endswith(IN_QUEUE)
    act(login_as(first), f"/petugas/permohonan/{application.id}/ambil", application)
    count, items = _bell(login_as(second))
    assert count == 0
    assert [(text.endswith(IN_QUEUE), unread) for text, unread in items] == [(True, False)]
    assert _bell(login_as(first))[0] == 0  # the one who took it has begun that work
    # "telah diajukan" and "sedang diverifikasi": the party's own, both unread
    assert _bell(party)[0] == 2
    rows = db.session.execute(db.select(Notification)).scalars().all()
    assert {row.application_id for row in rows} == {application.id}


def test_a_cancelled_submission_closes_the_verifiers_queue_notices(app, make, login_as):
    verifiers = [make.user(Role.VERIFIKATOR), make.user(Role.VERIFIKATOR)]
    application = make.application()
    party = login_as(application.party.account)
    act(party, f"/pemohon/permohonan/{application.id}/ajukan", application)
    act(party, f"/pemohon/permohonan/{application.id}/batalkan", application)
    for user in verifiers:
        count, items = _bell(login_as(user))
        assert count == 0
        assert [unread for _, unread in items] == [False]
    count, items = _bell(party)
    assert count == 2
    assert "dibatalkan" in items[0][0]
