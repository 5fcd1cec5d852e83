"""Super admin screens: requirement list CRUD and order, reason catalogue, audit log browser,
and the notification bell."""

from __future__ import annotations

from datetime import timedelta

from sisakat.extensions import db
from sisakat.formatting import BULAN
from sisakat.models import Notification, ReasonTemplate, Requirement, Role
from sisakat.services import audit, requirements
from tests.workflow_http import page_text, seed_requirements


def test_requirement_add_edit_and_move(app, make, login_as):
    seed_requirements()
    admin = login_as(make.user(Role.SUPERADMIN))
    response = admin.post(
        "/admin/persyaratan/baru",
        data={
            "name": "Surat rekomendasi",
            "description": "Dari DPP",
            "required": "y",
            "active": "y",
        },
    )
    assert response.status_code == 302
    new = db.session.execute(
        db.select(Requirement).where(Requirement.name == "Surat rekomendasi")
    ).scalar_one()
    assert requirements.active_list()[-1].id == new.id
    admin.post(f"/admin/persyaratan/{new.id}/pindah", data={"direction": "naik"})
    assert requirements.active_list()[-2].id == new.id
    admin.post(f"/admin/persyaratan/{new.id}", data={"name": "Surat rekomendasi DPP"})
    db.session.refresh(new)
    assert new.name == "Surat rekomendasi DPP"
    assert new.active is False  # an unchecked box is "no"
    assert "Surat rekomendasi DPP" in page_text(admin.get("/admin/persyaratan"))


def test_blank_and_nul_names_get_messages(app, make, login_as):
    admin = login_as(make.user(Role.SUPERADMIN))
    blank = page_text(admin.post("/admin/persyaratan/baru", data={"name": "  "}))
    assert "Nama wajib diisi." in blank
    nul = page_text(admin.post("/admin/persyaratan/baru", data={"name": "KTP\x00"}))
    assert "karakter yang tidak diizinkan" in nul


def test_reason_catalogue_refuses_duplicates(app, make, login_as):
    seed_requirements()
    admin = login_as(make.user(Role.SUPERADMIN))
    admin.post("/admin/alasan", data={"text": "Stempel tidak terbaca"})
    again = page_text(admin.post("/admin/alasan", data={"text": "Stempel tidak terbaca"}))
    assert "Alasan tersebut sudah ada di katalog." in again
    count = db.session.execute(
        db.select(db.func.count()).where(ReasonTemplate.text == "Stempel tidak terbaca")
    ).scalar_one()
    assert count == 1


def test_audit_log_filters_by_action_and_object(app, make, login_as):
    application = make.application(documents=False)
    admin = login_as(make.user(Role.SUPERADMIN))
    page = page_text(admin.get("/admin/log-audit?action=application.buat"))
    assert f"application:{application.id}" in page
    assert "requirement.save" not in page
    other = page_text(admin.get("/admin/log-audit?object=application:999999"))
    assert "Tidak ada catatan." in other
    assert admin.post("/admin/log-audit").status_code == 405  # read-only


def test_audit_log_shows_a_dash_for_empty_details(app, make, login_as):
    admin_user = make.user(Role.SUPERADMIN)
    audit.record("contoh.kosong", actor=admin_user)
    audit.record("contoh.isi", actor=admin_user, details={"alasan": "uji"})
    db.session.commit()
    admin = login_as(admin_user)
    empty = admin.get("/admin/log-audit?action=contoh.kosong").get_data(as_text=True)
    assert "<code>{}</code>" not in empty
    assert '<span class="text-body-secondary">—</span>' in empty
    full = admin.get("/admin/log-audit?action=contoh.isi").get_data(as_text=True)
    assert "alasan: uji</td>" in full  # in words, never the stored JSON
    assert "{&#34;alasan" not in full


def test_audit_log_shows_office_time_and_the_recorded_utc_second(app, make, login_as):
    admin_user = make.user(Role.SUPERADMIN)
    event = audit.record("contoh.waktu", actor=admin_user)
    db.session.commit()
    page = page_text(login_as(admin_user).get("/admin/log-audit?action=contoh.waktu"))
    wib = event.created_at + timedelta(hours=7)  # the office zone of the default settings
    assert f"{wib.day} {BULAN[wib.month - 1]} {wib.year} {wib:%H.%M} WIB" in page
    assert f"{event.created_at:%Y-%m-%d %H:%M:%S} UTC" in page


def test_bell_counts_unread_and_marks_read(app, make, login_as):
    user = make.user(Role.VERIFIKATOR)
    db.session.add(Notification(user_id=user.id, message="Permohonan baru", link="/petugas/"))
    db.session.commit()
    client = login_as(user)
    assert "Notifikasi, 1 belum dibaca" in page_text(client.get("/petugas/"))
    client.post("/akun/notifikasi/baca")
    assert "Notifikasi, 0 belum dibaca" in page_text(client.get("/akun/notifikasi"))


def test_audit_log_says_what_happened_in_words(app, make, login_as):
    """The Aksi column showed only codes (settings.update, user.deactivate, application.ajukan)
    and Hasil "ok"/"gagal"; an operator could not read it. Now each row says it in words above
    the code the filter takes."""
    admin_user = make.user(Role.SUPERADMIN)
    staff = make.user(Role.VERIFIKATOR)
    admin = login_as(admin_user)
    admin.post(f"/admin/pengguna/{staff.id}/nonaktifkan", data={"version": ""})
    audit.record("settings.update", actor=admin_user)
    audit.record("application.ajukan", actor=admin_user, object_type="application", object_id=1)
    audit.record("auth.login", actor=None, outcome="gagal", actor_label="tamu")
    audit.record("contoh.baru", actor=admin_user)
    db.session.commit()
    page = admin.get("/admin/log-audit").get_data(as_text=True)
    assert "Akun dinonaktifkan<br>" in page
    assert "Pengaturan diubah<br>" in page
    assert "Permohonan: Diajukan<br>" in page
    assert "Masuk<br>" in page
    assert ">gagal</td>" in page  # the Hasil cell carries fold classes
    assert ">berhasil</td>" in page
    assert ">ok</td>" not in page
    assert "Hasil: ok" not in page
    assert "<code>settings.update</code>" in page  # the code the filter takes
    assert "contoh.baru<br>" in page  # an unknown action is shown as stored


def test_every_audited_action_has_words():
    """Each action code the sources record has its label (a new action without one would be
    shown as a bare code again)."""
    import re
    from pathlib import Path

    from sisakat.services.audit_labels import action_label

    root = Path(__file__).resolve().parents[2] / "sisakat"
    found = set()
    for path in root.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        found |= set(re.findall(r'(?:audit\.record\(|action\s*=)\s*"([a-z_]+\.[a-z_.]+)"', text))
        found |= set(re.findall(r'else\s+"([a-z_]+\.[a-z_]+)"', text))
    assert "settings.update" in found
    assert "user.deactivate" in found
    assert [code for code in sorted(found) if action_label(code) == code] == []
