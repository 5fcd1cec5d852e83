"""The claiming verifier judges the same document in two tabs: a verdict from a tab opened
before the other tab's verdict silently replaced it (a Tidak Sesuai with its reason turned into
Sesuai unseen). Each document's form carries a digest of the verdict it showed; the late one is
refused beside that document, saying that this document's verdict changed, by whom and when,
the choice and reason typed kept, and sending it again (the page now shows the stored verdict)
overwrites knowingly."""

from __future__ import annotations

import re

import pytest

from sisakat.extensions import db
from sisakat.models import Verdict
from tests.http.test_refused_verdict_keeps_input import _claimed, _form_of
from tests.http.test_two_admins_at_once import danger_alerts
from tests.workflow_http import latest, page_text


def _seen(page: str, document_id: int) -> str:
    form = _form_of(page, document_id)
    return re.search(r'name="seen" type="hidden" value="([0-9a-f]+)"', form).group(1)


def test_verdict_from_an_old_tab_is_refused_beside_the_document_then_overwrites(
    app, make, login_as
):
    staff, application, item, doc = _claimed(app, make, login_as)
    staff_user_id = application.claimed_by_id
    other_tab = login_as(db.session.get(type(application.claimed_by), staff_user_id))
    review = f"/petugas/permohonan/{application.id}"
    url = f"{review}/dokumen/{doc.id}/nilai"
    old_page = page_text(other_tab.get(review))
    version = str(application.version)
    first = {"verdict": "tidak_sesuai", "reason": "Cap basah tidak tampak.", "version": version}
    first["seen"] = _seen(page_text(staff.get(review)), doc.id)
    assert staff.post(url, data=first).status_code == 302
    late_data = {"verdict": "sesuai", "reason": "", "version": version}
    late = other_tab.post(url, data={**late_data, "seen": _seen(old_page, doc.id)})
    assert late.status_code == 200
    form = _form_of(page_text(late), doc.id)
    assert "setelah halaman Anda dibuka" in form  # beside that document
    judge = db.session.get(type(application.claimed_by), staff_user_id).display_name
    # before: "Data ini sudah diubah ...", not saying that it was this document's verdict
    assert f"Penilaian dokumen {item.name} sudah diubah oleh {judge} pada " in form
    # once: before, also as a red flash at the top, far from the document it is about
    assert page_text(late).count("setelah halaman Anda dibuka") == 1
    assert danger_alerts(page_text(late)) == []
    assert re.search(r'value="sesuai" id="v\d+-sesuai" required checked', form)
    db.session.expire_all()
    assert (latest(item).verdict, latest(item).reason) == (Verdict.TIDAK_SESUAI, first["reason"])
    again = other_tab.post(url, data={**late_data, "seen": _seen(page_text(late), doc.id)})
    assert again.status_code == 302
    db.session.expire_all()
    assert latest(item).verdict == Verdict.SESUAI


@pytest.mark.parametrize(("seen", "saved"), [("0" * 32, False), ("palsu", False), ("", True)])
def test_forged_verdict_digest_is_refused_a_missing_one_saves(app, make, login_as, seen, saved):
    staff, application, item, doc = _claimed(app, make, login_as)
    url = f"/petugas/permohonan/{application.id}/dokumen/{doc.id}/nilai"
    data = {"verdict": "sesuai", "reason": "", "version": str(application.version), "seen": seen}
    response = staff.post(url, data=data)
    assert response.status_code == (302 if saved else 200)  # never a 500
    db.session.expire_all()
    assert latest(item).verdict == (Verdict.SESUAI if saved else None)
