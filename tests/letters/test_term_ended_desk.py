"""The signing desk with a board's term of office ended since approval, upload-back side: the
desk offers no upload (nor a copy to wet-sign) it would refuse, and a forced acceptance of the
upload under review hears the term before anything about the file."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from sisakat.extensions import db
from sisakat.models import AuditEvent, Letter, LetterStatus, Role
from tests import factories
from tests.a11y_helpers import problems, same_name_elsewhere
from tests.letters import helpers as h

APPROVED_AT = datetime(2026, 1, 10, 3, 0)  # 10.00 WIB on 10 January, the term's last day
NEXT_DAY_0030_WIB = datetime(2026, 1, 10, 17, 30)  # 11 January by the office
ENDED = (
    "Masa bakti kepengurusan berakhir 10 Januari 2026; surat keterangan tidak dapat "
    "diterbitkan. Kembalikan surat ke verifikator agar permohonan dikembalikan kepada pemohon "
    "untuk memperbarui SK kepengurusan."
)


def _letters(app) -> tuple[Letter, Letter]:
    """(a letter whose term ends on approval day, one whose term runs on), approved then."""
    app.config["CLOCK"] = lambda: APPROVED_AT
    ending = factories.party(term_start=date(2021, 1, 11), term_end=date(2026, 1, 10))
    running = factories.party(term_start=date(2025, 1, 11), term_end=date(2030, 1, 10))
    return h.prepared_letter(ending), h.prepared_letter(running)


@pytest.mark.parametrize("numbers", ["sisakat", "srikandi"])
def test_the_desk_shows_the_term_notice_instead_of_an_upload_it_would_refuse(
    app, login_as, numbers
):
    """SRIKANDI signing: the upload form under the desk's table was offered for a letter whose
    term ended since approval, and the upload was then refused with the term message. Now that
    letter's place under the heading says why; the other letter keeps its form."""
    if numbers == "srikandi":
        h.srikandi_mode()
    ended, running = _letters(app)
    on_time = login_as(factories.user(Role.PENANDATANGAN)).get("/tte/").get_data(as_text=True)
    assert f"/tte/surat/{ended.id}/unggah" in on_time
    app.config["CLOCK"] = lambda: NEXT_DAY_0030_WIB
    page = login_as(factories.user(Role.PENANDATANGAN)).get("/tte/").get_data(as_text=True)
    uploads = page.split("Unggah kembali surat bertanda tangan", 1)[1]
    assert f"/tte/surat/{ended.id}/unggah" not in page
    assert ENDED in uploads
    assert ended.application.party.board_name in uploads
    assert f"/tte/surat/{ended.id}/kembalikan" in uploads
    assert f"/tte/surat/{running.id}/unggah" in uploads
    assert problems(page) == same_name_elsewhere(page) == []
    assert db.session.get(Letter, ended.id).status == LetterStatus.MENUNGGU_TTE


def test_the_desk_offers_no_wet_signature_copy_after_the_term_ended(app, login_as):
    """With scans allowed, "Unduh untuk TTD basah" stayed on an ended-term row and led to a 404
    (the copy is refused for a letter that cannot be issued)."""
    h.srikandi_mode(scans=True)
    ended, running = _letters(app)
    app.config["CLOCK"] = lambda: NEXT_DAY_0030_WIB
    client = login_as(factories.user(Role.PENANDATANGAN))
    page = client.get("/tte/").get_data(as_text=True)
    assert f"/tte/surat/{ended.id}/ttd-basah.pdf" not in page
    assert client.get(f"/tte/surat/{ended.id}/ttd-basah.pdf").status_code == 404
    assert f"/tte/surat/{running.id}/ttd-basah.pdf" in page


def test_a_forced_accept_after_the_term_ended_hears_the_term_before_the_file(app, login_as):
    """A hand-made "terima" for an unsigned upload under review, the term over since approval:
    it heard "tidak bertanda tangan" (the file) rather than the term, the reason nothing can be
    done with that letter. Nothing is issued or audited as accepted."""
    ended, _ = _letters(app)
    h.under_review(ended, factories.pdf_bytes("Unggahan tanpa tanda tangan"))
    app.config["CLOCK"] = lambda: NEXT_DAY_0030_WIB
    admin = login_as(factories.user(Role.SUPERADMIN))
    form = {"decision": "terima", "reason": "Isi sudah dicocokkan dengan tangan."}
    body = admin.post(f"/tte/surat/{ended.id}/tinjau", data=form).get_data(as_text=True)
    assert ENDED in body
    assert "tidak bertanda tangan" not in body
    fresh = db.session.get(Letter, ended.id)
    assert fresh.status == LetterStatus.PERLU_TINJAUAN
    assert fresh.signed_file_id is None
    actions = db.session.execute(db.select(AuditEvent.action)).scalars().all()
    assert "letter.review_accept" not in actions
