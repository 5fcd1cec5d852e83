"""The numbering and letter settings screens of the super admin (Indonesian pages, DB state)."""

import io
from datetime import date

from pypdf import PdfReader

from sisakat.extensions import db
from sisakat.models import SKT_PARPOL, LetterNumber, NumberStatus, Role
from sisakat.services import catalog, numbering
from tests.letters.helpers import prepared_letter

FORM = {
    "template": "{kode}/{nomor}/{unit}/{bulan_romawi}/{tahun}",
    "kode": "200.1.5.3",
    "unit": "BAN.KBP",
    "padding": "3",
    "mode": "sisakat",
}


def _version(code: str = SKT_PARPOL) -> str:
    db.session.expire_all()
    return str(catalog.get(code).version)


def test_numbering_settings_save_and_refuse(app, make, login_as):
    client = login_as(make.user(Role.SUPERADMIN))
    page = client.get("/admin/penomoran").get_data(as_text=True)
    assert "Contoh nomor" in page
    assert "200.1.5.3/1/BAN.KBP/" in page
    data = {**FORM, "next_serial": "1436", "version": _version()}
    response = client.post("/admin/penomoran", data=data)
    assert response.status_code == 302
    db.session.expire_all()
    assert catalog.get(SKT_PARPOL).number_padding == 3
    year = numbering.office_today().year
    assert numbering.next_serial("skt", year) == 1436
    bad = client.post(
        "/admin/penomoran", data={**FORM, "template": "{kode}/{nomer}", "version": _version()}
    )
    assert "tidak dikenal" in bad.get_data(as_text=True)
    db.session.expire_all()
    assert catalog.get(SKT_PARPOL).number_template == FORM["template"]
    lower = client.post(
        "/admin/penomoran", data={**FORM, "next_serial": "5", "version": _version()}
    )
    assert "lebih besar dari" in lower.get_data(as_text=True) or lower.status_code == 302


def test_a_next_serial_at_or_below_a_used_one_is_refused_beside_the_field(app, make, login_as):
    used = prepared_letter()  # takes serial 1 of this year's skt series
    client = login_as(make.user(Role.SUPERADMIN))
    before = numbering.next_serial("skt", numbering.office_today().year)
    data = {**FORM, "next_serial": str(used.number.serial), "version": _version()}
    response = client.post("/admin/penomoran", data=data)
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert 'id="next_serial-error">' in html
    beside = html.split('id="next_serial-error">', 1)[-1].split("</div></div>", 1)[0]
    assert "harus lebih besar dari" in beside
    assert numbering.next_serial("skt", numbering.office_today().year) == before


def test_numbering_settings_per_service_and_stale_version(app, make, login_as):
    client = login_as(make.user(Role.SUPERADMIN))
    page = client.get("/admin/penomoran?layanan=lapor_ormas").get_data(as_text=True)
    assert "200.1.4.4/1/BAN.KBP/" in page
    assert client.get("/admin/penomoran?layanan=tidak_ada").status_code == 404
    old = _version("lapor_ormas")
    form = {**FORM, "kode": "200.1.4.9", "padding": "0", "version": old}
    assert client.post("/admin/penomoran?layanan=lapor_ormas", data=form).status_code == 302
    db.session.expire_all()
    assert catalog.get("lapor_ormas").number_kode == "200.1.4.9"
    assert catalog.get(SKT_PARPOL).number_kode == "200.1.5.3"  # the other service untouched
    stale = client.post("/admin/penomoran?layanan=lapor_ormas", data={**form, "kode": "X"})
    assert "Layanan ini sudah diubah oleh" in stale.get_data(as_text=True)
    db.session.expire_all()
    assert catalog.get("lapor_ormas").number_kode == "200.1.4.9"


def test_void_requires_reason_and_register_shows_it(app, make, login_as):
    number = numbering.allocate("skt", local_date=date(2025, 6, 13), actor=None)
    client = login_as(make.user(Role.SUPERADMIN))
    empty = client.post(f"/admin/nomor-surat/{number.id}/batalkan", data={"reason": "  "})
    assert "Alasan pembatalan wajib diisi." in empty.get_data(as_text=True)
    done = client.post(f"/admin/nomor-surat/{number.id}/batalkan", data={"reason": "Salah ketik"})
    assert done.status_code == 302
    assert db.session.get(LetterNumber, number.id).status == NumberStatus.DIBATALKAN
    page = client.get("/admin/nomor-surat?status=dibatalkan").get_data(as_text=True)
    assert "Salah ketik" in page
    assert client.get("/admin/nomor-surat/999999/batalkan").status_code == 404


def test_letter_settings_and_draft_preview(app, make, login_as):
    client = login_as(make.user(Role.SUPERADMIN))
    data = {
        "version": _version(),
        "title": "SURAT KETERANGAN TERDAFTAR",
        "opening": "Pembuka contoh:",
        "statement": "Pernyataan contoh.",
        "closing": "",
        "footer_bsre": "",
        "tembusan": "Gubernur\n\nKPU",
        "page_size": "F4",
    }
    assert client.post("/admin/pengaturan-surat", data=data).status_code == 302
    db.session.expire_all()
    assert catalog.get(SKT_PARPOL).letter_tembusan == ["Gubernur", "KPU"]
    assert catalog.get("lapor_ormas").letter_opening != "Pembuka contoh:"
    pdf = client.get("/admin/pengaturan-surat/pratinjau.pdf")
    assert pdf.mimetype == "application/pdf"
    # a drawn file like every other (``storage.send_drawn``): shown inline, kept by no cache
    assert pdf.headers["Cache-Control"] == "private, no-store"
    assert pdf.headers["Content-Disposition"] == (
        "inline; filename=pratinjau-skt_parpol.pdf; filename*=UTF-8''pratinjau-skt_parpol.pdf"
    )
    assert pdf.data.startswith(b"%PDF-")
    reader = PdfReader(io.BytesIO(pdf.data))
    assert "DRAF" in reader.pages[0].extract_text()
    assert "Pembuka contoh:" in reader.pages[0].extract_text()
    assert reader.pages[0].mediabox.height > 900  # F4
    ormas = client.get("/admin/pengaturan-surat/pratinjau.pdf?layanan=lapor_ormas")
    text = PdfReader(io.BytesIO(ormas.data)).pages[0].extract_text()
    assert "SURAT KETERANGAN MELAPOR" in text
    assert "Pembuka contoh:" not in text
    assert client.get("/admin/pengaturan-surat?layanan=tidak_ada").status_code == 404


def test_letter_settings_point_to_the_pages_of_letterhead_and_signatory(app, make, login_as):
    """The page said the signatory is set "di pengaturan instansi", a page without it; now it
    links the letterhead and the signatory pages by the names the admin home gives them."""
    page = login_as(make.user(Role.SUPERADMIN)).get("/admin/pengaturan-surat").get_data(True)
    assert "penandatangan diatur di pengaturan instansi" not in page
    assert '<a href="/admin/pengaturan/instansi">Profil instansi dan kop surat</a>' in page
    assert '<a href="/admin/pengaturan/penandatangan">Penandatangan surat</a>' in page


def test_number_example_is_the_next_number_of_this_month(app, make, login_as):
    """The example always printed serial 1 in June (VI): after setting the next serial to 1436
    in December the page still showed '.../1/.../VI/...', as if the setting had not been kept."""
    from datetime import datetime

    from tests.letter_helpers import fixed_clock

    fixed_clock(app, datetime(2026, 12, 7, 3, 0))  # 10.00 WIB, Senin 7 Desember 2026
    client = login_as(make.user(Role.SUPERADMIN))
    data = {**FORM, "next_serial": "1436", "version": _version()}
    assert client.post("/admin/penomoran", data=data).status_code == 302
    page = client.get("/admin/penomoran").get_data(as_text=True)
    assert "200.1.5.3/1436/BAN.KBP/XII/2026" in page
    assert 'data-month="12" data-serial="1436"' in page


def test_srikandi_mode_says_srikandi_numbers_instead_of_an_example(app, make, login_as):
    """Saving the page in SRIKANDI mode still showed 'Contoh nomor ... 200.1.5.3/1/BAN.KBP/...',
    a number SISAKAT never gives in that mode; the page now says SRIKANDI gives it."""
    client = login_as(make.user(Role.SUPERADMIN))
    data = {**FORM, "mode": "srikandi", "version": _version()}
    assert client.post("/admin/penomoran", data=data).status_code == 302
    page = client.get("/admin/penomoran").get_data(as_text=True)
    assert "Contoh nomor" not in page
    assert 'id="number-example"' not in page
    assert "nomor dan tanggal surat diberikan SRIKANDI saat surat ditandatangani" in page
    data = {**FORM, "mode": "sisakat", "version": _version()}
    assert client.post("/admin/penomoran", data=data).status_code == 302
    page = client.get("/admin/penomoran").get_data(as_text=True)
    assert "Contoh nomor" in page
    assert "Penomoran oleh SRIKANDI" not in page


def _page_fields(html: str) -> dict:
    """The hidden fields of the numbering form, as a browser would post them back."""
    import re

    return dict(
        re.findall(r'<input[^>]*name="([^"]+)"[^>]*type="hidden"[^>]*value="([^"]*)"', html)
    )


def test_a_numbering_page_opened_before_new_year_leaves_the_new_years_serial_at_1(
    app, make, login_as
):
    """Opened at 23.55 WIB on 31 December (next serial 57) and saved at 00.05 WIB on 1 January
    to change only the unit: the 57 the page showed became 2027's next serial, so 2027's
    numbers began at 57 with 1-56 never given. A serial typed for the old year is refused."""
    from datetime import datetime

    from tests.letter_helpers import fixed_clock

    fixed_clock(app, datetime(2026, 12, 31, 16, 55))
    client = login_as(make.user(Role.SUPERADMIN))
    numbering.set_next_serial("skt", 2026, 57, actor=None)
    db.session.commit()
    page = client.get("/admin/penomoran").get_data(as_text=True)
    assert 'value="57"' in page
    shown = {**_page_fields(page), **FORM, "version": _version()}
    fixed_clock(app, datetime(2026, 12, 31, 17, 5))  # 00.05 WIB, 1 Januari 2027
    response = client.post("/admin/penomoran", data={**shown, "next_serial": "80"})
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert "Tahun sudah berganti menjadi 2027" in html
    assert 'value="80"' in html  # what was typed comes back
    assert _page_fields(html)["year"] == "2027"  # the page now shows 2027: saving again is for it
    db.session.expire_all()
    assert numbering.next_serial("skt", 2027) == 1
    assert numbering.next_serial("skt", 2026) == 57
    unchanged = {**shown, "unit": "BAN.KBP.X", "next_serial": "57", "version": _version()}
    assert client.post("/admin/penomoran", data=unchanged).status_code == 302
    db.session.expire_all()
    assert catalog.get(SKT_PARPOL).number_unit == "BAN.KBP.X"
    assert numbering.next_serial("skt", 2027) == 1
    assert numbering.next_serial("skt", 2026) == 57
    assert numbering.allocate("skt", local_date=date(2027, 1, 1), actor=None).serial == 1


def test_a_serial_left_as_shown_is_saved_although_letters_took_serials_meanwhile(
    app, make, login_as
):
    """The page opened with next serial 1; a letter was approved (serial 1) before the admin
    saved a new unit with the serial field untouched: the save was refused as a lowered serial.
    Now the untouched field leaves the serial alone; the letter's serial stays used."""
    client = login_as(make.user(Role.SUPERADMIN))
    year = numbering.office_today().year
    page = client.get("/admin/penomoran").get_data(as_text=True)
    shown = {**_page_fields(page), **FORM, "version": _version(), "next_serial": "1"}
    used = prepared_letter()  # approved while the page is open: takes serial 1
    assert used.number.serial == 1
    response = client.post("/admin/penomoran", data={**shown, "unit": "BAN.KBP.2"})
    assert response.status_code == 302, response.get_data(as_text=True)
    db.session.expire_all()
    assert catalog.get(SKT_PARPOL).number_unit == "BAN.KBP.2"
    assert numbering.next_serial("skt", year) == 2
    assert numbering.allocate("skt", local_date=date(year, 6, 1), actor=None).serial == 2


def test_a_serial_the_admin_changed_below_the_next_one_is_refused_naming_the_next_one(
    app, make, login_as
):
    """Same race, but the admin typed 2 while letters took serials 1 and 2: refused beside the
    field, naming the next serial now (3); nothing saved, the typed 2 comes back."""
    client = login_as(make.user(Role.SUPERADMIN))
    year = numbering.office_today().year
    page = client.get("/admin/penomoran").get_data(as_text=True)
    shown = {**_page_fields(page), **FORM, "version": _version()}
    prepared_letter()
    prepared_letter()
    response = client.post(
        "/admin/penomoran", data={**shown, "unit": "BAN.KBP.2", "next_serial": "2"}
    )
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    beside = html.split('id="next_serial-error">', 1)[-1].split("</div></div>", 1)[0]
    assert "harus lebih besar dari 2" in beside
    assert "saat ini nomor urut berikutnya 3" in beside
    assert 'value="2"' in html
    db.session.expire_all()
    assert catalog.get(SKT_PARPOL).number_unit == "BAN.KBP"
    assert numbering.next_serial("skt", year) == 3


def test_a_serial_left_as_shown_does_not_put_back_one_another_admin_raised(app, make, login_as):
    """Two admins: one raises the next serial to 40 while the other's page still shows 1; the
    other saves a unit change with the field untouched: the 40 stays."""
    client = login_as(make.user(Role.SUPERADMIN))
    year = numbering.office_today().year
    page = client.get("/admin/penomoran").get_data(as_text=True)
    shown = {**_page_fields(page), **FORM, "version": _version(), "next_serial": "1"}
    numbering.set_next_serial("skt", year, 40, actor=None)
    db.session.commit()
    assert client.post("/admin/penomoran", data={**shown, "unit": "X"}).status_code == 302
    db.session.expire_all()
    assert numbering.next_serial("skt", year) == 40
