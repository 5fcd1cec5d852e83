"""Complaint form rules: rate limit, required name setting, attachment checks."""

from datetime import datetime

from sisakat.extensions import db
from sisakat.models import Complaint, Role, StoredFile
from sisakat.services import complaint_categories, settings
from tests import hostile_pdfs
from tests.auth_helpers import use_clock
from tests.http.test_two_admins_at_once import danger_alerts
from tests.public_helpers import upload

FORM = {"contact": "warga@contoh.test", "category": "d1", "body": "Aplikasi lambat dibuka."}


def _count(model) -> int:
    return db.session.execute(db.select(db.func.count()).select_from(model)).scalar_one()


def test_complaints_are_rate_limited_per_address_with_a_fake_clock(app, client):
    clock = use_clock(app)
    assert client.post("/pengaduan", data=FORM).status_code == 302  # stores the defaults
    form = {**FORM, "category": str(complaint_categories.categories()[1].id)}
    for _ in range(4):
        assert client.post("/pengaduan", data=form).status_code == 302
    refused = client.post("/pengaduan", data={**form, "body": "Isian keenam yang panjang."})
    assert refused.status_code == 429
    page = refused.get_data(as_text=True)
    assert "Terlalu banyak kiriman dari alamat ini" in page
    # The form comes back with what was typed, not an error page that drops it.
    assert "Isian keenam yang panjang.</textarea>" in page
    assert "Isian Anda belum terkirim" in page
    assert _count(Complaint) == 5
    clock.advance(hours=1)
    assert client.post("/pengaduan", data=form).status_code == 302


def test_name_is_required_when_the_office_says_so(client):
    settings.update({"complaint.name_required": True}, actor=None)
    db.session.commit()
    response = client.post("/pengaduan", data=FORM)
    assert response.status_code == 200
    assert "Nama wajib diisi" in response.get_data(as_text=True)
    assert _count(Complaint) == 0


def test_non_pdf_or_encrypted_attachment_is_refused_and_nothing_kept(client):
    import io

    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(200, 200)
    writer.encrypt("rahasia")
    locked = io.BytesIO()
    writer.write(locked)
    cases = {
        b"\x89PNG\r\n\x1a\n not a pdf": "gambar, bukan PDF",
        b"junk%PDF-1.7": "tidak diawali penanda %PDF-",
        locked.getvalue(): "terenkripsi",
        hostile_pdfs.javascript_open_action(): "JavaScript",
    }
    for data, message in cases.items():
        response = client.post("/pengaduan", data={**FORM, "attachment": upload(data)})
        html = response.get_data(as_text=True)
        # Beside the attachment field, not only at the top of the page.
        assert 'id="attachment-error">' in html
        beside = html.split('id="attachment-error">', 1)[-1].split("</div></div>", 1)[0]
        assert message in beside
    assert _count(Complaint) == 0
    assert _count(StoredFile) == 0
    assert "Aplikasi lambat dibuka." in response.get_data(as_text=True)  # what was typed stays


def test_the_attachment_help_names_the_configured_cap(app, client):
    app.config["MAX_UPLOAD_MB"] = 7
    assert "PDF, paling besar 7 MB." in client.get("/pengaduan").get_data(as_text=True)


def test_nul_bytes_in_public_forms_get_an_indonesian_message(client):
    response = client.post("/pengaduan", data={**FORM, "body": "Isi dengan \x00 NUL di tengah"})
    assert "Teks memuat karakter yang tidak diizinkan." in response.get_data(as_text=True)
    answers = {f"u{i}": "3" for i in range(1, 10)} | {"service": "skt_parpol"}
    survey = client.post("/survei", data={**answers, "suggestion": "saran\x00"})
    assert "Teks memuat karakter yang tidak diizinkan." in survey.get_data(as_text=True)
    assert _count(Complaint) == 0


def test_category_time_limit_set_by_admin_drives_the_due_date(app, client, make, login_as):
    app.config["CLOCK"] = lambda: datetime(2026, 6, 1, 2, 0)
    admin = login_as(make.user(Role.SUPERADMIN))
    admin.post(
        "/admin/pengaduan/kategori", data={"name": "Loket", "limit_days": "2", "active": "y"}
    )
    category = next(c for c in complaint_categories.categories() if c.name == "Loket")
    admin.post(
        f"/admin/pengaduan/kategori/{category.id}",
        data={
            f"c{category.id}-name": "Loket",
            f"c{category.id}-limit_days": "7",
            f"c{category.id}-active": "y",
        },
    )
    client.post("/pengaduan", data={**FORM, "category": str(category.id)})
    filed = db.session.execute(db.select(Complaint)).scalar_one()
    # Monday 09.00 WIB with 7 working days: Wednesday of the next week, at closing (16.00 WIB).
    assert filed.due_at == datetime(2026, 6, 10, 9, 0)
    refused = admin.post("/admin/pengaduan/kategori", data={"name": "X", "limit_days": "400"})
    assert "1 sampai 365 hari kerja." in refused.get_data(as_text=True)


def test_staff_viewing_an_attachment_is_audited(app, make, login_as):
    from sisakat.models import AuditEvent

    ticket = make.complaint(attachment=True)
    staff = login_as(make.user(Role.VERIFIKATOR))
    response = staff.get(f"/petugas/pengaduan/{ticket.id}/lampiran")
    assert response.headers["Content-Disposition"].startswith("attachment")
    response.close()
    actions = db.session.execute(db.select(AuditEvent.action)).scalars().all()
    assert "complaint.attachment_view" in actions


def test_the_first_own_category_keeps_the_defaults_on_the_public_form(app, client, make, login_as):
    """Adding a category used to make the three default categories vanish from /pengaduan."""
    admin = login_as(make.user(Role.SUPERADMIN))
    listed = admin.get("/admin/pengaduan/kategori").get_data(as_text=True)
    # the defaults are named before anything is saved
    assert "Pelayanan permohonan (5 hari kerja)" in listed
    admin.post(
        "/admin/pengaduan/kategori", data={"name": "Loket", "limit_days": "2", "active": "y"}
    )
    names = [c.name for c in complaint_categories.categories()]
    assert names == [*(name for name, _days in complaint_categories.DEFAULT_CATEGORIES), "Loket"]
    form = client.get("/pengaduan").get_data(as_text=True)
    for name in names:
        assert f">{name}</option>" in form


def test_the_default_categories_name_no_skt_and_stored_ones_keep_their_name(app, client):
    """The first default read 'Pelayanan SKT': an ormas, whose letter is a Surat Keterangan
    Melapor, or a citizen complaining about the ormas service was offered an SKT category."""
    form = client.get("/pengaduan").get_data(as_text=True)
    assert ">Pelayanan permohonan</option>" in form
    assert "SKT" not in form
    client.post("/pengaduan", data={**FORM, "category": "d0"})
    filed = db.session.execute(db.select(Complaint)).scalar_one()
    assert filed.category.name == "Pelayanan permohonan"
    # A category an office stored earlier under the old name is its own data: kept as it is.
    filed.category.name = "Pelayanan SKT"
    db.session.commit()
    assert ">Pelayanan SKT</option>" in client.get("/pengaduan").get_data(as_text=True)
    assert filed.category.name == "Pelayanan SKT"


def test_a_row_renamed_to_another_category_says_so_beside_the_name_once(app, make, login_as):
    """Before: two red messages, 'Nama kategori sudah ada.' and 'Kategori Loket belum
    tersimpan.', with nothing marked in the row."""
    admin = login_as(make.user(Role.SUPERADMIN))
    for name in ("Loket", "Antrean"):
        new = {"name": name, "limit_days": "2", "active": "y"}
        assert admin.post("/admin/pengaduan/kategori", data=new).status_code == 302
    loket = next(c for c in complaint_categories.categories() if c.name == "Loket")
    prefix = f"c{loket.id}"
    typed = {f"{prefix}-name": "Antrean", f"{prefix}-limit_days": "3", f"{prefix}-active": "y"}
    html = admin.post(f"/admin/pengaduan/kategori/{loket.id}", data=typed).get_data(as_text=True)
    assert danger_alerts(html) == ["Kategori Loket belum tersimpan. Periksa isian yang ditandai."]
    beside = html.split(f'id="{prefix}-name-error">', 1)[1].split("</div></div>", 1)[0]
    assert "Nama kategori sudah ada." in beside
    row = html.split(f'name="{prefix}-seen"', 1)[1].split("</form>", 1)[0]
    assert 'value="Antrean"' in row  # what was typed stays in that row
    assert 'value="3"' in row
    db.session.expire_all()
    assert (loket.name, loket.limit_days) == ("Loket", 2)


def test_a_category_name_differing_only_in_case_is_the_same_category(app, client, make, login_as):
    """'lain-lain' beside 'Lain-lain' was stored on SQLite and PostgreSQL (MariaDB's collation
    refused it): the public form then offered two choices reading the same. It is refused
    beside the name, the typed values kept; a row may still change the case of its own name."""
    admin = login_as(make.user(Role.SUPERADMIN))
    new = {"name": "Lain-lain", "limit_days": "7", "active": "y"}
    assert admin.post("/admin/pengaduan/kategori", data=new).status_code == 302
    for typed in ("lain-lain", "LAIN-LAIN", "pelayanan PERMOHONAN"):
        page = admin.post(
            "/admin/pengaduan/kategori", data={**new, "name": typed, "limit_days": "9"}
        )
        html = page.get_data(as_text=True)
        assert page.status_code == 200
        assert "Nama kategori sudah ada." in html
        assert f'value="{typed}"' in html
        assert 'value="9"' in html
    names = [c.name.lower() for c in complaint_categories.categories(include_inactive=True)]
    assert names.count("lain-lain") == 1
    assert names.count("pelayanan permohonan") == 1
    form = client.get("/pengaduan").get_data(as_text=True).lower()
    assert form.count(">lain-lain</option>") == 1
    own = next(c for c in complaint_categories.categories() if c.name == "Lain-lain")
    prefix = f"c{own.id}"
    renamed = {f"{prefix}-name": "Lain-Lain", f"{prefix}-limit_days": "7", f"{prefix}-active": "y"}
    assert admin.post(f"/admin/pengaduan/kategori/{own.id}", data=renamed).status_code == 302
    db.session.expire_all()
    assert own.name == "Lain-Lain"


def test_zero_days_names_the_allowed_range_not_an_empty_field(app, make, login_as):
    """A typed 0 was answered 'Isi batas waktu.' (fill in the time limit), as if left empty."""
    admin = login_as(make.user(Role.SUPERADMIN))
    html = admin.post(
        "/admin/pengaduan/kategori", data={"name": "Loket", "limit_days": "0", "active": "y"}
    ).get_data(as_text=True)
    assert "1 sampai 365 hari kerja." in html
    assert "Isi batas waktu." not in html
    empty = admin.post("/admin/pengaduan/kategori", data={"name": "Loket", "limit_days": ""})
    assert "Isi batas waktu." in empty.get_data(as_text=True)
    assert complaint_categories.categories() == []
