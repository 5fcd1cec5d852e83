"""The follow-up of the survey results per period: /ikm showed one text for every year and
semester; now the super admin picks a year and a period, writes its text, and /ikm shows it under
that period only (PermenPANRB 14/2017 asks the follow-up of each survey period). The old single
text stays a general note, shown once."""

import re
from datetime import datetime

from sisakat.extensions import db
from sisakat.models import AuditEvent, Role
from sisakat.services import settings
from tests.auth_helpers import use_clock

URL = "/admin/kontak/tindak-lanjut"
SEMESTER_I = "Unsur U3 terendah: <b>loket</b> buka pukul 07.30.\nFormulir disederhanakan."


def _admin(app, make, login_as, now=datetime(2026, 9, 15, 3)):
    use_clock(app).now = now
    make.survey_response((3,) * 9, created_at=datetime(2025, 11, 1, 3))  # 2025 is on offer too
    return login_as(make.user(Role.SUPERADMIN))


def _section(html: str, element_id: str) -> str:
    found = re.search(rf'<p class="text-pre-wrap" id="{element_id}">([^<]*)</p>', html)
    return found.group(1) if found else ""


def test_each_period_shows_its_own_follow_up_and_no_other(app, client, make, login_as):
    admin = _admin(app, make, login_as)
    page = admin.get(URL).get_data(as_text=True)  # the running period is chosen
    assert '<h2 class="h5" id="periode-dipilih">Semester II 2026</h2>' in page
    assert ">Tindak lanjut Semester II 2026</label>" in page
    assert re.search(r'<option selected value="2026">2026</option><option value="2025">', page)
    saved = admin.post(URL + "?tahun=2026&periode=1", data={"text": SEMESTER_I})
    assert saved.status_code == 302
    assert saved.headers["Location"].endswith(URL + "?tahun=2026&periode=1")
    admin.post(URL + "?tahun=2026&periode=tahun", data={"text": "Rapat evaluasi tahunan."})
    admin.post(URL + "?tahun=2025&periode=2", data={"text": "Ruang tunggu diperbaiki."})
    assert settings.get("survey.follow_up_periods") == {
        "2026-1": SEMESTER_I,
        "2026": "Rapat evaluasi tahunan.",
        "2025-2": "Ruang tunggu diperbaiki.",
    }
    assert settings.get("survey.follow_up") == ""  # the general note is untouched
    audited = db.session.execute(db.select(AuditEvent.details)).scalars().all()
    assert '{"keys": ["survey.follow_up_periods"]}' in audited
    reopened = admin.get(URL + "?tahun=2026&periode=1").get_data(as_text=True)
    assert "Unsur U3 terendah: &lt;b&gt;loket&lt;/b&gt;" in reopened  # in the textarea
    listed = reopened.split('id="sudah-diisi"', 1)[1].split("</p>", 1)[0]
    assert re.findall(r">([^<>]+)</a>", listed) == [
        "Tahun 2026",
        "Semester I 2026",
        "Semester II 2025",
    ]

    html = client.get("/ikm").get_data(as_text=True)
    assert _section(html, "tindak-lanjut-semester-1") == (
        "Unsur U3 terendah: &lt;b&gt;loket&lt;/b&gt; buka pukul 07.30.\nFormulir disederhanakan."
    )
    assert "<b>loket</b>" not in html
    assert '<h3 class="h6">Tindak lanjut hasil survei Semester I 2026</h3>' in html
    assert _section(html, "tindak-lanjut-tahun") == "Rapat evaluasi tahunan."
    assert 'id="tindak-lanjut-semester-2"' not in html  # Semester II 2026 has none of its own
    assert "Ruang tunggu diperbaiki." not in html
    assert 'id="tindak-lanjut"' not in html  # no general note written
    # Under its period: the year's text before the semester table, each semester's after it.
    assert html.index("tindak-lanjut-tahun") < html.index("tabel-semester")
    assert html.index("tabel-semester") < html.index("tindak-lanjut-semester-1")
    earlier = client.get("/ikm?tahun=2025").get_data(as_text=True)
    assert _section(earlier, "tindak-lanjut-semester-2") == "Ruang tunggu diperbaiki."
    assert "Rapat evaluasi" not in earlier
    assert "loket" not in earlier


def test_the_old_single_text_stays_a_general_note_shown_once(app, client, make, login_as):
    """The text written on Kontak before periods existed cannot be dated: it is shown once,
    below the periods, labelled as a note for all of them, beside any period's own text."""
    admin = _admin(app, make, login_as)
    settings.update({"survey.follow_up": "Survei dibahas setiap rapat staf."}, actor=None)
    db.session.commit()
    admin.post(URL + "?tahun=2026&periode=1", data={"text": "Loket dibuka lebih awal."})
    for url in ("/ikm", "/ikm?tahun=2025"):
        html = client.get(url).get_data(as_text=True)
        assert html.count("Survei dibahas setiap rapat staf.") == 1, url
        assert '<h2 class="h5">Tindak lanjut hasil survei (catatan umum)</h2>' in html
    contacts = admin.get("/admin/kontak").get_data(as_text=True)
    assert "Catatan umum tindak lanjut hasil survei" in contacts
    assert f'href="{URL}">Tindak lanjut hasil survei per periode</a>' in contacts
    assert f'href="{URL}"' in admin.get("/admin/").get_data(as_text=True)


def test_bad_follow_up_gets_a_message_and_nothing_is_stored(app, client, make, login_as):
    admin = _admin(app, make, login_as, now=datetime(2026, 3, 10, 3))
    target = URL + "?tahun=2026&periode=1"
    refused = admin.post(target, data={"text": "ada \x00 NUL"})
    assert refused.status_code == 200
    assert "Teks memuat karakter yang tidak diizinkan." in refused.get_data(as_text=True)
    bidi = admin.post(target, data={"text": "arah \u202e terbalik"})
    assert "Teks memuat karakter yang tidak diizinkan." in bidi.get_data(as_text=True)
    long = admin.post(target, data={"text": "a" * 2001})
    assert "Paling banyak 2.000 karakter." in long.get_data(as_text=True)
    assert "a" * 2001 + "</textarea>" in long.get_data(as_text=True)  # kept as typed
    early = admin.post(URL + "?tahun=2026&periode=2", data={"text": "Belum waktunya."})
    assert early.status_code == 200
    assert "Semester II 2026 belum dimulai" in early.get_data(as_text=True)
    for forged in ("?tahun=1999&periode=1", "?tahun=2026&periode=3", "?tahun=abc&periode=1"):
        answer = admin.post(URL + forged, data={"text": "Salah periode."})
        assert answer.status_code == 302, forged
        assert answer.headers["Location"].endswith(URL), forged
        shown = admin.get(answer.headers["Location"]).get_data(as_text=True)
        assert "Periode survei tidak dikenal." in shown
    assert settings.get("survey.follow_up_periods") == {}
    assert admin.post(target, data={"text": "a" * 2000}).status_code == 302  # the cap itself
    assert len(settings.get("survey.follow_up_periods")["2026-1"]) == 2000


def test_emptying_a_period_removes_its_follow_up(app, client, make, login_as):
    admin = _admin(app, make, login_as)
    target = URL + "?tahun=2026&periode=tahun"
    admin.post(target, data={"text": "Rapat evaluasi tahunan."})
    assert "Rapat evaluasi tahunan." in client.get("/ikm").get_data(as_text=True)
    admin.post(target, data={"text": "  \u200b "})  # nothing visible counts as empty
    assert settings.get("survey.follow_up_periods") == {}
    assert 'id="tindak-lanjut-tahun"' not in client.get("/ikm").get_data(as_text=True)


def test_a_page_out_of_date_does_not_overwrite_another_admins_text(app, make, login_as):
    """Two admins on the same period: the later save from an older page is refused, naming
    who saved, and keeps what was typed; a save of another period is not disturbed."""
    admin = _admin(app, make, login_as)
    target = URL + "?tahun=2026&periode=1"
    page = admin.get(target).get_data(as_text=True)
    seen = re.search(r'name="seen" type="hidden" value="([0-9a-f]+)"', page).group(1)
    other = login_as(make.user(Role.SUPERADMIN, full_name="Admin Kedua Contoh"))
    other.post(URL + "?tahun=2026&periode=2", data={"text": "Semester dua."})
    assert admin.post(target, data={"text": "Pertama.", "seen": seen}).status_code == 302
    other.post(target, data={"text": "Versi admin kedua."})
    stale = admin.post(target, data={"text": "Versi saya.", "seen": seen})
    html = stale.get_data(as_text=True)
    assert "sudah diubah oleh Admin Kedua Contoh" in html
    assert "Versi saya.</textarea>" in html
    assert settings.get("survey.follow_up_periods")["2026-1"] == "Versi admin kedua."
