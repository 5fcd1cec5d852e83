"""The numbering and letter settings screens of the super admin (Indonesian pages, DB state)."""

import io
from datetime import date

from pypdf import PdfReader

from sisakat.extensions import db
from sisakat.models import LetterNumber, NumberStatus, Role
from sisakat.services import numbering, settings

FORM = {
    "template": "{kode}/{nomor}/{unit}/{bulan_romawi}/{tahun}",
    "kode": "200.1.5.3",
    "unit": "BAN.KBP",
    "padding": "3",
    "mode": "sisakat",
}


def test_numbering_settings_save_and_refuse(app, make, login_as):
    client = login_as(make.user(Role.SUPERADMIN))
    page = client.get("/admin/penomoran").get_data(as_text=True)
    assert "Contoh nomor" in page
    assert "200.1.5.3/1/BAN.KBP/" in page
    response = client.post("/admin/penomoran", data={**FORM, "next_serial": "1436"})
    assert response.status_code == 302
    assert settings.get("numbering.skt.padding") == 3
    year = numbering.office_today().year
    assert numbering.next_serial("skt", year) == 1436
    bad = client.post("/admin/penomoran", data={**FORM, "template": "{kode}/{nomer}"})
    assert "Penanda tidak dikenal" in bad.get_data(as_text=True) or "tidak dikenal" in bad.get_data(
        as_text=True
    )
    assert settings.get("numbering.skt.template") == FORM["template"]
    lower = client.post("/admin/penomoran", data={**FORM, "next_serial": "5"})
    assert "lebih besar dari" in lower.get_data(as_text=True) or lower.status_code == 302


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
        "opening": "Pembuka contoh:",
        "statement": "Pernyataan contoh.",
        "closing": "",
        "footer_bsre": "",
        "tembusan": "Gubernur\n\nKPU",
        "page_size": "F4",
    }
    assert client.post("/admin/pengaturan-surat", data=data).status_code == 302
    assert settings.get("letter.tembusan") == ["Gubernur", "KPU"]
    pdf = client.get("/admin/pengaturan-surat/pratinjau.pdf")
    assert pdf.mimetype == "application/pdf"
    assert pdf.data.startswith(b"%PDF-")
    reader = PdfReader(io.BytesIO(pdf.data))
    assert "DRAF" in reader.pages[0].extract_text()
    assert "Pembuka contoh:" in reader.pages[0].extract_text()
    assert reader.pages[0].mediabox.height > 900  # F4
