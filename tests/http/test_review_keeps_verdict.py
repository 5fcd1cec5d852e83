"""The review page shows a judged document's form with its current verdict chosen and its
reason filled in (catalogue reason and free text apart), so changing a reason is not retyping
it; the stale-page check (the ``seen`` digest) still guards it. A "Kembali ke antrean" link
returns to the queue with the verifier's filters: only the queue filter form's own fields."""

from __future__ import annotations

import html as html_lib
import re

from sisakat.services import requirements
from tests.http.test_refused_verdict_keeps_input import _claimed, _form_of
from tests.workflow_http import act, items, latest, page_text


def _seen(form: str) -> str:
    return html_lib.unescape(re.search(r'name="seen"[^>]*value="([^"]*)"', form).group(1))


def test_a_judged_document_shows_its_verdict_and_reason(app, make, login_as):
    staff, application, item, doc = _claimed(app, make, login_as)
    catalogue = requirements.reasons()[0].text
    url = f"/petugas/permohonan/{application.id}/dokumen/{doc.id}/nilai"
    act(staff, url, application, verdict="tidak_sesuai", reason_template=catalogue, reason="Buram")
    assert latest(item).reason == f"{catalogue}. Buram"
    form = _form_of(page_text(staff.get(f"/petugas/permohonan/{application.id}")), doc.id)
    assert re.search(r'value="tidak_sesuai" id="v\d+-tidak_sesuai" required checked', form)
    assert re.search(r'value="sesuai" id="v\d+-sesuai" required>', form)  # not checked
    assert re.search(r"<option selected value=\"" + re.escape(html_lib.escape(catalogue)), form)
    assert 'value="Buram"' in form
    # Changing only the free text, from the pre-filled form with the digest it showed: saved.
    fields = {"verdict": "tidak_sesuai", "reason_template": catalogue, "reason": "Terpotong"}
    saved = act(staff, url, application, seen=_seen(form), **fields)
    assert "Penilaian dokumen disimpan." in page_text(saved)
    assert latest(item).reason == f"{catalogue}. Terpotong"
    # The page shown before that change is stale: its digest still refuses a blind overwrite.
    stale = act(staff, url, application, seen=_seen(form), verdict="sesuai", reason="")
    assert latest(item).reason == f"{catalogue}. Terpotong"
    assert stale.status_code == 200


def test_a_free_reason_and_a_sesuai_verdict_are_shown_as_given(app, make, login_as):
    staff, application, item, doc = _claimed(app, make, login_as)
    other = next(latest(it) for it in items(application) if latest(it) and it.id != item.id)
    base = f"/petugas/permohonan/{application.id}/dokumen"
    act(staff, f"{base}/{doc.id}/nilai", application, verdict="tidak_sesuai", reason="Bukan <asli>")
    act(staff, f"{base}/{other.id}/nilai", application, verdict="sesuai", reason="")
    page = page_text(staff.get(f"/petugas/permohonan/{application.id}"))
    form = _form_of(page, doc.id)
    assert 'value="Bukan &lt;asli&gt;"' in form
    assert "<option selected" not in form or '<option selected value="">' in form
    assert re.search(r'value="sesuai" id="v\d+-sesuai" required checked', _form_of(page, other.id))


def test_back_to_the_queue_keeps_only_the_queue_filters(app, make, login_as):
    staff, application, item, doc = _claimed(app, make, login_as)
    queue = page_text(staff.get("/petugas/?status=diverifikasi&q=Contoh"))
    review = f"/petugas/permohonan/{application.id}"
    assert f'href="{review}?status=diverifikasi&amp;q=Contoh"' in queue
    hostile = (
        "?status=diverifikasi&q=Contoh&endpoint=auth.login&_external=1&next=https://jahat.test"
    )
    page = staff.get(review + hostile)
    assert page.status_code == 200
    back = re.search(r'<a[^>]*href="([^"]*)"[^>]*>[^<]*Kembali ke antrean', page_text(page))
    assert back.group(1) == "/petugas/?status=diverifikasi&amp;q=Contoh"
    # A verdict saved from that page comes back to it with the filters still carried.
    form = _form_of(page_text(page), doc.id)
    action = html_lib.unescape(re.search(r'action="([^"]*/nilai[^"]*)"', page_text(page)).group(1))
    assert action.endswith("?status=diverifikasi&q=Contoh")
    saved = act(staff, action, application, seen=_seen(form), verdict="sesuai", reason="")
    assert "Penilaian dokumen disimpan." in page_text(saved)
    assert 'href="/petugas/?status=diverifikasi&amp;q=Contoh"' in page_text(saved)
