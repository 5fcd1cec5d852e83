"""Two super admins on the same page (QUALITY.md: two staff at once lose nothing): pages
without a version column carry a digest of what they showed; the second save from an old page
is refused with who saved and when, keeps what was typed, and a deliberate second save wins."""

from __future__ import annotations

import re

import pytest

from sisakat.extensions import db
from sisakat.models import FaqEntry, ReasonTemplate, Requirement, Role, ServiceStandard, User
from sisakat.services import complaint_categories, faq, requirements, service_info, settings
from tests.http.test_settings_pages import AGENCY
from tests.monitoring_helpers import hours_form
from tests.settings_data import SIGNATORY
from tests.workflow_http import seed_requirements

CHANGED = "sudah diubah oleh Ani Admin pada"
KEPT = "Isian Anda belum tersimpan dan masih ada di formulir ini"


def danger_alerts(page: str) -> list[str]:
    """The texts of the red messages on ``page`` (flashes, without the close button)."""
    found = re.findall(r'<div class="alert alert-danger[^"]*"[^>]*>(.*?)<button', page, re.S)
    return [" ".join(text.split()) for text in found]


def _seen(page: str) -> str:
    match = re.search(r'name="seen" type="hidden" value="([0-9a-f]+)"', page)
    assert match, "the page carries no digest"
    return match.group(1)


@pytest.fixture
def admins(make, login_as):
    """(Ani's client, Budi's client, Ani's user): two super admins logged in at once."""
    ani = make.user(Role.SUPERADMIN, full_name="Ani Admin")
    budi = make.user(Role.SUPERADMIN, full_name="Budi Admin")
    return login_as(ani), login_as(budi), ani


def _second_save_from_an_old_page(admins, url: str, first: dict, second: dict) -> str:
    """Both open ``url``; Ani saves ``first``; Budi then saves ``second`` from the page he
    opened before. Budi is refused, naming Ani; the page he gets back is returned."""
    ani, budi, _ = admins
    seen_budi = _seen(budi.get(url).get_data(as_text=True))
    seen_ani = _seen(ani.get(url).get_data(as_text=True))
    assert ani.post(url, data={**first, "seen": seen_ani}).status_code == 302, url
    late = budi.post(url, data={**second, "seen": seen_budi})
    assert late.status_code == 200, url
    html = late.get_data(as_text=True)
    (alert,) = danger_alerts(html)  # one message says who, when, and that the input is kept
    assert CHANGED in alert, url
    assert KEPT in alert, url
    return html


def test_agency_page_second_save_is_refused_keeps_input_then_wins(app, admins):
    url, typed = "/admin/pengaturan/instansi", {**AGENCY, "phone": "(0542) 999999"}
    html = _second_save_from_an_old_page(admins, url, AGENCY, typed)
    assert 'value="(0542) 999999"' in html  # what Budi typed is still in the form
    assert settings.get("agency.phone") == AGENCY["phone"]  # Ani's save stands
    again = admins[1].post(url, data={**typed, "seen": _seen(html)})
    assert again.status_code == 302  # saving again is a deliberate overwrite
    assert settings.get("agency.phone") == "(0542) 999999"


@pytest.mark.parametrize(
    ("url", "first", "second", "key", "kept"),
    [
        ("/admin/pengaturan/penandatangan", SIGNATORY, {**SIGNATORY, "rank": "Pembina (IV/a)"},
         "signatory.rank", SIGNATORY["rank"]),
        ("/admin/pengaturan/jam-layanan", hours_form(workdays=[1]),
         hours_form(end="15:00", workdays=[1]), "office.week", [[["08:00", "16:00"]]] + [[]] * 6),
        ("/admin/kontak", {"lapor_url": "https://www.lapor.go.id", "whatsapp": "6281299998888"},
         {"lapor_url": "https://www.lapor.go.id", "whatsapp": "6281200000000"},
         "contact.whatsapp", "6281299998888"),
        ("/tte/pengaturan", {"backend": "pades"}, {"backend": "srikandi", "allow_scan": "y"},
         "signing.backend", "pades"),
    ],
)  # fmt: skip
def test_other_settings_pages_refuse_a_save_from_an_old_page(
    app, admins, url, first, second, key, kept
):
    _second_save_from_an_old_page(admins, url, first, second)
    assert settings.get(key) == kept


def test_user_edit_refuses_a_save_from_an_old_page(app, make, admins):
    staff = make.user(Role.VERIFIKATOR, full_name="Rina Contoh")
    form = {"email": staff.email, "role": "verifikator", "position": "", "nip": "", "nik": ""}
    html = _second_save_from_an_old_page(
        admins,
        f"/admin/pengguna/{staff.id}",
        {**form, "full_name": "Rina Baru"},
        {**form, "full_name": "Rina Lama"},
    )
    assert 'value="Rina Lama"' in html
    db.session.expire_all()
    assert db.session.get(User, staff.id).full_name == "Rina Baru"


def test_requirement_edit_refuses_a_save_from_an_old_page(app, admins):
    seed_requirements()
    item = db.session.execute(db.select(Requirement).order_by(Requirement.id)).scalars().first()
    form = {"name": item.name, "required": "y", "sort_order": str(item.sort_order or 0)}
    html = _second_save_from_an_old_page(
        admins,
        f"/admin/persyaratan/{item.id}",
        {**form, "description": "Versi Ani"},
        {**form, "description": "Versi Budi"},
    )
    assert "Versi Budi" in html
    db.session.expire_all()
    assert db.session.get(Requirement, item.id).description == "Versi Ani"


def test_faq_and_reason_edits_refuse_a_save_from_an_old_page(app, admins):
    ani_user = admins[2]
    entry = faq.save_faq(
        None, question="Berapa biayanya?", answer="Gratis.", sort_order=1, active=True,
        actor=ani_user,
    )  # fmt: skip
    reason = requirements.save_reason(None, text="Dokumen buram.", active=True, actor=ani_user)
    db.session.commit()
    question = {"question": "Berapa biayanya?", "active": "y"}
    html = _second_save_from_an_old_page(
        admins,
        f"/admin/faq/{entry.id}",
        {**question, "answer": "Tidak dipungut biaya."},
        {**question, "answer": "Gratis sekali."},
    )
    assert "Gratis sekali." in html
    html = _second_save_from_an_old_page(
        admins,
        f"/admin/alasan/{reason.id}",
        {"text": "Dokumen buram atau terpotong.", "active": "y"},
        {"text": "Dokumen tidak terbaca.", "active": "y"},
    )
    assert "Dokumen tidak terbaca." in html
    db.session.expire_all()
    assert "Tidak dipungut biaya." in db.session.get(FaqEntry, entry.id).answer
    assert db.session.get(ReasonTemplate, reason.id).text == "Dokumen buram atau terpotong."


STANDARD = {
    "summary": "Ringkasan layanan SKT.",
    "procedure": "Daring melalui SISAKAT.",
    "duration": "5 hari kerja",
    "cost": "Tidak dipungut biaya.",
    "product": "SKT",
    "complaint_handling": "Melalui menu Pengaduan.",
    "legal_basis": "Permendagri 57/2017",
}


def test_service_standard_refuses_a_save_from_an_old_page_keeping_the_text(app, admins):
    url = "/admin/layanan/skt_parpol"
    ani_steps = {**STANDARD, "steps": "Ajukan | Pemohon | 1 hari"}
    budi_typed = {**STANDARD, "cost": "Gratis, tanpa pungutan.", "steps": "Verifikasi | Petugas"}
    html = _second_save_from_an_old_page(admins, url, ani_steps, budi_typed)
    assert "Gratis, tanpa pungutan." in html  # what Budi typed is still in the form
    assert "Verifikasi | Petugas</textarea>" in html
    assert [s.title for s in service_info.steps_for("skt_parpol")] == ["Ajukan"]  # Ani's stand
    assert service_info.standard_for("skt_parpol").cost == "<p>Tidak dipungut biaya.</p>"
    again = admins[1].post(url, data={**budi_typed, "seen": _seen(html)})
    assert again.status_code == 302  # saving again is a deliberate overwrite
    assert [s.title for s in service_info.steps_for("skt_parpol")] == ["Verifikasi"]


@pytest.mark.parametrize(("seen", "saved"), [("0" * 32, False), ("tidak-valid", False), ("", True)])
def test_service_standard_with_a_forged_digest_is_refused_a_missing_one_saves(
    app, admins, seen, saved
):
    data = {**STANDARD, "cost": "Biaya dari skrip.", "seen": seen}
    response = admins[0].post("/admin/layanan/skt_parpol", data=data)
    assert response.status_code == (302 if saved else 200)  # never a 500
    if not saved:
        html = response.get_data(as_text=True)
        assert "setelah halaman Anda dibuka" in html
        assert "Biaya dari skrip." in html
    stored = db.session.execute(db.select(ServiceStandard)).scalar_one_or_none()
    assert (stored is not None and "Biaya dari skrip." in stored.cost) == saved


def test_complaint_category_edit_refuses_a_save_from_an_old_page_keeping_the_row(app, admins):
    ani, budi, ani_user = admins
    category = complaint_categories.save_category(
        None, name="Loket", limit_days=5, active=True, actor=ani_user
    )
    db.session.commit()
    url, prefix = "/admin/pengaduan/kategori", f"c{category.id}"

    def seen(page: str) -> str:
        return re.search(rf'name="{prefix}-seen" type="hidden" value="([0-9a-f]+)"', page).group(1)

    seen_budi = seen(budi.get(url).get_data(as_text=True))
    seen_ani = seen(ani.get(url).get_data(as_text=True))
    row = {f"{prefix}-name": "Loket", f"{prefix}-active": "y"}
    ani_save = {**row, f"{prefix}-limit_days": "2", f"{prefix}-seen": seen_ani}
    assert ani.post(f"{url}/{category.id}", data=ani_save).status_code == 302
    budi_typed = {**row, f"{prefix}-name": "Loket pelayanan", f"{prefix}-limit_days": "5"}
    late = budi.post(f"{url}/{category.id}", data={**budi_typed, f"{prefix}-seen": seen_budi})
    assert late.status_code == 200
    html = late.get_data(as_text=True)
    (alert,) = danger_alerts(html)  # before: the refusal and "Kategori Loket belum tersimpan."
    assert alert.startswith("Kategori Loket sudah diubah oleh Ani Admin pada ")
    assert KEPT in alert
    assert 'value="Loket pelayanan"' in html  # what Budi typed is still in that row
    db.session.expire_all()
    assert (category.name, category.limit_days) == ("Loket", 2)  # Ani's limit stands
    again = budi.post(f"{url}/{category.id}", data={**budi_typed, f"{prefix}-seen": seen(html)})
    assert again.status_code == 302  # saving again is a deliberate overwrite
    db.session.expire_all()
    assert (category.name, category.limit_days) == ("Loket pelayanan", 5)


def test_two_admins_adding_the_same_category_at_once_the_second_is_told_not_a_500(app, admins):
    """Both pages found no "Loket"; Ani's add commits just before Budi's INSERT (the name is
    UNIQUE). Before: an IntegrityError, the 500 page. Now Budi reads that the name exists,
    what he typed is still in the form, and one "Loket" is stored."""
    from sisakat.models import ComplaintCategory
    from tests.write_races import committed_at_the_write

    complaint_categories.store_defaults_if_none()
    db.session.commit()
    table = ComplaintCategory.__table__
    ani_adds = committed_at_the_write(
        ComplaintCategory,
        lambda obj: table.insert().values(name=obj.name, limit_days=3, active=True, sort_order=9),
        which=lambda obj: obj.name == "Loket",
    )
    typed = {"name": "Loket", "limit_days": "7", "active": "y"}
    with ani_adds:
        response = admins[1].post("/admin/pengaduan/kategori", data=typed)
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    (alert,) = danger_alerts(html)
    assert alert.startswith("Kategori Loket baru saja ditambahkan admin lain.")
    assert 'value="7"' in html  # Budi's limit is still in the form
    db.session.expire_all()
    rows = db.session.execute(db.select(ComplaintCategory).filter_by(name="Loket")).scalars()
    assert [row.limit_days for row in rows] == [3]  # Ani's, once


def test_two_admins_adding_one_name_in_two_cases_at_once_store_one_category(app, admins):
    """Ani's "loket" commits just before Budi's INSERT of "Loket": neither page saw the other's
    row, so only the database can tell. Before the lower(name) index (SQLite, PostgreSQL) both
    were stored, two equal choices on the public form; now Budi is told, as for the same case."""
    from sisakat.models import ComplaintCategory
    from tests.write_races import committed_at_the_write

    complaint_categories.store_defaults_if_none()
    db.session.commit()
    table = ComplaintCategory.__table__
    ani_adds = committed_at_the_write(
        ComplaintCategory,
        lambda obj: table.insert().values(name="loket", limit_days=3, active=True, sort_order=9),
        which=lambda obj: obj.name == "Loket",
    )
    with ani_adds:
        response = admins[1].post(
            "/admin/pengaduan/kategori", data={"name": "Loket", "limit_days": "7", "active": "y"}
        )
    assert response.status_code == 200
    (alert,) = danger_alerts(response.get_data(as_text=True))
    assert alert.startswith("Kategori Loket baru saja ditambahkan admin lain.")
    db.session.expire_all()
    name = ComplaintCategory.name
    query = db.select(name).where(db.func.lower(name) == "loket")
    assert list(db.session.execute(query).scalars()) == ["loket"]
