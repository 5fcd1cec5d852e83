"""The public forms' send limit is an office setting: a survey tablet at the counter, or visitors
on the office's shared Wi-Fi, all reach the server from one address, and the sixth respondent
of the hour was refused with the limit fixed at 5."""

import re

from sisakat.extensions import db
from sisakat.models import Complaint, Role, SurveyResponse
from sisakat.services import settings
from tests import hostile_pdfs
from tests.auth_helpers import use_clock
from tests.public_helpers import upload

ANSWERS = {f"u{i}": "4" for i in range(1, 10)} | {"service": "skt_parpol"}
COMPLAINT = {"contact": "warga@contoh.test", "category": "d0", "body": "Antrean di loket lama."}
CONTACTS = {"lapor_url": "https://www.lapor.go.id"}
TABLET = {"REMOTE_ADDR": "192.168.1.20"}


def _count(model) -> int:
    return db.session.execute(db.select(db.func.count()).select_from(model)).scalar_one()


def _beside(html: str, field: str) -> str:
    return html.split(f'id="{field}-error">', 1)[1].split("</div>", 1)[0]


def test_the_admin_raises_the_limit_and_the_counter_tablet_serves_more_respondents(
    app, client, make, login_as
):
    use_clock(app)
    admin = login_as(make.user(Role.SUPERADMIN))
    page = admin.get("/admin/kontak").get_data(as_text=True)
    assert 'value="5"' in page  # the current default, shown
    assert "tetap dihitung" in page  # refused sends still count: said in the help
    assert admin.post("/admin/kontak", data={**CONTACTS, "post_limit": "8"}).status_code == 302
    assert settings.get("public.post_limit") == 8
    sent = [client.post("/survei", data=ANSWERS).status_code for _ in range(8)]
    assert sent == [302] * 8
    assert client.post("/survei", data=ANSWERS).status_code == 429
    assert _count(SurveyResponse) == 8


def test_the_limit_stays_within_its_range_and_a_refused_save_keeps_what_was_typed(
    app, make, login_as
):
    admin = login_as(make.user(Role.SUPERADMIN))
    for typed in ("0", "1001", "lima"):
        data = {**CONTACTS, "post_limit": typed, "hours": "Senin-Jumat 08.00-16.00"}
        page = admin.post("/admin/kontak", data=data)
        html = page.get_data(as_text=True)
        assert page.status_code == 200
        assert _beside(html, "post_limit").strip(), typed
        assert 'value="Senin-Jumat 08.00-16.00"' in html
    assert settings.get("public.post_limit") == 5


def test_an_exempt_address_is_never_limited_and_others_still_are(app, client, make, login_as):
    use_clock(app)
    admin = login_as(make.user(Role.SUPERADMIN))
    typed = {**CONTACTS, "post_exempt": "192.168.1.20\n10.0.0.0/8"}
    assert admin.post("/admin/kontak", data=typed).status_code == 302
    assert settings.get("public.post_exempt") == ["192.168.1.20/32", "10.0.0.0/8"]
    page = admin.get("/admin/kontak").get_data(as_text=True)
    assert "192.168.1.20/32\n10.0.0.0/8</textarea>" in page
    sent = [
        client.post("/survei", data=ANSWERS, environ_base=TABLET).status_code for _ in range(12)
    ]
    assert sent == [302] * 12
    lan = {"REMOTE_ADDR": "10.1.2.3"}
    assert client.post("/pengaduan", data=COMPLAINT, environ_base=lan).status_code == 302
    others = [client.post("/survei", data=ANSWERS).status_code for _ in range(6)]
    assert others == [302] * 5 + [429]


def test_a_wrong_exempt_entry_is_refused_beside_the_field_and_kept(app, make, login_as):
    admin = login_as(make.user(Role.SUPERADMIN))
    cases = {
        "192.168.1.300": "192.168.1.300 bukan alamat IP atau jaringan",
        "192.168.1.5/24": "maksud Anda 192.168.1.0/24?",
    }
    for typed, said in cases.items():
        page = admin.post("/admin/kontak", data={**CONTACTS, "post_exempt": f"10.0.0.1\n{typed}"})
        html = page.get_data(as_text=True)
        assert page.status_code == 200
        assert said in _beside(html, "post_exempt")
        assert f"10.0.0.1\n{typed}</textarea>" in html
    assert settings.get("public.post_exempt") == []


def test_the_refusal_says_the_real_wait_and_retry_after_agrees(app, client):
    """The refusal said "kirim lagi dalam satu jam" whatever was left of the hour."""
    clock = use_clock(app)
    clock.advance(minutes=40)
    for _ in range(5):
        assert client.post("/pengaduan", data=COMPLAINT).status_code == 302
    refused = client.post("/pengaduan", data=COMPLAINT)
    assert refused.status_code == 429
    assert refused.headers["Retry-After"] == "1200"
    html = refused.get_data(as_text=True)
    assert "kirim lagi dalam 20 menit" in html
    assert "Antrean di loket lama.</textarea>" in html
    assert _count(Complaint) == 5
    assert re.search(r"satu jam", html) is None


def test_refused_sends_still_count_against_the_office_limit(app, client):
    """Deliberate: a hostile attachment refused after the count cannot be retried for free."""
    use_clock(app)
    settings.update({"public.post_limit": 2}, actor=None)
    db.session.commit()
    hostile = hostile_pdfs.javascript_open_action()
    for _ in range(2):
        refused = client.post("/pengaduan", data={**COMPLAINT, "attachment": upload(hostile)})
        assert 'id="attachment-error">' in refused.get_data(as_text=True)
    assert client.post("/pengaduan", data=COMPLAINT).status_code == 429
    assert _count(Complaint) == 0
