"""A document verdict the server refuses (Tidak Sesuai without a reason, a reason too long)
answers with the review page again: the choice and the reason typed stay on that document, the
message names the document and sits beside its fields (aria-describedby), nothing is saved."""

from __future__ import annotations

import re

from sisakat.models import Role
from tests.http.test_application_loop import _create_and_fill
from tests.workflow_http import act, items, latest, page_text


def _claimed(app, make, login_as):
    _party, _pemohon, application = _create_and_fill(app, make, login_as)
    staff = login_as(make.user(Role.VERIFIKATOR))
    act(staff, f"/petugas/permohonan/{application.id}/ambil", application)
    item = next(it for it in items(application) if latest(it) is not None)
    return staff, application, item, latest(item)


def _form_of(page: str, document_id: int) -> str:
    start = page.index(f"/dokumen/{document_id}/nilai")
    return page[start : page.index("</form>", start)]


def test_tidak_sesuai_without_reason_keeps_the_choice_beside_the_message(app, make, login_as):
    staff, application, item, doc = _claimed(app, make, login_as)
    url = f"/petugas/permohonan/{application.id}/dokumen/{doc.id}/nilai"
    response = act(staff, url, application, verdict="tidak_sesuai", reason="")
    assert response.status_code == 200
    form = _form_of(page_text(response), doc.id)
    assert re.search(r'value="tidak_sesuai" id="v\d+-tidak_sesuai" required checked', form)
    assert f'aria-describedby="je{doc.id}"' in form
    assert "Alasan wajib diisi" in form  # the message beside the fields, not only at the top
    assert page_text(response).count("Alasan wajib diisi") == 1  # and not also at the top
    assert f"Penilaian {item.name}" in form  # the radios' group names the document
    assert latest(item).verdict is None


def test_a_reason_too_long_is_shown_again_not_dropped(app, make, login_as):
    staff, application, item, doc = _claimed(app, make, login_as)
    typed = "Tanda tangan ketua tidak terbaca dan cap basah tidak tampak. " * 10  # > 500
    url = f"/petugas/permohonan/{application.id}/dokumen/{doc.id}/nilai"
    response = act(staff, url, application, verdict="tidak_sesuai", reason=typed)
    assert response.status_code == 200
    text = page_text(response)
    form = _form_of(text, doc.id)
    assert f"Penilaian {item.name} belum tersimpan" in form  # beside the document, once
    assert text.count("belum tersimpan") == 1
    assert typed.strip() in form
    assert latest(item).verdict is None


def test_a_verdict_refused_where_its_form_is_gone_is_still_shown_once(app, make, login_as):
    staff, application, item, doc = _claimed(app, make, login_as)
    version = str(application.version)  # the review page opened before the rejection
    rejected = act(staff, f"/petugas/permohonan/{application.id}/tolak", application, note="Ganda.")
    assert rejected.status_code == 200
    url = f"/petugas/permohonan/{application.id}/dokumen/{doc.id}/nilai"
    late = staff.post(url, data={"verdict": "sesuai", "reason": "", "version": version})
    assert late.status_code == 200
    text = page_text(late)
    assert f"/dokumen/{doc.id}/nilai" not in text  # no form to show the message beside
    assert text.count("hanya dapat dinilai saat permohonan Diverifikasi") == 1  # the flash
    assert latest(item).verdict is None
