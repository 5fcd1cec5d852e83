"""Two super admins on the same page (QUALITY.md: two staff at once lose nothing): pages
without a version column carry a digest of what they showed; the second save from an old page
is refused with who saved and when, keeps what was typed, and a deliberate second save wins."""

from __future__ import annotations

import re

from sisakat.extensions import db
from sisakat.models import Requirement, Role, User
from sisakat.services import settings
from tests.http.test_settings_pages import AGENCY, SIGNATORY
from tests.workflow_http import seed_requirements

CHANGED = "sudah diubah oleh"


def _seen(page: str) -> str:
    match = re.search(r'name="seen" type="hidden" value="([0-9a-f]+)"', page)
    assert match, "the page carries no digest"
    return match.group(1)


def _two_admins(make, login_as):
    first = make.user(Role.SUPERADMIN, full_name="Ani Admin")
    second = make.user(Role.SUPERADMIN, full_name="Budi Admin")
    return login_as(first), login_as(second)


def test_agency_page_second_save_is_refused_keeps_input_then_wins(app, make, login_as):
    ani, budi = _two_admins(make, login_as)
    url = "/admin/pengaturan/instansi"
    seen_ani, seen_budi = (
        _seen(ani.get(url).get_data(as_text=True)),
        _seen(budi.get(url).get_data(as_text=True)),
    )
    assert ani.post(url, data={**AGENCY, "seen": seen_ani}).status_code == 302
    late = budi.post(url, data={**AGENCY, "phone": "(0542) 999999", "seen": seen_budi})
    html = late.get_data(as_text=True)
    assert late.status_code == 200
    assert f"{CHANGED} Ani Admin pada" in html
    assert 'value="(0542) 999999"' in html  # what Budi typed is still in the form
    assert settings.get("agency.phone") == AGENCY["phone"]  # Ani's save stands
    again = budi.post(url, data={**AGENCY, "phone": "(0542) 999999", "seen": _seen(html)})
    assert again.status_code == 302  # saving again is a deliberate overwrite
    assert settings.get("agency.phone") == "(0542) 999999"


def test_signatory_page_refuses_a_save_from_an_old_page(app, make, login_as):
    ani, budi = _two_admins(make, login_as)
    url = "/admin/pengaturan/penandatangan"
    seen_budi = _seen(budi.get(url).get_data(as_text=True))
    seen_ani = _seen(ani.get(url).get_data(as_text=True))
    assert ani.post(url, data={**SIGNATORY, "seen": seen_ani}).status_code == 302
    late = budi.post(url, data={**SIGNATORY, "rank": "Pembina (IV/a)", "seen": seen_budi})
    assert f"{CHANGED} Ani Admin pada" in late.get_data(as_text=True)
    assert settings.get("signatory.rank") == SIGNATORY["rank"]


def test_user_edit_refuses_a_save_from_an_old_page(app, make, login_as):
    ani, budi = _two_admins(make, login_as)
    staff = make.user(Role.VERIFIKATOR, full_name="Rina Contoh")
    url = f"/admin/pengguna/{staff.id}"
    form = {"email": staff.email, "role": "verifikator", "position": "", "nip": "", "nik": ""}
    seen_budi = _seen(budi.get(url).get_data(as_text=True))
    seen_ani = _seen(ani.get(url).get_data(as_text=True))
    saved = ani.post(url, data={**form, "full_name": "Rina Baru", "seen": seen_ani})
    assert saved.status_code == 302
    late = budi.post(url, data={**form, "full_name": "Rina Lama", "seen": seen_budi})
    html = late.get_data(as_text=True)
    assert f"{CHANGED} Ani Admin pada" in html
    assert 'value="Rina Lama"' in html
    db.session.expire_all()
    assert db.session.get(User, staff.id).full_name == "Rina Baru"


def test_requirement_edit_refuses_a_save_from_an_old_page(app, make, login_as):
    seed_requirements()
    ani, budi = _two_admins(make, login_as)
    item = db.session.execute(db.select(Requirement).order_by(Requirement.id)).scalars().first()
    url = f"/admin/persyaratan/{item.id}"
    form = {"name": item.name, "required": "y", "sort_order": str(item.sort_order or 0)}
    seen_budi = _seen(budi.get(url).get_data(as_text=True))
    seen_ani = _seen(ani.get(url).get_data(as_text=True))
    ani.post(url, data={**form, "description": "Versi Ani", "seen": seen_ani})
    late = budi.post(url, data={**form, "description": "Versi Budi", "seen": seen_budi})
    html = late.get_data(as_text=True)
    assert f"{CHANGED} Ani Admin pada" in html
    assert "Versi Budi" in html
    db.session.expire_all()
    assert db.session.get(Requirement, item.id).description == "Versi Ani"


def test_service_hours_and_contacts_refuse_a_save_from_an_old_page(app, make, login_as):
    ani, budi = _two_admins(make, login_as)
    hours = {"start": "08:00", "end": "16:00", "days": "60", "holidays": "", "workdays": ["1"]}
    contacts = {"lapor_url": "https://www.lapor.go.id", "whatsapp": "6281299998888"}
    for url, first, second, key, kept in (
        ("/admin/pengaturan/jam-layanan", hours, {**hours, "end": "15:00"}, "office.hours_end",
         "16:00"),
        ("/admin/kontak", contacts, {**contacts, "whatsapp": "6281200000000"}, "contact.whatsapp",
         "6281299998888"),
    ):  # fmt: skip
        seen_budi = _seen(budi.get(url).get_data(as_text=True))
        seen_ani = _seen(ani.get(url).get_data(as_text=True))
        assert ani.post(url, data={**first, "seen": seen_ani}).status_code == 302, url
        late = budi.post(url, data={**second, "seen": seen_budi})
        assert f"{CHANGED} Ani Admin pada" in late.get_data(as_text=True), url
        assert settings.get(key) == kept


def test_faq_and_reason_edits_refuse_a_save_from_an_old_page(app, make, login_as):
    from sisakat.services import requirements, service_info

    ani_user = make.user(Role.SUPERADMIN, full_name="Ani Admin")
    budi = login_as(make.user(Role.SUPERADMIN, full_name="Budi Admin"))
    ani = login_as(ani_user)
    faq = service_info.save_faq(
        None, question="Berapa biayanya?", answer="Gratis.", sort_order=1, active=True,
        actor=ani_user,
    )  # fmt: skip
    reason = requirements.save_reason(None, text="Dokumen buram.", active=True, actor=ani_user)
    db.session.commit()
    for url, first, second in (
        (f"/admin/faq/{faq.id}",
         {"question": "Berapa biayanya?", "answer": "Tidak dipungut biaya.", "active": "y"},
         {"question": "Berapa biayanya?", "answer": "Gratis sekali.", "active": "y"}),
        (f"/admin/alasan/{reason.id}",
         {"text": "Dokumen buram atau terpotong.", "active": "y"},
         {"text": "Dokumen tidak terbaca.", "active": "y"}),
    ):  # fmt: skip
        seen_budi = _seen(budi.get(url).get_data(as_text=True))
        seen_ani = _seen(ani.get(url).get_data(as_text=True))
        assert ani.post(url, data={**first, "seen": seen_ani}).status_code == 302, url
        late = budi.post(url, data={**second, "seen": seen_budi})
        html = late.get_data(as_text=True)
        assert f"{CHANGED} Ani Admin pada" in html, url
        assert list(second.values())[1 if "answer" in second else 0] in html  # typed, kept
    db.session.expire_all()
    assert "Tidak dipungut biaya." in db.session.get(type(faq), faq.id).answer
    assert db.session.get(type(reason), reason.id).text == "Dokumen buram atau terpotong."
